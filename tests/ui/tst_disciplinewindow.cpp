#include "colors.h"
#include "dialogs/briefingcomposer.h"
#include "dialogs/modalhook.h"
#include "incidentactions.h"
#include "livewarroom.h"
#include "logactions.h"
#include "mainwindow.h"
#include "models/incidentlistmodel.h"
#include "models/logtablemodel.h"
#include "rules/countdown.h"
#include "useridentity.h"
#include "widgets/alertbanner.h"
#include "widgets/countdownwidget.h"
#include "widgets/framingbar.h"
#include "widgets/incidentlistpanel.h"
#include "widgets/incidentview.h"
#include "widgets/technicallogpanel.h"
#include "widgets/timeboxprompt.h"
#include "windowfixture.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTabWidget>
#include <QTest>
#include <QTextCursor>
#include <QTreeView>
#include <QTreeWidget>

#include <ctime>

// The crisis habits driven through the real window, offscreen, with the clock moved by hand.
class TestDisciplineWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void committingSwitchesCountdownAndMissingShowsEverywhere();
    void supersedeFromDeadlinesPanel();
    void deadlinesPanelWordsEachDeadlineAsTimePasses();
    void handoverChangesHeader();
    void liaisonShowsInHeaderAndComposer();
    void expiredTimeboxAsksAndIsSettled();
    void framingGoesStaleAndIsConfirmed();
    void statusChangeDraftsNoticeToSend();
    void quickAskOpensAskDialogAndCounts();
    void questionsAreCountedUntilAnswered();
    void questionsPanelKeepsItsRowsWhileTheLogGrows();
    void problemStatementConfirmation();
    void missElsewhereIsAlertedAndMarked();
    void timesSayTheirDayAndZone();
    void noticeFollowsTheIncidentUntilWordedAndSent();

private:
    // Answers the next dialog: fills fields by object name, then presses its submit button.
    void answerDialog(const QHash<QString, QString> &fields);
    template <typename T> T *find(const QString &name)
    {
        T *widget = m_window->findChild<T *>(name);
        if (!widget)
            qFatal("no widget %s", qPrintable(name));
        return widget;
    }
    QTreeWidget *panel(const QString &name)
    {
        return find<QTreeWidget>(name + QStringLiteral("Tree"));
    }
    void select(QTreeWidget *tree, int row) { tree->setCurrentItem(tree->topLevelItem(row)); }

    std::unique_ptr<ScratchWarRoom> m_room;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_incident = 0;
    QStringList m_errors;
};

void TestDisciplineWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestDisciplineWindow::init()
{
    UserIdentity::setName(QStringLiteral("Dana"));
    m_room = std::make_unique<ScratchWarRoom>();
    m_incident = m_room->addIncident();
    m_window = std::make_unique<MainWindow>(m_room->windowStore(), m_room->clock());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_room->settle();
    m_errors.clear();
    ModalHook::setMessageHandler(
        [this](const QString &, const QString &text) { m_errors.append(text); });
}

void TestDisciplineWindow::cleanup()
{
    ModalHook::setDialogHandler({});
    ModalHook::setMessageHandler({});
    m_window.reset();
    m_room.reset();
}

void TestDisciplineWindow::answerDialog(const QHash<QString, QString> &fields)
{
    ModalHook::setDialogHandler([fields](QDialog &dialog) {
        WindowFixture::fill(dialog, fields);
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("submitButton")),
                          Qt::LeftButton);
        const auto *error = dialog.findChild<QLabel *>(QStringLiteral("errorLabel"));
        if (error && error->isVisibleTo(&dialog))
            qWarning("dialog refused: %s", qPrintable(error->text()));
        return dialog.result();
    });
}

