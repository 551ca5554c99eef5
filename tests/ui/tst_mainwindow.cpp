#include "dialogs/awaitedsubmit.h"
#include "dialogs/modalhook.h"
#include "dialogs/newincidentdialog.h"
#include "livewarroom.h"
#include "mainwindow.h"
#include "models/logtablemodel.h"
#include "scratchwarroom.h"
#include "usecases/demoincident.h"
#include "widgets/briefingpanel.h"
#include "widgets/countdownwidget.h"
#include "widgets/incidentheader.h"
#include "widgets/incidentlistpanel.h"
#include "widgets/incidentview.h"
#include "widgets/technicallogpanel.h"

#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTabWidget>
#include <QTest>
#include <QTextBrowser>

// The real window on a real store, driven as a user would, offscreen.
namespace {
// The big countdown text is whole: nothing cut at the widget's edge.
bool timeTextFits(const CountdownWidget *countdown)
{
    const auto *label = countdown->findChild<QLabel *>(QStringLiteral("countdownTimeLabel"));
    const int needed = QFontMetrics(label->font()).horizontalAdvance(label->text());
    if (needed <= label->contentsRect().width())
        return true;
    qWarning("\"%s\" needs %d px, has %d", qPrintable(label->text()), needed,
             label->contentsRect().width());
    return false;
}
} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void demoShowsLogBriefingAndCountdown();
    void quickEntryAddsRow();
    void quickEntryRefusalKeepsText();
    void countdownChangesAsDeadlinePasses();
    void noDeadlineIsRed();
    void missedDeadlineWaitsApartWhileTheNextCountsDown();
    void emptyDatabaseShowsWelcome();
    void newIncidentDialogCreatesAndSelects();
    void newIncidentDialogKeepsInputOnRefusal();
    void markupInTextShowsLiterally();
    void logFollowsNewestUnlessScrolledUp();
    void windowIconLoads();
    void recordChainStateShownAndBreakWarned();
    void aLongRecordIsShownBeforeItsChainIsChecked();

private:
    MainWindow &window();
    qint64 seedDemo();

    std::unique_ptr<ScratchWarRoom> m_room;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // settings go to a test location
}

void TestMainWindow::init()
{
    m_room = std::make_unique<ScratchWarRoom>();
}

void TestMainWindow::cleanup()
{
    ModalHook::setDialogHandler({});
    ModalHook::setMessageHandler({});
    m_window.reset();
    m_room.reset();
}

MainWindow &TestMainWindow::window()
{
    if (!m_window) {
        m_window = std::make_unique<MainWindow>(m_room->windowStore(), m_room->clock());
        m_window->show();
        if (!QTest::qWaitForWindowExposed(m_window.get()))
            qWarning("window not exposed");
        m_room->settle();
    }
    return *m_window;
}

qint64 TestMainWindow::seedDemo()
{
    const auto id = seedDemoIncident(m_room->store(), m_room->clock(), scratchStartTime());
    if (!id)
        qFatal("demo failed: %s", qPrintable(id.error()));
    return *id;
}

