#include "changerecorder.h"
#include "commandhost.h"
#include "scratchwarroom.h"
#include "warroomprocess.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

// Views never poll tables: the store announces what changed, whoever wrote it.
class TestChangeNotification : public QObject
{
    Q_OBJECT
private slots:
    void ownWritesAreAnnouncedOnce();
    void anotherConnectionsWritesArrive();
    void aPolicyWrittenThroughAnotherStoreArrives();
    void anotherProcessWritesArrive();
    void aFollowerPrintsEntriesAsTheyArrive();
    void nothingChangedMeansNoSignal();
    void closingTheWindowsStoreKeepsQueuedEntries();
};

void TestChangeNotification::ownWritesAreAnnouncedOnce()
{
    ScratchWarRoom room;
    IncidentStore &store = room.store();
    ChangeRecorder changes(store);
    const qint64 id = room.addIncident();
    QCOMPARE(changes.count(ChangeTopic::Incidents), 1);
    room.addLog(id, QStringLiteral("seen"));
    QCOMPARE(changes.incidents(ChangeTopic::Log), QList<qint64>{id});
    QVERIFY(store.commit({id, QStringLiteral("x"), QStringLiteral("Bob"),
                          room.clock().now().addSecs(60), QStringLiteral("why"),
                          QStringLiteral("Ann")}));
    QCOMPARE(changes.count(ChangeTopic::Commitments), 1);
    QCOMPARE(changes.count(ChangeTopic::Incidents), 1);
    QCOMPARE(changes.count(ChangeTopic::Log), 2); // the commitment is also recorded in the log
}

void TestChangeNotification::anotherConnectionsWritesArrive()
{
    ScratchWarRoom room;
    const qint64 id = room.addIncident();
    auto other = room.openSecondStore();
    ChangeRecorder changes(*other);

    // One process, one connection: the other store hears of the commit at once.
    room.addLog(id, QStringLiteral("written by the first connection"));
    QCOMPARE(changes.incidents(ChangeTopic::Log), QList<qint64>{id});
    QCOMPARE(*other->logEntryCount(id), 1);

    NewBriefing briefing{id,
                         QStringLiteral("Ann"),
                         QStringLiteral("Orders fail."),
                         {},
                         {},
                         {},
                         room.clock().now().addSecs(1800),
                         QStringLiteral("rollback ends"),
                         0};
    QVERIFY(room.store().publishBriefing(briefing));
    QCOMPARE(changes.incidents(ChangeTopic::Briefings), QList<qint64>{id});

    const qint64 second = room.addIncident(QStringLiteral("Second"));
    QCOMPARE(changes.count(ChangeTopic::Incidents), 1);
    QCOMPARE(other->incidents()->size(), 2);
    QCOMPARE(other->incidents()->first().id, second);
}

// The policy is the war room's: a window hears of a new version whichever store on the file
// wrote it (a dialog's, a forwarded command's), as it does on a server.
void TestChangeNotification::aPolicyWrittenThroughAnotherStoreArrives()
{
    ScratchWarRoom room;
    auto other = room.openSecondStore();
    ChangeRecorder changes(room.store());
    ChangeRecorder writersChanges(*other);

    TeamPolicy policy;
    policy.cadence.sev1Secs = 20 * 60;
    QVERIFY(other->setPolicy(policy, QStringLiteral("Ann")));
    QCOMPARE(changes.count(ChangeTopic::Policy), 1);
    QCOMPARE(writersChanges.count(ChangeTopic::Policy), 1);
    QCOMPARE(room.store().policy()->cadence.sev1Secs, 20 * 60);

    room.store().checkForExternalChanges(); // told once
    QCOMPARE(changes.count(ChangeTopic::Policy), 1);
}

void TestChangeNotification::anotherProcessWritesArrive()
{
    ScratchWarRoom room;
    const qint64 id = room.addIncident();
    ChangeRecorder changes(room.store());
    auto host = hostCommands(room.path()); // the command is handed to this process

    QProcess cli;
    cli.start(warroomExecutable(),
              {QStringLiteral("log"), QStringLiteral("--database"), room.path(),
               QStringLiteral("--incident"), QString::number(id), QStringLiteral("--author"),
               QStringLiteral("monitor"), QStringLiteral("p99 latency above 2 s")});
    // The owner's event loop must run while the command waits for it.
    QTRY_VERIFY_WITH_TIMEOUT(cli.state() == QProcess::NotRunning, 10000);
    QCOMPARE(cli.exitCode(), 0);
    QCOMPARE(changes.incidents(ChangeTopic::Log), QList<qint64>{id});
    const auto entries = room.store().logEntries(id, 1, 10);
    QCOMPARE(entries->size(), 1);
    QCOMPARE(entries->first().author, QStringLiteral("monitor"));
}