void TestDisciplineWindow::committingSwitchesCountdownAndMissingShowsEverywhere()
{
    auto *countdown = find<CountdownWidget>(QStringLiteral("countdownWidget"));
    QTRY_COMPARE(countdown->urgency(), CountdownUrgency::NoDeadline);

    answerDialog({{QStringLiteral("what"), QStringLiteral("Failover to standby")},
                  {QStringLiteral("owner"), QStringLiteral("Bob")},
                  {QStringLiteral("due"), QStringLiteral("+20m")},
                  {QStringLiteral("why"), QStringLiteral("the standby is warm for 30 minutes")}});
    m_window->incidentActions()->commitDeadline()->trigger();
    QTRY_COMPARE(countdown->urgency(), CountdownUrgency::Comfortable);
    QTRY_COMPARE(countdown->timeText(), QStringLiteral("20 min 0 s left"));
    QTRY_VERIFY(find<QLabel>(QStringLiteral("countdownDetailLabel"))
                    ->text()
                    .contains(QStringLiteral("Failover to standby")));

    m_room->clock().advanceSecs(10 * 60); // T-10: the approaching alert
    auto *banner = find<AlertBanner>(QStringLiteral("alertBanner"));
    QTRY_VERIFY(banner->isVisible());
    QTRY_VERIFY2(banner->text().contains(QStringLiteral("Failover to standby")),
                 qPrintable(banner->text()));

    m_room->clock().advanceSecs(10 * 60 + 5);
    QTRY_COMPARE(countdown->urgency(), CountdownUrgency::NoDeadline);
    QTRY_VERIFY2(countdown->missedText().startsWith(QStringLiteral("MISSED 5 s ago")),
                 qPrintable(countdown->missedText()));
    QTRY_VERIFY(banner->text().contains(QStringLiteral("Deadline due")));
    // The miss is written to the log once, in red, and counted in the deadlines panel.
    auto *log = find<QTableView>(QStringLiteral("logTableView"));
    m_room->settle();
    const int last = log->model()->rowCount() - 1;
    const QModelIndex missed = log->model()->index(last, LogTableModel::TextColumn);
    QTRY_VERIFY2(missed.data().toString().startsWith(QStringLiteral("Deadline MISSED")),
                 qPrintable(missed.data().toString()));
    QTRY_COMPARE(missed.data(Qt::ForegroundRole).value<QColor>(), QColor(0xc6, 0x28, 0x28));
    QTRY_VERIFY(find<QLabel>(QStringLiteral("deadlinesPanelSummaryLabel"))
                    ->text()
                    .contains(QStringLiteral("1 missed")));
    m_room->clock().advanceSecs(60);
    QTest::qWait(100);
    m_room->settle();
    QCOMPARE(log->model()->rowCount(), last + 1);
}

void TestDisciplineWindow::supersedeFromDeadlinesPanel()
{
    QVERIFY(m_room->store().commit({m_incident, QStringLiteral("Failover"), QStringLiteral("Bob"),
                                    m_room->clock().now().addSecs(600), QStringLiteral("warm"),
                                    QStringLiteral("Dana")}));
    auto *deadlines = find<QTreeView>(QStringLiteral("deadlinesPanelTree"));
    QTRY_COMPARE(deadlines->model()->rowCount(), 1);
    deadlines->setCurrentIndex(deadlines->model()->index(0, 0));
    auto *supersede = find<QPushButton>(QStringLiteral("supersedeButton"));
    QTRY_VERIFY(supersede->isEnabled());
    answerDialog({{QStringLiteral("due"), QStringLiteral("+45m")},
                  {QStringLiteral("why"), QStringLiteral("replica 40 % behind")}});
    supersede->click();
    QTRY_COMPARE(deadlines->model()->rowCount(), 2);
    QTRY_COMPARE(find<CountdownWidget>(QStringLiteral("countdownWidget"))->timeText(),
                 QStringLiteral("45 min 0 s left"));
    QTRY_VERIFY(find<QLabel>(QStringLiteral("deadlinesPanelSummaryLabel"))
                    ->text()
                    .contains(QStringLiteral("1 superseded")));
}

