#include "changerecorder.h"
#include "models/logtablemodel.h"
#include "scratchwarroom.h"
#include "storage/database.h"
#include "storage/postgresengine.h"
#include "storage/recordchain.h"
#include "storage/schema.h"
#include "throwawaypostgres.h"
#include "warroomprocess.h"

#include <QProcess>
#include <QSignalSpy>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlRecord>
#include <QTest>

#include <memory>

// A war room on a real PostgreSQL server (a throwaway cluster of the test's own): the same
// schema and rules as on SQLite, enforced by the server for every client, and shared live
// between desktops.
class TestPostgres : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void migrationsBuildTheSchema();
    void serverRefusesRewrites_data();
    void serverRefusesRewrites();
    void foreignDatabaseIsLeftUntouched();
    void commandsNeedAWarRoom();
    void clearMessagesWhenTheServerSaysNo_data();
    void clearMessagesWhenTheServerSaysNo();
    void anotherDesktopsEntryArrives();
    void aFollowerPrintsAnotherDesktopsEntries();
    void fourWritersKeepOneOrder();
    void announcementsNameIncidentTopicAndNewRows();
    void aScriptsRawInsertIsAnnouncedToo();
    void theServerSignsEveryRow();
    void presenceShowsWhoElseHasAWindowOpen();
    void everyDesktopUsesTheWarRoomsPolicy();
    void migrateRoundTripKeepsEveryRowAndChain();
    void migrateRefusesATargetThatHoldsData();
    void migrateRefusesABrokenRecordAndLeavesNoFile();

private:
    // A war room with a row in every table of the record, impact and severity included.
    static qint64 fillWarRoom(ScratchWarRoom &room);
    using Run = CommandRun;
    // The warroom command, given the test server's password the PostgreSQL way.
    static Run warroom(const QStringList &arguments);
    // Every row of every table of the record, as text (NULL apart from ''), by table and id.
    static QStringList contents(const WarRoomAddress &address);
    // A role of its own for a monitoring script, allowed to read and append in the database;
    // its password.
    QString grantMonitorRole(const QString &database);
    // A connection of the test's own as user, introduced to the server as clientName.
    static QSqlDatabase connectAs(const QString &connectionName, const WarRoomAddress &address,
                                  const QString &user, const QString &secret,
                                  const QString &clientName = QStringLiteral("tst_postgres"));

    std::unique_ptr<ThrowawayPostgres> m_server;
    // One filled war room that every attempted rewrite is tried on: each is refused as a whole.
    std::unique_ptr<ScratchWarRoom> m_target;
    qint64 m_targetRecords = 0;
};

qint64 TestPostgres::fillWarRoom(ScratchWarRoom &room)
{
    const qint64 incident = room.addIncident();
    room.recordOneOfEverything(incident);
    ImpactAssessment impact;
    impact.incidentId = incident;
    impact.by = QStringLiteral("Kim");
    impact.affectedUsers = 30000;
    impact.totalUsers = 40000;
    impact.functions = {{QStringLiteral("Checkout"), FunctionState::Down}};
    impact.regions = {QStringLiteral("EU")};
    impact.workaround = false;
    impact.costPerHour = 1250.5;
    impact.currency = QStringLiteral("EUR");
    impact.keyAccount = true;
    const auto assessed = room.store().assessImpact(impact, {});
    if (!assessed)
        qFatal("cannot assess: %s", qPrintable(assessed.error()));
    room.recordTheAftermath(incident);
    return incident;
}

TestPostgres::Run TestPostgres::warroom(const QStringList &arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PGPASSWORD"), ThrowawayPostgres::password());
    return runWarroom(arguments, environment);
}

