#include "changerecorder.h"
#include "rules/clock.h"
#include "scratchwarroom.h"
#include "storage/incidentstore.h"
#include "storage/outbox.h"
#include "throwawaypostgres.h"
#include "usecases/outboxdelivery.h"
#include "usecases/queuedwrite.h"
#include "warroomprocess.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <memory>

// What is written while a shared war room's server is away waits in this desktop's outbox and
// arrives once when the server is back: from commands, through sync or any command that reaches
// the server, with a process killed mid-delivery and answers lost on the way back. What the
// war room refuses stays in the outbox, with why, until a person decides.
class TestOutbox : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void aStoreReconnectsOnceTheServerIsBack();
    void acknowledgedItemsSurviveAKill();
    void aFileThatIsNotAnOutboxIsLeftAlone();
    void commandsQueueWhileTheServerIsAwayAndArriveOnce();
    void aFollowerWaitsOutAServerThatWentAway();
    void aLostAnswerIsNotWrittenTwice();
    void aKilledDeliveryIsFinishedByTheNextOne();
    void refusedOnDeliveryStaysWithWhy_data();
    void refusedOnDeliveryStaysWithWhy();

private:
    static CommandRun warroom(const QStringList &arguments);
    // The war room's log entries of an incident, as text, in the order they arrived.
    static QStringList logTexts(const WarRoomAddress &address, qint64 incident);
    static std::unique_ptr<IncidentStore> openStore(const WarRoomAddress &address);

    std::unique_ptr<ThrowawayPostgres> m_server;
    QTemporaryDir m_data; // this test's user data folder: the outbox lives there
    SystemClock m_clock;
};

void TestOutbox::initTestCase()
{
    QVERIFY(m_data.isValid());
    // The commands this test runs and the test itself find the same outbox.
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_data.path()));
    QCoreApplication::setApplicationName(QStringLiteral("warroom"));
    m_server = std::make_unique<ThrowawayPostgres>();
}

void TestOutbox::cleanupTestCase()
{
    m_server.reset();
}

void TestOutbox::init()
{
    QFile::remove(Outbox::defaultPath());
}

CommandRun TestOutbox::warroom(const QStringList &arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PGPASSWORD"), ThrowawayPostgres::password());
    return runWarroom(arguments, environment);
}

std::unique_ptr<IncidentStore> TestOutbox::openStore(const WarRoomAddress &address)
{
    static SystemClock clock;
    auto store = IncidentStore::open(address, OpenMode::MustExist, clock);
    if (!store)
        qFatal("%s", qPrintable(store.error()));
    return store.take();
}

QStringList TestOutbox::logTexts(const WarRoomAddress &address, qint64 incident)
{
    const auto store = openStore(address);
    const auto entries = store->logEntries(incident, 1, 100000);
    if (!entries)
        qFatal("%s", qPrintable(entries.error()));
    QStringList texts;
    for (const LogEntry &entry : *entries) {
        if (entry.kind != LogKind::Event)
            texts.append(entry.text);
    }
    return texts;
}

