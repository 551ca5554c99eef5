#include "dialogs/modalhook.h"
#include "dialogs/outboxdialog.h"
#include "incidentactions.h"
#include "livewarroom.h"
#include "mainwindow.h"
#include "models/logtablemodel.h"
#include "scratchwarroom.h"
#include "serverlink.h"
#include "storage/outbox.h"
#include "storage/storethread.h"
#include "throwawaypostgres.h"
#include "usecases/queuedwrite.h"
#include "useridentity.h"
#include "warroomprocess.h"
#include "widgets/alertbanner.h"
#include "widgets/incidentlistpanel.h"
#include "widgets/serverlinkbanner.h"
#include "windowfixture.h"

#include <QElapsedTimer>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QTableView>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <csignal>

// The window on a shared war room whose server goes away and comes back: it says so at once,
// keeps what people write on this computer and shows it in place as not yet shared, and once
// the server is back delivers it, each write exactly once and in order, with what commands
// queued meanwhile. Real PostgreSQL server, stopped and started; a delivery killed midway.
class TestOfflineWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void theWindowKeepsWorkingWhileTheServerIsAway();
    void deadlinesStillCountDownAndAlertWhileAway();
    void quittingWithWritesNotYetSharedAsksAndKeepsThem();
    void aRefusedWriteWaitsForAPersonsDecision_data();
    void aRefusedWriteWaitsForAPersonsDecision();
    void everythingWrittenDuringAnOutageArrivesExactlyOnce();
    void statusChangedWhileAwayOffersNoStaleNotice();

private:
    // A window on a new shared war room with one incident, on a store thread of its own.
    void openWindow();
    CommandRun warroom(const QStringList &arguments) const;
    std::unique_ptr<IncidentStore> openStore() const;
    // The incident's log, as "author: text", in the order the war room has it (events left out).
    QStringList logLines() const;
    template <typename T> T *find(const QString &name) const
    {
        T *widget = m_window->findChild<T *>(name);
        if (!widget)
            qFatal("no widget %s", qPrintable(name));
        return widget;
    }
    LogTableModel *logModel() const
    {
        return qobject_cast<LogTableModel *>(
            find<QTableView>(QStringLiteral("logTableView"))->model());
    }
    // Writes as the window does, and waits for the answer.
    void writeFromWindow(const QueuedWrite &write);

    std::unique_ptr<ThrowawayPostgres> m_server;
    QTemporaryDir m_home; // this test's data and settings: the outbox lives there
    SystemClock m_clock;
    WarRoomAddress m_address;
    qint64 m_incident = 0;
    std::unique_ptr<StoreThread> m_store;
    std::unique_ptr<MainWindow> m_window;
    QStringList m_errors;
};

void TestOfflineWindow::initTestCase()
{
    QVERIFY(m_home.isValid());
    // The commands this test runs, the window and the test find the same outbox.
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_home.filePath(QStringLiteral("data"))));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(QStringLiteral("config"))));
    QCoreApplication::setApplicationName(QStringLiteral("warroom"));
    m_server = std::make_unique<ThrowawayPostgres>();
}

void TestOfflineWindow::cleanupTestCase()
{
    m_server.reset();
}

void TestOfflineWindow::init()
{
    QFile::remove(Outbox::defaultPath());
    UserIdentity::setName(QStringLiteral("Ann"));
    m_errors.clear();
    ModalHook::setMessageHandler(
        [this](const QString &, const QString &text) { m_errors.append(text); });
    openWindow();
}

void TestOfflineWindow::cleanup()
{
    ModalHook::setDialogHandler({});
    ModalHook::setMessageHandler({});
    m_window.reset();
    m_store.reset();
}

void TestOfflineWindow::openWindow()
{
    m_address = m_server->newDatabase();
    {
        ScratchWarRoom room(m_address);
        m_incident = room.addIncident();
    }
    auto store = StoreThread::open(m_address, OpenMode::MustExist, m_clock);
    QVERIFY2(store, qPrintable(store.error()));
    m_store = store.take();
    m_window = std::make_unique<MainWindow>(*m_store, m_clock);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->incidentList()->selectIncident(m_incident);
    QTRY_VERIFY(m_window->live().incidentLoaded());
}

