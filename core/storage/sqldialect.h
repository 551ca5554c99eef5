#pragma once

#include <QString>
#include <QStringList>
#include <QVariant>

// The SQL that differs between database kinds, in one place, so the store's own statements
// stay portable: SQLite for one desktop, PostgreSQL for a war room a team shares.
class SqlDialect
{
public:
    virtual ~SqlDialect() = default;

    virtual QString driverName() const = 0;
    // Column definition for a table's surrogate key, e.g. "id INTEGER PRIMARY KEY".
    virtual QString idColumn() const = 0;
    // Starts a write transaction holding the war room's one write lock, so that reading "next
    // sequence number", inserting it and linking the record chain cannot interleave with
    // another writer, and rows are committed in the order of their ids.
    virtual QStringList beginWrite() const = 0;
    // Statements that make the database itself refuse UPDATE and DELETE on a table (and, where
    // the engine has it, TRUNCATE).
    virtual QStringList appendOnlyGuards(const QString &table) const = 0;
    // Statements that refuse an insert colliding with a row already there on the id or on any
    // of uniqueKeys (each a comma-separated column list), so that "INSERT OR REPLACE", which
    // deletes the old row without firing delete triggers, cannot rewrite history.
    virtual QStringList replaceGuards(const QString &table,
                                      const QStringList &uniqueKeys) const = 0;
    // Statements that keep an incident's identity (title, customer, opening time) and forbid
    // deleting or replacing incidents.
    virtual QStringList incidentGuards() const = 0;
    // Statements run on a new connection before it reads anything.
    virtual QStringList beforeFirstRead() const = 0;
    // One row: the mark Warroom leaves on its databases (or null), and how many tables there
    // are. Both zero or null means a blank database Warroom may take.
    virtual QString ownershipProbe() const = 0;
    // The mark ownershipProbe() reads from a Warroom database.
    virtual QVariant ownMark() const = 0;
    // Leaves the mark, once the schema exists, in the transaction that creates it.
    virtual QStringList markAsOurs() const = 0;
    // Statements run on every new connection once it is known to be Warroom's.
    virtual QStringList connectionSetup() const = 0;
    // A query whose value changes when another connection commits, or empty when the engine
    // tells of commits itself (notificationChannel()).
    virtual QString changeCounter() const = 0;
    // Where the database announces committed changes to every connection, or empty.
    virtual QString notificationChannel() const = 0;
    // Statements that make the database announce on notificationChannel(), at commit, the rows
    // each statement adds to a table (for incidents, also changes), in the form
    // Changes::parseAnnouncement() reads. Empty where the engine has no notifications.
    virtual QStringList announcers(const QString &table) const = 0;
    // Inside the write transaction that copies a whole war room in: no announcement per
    // statement, and rows keep who signed them (the war room's owner only); then one
    // announcement that tells every listener to look at everything.
    virtual QStringList beginCopy() const = 0;
    virtual QStringList endCopy() const = 0;
    // Adds the signed_in_as column to a table: who wrote the row. On a server the database
    // fills it with the signed-in role and no client can set it; on a desktop's file (private to
    // its owner) it stays empty: every row is the file owner's.
    virtual QStringList signedInColumn(const QString &table) const = 0;
    // After rows were inserted with the ids they had elsewhere (a war room copied over): what
    // makes the table's next id follow the highest one.
    virtual QStringList afterExplicitIds(const QString &table) const = 0;
};

class SqliteDialect final : public SqlDialect
{
public:
    QString driverName() const override;
    QString idColumn() const override;
    QStringList beginWrite() const override;
    QStringList appendOnlyGuards(const QString &table) const override;
    QStringList replaceGuards(const QString &table, const QStringList &uniqueKeys) const override;
    QStringList incidentGuards() const override;
    QStringList beforeFirstRead() const override;
    QString ownershipProbe() const override;
    QVariant ownMark() const override;
    QStringList markAsOurs() const override;
    QStringList connectionSetup() const override;
    QString changeCounter() const override;
    QString notificationChannel() const override;
    QStringList announcers(const QString &table) const override;
    QStringList beginCopy() const override;
    QStringList endCopy() const override;
    QStringList signedInColumn(const QString &table) const override;
    QStringList afterExplicitIds(const QString &table) const override;
};

class PostgresDialect final : public SqlDialect
{
public:
    QString driverName() const override;
    QString idColumn() const override;
    QStringList beginWrite() const override;
    QStringList appendOnlyGuards(const QString &table) const override;
    QStringList replaceGuards(const QString &table, const QStringList &uniqueKeys) const override;
    QStringList incidentGuards() const override;
    QStringList beforeFirstRead() const override;
    QString ownershipProbe() const override;
    QVariant ownMark() const override;
    QStringList markAsOurs() const override;
    QStringList connectionSetup() const override;
    QString changeCounter() const override;
    QString notificationChannel() const override;
    QStringList announcers(const QString &table) const override;
    QStringList beginCopy() const override;
    QStringList endCopy() const override;
    QStringList signedInColumn(const QString &table) const override;
    QStringList afterExplicitIds(const QString &table) const override;
};