void TestMainWindow::demoShowsLogBriefingAndCountdown()
{
    const qint64 id = seedDemo();
    MainWindow &w = window();
    QTRY_COMPARE(w.incidentList()->currentIncidentId(), id);
    auto *pages = w.findChild<QStackedWidget *>();
    QTRY_COMPARE(pages->currentWidget(), w.incidentView());

    auto *title = w.findChild<QLabel *>(QStringLiteral("incidentTitleLabel"));
    QTRY_COMPARE(title->text(), QStringLiteral("Web-shop orders failing in Europe"));
    auto *inCharge = w.findChild<QLabel *>(QStringLiteral("inChargeLabel"));
    QTRY_VERIFY(inCharge->text().contains(QStringLiteral("Dana Whitfield")));
    QTRY_VERIFY(inCharge->text().contains(QStringLiteral("+44 20 7946 0321")));
    QTRY_COMPARE(
        w.findChild<QLabel *>(QStringLiteral("severityLabel"))->text(),
        QStringLiteral("SEV2 (assessed SEV3, overridden: evening peak within the hour; web "
                       "orders are most of Northwind's revenue)"));

    auto *log = w.findChild<QTableView *>(QStringLiteral("logTableView"));
    QTRY_COMPARE(log->model()->rowCount(), *m_room->store().logEntryCount(id));
    QTRY_VERIFY(log->model()->rowCount() >= 12);

    auto *briefing = w.findChild<QTextBrowser *>(QStringLiteral("briefingTextBrowser"));
    QTRY_VERIFY(briefing->toPlainText().contains(QStringLiteral("down from 20 %")));
    QTRY_VERIFY(briefing->toPlainText().contains(QStringLiteral("Why then:")));

    auto *countdown = w.findChild<CountdownWidget *>(QStringLiteral("countdownWidget"));
    QTRY_COMPARE(countdown->urgency(), CountdownUrgency::Comfortable);
    QTRY_COMPARE(countdown->timeText(), QStringLiteral("25 min 0 s left"));
    QTRY_VERIFY(w.findChild<QLabel *>(QStringLiteral("countdownDetailLabel"))
                    ->text()
                    .contains(QStringLiteral("Priya Raman")));
    // The impact chart keeps the height its axis labels need, however short the side tabs;
    // the tab scrolls instead (its labels once read "Us…").
    w.incidentView()->panels()->setCurrentIndex(1);
    auto *chart = w.findChild<QWidget *>(QStringLiteral("impactChartView"));
    QTRY_VERIFY(chart->isVisible());
    QVERIFY2(chart->height() >= 280, qPrintable(QString::number(chart->height())));
    if (const QString dir = qEnvironmentVariable("WARROOM_SHOTS"); !dir.isEmpty())
        w.grab().save(dir + QStringLiteral("/demo-impact.png"));
}

void TestMainWindow::quickEntryAddsRow()
{
    const qint64 id = seedDemo();
    MainWindow &w = window();
    auto *log = w.findChild<QTableView *>(QStringLiteral("logTableView"));
    const int before = log->model()->rowCount();
    auto *author = w.findChild<QLineEdit *>(QStringLiteral("authorLineEdit"));
    author->setText(QStringLiteral("Sam Ortiz"));
    auto *entry = w.findChild<QLineEdit *>(QStringLiteral("quickEntryLineEdit"));
    entry->setFocus();
    QTest::keyClicks(entry, QStringLiteral("h: replica disk is the bottleneck"));
    QTRY_COMPARE(w.findChild<QLabel *>(QStringLiteral("quickEntryKindLabel"))->text(),
                 QStringLiteral("[hypothesis]"));
    QTest::keyClick(entry, Qt::Key_Return);

    QTRY_COMPARE(log->model()->rowCount(), before + 1);
    QTRY_VERIFY(entry->text().isEmpty());
    const QModelIndex last = log->model()->index(before, LogTableModel::TextColumn);
    QTRY_COMPARE(last.data().toString(), QStringLiteral("replica disk is the bottleneck"));
    QTRY_COMPARE(last.siblingAtColumn(LogTableModel::KindColumn).data().toString(),
                 QStringLiteral("hypothesis"));
    QTRY_COMPARE(last.siblingAtColumn(LogTableModel::AuthorColumn).data().toString(),
                 QStringLiteral("Sam Ortiz"));
    const auto stored = m_room->store().logEntries(id, before + 1, 1);
    QTRY_COMPARE(stored->first().text, QStringLiteral("replica disk is the bottleneck"));
}

void TestMainWindow::quickEntryRefusalKeepsText()
{
    seedDemo();
    MainWindow &w = window();
    w.findChild<QLineEdit *>(QStringLiteral("authorLineEdit"))->clear();
    auto *entry = w.findChild<QLineEdit *>(QStringLiteral("quickEntryLineEdit"));
    QTest::keyClicks(entry, QStringLiteral("something important"));
    QTest::keyClick(entry, Qt::Key_Return);
    QTRY_COMPARE(entry->text(), QStringLiteral("something important"));
    QTRY_VERIFY(w.findChild<QLabel *>(QStringLiteral("quickEntryMessageLabel"))
                    ->text()
                    .contains(QStringLiteral("name")));
}