CommandRun TestOfflineWindow::warroom(const QStringList &arguments) const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PGPASSWORD"), ThrowawayPostgres::password());
    return runWarroom(arguments, environment);
}

std::unique_ptr<IncidentStore> TestOfflineWindow::openStore() const
{
    auto store = IncidentStore::open(m_address, OpenMode::MustExist, m_clock);
    if (!store)
        qFatal("%s", qPrintable(store.error()));
    return store.take();
}

QStringList TestOfflineWindow::logLines() const
{
    const auto entries = openStore()->logEntries(m_incident, 1, 100000);
    if (!entries)
        qFatal("%s", qPrintable(entries.error()));
    QStringList lines;
    for (const LogEntry &entry : *entries) {
        if (entry.kind != LogKind::Event)
            lines.append(entry.author + QStringLiteral(": ") + entry.text);
    }
    return lines;
}

void TestOfflineWindow::writeFromWindow(const QueuedWrite &write)
{
    bool answered = false;
    m_window->live().writeOrKeep(m_window.get(), write, [&](const Outcome &outcome) {
        QVERIFY2(outcome, qPrintable(outcome.error()));
        answered = true;
    });
    QTRY_VERIFY(answered);
}

void TestOfflineWindow::theWindowKeepsWorkingWhileTheServerIsAway()
{
    auto *banner = find<ServerLinkBanner>(QStringLiteral("serverLinkBanner"));
    QVERIFY(!banner->isVisible());
    auto *entry = find<QLineEdit>(QStringLiteral("quickEntryLineEdit"));
    LogTableModel *model = logModel();
    const int before = model->rowCount();

    m_server->stop();
    QTest::keyClicks(entry, QStringLiteral("a: failing over to db-2 by hand"));
    QTest::keyClick(entry, Qt::Key_Return);
    // Said at once, and the entry shown in place, marked, while the box is free again.
    QTRY_VERIFY(banner->isVisible());
    QVERIFY2(banner->text().startsWith(QStringLiteral("SERVER UNREACHABLE since")),
             qPrintable(banner->text()));
    QVERIFY(banner->text().contains(QStringLiteral("may be stale")));
    QTRY_COMPARE(model->pendingCount(), 1);
    QVERIFY(entry->text().isEmpty());
    const QModelIndex pending = model->index(model->rowCount() - 1, LogTableModel::TextColumn);
    QCOMPARE(pending.data().toString(),
             QStringLiteral("[not yet shared] failing over to db-2 by hand"));
    QVERIFY(pending.data(LogTableModel::PendingRole).toBool());
    QVERIFY(pending.data(Qt::FontRole).value<QFont>().italic());
    QVERIFY(m_errors.isEmpty());

    QTest::keyClicks(entry, QStringLiteral("replica lag back under 1 s"));
    QTest::keyClick(entry, Qt::Key_Return);
    QTRY_COMPARE(model->pendingCount(), 2);
    QTRY_VERIFY2(banner->text().contains(QStringLiteral("2 writes not yet shared")),
                 qPrintable(banner->text()));
    QVERIFY(banner->text().contains(QStringLiteral("Next try in")));
    const QString since = QTime::currentTime().toString(QStringLiteral("HH:mm"));
    QVERIFY2(banner->text().contains(since.left(3)), qPrintable(banner->text()));
    // Pictures for people: the window while away.
    if (const QByteArray shot = qgetenv("WARROOM_SHOTS"); !shot.isEmpty())
        m_window->grab().save(QString::fromLocal8Bit(shot) + QStringLiteral("/offline.png"));

    m_server->start();
    find<QPushButton>(QStringLiteral("retryNowButton"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), 15000);
    QTRY_COMPARE(model->pendingCount(), 0);
    QTRY_COMPARE(model->rowCount(), before + 2);
    QTRY_COMPARE(model->index(before, LogTableModel::TextColumn).data().toString(),
                 QStringLiteral("failing over to db-2 by hand"));
    QCOMPARE(logLines(), (QStringList{QStringLiteral("Ann: failing over to db-2 by hand"),
                                      QStringLiteral("Ann: replica lag back under 1 s")}));
    // Written live again, and heard live again.
    QTest::keyClicks(entry, QStringLiteral("back on the server"));
    QTest::keyClick(entry, Qt::Key_Return);
    QTRY_COMPARE(model->rowCount(), before + 3);
    QCOMPARE(model->pendingCount(), 0);
    const CommandRun other =
        warroom({QStringLiteral("log"), QStringLiteral("--database"), m_address.display(),
                 QStringLiteral("--incident"), QString::number(m_incident),
                 QStringLiteral("from a script")});
    QVERIFY2(other.exitCode == 0, qPrintable(other.err));
    QTRY_COMPARE(model->rowCount(), before + 4);
    QVERIFY(m_errors.isEmpty());
}

