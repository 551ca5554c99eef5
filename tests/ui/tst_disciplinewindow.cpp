#include "dialogs/briefingcomposer.h"
#include "dialogs/modalhook.h"
#include "incidentactions.h"
#include "mainwindow.h"
#include "models/incidentlistmodel.h"
#include "models/logtablemodel.h"
#include "scratchwarroom.h"
#include "useridentity.h"
#include "widgets/alertbanner.h"
#include "widgets/countdownwidget.h"
#include "widgets/framingbar.h"
#include "widgets/incidentlistpanel.h"
#include "widgets/incidentview.h"
#include "widgets/timeboxprompt.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

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
    void handoverChangesHeader();
    void liaisonShowsInHeaderAndComposer();
    void expiredTimeboxAsksAndIsSettled();
    void framingGoesStaleAndIsConfirmed();
    void statusChangeDraftsNoticeToSend();
    void quickAskOpensAskDialogAndCounts();
    void questionsAreCountedUntilAnswered();
    void problemStatementConfirmation();
    void missElsewhereIsAlertedAndMarked();

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
    m_window = std::make_unique<MainWindow>(m_room->store(), m_room->clock());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
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
        for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
            if (auto *line = dialog.findChild<QLineEdit *>(it.key() + QStringLiteral("LineEdit")))
                line->setText(it.value());
            else if (auto *text =
                         dialog.findChild<QPlainTextEdit *>(it.key() + QStringLiteral("TextEdit")))
                text->setPlainText(it.value());
            else if (auto *combo =
                         dialog.findChild<QComboBox *>(it.key() + QStringLiteral("ComboBox")))
                combo->setCurrentIndex(combo->findText(it.value()));
            else
                qFatal("dialog has no field %s", qPrintable(it.key()));
        }
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
    QCOMPARE(countdown->urgency(), CountdownUrgency::NoDeadline);

    answerDialog({{QStringLiteral("what"), QStringLiteral("Failover to standby")},
                  {QStringLiteral("owner"), QStringLiteral("Bob")},
                  {QStringLiteral("due"), QStringLiteral("+20m")},
                  {QStringLiteral("why"), QStringLiteral("the standby is warm for 30 minutes")}});
    m_window->incidentActions()->commitDeadline()->trigger();
    QCOMPARE(countdown->urgency(), CountdownUrgency::Comfortable);
    QCOMPARE(countdown->timeText(), QStringLiteral("20:00"));
    QVERIFY(find<QLabel>(QStringLiteral("countdownDetailLabel"))
                ->text()
                .contains(QStringLiteral("Failover to standby")));

    m_room->clock().advanceSecs(10 * 60); // T-10: the approaching alert
    auto *banner = find<AlertBanner>(QStringLiteral("alertBanner"));
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(QStringLiteral("Failover to standby")),
             qPrintable(banner->text()));

    m_room->clock().advanceSecs(10 * 60 + 5);
    QCOMPARE(countdown->urgency(), CountdownUrgency::Missed);
    QCOMPARE(countdown->timeText(), QStringLiteral("MISSED 0:05 ago"));
    QVERIFY(banner->text().contains(QStringLiteral("Deadline due")));
    // The miss is written to the log once, in red, and counted in the deadlines panel.
    auto *log = find<QTableView>(QStringLiteral("logTableView"));
    const int last = log->model()->rowCount() - 1;
    const QModelIndex missed = log->model()->index(last, LogTableModel::TextColumn);
    QVERIFY2(missed.data().toString().startsWith(QStringLiteral("Deadline MISSED")),
             qPrintable(missed.data().toString()));
    QCOMPARE(missed.data(Qt::ForegroundRole).value<QColor>(), QColor(0xc6, 0x28, 0x28));
    QVERIFY(find<QLabel>(QStringLiteral("deadlinesPanelSummaryLabel"))
                ->text()
                .contains(QStringLiteral("1 missed")));
    m_room->clock().advanceSecs(60);
    QCOMPARE(log->model()->rowCount(), last + 1);
}