QStringList TestPostgres::contents(const WarRoomAddress &address)
{
    auto database = Database::open(address, OpenMode::MustExist);
    if (!database)
        qFatal("%s", qPrintable(database.error()));
    QStringList rows;
    for (const QString &table :
         RecordChain::chainedTables() +
             QStringList{QStringLiteral("record_chain"), QStringLiteral("policies"),
                         QStringLiteral("display_names"), QStringLiteral("known_problems"),
                         QStringLiteral("known_problem_updates")}) {
        auto query = (*database)->run(QStringLiteral("SELECT * FROM %1 ORDER BY id").arg(table));
        if (!query)
            qFatal("%s", qPrintable(query.error()));
        while (query->next()) {
            const QSqlRecord record = query->record();
            QStringList fields;
            for (int i = 0; i < record.count(); ++i)
                fields.append(record.fieldName(i) + u'=' +
                              (query->isNull(i) ? QStringLiteral("NULL")
                                                : u'\'' + query->value(i).toString() + u'\''));
            fields.sort(); // the engines may order ALTERed columns differently
            rows.append(table + u' ' + fields.join(u' '));
        }
    }
    return rows;
}

void TestPostgres::initTestCase()
{
    m_server = std::make_unique<ThrowawayPostgres>();
}

void TestPostgres::cleanupTestCase()
{
    m_target.reset();
    m_server.reset();
}

void TestPostgres::migrationsBuildTheSchema()
{
    const WarRoomAddress address = m_server->newDatabase();
    qint64 logged = 0;
    {
        ScratchWarRoom room(address);
        const qint64 incident = fillWarRoom(room);
        logged = *room.store().logEntryCount(incident);
        QCOMPARE(room.store().severityChanges(incident)->size(), 1);
        QCOMPARE(room.store().impactAssessments(incident)->first().costPerHour, 1250.5);
        const auto chain = room.store().checkRecordChain(0);
        QVERIFY2(chain, qPrintable(chain.error()));
        QVERIFY2(chain->intact, qPrintable(chain->problem));
        QVERIFY(chain->records > 15);
    }
    // Opened again (a new connection): the version is read, not rebuilt, and nothing is lost.
    auto reopened = Database::open(address, OpenMode::MustExist);
    QVERIFY2(reopened, qPrintable(reopened.error()));
    QCOMPARE((*reopened)->schemaVersion(), latestSchemaVersion());
    QCOMPARE((*reopened)->scalar(QStringLiteral("SELECT count(*) FROM log_entries"))->toLongLong(),
             logged);
}

void TestPostgres::serverRefusesRewrites_data()
{
    QTest::addColumn<QString>("sql");
    QStringList appendOnly = RecordChain::chainedTables();
    appendOnly.removeAll(QStringLiteral("incidents"));
    appendOnly += {QStringLiteral("record_chain"), QStringLiteral("known_problems"),
                   QStringLiteral("known_problem_updates")};
    for (const QString &table : appendOnly) {
        QTest::addRow("edit %s", qPrintable(table))
            << QStringLiteral("UPDATE %1 SET id = id + 1000").arg(table);
        QTest::addRow("delete %s", qPrintable(table))
            << QStringLiteral("DELETE FROM %1").arg(table);
        QTest::addRow("truncate %s", qPrintable(table))
            << QStringLiteral("TRUNCATE %1 CASCADE").arg(table);
        // PostgreSQL's REPLACE: an insert that turns into an update of the row it meets.
        QTest::addRow("upsert %s", qPrintable(table))
            << QStringLiteral("INSERT INTO %1 SELECT * FROM %1 ORDER BY id LIMIT 1 ON CONFLICT "
                              "(id) DO UPDATE SET id = EXCLUDED.id")
                   .arg(table);
    }
    QTest::newRow("rename incident") << "UPDATE incidents SET title = 'Nothing happened'";
    QTest::newRow("move opening") << "UPDATE incidents SET opened_at = 0";
    QTest::newRow("delete incident") << "DELETE FROM incidents";
    QTest::newRow("truncate incidents") << "TRUNCATE incidents CASCADE";
    QTest::newRow("upsert incident")
        << "INSERT INTO incidents SELECT * FROM incidents LIMIT 1 ON CONFLICT (id) DO UPDATE SET "
           "customer = 'Someone else'";
}

