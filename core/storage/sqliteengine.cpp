#include "storage/sqliteengine.h"

#include "storage/changefeed.h"
#include "storage/changesource.h"
#include "storage/database.h"
#include "storage/databaseproblems.h"
#include "storage/ownerlock.h"
#include "storage/privatefile.h"
#include "storage/schema.h"

#include <QFileInfo>
#include <QSqlDatabase>

namespace {
// SQLite counts commits in PRAGMA data_version; commits through this connection (which counts
// only others') are heard from Database::committed. Then the feed reads what is new.
class CommitCounter final : public ChangeSource
{
public:
    explicit CommitCounter(Database &database) : m_database(database), m_feed(database)
    {
        m_dataVersion = m_database.scalar(kDataVersion).valueOr(-1).toLongLong();
        QObject::connect(&m_database, &Database::committed, this, &CommitCounter::tell);
    }

    void look() override
    {
        const auto version = m_database.scalar(kDataVersion);
        if (!version || version->toLongLong() == m_dataVersion)
            return; // on failure the next write or look reports the problem
        m_dataVersion = version->toLongLong();
        tell();
    }

    Outcome resume() override
    {
        look();
        return done();
    }

private:
    static inline const QString kDataVersion = QStringLiteral("PRAGMA data_version");

    void tell()
    {
        const auto changes = m_feed.takeNew();
        if (!changes)
            return; // the feed keeps its place: the next look tells of these changes
        for (const Change &change : *changes)
            emit changed(change.topic, change.incidentId);
    }

    Database &m_database;
    ChangeFeed m_feed;
    qint64 m_dataVersion = -1;
};
} // namespace

SqliteEngine::SqliteEngine(QString path) : m_path(std::move(path)) {}

QString SqliteEngine::driverName() const
{
    return QStringLiteral("QSQLITE");
}

Result<std::shared_ptr<OwnerLock>> SqliteEngine::connect(const QString &connectionName,
                                                         OpenMode mode) const
{
    const QFileInfo file(m_path);
    if (file.exists() && !file.isFile())
        return Failure{QStringLiteral("%1 is not a file.").arg(m_path)};
    if (!file.exists() && mode == OpenMode::MustExist)
        return Failure{QStringLiteral("There is no Warroom database at %1.").arg(m_path)};
    const OwnerLock::Attempt claim = OwnerLock::tryAcquire(m_path);
    if (claim.state == OwnerLock::State::HeldElsewhere) {
        return Failure{QStringLiteral("%1 is open in another Warroom process%2.")
                           .arg(m_path, claim.ownerPid > 0
                                            ? QStringLiteral(" (pid %1)").arg(claim.ownerPid)
                                            : QString())};
    }
    if (claim.state == OwnerLock::State::Failed)
        return Failure{QStringLiteral("Cannot open %1: %2.").arg(m_path, claim.why)};
    if (!file.exists()) {
        if (Outcome created = createPrivateFile(m_path); !created)
            return created.failure();
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(driverName(), connectionName);
    db.setDatabaseName(m_path);
    // Only for a moment: no other process writes the file (OwnerLock), but the sqlite3 shell may.
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open())
        return Failure{explain(db.lastError())};
    return claim.lock;
}

bool SqliteEngine::isDatabaseProblem(const QSqlError &error) const
{
    return DatabaseProblems::isSqliteFileProblem(error);
}

QString SqliteEngine::explain(const QSqlError &error) const
{
    return DatabaseProblems::sqlite(m_path, error);
}

bool SqliteEngine::isUnreachable(const QSqlError &) const
{
    return false; // a file on this desktop: its problems do not pass by waiting
}

QString SqliteEngine::blankRefusal() const
{
    return QStringLiteral("the file holds no Warroom data");
}

QString SqliteEngine::foreignRefusal() const
{
    return QStringLiteral("it belongs to another program");
}

QString SqliteEngine::damaged(const QString &why) const
{
    return DatabaseProblems::damaged(m_path, why);
}

Result<std::unique_ptr<ChangeSource>> SqliteEngine::followChanges(Database &database) const
{
    return std::unique_ptr<ChangeSource>(std::make_unique<CommitCounter>(database));
}

Result<QString> SqliteEngine::signedInRole(const Database &) const
{
    return QString();
}

Result<QStringList> SqliteEngine::rolesInWindows(const Database &) const
{
    return QStringList();
}

QString SqliteEngine::idColumn() const
{
    // Rows are never deleted, so plain rowid keys are never reused.
    return QStringLiteral("id INTEGER PRIMARY KEY");
}

QStringList SqliteEngine::beginWrite() const
{
    return {QStringLiteral("BEGIN IMMEDIATE")};
}

QStringList SqliteEngine::appendOnlyGuards(const QString &table) const
{
    const QString message =
        QStringLiteral("%1 is append-only: record a correction instead").arg(table);
    return {
        QStringLiteral("CREATE TRIGGER %1_no_update BEFORE UPDATE ON %1 "
                       "BEGIN SELECT RAISE(ABORT, '%2'); END")
            .arg(table, message),
        QStringLiteral("CREATE TRIGGER %1_no_delete BEFORE DELETE ON %1 "
                       "BEGIN SELECT RAISE(ABORT, '%2'); END")
            .arg(table, message),
    };
}