void TestDisciplineWindow::supersedeFromDeadlinesPanel()
{
    QVERIFY(m_room->store().commit({m_incident, QStringLiteral("Failover"), QStringLiteral("Bob"),
                                    m_room->clock().now().addSecs(600), QStringLiteral("warm"),
                                    QStringLiteral("Dana")}));
    QTreeWidget *deadlines = panel(QStringLiteral("deadlinesPanel"));
    QCOMPARE(deadlines->topLevelItemCount(), 1);
    select(deadlines, 0);
    auto *supersede = find<QPushButton>(QStringLiteral("supersedeButton"));
    QVERIFY(supersede->isEnabled());
    answerDialog({{QStringLiteral("due"), QStringLiteral("+45m")},
                  {QStringLiteral("why"), QStringLiteral("replica 40 % behind")}});
    supersede->click();
    QCOMPARE(deadlines->topLevelItemCount(), 2);
    QCOMPARE(find<CountdownWidget>(QStringLiteral("countdownWidget"))->timeText(),
             QStringLiteral("45:00"));
    QVERIFY(find<QLabel>(QStringLiteral("deadlinesPanelSummaryLabel"))
                ->text()
                .contains(QStringLiteral("1 superseded")));
}

void TestDisciplineWindow::handoverChangesHeader()
{
    answerDialog({{QStringLiteral("name"), QStringLiteral("Kim Park")},
                  {QStringLiteral("phone"), QStringLiteral("+49 30 1234567")},
                  {QStringLiteral("note"), QStringLiteral("Failover half done.")}});
    m_window->incidentActions()->handOverAction()->trigger();
    QVERIFY(find<QLabel>(QStringLiteral("inChargeLabel"))
                ->text()
                .startsWith(QStringLiteral("In charge: Kim Park · +49 30 1234567")));
    QCOMPARE(panel(QStringLiteral("handoversPanel"))->topLevelItemCount(), 1);
    // A refused handover keeps the dialog open and changes nothing.
    answerDialog({{QStringLiteral("name"), QStringLiteral("Lee")},
                  {QStringLiteral("phone"), QStringLiteral("call me")},
                  {QStringLiteral("note"), QStringLiteral("x")}});
    m_window->incidentActions()->handOverAction()->trigger();
    QCOMPARE(m_room->store().incident(m_incident)->inChargeName, QStringLiteral("Kim Park"));
}

void TestDisciplineWindow::liaisonShowsInHeaderAndComposer()
{
    QVERIFY(find<QLabel>(QStringLiteral("liaisonLabel"))
                ->text()
                .startsWith(QStringLiteral("Business liaison: none named")));
    answerDialog({{QStringLiteral("name"), QStringLiteral("Sofia Lindqvist")},
                  {QStringLiteral("phone"), QStringLiteral("+44 20 7946 0550")},
                  {QStringLiteral("note"), QStringLiteral("Owns the customer calls.")}});
    m_window->incidentActions()->handOverLiaisonAction()->trigger();
    QVERIFY2(m_errors.isEmpty(), qPrintable(m_errors.join(u'|')));
    QVERIFY(
        find<QLabel>(QStringLiteral("liaisonLabel"))
            ->text()
            .startsWith(QStringLiteral("Business liaison: Sofia Lindqvist · +44 20 7946 0550")));
    // The person in charge is not touched by the liaison's handover.
    QCOMPARE(m_room->store().incident(m_incident)->inChargeName, QStringLiteral("Ann Lee"));
    auto *handovers = panel(QStringLiteral("handoversPanel"));
    QCOMPARE(handovers->topLevelItemCount(), 1);
    QCOMPARE(handovers->topLevelItem(0)->text(1), QStringLiteral("Business liaison"));

    BriefingComposer composer(m_room->store(), m_room->clock(), m_incident, QStringLiteral("Ann"),
                              0);
    auto *contact = composer.findChild<QLabel *>(QStringLiteral("customerContactLabel"));
    QVERIFY(contact);
    QCOMPARE(contact->text(),
             QStringLiteral("Sofia Lindqvist, +44 20 7946 0550 (business liaison)"));
}