// A script follows the log of a war room a window has open: its rounds are handed to the
// window's process, and it prints entries from the window and from other scripts as they come.
void TestChangeNotification::aFollowerPrintsEntriesAsTheyArrive()
{
    ScratchWarRoom room;
    const qint64 id = room.addIncident();
    room.addLog(id, QStringLiteral("before the follower"));
    room.addLog(id, QStringLiteral("also before"));
    auto host = hostCommands(room.path()); // as the window does
    Follower follower({QStringLiteral("--database"), room.path(), QStringLiteral("--incident"),
                       QString::number(id), QStringLiteral("--since"), QStringLiteral("1")});
    QTRY_COMPARE_WITH_TIMEOUT(follower.texts(), QStringList{QStringLiteral("also before")}, 10000);

    room.addLog(id, QStringLiteral("typed in the window"));
    QProcess script;
    script.start(warroomExecutable(),
                 {QStringLiteral("log"), QStringLiteral("--database"), room.path(),
                  QStringLiteral("--incident"), QString::number(id), QStringLiteral("--author"),
                  QStringLiteral("monitor"), QStringLiteral("p99 latency above 2 s")});
    QTRY_VERIFY_WITH_TIMEOUT(script.state() == QProcess::NotRunning, 10000);
    QCOMPARE(script.exitCode(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(follower.entries().size(), 3, 10000);
    QCOMPARE(follower.texts(),
             (QStringList{QStringLiteral("also before"), QStringLiteral("typed in the window"),
                          QStringLiteral("p99 latency above 2 s")}));
    const QList<QJsonObject> entries = follower.entries();
    for (int i = 0; i < entries.size(); ++i)
        QCOMPARE(entries.at(i).value(QStringLiteral("seq")).toInteger(), i + 2);
    QCOMPARE(entries.last().value(QStringLiteral("author")).toString(), QStringLiteral("monitor"));

    // Nothing is printed twice while nothing new arrives.
    QTest::qWait(2500);
    QCOMPARE(follower.entries().size(), 3);
    QVERIFY(follower.isRunning());
    QCOMPARE(follower.errors(), QString());
}

void TestChangeNotification::nothingChangedMeansNoSignal()
{
    ScratchWarRoom room;
    room.addIncident();
    QSignalSpy any(&room.store(), &IncidentStore::changed);
    room.store().checkForExternalChanges();
    room.store().checkForExternalChanges();
    QCOMPARE(any.count(), 0);
}

// Entries typed into the window go to its store's thread and are acknowledged later; a window
// closed while they still queue behind a busy store (no answer read yet) writes every one of
// them, in the order typed.
void TestChangeNotification::closingTheWindowsStoreKeepsQueuedEntries()
{
    ScratchWarRoom room;
    const qint64 incident = room.addIncident();
    room.closeStore(); // the store thread has the file to itself, as a window does
    constexpr int kQueued = 200;
    {
        auto thread = StoreThread::open(room.address(), OpenMode::MustExist, room.clock());
        QVERIFY2(thread, qPrintable(thread.error()));
        QObject window;
        // The store's thread is busy (a slow disk, a stalled server) while the entries queue.
        (*thread)->run(
            &window,
            [](IncidentStore &) {
                QThread::msleep(300);
                return 0;
            },
            [](int) {});
        for (int i = 1; i <= kQueued; ++i) {
            (*thread)->run(
                &window,
                [incident, i](IncidentStore &store) {
                    return store.appendLogEntry({incident, QStringLiteral("Ann Lee"),
                                                 LogKind::Observation,
                                                 QStringLiteral("typed %1").arg(i)});
                },
                [](const Result<LogEntry> &) {});
        }
    } // closed before a single answer came back
    room.reopenStore();
    const auto entries = room.store().logEntries(incident, 1, 1000);
    QVERIFY2(entries, qPrintable(entries.error()));
    QStringList typed;
    for (const LogEntry &entry : *entries)
        if (entry.author == u"Ann Lee")
            typed.append(entry.text);
    QCOMPARE(typed.size(), kQueued);
    QCOMPARE(typed.first(), QStringLiteral("typed 1"));
    QCOMPARE(typed.last(), QStringLiteral("typed %1").arg(kQueued));
}

QTEST_GUILESS_MAIN(TestChangeNotification)
#include "tst_changenotification.moc"