void TestOutbox::aStoreReconnectsOnceTheServerIsBack()
{
    const WarRoomAddress address = m_server->newDatabase();
    qint64 incident = 0;
    {
        ScratchWarRoom room(address);
        incident = room.addIncident();
    }
    const auto store = openStore(address);
    ChangeRecorder heard(*store);
    const NewLogEntry whileAway{incident, QStringLiteral("Ann"), LogKind::Observation,
                                QStringLiteral("typed while the server was away")};
    m_server->stop();
    const auto refused = store->appendLogEntry(whileAway);
    QVERIFY(!refused);
    QVERIFY2(refused.unreachable(), qPrintable(refused.error()));
    const Outcome stillAway = store->reconnect();
    QVERIFY(!stillAway);
    QVERIFY2(stillAway.unreachable(), qPrintable(stillAway.error()));

    m_server->start();
    const QString id = QString::number(incident);
    // Someone else writes before this store is back: nobody announces it to this store.
    const CommandRun meanwhile =
        warroom({QStringLiteral("log"), QStringLiteral("--database"), address.display(),
                 QStringLiteral("--incident"), id, QStringLiteral("--author"),
                 QStringLiteral("Bob"), QStringLiteral("written by another desktop meanwhile")});
    QVERIFY2(meanwhile.exitCode == 0, qPrintable(meanwhile.err));
    const int logChangesBefore = heard.count(ChangeTopic::Log);
    const Outcome back = store->reconnect();
    QVERIFY2(back, qPrintable(back.error()));
    QVERIFY2(heard.count(ChangeTopic::Log) > logChangesBefore,
             "what was written meanwhile was not told");
    const auto written = store->appendLogEntry(whileAway);
    QVERIFY2(written, qPrintable(written.error()));
    // Listening again: another desktop's entry is heard without looking.
    const int logChangesAfter = heard.count(ChangeTopic::Log);
    const CommandRun live =
        warroom({QStringLiteral("log"), QStringLiteral("--database"), address.display(),
                 QStringLiteral("--incident"), id, QStringLiteral("--author"),
                 QStringLiteral("Bob"), QStringLiteral("heard live again")});
    QVERIFY2(live.exitCode == 0, qPrintable(live.err));
    QVERIFY(heard.waitFor(ChangeTopic::Log, logChangesAfter + 1));
    const auto entries = store->logEntries(incident, 1, 100);
    QVERIFY(entries);
    QStringList texts;
    for (const LogEntry &entry : *entries)
        texts.append(entry.text);
    QCOMPARE(texts, (QStringList{QStringLiteral("written by another desktop meanwhile"),
                                 QStringLiteral("typed while the server was away"),
                                 QStringLiteral("heard live again")}));
    QVERIFY(store->checkRecordChain(incident)->intact);
}

void TestOutbox::acknowledgedItemsSurviveAKill()
{
    const QString path = Outbox::defaultPath();
    QProcess filler;
    filler.start(qEnvironmentVariable("WARROOM_OUTBOX_FILLER"),
                 {path, QStringLiteral("postgresql://x@127.0.0.1:1/y"), QStringLiteral("1"),
                  QStringLiteral("100000")});
    QVERIFY(filler.waitForStarted());
    QSet<qint64> acknowledged;
    QByteArray pending;
    while (acknowledged.size() < 300) {
        QVERIFY2(filler.waitForReadyRead(20000), filler.readAllStandardError().constData());
        pending += filler.readAllStandardOutput();
        while (pending.contains('\n')) {
            const qsizetype end = pending.indexOf('\n');
            acknowledged.insert(pending.left(end).toLongLong());
            pending.remove(0, end + 1);
        }
    }
    ::kill(pid_t(filler.processId()), SIGKILL); // in the middle of a write, most likely
    QVERIFY(filler.waitForFinished());
    pending += filler.readAllStandardOutput();
    for (const QByteArray &line : pending.split('\n'))
        if (!line.trimmed().isEmpty())
            acknowledged.insert(line.toLongLong());

    auto outbox = Outbox::open(path);
    QVERIFY2(outbox, qPrintable(outbox.error()));
    const auto items = (*outbox)->items(QStringLiteral("postgresql://x@127.0.0.1:1/y"));
    QVERIFY2(items, qPrintable(items.error()));
    QSet<qint64> kept;
    for (const OutboxItem &item : *items)
        kept.insert(item.id);
    QVERIFY2(
        kept.contains(acknowledged),
        qPrintable(
            QStringLiteral("%1 acknowledged, %2 kept").arg(acknowledged.size()).arg(kept.size())));
    // And it still takes more.
    const NewLogEntry entry{1, QStringLiteral("Ann"), LogKind::Observation, QStringLiteral("more")};
    QVERIFY(
        (*outbox)->add(QueuedWrite::logEntry(entry).toItem(QStringLiteral("x"), m_clock.now())));
}

