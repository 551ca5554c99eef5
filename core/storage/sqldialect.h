#pragma once

#include <QString>
#include <QStringList>

// The SQL that differs between database kinds, in one place, so the store's own
// statements stay portable. A PostgreSQL dialect joins this one for shared war rooms.
class SqlDialect
{
public:
    virtual ~SqlDialect() = default;

    virtual QString driverName() const = 0;
    // Column definition for a table's surrogate key, e.g. "id INTEGER PRIMARY KEY".
    virtual QString idColumn() const = 0;
    // Starts a write transaction that takes the write lock at once, so that reading
    // "next sequence number" and inserting it cannot interleave with another writer.
    virtual QString beginWrite() const = 0;
    // Statements that make the database itself refuse UPDATE and DELETE on a table.
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
    // Statements run on every new connection once it is known to be Warroom's.
    virtual QStringList connectionSetup() const = 0;
};

class SqliteDialect final : public SqlDialect
{
public:
    QString driverName() const override;
    QString idColumn() const override;
    QString beginWrite() const override;
    QStringList appendOnlyGuards(const QString &table) const override;
    QStringList replaceGuards(const QString &table, const QStringList &uniqueKeys) const override;
    QStringList incidentGuards() const override;
    QStringList beforeFirstRead() const override;
    QStringList connectionSetup() const override;
};