void TestDisciplineWindow::expiredTimeboxAsksAndIsSettled()
{
    const LogEntry theory =
        m_room->addLog(m_incident, QStringLiteral("DNS TTL too long"), LogKind::Hypothesis);
    // Select the theory in the log and timebox it with the shortcut's action.
    auto *log = find<QTableView>(QStringLiteral("logTableView"));
    log->setCurrentIndex(log->model()->index(log->model()->rowCount() - 1, 0));
    answerDialog({{QStringLiteral("due"), QStringLiteral("+15m")},
                  {QStringLiteral("why"), QStringLiteral("one test run")}});
    m_window->incidentActions()->timeboxTheoryAction()->trigger();
    QVERIFY2(m_errors.isEmpty(), qPrintable(m_errors.join(u'|')));
    QCOMPARE(m_room->store().commitments(m_incident)->size(), 1);

    auto *prompt = find<TimeboxPrompt>(QStringLiteral("timeboxPrompt"));
    QVERIFY(!prompt->isVisible());
    m_room->clock().advanceSecs(16 * 60);
    QVERIFY(prompt->isVisible());
    QVERIFY(find<QLabel>(QStringLiteral("timeboxQuestionLabel"))
                ->text()
                .contains(QStringLiteral("DNS TTL too long")));

    answerDialog({{QStringLiteral("due"), QStringLiteral("+10m")},
                  {QStringLiteral("why"), QStringLiteral("trace incomplete")}});
    find<QPushButton>(QStringLiteral("timeboxExtendButton"))->click();
    QVERIFY(!prompt->isVisible());
    m_room->clock().advanceSecs(11 * 60);
    QVERIFY(prompt->isVisible());
    QVERIFY(find<QLabel>(QStringLiteral("timeboxQuestionLabel"))
                ->text()
                .contains(QStringLiteral("Already extended 1 time.")));
    find<QPushButton>(QStringLiteral("timeboxDroppedButton"))->click();
    QVERIFY(!prompt->isVisible());
    const auto commitments = m_room->store().commitments(m_incident);
    QCOMPARE(commitments->last().outcome->verdict, TimeboxVerdict::Dropped);
    Q_UNUSED(theory);
}

void TestDisciplineWindow::framingGoesStaleAndIsConfirmed()
{
    auto *bar = find<FramingBar>(QStringLiteral("framingBar"));
    QVERIFY(bar->objectiveText().contains(QStringLiteral("No objective framed")));
    answerDialog(
        {{QStringLiteral("objective"), QStringLiteral("Restore checkout; failover next")}});
    m_window->incidentActions()->frameAction()->trigger();
    QCOMPARE(bar->objectiveText(), QStringLiteral("Objective: Restore checkout; failover next"));
    QVERIFY(!bar->isStale());
    m_room->clock().advanceSecs(61 * 60); // SEV2: hourly cadence
    QVERIFY(bar->isStale());
    QVERIFY(find<QLabel>(QStringLiteral("framingStateLabel"))->text().startsWith(u"STALE"));
    m_window->incidentActions()->confirmFramingAction()->trigger();
    QVERIFY(!bar->isStale());
}