// Outstanding first, soonest on top, then the ended ones, latest first; as time passes states,
// colours and counts follow without a write, and the selection stays on its deadline.
void TestDisciplineWindow::deadlinesPanelWordsEachDeadlineAsTimePasses()
{
    IncidentStore &store = m_room->store();
    const QDateTime now = m_room->clock().now();
    const auto commit = [&](const QString &what, qint64 inSecs) {
        const auto id = store.commit({m_incident, what, QStringLiteral("Bob"), now.addSecs(inSecs),
                                      QStringLiteral("because"), QStringLiteral("Dana")});
        if (!id)
            qFatal("%s", qPrintable(id.error()));
        return *id;
    };
    const qint64 later = commit(QStringLiteral("Restore backups"), 3600);
    const qint64 soon = commit(QStringLiteral("Failover"), 600);
    const qint64 done = commit(QStringLiteral("Page the DBA"), 300);
    QVERIFY(store.markMet(done, QStringLiteral("Dana")));
    const LogEntry theory =
        m_room->addLog(m_incident, QStringLiteral("pool exhausted"), LogKind::Hypothesis);
    const auto box = store.timeboxTheory(theory.id, now.addSecs(1200), QStringLiteral("one test"),
                                         QStringLiteral("Dana"));
    QVERIFY(box);
    const auto extended = store.supersede(*box, now.addSecs(1800), QStringLiteral("needs a rerun"),
                                          QStringLiteral("Dana"));
    QVERIFY2(extended, qPrintable(extended.error()));
    m_room->settle();

    auto *deadlines = find<QTreeView>(QStringLiteral("deadlinesPanelTree"));
    QAbstractItemModel *rows = deadlines->model();
    QTRY_COMPARE(rows->rowCount(), 5);
    const auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
        return rows->index(row, column).data(role);
    };
    QCOMPARE(cell(0, 2).toString(), QStringLiteral("Failover"));
    QCOMPARE(cell(0, 1).toString(), QStringLiteral("open, 10 min 0 s left"));
    QCOMPARE(cell(0, 1, Qt::ForegroundRole).value<QColor>(), QColor(0xb2, 0x6a, 0x00)); // soon
    QVERIFY(cell(0, 2, Qt::FontRole).value<QFont>().bold());
    QCOMPARE(cell(1, 2).toString(), QStringLiteral("Confirm or drop the theory: pool exhausted"));
    QVERIFY2(cell(1, 1).toString().endsWith(QStringLiteral(" · extended 1×")),
             qPrintable(cell(1, 1).toString()));
    QCOMPARE(cell(2, 2).toString(), QStringLiteral("Restore backups"));
    QVERIFY(!cell(2, 1, Qt::ForegroundRole).isValid()); // an hour away: plain
    QCOMPARE(cell(3, 1).toString(), QStringLiteral("superseded · extended 1×")); // its timebox
    QCOMPARE(cell(4, 1).toString(), QStringLiteral("met"));
    QCOMPARE(cell(4, 1, Qt::ForegroundRole).value<QColor>(), WarroomColors::onTrack());
    auto *summary = find<QLabel>(QStringLiteral("deadlinesPanelSummaryLabel"));
    QCOMPARE(summary->text(), QStringLiteral("3 open · 1 met · 0 missed · 1 superseded"));

    deadlines->setCurrentIndex(rows->index(2, 0)); // Restore backups
    auto *met = find<QPushButton>(QStringLiteral("metButton"));
    QVERIFY(met->isEnabled());
    // Eleven minutes on: the failover is missed, and said so, with no write to tell of it.
    m_room->clock().advanceSecs(11 * 60);
    QCOMPARE(cell(0, 1).toString(), QStringLiteral("missed"));
    QCOMPARE(cell(0, 1, Qt::ForegroundRole).value<QColor>(), WarroomColors::alarm());
    QTRY_VERIFY2(summary->text().contains(QStringLiteral("1 missed")), qPrintable(summary->text()));
    // A new deadline arrives: the reader's choice stays on Restore backups wherever it moves.
    commit(QStringLiteral("Call the vendor"), 900);
    m_room->settle();
    QTRY_COMPARE(rows->rowCount(), 6);
    QCOMPARE(deadlines->currentIndex().siblingAtColumn(2).data().toString(),
             QStringLiteral("Restore backups"));
    QVERIFY(met->isEnabled());
    QVERIFY(later > 0 && soon > 0);
    WindowFixture::shoot(*m_window, QStringLiteral("deadlines-panel"));
}

void TestDisciplineWindow::handoverChangesHeader()
{
    answerDialog({{QStringLiteral("name"), QStringLiteral("Kim Park")},
                  {QStringLiteral("phone"), QStringLiteral("+49 30 1234567")},
                  {QStringLiteral("note"), QStringLiteral("Failover half done.")}});
    m_window->incidentActions()->handOverAction()->trigger();
    QTRY_VERIFY(find<QLabel>(QStringLiteral("inChargeLabel"))
                    ->text()
                    .startsWith(QStringLiteral("In charge: Kim Park · +49 30 1234567")));
    QTRY_COMPARE(panel(QStringLiteral("handoversPanel"))->topLevelItemCount(), 1);
    // A refused handover keeps the dialog open and changes nothing.
    answerDialog({{QStringLiteral("name"), QStringLiteral("Lee")},
                  {QStringLiteral("phone"), QStringLiteral("call me")},
                  {QStringLiteral("note"), QStringLiteral("x")}});
    m_window->incidentActions()->handOverAction()->trigger();
    QTRY_COMPARE(m_room->store().incident(m_incident)->inChargeName, QStringLiteral("Kim Park"));
}

