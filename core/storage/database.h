#pragma once

#include "domain/result.h"
#include "storage/recordchain.h"
#include "storage/storageengine.h"
#include "storage/warroomaddress.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <memory>
#include <unordered_map>

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

    // Prepares, binds positional values and executes; the failure names what failed. The
    // caller holds the query: for reading rows as it goes. scalar(), list(), each() and exec()
    // reuse a statement prepared once per connection instead.
    Result<QSqlQuery> run(const QString &sql, const QVariantList &values = {}) const
    {
        return run(sql, values, Statement::Fresh);
    }
    // As run(), but rows an INSERT adds are not linked into the record chain: only for copying
    // a whole war room, whose links are copied as they are (WarRoomCopy).
    Result<QSqlQuery> runVerbatim(const QString &sql, const QVariantList &values = {}) const
    {
        m_highestIds.clear(); // rows come in that the tracking did not see
        return execute(sql, values);
    }
    // The first column of the first row, or the fallback when there is no row.
    Result<QVariant> scalar(const QString &sql, const QVariantList &values = {},
                            const QVariant &fallback = {}) const;

    // A statement that returns no rows.
    Outcome exec(const QString &sql, const QVariantList &values = {}) const;

    // Calls onRow for every row of a query; onRow reads the row and runs no statement.
    template <typename OnRow>
    Outcome each(const QString &sql, const QVariantList &values, OnRow onRow) const
    {
        Result<QSqlQuery> ran = run(sql, values, Statement::Reused);
        if (!ran)
            return ran.failure();
        while (ran->next())
            onRow(std::as_const(*ran));
        keepPrepared(sql, ran.take());
        return done();
    }

    // Every row of a query, each read by readRow.
    template <typename Row>
    Result<QList<Row>> list(const QString &sql, const QVariantList &values,
                            Row (*readRow)(const QSqlQuery &)) const
    {
        QList<Row> rows;
        if (Outcome read = each(sql, values, [&](const QSqlQuery &q) { rows.append(readRow(q)); });
            !read)
            return read.failure();
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

    // Whether a statement failed inside the open write: the write as a whole must fail (on
    // PostgreSQL the transaction is aborted already), though its body could go on.
    bool statementFailedInWrite() const { return m_statementFailed; }

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
    // Fresh: prepared for this call, and the caller holds it. Reused: taken from the statements
    // this connection prepared before (a nested use of the same text gets its own), and handed
    // back with keepPrepared() once read.
    enum class Statement
    {
        Fresh,
        Reused
    };
    Result<QSqlQuery> run(const QString &sql, const QVariantList &values,
                          Statement statement) const;
    static bool preparable(const QString &sql, const QVariantList &values);
    void keepPrepared(const QString &sql, QSqlQuery query) const;
    // Before the connection closes: prepared statements belong to it.
    void forgetPrepared() const { m_prepared.clear(); }

    Database(QString connectionName, WarRoomAddress address, std::unique_ptr<StorageEngine> engine);
    // Connects, checks, brings the schema up and starts following changes.
    Outcome connect(OpenMode mode, int migrateToVersion);
    Outcome checkAndPrepare(OpenMode mode, int migrateToVersion);
    QString problem(const QSqlError &error) const;
    // The error as a failure, Unreachable when the engine says so; always: explained as the
    // database's even when it could be a statement's.
    Failure failure(const QSqlError &error, bool always = false) const;
    // Notes the rows an INSERT into a chained table added, to be linked before COMMIT.
    Result<QSqlQuery> runTrackingInserts(const QString &sql, const QVariantList &values,
                                         Statement statement) const;
    Result<QSqlQuery> execute(const QString &sql, const QVariantList &values,
                              Statement statement = Statement::Fresh) const;
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
    mutable bool m_statementFailed = false; // since the write began
    // Per chained table, the highest id in it, as known inside the open write (whose lock keeps
    // every other writer out): a batch's inserts need not ask again.
    mutable QHash<QString, qint64> m_highestIds;
    // Statements prepared once and run again with new values, by their text: a war room's
    // writes and reads repeat a few dozen statements, and parsing each anew cost more than
    // running it.
    mutable std::unordered_map<QString, QSqlQuery> m_prepared;
};