void TestMainWindow::countdownChangesAsDeadlinePasses()
{
    seedDemo(); // the open deadline is due 25 minutes after the demo's "now"
    MainWindow &w = window();
    auto *countdown = w.findChild<CountdownWidget *>(QStringLiteral("countdownWidget"));
    auto background = [&] {
        return countdown->palette().color(QPalette::Window);
    };

    QTRY_COMPARE(countdown->urgency(), CountdownUrgency::Comfortable);
    QTRY_COMPARE(background(), CountdownWidget::backgroundFor(CountdownUrgency::Comfortable));

    m_room->clock().advanceSecs(11 * 60); // 14 min left
    QTRY_COMPARE(countdown->timeText(), QStringLiteral("14 min 0 s left"));
    QTRY_COMPARE(countdown->urgency(), CountdownUrgency::Soon);
    QTRY_COMPARE(background(), QColor(0xff, 0xb3, 0x00)); // amber

    // Once passed, the deadline leaves the countdown for a red line of its own; nothing else is
    // open, so the countdown says so, in red too.
    m_room->clock().advanceSecs(14 * 60 + 30); // 30 s past due
    QTRY_COMPARE(countdown->urgency(), CountdownUrgency::NoDeadline);
    QTRY_COMPARE(countdown->timeText(), QStringLiteral("no open deadline"));
    QTRY_VERIFY2(countdown->missedText().startsWith(QStringLiteral("MISSED 30 s ago: ")),
                 qPrintable(countdown->missedText()));
    QTRY_COMPARE(background(), QColor(0xc6, 0x28, 0x28)); // red
    auto *missedLine = w.findChild<QLabel *>(QStringLiteral("missedDeadlinesLabel"));
    QCOMPARE(missedLine->palette().color(QPalette::Window), QColor(0xc6, 0x28, 0x28));
}

void TestMainWindow::missedDeadlineWaitsApartWhileTheNextCountsDown()
{
    const qint64 incident = m_room->addIncident();
    const QDateTime now = m_room->clock().now();
    QVERIFY(m_room->store().commit({incident, QStringLiteral("Logs pulled"), QStringLiteral("Bob"),
                                    now.addSecs(5 * 60), QStringLiteral("the vendor needs them"),
                                    QStringLiteral("Ann")}));
    QVERIFY(m_room->store().commit(
        {incident, QStringLiteral("Failover done"), QStringLiteral("Dana"), now.addSecs(40 * 60),
         QStringLiteral("the standby is warm for 40 minutes"), QStringLiteral("Ann")}));
    MainWindow &w = window();
    auto *countdown = w.findChild<CountdownWidget *>(QStringLiteral("countdownWidget"));
    auto *detail = w.findChild<QLabel *>(QStringLiteral("countdownDetailLabel"));
    QTRY_COMPARE(countdown->timeText(), QStringLiteral("5 min 0 s left"));
    QVERIFY(countdown->missedText().isEmpty());

    // The first passes while the window is open: the countdown moves on to the second at once,
    // and the first waits on its own red line for a supersede.
    m_room->clock().advanceSecs(6 * 60);
    QTRY_COMPARE(countdown->timeText(), QStringLiteral("34 min 0 s left"));
    QCOMPARE(countdown->urgency(), CountdownUrgency::Comfortable);
    QVERIFY(detail->text().contains(QStringLiteral("Failover done")));
    QTRY_VERIFY2(countdown->missedText().startsWith(QStringLiteral("MISSED 1 min 0 s ago: Logs "
                                                                   "pulled (Bob)")),
                 qPrintable(countdown->missedText()));
    QVERIFY(timeTextFits(countdown));
    QVERIFY(
        timeTextFits(w.findChild<CountdownWidget *>(QStringLiteral("briefingCountdownWidget"))));
    if (const QString dir = qEnvironmentVariable("WARROOM_SHOTS"); !dir.isEmpty())
        w.grab().save(dir + QStringLiteral("/missed-apart.png"));

    // Superseding it clears the line.
    const auto logsPulled = m_room->store().commitments(incident)->first().id;
    QVERIFY(m_room->store().supersede(logsPulled, m_room->clock().now().addSecs(15 * 60),
                                      QStringLiteral("the vendor's upload portal is down"),
                                      QStringLiteral("Ann")));
    QTRY_VERIFY(countdown->missedText().isEmpty());
    QTRY_COMPARE(countdown->timeText(), QStringLiteral("15 min 0 s left"));
}