void TestDisciplineWindow::liaisonShowsInHeaderAndComposer()
{
    QTRY_VERIFY(find<QLabel>(QStringLiteral("liaisonLabel"))
                    ->text()
                    .startsWith(QStringLiteral("Business liaison: none named")));
    answerDialog({{QStringLiteral("name"), QStringLiteral("Sofia Lindqvist")},
                  {QStringLiteral("phone"), QStringLiteral("+44 20 7946 0550")},
                  {QStringLiteral("note"), QStringLiteral("Owns the customer calls.")}});
    m_window->incidentActions()->handOverLiaisonAction()->trigger();
    QTRY_VERIFY2(m_errors.isEmpty(), qPrintable(m_errors.join(u'|')));
    QTRY_VERIFY(
        find<QLabel>(QStringLiteral("liaisonLabel"))
            ->text()
            .startsWith(QStringLiteral("Business liaison: Sofia Lindqvist · +44 20 7946 0550")));
    // The person in charge is not touched by the liaison's handover.
    QTRY_COMPARE(m_room->store().incident(m_incident)->inChargeName, QStringLiteral("Ann Lee"));
    auto *handovers = panel(QStringLiteral("handoversPanel"));
    QTRY_COMPARE(handovers->topLevelItemCount(), 1);
    QTRY_COMPARE(handovers->topLevelItem(0)->text(1), QStringLiteral("Business liaison"));

    QTRY_COMPARE(m_window->live().incident().incident.liaisonName,
                 QStringLiteral("Sofia Lindqvist"));
    BriefingComposer composer(m_window->live(), m_room->clock(), QStringLiteral("Ann"), 0);
    auto *contact = composer.findChild<QLabel *>(QStringLiteral("customerContactLabel"));
    QTRY_VERIFY(contact);
    QTRY_COMPARE(contact->text(),
                 QStringLiteral("Sofia Lindqvist, +44 20 7946 0550 (business liaison)"));
}

void TestDisciplineWindow::expiredTimeboxAsksAndIsSettled()
{
    const LogEntry theory =
        m_room->addLog(m_incident, QStringLiteral("DNS TTL too long"), LogKind::Hypothesis);
    // Select the theory in the log and timebox it with the shortcut's action.
    auto *log = find<QTableView>(QStringLiteral("logTableView"));
    QTRY_COMPARE(
        log->model()->index(log->model()->rowCount() - 1, LogTableModel::TextColumn).data(),
        QVariant(theory.text));
    log->setCurrentIndex(log->model()->index(log->model()->rowCount() - 1, 0));
    answerDialog({{QStringLiteral("due"), QStringLiteral("+15m")},
                  {QStringLiteral("why"), QStringLiteral("one test run")}});
    m_window->logActions()->timeboxTheoryAction()->trigger();
    QTRY_VERIFY2(m_errors.isEmpty(), qPrintable(m_errors.join(u'|')));
    QTRY_COMPARE(m_room->store().commitments(m_incident)->size(), 1);

    auto *prompt = find<TimeboxPrompt>(QStringLiteral("timeboxPrompt"));
    QTRY_VERIFY(!prompt->isVisible());
    m_room->clock().advanceSecs(16 * 60);
    QTRY_VERIFY(prompt->isVisible());
    QTRY_VERIFY(find<QLabel>(QStringLiteral("timeboxQuestionLabel"))
                    ->text()
                    .contains(QStringLiteral("DNS TTL too long")));

    answerDialog({{QStringLiteral("due"), QStringLiteral("+10m")},
                  {QStringLiteral("why"), QStringLiteral("trace incomplete")}});
    find<QPushButton>(QStringLiteral("timeboxExtendButton"))->click();
    QTRY_VERIFY(!prompt->isVisible());
    m_room->clock().advanceSecs(11 * 60);
    QTRY_VERIFY(prompt->isVisible());
    QTRY_VERIFY(find<QLabel>(QStringLiteral("timeboxQuestionLabel"))
                    ->text()
                    .contains(QStringLiteral("Already extended 1 time.")));
    find<QPushButton>(QStringLiteral("timeboxDroppedButton"))->click();
    QTRY_VERIFY(!prompt->isVisible());
    const auto commitments = m_room->store().commitments(m_incident);
    QTRY_COMPARE(commitments->last().outcome->verdict, TimeboxVerdict::Dropped);
    Q_UNUSED(theory);
}

