#pragma once

#include "domain/result.h"

#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>

class ChangeSource;
class Database;
class OwnerLock;
class QSqlError;
struct WarRoomAddress;

enum class OpenMode
{
    CreateIfMissing, // a new file gets the full schema
    MustExist        // for commands that only add to an existing war room
};

// Everything that differs between the kinds of database a war room lives in, in one place, so
// that the store, its statements and its rules are the same for both: SQLite for one desktop
// (SqliteEngine), PostgreSQL for a war room a team shares (PostgresEngine). A Database has the
// engine for its address; nothing above the Database asks which kind it is.
class StorageEngine
{
public:
    static std::unique_ptr<StorageEngine> forAddress(const WarRoomAddress &address);
    virtual ~StorageEngine() = default;

    // --- connecting
    virtual QString driverName() const = 0;
    // A file is opened by one process through one connection (OwnerLock says why); a server
    // takes one connection per thread.
    virtual bool connectionPerThread() const = 0;
    // Adds the connection named connectionName and opens it, with what the engine needs first
    // (the file's owner lock, a password from the keychain). Returns what the process must
    // hold for as long as the connection is open (null: nothing).
    virtual Result<std::shared_ptr<OwnerLock>> connect(const QString &connectionName,
                                                       OpenMode mode) const = 0;
    // Whether the error is the database's (a full disk, a damaged file, a server gone) rather
    // than one statement's own (a trigger's refusal, say).
    virtual bool isDatabaseProblem(const QSqlError &error) const = 0;
    // The database's error in words that say what to do.
    virtual QString explain(const QSqlError &error) const = 0;
    // Whether the error says the war room could not be reached (a server down or gone): what
    // was asked may be kept and tried again (Failure::Kind::Unreachable).
    virtual bool isUnreachable(const QSqlError &error) const = 0;
    // Why an existing database is not taken: it holds no war room (and the command needs one),
    // it holds someone else's data, or it cannot be read as a war room.
    virtual QString blankRefusal() const = 0;
    virtual QString foreignRefusal() const = 0;
    virtual QString damaged(const QString &why) const = 0;

    // --- ownership and setup
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

    // --- writing
    // Starts a write transaction holding the war room's one write lock, so that reading "next
    // sequence number" (per incident), inserting it and linking the record chain cannot
    // interleave with another writer, and rows are committed in the order of their ids.
    virtual QStringList beginWrite() const = 0;

    // --- who and what changed
    // Follows what every connection commits to the war room, this one's included, as
    // (topic, incident). Fails when the engine cannot follow.
    virtual Result<std::unique_ptr<ChangeSource>> followChanges(Database &database) const = 0;
    // The role the connection writes as on a server (empty on a file, whose rows are all its
    // owner's).
    virtual Result<QString> signedInRole(const Database &database) const = 0;
    // The roles that have the war room open in a window now, besides this connection (on a
    // file, which one process owns, nobody).
    virtual Result<QStringList> rolesInWindows(const Database &database) const = 0;

    // --- schema
    // Column definition for a table's surrogate key, e.g. "id INTEGER PRIMARY KEY".
    virtual QString idColumn() const = 0;
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
    // Statements that make the database announce, at commit, the rows each statement adds to a
    // table (for incidents, also changes), in the form Changes::parseAnnouncement() reads.
    // Empty where the engine has no notifications.
    virtual QStringList announcers(const QString &table) const = 0;
    // Adds the signed_in_as column to a table: who wrote the row. On a server the database
    // fills it with the signed-in role and no client can set it; on a desktop's file (private to
    // its owner) it stays empty: every row is the file owner's.
    virtual QStringList signedInColumn(const QString &table) const = 0;

    // --- searching the log's text
    // Statements that index every log entry's text by word, filled from the rows already
    // there and kept up to date by the database itself on each insert.
    virtual QStringList logTextIndex() const = 0;
    // How to find the log entries (aliased e) whose text has every one of the words (lower
    // case letters and digits, see LogSearch) as the start of one of its words, by that index.
    struct TextMatch
    {
        QString from;      // the tables, e included
        QString condition; // binds value
        QVariant value;
        QString id;       // e's id, as the index orders and ranges over it
        QString incident; // e's incident, as the index narrows by it
    };
    virtual TextMatch logTextMatch(const QStringList &words) const = 0;

    // --- copying a whole war room in (WarRoomCopy)
    // Inside the write transaction that copies a war room in: no announcement per statement,
    // and rows keep who signed them (the war room's owner only); then one announcement that
    // tells every listener to look at everything.
    virtual QStringList beginCopy() const = 0;
    virtual QStringList endCopy() const = 0;
    // After rows were inserted with the ids they had elsewhere: what makes the table's next id
    // follow the highest one.
    virtual QStringList afterExplicitIds(const QString &table) const = 0;
};
