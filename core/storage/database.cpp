#include "storage/database.h"

#include "storage/databaseproblems.h"
#include "storage/ownerlock.h"
#include "storage/passwordkeychain.h"
#include "storage/schema.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSqlDriver>
#include <QSqlError>
#include <QThread>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace {
QString &clientName()
{
    static QString name = QStringLiteral("warroom");
    return name;
}

QString nextConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("warroom-%1").arg(counter.fetchAndAddRelaxed(1) + 1);
}

// A QPSQL connection, not yet open, named name; refused when Qt has no QPSQL driver.
Outcome addPostgresConnection(const QString &name, const WarRoomAddress &address)
{
    if (!QSqlDatabase::isDriverAvailable(PostgresDialect().driverName()))
        return Failure{QStringLiteral("This Warroom cannot reach PostgreSQL servers: Qt's QPSQL "
                                      "driver is missing (Debian: apt install libqt6sql6-psql).")};
    QSqlDatabase db = QSqlDatabase::addDatabase(PostgresDialect().driverName(), name);
    db.setHostName(address.host);
    db.setPort(address.port);
    db.setDatabaseName(address.database);
    db.setUserName(address.user);
    // Empty: libpq looks in PGPASSWORD and ~/.pgpass itself.
    db.setPassword(address.password);
    QStringList options{QStringLiteral("connect_timeout=10"),
                        QStringLiteral("application_name=") + clientName()};
    if (!address.sslMode.isEmpty())
        options.append(QStringLiteral("sslmode=") + address.sslMode);
    db.setConnectOptions(options.join(u';'));
    return done();
}

} // namespace

Database::Database(QString connectionName, WarRoomAddress address,
                   std::unique_ptr<SqlDialect> dialect, std::shared_ptr<OwnerLock> lock)
    : m_connectionName(std::move(connectionName)), m_address(std::move(address)),
      m_location(m_address.display()), m_dialect(std::move(dialect)), m_lock(std::move(lock))
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

Result<std::shared_ptr<Database>> Database::open(const WarRoomAddress &address, OpenMode mode,
                                                 int migrateToVersion)
{
    if (address.engine == WarRoomAddress::Engine::Sqlite)
        return openSqlite(address.path, mode, migrateToVersion);
    return openShared(address, migrateToVersion,
                      [&] { return openPostgres(address, mode, migrateToVersion); });
}

Result<std::shared_ptr<Database>> Database::openSqlite(const QString &path, OpenMode mode,
                                                       int migrateToVersion)
{
    if (path.isEmpty())
        return Failure{QStringLiteral("No database file was given.")};
    const WarRoomAddress address = WarRoomAddress::sqliteFile(path);
    return openShared(address, migrateToVersion,
                      [&] { return openNew(address.path, mode, migrateToVersion); });
}

Result<std::shared_ptr<Database>>
Database::openShared(const WarRoomAddress &address, int migrateToVersion,
                     const std::function<Result<std::shared_ptr<Database>>()> &openConnection)
{
    // A file has one connection per process (OwnerLock says why); a server takes one per
    // thread (a window's store thread beside a command's or a benchmark's).
    QString key = address.display();
    if (address.isShared())
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
    auto opened = openConnection();
    if (opened)
        openDatabases().insert(key, {*opened, QThread::currentThread()});
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
    std::shared_ptr<Database> database(
        new Database(name, WarRoomAddress::sqliteFile(path), std::move(dialect), claim.lock));
    QSqlDatabase db = database->connection();
    if (!db.open())
        return Failure{DatabaseProblems::sqlite(path, db.lastError())};
    if (Outcome ready = database->checkAndPrepare(mode, migrateToVersion); !ready)
        return Failure{ready.error()};
    return database;
}

Result<std::shared_ptr<Database>> Database::openPostgres(const WarRoomAddress &address,
                                                         OpenMode mode, int migrateToVersion)
{
    auto dialect = std::make_unique<PostgresDialect>();
    const QString name = nextConnectionName();
    if (Outcome added = addPostgresConnection(name, address); !added)
        return Failure{added.error()};
    std::shared_ptr<Database> database(
        new Database(name, address, std::move(dialect), std::shared_ptr<OwnerLock>()));
    QSqlDatabase db = database->connection();
    if (!db.open()) {
        // Without a password in the address or libpq's own sources, the keychain's is tried:
        // asked only when the server wants one, so scripts on .pgpass never touch a keyring.
        const QSqlError refused = db.lastError();
        if (!address.password.isEmpty() || !DatabaseProblems::asksForPassword(refused))
            return Failure{DatabaseProblems::postgres(address, refused)};
        const auto stored = PasswordKeychain::read(address);
        if (!stored)
            return Failure{DatabaseProblems::postgres(address, refused) + u' ' + stored.error()};
        if (!*stored)
            return Failure{DatabaseProblems::postgres(address, refused)};
        db.setPassword(**stored);
        if (!db.open())
            return Failure{DatabaseProblems::postgres(address, db.lastError())};
    }
    if (Outcome ready = database->checkAndPrepare(mode, migrateToVersion); !ready)
        return Failure{ready.error()};
    if (Outcome listening = database->listenForAnnouncements(); !listening)
        return Failure{listening.error()};
    return database;
}