void TestMainWindow::noDeadlineIsRed()
{
    m_room->addIncident();
    MainWindow &w = window();
    auto *countdown = w.findChild<CountdownWidget *>(QStringLiteral("countdownWidget"));
    QTRY_COMPARE(countdown->urgency(), CountdownUrgency::NoDeadline);
    QTRY_COMPARE(countdown->timeText(), QStringLiteral("no deadline committed"));
    QVERIFY(timeTextFits(countdown));
    QTRY_COMPARE(countdown->palette().color(QPalette::Window), QColor(0xc6, 0x28, 0x28));

    // Committing a deadline (here from another window) switches the countdown to it.
    auto other = m_room->openSecondStore();
    QTRY_VERIFY(
        other->commit({w.incidentList()->currentIncidentId(), QStringLiteral("Roll back"),
                       QStringLiteral("Bob"), m_room->clock().now().addSecs(3600),
                       QStringLiteral("the rollback takes 40 minutes"), QStringLiteral("Ann")}));
    QTRY_COMPARE_WITH_TIMEOUT(countdown->urgency(), CountdownUrgency::Comfortable, 5000);
    QTRY_COMPARE(countdown->timeText(), QStringLiteral("1 h 0 min left"));
}

void TestMainWindow::emptyDatabaseShowsWelcome()
{
    MainWindow &w = window();
    auto *pages = w.findChild<QStackedWidget *>();
    QTRY_COMPARE(pages->currentWidget()->objectName(), QStringLiteral("welcomePage"));
    QTRY_VERIFY(w.findChild<QWidget *>(QStringLiteral("welcomeNewIncidentButton"))->isVisible());

    // An incident opened elsewhere (the CLI, a colleague) replaces the welcome page.
    auto other = m_room->openSecondStore();
    QVERIFY(other->createIncident(
        {QStringLiteral("Login slow"), QStringLiteral("Acme"), {}, Severity::Sev3, {}, {}}));
    QTRY_COMPARE_WITH_TIMEOUT(pages->currentWidget(), w.incidentView(), 5000);
    QTRY_COMPARE(w.findChild<QLabel *>(QStringLiteral("incidentTitleLabel"))->text(),
                 QStringLiteral("Login slow"));
}

void TestMainWindow::newIncidentDialogCreatesAndSelects()
{
    MainWindow &w = window();
    ModalHook::setDialogHandler([](QDialog &dialog) {
        dialog.findChild<QLineEdit *>(QStringLiteral("titleLineEdit"))
            ->setText(QStringLiteral("Payments declined"));
        dialog.findChild<QLineEdit *>(QStringLiteral("customerLineEdit"))
            ->setText(QStringLiteral("Globex"));
        dialog.findChild<QLineEdit *>(QStringLiteral("inChargeLineEdit"))
            ->setText(QStringLiteral("Kim Park"));
        dialog.findChild<QLineEdit *>(QStringLiteral("phoneLineEdit"))
            ->setText(QStringLiteral("+49 30 1234567"));
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("openIncidentButton")),
                          Qt::LeftButton);
        return dialog.result();
    });
    w.newIncidentAction()->trigger();
    const auto incidents = m_room->store().incidents();
    QTRY_COMPARE(incidents->size(), 1);
    QTRY_COMPARE(incidents->first().title, QStringLiteral("Payments declined"));
    QTRY_COMPARE(w.incidentList()->currentIncidentId(), incidents->first().id);
    QTRY_VERIFY(w.findChild<QLabel *>(QStringLiteral("inChargeLabel"))
                    ->text()
                    .startsWith(QStringLiteral("In charge: Kim Park · +49 30 1234567 · since ")));
}