void TestOfflineWindow::deadlinesStillCountDownAndAlertWhileAway()
{
    const auto deadline =
        openStore()->commit({m_incident, QStringLiteral("confirm the rollback"),
                             QStringLiteral("Bob"), m_clock.now().addSecs(3),
                             QStringLiteral("the customer's batch starts"), QStringLiteral("Bob")});
    QVERIFY(deadline);
    QTRY_COMPARE(m_window->live().warRoom().outstanding.size(), 1);
    m_server->stop();
    writeFromWindow(QueuedWrite::logEntry({m_incident, QStringLiteral("Ann"), LogKind::Action,
                                           QStringLiteral("rolling back by hand")}));
    QVERIFY(!m_window->live().link().reachable());
    // Due while away: alerted from the last state read, no server needed.
    auto *alert = find<AlertBanner>(QStringLiteral("alertBanner"));
    QTRY_VERIFY_WITH_TIMEOUT(alert->isVisible() && alert->text().startsWith(QStringLiteral(
                                                       "Deadline due: confirm the rollback")),
                             10000);
    // Back: the miss is on record, once.
    m_server->start();
    m_window->live().link().retryNow();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->live().link().waiting().isEmpty(), 15000);
    const auto entries = openStore()->logEntries(m_incident, 1, 100);
    QVERIFY(entries);
    int misses = 0;
    for (const LogEntry &entry : *entries)
        misses += entry.event == LogEvent::Missed && entry.commitmentId == *deadline;
    QCOMPARE(misses, 1);
}

void TestOfflineWindow::quittingWithWritesNotYetSharedAsksAndKeepsThem()
{
    m_server->stop();
    writeFromWindow(QueuedWrite::logEntry({m_incident, QStringLiteral("Ann"), LogKind::Observation,
                                           QStringLiteral("typed just before quitting")}));
    QTRY_COMPARE(m_window->live().link().waiting().size(), 1);

    QString asked;
    const auto answer = [&asked](const QString &button) {
        ModalHook::setDialogHandler([&asked, button](QDialog &dialog) {
            auto &box = static_cast<QMessageBox &>(dialog);
            asked = box.text();
            for (QAbstractButton *b : box.buttons()) {
                if (b->text().remove(u'&').startsWith(button))
                    b->click();
            }
            return 0;
        });
    };
    answer(QStringLiteral("Stay open"));
    QVERIFY(!m_window->close());
    QVERIFY(m_window->isVisible());
    QVERIFY2(asked.contains(QStringLiteral("1 write written here has not reached the war room")),
             qPrintable(asked));
    answer(QStringLiteral("Quit, keep them here"));
    QVERIFY(m_window->close());
    m_window.reset();
    m_store.reset();

    // Kept on this computer; the next start delivers it.
    auto outbox = Outbox::open();
    QVERIFY(outbox);
    QCOMPARE((*outbox)->count(m_address.display()).valueOr(-1), 1);
    outbox->reset();
    m_server->start();
    auto store = StoreThread::open(m_address, OpenMode::MustExist, m_clock);
    QVERIFY2(store, qPrintable(store.error()));
    m_store = store.take();
    m_window = std::make_unique<MainWindow>(*m_store, m_clock);
    QTRY_COMPARE(logLines(), QStringList{QStringLiteral("Ann: typed just before quitting")});
    QTRY_VERIFY(m_window->live().link().waiting().isEmpty());
}

