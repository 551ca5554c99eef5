#include "storage/database.h"

#include "storage/ownerlock.h"
#include "storage/schema.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSqlError>
#include <QThread>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace {
QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("warroom-%1").arg(counter.fetchAndAddRelaxed(1) + 1);
}

QString errorText(const QSqlError &error)
{
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.text().trimmed();
    return text;
}
} // namespace

Database::Database(QString connectionName, QString location, std::unique_ptr<SqlDialect> dialect,
                   std::shared_ptr<OwnerLock> lock)
    : m_connectionName(std::move(connectionName)), m_location(std::move(location)),
      m_dialect(std::move(dialect)), m_lock(std::move(lock))
{}

Database::~Database()
{
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

namespace {
struct OpenDatabase
{
    std::weak_ptr<Database> database;
    QThread *thread = nullptr;
};

// The war rooms this process has open, by canonical path: one connection each.
QHash<QString, OpenDatabase> &openDatabases()
{
    static QHash<QString, OpenDatabase> open;
    return open;
}

QString damagedProblem(const QString &path, const QString &detail)
{
    return QStringLiteral("%1 is damaged (%2). It was left as it is, and nothing was written. To "
                          "save what it holds, copy it and recover the copy: sqlite3 COPY "
                          "\".recover\" | sqlite3 RECOVERED.sqlite, then open RECOVERED.sqlite.")
        .arg(path, detail);
}

// What SQLite said, in words that tell the user what to do. Codes are SQLite's primary
// result codes, which QSQLITE reports as the native error code.
QString openingProblem(const QString &path, const QSqlError &error)
{
    const int code = error.nativeErrorCode().toInt() & 0xff;
    const QString detail = errorText(error);
    switch (code) {
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
        return QStringLiteral("%1 is locked by another program (%2). Close the program that has "
                              "it open, then try again.")
            .arg(path, detail);
    case 8: // SQLITE_READONLY
        return QStringLiteral("%1 cannot be written: the file or its folder is read-only (%2).")
            .arg(path, detail);
    case 10: // SQLITE_IOERR
        return QStringLiteral("Reading or writing %1 failed (%2). Nothing was changed; check the "
                              "disk.")
            .arg(path, detail);
    case 11: // SQLITE_CORRUPT
        return damagedProblem(path, detail);
    case 13: // SQLITE_FULL
        return QStringLiteral("The disk holding %1 is full (%2). Free some space; nothing was "
                              "written.")
            .arg(path, detail);
    case 14: // SQLITE_CANTOPEN
        return QStringLiteral("%1 cannot be opened (%2). Check that its folder exists and that "
                              "you may write to it.")
            .arg(path, detail);
    case 26: // SQLITE_NOTADB
        return QStringLiteral("%1 is not a Warroom database (it is not a database file at all). "
                              "It was left untouched.")
            .arg(path);
    default:
        return QStringLiteral("Cannot open %1: %2").arg(path, detail);
    }
}

// SQLite gives its write-ahead log the database file's mode, so a private file keeps
// everything private.
Outcome createPrivateFile(const QString &path)
{
    const int fd =
        ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0 && errno != EEXIST) {
        const int error = errno;
        return Failure{QStringLiteral("Cannot create %1: %2")
                           .arg(path, QString::fromLocal8Bit(std::strerror(error)))};
    }
    if (fd >= 0)
        ::close(fd); // before SQLite opens it: no lock of ours to lose yet
    return done();
}
} // namespace