void TestDisciplineWindow::statusChangeDraftsNoticeToSend()
{
    m_room->clock().advanceSecs(4 * 60);
    answerDialog({{QStringLiteral("status"), QStringLiteral("acknowledged")},
                  {QStringLiteral("doing"), QStringLiteral("Tracing failed orders.")},
                  {QStringLiteral("next"), QStringLiteral("+30m")},
                  {QStringLiteral("why"), QStringLiteral("the trace finishes then")}});
    m_window->incidentActions()->changeStatusAction()->trigger();
    QCOMPARE(find<QLabel>(QStringLiteral("statusLabel"))->text(), QStringLiteral("ACKNOWLEDGED"));
    QTreeWidget *notices = panel(QStringLiteral("noticesPanel"));
    QCOMPARE(notices->topLevelItemCount(), 1);
    QCOMPARE(notices->topLevelItem(0)->text(2), QStringLiteral("NOT SENT"));
    QVERIFY(find<QPlainTextEdit>(QStringLiteral("noticeTextEdit"))
                ->toPlainText()
                .contains(QStringLiteral("Tracing failed orders.")));
    m_room->clock().advanceSecs(2 * 60);
    find<QPushButton>(QStringLiteral("noticeSentButton"))->click();
    QVERIFY(find<QLabel>(QStringLiteral("noticesPanelSummaryLabel"))
                ->text()
                .contains(QStringLiteral("Time to acknowledge: 6:00")));
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
    QCOMPARE(prefilled, QStringLiteral("send five failed order numbers"));
    QVERIFY(entry->text().isEmpty());
    QCOMPARE(find<QLabel>(QStringLiteral("outstandingAsksLabel"))->text(),
             QStringLiteral("1 customer ask outstanding"));
    QTreeWidget *asks = panel(QStringLiteral("asksPanel"));
    QCOMPARE(asks->topLevelItemCount(), 1);
    select(asks, 0);
    find<QPushButton>(QStringLiteral("askSentButton"))->click();
    QVERIFY(m_room->store().customerAsks(m_incident)->first().sentAt.isValid());
}

void TestDisciplineWindow::questionsAreCountedUntilAnswered()
{
    auto *entry = find<QLineEdit>(QStringLiteral("quickEntryLineEdit"));
    QTest::keyClicks(entry, QStringLiteral("q: who restarted db-2?"));
    QTest::keyClick(entry, Qt::Key_Return);
    QCOMPARE(find<QLabel>(QStringLiteral("openQuestionsLabel"))->text(),
             QStringLiteral("1 open question"));
    QTreeWidget *questions = panel(QStringLiteral("questionsPanel"));
    QCOMPARE(questions->topLevelItemCount(), 1);
    select(questions, 0);
    answerDialog({{QStringLiteral("answer"), QStringLiteral("Kim, at 14:02")}});
    find<QPushButton>(QStringLiteral("answerButton"))->click();
    QCOMPARE(questions->topLevelItemCount(), 0);
    QCOMPARE(find<QLabel>(QStringLiteral("openQuestionsLabel"))->text(),
             QStringLiteral("0 open questions"));
}

void TestDisciplineWindow::problemStatementConfirmation()
{
    auto *problem = find<QLabel>(QStringLiteral("problemLabel"));
    QCOMPARE(problem->text(), QStringLiteral("no problem statement"));
    answerDialog({{QStringLiteral("statement"), QStringLiteral("Checkout fails for EU users")}});
    m_window->incidentActions()->restateProblemAction()->trigger();
    QCOMPARE(problem->text(), QStringLiteral("problem statement not confirmed"));
    answerDialog({{QStringLiteral("confirmedBy"), QStringLiteral("Jo Smith")},
                  {QStringLiteral("how"), QStringLiteral("phone call")}});
    m_window->incidentActions()->confirmProblemAction()->trigger();
    QCOMPARE(problem->text(), QStringLiteral("problem confirmed by Jo Smith"));
    QVERIFY(m_errors.isEmpty());
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
    QCOMPARE(m_window->incidentView()->incidentId(), m_incident);

    m_room->clock().advanceSecs(600); // the window's deadline check runs when time moves
    auto *banner = find<AlertBanner>(QStringLiteral("alertBanner"));
    QTRY_VERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(QStringLiteral("Search slow")), qPrintable(banner->text()));

    // Both misses are in that incident's log, at their due time, by Warroom.
    const auto entries = store.logEntries(other, 1, 100);
    int misses = 0;
    for (const LogEntry &e : *entries) {
        if (e.event != LogEvent::Missed)
            continue;
        ++misses;
        QCOMPARE(e.author, QStringLiteral("Warroom"));
        QCOMPARE(e.at, now.addSecs(120));
    }
    QCOMPARE(misses, 2);

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
    QVERIFY(marked);
    QVERIFY(unmarked);
}

QTEST_MAIN(TestDisciplineWindow)
#include "tst_disciplinewindow.moc"