void TestOutbox::aFileThatIsNotAnOutboxIsLeftAlone()
{
    const QString path = m_data.filePath(QStringLiteral("stranger.sqlite"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "stranger");
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QVERIFY(db.exec(QStringLiteral("CREATE TABLE notes (body TEXT)")).lastError().type() ==
                QSqlError::NoError);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("stranger"));
    const QByteArray before = [&] {
        QFile file(path);
        file.open(QIODevice::ReadOnly);
        return file.readAll();
    }();
    const auto outbox = Outbox::open(path);
    QVERIFY(!outbox);
    QVERIFY2(outbox.error().contains(QStringLiteral("not a Warroom outbox")),
             qPrintable(outbox.error()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before);
}

void TestOutbox::aFollowerWaitsOutAServerThatWentAway()
{
    const WarRoomAddress address = m_server->newDatabase();
    qint64 incident = 0;
    {
        ScratchWarRoom room(address);
        incident = room.addIncident();
        room.addLog(incident, QStringLiteral("before the outage"));
    }
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PGPASSWORD"), ThrowawayPostgres::password());
    Follower follower({QStringLiteral("--database"), address.display(),
                       QStringLiteral("--incident"), QString::number(incident)},
                      environment);
    QTRY_COMPARE_WITH_TIMEOUT(follower.texts(), QStringList{QStringLiteral("before the outage")},
                              15000);

    m_server->stop();
    QTRY_VERIFY_WITH_TIMEOUT(follower.errors().contains(QStringLiteral("still following")), 15000);
    QVERIFY(follower.isRunning());
    QCOMPARE(follower.errors().count(QStringLiteral("still following")), 1); // said once
    m_server->start();
    {
        ScratchWarRoom room(address);
        room.addLog(incident, QStringLiteral("after the outage"));
    }
    QTRY_COMPARE_WITH_TIMEOUT(
        follower.texts(),
        (QStringList{QStringLiteral("before the outage"), QStringLiteral("after the outage")}),
        20000);
    QVERIFY2(follower.errors().contains(QStringLiteral("following again")),
             qPrintable(follower.errors()));
}

void TestOutbox::commandsQueueWhileTheServerIsAwayAndArriveOnce()
{
    const WarRoomAddress address = m_server->newDatabase();
    const QString url = address.display();
    qint64 incident = 0;
    {
        ScratchWarRoom room(address);
        incident = room.addIncident();
    }
    const QString id = QString::number(incident);
    m_server->stop();

    QStringList expected;
    for (int i = 1; i <= 20; ++i) {
        const QString text = QStringLiteral("offline observation %1").arg(i);
        const CommandRun run = warroom({QStringLiteral("log"), QStringLiteral("--database"), url,
                                        QStringLiteral("--incident"), id, text});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.out.trimmed(),
                 QStringLiteral("queued: server unreachable, will be delivered"));
        expected.append(text);
    }
    // A retrying script's key holds across the outbox: queued once.
    for (int attempt = 0; attempt < 2; ++attempt) {
        const CommandRun run =
            warroom({QStringLiteral("log"), QStringLiteral("--database"), url,
                     QStringLiteral("--incident"), id, QStringLiteral("--key"),
                     QStringLiteral("alert-17"), QStringLiteral("p99 above 2 s")});
        QCOMPARE(run.exitCode, 0);
    }
    expected.append(QStringLiteral("p99 above 2 s"));
    const CommandRun committed = warroom(
        {QStringLiteral("commit"), QStringLiteral("--database"), url, QStringLiteral("--incident"),
         id, QStringLiteral("--what"), QStringLiteral("fail over to db-2"),
         QStringLiteral("--owner"), QStringLiteral("Bob"), QStringLiteral("--due"),
         QStringLiteral("+30m"), QStringLiteral("--why"), QStringLiteral("replica in sync")});
    QCOMPARE(committed.exitCode, 0);
    const CommandRun briefed = warroom(
        {QStringLiteral("brief"), QStringLiteral("--database"), url, QStringLiteral("--incident"),
         id, QStringLiteral("--headline"), QStringLiteral("Orders fail for EU customers."),
         QStringLiteral("--doing"), QStringLiteral("We move the database to a second server."),
         QStringLiteral("--next-update"), QStringLiteral("+30m"), QStringLiteral("--why"),
         QStringLiteral("the move ends then")});
    QCOMPARE(briefed.exitCode, 0);
    // Told not to queue: nothing kept, a temporary failure.
    const CommandRun refused = warroom({QStringLiteral("log"), QStringLiteral("--database"), url,
                                        QStringLiteral("--incident"), id,
                                        QStringLiteral("--no-queue"), QStringLiteral("not kept")});
    QCOMPARE(refused.exitCode, 75);
    QVERIFY2(refused.err.contains(QStringLiteral("Cannot reach")), qPrintable(refused.err));

    const CommandRun listed = warroom(
        {QStringLiteral("sync"), QStringLiteral("--database"), url, QStringLiteral("--list")});
    QCOMPARE(listed.exitCode, 0);
    QCOMPARE(listed.out.trimmed().split(u'\n').size(), 23); // 20 + keyed once + commit + brief
    const CommandRun tooEarly =
        warroom({QStringLiteral("sync"), QStringLiteral("--database"), url});
    QCOMPARE(tooEarly.exitCode, 75);

    m_server->start();
    const CommandRun synced = warroom({QStringLiteral("sync"), QStringLiteral("--database"), url});
    QVERIFY2(synced.exitCode == 0, qPrintable(synced.err));
    QVERIFY2(synced.out.startsWith(QStringLiteral("delivered 23, already there 0, refused 0, "
                                                  "still in the outbox 0")),
             qPrintable(synced.out));
    QCOMPARE(logTexts(address, incident), expected);
    {
        const auto store = openStore(address);
        QCOMPARE(store->commitments(incident)->size(), 1);
        QCOMPARE(store->briefings(incident)->size(), 1);
        // Written offline: the entries keep the time they were written, not the delivery's.
        QVERIFY(store->logEntries(incident, 1, 1)->first().at < QDateTime::currentDateTimeUtc());
    }
    // Nothing left, nothing twice.
    const CommandRun again = warroom({QStringLiteral("sync"), QStringLiteral("--database"), url});
    QVERIFY(again.out.startsWith(QStringLiteral("delivered 0, already there 0")));
    QCOMPARE(logTexts(address, incident), expected);
    const CommandRun verified =
        warroom({QStringLiteral("verify"), QStringLiteral("--database"), url});
    QVERIFY2(verified.exitCode == 0, qPrintable(verified.err));
}