void TestPostgres::serverRefusesRewrites()
{
    QFETCH(QString, sql);
    if (!m_target) {
        m_target = std::make_unique<ScratchWarRoom>(m_server->newDatabase());
        fillWarRoom(*m_target);
        m_targetRecords = m_target->store().checkRecordChain(0)->records;
    }
    ScratchWarRoom &room = *m_target;
    const WarRoomAddress &address = room.address();
    const qint64 records = m_targetRecords;

    // As the tables' owner, from a plain client: the server itself says no.
    const QString refused = runForeignSql(address, {sql});
    QVERIFY2(!refused.isEmpty(), "the server accepted a rewrite of the record");
    QVERIFY2(refused.contains(QStringLiteral("append-only")), qPrintable(refused));
    const auto chain = room.store().checkRecordChain(0);
    QVERIFY2(chain && chain->intact, qPrintable(chain ? chain->problem : chain.error()));
    QCOMPARE(chain->records, records);
    // What may change still changes: the incident's status is not part of its identity.
    QCOMPARE(runForeignSql(address, {QStringLiteral("UPDATE incidents SET status = 'mitigated'")}),
             QString());
}

void TestPostgres::foreignDatabaseIsLeftUntouched()
{
    const WarRoomAddress address = m_server->newDatabase();
    QCOMPARE(runForeignSql(address, {QStringLiteral("CREATE TABLE customers (name TEXT)"),
                                     QStringLiteral("INSERT INTO customers VALUES ('Acme')")}),
             QString());
    const auto opened = Database::open(address, OpenMode::CreateIfMissing);
    QVERIFY(!opened);
    QVERIFY2(opened.error().contains(QStringLiteral("not a Warroom database")) &&
                 opened.error().contains(QStringLiteral("a database of its own")),
             qPrintable(opened.error()));
    QVERIFY(!opened.error().contains(ThrowawayPostgres::password()));
    // Nothing was created beside the stranger's table.
    QCOMPARE(runForeignSql(address, {QStringLiteral("SELECT 1 FROM warroom_schema")}).isEmpty(),
             false);
    QCOMPARE(runForeignSql(address, {QStringLiteral("SELECT name FROM customers")}), QString());
}

void TestPostgres::commandsNeedAWarRoom()
{
    const WarRoomAddress address = m_server->newDatabase();
    const auto opened = Database::open(address, OpenMode::MustExist);
    QVERIFY(!opened);
    QVERIFY2(opened.error().contains(QStringLiteral("holds no war room yet")),
             qPrintable(opened.error()));
    QCOMPARE(runForeignSql(address, {QStringLiteral("SELECT 1 FROM warroom_schema")}).isEmpty(),
             false);
}

void TestPostgres::clearMessagesWhenTheServerSaysNo_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");
    QTest::newRow("wrong password")
        << m_server->url(QStringLiteral("postgres"), QStringLiteral("not-it"))
        << QStringLiteral("refused the password for warroom_tester");
    QTest::newRow("no such database") << m_server->url(QStringLiteral("nowhere"))
                                      << QStringLiteral("There is no database \"nowhere\"");
    QTest::newRow("nobody listening")
        << QStringLiteral("postgresql://%1:%2@127.0.0.1:1/postgres")
               .arg(ThrowawayPostgres::user(), ThrowawayPostgres::password())
        << QStringLiteral("Cannot reach the war room server at 127.0.0.1:1");
    QTest::newRow("not a url") << QStringLiteral("mysql://me@host/db")
                               << QStringLiteral("only postgresql:// servers are supported");
    QTest::newRow("no user") << QStringLiteral("postgresql://127.0.0.1/db")
                             << QStringLiteral("the user name is missing");
}

void TestPostgres::clearMessagesWhenTheServerSaysNo()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    const auto address = WarRoomAddress::parse(url);
    const QString message =
        address ? Database::open(*address, OpenMode::CreateIfMissing).error() : address.error();
    QVERIFY2(message.contains(expected), qPrintable(message));
    QVERIFY2(!message.contains(QStringLiteral("not-it")) &&
                 !message.contains(ThrowawayPostgres::password()),
             qPrintable(message));
}