QStringList SqliteEngine::replaceGuards(const QString &table, const QStringList &uniqueKeys) const
{
    // NEW.id is -1 in a BEFORE INSERT trigger when the row gets a fresh id: no match.
    QStringList collisions{
        QStringLiteral("EXISTS (SELECT 1 FROM %1 WHERE id = NEW.id)").arg(table)};
    for (const QString &key : uniqueKeys) {
        QStringList same;
        for (const QString &column : key.split(u',', Qt::SkipEmptyParts))
            same.append(QStringLiteral("%1 = NEW.%1").arg(column.trimmed()));
        collisions.append(
            QStringLiteral("EXISTS (SELECT 1 FROM %1 WHERE %2)").arg(table, same.join(u" AND ")));
    }
    return {QStringLiteral("CREATE TRIGGER %1_no_replace BEFORE INSERT ON %1 WHEN %2 "
                           "BEGIN SELECT RAISE(ABORT, '%1 is append-only: a row with this key "
                           "exists; record a correction instead'); END")
                .arg(table, collisions.join(u" OR "))};
}

QStringList SqliteEngine::incidentGuards() const
{
    const QString message =
        QStringLiteral("incidents keep their title, customer and opening time, and are never "
                       "deleted or replaced (append-only identity)");
    return {
        QStringLiteral("CREATE TRIGGER incidents_keep_identity BEFORE UPDATE ON incidents WHEN "
                       "NEW.id IS NOT OLD.id OR NEW.title IS NOT OLD.title OR NEW.customer IS NOT "
                       "OLD.customer OR NEW.opened_at IS NOT OLD.opened_at "
                       "BEGIN SELECT RAISE(ABORT, '%1'); END")
            .arg(message),
        QStringLiteral("CREATE TRIGGER incidents_no_delete BEFORE DELETE ON incidents "
                       "BEGIN SELECT RAISE(ABORT, '%1'); END")
            .arg(message),
        QStringLiteral("CREATE TRIGGER incidents_no_replace BEFORE INSERT ON incidents WHEN "
                       "EXISTS (SELECT 1 FROM incidents WHERE id = NEW.id) "
                       "BEGIN SELECT RAISE(ABORT, '%1'); END")
            .arg(message),
    };
}

QStringList SqliteEngine::beforeFirstRead() const
{
    // One process owns the file (see OwnerLock): it keeps its locks for as long as it has the
    // file open, and the write-ahead log's index lives in its memory, not in a -shm file.
    return {QStringLiteral("PRAGMA locking_mode = EXCLUSIVE")};
}

QString SqliteEngine::ownershipProbe() const
{
    return QStringLiteral("SELECT (SELECT application_id FROM pragma_application_id()), "
                          "(SELECT count(*) FROM sqlite_master)");
}

QVariant SqliteEngine::ownMark() const
{
    return kSqliteApplicationId;
}

QStringList SqliteEngine::markAsOurs() const
{
    return {QStringLiteral("PRAGMA application_id = %1").arg(kSqliteApplicationId)};
}

QStringList SqliteEngine::connectionSetup() const
{
    return {
        QStringLiteral("PRAGMA foreign_keys = ON"),
        QStringLiteral("PRAGMA journal_mode = WAL"),
        // An entry Warroom acknowledged survives a power cut, not only a crash.
        QStringLiteral("PRAGMA synchronous = FULL"),
    };
}

QStringList SqliteEngine::announcers(const QString &) const
{
    // Commits are counted instead (followChanges()).
    return {};
}

QStringList SqliteEngine::logTextIndex() const
{
    // An FTS5 index over the log's own rows (no second copy of the text); the log is
    // append-only, so an insert is the only change it has to follow. Letters lose their
    // accents, as a person searching often types them without.
    return {
        QStringLiteral("CREATE VIRTUAL TABLE log_text USING fts5(body, content = 'log_entries', "
                       "content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2')"),
        QStringLiteral("INSERT INTO log_text (log_text) VALUES ('rebuild')"),
        QStringLiteral("CREATE TRIGGER log_entries_text_indexed AFTER INSERT ON log_entries BEGIN "
                       "INSERT INTO log_text (rowid, body) VALUES (new.id, new.body); END"),
    };
}

StorageEngine::TextMatch SqliteEngine::logTextMatch(const QStringList &words) const
{
    // Each word quoted (so that AND, NEAR or a quote is only a word) and a prefix; FTS5 wants
    // all of them by default.
    QStringList terms;
    for (const QString &word : words)
        terms.append(u'"' + QString(word).replace(u'"', QStringLiteral("\"\"")) +
                     QStringLiteral("\"*"));
    // The index leads (CROSS JOIN keeps SQLite's order): led by the incident's entries, each
    // would be matched against the query one at a time.
    return {QStringLiteral("log_text t CROSS JOIN log_entries e ON e.id = t.rowid"),
            QStringLiteral("log_text MATCH ?"), terms.join(u' '), QStringLiteral("t.rowid"),
            QStringLiteral("e.incident_id")};
}

QStringList SqliteEngine::beginCopy() const
{
    return {};
}

QStringList SqliteEngine::endCopy() const
{
    return {};
}

QStringList SqliteEngine::signedInColumn(const QString &table) const
{
    return {QStringLiteral("ALTER TABLE %1 ADD COLUMN signed_in_as TEXT NOT NULL DEFAULT ''")
                .arg(table)};
}

QStringList SqliteEngine::afterExplicitIds(const QString &) const
{
    // An INTEGER PRIMARY KEY's next value is always past the highest one in the table.
    return {};
}
