#include "storage/database.h"

#include "storage/changesource.h"
#include "storage/databaseproblems.h"
#include "storage/ownerlock.h"
#include "storage/schema.h"

#include <QAtomicInteger>
#include <QHash>
#include <QSqlDriver>
#include <QSqlError>
#include <QThread>

namespace {
struct OpenDatabase
{
    std::weak_ptr<Database> database;
    QThread *thread = nullptr;
};

// The war rooms this process has open, by address (and, on a server, thread): one connection
// each.
QHash<QString, OpenDatabase> &openDatabases()
{
    static QHash<QString, OpenDatabase> open;
    return open;
}
} // namespace

QString Database::newConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("warroom-%1").arg(counter.fetchAndAddRelaxed(1) + 1);
}

Database::Database(QString connectionName, WarRoomAddress address,
                   std::unique_ptr<StorageEngine> engine)
    : m_connectionName(std::move(connectionName)), m_address(std::move(address)),
      m_location(m_address.display()), m_engine(std::move(engine))
{}

Database::~Database()
{
    m_changes.reset(); // it listens to the connection's driver
    forgetPrepared();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    // m_lock goes last: another process may take the war room only once it is closed here.
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

Result<std::shared_ptr<Database>> Database::openSqlite(const QString &path, OpenMode mode,
                                                       int migrateToVersion)
{
    if (path.isEmpty())
        return Failure{QStringLiteral("No database file was given.")};
    return open(WarRoomAddress::sqliteFile(path), mode, migrateToVersion);
}

Result<std::shared_ptr<Database>> Database::open(const WarRoomAddress &address, OpenMode mode,
                                                 int migrateToVersion)
{
    std::unique_ptr<StorageEngine> engine = StorageEngine::forAddress(address);
    // A second open of what this process (or, on a server, this thread) has open returns it.
    QString key = address.display();
    if (engine->connectionPerThread())
        key += QStringLiteral(" on thread %1").arg(quintptr(QThread::currentThread()));
    const auto found = openDatabases().constFind(key);
    if (found != openDatabases().constEnd()) {
        if (std::shared_ptr<Database> shared = found->database.lock()) {
            if (found->thread != QThread::currentThread())
                return Failure{QStringLiteral("%1 is open on another thread of this process.")
                                   .arg(address.display())};
            const int target = migrateToVersion < 0 ? latestSchemaVersion() : migrateToVersion;
            if (shared->m_schemaVersion < target) {
                if (const Outcome migrated = shared->migrateTo(target); !migrated)
                    return Failure{QStringLiteral("Cannot upgrade %1: %2")
                                       .arg(address.display(), migrated.error())};
            }
            return shared;
        }
    }
    std::shared_ptr<Database> database(
        new Database(newConnectionName(), address, std::move(engine)));
    if (Outcome connected = database->connect(mode, migrateToVersion); !connected)
        return connected.failure();
    openDatabases().insert(key, {database, QThread::currentThread()});
    return database;
}

Outcome Database::connect(OpenMode mode, int migrateToVersion)
{
    Result<std::shared_ptr<OwnerLock>> held = m_engine->connect(m_connectionName, mode);
    if (!held)
        return held.failure();
    m_lock = held.take();
    if (Outcome ready = checkAndPrepare(mode, migrateToVersion); !ready)
        return ready;
    Result<std::unique_ptr<ChangeSource>> following = m_engine->followChanges(*this);
    if (!following)
        return following.failure();
    m_changes = following.take();
    return done();
}

Outcome Database::reconnect()
{
    if (m_writeDepth > 0)
        return Failure{QStringLiteral("Cannot reconnect inside a write.")};
    m_unlinked.clear(); // the transaction they belonged to died with the connection
    forgetPrepared();
    QSqlDatabase db = connection();
    db.close();
    // The connection keeps its address and the password it signed in with.
    if (!db.open())
        return failure(db.lastError(), true);
    QStringList statements = m_engine->beforeFirstRead();
    statements += m_engine->connectionSetup();
    for (const QString &statement : std::as_const(statements)) {
        if (const auto ran = run(statement); !ran)
            return ran.failure();
    }
    if (const Result<int> version = readSchemaVersion(); !version)
        return version.failure();
    else if (*version != m_schemaVersion)
        return Failure{QStringLiteral("%1 was changed to schema version %2 while away; open it "
                                      "again.")
                           .arg(m_location)
                           .arg(*version)};
    return m_changes->resume();
}

Outcome Database::checkAndPrepare(OpenMode mode, int migrateToVersion)
{
    const QString &path = m_location;
    // Before the first read: the connection keeps its locks, and SQLite keeps the log's index
    // in memory instead of a shared -shm file no one else may use.
    for (const QString &statement : m_engine->beforeFirstRead()) {
        if (const auto ran = run(statement); !ran)
            return Failure{QStringLiteral("Cannot prepare %1: %2").arg(path, ran.error())};
    }

    // Look before touching: nothing below writes until the database is known to be ours.
    auto notOurs = [&](const QString &why) {
        return Failure{QStringLiteral("%1 is not a Warroom database (%2). It was left untouched.")
                           .arg(path, why)};
    };
    QSqlQuery probe(connection());
    if (!probe.exec(m_engine->ownershipProbe()) || !probe.next())
        return failure(probe.lastError(), true);
    const QString mark = probe.value(0).toString();
    const qint64 tableCount = probe.value(1).toLongLong();
    probe.finish();

    const bool unmarked = mark.isEmpty() || mark == u"0";
    const bool blank = unmarked && tableCount == 0;
    if (blank && mode == OpenMode::MustExist)
        return notOurs(m_engine->blankRefusal());
    if (!blank && mark != m_engine->ownMark().toString())
        return notOurs(m_engine->foreignRefusal());

    if (!blank) {
        const Result<int> version = readSchemaVersion();
        if (!version)
            return Failure{m_engine->damaged(version.error())};
        m_schemaVersion = *version;
        if (*version > latestSchemaVersion()) {
            return Failure{QStringLiteral("%1 was written by a newer Warroom (schema version %2; "
                                          "this version reads up to %3). It was left untouched.")
                               .arg(path)
                               .arg(*version)
                               .arg(latestSchemaVersion())};
        }
    }

    for (const QString &statement : m_engine->connectionSetup()) {
        if (const auto ran = run(statement); !ran)
            return Failure{QStringLiteral("Cannot prepare %1: %2").arg(path, ran.error())};
    }

    const int target = migrateToVersion < 0 ? latestSchemaVersion() : migrateToVersion;
    if (m_schemaVersion < target) {
        if (const Outcome migrated = migrateTo(target); !migrated)
            return Failure{QStringLiteral("Cannot upgrade %1: %2").arg(path, migrated.error())};
    }
    return done();
}

Result<int> Database::readSchemaVersion() const
{
    const Result<QVariant> version =
        scalar(QStringLiteral("SELECT version FROM warroom_schema"), {}, QVariant());
    if (!version)
        return version.failure();
    if (!version->isValid())
        return Failure{QStringLiteral("its schema version is missing")};
    return version->toInt();
}

Outcome Database::migrateTo(int targetVersion)
{
    if (targetVersion > latestSchemaVersion())
        return Failure{QStringLiteral("no schema version %1").arg(targetVersion)};
    const int from = m_schemaVersion;
    Outcome migrated = write<Done>([&]() -> Outcome {
        for (const Migration &migration : migrations()) {
            if (migration.version <= from || migration.version > targetVersion)
                continue;
            for (const QString &statement : migration.statements(*m_engine)) {
                if (const auto ran = run(statement); !ran) {
                    return Failure{QStringLiteral("step %1 (%2) failed: %3")
                                       .arg(migration.version)
                                       .arg(migration.summary, ran.error())};
                }
            }
        }
        if (from == 0) {
            for (const QString &statement : m_engine->markAsOurs()) {
                if (const auto marked = run(statement); !marked)
                    return marked.failure();
            }
        }
        if (from < kFirstChainedVersion && targetVersion >= kFirstChainedVersion) {
            if (Outcome linked = RecordChain::sealAll(*this); !linked)
                return Failure{
                    QStringLiteral("linking the record chain failed: %1").arg(linked.error())};
        }
        if (const auto stamped =
                run(QStringLiteral("UPDATE warroom_schema SET version = ?"), {targetVersion});
            !stamped)
            return stamped.failure();
        return done();
    });
    forgetPrepared(); // prepared against the old tables
    if (migrated)
        m_schemaVersion = targetVersion;
    return migrated;
}

Result<QSqlQuery> Database::run(const QString &sql, const QVariantList &values,
                                Statement statement) const
{
    if (m_schemaVersion >= kFirstChainedVersion && sql.startsWith(QStringLiteral("INSERT INTO ")))
        return runTrackingInserts(sql, values, statement);
    return execute(sql, values, statement);
}

Outcome Database::exec(const QString &sql, const QVariantList &values) const
{
    return each(sql, values, [](const QSqlQuery &) {});
}

bool Database::preparable(const QString &sql, const QVariantList &values)
{
    // PostgreSQL prepares only queries and data changes, not BEGIN, SET or CREATE: those come
    // without values.
    return !values.isEmpty() || sql.startsWith(QStringLiteral("SELECT "));
}

void Database::keepPrepared(const QString &sql, QSqlQuery query) const
{
    query.finish();
    if (preparable(sql, query.boundValues()))
        m_prepared.insert_or_assign(sql, std::move(query));
}

Result<QSqlQuery> Database::runTrackingInserts(const QString &sql, const QVariantList &values,
                                               Statement statement) const
{
    const qsizetype start = 12; // after "INSERT INTO "
    qsizetype end = start;
    while (end < sql.size() && (sql.at(end).isLetterOrNumber() || sql.at(end) == u'_'))
        ++end;
    const QString table = sql.mid(start, end - start);
    if (!RecordChain::chainedTables().contains(table))
        return execute(sql, values, statement);
    // One writer at a time (beginWrite()'s lock) and one transaction: the ids past the old maximum
    // are this insert's.
    if (m_writeDepth == 0)
        m_highestIds.clear(); // outside a write anyone may insert between two statements
    auto highest = m_highestIds.find(table);
    if (highest == m_highestIds.end()) {
        const Result<QVariant> before =
            scalar(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM %1").arg(table));
        if (!before)
            return before.failure();
        highest = m_highestIds.insert(table, before->toLongLong());
    }
    Result<QSqlQuery> inserted = execute(sql, values, statement);
    if (!inserted) {
        m_highestIds.remove(table); // a failed statement may have added rows before failing
        return inserted;
    }
    if (Outcome tracked = each(
            QStringLiteral("SELECT id FROM %1 WHERE id > ? ORDER BY id").arg(table), {*highest},
            [&](const QSqlQuery &q) {
                const qint64 id = q.value(0).toLongLong();
                m_unlinked.append({table, id});
                m_highestIds[table] = id;
            });
        !tracked)
        return tracked.failure();
    return inserted;
}

Result<QSqlQuery> Database::execute(const QString &sql, const QVariantList &values,
                                    Statement statement) const
{
    const QSqlDatabase db = connection();
    if (!db.isOpen()) { // lost, and not opened again yet (reconnect())
        m_statementFailed = true;
        return Failure{
            QStringLiteral("The connection to %1 was lost and is not back yet.").arg(m_location),
            Failure::Kind::Unreachable};
    }
    if (!preparable(sql, values)) {
        QSqlQuery query(db);
        if (!query.exec(sql))
            return failure(query.lastError());
        return query;
    }
    std::optional<QSqlQuery> query;
    if (statement == Statement::Reused) {
        if (auto kept = m_prepared.find(sql); kept != m_prepared.end()) {
            query = std::move(kept->second);
            m_prepared.erase(kept); // a nested use of the same text prepares its own
        }
    }
    if (!query) {
        query.emplace(db);
        if (!query->prepare(sql))
            return failure(query->lastError());
    }
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QVariant &value = values.at(i);
        // A null QString is bound as SQL NULL; text columns mean "empty", not "unknown".
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            query->bindValue(int(i), QStringLiteral(""));
        else
            query->bindValue(int(i), value);
    }
    if (!query->exec())
        return failure(query->lastError());
    return std::move(*query);
}

Failure Database::failure(const QSqlError &error, bool always) const
{
    m_statementFailed = true;
    return Failure{always ? m_engine->explain(error) : problem(error),
                   m_engine->isUnreachable(error) ? Failure::Kind::Unreachable
                                                  : Failure::Kind::Refused};
}

QString Database::problem(const QSqlError &error) const
{
    // A full disk, a damaged or read-only file, a server gone: each in words that say what to
    // do. A statement's own failure (a trigger's refusal, say) is told as the engine tells it.
    if (m_engine->isDatabaseProblem(error))
        return m_engine->explain(error);
    return DatabaseProblems::detail(error);
}

Result<QVariant> Database::scalar(const QString &sql, const QVariantList &values,
                                  const QVariant &fallback) const
{
    Result<QSqlQuery> ran = run(sql, values, Statement::Reused);
    if (!ran)
        return ran.failure();
    const QVariant value = ran->next() ? ran->value(0) : fallback;
    keepPrepared(sql, ran.take());
    return value;
}

Outcome Database::begin()
{
    m_unlinked.clear();
    m_highestIds.clear();
    m_statementFailed = false;
    for (const QString &statement : m_engine->beginWrite()) {
        if (const auto ran = run(statement); !ran) {
            run(QStringLiteral("ROLLBACK")); // when BEGIN went through and the lock did not
            return Failure{QStringLiteral("Cannot start a write: %1").arg(ran.error()),
                           ran.failure().kind};
        }
    }
    return done();
}

Outcome Database::commit()
{
    if (!m_unlinked.isEmpty()) {
        const QList<RecordChain::RowRef> rows = std::exchange(m_unlinked, {});
        if (Outcome linked = RecordChain::seal(*this, rows); !linked)
            return Failure{QStringLiteral("Cannot link the new records into the chain: %1")
                               .arg(linked.error())};
    }
    if (const auto ran = run(QStringLiteral("COMMIT")); !ran)
        return Failure{QStringLiteral("Cannot save: %1").arg(ran.error()), ran.failure().kind};
    return done();
}

void Database::rollback()
{
    m_unlinked.clear();
    m_highestIds.clear();
    run(QStringLiteral("ROLLBACK"));
}