void TestDisciplineWindow::framingGoesStaleAndIsConfirmed()
{
    auto *bar = find<FramingBar>(QStringLiteral("framingBar"));
    QTRY_VERIFY(bar->objectiveText().contains(QStringLiteral("No objective framed")));
    answerDialog(
        {{QStringLiteral("objective"), QStringLiteral("Restore checkout; failover next")}});
    m_window->incidentActions()->frameAction()->trigger();
    QTRY_COMPARE(bar->objectiveText(),
                 QStringLiteral("Objective: Restore checkout; failover next"));
    QTRY_VERIFY(!bar->isStale());
    m_room->clock().advanceSecs(61 * 60); // SEV2: hourly cadence
    QTRY_VERIFY(bar->isStale());
    QTRY_VERIFY(find<QLabel>(QStringLiteral("framingStateLabel"))->text().startsWith(u"STALE"));
    m_window->incidentActions()->confirmFramingAction()->trigger();
    QTRY_VERIFY(!bar->isStale());
}

void TestDisciplineWindow::statusChangeDraftsNoticeToSend()
{
    m_room->clock().advanceSecs(4 * 60);
    answerDialog({{QStringLiteral("status"), QStringLiteral("acknowledged")},
                  {QStringLiteral("doing"), QStringLiteral("Tracing failed orders.")},
                  {QStringLiteral("next"), QStringLiteral("+30m")},
                  {QStringLiteral("why"), QStringLiteral("the trace finishes then")}});
    m_window->incidentActions()->changeStatusAction()->trigger();
    QTRY_COMPARE(find<QLabel>(QStringLiteral("statusLabel"))->text(),
                 QStringLiteral("ACKNOWLEDGED"));
    QTreeWidget *notices = panel(QStringLiteral("noticesPanel"));
    QTRY_COMPARE(notices->topLevelItemCount(), 1);
    QTRY_COMPARE(notices->topLevelItem(0)->text(2), QStringLiteral("NOT SENT"));
    QTRY_VERIFY(find<QPlainTextEdit>(QStringLiteral("noticeTextEdit"))
                    ->toPlainText()
                    .contains(QStringLiteral("Tracing failed orders.")));
    m_room->clock().advanceSecs(2 * 60);
    find<QPushButton>(QStringLiteral("noticeSentButton"))->click();
    QTRY_VERIFY(find<QLabel>(QStringLiteral("noticesPanelSummaryLabel"))
                    ->text()
                    .contains(QStringLiteral("Time to acknowledge: 6 min 0 s")));
}

void TestDisciplineWindow::quickAskOpensAskDialogAndCounts()
{
    auto *entry = find<QLineEdit>(QStringLiteral("quickEntryLineEdit"));
    find<QLineEdit>(QStringLiteral("authorLineEdit"))->setText(QStringLiteral("Dana"));
    QString prefilled;
    ModalHook::setDialogHandler([&](QDialog &dialog) {
        prefilled = dialog.findChild<QLineEdit *>(QStringLiteral("whatLineEdit"))->text();
        dialog.findChild<QLineEdit *>(QStringLiteral("whyLineEdit"))
            ->setText(QStringLiteral("only they see their error pages"));
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("submitButton")),
                          Qt::LeftButton);
        return dialog.result();
    });
    QTest::keyClicks(entry, QStringLiteral("ask: send five failed order numbers"));
    QTest::keyClick(entry, Qt::Key_Return);
    QTRY_COMPARE(prefilled, QStringLiteral("send five failed order numbers"));
    QTRY_VERIFY(entry->text().isEmpty());
    QTRY_COMPARE(find<QLabel>(QStringLiteral("outstandingAsksLabel"))->text(),
                 QStringLiteral("1 customer ask outstanding"));
    QTreeWidget *asks = panel(QStringLiteral("asksPanel"));
    QTRY_COMPARE(asks->topLevelItemCount(), 1);
    select(asks, 0);
    find<QPushButton>(QStringLiteral("askSentButton"))->click();
    QTRY_VERIFY(m_room->store().customerAsks(m_incident)->first().sentAt.isValid());
}