Result<std::shared_ptr<Database>> Database::openSqlite(const QString &path, OpenMode mode,
                                                       int migrateToVersion)
{
    if (path.isEmpty())
        return Failure{QStringLiteral("No database file was given.")};
    const QString canonical = canonicalDatabasePath(path);
    const auto found = openDatabases().constFind(canonical);
    if (found != openDatabases().constEnd()) {
        if (std::shared_ptr<Database> shared = found->database.lock()) {
            if (found->thread != QThread::currentThread())
                return Failure{
                    QStringLiteral("%1 is open on another thread of this process.").arg(path)};
            const int target = migrateToVersion < 0 ? latestSchemaVersion() : migrateToVersion;
            if (shared->m_schemaVersion < target) {
                if (const Outcome migrated = shared->migrateTo(target); !migrated)
                    return Failure{
                        QStringLiteral("Cannot upgrade %1: %2").arg(path, migrated.error())};
            }
            return shared;
        }
    }
    auto opened = openNew(canonical, mode, migrateToVersion);
    if (opened)
        openDatabases().insert(canonical, {*opened, QThread::currentThread()});
    return opened;
}

Result<std::shared_ptr<Database>> Database::openNew(const QString &path, OpenMode mode,
                                                    int migrateToVersion)
{
    const QFileInfo file(path);
    if (file.exists() && !file.isFile())
        return Failure{QStringLiteral("%1 is not a file.").arg(path)};
    if (!file.exists() && mode == OpenMode::MustExist)
        return Failure{QStringLiteral("There is no Warroom database at %1.").arg(path)};
    const OwnerLock::Attempt claim = OwnerLock::tryAcquire(path);
    if (claim.state == OwnerLock::State::HeldElsewhere) {
        return Failure{QStringLiteral("%1 is open in another Warroom process%2.")
                           .arg(path, claim.ownerPid > 0
                                          ? QStringLiteral(" (pid %1)").arg(claim.ownerPid)
                                          : QString())};
    }
    if (claim.state == OwnerLock::State::Failed)
        return Failure{QStringLiteral("Cannot open %1: %2.").arg(path, claim.why)};
    if (!file.exists()) {
        if (Outcome created = createPrivateFile(path); !created)
            return Failure{created.error()};
    }

    auto dialect = std::make_unique<SqliteDialect>();
    const QString name = nextConnectionName();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(dialect->driverName(), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    }
    std::shared_ptr<Database> database(new Database(name, path, std::move(dialect), claim.lock));
    QSqlDatabase db = database->connection();
    if (!db.open())
        return Failure{openingProblem(path, db.lastError())};
    if (Outcome ready = database->checkAndPrepare(mode, migrateToVersion); !ready)
        return Failure{ready.error()};
    return database;
}