void TestMainWindow::newIncidentDialogKeepsInputOnRefusal()
{
    MainWindow &w = window();
    QString shownError;
    QString keptTitle;
    bool errorAfterFix = true;
    ModalHook::setDialogHandler([&](QDialog &dialog) {
        dialog.findChild<QLineEdit *>(QStringLiteral("titleLineEdit"))
            ->setText(QStringLiteral("Payments declined"));
        // No customer, a name without a phone: both are refused at once, the title kept.
        dialog.findChild<QLineEdit *>(QStringLiteral("inChargeLineEdit"))
            ->setText(QStringLiteral("Ann Lee"));
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("openIncidentButton")),
                          Qt::LeftButton);
        if (!QTest::qWaitFor(
                [&] { return !dialog.property(AwaitedSubmit::kWaitingProperty).toBool(); }))
            qWarning("no answer to the new incident");
        auto *error = dialog.findChild<QLabel *>(QStringLiteral("errorLabel"));
        shownError = error->text();
        keptTitle = dialog.findChild<QLineEdit *>(QStringLiteral("titleLineEdit"))->text();
        // Mending a field takes the stale refusal away.
        dialog.findChild<QLineEdit *>(QStringLiteral("customerLineEdit"))
            ->setText(QStringLiteral("Acme"));
        errorAfterFix = error->isVisibleTo(&dialog);
        return dialog.result();
    });
    w.newIncidentAction()->trigger();
    QTRY_VERIFY2(shownError.contains(QStringLiteral("customer")), qPrintable(shownError));
    QVERIFY2(shownError.contains(QStringLiteral("phone number")), qPrintable(shownError));
    QCOMPARE(shownError.count(u'\n'), 1); // one problem per line
    QTRY_COMPARE(keptTitle, QStringLiteral("Payments declined"));
    QVERIFY(!errorAfterFix);
    QTRY_VERIFY(m_room->store().incidents()->isEmpty());
}

void TestMainWindow::markupInTextShowsLiterally()
{
    const qint64 id = m_room->addIncident(QStringLiteral("<b>Not bold</b>"));
    NewBriefing briefing{id,
                         QStringLiteral("Ann"),
                         QStringLiteral("<i>literal</i> & <br>"),
                         QStringLiteral("<script>x</script>"),
                         {},
                         {},
                         m_room->clock().now().addSecs(600),
                         QStringLiteral("<u>why</u>"),
                         0};
    QVERIFY(m_room->store().publishBriefing(briefing));
    MainWindow &w = window();
    QTRY_COMPARE(w.findChild<QLabel *>(QStringLiteral("incidentTitleLabel"))->text(),
                 QStringLiteral("<b>Not bold</b>"));
    QTRY_COMPARE(w.findChild<QLabel *>(QStringLiteral("incidentTitleLabel"))->textFormat(),
                 Qt::PlainText);
    const QString shown =
        w.findChild<QTextBrowser *>(QStringLiteral("briefingTextBrowser"))->toPlainText();
    QTRY_VERIFY2(shown.contains(QStringLiteral("<i>literal</i> & <br>")), qPrintable(shown));
    QTRY_VERIFY(shown.contains(QStringLiteral("<script>x</script>")));
    QTRY_VERIFY(shown.contains(QStringLiteral("<u>why</u>")));
}

void TestMainWindow::logFollowsNewestUnlessScrolledUp()
{
    const qint64 id = m_room->addIncident();
    for (int i = 0; i < 300; ++i)
        m_room->addLog(id, QStringLiteral("line %1").arg(i));
    MainWindow &w = window();
    auto *log = w.findChild<QTableView *>(QStringLiteral("logTableView"));
    QScrollBar *bar = log->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum());

    m_room->addLog(id, QStringLiteral("newest"));
    QTRY_COMPARE(bar->value(), bar->maximum());

    bar->setValue(0); // the reader scrolls up to read the start
    m_room->addLog(id, QStringLiteral("newer still"));
    QTRY_COMPARE(log->model()->rowCount(), 302);
    QTest::qWait(50);
    QTRY_COMPARE(bar->value(), 0);
}