void TestDisciplineWindow::questionsAreCountedUntilAnswered()
{
    auto *entry = find<QLineEdit>(QStringLiteral("quickEntryLineEdit"));
    QTest::keyClicks(entry, QStringLiteral("q: who restarted db-2?"));
    QTest::keyClick(entry, Qt::Key_Return);
    QTRY_COMPARE(find<QLabel>(QStringLiteral("openQuestionsLabel"))->text(),
                 QStringLiteral("1 open question"));
    auto *questions = find<QTreeView>(QStringLiteral("questionsPanelTree"));
    QTRY_COMPARE(questions->model()->rowCount(), 1);
    questions->setCurrentIndex(questions->model()->index(0, 0));
    answerDialog({{QStringLiteral("answer"), QStringLiteral("Kim, at 14:02")}});
    find<QPushButton>(QStringLiteral("answerButton"))->click();
    QTRY_COMPARE(questions->model()->rowCount(), 0);
    QTRY_COMPARE(find<QLabel>(QStringLiteral("openQuestionsLabel"))->text(),
                 QStringLiteral("0 open questions"));
}

void TestDisciplineWindow::questionsPanelKeepsItsRowsWhileTheLogGrows()
{
    const QDateTime asked = m_room->clock().now();
    const LogEntry first =
        m_room->addLog(m_incident, QStringLiteral("who restarted db-2?"), LogKind::Question);
    m_room->addLog(m_incident, QStringLiteral("is the CDN purged?"), LogKind::Question);
    m_room->settle();
    auto *questions = find<QTreeView>(QStringLiteral("questionsPanelTree"));
    QAbstractItemModel *rows = questions->model();
    QTRY_COMPARE(rows->rowCount(), 2);
    const auto cell = [&](int row, int column) {
        return rows->index(row, column).data();
    };
    QCOMPARE(cell(0, 2).toString(), QStringLiteral("who restarted db-2?"));
    QCOMPARE(cell(0, 4).toString(), QStringLiteral("anyone"));
    QCOMPARE(cell(0, 1).toString(), QStringLiteral("0 s"));
    questions->setCurrentIndex(rows->index(1, 0));
    auto *answer = find<QPushButton>(QStringLiteral("answerButton"));
    QVERIFY(answer->isEnabled());

    // Entries that are not questions go on arriving: the rows stay as they are, the reader's
    // choice with them, and nothing is built again.
    const LogTableModel *log = m_window->incidentView()->technicalLog()->model();
    QTRY_COMPARE(log->rowCount(), log->entryCount());
    const int logged = log->rowCount();
    QSignalSpy resets(rows, &QAbstractItemModel::modelReset);
    for (int i = 0; i < 5; ++i)
        m_room->addLog(m_incident, QStringLiteral("error rate %1%").arg(40 - i));
    m_room->settle();
    QTRY_COMPARE(log->rowCount(), logged + 5);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(questions->currentIndex().row(), 1);
    QVERIFY(answer->isEnabled());

    // Time passes with no write: how long each has been open says so.
    m_room->clock().advanceSecs(12 * 60);
    QTRY_COMPARE(cell(0, 1).toString(), formatDuration(asked.secsTo(m_room->clock().now())));
    QCOMPARE(resets.count(), 0);

    // An answer takes its question away; the other stays chosen.
    QVERIFY(m_room->store().answerQuestion(first.id, QStringLiteral("Kim, at 14:02"),
                                           QStringLiteral("Dana")));
    m_room->settle();
    QTRY_COMPARE(rows->rowCount(), 1);
    QCOMPARE(cell(0, 2).toString(), QStringLiteral("is the CDN purged?"));
    QCOMPARE(questions->currentIndex().row(), 0);
    QTabWidget *tabs = m_window->incidentView()->panels();
    tabs->setCurrentIndex(tabs->indexOf(find<QWidget>(QStringLiteral("questionsPanel"))));
    WindowFixture::shoot(*m_window, QStringLiteral("questions-panel"));
}

void TestDisciplineWindow::problemStatementConfirmation()
{
    auto *problem = find<QLabel>(QStringLiteral("problemLabel"));
    QTRY_COMPARE(problem->text(), QStringLiteral("no problem statement"));
    answerDialog({{QStringLiteral("statement"), QStringLiteral("Checkout fails for EU users")}});
    m_window->incidentActions()->restateProblemAction()->trigger();
    QTRY_COMPARE(problem->text(), QStringLiteral("problem statement not confirmed"));
    answerDialog({{QStringLiteral("confirmedBy"), QStringLiteral("Jo Smith")},
                  {QStringLiteral("how"), QStringLiteral("phone call")}});
    m_window->incidentActions()->confirmProblemAction()->trigger();
    QTRY_COMPARE(problem->text(), QStringLiteral("problem confirmed by Jo Smith"));
    QTRY_VERIFY(m_errors.isEmpty());
}

