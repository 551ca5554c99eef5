#include "storage/postgresengine.h"

#include "storage/changefeed.h"
#include "storage/changesource.h"
#include "storage/database.h"
#include "storage/databaseproblems.h"
#include "storage/ownerlock.h"
#include "storage/passwordkeychain.h"

#include <QSqlDatabase>
#include <QSqlDriver>

namespace {
// The war room's one write lock: a transaction-scoped advisory lock, released by COMMIT or
// ROLLBACK and by the server when a client's connection dies. Its key is Warroom's mark.
constexpr qint64 kWriteLockKey = 0x57524F4D;

const QString kRefuseFunction =
    QStringLiteral("CREATE OR REPLACE FUNCTION warroom_refuse() RETURNS trigger LANGUAGE plpgsql "
                   "AS $$ BEGIN RAISE EXCEPTION '%', TG_ARGV[0]; END $$");

// Where the database's own triggers announce what each commit added (announcers()).
const QString kChannel = QStringLiteral("warroom_changes");

QString &clientName()
{
    static QString name = QStringLiteral("warroom");
    return name;
}

// A QPSQL connection, not yet open, named name; refused when Qt has no QPSQL driver.
Outcome addConnection(const QString &name, const WarRoomAddress &address)
{
    const QString driver = QStringLiteral("QPSQL");
    if (!QSqlDatabase::isDriverAvailable(driver))
        return Failure{QStringLiteral("This Warroom cannot reach PostgreSQL servers: Qt's QPSQL "
                                      "driver is missing (Debian: apt install libqt6sql6-psql).")};
    QSqlDatabase db = QSqlDatabase::addDatabase(driver, name);
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

// The server tells every listening connection, its own included, what each commit added: the
// incident, the topic and the new rows, so a desktop reads only those. "*" (a whole war room
// copied in, or more than an announcement holds) sends the feed to look at everything.
class ServerAnnouncements final : public ChangeSource
{
public:
    explicit ServerAnnouncements(Database &database) : m_database(database), m_feed(database)
    {
        // The driver stays the connection's through close() and open(): one connect for good.
        connect(database.connection().driver(), &QSqlDriver::notification, this,
                [this](const QString &, QSqlDriver::NotificationSource, const QVariant &payload) {
                    tell(payload.toString());
                });
    }

    void look() override {} // the server announces every commit

    Outcome resume() override
    {
        // Closing the connection ended its LISTEN; what was committed meanwhile was announced
        // to nobody here: the feed reads it.
        if (Outcome listening = listen(m_database); !listening)
            return listening;
        return catchUp();
    }

    static Outcome listen(const Database &database)
    {
        QSqlDriver *driver = database.connection().driver();
        if (driver->subscribedToNotifications().contains(kChannel))
            return done();
        if (!driver->subscribeToNotification(kChannel))
            return Failure{
                QStringLiteral("Cannot follow changes on %1: %2")
                    .arg(database.location(), DatabaseProblems::detail(driver->lastError()))};
        return done();
    }

private:
    void tell(const QString &announcement)
    {
        const std::optional<QList<Change>> said = Changes::parseAnnouncement(announcement);
        if (!said) {
            catchUp(); // on failure the feed keeps its place: the next catch-up tells
            return;
        }
        for (const Change &change : *said)
            emit changed(change.topic, change.incidentId);
    }

    // Reads what is new from the tables themselves.
    Outcome catchUp()
    {
        const Result<QList<Change>> changes = m_feed.takeNew();
        if (!changes)
            return changes.failure();
        for (const Change &change : *changes)
            emit changed(change.topic, change.incidentId);
        return done();
    }

    const Database &m_database;
    ChangeFeed m_feed;
};
} // namespace

PostgresEngine::PostgresEngine(WarRoomAddress address) : m_address(std::move(address)) {}

void PostgresEngine::setClientName(const QString &name)
{
    clientName() = name;
}

Outcome PostgresEngine::checkSignIn(const WarRoomAddress &address)
{
    const QString name = Database::newConnectionName();
    if (Outcome added = addConnection(name, address); !added)
        return added.failure();
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

QString PostgresEngine::driverName() const
{
    return QStringLiteral("QPSQL");
}

Result<std::shared_ptr<OwnerLock>> PostgresEngine::connect(const QString &connectionName,
                                                           OpenMode) const
{
    if (Outcome added = addConnection(connectionName, m_address); !added)
        return added.failure();
    QSqlDatabase db = QSqlDatabase::database(connectionName, false);
    const auto failed = [this](const QSqlError &error, const QString &more = {}) {
        return Failure{more.isEmpty() ? explain(error) : explain(error) + u' ' + more,
                       isUnreachable(error) ? Failure::Kind::Unreachable : Failure::Kind::Refused};
    };
    if (!db.open()) {
        // Without a password in the address or libpq's own sources, the keychain's is tried:
        // asked only when the server wants one, so scripts on .pgpass never touch a keyring.
        const QSqlError refused = db.lastError();
        if (!m_address.password.isEmpty() || !DatabaseProblems::asksForPassword(refused))
            return failed(refused);
        const auto stored = PasswordKeychain::read(m_address);
        if (!stored)
            return failed(refused, stored.error());
        if (!*stored)
            return failed(refused);
        db.setPassword(**stored);
        if (!db.open())
            return failed(db.lastError());
    }
    return std::shared_ptr<OwnerLock>(); // nothing to hold: the server serves many
}

bool PostgresEngine::isDatabaseProblem(const QSqlError &error) const
{
    return DatabaseProblems::isPostgresConnectionProblem(error);
}

QString PostgresEngine::explain(const QSqlError &error) const
{
    return DatabaseProblems::postgres(m_address, error);
}

bool PostgresEngine::isUnreachable(const QSqlError &error) const
{
    return DatabaseProblems::isPostgresUnreachable(error);
}

QString PostgresEngine::blankRefusal() const
{
    return QStringLiteral("the database holds no war room yet; open it in the Warroom window or "
                          "run warroom new-incident to start one");
}

QString PostgresEngine::foreignRefusal() const
{
    return QStringLiteral("it holds other tables; a war room needs a database of its own");
}

QString PostgresEngine::damaged(const QString &why) const
{
    return QStringLiteral("%1 is damaged: %2").arg(m_address.display(), why);
}

Result<std::unique_ptr<ChangeSource>> PostgresEngine::followChanges(Database &database) const
{
    if (Outcome listening = ServerAnnouncements::listen(database); !listening)
        return listening.failure();
    return std::unique_ptr<ChangeSource>(std::make_unique<ServerAnnouncements>(database));
}

Result<QString> PostgresEngine::signedInRole(const Database &database) const
{
    const auto role = database.scalar(QStringLiteral("SELECT current_user"));
    if (!role)
        return role.failure();
    return role->toString();
}

Result<QStringList> PostgresEngine::rolesInWindows(const Database &database) const
{
    auto ran = database.run(
        QStringLiteral("SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = "
                       "current_database() AND application_name = ? AND pid <> pg_backend_pid() "
                       "ORDER BY usename"),
        {kWindowClient});
    if (!ran)
        return ran.failure();
    QStringList roles;
    while (ran->next())
        roles.append(ran->value(0).toString());
    return roles;
}

QString PostgresEngine::idColumn() const
{
    return QStringLiteral("id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY");
}

QStringList PostgresEngine::beginWrite() const
{
    // Ids come from sequences, which hand them out in the order writers ask; with one writer at
    // a time they are also committed in that order, so "rows past the highest id seen" holds.
    return {QStringLiteral("BEGIN"),
            QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kWriteLockKey)};
}

QStringList PostgresEngine::appendOnlyGuards(const QString &table) const
{
    const QString message =
        QStringLiteral("%1 is append-only: record a correction instead").arg(table);
    return {
        kRefuseFunction,
        QStringLiteral("CREATE TRIGGER %1_no_update BEFORE UPDATE OR DELETE ON %1 FOR EACH ROW "
                       "EXECUTE FUNCTION warroom_refuse('%2')")
            .arg(table, message),
        QStringLiteral("CREATE TRIGGER %1_no_truncate BEFORE TRUNCATE ON %1 FOR EACH STATEMENT "
                       "EXECUTE FUNCTION warroom_refuse('%2')")
            .arg(table, message),
    };
}

QStringList PostgresEngine::replaceGuards(const QString &, const QStringList &) const
{
    // PostgreSQL has no REPLACE; "INSERT … ON CONFLICT DO UPDATE" fires the update trigger
    // that appendOnlyGuards() installs, and "DO NOTHING" changes nothing.
    return {};
}

QStringList PostgresEngine::incidentGuards() const
{
    const QString message =
        QStringLiteral("incidents keep their title, customer and opening time, and are never "
                       "deleted or replaced (append-only identity)");
    return {
        kRefuseFunction,
        QStringLiteral(
            "CREATE OR REPLACE FUNCTION warroom_keep_incident_identity() RETURNS trigger "
            "LANGUAGE plpgsql AS $$ BEGIN IF NEW.id IS DISTINCT FROM OLD.id OR NEW.title IS "
            "DISTINCT FROM OLD.title OR NEW.customer IS DISTINCT FROM OLD.customer OR "
            "NEW.opened_at IS DISTINCT FROM OLD.opened_at THEN RAISE EXCEPTION '%', TG_ARGV[0]; "
            "END IF; RETURN NEW; END $$"),
        QStringLiteral("CREATE TRIGGER incidents_keep_identity BEFORE UPDATE ON incidents FOR "
                       "EACH ROW EXECUTE FUNCTION warroom_keep_incident_identity('%1')")
            .arg(message),
        QStringLiteral("CREATE TRIGGER incidents_no_delete BEFORE DELETE ON incidents FOR EACH "
                       "ROW EXECUTE FUNCTION warroom_refuse('%1')")
            .arg(message),
        QStringLiteral("CREATE TRIGGER incidents_no_truncate BEFORE TRUNCATE ON incidents FOR "
                       "EACH STATEMENT EXECUTE FUNCTION warroom_refuse('%1')")
            .arg(message),
    };
}

QStringList PostgresEngine::beforeFirstRead() const
{
    return {};
}

QString PostgresEngine::ownershipProbe() const
{
    return QStringLiteral(
        "SELECT COALESCE(obj_description(to_regclass('warroom_schema'), 'pg_class'), ''), "
        "(SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema())");
}

QVariant PostgresEngine::ownMark() const
{
    return QStringLiteral("Warroom war room");
}

QStringList PostgresEngine::markAsOurs() const
{
    return {QStringLiteral("COMMENT ON TABLE warroom_schema IS '%1'").arg(ownMark().toString())};
}

QStringList PostgresEngine::connectionSetup() const
{
    // A desktop that stalls inside a write must not hold the war room's write lock for long.
    return {QStringLiteral("SET idle_in_transaction_session_timeout = '30s'")};
}

QStringList PostgresEngine::announcers(const QString &table) const
{
    // One announcement per statement, from the rows it added (a transition table), grouped by
    // incident. A statement touching so many incidents that the payload would pass the
    // server's limit (8000 bytes) says "*": look at everything.
    const auto announcer = [](const QString &function, const QString &ranges) {
        return QStringLiteral(
                   "CREATE OR REPLACE FUNCTION %1() RETURNS trigger LANGUAGE plpgsql AS $$ "
                   "DECLARE ranges text; BEGIN "
                   "IF current_setting('warroom.quiet', true) = 'on' THEN RETURN NULL; END IF; "
                   "SELECT string_agg(incident_id || ':' || first || '-' || last, ' ') INTO "
                   "ranges FROM (%2) r; "
                   "IF ranges IS NULL THEN RETURN NULL; END IF; "
                   "IF length(ranges) > 7000 THEN ranges := '*'; END IF; "
                   "PERFORM pg_notify('%3', TG_TABLE_NAME || ' ' || ranges); "
                   "RETURN NULL; END $$")
            .arg(function, ranges, kChannel);
    };
    const auto trigger = [&](const QString &event, const QString &function) {
        return QStringLiteral("CREATE TRIGGER %1_announce_%2 AFTER %3 ON %1 REFERENCING NEW TABLE "
                              "AS added FOR EACH STATEMENT EXECUTE FUNCTION %4()")
            .arg(table, event.toLower(), event, function);
    };
    if (table == u"incidents") {
        return {announcer(QStringLiteral("warroom_announce_incidents"),
                          QStringLiteral("SELECT id AS incident_id, id AS first, id AS last FROM "
                                         "added ORDER BY id")),
                trigger(QStringLiteral("INSERT"), QStringLiteral("warroom_announce_incidents")),
                trigger(QStringLiteral("UPDATE"), QStringLiteral("warroom_announce_incidents"))};
    }
    if (Changes::isWarRoomWide(table)) {
        // The war room's own, not an incident's (the function keeps its first table's name).
        return {announcer(QStringLiteral("warroom_announce_policy"),
                          QStringLiteral("SELECT 0 AS incident_id, min(id) AS first, max(id) AS "
                                         "last FROM added HAVING count(*) > 0")),
                trigger(QStringLiteral("INSERT"), QStringLiteral("warroom_announce_policy"))};
    }
    if (table == u"log_entries") {
        // The technical log numbers entries per incident: a desktop fetches them by seq.
        return {announcer(QStringLiteral("warroom_announce_log"),
                          QStringLiteral("SELECT incident_id, min(seq) AS first, max(seq) AS last "
                                         "FROM added GROUP BY incident_id ORDER BY incident_id")),
                trigger(QStringLiteral("INSERT"), QStringLiteral("warroom_announce_log"))};
    }
    if (table == u"commitment_outcomes") {
        return {announcer(QStringLiteral("warroom_announce_outcomes"),
                          QStringLiteral("SELECT c.incident_id, min(a.id) AS first, max(a.id) AS "
                                         "last FROM added a JOIN commitments c ON c.id = "
                                         "a.commitment_id GROUP BY c.incident_id ORDER BY "
                                         "c.incident_id")),
                trigger(QStringLiteral("INSERT"), QStringLiteral("warroom_announce_outcomes"))};
    }
    return {announcer(QStringLiteral("warroom_announce_rows"),
                      QStringLiteral("SELECT incident_id, min(id) AS first, max(id) AS last FROM "
                                     "added GROUP BY incident_id ORDER BY incident_id")),
            trigger(QStringLiteral("INSERT"), QStringLiteral("warroom_announce_rows"))};
}

namespace {
// Punctuation splits words, as LogSearch and SQLite split them ("eu-west-1" is three words, a
// host name several).
QString wordsOf(const QString &text)
{
    return QStringLiteral("to_tsvector('simple', regexp_replace(%1, '[[:punct:]]+', ' ', 'g'))")
        .arg(text);
}
} // namespace

QStringList PostgresEngine::logTextIndex() const
{
    // Each entry's words kept beside it, as SQLite's index keeps them: checking a stored
    // tsvector is cheap enough that the planner may also walk an incident's newest entries and
    // check each, which finds the first of many hits sooner than the GIN index would. Kept by
    // the war room's owner, so that a role allowed to write the log needs no more.
    return {
        QStringLiteral("CREATE TABLE log_words (id BIGINT PRIMARY KEY REFERENCES log_entries(id), "
                       "incident_id BIGINT NOT NULL, words tsvector NOT NULL)"),
        QStringLiteral("CREATE INDEX log_words_by_incident ON log_words (incident_id, id)"),
        QStringLiteral("CREATE INDEX log_words_text ON log_words USING GIN (words)"),
        QStringLiteral("INSERT INTO log_words (id, incident_id, words) SELECT id, incident_id, %1 "
                       "FROM log_entries")
            .arg(wordsOf(QStringLiteral("body"))),
        QStringLiteral("CREATE OR REPLACE FUNCTION warroom_index_words() RETURNS trigger LANGUAGE "
                       "plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$ BEGIN INSERT "
                       "INTO log_words (id, incident_id, words) VALUES (NEW.id, NEW.incident_id, "
                       "%1); RETURN NULL; END $$")
            .arg(wordsOf(QStringLiteral("NEW.body"))),
        QStringLiteral("CREATE TRIGGER log_entries_words_indexed AFTER INSERT ON log_entries FOR "
                       "EACH ROW EXECUTE FUNCTION warroom_index_words()"),
    };
}

StorageEngine::TextMatch PostgresEngine::logTextMatch(const QStringList &words) const
{
    // Words are letters and digits only, so each is a plain lexeme; ":*" makes it a prefix.
    QStringList terms;
    for (const QString &word : words)
        terms.append(u'\'' + QString(word).replace(u'\'', QStringLiteral("''")) +
                     QStringLiteral("':*"));
    return {QStringLiteral("log_words w JOIN log_entries e ON e.id = w.id"),
            QStringLiteral("w.words @@ to_tsquery('simple', ?)"), terms.join(QStringLiteral(" & ")),
            QStringLiteral("w.id"), QStringLiteral("w.incident_id")};
}

QStringList PostgresEngine::beginCopy() const
{
    return {QStringLiteral("SET LOCAL warroom.quiet = 'on'"),
            QStringLiteral("SET LOCAL warroom.copying = 'on'")};
}

QStringList PostgresEngine::signedInColumn(const QString &table) const
{
    // Rows from before keep '' (unknown); the trigger overrides whatever a client sends, except
    // when the war room's owner copies a whole war room in, who could drop the trigger anyway.
    return {
        QStringLiteral("ALTER TABLE %1 ADD COLUMN signed_in_as TEXT NOT NULL DEFAULT ''")
            .arg(table),
        QStringLiteral("ALTER TABLE %1 ALTER COLUMN signed_in_as SET DEFAULT current_user")
            .arg(table),
        QStringLiteral(
            "CREATE OR REPLACE FUNCTION warroom_sign() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN IF current_setting('warroom.copying', true) = 'on' AND pg_has_role("
            "current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER') THEN "
            "RETURN NEW; END IF; NEW.signed_in_as := current_user; RETURN NEW; END $$"),
        QStringLiteral("CREATE TRIGGER %1_signed BEFORE INSERT ON %1 FOR EACH ROW EXECUTE "
                       "FUNCTION warroom_sign()")
            .arg(table),
    };
}

QStringList PostgresEngine::endCopy() const
{
    return {QStringLiteral("NOTIFY %1, '*'").arg(kChannel)};
}

QStringList PostgresEngine::afterExplicitIds(const QString &table) const
{
    // An identity column's sequence knows nothing of ids given explicitly.
    return {QStringLiteral("SELECT setval(pg_get_serial_sequence('%1', 'id'), MAX(id)) FROM %1 "
                           "HAVING MAX(id) IS NOT NULL")
                .arg(table)};
}