void TestOfflineWindow::aRefusedWriteWaitsForAPersonsDecision_data()
{
    QTest::addColumn<QString>("conflict");
    QTest::addColumn<QString>("why");
    QTest::newRow("met here, superseded meanwhile by someone else")
        << QStringLiteral("deadline") << QStringLiteral("superseded");
    QTest::newRow("a status move that no longer applies")
        << QStringLiteral("status") << QStringLiteral("cannot go back from monitoring");
}

void TestOfflineWindow::aRefusedWriteWaitsForAPersonsDecision()
{
    QFETCH(QString, conflict);
    QFETCH(QString, why);
    const auto deadline = openStore()->commit(
        {m_incident, QStringLiteral("restore orders"), QStringLiteral("Bob"),
         m_clock.now().addSecs(1800), QStringLiteral("peak at noon"), QStringLiteral("Bob")});
    QVERIFY(deadline);
    QTRY_COMPARE(m_window->live().incident().commitments.size(), 1);
    m_server->stop();
    if (conflict == u"deadline") {
        writeFromWindow(QueuedWrite::met(*deadline, QStringLiteral("Ann")));
        m_server->start();
        QVERIFY(openStore()->supersede(*deadline, m_clock.now().addSecs(3600),
                                       QStringLiteral("the vendor needs an hour"),
                                       QStringLiteral("Bob")));
    } else {
        writeFromWindow(QueuedWrite::statusChange(
            {m_incident, QStringLiteral("Ann"), IncidentStatus::Identified,
             QStringLiteral("We found the broken release."), m_clock.now().addSecs(1800),
             QStringLiteral("the rollback ends then")}));
        m_server->start();
        QVERIFY(openStore()->changeStatus(
            {m_incident, QStringLiteral("Bob"), IncidentStatus::Monitoring,
             QStringLiteral("Orders go through again."), m_clock.now().addSecs(3600),
             QStringLiteral("we watch for an hour")}));
    }
    m_window->live().link().retryNow();
    auto *banner = find<ServerLinkBanner>(QStringLiteral("serverLinkBanner"));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->live().link().reachable(), 15000);
    QTRY_COMPARE(m_window->live().link().refusedCount(), 1);
    QTRY_VERIFY2(banner->text().contains(QStringLiteral("1 write refused by the war room")),
                 qPrintable(banner->text()));

    // The list says why; trying again is refused again and kept; discarding asks, then drops.
    OutboxDialog dialog(m_window->live().link(), m_window.get());
    QCOMPARE(dialog.list()->topLevelItemCount(), 1);
    QTreeWidgetItem *row = dialog.list()->topLevelItem(0);
    QVERIFY2(row->text(2).startsWith(QStringLiteral("Refused: ")), qPrintable(row->text(2)));
    QCOMPARE(dialog.list()->currentItem(), row); // the refused one, picked for you
    QVERIFY2(dialog.detail().contains(QStringLiteral("Refused because: ")) &&
                 dialog.detail().contains(why, Qt::CaseInsensitive),
             qPrintable(dialog.detail()));
    if (const QByteArray shot = qgetenv("WARROOM_SHOTS"); !shot.isEmpty()) {
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.grab().save(QString::fromLocal8Bit(shot) + QStringLiteral("/outbox.png"));
        m_window->grab().save(QString::fromLocal8Bit(shot) + QStringLiteral("/refused.png"));
    }
    dialog.list()->setCurrentItem(row);
    dialog.retrySelected();
    QTRY_COMPARE(m_window->live().link().refusedCount(), 1);
    ModalHook::setDialogHandler([](QDialog &) { return int(QMessageBox::Cancel); });
    dialog.list()->setCurrentItem(dialog.list()->topLevelItem(0));
    dialog.discardSelected();
    QTest::qWait(200);
    QCOMPARE(m_window->live().link().waiting().size(), 1);
    ModalHook::setDialogHandler([](QDialog &) { return int(QMessageBox::Discard); });
    dialog.discardSelected();
    QTRY_VERIFY(m_window->live().link().waiting().isEmpty());
    QTRY_VERIFY(!banner->isVisible());
    QCOMPARE(dialog.list()->topLevelItemCount(), 0);
}