void TestDisciplineWindow::missElsewhereIsAlertedAndMarked()
{
    // Two deadlines of an incident that is not on screen fall due together.
    const qint64 other = m_room->addIncident(QStringLiteral("Search slow"));
    IncidentStore &store = m_room->store();
    const QDateTime now = m_room->clock().now();
    for (const char *what : {"Reindex done", "Cache warmed"})
        QVERIFY(store.commit({other, QString::fromLatin1(what), QStringLiteral("Bob"),
                              now.addSecs(120), QStringLiteral("why"), QStringLiteral("Ann")}));
    m_window->incidentList()->selectIncident(m_incident);
    QTRY_COMPARE(m_window->incidentView()->incidentId(), m_incident);

    m_room->clock().advanceSecs(600); // the window's deadline check runs when time moves
    auto *banner = find<AlertBanner>(QStringLiteral("alertBanner"));
    QTRY_VERIFY(banner->isVisible());
    QTRY_VERIFY2(banner->text().contains(QStringLiteral("Search slow")),
                 qPrintable(banner->text()));

    // Both misses are in that incident's log, at their due time, by Warroom: written on the
    // window's store as the deadlines passed, maybe just after the alert showed.
    m_room->settle();
    const auto entries = store.logEntries(other, 1, 100);
    int misses = 0;
    for (const LogEntry &e : *entries) {
        if (e.event != LogEvent::Missed)
            continue;
        ++misses;
        QTRY_COMPARE(e.author, QStringLiteral("Warroom"));
        QTRY_COMPARE(e.at, now.addSecs(120));
    }
    QTRY_COMPARE(misses, 2);

    auto *list = find<QListView>(QStringLiteral("incidentListView"));
    bool marked = false, unmarked = false;
    for (int row = 0; row < list->model()->rowCount(); ++row) {
        const QModelIndex index = list->model()->index(row, 0);
        const qint64 id = index.data(IncidentListModel::IncidentIdRole).toLongLong();
        const bool missed = index.data(IncidentListModel::HasMissedDeadlineRole).toBool();
        if (id == other)
            marked = missed && index.data().toString().contains(QStringLiteral("MISSED"));
        else
            unmarked = !missed;
    }
    QTRY_VERIFY(marked);
    QTRY_VERIFY(unmarked);
}

// This desktop in Berlin, the customer in India: the window says which day a typed time falls
// on, names the zones, shows the customer's time beside ours and UTC when asked.
void TestDisciplineWindow::timesSayTheirDayAndZone()
{
    const QByteArray zoneBefore = qgetenv("TZ");
    const auto restore = qScopeGuard([&zoneBefore] {
        if (zoneBefore.isNull())
            qunsetenv("TZ");
        else
            qputenv("TZ", zoneBefore);
        tzset();
    });
    qputenv("TZ", "Europe/Berlin");
    tzset();
    m_room->addLog(m_incident, QStringLiteral("checkout errors reported")); // in March
    m_room->clock().setNow(QDateTime(QDate(2026, 11, 24), QTime(21, 24), Qt::UTC));
    QVERIFY(m_room->store().setCustomerTimeZone(m_incident, QStringLiteral("Asia/Kolkata"),
                                                QStringLiteral("Dana")));
    m_room->settle();

    // "21:00" typed at 22:24 is tomorrow's, and the dialog says so before anything is written.
    QString preview;
    ModalHook::setDialogHandler([&preview](QDialog &dialog) {
        WindowFixture::fill(dialog, {{QStringLiteral("due"), QStringLiteral("21:00")}});
        preview = dialog.findChild<QLabel *>(QStringLiteral("duePreviewLabel"))->text();
        return int(QDialog::Rejected);
    });
    m_window->incidentActions()->commitDeadline()->trigger();
    QCOMPARE(preview, QStringLiteral("= tomorrow 21:00 CET (in 22 h 36 min)"));

    auto *clocks = find<QLabel>(QStringLiteral("clocksLabel"));
    QTRY_COMPARE(clocks->text(), QStringLiteral("Now 22:24 CET · customer 02:54 IST"));
    auto *log = find<QTableView>(QStringLiteral("logTableView"));
    const auto timeHeading = [log] {
        return log->model()->headerData(LogTableModel::TimeColumn, Qt::Horizontal).toString();
    };
    QCOMPARE(timeHeading(), QStringLiteral("Time (CET)"));

    auto *showUtc = m_window->findChild<QAction *>(QStringLiteral("showUtcAction"));
    QVERIFY(showUtc && !showUtc->isChecked());
    showUtc->trigger();
    const auto keepOff = qScopeGuard([showUtc] { showUtc->setChecked(false); });
    QCOMPARE(clocks->text(), QStringLiteral("Now 22:24 CET · customer 02:54 IST · 21:24 UTC"));
    QCOMPARE(timeHeading(), QStringLiteral("Time (CET · UTC)"));
    m_room->addLog(m_incident, QStringLiteral("pool exhausted on the order service"));
    m_room->settle();
    const int last = log->model()->rowCount() - 1;
    QTRY_COMPARE(log->model()->index(last, LogTableModel::TimeColumn).data().toString(),
                 QStringLiteral("22:24:00 (21:24:00)"));
    // An entry of another day says which.
    const QModelIndex first = log->model()->index(0, LogTableModel::TimeColumn);
    QVERIFY2(first.data().toString().startsWith(QStringLiteral("Sat 14 Mar 10:")),
             qPrintable(first.data().toString()));
}

