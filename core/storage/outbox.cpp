#include "storage/outbox.h"

#include "storage/database.h"
#include "storage/databaseproblems.h"
#include "storage/privatefile.h"
#include "storage/rows.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace {
// "WROB": marks the file as a Warroom outbox, so no other database is taken for one.
constexpr qint32 kOutboxApplicationId = 0x57524F42;
// Another process's access lasts milliseconds; this long means it hangs.
constexpr int kLockPatienceMs = 10000;

const QString kColumns =
    QStringLiteral("id, war_room, delivery_key, kind, payload, summary, written_at, conflict");

OutboxItem readItem(const QSqlQuery &row)
{
    OutboxItem item;
    item.id = row.value(0).toLongLong();
    item.warRoom = row.value(1).toString();
    item.key = row.value(2).toString();
    item.kind = row.value(3).toString();
    item.payload = row.value(4).toByteArray();
    item.summary = row.value(5).toString();
    item.writtenAt = Rows::time(row.value(6));
    item.conflict = row.value(7).toString();
    return item;
}

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

// Holds the flock for as long as it lives.
class FlockHold
{
public:
    explicit FlockHold(int fd) : m_fd(fd)
    {
        const QDeadlineTimer patience(kLockPatienceMs);
        while (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
            if (errno != EWOULDBLOCK && errno != EINTR) {
                m_problem = systemError(errno);
                return;
            }
            if (patience.hasExpired()) {
                m_problem = QStringLiteral("another Warroom process has held it for %1 s")
                                .arg(kLockPatienceMs / 1000);
                return;
            }
            QThread::msleep(5);
        }
        m_held = true;
    }
    ~FlockHold()
    {
        if (m_held)
            ::flock(m_fd, LOCK_UN);
    }
    FlockHold(const FlockHold &) = delete;
    FlockHold &operator=(const FlockHold &) = delete;

    bool held() const { return m_held; }
    QString problem() const { return m_problem; }

private:
    int m_fd;
    bool m_held = false;
    QString m_problem;
};
} // namespace

QString Outbox::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/outbox.sqlite");
}

Result<std::unique_ptr<Outbox>> Outbox::openIfKept()
{
    if (!QFileInfo::exists(defaultPath()))
        return std::unique_ptr<Outbox>();
    return open();
}

Result<std::unique_ptr<Outbox>> Outbox::open(const QString &path)
{
    const QFileInfo file(path);
    if (file.exists() && !file.isFile())
        return Failure{QStringLiteral("The outbox %1 is not a file.").arg(path)};
    if (!QDir().mkpath(file.absolutePath()))
        return Failure{QStringLiteral("Cannot create the folder of the outbox %1.").arg(path)};
    // Private to the user: it holds what people wrote.
    const QByteArray lockPath = QFile::encodeName(path + QStringLiteral(".lock"));
    const int lockFd = ::open(lockPath.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (lockFd < 0)
        return Failure{QStringLiteral("Cannot open the outbox's lock %1: %2")
                           .arg(QFile::decodeName(lockPath), systemError(errno))};
    const QString name = Database::newConnectionName();
    std::unique_ptr<Outbox> outbox(new Outbox(path, name, lockFd)); // closes lockFd when it goes
    if (Outcome created = createPrivateFile(path); !created)
        return created.failure();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(path);
    if (!db.open())
        return Failure{DatabaseProblems::sqlite(path, db.lastError())};
    if (Outcome ready = outbox->prepare(); !ready)
        return ready.failure();
    return outbox;
}

Outbox::Outbox(QString path, QString connectionName, int lockFd)
    : m_path(std::move(path)), m_connectionName(std::move(connectionName)), m_lockFd(lockFd)
{}

Outbox::~Outbox()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    if (m_lockFd >= 0)
        ::close(m_lockFd);
}