void TestPostgres::anotherDesktopsEntryArrives()
{
    const WarRoomAddress address = m_server->newDatabase();
    ScratchWarRoom room(address);
    const qint64 incident = room.addIncident();
    ChangeRecorder changes(room.store());

    // Another program on another desktop: its own process, its own connection.
    // Scripts give the password the PostgreSQL way, never on the command line.
    QProcess other;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PGPASSWORD"), address.password);
    other.setProcessEnvironment(environment);
    other.start(warroomExecutable(),
                {QStringLiteral("log"), QStringLiteral("--database"), address.display(),
                 QStringLiteral("--incident"), QString::number(incident),
                 QStringLiteral("disk at 99 % on db-2")});
    QVERIFY(other.waitForFinished(30000));
    QVERIFY2(other.exitCode() == 0, other.readAllStandardError().constData());
    QVERIFY(changes.waitFor(ChangeTopic::Log));
    QCOMPARE(changes.incidents(ChangeTopic::Log), QList<qint64>{incident});
    const auto entries = room.store().logEntries(incident, 1, 100000);
    QVERIFY(entries);
    QCOMPARE(entries->last().text, QStringLiteral("disk at 99 % on db-2"));
}

void TestPostgres::aFollowerPrintsAnotherDesktopsEntries()
{
    const WarRoomAddress address = m_server->newDatabase();
    ScratchWarRoom room(address);
    const qint64 incident = room.addIncident();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PGPASSWORD"), address.password);
    Follower follower({QStringLiteral("--database"), address.display(),
                       QStringLiteral("--incident"), QString::number(incident)},
                      environment);
    room.addLog(incident, QStringLiteral("disk at 99 % on db-2"));
    room.addLog(incident, QStringLiteral("failing over to db-3"), LogKind::Action);
    QTRY_COMPARE_WITH_TIMEOUT(follower.texts(),
                              (QStringList{QStringLiteral("disk at 99 % on db-2"),
                                           QStringLiteral("failing over to db-3")}),
                              15000);
    QCOMPARE(follower.entries().last().value(QStringLiteral("kind")).toString(),
             QStringLiteral("action"));
    // The server says who wrote it.
    QVERIFY(!follower.entries().last().value(QStringLiteral("signed_in_as")).toString().isEmpty());
    QCOMPARE(follower.errors(), QString());
}

void TestPostgres::announcementsNameIncidentTopicAndNewRows()
{
    const WarRoomAddress address = m_server->newDatabase();
    ScratchWarRoom room(address);
    const qint64 first = room.addIncident();
    const qint64 second = room.addIncident(QStringLiteral("Second"));

    // Any client listening on the channel reads what each commit added.
    QStringList heard;
    {
        QSqlDatabase listener =
            connectAs(QStringLiteral("listener"), address, address.user, address.password);
        QVERIFY2(listener.isOpen(), qPrintable(listener.lastError().text()));
        QVERIFY(listener.driver()->subscribeToNotification(QStringLiteral("warroom_changes")));
        connect(listener.driver(), &QSqlDriver::notification, this,
                [&heard](const QString &, QSqlDriver::NotificationSource, const QVariant &payload) {
                    heard.append(payload.toString());
                });
        room.addLog(first, QStringLiteral("one"));
        room.addLog(second, QStringLiteral("two"));
        room.addLog(first, QStringLiteral("three"));
        QTRY_COMPARE_WITH_TIMEOUT(heard.size(), 3, 5000);
        listener.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("listener"));
    // The table, then incident:first-last by sequence number within the incident.
    QCOMPARE(heard, (QStringList{QStringLiteral("log_entries %1:1-1").arg(first),
                                 QStringLiteral("log_entries %1:1-1").arg(second),
                                 QStringLiteral("log_entries %1:2-2").arg(first)}));
}

void TestPostgres::aScriptsRawInsertIsAnnouncedToo()
{
    // The server announces, not the client: a row written by any program reaches the desktops.
    const WarRoomAddress address = m_server->newDatabase();
    ScratchWarRoom room(address);
    const qint64 incident = room.addIncident();
    ChangeRecorder changes(room.store());
    const QString refused = m_server->administer(
        address.database, {QStringLiteral("INSERT INTO framings (incident_id, at, by_name, "
                                          "objective) VALUES (%1, 0, 'script', 'Restore orders')")
                               .arg(incident)});
    QVERIFY2(refused.isEmpty(), qPrintable(refused));
    QVERIFY(changes.waitFor(ChangeTopic::Framing));
    QCOMPARE(changes.incidents(ChangeTopic::Framing), QList<qint64>{incident});
    QCOMPARE(changes.count(ChangeTopic::Log), 0);
}