void Database::setClientName(const QString &name)
{
    clientName() = name;
}

Outcome Database::checkSignIn(const WarRoomAddress &address)
{
    const QString name = nextConnectionName();
    if (Outcome added = addPostgresConnection(name, address); !added)
        return Failure{added.error()};
    Outcome signedIn = done();
    {
        QSqlDatabase db = QSqlDatabase::database(name, false);
        if (!db.open())
            signedIn = Failure{DatabaseProblems::postgres(address, db.lastError())};
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return signedIn;
}

Outcome Database::listenForAnnouncements()
{
    const QString channel = m_dialect->notificationChannel();
    if (channel.isEmpty())
        return done();
    QSqlDriver *driver = connection().driver();
    if (!driver->subscribeToNotification(channel))
        return Failure{QStringLiteral("Cannot follow changes on %1: %2")
                           .arg(m_location, DatabaseProblems::detail(driver->lastError()))};
    // Our own commits are announced the same way, so a listener has one source of news.
    connect(driver, &QSqlDriver::notification, this,
            [this](const QString &, QSqlDriver::NotificationSource, const QVariant &payload) {
                emit announced(payload.toString());
            });
    return done();
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

    // Look before touching: nothing below writes until the database is known to be ours.
    auto notOurs = [&](const QString &why) {
        return Failure{QStringLiteral("%1 is not a Warroom database (%2). It was left untouched.")
                           .arg(path, why)};
    };
    QSqlQuery probe(connection());
    if (!probe.exec(m_dialect->ownershipProbe()) || !probe.next())
        return Failure{m_address.isShared()
                           ? DatabaseProblems::postgres(m_address, probe.lastError())
                           : DatabaseProblems::sqlite(path, probe.lastError())};
    const QString mark = probe.value(0).toString();
    const qint64 tableCount = probe.value(1).toLongLong();
    probe.finish();

    const bool unmarked = mark.isEmpty() || mark == u"0";
    const bool blank = unmarked && tableCount == 0;
    if (blank && mode == OpenMode::MustExist)
        return notOurs(m_address.isShared()
                           ? QStringLiteral("the database holds no war room yet; open it in the "
                                            "Warroom window or run warroom new-incident to "
                                            "start one")
                           : QStringLiteral("the file holds no Warroom data"));
    if (!blank && mark != m_dialect->ownMark().toString())
        return notOurs(m_address.isShared()
                           ? QStringLiteral("it holds other tables; a war room needs a database "
                                            "of its own")
                           : QStringLiteral("it belongs to another program"));

    if (!blank) {
        const Result<int> version = readSchemaVersion();
        if (!version)
            return Failure{m_address.isShared()
                               ? QStringLiteral("%1 is damaged: %2").arg(path, version.error())
                               : DatabaseProblems::damaged(path, version.error())};
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
        if (from == 0) {
            for (const QString &statement : m_dialect->markAsOurs()) {
                if (const auto marked = run(statement); !marked)
                    return Failure{marked.error()};
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
    // Without values, run as it stands: PostgreSQL prepares only queries and data changes, not
    // BEGIN, SET or CREATE.
    if (values.isEmpty()) {
        if (!query.exec(sql))
            return Failure{problem(query.lastError())};
        return query;
    }
    if (!query.prepare(sql))
        return Failure{problem(query.lastError())};
    for (const QVariant &value : values) {
        // A null QString is bound as SQL NULL; text columns mean "empty", not "unknown".
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            query.addBindValue(QStringLiteral(""));
        else
            query.addBindValue(value);
    }
    if (!query.exec())
        return Failure{problem(query.lastError())};
    return query;
}

QString Database::problem(const QSqlError &error) const
{
    // A full disk, a damaged or read-only file, a server gone: each in words that say what to
    // do. A statement's own failure (a trigger's refusal, say) is told as the engine tells it.
    if (m_address.isShared()) {
        if (DatabaseProblems::isPostgresConnectionProblem(error))
            return DatabaseProblems::postgres(m_address, error);
    } else if (DatabaseProblems::isSqliteFileProblem(error)) {
        return DatabaseProblems::sqlite(m_location, error);
    }
    return DatabaseProblems::detail(error);
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
    for (const QString &statement : m_dialect->beginWrite()) {
        if (const auto ran = run(statement); !ran) {
            run(QStringLiteral("ROLLBACK")); // when BEGIN went through and the lock did not
            return Failure{QStringLiteral("Cannot start a write: %1").arg(ran.error())};
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
        return Failure{QStringLiteral("Cannot save: %1").arg(ran.error())};
    return done();
}

void Database::rollback()
{
    m_unlinked.clear();
    run(QStringLiteral("ROLLBACK"));
}