void TestMainWindow::windowIconLoads()
{
    // The icon is SVG: without the SVG plugins (libqt6svg6) it would silently be empty.
    const QIcon icon(QStringLiteral(":/icons/warroom.svg"));
    QTRY_VERIFY(!icon.pixmap(32, 32).isNull());
}

void TestMainWindow::recordChainStateShownAndBreakWarned()
{
    const qint64 id = seedDemo();
    auto *chain = window().findChild<QLabel *>(QStringLiteral("chainStateLabel"));
    QTRY_VERIFY(chain);
    QTRY_VERIFY(chain->isVisible());
    QTRY_VERIFY2(chain->text().startsWith(QStringLiteral("Record chain intact")),
                 qPrintable(chain->text()));
    m_room->addLog(id, QStringLiteral("one more"));
    QTRY_VERIFY(chain->text().startsWith(QStringLiteral("Record chain intact")));

    // Someone edits the log with the guards dropped while Warroom is closed.
    m_window.reset();
    m_room->closeStore();
    const QString refused = runForeignSql(
        m_room->path(), {QStringLiteral("DROP TRIGGER log_entries_no_update"),
                         QStringLiteral("UPDATE log_entries SET body = 'all fine' WHERE body = "
                                        "'one more'")});
    QTRY_VERIFY2(refused.isEmpty(), qPrintable(refused));
    m_room->reopenStore();
    chain = window().findChild<QLabel *>(QStringLiteral("chainStateLabel"));
    QTRY_VERIFY(chain->text().startsWith(QStringLiteral("RECORD CHAIN BROKEN")));
    QTRY_VERIFY2(chain->text().contains(QStringLiteral("log_entries #")),
                 qPrintable(chain->text()));
}

void TestMainWindow::aLongRecordIsShownBeforeItsChainIsChecked()
{
    // Checked whole, a million entries' chain held the header, the panels and every page of
    // the log behind it for 18 s. The window reads a share of the check at a time instead.
    const qint64 id = m_room->addIncident(QStringLiteral("Long crisis"));
    for (int first = 0; first < 25000; first += 5000) {
        QList<NewLogEntry> batch;
        for (int i = first; i < first + 5000; ++i)
            batch.append({id, QStringLiteral("monitor"), LogKind::Observation,
                          QStringLiteral("reading %1").arg(i)});
        QVERIFY(m_room->store().appendLogEntries(batch));
    }
    m_window = std::make_unique<MainWindow>(m_room->windowStore(), m_room->clock());
    struct Seen
    {
        bool loaded;
        bool complete;
        qint64 records;
    };
    QList<Seen> seen;
    auto *chain = m_window->findChild<QLabel *>(QStringLiteral("chainStateLabel"));
    QVERIFY(chain);
    QStringList shown;
    connect(&m_window->live(), &LiveWarRoom::chainChanged, this, [&] {
        const RecordChain::Report &report = m_window->live().incident().chain;
        seen.append({m_window->live().incidentLoaded(), report.complete, report.records});
        shown.append(chain->text());
        if (const QString dir = qEnvironmentVariable("WARROOM_SHOTS");
            !dir.isEmpty() && seen.size() == 1)
            m_window->grab().save(dir + QStringLiteral("/chain-checking.png"));
    });
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_room->settle();
    QTRY_VERIFY(!seen.isEmpty() && seen.constLast().complete);

    QVERIFY2(seen.size() >= 3, qPrintable(QString::number(seen.size())));
    QVERIFY(seen.constFirst().loaded); // the incident was shown with the first share
    QVERIFY(!seen.constFirst().complete);
    QVERIFY2(shown.constFirst().startsWith(QStringLiteral("Checking the record chain: ")),
             qPrintable(shown.constFirst()));
    for (qsizetype i = 1; i < seen.size(); ++i)
        QVERIFY(seen.at(i).records >= seen.at(i - 1).records);
    QVERIFY(seen.constLast().records > 25000);
    QVERIFY2(chain->text().startsWith(QStringLiteral("Record chain intact: ")),
             qPrintable(chain->text()));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