void TestOfflineWindow::everythingWrittenDuringAnOutageArrivesExactlyOnce()
{
    // Two deadlines before the outage: one is met, one superseded offline.
    auto store = openStore();
    const auto toMeet =
        store->commit({m_incident, QStringLiteral("drain queue"), QStringLiteral("Ann"),
                       m_clock.now().addSecs(3600), QStringLiteral("before the batch run"),
                       QStringLiteral("Ann")});
    const auto toMove = store->commit({m_incident, QStringLiteral("patch proxy"),
                                       QStringLiteral("Ann"), m_clock.now().addSecs(3600),
                                       QStringLiteral("vendor fix due"), QStringLiteral("Ann")});
    QVERIFY(toMeet && toMove);
    store.reset();
    QTRY_COMPARE(m_window->live().incident().commitments.size(), 2);
    const QString url = m_address.display();
    const QString id = QString::number(m_incident);

    m_server->stop();
    QStringList expected; // the log, in the order written
    int written = 0;
    const QList<LogKind> kinds{LogKind::Observation, LogKind::Hypothesis, LogKind::Action,
                               LogKind::Result, LogKind::Question};
    int cli = 0;
    for (int i = 1; i <= 96; ++i) {
        const QString text = QStringLiteral("window entry %1").arg(i);
        writeFromWindow(QueuedWrite::logEntry(
            {m_incident, QStringLiteral("Ann"), kinds.at(i % kinds.size()), text}));
        expected.append(QStringLiteral("Ann: ") + text);
        ++written;
        if (i % 5 == 0 && cli < 20) { // a monitoring script queues meanwhile
            const QString line = QStringLiteral("script alert %1").arg(++cli);
            const CommandRun run =
                warroom({QStringLiteral("log"), QStringLiteral("--database"), url,
                         QStringLiteral("--incident"), id, QStringLiteral("--author"),
                         QStringLiteral("monitor"), line});
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
            QCOMPARE(run.out.trimmed(),
                     QStringLiteral("queued: server unreachable, will be delivered"));
            expected.append(QStringLiteral("monitor: ") + line);
            ++written;
        }
    }
    QCOMPARE(cli, 19);
    const CommandRun last = warroom({QStringLiteral("log"), QStringLiteral("--database"), url,
                                     QStringLiteral("--incident"), id, QStringLiteral("--author"),
                                     QStringLiteral("monitor"), QStringLiteral("script alert 20")});
    QCOMPARE(last.exitCode, 0);
    expected.append(QStringLiteral("monitor: script alert 20"));
    ++written;
    writeFromWindow(QueuedWrite::commitment({m_incident, QStringLiteral("fail back to db-1"),
                                             QStringLiteral("Ann"), m_clock.now().addSecs(5400),
                                             QStringLiteral("after the nightly backup"),
                                             QStringLiteral("Ann")}));
    writeFromWindow(QueuedWrite::met(*toMeet, QStringLiteral("Ann")));
    writeFromWindow(QueuedWrite::supersede(*toMove, m_clock.now().addSecs(7200),
                                           QStringLiteral("vendor fix slipped"),
                                           QStringLiteral("Ann")));
    NewBriefing briefing;
    briefing.incidentId = m_incident;
    briefing.author = QStringLiteral("Ann");
    briefing.headline = QStringLiteral("Orders go through again for most customers.");
    briefing.impact = QStringLiteral("One in ten orders fails.");
    briefing.doing = QStringLiteral("We move the last customers to the second database.");
    briefing.nextUpdateAt = m_clock.now().addSecs(1800);
    briefing.nextUpdateWhy = QStringLiteral("the move ends then");
    writeFromWindow(QueuedWrite::briefing(briefing, 0));
    written += 4;
    QCOMPARE(written, 120);
    QTRY_COMPARE(m_window->live().link().waiting().size(), written);
    QTRY_COMPARE(logModel()->pendingCount(), 96 + 20);

    // The server is back; a delivery is killed midway; the window finishes it.
    m_server->start();
    QProcess sync;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("PGPASSWORD"), ThrowawayPostgres::password());
    sync.setProcessEnvironment(environment);
    sync.start(warroomExecutable(), {QStringLiteral("sync"), QStringLiteral("--database"), url});
    QVERIFY(sync.waitForStarted());
    const auto watcher = openStore();
    QElapsedTimer waited;
    waited.start();
    while (watcher->logEntryCount(m_incident).valueOr(0) < 10 && waited.elapsed() < 30000)
        QThread::msleep(2);
    ::kill(pid_t(sync.processId()), SIGKILL);
    QVERIFY(sync.waitForFinished());
    const int arrivedBeforeKill = int(openStore()->logEntryCount(m_incident).valueOr(0));
    QVERIFY2(arrivedBeforeKill >= 10, "the delivery did not start");
    QVERIFY2(arrivedBeforeKill < 116, "the delivery ended before it was killed");

    QElapsedTimer drained;
    drained.start();
    m_window->live().link().retryNow();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->live().link().reachable(), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->live().link().waiting().isEmpty(), 30000);
    const qint64 drainMs = drained.elapsed();

    const QStringList arrived = logLines();
    QCOMPARE(arrived, expected); // each once, in the order written, per author and across
    const auto after = openStore();
    QCOMPARE(after->commitments(m_incident)->size(), 4); // 2 + 1 new + the supersede's
    QCOMPARE(after->briefings(m_incident)->size(), 1);
    QVERIFY(after->checkRecordChain(m_incident)->intact);
    const CommandRun verified =
        warroom({QStringLiteral("verify"), QStringLiteral("--database"), url});
    QVERIFY2(verified.exitCode == 0, qPrintable(verified.err));
    QTRY_COMPARE(logModel()->pendingCount(), 0);
    QTRY_COMPARE(logModel()->rowCount(), int(after->logEntryCount(m_incident).valueOr(-1)));
    int duplicated = 0;
    for (const QString &line : arrived)
        duplicated += arrived.count(line) - 1;
    qInfo("written during the outage: %d (window %d, commands %d); arrived before the kill: %d "
          "log entries; delivered: %d; duplicated: %d; lost: %d; the window finished in %lld ms",
          written, written - 20, 20, arrivedBeforeKill, int(arrived.size()) + 4, duplicated,
          int(expected.size() - arrived.size()), drainMs);
}