void TestPostgres::theServerSignsEveryRow()
{
    const WarRoomAddress address = m_server->newDatabase();
    ScratchWarRoom room(address);
    const qint64 incident = room.addIncident();
    IncidentStore &store = room.store();
    QCOMPARE(store.signedInAs(), ThrowawayPostgres::user());
    QVERIFY(store.setDisplayName(QStringLiteral("Ann Lee")));
    room.addLog(incident, QStringLiteral("typed by Ann"));

    // A monitoring script signs in as a role of its own, with only what it needs.
    const QString monitorPassword = grantMonitorRole(address.database);
    WarRoomAddress monitor = address;
    monitor.user = QStringLiteral("monitor_bot");
    monitor.password.clear();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PGPASSWORD"), monitorPassword);
    const CommandRun posted = runWarroom(
        {QStringLiteral("log"), QStringLiteral("--database"), monitor.display(),
         QStringLiteral("--incident"), QString::number(incident), QStringLiteral("--author"),
         QStringLiteral("Ann Lee"), QStringLiteral("p99 above 2 s")},
        environment);
    QVERIFY2(posted.exitCode == 0, qPrintable(posted.err));

    // Whatever a client sends, the row says who signed in; even the "copying" switch does not
    // help a role that does not own the war room.
    for (const auto &[user, secret] :
         {std::pair{ThrowawayPostgres::user(), ThrowawayPostgres::password()},
          std::pair{QStringLiteral("monitor_bot"), monitorPassword}}) {
        const QString name = QStringLiteral("forger-") + user;
        {
            QSqlDatabase db = connectAs(name, address, user, secret);
            QVERIFY2(db.isOpen(), qPrintable(db.lastError().text()));
            QSqlQuery query(db);
            const QString forged =
                QStringLiteral("INSERT INTO display_names (at, name, signed_in_as) VALUES (0, "
                               "'Mallory', 'someone_else')");
            QVERIFY2(query.exec(forged), qPrintable(query.lastError().text()));
            if (user == u"monitor_bot") {
                QVERIFY(query.exec(QStringLiteral("SET warroom.copying = 'on'")));
                QVERIFY2(query.exec(forged), qPrintable(query.lastError().text()));
            }
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
    const auto names = store.displayNames();
    QVERIFY2(names, qPrintable(names.error()));
    QVERIFY(!names->contains(QStringLiteral("someone_else")));
    QCOMPARE(names->value(QStringLiteral("monitor_bot")), QStringLiteral("Mallory"));
    QCOMPARE(names->value(ThrowawayPostgres::user()), QStringLiteral("Mallory"));

    const auto entries = store.logEntries(incident, 1, 10);
    QCOMPARE(entries->size(), 2);
    QCOMPARE(entries->at(0).signedInAs, ThrowawayPostgres::user());
    QCOMPARE(entries->at(1).signedInAs, QStringLiteral("monitor_bot"));
    QCOMPARE(entries->at(1).author, QStringLiteral("Ann Lee"));

    // The log view names the person who signed in; a typed name never hides them.
    QVERIFY(store.setDisplayName(QStringLiteral("Ann Lee")));
    auto windowStore = StoreThread::onThisThread(store);
    LogTableModel model(*windowStore);
    model.setIncident(incident);
    const auto author = [&](int row) {
        return model.data(model.index(row, LogTableModel::AuthorColumn)).toString();
    };
    QTRY_COMPARE(model.rowCount(), 2);
    QTRY_COMPARE(author(0), QStringLiteral("Ann Lee"));
    QTRY_COMPARE(author(1), QStringLiteral("Ann Lee (signed in as Mallory)"));
}

QString TestPostgres::grantMonitorRole(const QString &database)
{
    const QString secret = QStringLiteral("monitor-secret");
    QString refused = m_server->administer(
        QStringLiteral("postgres"),
        {QStringLiteral("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = "
                        "'monitor_bot') THEN CREATE ROLE monitor_bot LOGIN PASSWORD '%1'; END "
                        "IF; END $$")
             .arg(secret)});
    if (refused.isEmpty())
        refused = m_server->administer(
            database,
            {QStringLiteral("GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA public TO monitor_bot"),
             QStringLiteral("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO monitor_bot")});
    if (!refused.isEmpty())
        qFatal("cannot set up the monitor role: %s", qPrintable(refused));
    return secret;
}

QSqlDatabase TestPostgres::connectAs(const QString &connectionName, const WarRoomAddress &address,
                                     const QString &user, const QString &secret,
                                     const QString &clientName)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connectionName);
    db.setHostName(address.host);
    db.setPort(address.port);
    db.setDatabaseName(address.database);
    db.setUserName(user);
    db.setPassword(secret);
    db.setConnectOptions(QStringLiteral("application_name=") + clientName);
    db.open();
    return db;
}