Outcome Database::checkAndPrepare(OpenMode mode, int migrateToVersion)
{
    const QString &path = m_location;
    // Before the first read: the connection keeps its locks, and SQLite keeps the log's index
    // in memory instead of a shared -shm file no one else may use.
    for (const QString &statement : m_dialect->beforeFirstRead()) {
        if (const auto ran = run(statement); !ran)
            return Failure{QStringLiteral("Cannot prepare %1: %2").arg(path, ran.error())};
    }

    // Look before touching: nothing below writes until the file is known to be ours.
    auto notOurs = [&](const QString &why) {
        return Failure{QStringLiteral("%1 is not a Warroom database (%2). It was left untouched.")
                           .arg(path, why)};
    };
    QSqlQuery probe(connection());
    if (!probe.exec(QStringLiteral("PRAGMA application_id")) || !probe.next())
        return Failure{openingProblem(path, probe.lastError())};
    const qint64 appId = probe.value(0).toLongLong();
    if (!probe.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !probe.next())
        return Failure{openingProblem(path, probe.lastError())};
    const qint64 tableCount = probe.value(0).toLongLong();
    probe.finish();

    const bool blank = appId == 0 && tableCount == 0;
    if (blank && mode == OpenMode::MustExist)
        return notOurs(QStringLiteral("the file holds no Warroom data"));
    if (!blank && appId != kSqliteApplicationId)
        return notOurs(QStringLiteral("it belongs to another program"));

    if (!blank) {
        const Result<int> version = readSchemaVersion();
        if (!version)
            return Failure{damagedProblem(path, version.error())};
        m_schemaVersion = *version;
        if (*version > latestSchemaVersion()) {
            return Failure{QStringLiteral("%1 was written by a newer Warroom (schema version %2; "
                                          "this version reads up to %3). It was left untouched.")
                               .arg(path)
                               .arg(*version)
                               .arg(latestSchemaVersion())};
        }
    }

    for (const QString &statement : m_dialect->connectionSetup()) {
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
        return Failure{version.error()};
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
        if (from == 0) {
            const auto marked =
                run(QStringLiteral("PRAGMA application_id = %1").arg(kSqliteApplicationId));
            if (!marked)
                return Failure{marked.error()};
        }
        for (const Migration &migration : migrations()) {
            if (migration.version <= from || migration.version > targetVersion)
                continue;
            for (const QString &statement : migration.statements(*m_dialect)) {
                if (const auto ran = run(statement); !ran) {
                    return Failure{QStringLiteral("step %1 (%2) failed: %3")
                                       .arg(migration.version)
                                       .arg(migration.summary, ran.error())};
                }
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
            return Failure{stamped.error()};
        return done();
    });
    if (migrated)
        m_schemaVersion = targetVersion;
    return migrated;
}

Result<QSqlQuery> Database::run(const QString &sql, const QVariantList &values) const
{
    if (m_schemaVersion >= kFirstChainedVersion && sql.startsWith(QStringLiteral("INSERT INTO ")))
        return runTrackingInserts(sql, values);
    return execute(sql, values);
}

Result<QSqlQuery> Database::runTrackingInserts(const QString &sql, const QVariantList &values) const
{
    const qsizetype start = 12; // after "INSERT INTO "
    qsizetype end = start;
    while (end < sql.size() && (sql.at(end).isLetterOrNumber() || sql.at(end) == u'_'))
        ++end;
    const QString table = sql.mid(start, end - start);
    if (!RecordChain::chainedTables().contains(table))
        return execute(sql, values);
    // One writer (the owner) and one transaction: the ids past the old maximum are this insert's.
    Result<QSqlQuery> before =
        execute(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM %1").arg(table), {});
    if (!before)
        return Failure{before.error()};
    const qint64 previousMax = before->next() ? before->value(0).toLongLong() : 0;
    before->finish();
    Result<QSqlQuery> inserted = execute(sql, values);
    if (!inserted)
        return inserted;
    auto added = execute(QStringLiteral("SELECT id FROM %1 WHERE id > ? ORDER BY id").arg(table),
                         {previousMax});
    if (!added)
        return Failure{added.error()};
    while (added->next())
        m_unlinked.append({table, added->value(0).toLongLong()});
    return inserted;
}

Result<QSqlQuery> Database::execute(const QString &sql, const QVariantList &values) const
{
    QSqlQuery query(connection());
    if (!query.prepare(sql))
        return Failure{errorText(query.lastError())};
    for (const QVariant &value : values) {
        // A null QString is bound as SQL NULL; text columns mean "empty", not "unknown".
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            query.addBindValue(QStringLiteral(""));
        else
            query.addBindValue(value);
    }
    if (!query.exec()) {
        // A full disk, a damaged or read-only file: each in words that say what to do.
        const int code = query.lastError().nativeErrorCode().toInt() & 0xff;
        if (code == 8 || code == 10 || code == 11 || code == 13 || code == 26)
            return Failure{openingProblem(m_location, query.lastError())};
        return Failure{errorText(query.lastError())};
    }
    return query;
}

Result<QVariant> Database::scalar(const QString &sql, const QVariantList &values,
                                  const QVariant &fallback) const
{
    Result<QSqlQuery> ran = run(sql, values);
    if (!ran)
        return Failure{ran.error()};
    QSqlQuery query = ran.take();
    if (!query.next())
        return fallback;
    return query.value(0);
}

Outcome Database::begin()
{
    m_unlinked.clear();
    if (const auto ran = run(m_dialect->beginWrite()); !ran)
        return Failure{QStringLiteral("Cannot start a write: %1").arg(ran.error())};
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
        return Failure{QStringLiteral("Cannot save: %1").arg(ran.error())};
    return done();
}

void Database::rollback()
{
    m_unlinked.clear();
    run(QStringLiteral("ROLLBACK"));
}