// The notice of a status change kept here is drafted when the change reaches the server: until
// then the Notices tab must not open on the previous notice, which a liaison could send as if it
// were this change's.
void TestOfflineWindow::statusChangedWhileAwayOffersNoStaleNotice()
{
    QVERIFY(openStore()->changeStatus({m_incident, QStringLiteral("Bob"),
                                       IncidentStatus::Acknowledged, QStringLiteral("Looking."),
                                       m_clock.now().addSecs(1800), QStringLiteral("first look")}));
    QTRY_COMPARE(m_window->live().incident().notices.size(), 1);
    auto *tabs = find<QTabWidget>(QStringLiteral("disciplineTabs"));
    tabs->setCurrentIndex(0);
    const QString shownBefore = tabs->currentWidget()->objectName();

    m_server->stop();
    ModalHook::setDialogHandler([](QDialog &dialog) {
        WindowFixture::fill(dialog, {{QStringLiteral("doing"), QStringLiteral("Tracing orders.")},
                                     {QStringLiteral("next"), QStringLiteral("+30m")},
                                     {QStringLiteral("why"), QStringLiteral("the trace ends")}});
        return WindowFixture::submit(dialog);
    });
    m_window->incidentActions()->changeStatusAction()->trigger();
    QTRY_VERIFY(!m_window->live().link().reachable());
    QCoreApplication::processEvents();
    QCOMPARE(m_window->live().incident().notices.size(), 1); // kept here: no notice yet
    QCOMPARE(tabs->currentWidget()->objectName(), shownBefore);
    QVERIFY(m_errors.isEmpty());

    m_server->start();
    find<QPushButton>(QStringLiteral("retryNowButton"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->live().link().reachable(), 15000);
    QTRY_COMPARE(m_window->live().incident().notices.size(), 2);
    QVERIFY(m_window->live().incident().notices.constLast().text.contains(
        QStringLiteral("Tracing orders.")));
}

QTEST_MAIN(TestOfflineWindow)
#include "tst_offlinewindow.moc"