void TestPostgres::presenceShowsWhoElseHasAWindowOpen()
{
    const WarRoomAddress address = m_server->newDatabase();
    ScratchWarRoom room(address);
    room.addIncident();
    IncidentStore &store = room.store();
    QVERIFY(store.setDisplayName(QStringLiteral("Ann Lee")));
    const QString monitorPassword = grantMonitorRole(address.database);
    QCOMPARE(*store.othersPresent(), QStringList());
    {
        // Another window (Bob's), and a command that is not a window.
        QSqlDatabase window =
            connectAs(QStringLiteral("bob-window"), address, QStringLiteral("monitor_bot"),
                      monitorPassword, PostgresEngine::kWindowClient);
        QSqlDatabase command =
            connectAs(QStringLiteral("a-command"), address, ThrowawayPostgres::user(),
                      ThrowawayPostgres::password(), QStringLiteral("warroom"));
        QVERIFY(window.isOpen() && command.isOpen());
        QSqlQuery name(window);
        QVERIFY(name.exec(
            QStringLiteral("INSERT INTO display_names (at, name) VALUES (0, 'Bob Stone')")));
        QCOMPARE(*store.othersPresent(), QStringList{QStringLiteral("Bob Stone")});
        window.close();
        command.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("bob-window"));
    QSqlDatabase::removeDatabase(QStringLiteral("a-command"));
    QTRY_COMPARE_WITH_TIMEOUT(*store.othersPresent(), QStringList(), 5000);

    // On a desktop's own file there is nobody else.
    ScratchWarRoom file;
    QCOMPARE(*file.store().othersPresent(), QStringList());
}

void TestPostgres::everyDesktopUsesTheWarRoomsPolicy()
{
    const WarRoomAddress address = m_server->newDatabase();
    ScratchWarRoom room(address);
    const qint64 incident = room.addIncident();
    IncidentStore &store = room.store();
    QCOMPARE(store.policy()->version, 0); // Warroom's defaults until someone changes them
    WarRoomAddress withoutPassword = address;
    withoutPassword.password.clear();
    auto assess = [&] {
        return warroom({QStringLiteral("assess"), QStringLiteral("--database"),
                        withoutPassword.display(), QStringLiteral("--incident"),
                        QString::number(incident), QStringLiteral("--affected-users"),
                        QStringLiteral("6000"), QStringLiteral("--total-users"),
                        QStringLiteral("40000"), QStringLiteral("--function"),
                        QStringLiteral("Checkout:down")});
    };
    // 15 % of users with checkout down: SEV2 under the default table.
    Run before = assess();
    QVERIFY2(before.exitCode == 0, qPrintable(before.err));
    QVERIFY2(before.out.startsWith(QStringLiteral("Suggested SEV2")), qPrintable(before.out));

    ChangeRecorder changes(store);
    TeamPolicy policy = *store.policy();
    policy.severity.sev1UserShare = 0.10;
    const auto version = store.setPolicy(policy, QStringLiteral("Dana"));
    QVERIFY2(version, qPrintable(version.error()));
    QVERIFY(changes.waitFor(ChangeTopic::Policy)); // every desktop hears of it
    QCOMPARE(store.policy()->version, *version);
    QCOMPARE(store.policy()->by, QStringLiteral("Dana"));

    // Another desktop's command, with settings of its own, computes with the war room's table.
    Run after = assess();
    QVERIFY2(after.exitCode == 0, qPrintable(after.err));
    QVERIFY2(after.out.startsWith(QStringLiteral("Suggested SEV1")), qPrintable(after.out));

    // A table that cannot work is refused; the old versions stay and cannot be rewritten.
    policy.severity.sev1UserShare = 0.01;
    QVERIFY(!store.setPolicy(policy, QStringLiteral("Dana")));
    const QString refused =
        m_server->administer(address.database, {QStringLiteral("UPDATE policies SET body = '{}'")});
    QVERIFY2(refused.contains(QStringLiteral("append-only")), qPrintable(refused));
    QCOMPARE(store.policy()->severity.sev1UserShare, 0.10);
}