void TestOutbox::aLostAnswerIsNotWrittenTwice()
{
    const WarRoomAddress address = m_server->newDatabase();
    qint64 incident = 0;
    {
        ScratchWarRoom room(address);
        incident = room.addIncident();
    }
    auto outbox = Outbox::open();
    QVERIFY(outbox);
    const QueuedWrite write = QueuedWrite::logEntry(
        {incident, QStringLiteral("Ann"), LogKind::Observation, QStringLiteral("once only")});
    QVERIFY((*outbox)->add(write.toItem(address.display(), m_clock.now())));
    {
        // A delivery that reached the war room, whose answer never came back: the item is
        // still in the outbox.
        const auto store = openStore(address);
        QVERIFY(store->deliverOnce(write.key(), [&] { return write.applyTo(*store); }));
    }
    const auto store = openStore(address);
    const auto report = OutboxDelivery::deliver(**outbox, *store);
    QVERIFY2(report, qPrintable(report.error()));
    QCOMPARE(report->delivered, 0);
    QCOMPARE(report->alreadyThere, 1);
    QCOMPARE(report->waiting, 0);
    QCOMPARE(logTexts(address, incident), QStringList{QStringLiteral("once only")});
}

void TestOutbox::aKilledDeliveryIsFinishedByTheNextOne()
{
    const WarRoomAddress address = m_server->newDatabase();
    qint64 incident = 0;
    {
        ScratchWarRoom room(address);
        incident = room.addIncident();
    }
    constexpr int kItems = 400;
    {
        auto outbox = Outbox::open();
        QVERIFY(outbox);
        for (int i = 1; i <= kItems; ++i) {
            const NewLogEntry entry{incident, QStringLiteral("Ann"), LogKind::Observation,
                                    QStringLiteral("queued %1").arg(i)};
            QVERIFY((*outbox)->add(
                QueuedWrite::logEntry(entry).toItem(address.display(), m_clock.now())));
        }
    }
    QProcess sync;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PGPASSWORD"), ThrowawayPostgres::password());
    sync.setProcessEnvironment(environment);
    sync.start(warroomExecutable(),
               {QStringLiteral("sync"), QStringLiteral("--database"), address.display()});
    QVERIFY(sync.waitForStarted());
    // Killed once some, not all, have arrived.
    QTRY_VERIFY_WITH_TIMEOUT(openStore(address)->logEntryCount(incident).valueOr(0) >= 20, 30000);
    ::kill(pid_t(sync.processId()), SIGKILL);
    QVERIFY(sync.waitForFinished());
    const qint64 arrivedBeforeKill = openStore(address)->logEntryCount(incident).valueOr(0);
    QVERIFY2(arrivedBeforeKill < kItems, "the delivery ended before it was killed");

    const CommandRun finished =
        warroom({QStringLiteral("sync"), QStringLiteral("--database"), address.display()});
    QVERIFY2(finished.exitCode == 0, qPrintable(finished.err));
    QStringList expected;
    for (int i = 1; i <= kItems; ++i)
        expected.append(QStringLiteral("queued %1").arg(i));
    QCOMPARE(logTexts(address, incident), expected);
    const CommandRun verified =
        warroom({QStringLiteral("verify"), QStringLiteral("--database"), address.display()});
    QVERIFY2(verified.exitCode == 0, qPrintable(verified.err));
}