// The notice is shown while the status change is typed and at once after it; it names whoever
// is the contact now; a person words it in place, and the words sent are the words recorded.
void TestDisciplineWindow::noticeFollowsTheIncidentUntilWordedAndSent()
{
    QString preview;
    ModalHook::setDialogHandler([&preview](QDialog &dialog) {
        WindowFixture::fill(dialog, {{QStringLiteral("doing"), QStringLiteral("Tracing orders.")},
                                     {QStringLiteral("next"), QStringLiteral("+30m")},
                                     {QStringLiteral("why"), QStringLiteral("the trace ends")}});
        preview = dialog.findChild<QLabel *>(QStringLiteral("previewLabel"))->text();
        return WindowFixture::submit(dialog);
    });
    m_window->incidentActions()->changeStatusAction()->trigger();
    QVERIFY2(preview.startsWith(QStringLiteral("The customer will read:\nUpdate on: ")),
             qPrintable(preview));
    QVERIFY2(preview.contains(QStringLiteral("What we are doing: Tracing orders.")),
             qPrintable(preview));
    auto *tabs = find<QTabWidget>(QStringLiteral("disciplineTabs"));
    QTRY_COMPARE(tabs->currentWidget()->objectName(), QStringLiteral("noticesPanel"));
    auto *text = find<QPlainTextEdit>(QStringLiteral("noticeTextEdit"));
    QTRY_VERIFY(text->toPlainText().contains(QStringLiteral("Tracing orders.")));
    QVERIFY(!text->isReadOnly());

    // A handover before it is sent: the notice names the new contact.
    QVERIFY(m_room->store().handOver(m_incident, QStringLiteral("Priya Raman"),
                                     QStringLiteral("+44 20 7946 0999"),
                                     QStringLiteral("shift change"), QStringLiteral("Dana")));
    QTRY_VERIFY2(text->toPlainText().contains(QStringLiteral("Your contact: Priya Raman")),
                 qPrintable(text->toPlainText()));

    // Worded by a person: saved, and it no longer follows.
    auto *save = find<QPushButton>(QStringLiteral("saveNoticeButton"));
    QVERIFY(!save->isEnabled());
    text->moveCursor(QTextCursor::End);
    QTest::keyClicks(text, QStringLiteral(" Priya calls you at the top of the hour."));
    QVERIFY(save->isEnabled());
    const QString worded = text->toPlainText();
    WindowFixture::shoot(*m_window, QStringLiteral("notice-being-worded"));
    save->click();
    QTRY_VERIFY2(find<QLabel>(QStringLiteral("noticeStateLabel"))
                     ->text()
                     .startsWith(QStringLiteral("Worded by Dana")),
                 qPrintable(find<QLabel>(QStringLiteral("noticeStateLabel"))->text()));
    QVERIFY(m_room->store().handOver(
        m_incident, QStringLiteral("Sofia Lindqvist"), QStringLiteral("+44 20 7946 0550"),
        QStringLiteral("owns the calls"), QStringLiteral("Dana"), Role::Liaison));
    m_room->settle();
    QTest::qWait(50);
    QCOMPARE(text->toPlainText(), worded);

    find<QPushButton>(QStringLiteral("noticeSentButton"))->click();
    QTRY_VERIFY(text->isReadOnly());
    QCOMPARE(m_room->store().notices(m_incident)->constLast().sentText, worded.trimmed());
}

QTEST_MAIN(TestDisciplineWindow)
#include "tst_disciplinewindow.moc"