void TestPostgres::fourWritersKeepOneOrder()
{
    const WarRoomAddress address = m_server->newDatabase();
    ScratchWarRoom room(address);
    const qint64 incident = room.addIncident();
    const QString url = ThrowawayPostgres::url(address);
    constexpr int kWriters = 4;
    constexpr int kEach = 250;
    std::vector<std::unique_ptr<QProcess>> writers;
    for (int w = 0; w < kWriters; ++w) {
        auto writer = std::make_unique<QProcess>();
        writer->start(
            builtExecutable("WARROOM_APPENDER"),
            {url, QString::number(incident), QString::number(kEach), QStringLiteral("w%1").arg(w)});
        writers.push_back(std::move(writer));
    }
    QSet<qint64> acknowledged;
    for (auto &writer : writers) {
        QVERIFY(writer->waitForFinished(120000));
        QVERIFY2(writer->exitCode() == 0, writer->readAllStandardError().constData());
        for (const QByteArray &line : writer->readAllStandardOutput().split('\n'))
            if (!line.trimmed().isEmpty())
                acknowledged.insert(line.trimmed().toLongLong());
    }
    QCOMPARE(acknowledged.size(), kWriters * kEach);

    const auto entries = room.store().logEntries(incident, 1, 100000);
    QVERIFY(entries);
    QCOMPARE(entries->size(), kWriters * kEach);
    QHash<QString, int> lastOfWriter;
    for (int i = 0; i < entries->size(); ++i) {
        const LogEntry &entry = entries->at(i);
        QCOMPARE(entry.seq, qint64(i + 1)); // one order, no gaps, no repeats
        QVERIFY(acknowledged.contains(entry.id));
        // Each writer's entries in the order it wrote them.
        const QStringList words = entry.text.split(u' ');
        const int n = words.value(2).toInt();
        QVERIFY2(n > lastOfWriter.value(words.value(0)), qPrintable(entry.text));
        lastOfWriter[words.value(0)] = n;
    }
    const auto chain = room.store().checkRecordChain(incident);
    QVERIFY2(chain && chain->intact, qPrintable(chain ? chain->problem : chain.error()));
}

void TestPostgres::migrateRoundTripKeepsEveryRowAndChain()
{
    ScratchWarRoom desktop;
    const qint64 incident = fillWarRoom(desktop);
    for (int i = 0; i < 40; ++i)
        desktop.addLog(incident, QStringLiteral("observation %1: <b>not markup</b> ü").arg(i));
    ImpactAssessment fractional;
    fractional.incidentId = incident;
    fractional.by = QStringLiteral("Kim");
    fractional.affectedUsers = 1;
    fractional.totalUsers = 3;
    fractional.costPerHour = 0.1; // not exact in binary: must come back bit for bit
    QVERIFY(desktop.store().assessImpact(fractional, {}));
    // The war room's policy moves with it: every version.
    TeamPolicy policy;
    policy.cadence.sev2Secs = 45 * 60;
    QVERIFY(desktop.store().setPolicy(policy, QStringLiteral("Dana")));
    policy.jargon.insert(QStringLiteral("blue-green switch"), QStringLiteral("standby system"));
    QVERIFY(desktop.store().setPolicy(policy, QStringLiteral("Dana")));
    const WarRoomAddress file = desktop.address();
    desktop.closeStore(); // the command takes the file, as when the window has closed
    const QStringList original = contents(file);
    QVERIFY(original.size() > 60);

    WarRoomAddress server = m_server->newDatabase();
    server.password.clear();
    const Run up = warroom({QStringLiteral("migrate"), QStringLiteral("--from"), file.display(),
                            QStringLiteral("--to"), server.display()});
    QVERIFY2(up.exitCode == 0, qPrintable(up.err));
    QVERIFY2(up.out.contains(QStringLiteral("hash chains intact")), qPrintable(up.out));
    server.password = ThrowawayPostgres::password();
    QCOMPARE(contents(server), original);

    // The team goes on writing on the server: new ids follow the copied ones.
    const Run logged = warroom({QStringLiteral("log"), QStringLiteral("--database"),
                                server.display(), QStringLiteral("--incident"),
                                QString::number(incident), QStringLiteral("after the move")});
    QVERIFY2(logged.exitCode == 0, qPrintable(logged.err));
    {
        // Someone names themselves on the server; the name goes back with the war room.
        SystemClock clock;
        auto onServer = IncidentStore::open(server, OpenMode::MustExist, clock);
        QVERIFY2(onServer, qPrintable(onServer.error()));
        QVERIFY((*onServer)->setDisplayName(QStringLiteral("Ann Lee")));
        QCOMPARE((*onServer)->policy()->version, 2);
        QCOMPARE((*onServer)->policy()->jargon.size(), 1);
    }
    const Run verified =
        warroom({QStringLiteral("verify"), QStringLiteral("--database"), server.display()});
    QVERIFY2(verified.exitCode == 0, qPrintable(verified.err + verified.out));

    // And back to a desktop file: the same record, the new entry included.
    const QString back = desktop.pathFor(QStringLiteral("back.sqlite"));
    const Run down = warroom({QStringLiteral("migrate"), QStringLiteral("--from"), server.display(),
                              QStringLiteral("--to"), back});
    QVERIFY2(down.exitCode == 0, qPrintable(down.err));
    QCOMPARE(contents(WarRoomAddress::sqliteFile(back)), contents(server));
    const Run verifiedBack =
        warroom({QStringLiteral("verify"), QStringLiteral("--database"), back});
    QVERIFY2(verifiedBack.exitCode == 0, qPrintable(verifiedBack.err));
}