template <typename T, typename Body> Result<T> Outbox::locked(Body &&body) const
{
    const FlockHold hold(m_lockFd);
    if (!hold.held())
        return Failure{QStringLiteral("Cannot use the outbox %1: %2").arg(m_path, hold.problem())};
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery begin(db);
    if (!begin.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return Failure{DatabaseProblems::sqlite(m_path, begin.lastError())};
    Result<T> result = body(db);
    QSqlQuery end(db);
    if (!result) {
        end.exec(QStringLiteral("ROLLBACK"));
        return result;
    }
    if (!end.exec(QStringLiteral("COMMIT"))) {
        const QString problem = DatabaseProblems::sqlite(m_path, end.lastError());
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return Failure{problem};
    }
    return result;
}

namespace {
// Prepares, binds and runs; the failure says which outbox.
Result<QSqlQuery> runOn(const QSqlDatabase &db, const QString &path, const QString &sql,
                        const QVariantList &values = {})
{
    QSqlQuery query(db);
    bool ran = false;
    if (values.isEmpty()) {
        ran = query.exec(sql);
    } else if (query.prepare(sql)) {
        for (const QVariant &value : values)
            query.addBindValue(value);
        ran = query.exec();
    }
    if (!ran)
        return Failure{QStringLiteral("The outbox %1: %2")
                           .arg(path, DatabaseProblems::sqlite(path, query.lastError()))};
    return query;
}
} // namespace

Outcome Outbox::prepare()
{
    // Outside a transaction: how every later transaction is written.
    const QSqlDatabase connection = QSqlDatabase::database(m_connectionName, false);
    for (const QString &setting : {QStringLiteral("PRAGMA journal_mode = DELETE"),
                                   QStringLiteral("PRAGMA synchronous = FULL")}) {
        if (auto ran = runOn(connection, m_path, setting); !ran)
            return ran.failure();
    }
    return locked<Done>([&](const QSqlDatabase &db) -> Outcome {
        auto mark = runOn(db, m_path,
                          QStringLiteral("SELECT (SELECT application_id FROM "
                                         "pragma_application_id()), (SELECT count(*) FROM "
                                         "sqlite_master)"));
        if (!mark)
            return mark.failure();
        mark->next();
        const qint32 id = mark->value(0).toInt();
        const qint64 tables = mark->value(1).toLongLong();
        mark->finish();
        if (id == kOutboxApplicationId)
            return done();
        if (id != 0 || tables != 0)
            return Failure{QStringLiteral("%1 is not a Warroom outbox. It was left untouched; move "
                                          "it away to start a new outbox.")
                               .arg(m_path)};
        for (const QString &statement :
             {QStringLiteral("CREATE TABLE outbox (id INTEGER PRIMARY KEY AUTOINCREMENT, war_room "
                             "TEXT NOT NULL, delivery_key TEXT NOT NULL UNIQUE, kind TEXT NOT "
                             "NULL, payload BLOB NOT NULL, summary TEXT NOT NULL, written_at "
                             "BIGINT NOT NULL, conflict TEXT NOT NULL DEFAULT '')"),
              QStringLiteral("CREATE INDEX outbox_by_war_room ON outbox (war_room, id)"),
              QStringLiteral("PRAGMA application_id = %1").arg(kOutboxApplicationId)}) {
            if (auto ran = runOn(db, m_path, statement); !ran)
                return ran.failure();
        }
        return done();
    });
}

Result<OutboxItem> Outbox::add(const OutboxItem &item)
{
    return locked<OutboxItem>([&](const QSqlDatabase &db) -> Result<OutboxItem> {
        auto earlier =
            runOn(db, m_path,
                  QStringLiteral("SELECT %1 FROM outbox WHERE delivery_key = ?").arg(kColumns),
                  {item.key});
        if (!earlier)
            return earlier.failure();
        if (earlier->next())
            return readItem(*earlier);
        auto added = runOn(db, m_path,
                           QStringLiteral("INSERT INTO outbox (war_room, delivery_key, kind, "
                                          "payload, summary, written_at) VALUES (?, ?, ?, ?, ?, "
                                          "?) RETURNING %1")
                               .arg(kColumns),
                           {item.warRoom, item.key, item.kind, item.payload, item.summary,
                            Rows::time(item.writtenAt)});
        if (!added)
            return added.failure();
        if (!added->next())
            return Failure{QStringLiteral("The outbox %1 did not keep the item.").arg(m_path)};
        return readItem(*added);
    });
}

Result<QList<OutboxItem>> Outbox::items(const QString &warRoom) const
{
    return locked<QList<OutboxItem>>([&](const QSqlDatabase &db) -> Result<QList<OutboxItem>> {
        auto rows = runOn(
            db, m_path,
            QStringLiteral("SELECT %1 FROM outbox WHERE war_room = ? ORDER BY id").arg(kColumns),
            {warRoom});
        if (!rows)
            return rows.failure();
        QList<OutboxItem> items;
        while (rows->next())
            items.append(readItem(*rows));
        return items;
    });
}

Result<qint64> Outbox::count(const QString &warRoom) const
{
    return locked<qint64>([&](const QSqlDatabase &db) -> Result<qint64> {
        auto rows =
            runOn(db, m_path, QStringLiteral("SELECT count(*) FROM outbox WHERE war_room = ?"),
                  {warRoom});
        if (!rows)
            return rows.failure();
        rows->next();
        return rows->value(0).toLongLong();
    });
}

Outcome Outbox::remove(qint64 itemId)
{
    return locked<Done>([&](const QSqlDatabase &db) -> Outcome {
        return asOutcome(
            runOn(db, m_path, QStringLiteral("DELETE FROM outbox WHERE id = ?"), {itemId}));
    });
}

Outcome Outbox::markConflict(qint64 itemId, const QString &why)
{
    return locked<Done>([&](const QSqlDatabase &db) -> Outcome {
        return asOutcome(runOn(db, m_path,
                               QStringLiteral("UPDATE outbox SET conflict = ? WHERE id = ?"),
                               {why.isEmpty() ? QStringLiteral("refused") : why, itemId}));
    });
}

Outcome Outbox::clearConflict(qint64 itemId)
{
    return locked<Done>([&](const QSqlDatabase &db) -> Outcome {
        return asOutcome(runOn(
            db, m_path, QStringLiteral("UPDATE outbox SET conflict = '' WHERE id = ?"), {itemId}));
    });
}
