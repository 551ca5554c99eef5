#pragma once

#include "domain/result.h"
#include "storage/recordchain.h"
#include "storage/storageengine.h"
#include "storage/warroomaddress.h"

#include <QList>
#include <QObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <memory>

class ChangeSource;
class OwnerLock;

// One connection to a Warroom database, checked and brought to the current schema on open.
// Use it only on the thread that opened it.
//
// A SQLite war room is opened by one process at a time (OwnerLock says why) and, within that
// process, through one connection: a second open of the same file returns the same Database.
// Everyone who shares it hears of every commit, whoever made it, through changes().
class Database : public QObject
{
    Q_OBJECT
public:
    ~Database() override;

    // Refuses, with a message and without writing a byte, files that are not SQLite, SQLite
    // files that are not Warroom's, Warroom files from a newer schema, and a war room another
    // process has open (its commands go to that process instead: see ownerchannel.h).
    // migrateToVersion < 0 means the latest schema; tests pass older versions.
    static Result<std::shared_ptr<Database>> openSqlite(const QString &path, OpenMode mode,
                                                        int migrateToVersion = -1);
    // A SQLite file as above, or a PostgreSQL war room: a database of Warroom's own on a server
    // that many desktops share, each with its own connection (no owner process).
    static Result<std::shared_ptr<Database>> open(const WarRoomAddress &address, OpenMode mode,
                                                  int migrateToVersion = -1);

    // A name no other Qt SQL connection of this process has (QSqlDatabase::addDatabase).
    static QString newConnectionName();

    const WarRoomAddress &address() const { return m_address; }

    const StorageEngine &engine() const { return *m_engine; }
    // What every connection commits to the war room, this one's included.
    ChangeSource &changes() const { return *m_changes; }
    QString location() const { return m_location; }
    int schemaVersion() const { return m_schemaVersion; }
    QSqlDatabase connection() const;

    // Prepares, binds positional values and executes; the failure names what failed.
    Result<QSqlQuery> run(const QString &sql, const QVariantList &values = {}) const;
    // As run(), but rows an INSERT adds are not linked into the record chain: only for copying
    // a whole war room, whose links are copied as they are (WarRoomCopy).
    Result<QSqlQuery> runVerbatim(const QString &sql, const QVariantList &values = {}) const
    {
        return execute(sql, values);
    }
    // The first column of the first row, or the fallback when there is no row.
    Result<QVariant> scalar(const QString &sql, const QVariantList &values = {},
                            const QVariant &fallback = {}) const;

    // Every row of a query, each read by readRow.
    template <typename Row>
    Result<QList<Row>> list(const QString &sql, const QVariantList &values,
                            Row (*readRow)(const QSqlQuery &)) const
    {
        Result<QSqlQuery> ran = run(sql, values);
        if (!ran)
            return ran.failure();
        QList<Row> rows;
        while (ran->next())
            rows.append(readRow(*ran));
        return rows;
    }

    // Runs body inside one write transaction: committed if it succeeds, rolled back if not.
    // A write inside another's body joins that transaction: both are kept, or neither.
    template <typename T, typename Body> Result<T> write(Body &&body)
    {
        if (m_writeDepth > 0) {
            const WriteDepth inner(m_writeDepth);
            return body();
        }
        if (Outcome begun = begin(); !begun)
            return begun.failure();
        Result<T> result = [&] {
            const WriteDepth outer(m_writeDepth);
            return body();
        }();
        if (!result) {
            rollback();
            return result;
        }
        if (Outcome saved = commit(); !saved) {
            rollback();
            return saved.failure();
        }
        emit committed();
        return result;
    }

    // Opens the connection again after the server went away (a write or read failed as
    // Unreachable), as the same role, and follows changes again; what others committed meanwhile
    // is told through changes(). Fails, Unreachable, while the server still cannot be reached.
    Outcome reconnect();

    // Brings the schema up to targetVersion in one transaction, the version written last.
    Outcome migrateTo(int targetVersion);

signals:
    // A write transaction was committed through this connection.
    void committed();

private:
    Database(QString connectionName, WarRoomAddress address, std::unique_ptr<StorageEngine> engine);
    // Connects, checks, brings the schema up and starts following changes.
    Outcome connect(OpenMode mode, int migrateToVersion);
    Outcome checkAndPrepare(OpenMode mode, int migrateToVersion);
    QString problem(const QSqlError &error) const;
    // The error as a failure, Unreachable when the engine says so; always: explained as the
    // database's even when it could be a statement's.
    Failure failure(const QSqlError &error, bool always = false) const;
    // Notes the rows an INSERT into a chained table added, to be linked before COMMIT.
    Result<QSqlQuery> runTrackingInserts(const QString &sql, const QVariantList &values) const;
    Result<QSqlQuery> execute(const QString &sql, const QVariantList &values) const;
    Outcome begin();
    Outcome commit();
    void rollback();
    Result<int> readSchemaVersion() const;

    QString m_connectionName;
    WarRoomAddress m_address;
    QString m_location; // m_address as shown
    std::unique_ptr<StorageEngine> m_engine;
    std::unique_ptr<ChangeSource> m_changes;
    std::shared_ptr<OwnerLock> m_lock; // released after the connection is closed
    int m_schemaVersion = 0;
    // How deep in write() bodies the connection is: only the outermost begins and commits.
    struct WriteDepth
    {
        explicit WriteDepth(int &depth) : m_depth(++depth) {}
        ~WriteDepth() { --m_depth; }
        WriteDepth(const WriteDepth &) = delete;
        WriteDepth &operator=(const WriteDepth &) = delete;
        int &m_depth;
    };
    int m_writeDepth = 0;
    // Rows added in the open transaction, linked into the record chain before it commits.
    mutable QList<RecordChain::RowRef> m_unlinked;
};