void TestPostgres::migrateRefusesATargetThatHoldsData()
{
    WarRoomAddress server = m_server->newDatabase();
    {
        ScratchWarRoom team(server);
        team.addIncident(QStringLiteral("The team's own incident"));
    }
    const QStringList before = contents(server);
    ScratchWarRoom desktop;
    fillWarRoom(desktop);
    desktop.closeStore();
    server.password.clear();
    const Run refused = warroom({QStringLiteral("migrate"), QStringLiteral("--from"),
                                 desktop.path(), QStringLiteral("--to"), server.display()});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(QStringLiteral("already holds 1 incident")),
             qPrintable(refused.err));
    server.password = ThrowawayPostgres::password();
    QCOMPARE(contents(server), before);
}

void TestPostgres::migrateRefusesABrokenRecordAndLeavesNoFile()
{
    // A record edited behind Warroom's back (guards dropped) is not vouched for by a copy.
    ScratchWarRoom desktop;
    const qint64 incident = fillWarRoom(desktop);
    desktop.addLog(incident, QStringLiteral("db-2 disk at 99 %"));
    desktop.closeStore();
    const QString edited = runForeignSql(
        desktop.path(), {QStringLiteral("DROP TRIGGER log_entries_no_update"),
                         QStringLiteral("UPDATE log_entries SET body = 'all fine' WHERE body = "
                                        "'db-2 disk at 99 %'")});
    QVERIFY2(edited.isEmpty(), qPrintable(edited));

    WarRoomAddress server = m_server->newDatabase();
    server.password.clear();
    const Run up = warroom({QStringLiteral("migrate"), QStringLiteral("--from"), desktop.path(),
                            QStringLiteral("--to"), server.display()});
    QCOMPARE(up.exitCode, 1);
    QVERIFY2(up.err.contains(QStringLiteral("does not match its hash chain")), qPrintable(up.err));
    server.password = ThrowawayPostgres::password();
    QVERIFY(contents(server).isEmpty());

    const QString back = desktop.pathFor(QStringLiteral("never.sqlite"));
    const Run down = warroom({QStringLiteral("migrate"), QStringLiteral("--from"), desktop.path(),
                              QStringLiteral("--to"), back});
    QCOMPARE(down.exitCode, 1);
    QVERIFY(!QFile::exists(back));
    QVERIFY(!QFile::exists(back + QStringLiteral(".lock")));
}

QTEST_GUILESS_MAIN(TestPostgres)
#include "tst_postgres.moc"