void TestOutbox::refusedOnDeliveryStaysWithWhy_data()
{
    QTest::addColumn<bool>("queuedMet"); // else a supersede is queued
    QTest::newRow("met, superseded meanwhile by someone else") << true;
    QTest::newRow("superseded, met meanwhile by someone else") << false;
}

void TestOutbox::refusedOnDeliveryStaysWithWhy()
{
    QFETCH(bool, queuedMet);
    const WarRoomAddress address = m_server->newDatabase();
    qint64 incident = 0;
    qint64 commitment = 0;
    {
        ScratchWarRoom room(address);
        incident = room.addIncident();
        const auto committed =
            room.store().commit({incident, QStringLiteral("fail over"), QStringLiteral("Bob"),
                                 room.clock().now().addSecs(1800),
                                 QStringLiteral("replica in sync"), QStringLiteral("Ann")});
        QVERIFY2(committed, qPrintable(committed.error()));
        commitment = *committed;
    }
    const QString url = address.display();
    m_server->stop();
    const QStringList queued =
        queuedMet ? QStringList{QStringLiteral("met"), QStringLiteral("--database"), url,
                                QStringLiteral("--commitment"), QString::number(commitment)}
                  : QStringList{QStringLiteral("supersede"),
                                QStringLiteral("--database"),
                                url,
                                QStringLiteral("--commitment"),
                                QString::number(commitment),
                                QStringLiteral("--due"),
                                QStringLiteral("+1h"),
                                QStringLiteral("--why"),
                                QStringLiteral("replica lagging")};
    QCOMPARE(warroom(queued).exitCode, 0);
    QCOMPARE(warroom({QStringLiteral("log"), QStringLiteral("--database"), url,
                      QStringLiteral("--incident"), QString::number(incident),
                      QStringLiteral("after the refused one")})
                 .exitCode,
             0);
    m_server->start();
    {
        // Someone else, on the server meanwhile.
        const auto store = openStore(address);
        if (queuedMet)
            QVERIFY(store->supersede(commitment, m_clock.now().addSecs(3600),
                                     QStringLiteral("replica lagging"), QStringLiteral("Kim")));
        else
            QVERIFY(store->markMet(commitment, QStringLiteral("Kim")));
    }
    const CommandRun synced = warroom({QStringLiteral("sync"), QStringLiteral("--database"), url});
    QCOMPARE(synced.exitCode, 0);
    QVERIFY2(synced.out.startsWith(QStringLiteral("delivered 1, already there 0, refused 1, "
                                                  "still in the outbox 1")),
             qPrintable(synced.out));
    QVERIFY2(synced.out.contains(QStringLiteral("refused item")), qPrintable(synced.out));
    // The rest went on; the refused one waits, with why, for a person.
    QVERIFY(logTexts(address, incident).contains(QStringLiteral("after the refused one")));
    const CommandRun listed = warroom(
        {QStringLiteral("sync"), QStringLiteral("--database"), url, QStringLiteral("--list")});
    QVERIFY2(listed.out.contains(QStringLiteral("refused: ")), qPrintable(listed.out));
    const QString itemId = listed.out.section(u'\t', 0, 0);
    const CommandRun stillRefused = warroom({QStringLiteral("sync"), QStringLiteral("--database"),
                                             url, QStringLiteral("--retry"), itemId});
    QVERIFY2(stillRefused.out.contains(QStringLiteral("refused 1")), qPrintable(stillRefused.out));
    const CommandRun discarded = warroom({QStringLiteral("sync"), QStringLiteral("--database"), url,
                                          QStringLiteral("--discard"), itemId});
    QCOMPARE(discarded.exitCode, 0);
    const CommandRun empty = warroom(
        {QStringLiteral("sync"), QStringLiteral("--database"), url, QStringLiteral("--list")});
    QCOMPARE(empty.out.trimmed(), QString());
}

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
