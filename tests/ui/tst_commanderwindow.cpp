#include "aftermathactions.h"
#include "dialogs/modalhook.h"
#include "incidentactions.h"
#include "livewarroom.h"
#include "logactions.h"
#include "mainwindow.h"
#include "models/logtablemodel.h"
#include "rules/statusrules.h"
#include "useridentity.h"
#include "widgets/incidentview.h"
#include "widgets/logentrydetail.h"
#include "windowfixture.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QScopeGuard>
#include <QScrollBar>
#include <QTableView>
#include <QTabWidget>
#include <QTest>
#include <QTextEdit>
#include <QTreeWidget>

// The commander's window where users stumbled under pressure, driven through the real window,
// offscreen.
class TestCommanderWindow : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void everyDialogOpensOnItsFirstField();
    void changeStatusOpensOnTheNextStatusForward();
    void shortcutsAreDistinctListedAndAwayFromQuit();
    void keyboardDrivesDeadlinesLogTabsAndExport();
    void quitAsksWhileALineIsTypedAndNotAdded();
    void logStaysOnNewestWhenABannerAppears();
    void scrolledUpReaderIsToldOfNewEntries();
    void entryIsCorrectedFromTheLogsMenu();
    void reassessmentEndsTheOverrideOrKeepsItForAFreshReason();
    void selectedEntryReadsInFullWithItsCorrections();
    void burstOfAlertsIsFilteredAwayAndKeyEntriesPinned();
    void findInTheLogMarksWordsAndStepsThroughHits();
    void goToTimeShowsTheEntryWrittenThen();
    void anActAsksForTheNameWhenNoneIsKnown();
    void correctionOutsideTheFilterStillMarksTheOriginal();
    void correctionFarBelowMarksTheEntryBeingRead();

private:
    QTableView *logView() { return m_fixture->find<QTableView>(QStringLiteral("logTableView")); }
    bool newestRowInSight();
    qint64 commit(const QString &what, qint64 inSecs);
    void press(QKeyCombination keys);

    std::unique_ptr<WindowFixture> m_fixture;
};

void TestCommanderWindow::init()
{
    m_fixture = std::make_unique<WindowFixture>();
}

void TestCommanderWindow::cleanup()
{
    m_fixture.reset();
}

namespace {
bool takesTyping(const QWidget *widget)
{
    return qobject_cast<const QLineEdit *>(widget) ||
           qobject_cast<const QPlainTextEdit *>(widget) ||
           qobject_cast<const QTextEdit *>(widget) || qobject_cast<const QComboBox *>(widget) ||
           qobject_cast<const QAbstractSpinBox *>(widget);
}
} // namespace

void TestCommanderWindow::everyDialogOpensOnItsFirstField()
{
    // Something for the dialogs that need a subject: a theory to timebox, a stated problem.
    WindowFixture &f = *m_fixture;
    IncidentStore &store = f.room().store();
    QVERIFY(store.restateProblem(f.incident(), QStringLiteral("Orders cannot be paid since 09:00."),
                                 QStringLiteral("Dana")));
    f.room().settle();

    QHash<QString, QString> focusedIn; // dialog title -> what had the focus
    ModalHook::setDialogHandler([&focusedIn](QDialog &dialog) {
        dialog.show();
        if (!QTest::qWaitForWindowActive(&dialog))
            qWarning("%s never became active", qPrintable(dialog.windowTitle()));
        QWidget *focused = dialog.focusWidget();
        focusedIn.insert(dialog.windowTitle(),
                         focused ? QString::fromLatin1(focused->metaObject()->className()) + u' ' +
                                       focused->objectName()
                                 : QStringLiteral("nothing"));
        // Typing goes into the field; a Space typed first submits nothing.
        if (focused && takesTyping(focused))
            QTest::keyClick(focused, Qt::Key_Space);
        const bool stillOpen = dialog.isVisible();
        dialog.reject();
        return stillOpen ? int(QDialog::Rejected) : int(QDialog::Accepted);
    });
    QList<QAction *> actions = f.window().incidentActions()->all();
    const AftermathActions &after = *f.window().aftermathActions();
    actions << after.resolveAction() << after.knownProblemsAction()
            << f.window().newIncidentAction();
    for (const char *setting :
         {"severityRulesAction", "briefingCadenceAction", "jargonTermsAction"})
        actions << f.find<QAction>(QString::fromLatin1(setting));
    for (QAction *action : std::as_const(actions)) {
        if (action->isEnabled())
            action->trigger();
        f.room().settle();
    }
    QVERIFY2(focusedIn.size() >= 19, qPrintable(QStringList(focusedIn.keys()).join(u", ")));
    qInfo("dialogs: %s", qPrintable(QStringList(focusedIn.keys()).join(u", ")));
    QStringList wrong;
    for (auto it = focusedIn.cbegin(); it != focusedIn.cend(); ++it) {
        if (!it.value().contains(QStringLiteral("LineEdit")) &&
            !it.value().contains(QStringLiteral("TextEdit")) &&
            !it.value().contains(QStringLiteral("ComboBox")))
            wrong << it.key() + QStringLiteral(": ") + it.value();
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u"; ")));
}

void TestCommanderWindow::changeStatusOpensOnTheNextStatusForward()
{
    WindowFixture &f = *m_fixture;
    for (IncidentStatus status : {IncidentStatus::Investigating, IncidentStatus::Identified}) {
        QVERIFY(f.room().store().changeStatus(
            {f.incident(), QStringLiteral("Dana"), status,
             QStringLiteral("We are looking at the payment service."),
             f.room().clock().now().addSecs(1800), QStringLiteral("the next test run ends")}));
    }
    f.room().settle();
    QTRY_COMPARE(f.window().live().incident().incident.status, IncidentStatus::Identified);
    QString offered;
    f.answer(
        {{QStringLiteral("Change status"), [&offered](QDialog &dialog) {
              offered =
                  dialog.findChild<QComboBox *>(QStringLiteral("statusComboBox"))->currentText();
              return int(QDialog::Rejected);
          }}});
    f.window().incidentActions()->changeStatusAction()->trigger();
    QCOMPARE(offered, statusName(IncidentStatus::Mitigating));
    QCOMPARE(nextStatusForward(IncidentStatus::Closed), IncidentStatus::Closed);
}

qint64 TestCommanderWindow::commit(const QString &what, qint64 inSecs)
{
    WindowFixture &f = *m_fixture;
    const auto id = f.room().store().commit(
        {f.incident(), what, QStringLiteral("Bob"), f.room().clock().now().addSecs(inSecs),
         QStringLiteral("the customer's batch starts"), QStringLiteral("Bob")});
    if (!id)
        qFatal("%s", qPrintable(id.error()));
    f.room().settle();
    return *id;
}

void TestCommanderWindow::press(QKeyCombination keys)
{
    QWidget *target = QApplication::focusWidget();
    QTest::keyClick(target ? target : &m_fixture->window(), keys.key(), keys.keyboardModifiers());
    m_fixture->room().settle();
}

void TestCommanderWindow::shortcutsAreDistinctListedAndAwayFromQuit()
{
    WindowFixture &f = *m_fixture;
    QHash<QKeySequence, QString> owners;
    QStringList clashes;
    for (QAction *action : f.window().findChildren<QAction *>()) {
        if (action->shortcut().isEmpty())
            continue;
        if (owners.contains(action->shortcut()))
            clashes << owners.value(action->shortcut()) + QStringLiteral(" / ") + action->text();
        owners.insert(action->shortcut(), action->text());
    }
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u", ")));
    const QAction *quit = f.find<QAction>(QStringLiteral("quitAction"));
    QVERIFY(!quit->shortcut().isEmpty());
    // One slip of a finger must not quit instead of asking the team.
    const QKeySequence ask = f.window().logActions()->askTeamAction()->shortcut();
    QVERIFY(!ask.isEmpty());
    QVERIFY2(ask[0].key() != quit->shortcut()[0].key(), qPrintable(ask.toString()));
    for (const char *name : {"markMetAction", "supersedeAction", "exportPdfAction"})
        QVERIFY2(!f.find<QAction>(QString::fromLatin1(name))->shortcut().isEmpty(), name);
    QCOMPARE(f.find<QAction>(QStringLiteral("focusLogEntryAction"))->shortcut(),
             QKeySequence(QStringLiteral("Ctrl+L")));
    auto *tabs = f.window().incidentView()->panels();
    for (int i = 0; i < tabs->count(); ++i)
        QCOMPARE(f.find<QAction>(QStringLiteral("showTab%1Action").arg(i + 1))->shortcut(),
                 QKeySequence(QStringLiteral("Ctrl+%1").arg(i + 1)));

    // Help lists every one of them, with its keys.
    QStringList listed;
    f.answer({{QStringLiteral("Keyboard shortcuts"), [&listed](QDialog &dialog) {
                   auto *tree = dialog.findChild<QTreeWidget *>(QStringLiteral("shortcutsTree"));
                   for (QTreeWidgetItemIterator it(tree); *it; ++it)
                       listed << (*it)->text(1);
                   WindowFixture::shoot(dialog, QStringLiteral("shortcuts"));
                   return int(QDialog::Accepted);
               }}});
    f.find<QAction>(QStringLiteral("shortcutsAction"))->trigger();
    QStringList missing;
    for (auto it = owners.cbegin(); it != owners.cend(); ++it) {
        if (!listed.contains(it.key().toString(QKeySequence::NativeText)))
            missing << it.value();
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u", ")));
}

void TestCommanderWindow::keyboardDrivesDeadlinesLogTabsAndExport()
{
    WindowFixture &f = *m_fixture;
    f.room().recordOneOfEverything(f.incident()); // a briefing to export, among the rest
    const qint64 first = commit(QStringLiteral("Confirm the rollback"), 600);
    const qint64 second = commit(QStringLiteral("Restart the payment workers"), 1200);
    QTRY_VERIFY(f.window().incidentActions()->markMetAction()->isEnabled());
    f.window().activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&f.window()));

    // Ctrl+M: the nearest open deadline is met.
    press(QKeyCombination(Qt::ControlModifier, Qt::Key_M));
    QTRY_VERIFY(f.room().store().commitment(first)->outcome.has_value());
    QCOMPARE(f.room().store().commitment(first)->outcome->kind, CommitmentOutcomeKind::Met);

    // Ctrl+Shift+D: the next one is superseded, with its reason.
    f.answer(
        {{QStringLiteral("Supersede deadline"),
          WindowFixture::filledAndSubmitted(
              {{QStringLiteral("due"), QStringLiteral("+40m")},
               {QStringLiteral("why"), QStringLiteral("the workers need a config change")}})}});
    press(QKeyCombination(Qt::ControlModifier | Qt::ShiftModifier, Qt::Key_D));
    QTRY_VERIFY(f.room().store().commitment(second)->outcome.has_value());
    QCOMPARE(f.room().store().commitment(second)->outcome->kind, CommitmentOutcomeKind::Superseded);

    // Ctrl+L: the cursor is in the log's entry line; Ctrl+4: the fourth tab.
    press(QKeyCombination(Qt::ControlModifier, Qt::Key_L));
    QTRY_COMPARE(QApplication::focusWidget()->objectName(), QStringLiteral("quickEntryLineEdit"));
    press(QKeyCombination(Qt::ControlModifier, Qt::Key_4));
    QCOMPARE(f.window().incidentView()->panels()->currentIndex(), 3);

    // Ctrl+E: the briefings as PDF, where the user says.
    const QString pdf = f.room().pathFor(QStringLiteral("briefings.pdf"));
    ModalHook::setFileNameHandler([&pdf](const QString &) { return pdf; });
    press(QKeyCombination(Qt::ControlModifier, Qt::Key_E));
    QTRY_VERIFY(QFile::exists(pdf));
    QFile written(pdf);
    QVERIFY(written.open(QIODevice::ReadOnly));
    QCOMPARE(written.read(5), QByteArray("%PDF-"));
    QVERIFY2(f.errors().isEmpty(), qPrintable(f.errors().join(u", ")));
}

void TestCommanderWindow::quitAsksWhileALineIsTypedAndNotAdded()
{
    WindowFixture &f = *m_fixture;
    auto *line = f.find<QLineEdit>(QStringLiteral("quickEntryLineEdit"));
    QTest::keyClicks(line, QStringLiteral("db-2 replica lag is 40 s"));
    QString asked;
    QString pressed = QStringLiteral("Stay open");
    ModalHook::setDialogHandler([&asked, &pressed](QDialog &dialog) {
        auto &box = static_cast<QMessageBox &>(dialog);
        asked = box.text();
        for (QAbstractButton *button : box.buttons()) {
            if (button->text().remove(u'&') == pressed)
                button->click();
        }
        return 0;
    });
    QVERIFY(!f.window().close());
    QVERIFY(f.window().isVisible());
    QVERIFY2(asked.contains(QStringLiteral("db-2 replica lag is 40 s")), qPrintable(asked));
    QCOMPARE(line->text(), QStringLiteral("db-2 replica lag is 40 s"));
    // Added, nothing is at risk: quitting asks nothing.
    QTest::keyClick(line, Qt::Key_Return);
    QTRY_VERIFY(line->text().isEmpty());
    f.room().settle();
    asked.clear();
    QVERIFY(f.window().close());
    QVERIFY(asked.isEmpty());
}

bool TestCommanderWindow::newestRowInSight()
{
    QTableView *view = logView();
    const int rows = view->model()->rowCount();
    const QRect last = view->visualRect(view->model()->index(rows - 1, 0));
    return rows > 0 && last.isValid() && last.top() >= 0 &&
           last.bottom() <= view->viewport()->height();
}

void TestCommanderWindow::logStaysOnNewestWhenABannerAppears()
{
    WindowFixture &f = *m_fixture;
    for (int i = 0; i < 300; ++i)
        f.room().addLog(f.incident(), QStringLiteral("checkout error rate %1%").arg(i));
    f.room().settle();
    QTRY_COMPARE(logView()->model()->rowCount(), 300);
    QTRY_VERIFY(newestRowInSight());
    const int heightBefore = logView()->viewport()->height();
    // A deadline falls due: the banner takes room from the log, not the newest rows from sight.
    commit(QStringLiteral("Confirm the rollback"), 60);
    f.room().clock().advanceSecs(61);
    QTRY_VERIFY(f.find<QWidget>(QStringLiteral("alertBanner"))->isVisible());
    QTRY_VERIFY(logView()->viewport()->height() < heightBefore);
    QTRY_VERIFY(newestRowInSight());
    // And entries that come meanwhile are seen as they come.
    f.room().addLog(f.incident(), QStringLiteral("monitor: checkout error rate 12%"));
    f.room().settle();
    QTRY_VERIFY(newestRowInSight());
    QVERIFY(!f.find<QWidget>(QStringLiteral("newEntriesButton"))->isVisible());
}

void TestCommanderWindow::scrolledUpReaderIsToldOfNewEntries()
{
    WindowFixture &f = *m_fixture;
    for (int i = 0; i < 300; ++i)
        f.room().addLog(f.incident(), QStringLiteral("checkout error rate %1%").arg(i));
    f.room().settle();
    QTRY_VERIFY(newestRowInSight());
    QScrollBar *bar = logView()->verticalScrollBar();
    bar->setValue(bar->maximum() / 2); // reading something older
    for (int i = 0; i < 3; ++i)
        f.room().addLog(f.incident(), QStringLiteral("monitor alert %1").arg(i));
    f.room().settle();
    auto *button = f.find<QAbstractButton>(QStringLiteral("newEntriesButton"));
    QTRY_VERIFY(button->isVisible());
    QTRY_COMPARE(button->text(), QStringLiteral("3 new entries ↓"));
    QVERIFY(!newestRowInSight()); // the reader's place is kept
    WindowFixture::shoot(f.window(), QStringLiteral("new-entries"));
    button->click();
    QTRY_VERIFY(newestRowInSight());
    QTRY_VERIFY(!button->isVisible());
    // At the newest again: followed without a word.
    f.room().addLog(f.incident(), QStringLiteral("monitor alert 4"));
    f.room().settle();
    QTRY_VERIFY(newestRowInSight());
    QVERIFY(!button->isVisible());
}

void TestCommanderWindow::entryIsCorrectedFromTheLogsMenu()
{
    WindowFixture &f = *m_fixture;
    const LogEntry wrong = f.room().addLog(f.incident(), QStringLiteral("latency 84 s on db-2"));
    f.room().settle();
    QTableView *view = logView();
    QTRY_COMPARE(view->model()->rowCount(), 1);
    const QModelIndex text = view->model()->index(0, LogTableModel::TextColumn);
    QTRY_COMPARE(text.data().toString(), QStringLiteral("latency 84 s on db-2"));

    QStringList refusals;
    f.answer({{QStringLiteral("Correct an entry"), [&refusals](QDialog &dialog) {
                   // Unchanged: refused, the dialog stays with the text.
                   WindowFixture::submit(dialog);
                   refusals << dialog.findChild<QLabel *>(QStringLiteral("errorLabel"))->text();
                   WindowFixture::fill(
                       dialog, {{QStringLiteral("text"), QStringLiteral("latency 8.4 s on db-2")}});
                   return WindowFixture::submit(dialog);
               }}});
    emit view->customContextMenuRequested(view->visualRect(text).center());
    auto *menu = f.find<QMenu>(QStringLiteral("logContextMenu"));
    QAction *correct = menu->findChild<QAction *>(QStringLiteral("correctEntryAction"));
    QVERIFY(correct && correct->isEnabled());
    menu->close();
    correct->trigger();
    QCOMPARE(refusals, QStringList{QStringLiteral("The text is unchanged: say what is right.")});
    QTRY_COMPARE(view->model()->rowCount(), 2);
    // The original stays, struck through and marked; the correction follows it.
    QTRY_COMPARE(text.data().toString(), QStringLiteral("[corrected below] latency 84 s on db-2"));
    QVERIFY(text.data(Qt::FontRole).value<QFont>().strikeOut());
    QTRY_COMPARE(view->model()->index(1, LogTableModel::TextColumn).data().toString(),
                 QStringLiteral("[correction] latency 8.4 s on db-2"));
    const auto stored = f.room().store().logEntries(f.incident(), 1, 10);
    QCOMPARE(stored->at(1).correctsId, wrong.id);
    QCOMPARE(stored->at(1).author, QStringLiteral("Dana"));
}

void TestCommanderWindow::reassessmentEndsTheOverrideOrKeepsItForAFreshReason()
{
    WindowFixture &f = *m_fixture;
    IncidentStore &store = f.room().store();
    ImpactAssessment small;
    small.incidentId = f.incident();
    small.by = QStringLiteral("Dana");
    small.affectedUsers = 10;
    small.totalUsers = 40000;
    QVERIFY(store.assessImpact(small, {})); // SEV4
    QVERIFY(store.setSeverity(f.incident(), Severity::Sev2, QStringLiteral("regulatory deadline"),
                              QStringLiteral("Dana"), {}));
    f.room().settle();
    auto *severity = f.find<QLabel>(QStringLiteral("severityLabel"));
    QTRY_COMPARE(severity->text(),
                 QStringLiteral("SEV2 (assessed SEV4, overridden: regulatory deadline)"));

    QStringList previews;
    QStringList problems;
    const auto preview = [](QDialog &dialog) {
        return dialog.findChild<QLabel *>(QStringLiteral("previewLabel"))->text();
    };
    f.answer({{QStringLiteral("Assess impact"), [&](QDialog &dialog) {
                   // A wrong function format is named as such, not as missing users.
                   WindowFixture::fill(dialog,
                                       {{QStringLiteral("affected"), QStringLiteral("20000")},
                                        {QStringLiteral("total"), QStringLiteral("40000")},
                                        {QStringLiteral("functions"), QStringLiteral("Checkout")}});
                   previews << preview(dialog);
                   // A refusal goes away once the field it speaks of is mended.
                   WindowFixture::submit(dialog);
                   auto *error = dialog.findChild<QLabel *>(QStringLiteral("errorLabel"));
                   problems << error->text();
                   WindowFixture::fill(
                       dialog, {{QStringLiteral("functions"), QStringLiteral("Checkout:down")}});
                   problems << (error->isVisible() ? error->text() : QString());
                   previews << preview(dialog);
                   WindowFixture::fill(dialog, {{QStringLiteral("keepOverride"),
                                                 QStringLiteral("the regulator's deadline is "
                                                                "today at 17:00")}});
                   previews << preview(dialog);
                   WindowFixture::shoot(dialog, QStringLiteral("assess-keep-override"));
                   return WindowFixture::submit(dialog);
               }}});
    f.window().incidentActions()->assessImpactAction()->trigger();
    QCOMPARE(previews.size(), 3);
    QVERIFY2(previews.at(0).contains(QStringLiteral("NAME:down")), qPrintable(previews.at(0)));
    QVERIFY2(problems.at(0).contains(QStringLiteral("NAME:down")), qPrintable(problems.at(0)));
    QCOMPARE(problems.at(1), QString());
    QVERIFY2(previews.at(1).contains(QStringLiteral("The override (SEV2: regulatory deadline) ends "
                                                    "and the severity becomes SEV1")),
             qPrintable(previews.at(1)));
    QVERIFY2(previews.at(2).contains(QStringLiteral("SEV2 stays, overriding the assessed SEV1")),
             qPrintable(previews.at(2)));
    QTRY_COMPARE(severity->text(), QStringLiteral("SEV2 (assessed SEV1, overridden: the "
                                                  "regulator's deadline is today at 17:00)"));

    // Assessed again with no fresh reason: the override ends.
    f.answer({{QStringLiteral("Assess impact"),
               WindowFixture::filledAndSubmitted(
                   {{QStringLiteral("affected"), QStringLiteral("21000")},
                    {QStringLiteral("total"), QStringLiteral("40000")},
                    {QStringLiteral("functions"), QStringLiteral("Checkout:down")}})}});
    f.window().incidentActions()->assessImpactAction()->trigger();
    QTRY_COMPARE(severity->text(), QStringLiteral("SEV1 (assessed)"));
    QVERIFY(f.errors().isEmpty());
}

void TestCommanderWindow::selectedEntryReadsInFullWithItsCorrections()
{
    WindowFixture &f = *m_fixture;
    const QString trace = QStringLiteral("java.lang.OutOfMemoryError: GC overhead limit exceeded\n"
                                         "  at com.acme.checkout.Cart.total(Cart.java:212)\n") +
                          QStringLiteral("  at <b>not markup</b> ") + QString(400, u'x');
    const LogEntry wrong = f.room().addLog(f.incident(), trace);
    f.room().settle();
    QTableView *view = logView();
    QTRY_COMPARE(view->model()->rowCount(), 1);
    auto *detail = f.find<LogEntryDetail>(QStringLiteral("logEntryDetail"));
    auto *text = f.find<QPlainTextEdit>(QStringLiteral("logEntryTextEdit"));
    auto *heading = f.find<QLabel>(QStringLiteral("logEntryHeadingLabel"));
    QVERIFY(text->toPlainText().isEmpty());
    const int windowWidth = f.window().width();

    view->setCurrentIndex(view->model()->index(0, LogTableModel::TextColumn));
    QCOMPARE(text->toPlainText(), trace); // all of it, as plain text
    QVERIFY2(heading->text().startsWith(QStringLiteral("Entry 1 · ")), qPrintable(heading->text()));
    QVERIFY(detail->historyText().isEmpty());
    // The table keeps one line per entry.
    QCOMPARE(view->verticalHeader()->sectionResizeMode(0), QHeaderView::Fixed);

    // A correction arrives while the entry is shown: the pane says so.
    QVERIFY(
        f.room().store().appendLogEntry({f.incident(), QStringLiteral("Sam"), LogKind::Observation,
                                         QStringLiteral("it was the search service, not "
                                                        "checkout"),
                                         wrong.id}));
    f.room().settle();
    QTRY_VERIFY2(detail->historyText().startsWith(QStringLiteral("Corrected by entry 2 (Sam, ")),
                 qPrintable(detail->historyText()));
    QVERIFY(detail->historyText().endsWith(QStringLiteral("it was the search service, not "
                                                          "checkout")));
    QCOMPARE(text->toPlainText(), trace); // the original stays as written

    QTRY_COMPARE(view->model()->rowCount(), 2);
    view->setCurrentIndex(view->model()->index(1, LogTableModel::TextColumn));
    QTRY_VERIFY2(detail->historyText().startsWith(QStringLiteral("Corrects entry 1 (")),
                 qPrintable(detail->historyText()));
    // A long unbroken line in the pane wraps; it never widens the window.
    QCoreApplication::processEvents();
    QCOMPARE(f.window().width(), windowWidth);
    WindowFixture::shoot(f.window(), QStringLiteral("log-detail"));
}

// A hundred monitor alerts bury a person's hypothesis: People only brings it back, a kind or an
// author narrows further, and a pinned entry is listed by Pinned only.
void TestCommanderWindow::findInTheLogMarksWordsAndStepsThroughHits()
{
    WindowFixture &f = *m_fixture;
    IncidentStore &store = f.room().store();
    QList<qint64> hitSeqs;
    for (int i = 0; i < 300; ++i) {
        NewLogEntry entry{f.incident(), QStringLiteral("Ann Lee"), LogKind::Observation,
                          QStringLiteral("checkout p99 %1 ms").arg(4000 + i)};
        if (i == 10 || i == 150 || i == 200 || i == 290)
            entry.text = QStringLiteral("Disk full on db-%1").arg(i);
        entry.byScript = i == 200;
        const auto added = store.appendLogEntry(entry);
        QVERIFY(added);
        if (entry.text.startsWith(u'D'))
            hitSeqs.append(added->seq);
    }
    f.room().settle();
    QTableView *view = logView();
    QTRY_COMPARE(view->model()->rowCount(), 300);

    press(QKeySequence(QKeySequence::Find)[0]);
    auto *words = f.find<QLineEdit>(QStringLiteral("logSearchWords"));
    QVERIFY(words->isVisible());
    QCOMPARE(QApplication::focusWidget(), words);
    auto *position = f.find<QLabel>(QStringLiteral("logSearchPosition"));
    QTest::keyClicks(words, QStringLiteral("full DISK"));
    // With no entry chosen the newest hit is shown first.
    QTRY_COMPARE(position->text(), QStringLiteral("4 of 4"));
    f.room().settle();
    QCOMPARE(view->currentIndex().row(), int(hitSeqs.at(3) - 1));
    // Enter goes on, round to the first; Shift+Enter goes back.
    press(Qt::Key_Return);
    QTRY_COMPARE(position->text(), QStringLiteral("1 of 4 (from the other end)"));
    QCOMPARE(view->currentIndex().row(), int(hitSeqs.at(0) - 1));
    press(Qt::Key_Return);
    QTRY_COMPARE(position->text(), QStringLiteral("2 of 4"));
    QCOMPARE(view->currentIndex().row(), int(hitSeqs.at(1) - 1));
    press(Qt::ShiftModifier | Qt::Key_Return);
    QTRY_COMPARE(position->text(), QStringLiteral("1 of 4"));
    QCOMPARE(view->currentIndex().row(), int(hitSeqs.at(0) - 1));
    // The words are marked where they are shown.
    const auto marked = [&] {
        const QImage shown = view->viewport()->grab().toImage();
        for (int y = 0; y < shown.height(); ++y)
            for (int x = 0; x < shown.width(); ++x)
                if (shown.pixelColor(x, y) == QColor(0xff, 0xe0, 0x66))
                    return true;
        return false;
    };
    QTRY_VERIFY(marked());
    WindowFixture::shoot(f.window(), QStringLiteral("find-in-log"));

    // With the script's posts hidden, its hit is not one.
    f.find<QCheckBox>(QStringLiteral("peopleOnlyCheck"))->click();
    f.room().settle();
    QTRY_COMPARE(position->text(), QStringLiteral("3 matches"));
    QTRY_COMPARE(view->model()->rowCount(), 299);
    press(Qt::Key_Return);
    QTRY_COMPARE(position->text(), QStringLiteral("1 of 3")); // the filter chose no entry
    // A hit written now is counted as it arrives.
    f.room().addLog(f.incident(), QStringLiteral("disk full again"));
    f.room().settle();
    QTRY_COMPARE_WITH_TIMEOUT(position->text(), QStringLiteral("1 of 4"), 5000);
    press(Qt::ShiftModifier | Qt::Key_Return);
    QTRY_COMPARE(position->text(), QStringLiteral("4 of 4 (from the other end)"));
    QTRY_COMPARE(view->model()
                     ->index(view->currentIndex().row(), LogTableModel::TextColumn)
                     .data()
                     .toString(),
                 QStringLiteral("disk full again"));
    // Words that no entry has are said so; Escape closes the search and its marks.
    words->selectAll();
    QTest::keyClicks(words, QStringLiteral("nowhere"));
    QTRY_COMPARE(position->text(), QStringLiteral("no entry has these words"));
    press(Qt::Key_Escape);
    QVERIFY(!words->isVisible());
    QVERIFY(!marked());
}

// Five hours of entries, one a minute (a monitor's, with a person's every tenth): Ctrl+G takes a
// time as typed, reads it back, and shows the entry written then, within the filter too.
void TestCommanderWindow::goToTimeShowsTheEntryWrittenThen()
{
    WindowFixture &f = *m_fixture;
    IncidentStore &store = f.room().store();
    const QDateTime start = f.room().clock().now();
    QHash<int, qint64> seqAtMinute;
    for (int minute = 1; minute <= 300; ++minute) {
        f.room().clock().setNow(start.addSecs(minute * 60));
        NewLogEntry entry{f.incident(), QStringLiteral("probe"), LogKind::Observation,
                          QStringLiteral("checkout p99 %1 ms").arg(4000 + minute)};
        entry.byScript = minute % 10 != 0;
        if (!entry.byScript)
            entry.author = QStringLiteral("Ann Lee");
        const auto added = store.appendLogEntry(entry);
        QVERIFY(added);
        seqAtMinute.insert(minute, added->seq);
    }
    f.room().settle();
    QTableView *view = logView();
    QTRY_COMPARE(view->model()->rowCount(), int(seqAtMinute.value(300)));

    press(QKeyCombination(Qt::ControlModifier, Qt::Key_G));
    auto *time = f.find<QLineEdit>(QStringLiteral("logTimeEdit"));
    QVERIFY(time->isVisible());
    QCOMPARE(QApplication::focusWidget(), time);
    auto *said = f.find<QLabel>(QStringLiteral("logTimeSaid"));
    // Typed as the clock on the wall said it, 103 minutes in.
    const QString typed = start.addSecs(103 * 60).toLocalTime().toString(QStringLiteral("HH:mm"));
    QTest::keyClicks(time, typed);
    QVERIFY2(said->text().startsWith(QStringLiteral("= ")), qPrintable(said->text()));
    QVERIFY2(said->text().contains(typed), qPrintable(said->text()));
    press(Qt::Key_Return);
    QTRY_COMPARE(view->currentIndex().row(), int(seqAtMinute.value(103) - 1));
    QVERIFY2(said->text().endsWith(QStringLiteral(", entry %1").arg(seqAtMinute.value(103))),
             qPrintable(said->text()));
    // The reader stays there as entries arrive; the log does not run off to the newest.
    f.room().addLog(f.incident(), QStringLiteral("one more"));
    f.room().settle();
    QTRY_COMPARE(view->model()->rowCount(), int(seqAtMinute.value(300) + 1));
    QCOMPARE(view->currentIndex().row(), int(seqAtMinute.value(103) - 1));
    WindowFixture::shoot(f.window(), QStringLiteral("go-to-time"));

    // People only: 103 minutes in, the next entry a person wrote is at minute 110.
    f.find<QCheckBox>(QStringLiteral("peopleOnlyCheck"))->click();
    f.room().settle();
    QTRY_VERIFY(view->model()->rowCount() < 40);
    time->setFocus();
    press(Qt::Key_Return);
    QTRY_COMPARE(view->model()
                     ->index(view->currentIndex().row(), LogTableModel::TextColumn)
                     .data()
                     .toString(),
                 QStringLiteral("checkout p99 4110 ms"));
    // After the last entry a person wrote ("one more", at 14:00): that last one, said so.
    f.room().clock().setNow(start.addSecs(320 * 60));
    time->selectAll();
    QTest::keyClicks(time, QStringLiteral("-10m"));
    press(Qt::Key_Return);
    QTRY_VERIFY2(said->text().startsWith(QStringLiteral("Nothing since ")),
                 qPrintable(said->text()));
    QVERIFY2(said->text().endsWith(QStringLiteral(", entry %1").arg(seqAtMinute.value(300) + 1)),
             qPrintable(said->text()));
    QCOMPARE(view->model()
                 ->index(view->currentIndex().row(), LogTableModel::TextColumn)
                 .data()
                 .toString(),
             QStringLiteral("one more"));
    // Nonsense is said so where it is typed, and goes nowhere.
    const int row = view->currentIndex().row();
    time->selectAll();
    QTest::keyClicks(time, QStringLiteral("<b>lunch</b>"));
    QVERIFY2(said->text().contains(QStringLiteral("is not a time")), qPrintable(said->text()));
    press(Qt::Key_Return);
    QCOMPARE(view->currentIndex().row(), row);
    press(Qt::Key_Escape);
    QVERIFY(!time->isVisible());
}

void TestCommanderWindow::burstOfAlertsIsFilteredAwayAndKeyEntriesPinned()
{
    WindowFixture &f = *m_fixture;
    IncidentStore &store = f.room().store();
    const LogEntry theory = f.room().addLog(
        f.incident(), QStringLiteral("connection pool exhausted on db-2"), LogKind::Hypothesis);
    for (int i = 0; i < 100; ++i) {
        NewLogEntry alert{f.incident(), QStringLiteral("nagios"), LogKind::Observation,
                          QStringLiteral("CRITICAL checkout p99 %1 ms").arg(4000 + i)};
        alert.byScript = true;
        QVERIFY(store.appendLogEntry(alert));
    }
    f.room().addLog(f.incident(), QStringLiteral("raised pool to 200"), LogKind::Action);
    f.room().settle();
    QTableView *view = logView();
    QTRY_COMPARE(view->model()->rowCount(), 102);
    auto *counts = f.find<QLabel>(QStringLiteral("logFilterCounts"));
    QTRY_COMPARE(counts->text(), QStringLiteral("102 entries"));

    f.find<QCheckBox>(QStringLiteral("peopleOnlyCheck"))->click();
    f.room().settle();
    QTRY_COMPARE(view->model()->rowCount(), 2);
    QTRY_COMPARE(view->model()->index(0, LogTableModel::TextColumn).data().toString(),
                 QStringLiteral("connection pool exhausted on db-2"));
    QCOMPARE(counts->text(), QStringLiteral("Showing 2 of 102 entries (people only)"));
    auto *clear = f.find<QAbstractButton>(QStringLiteral("logFilterClear"));
    QVERIFY(clear->isVisible());

    // One kind: the hypothesis alone.
    auto *kind = f.find<QComboBox>(QStringLiteral("logKindFilter"));
    kind->setCurrentIndex(kind->findText(QStringLiteral("hypothesis")));
    f.room().settle();
    QTRY_COMPARE(view->model()->rowCount(), 1);
    QCOMPARE(counts->text(), QStringLiteral("Showing 1 of 102 entries (hypothesis, people only)"));
    // The script is named as one among the authors.
    auto *author = f.find<QComboBox>(QStringLiteral("logAuthorFilter"));
    author->showPopup();
    f.room().settle();
    QTRY_VERIFY(author->findText(QStringLiteral("nagios (script)")) > 0);
    author->hidePopup();
    QVERIFY(author->findText(QStringLiteral("Ann Lee")) > 0);

    // Pinned from the log's menu; Pinned only lists it.
    clear->click();
    f.room().settle();
    QTRY_COMPARE(view->model()->rowCount(), 102);
    QVERIFY(!clear->isVisible());
    const QModelIndex text = view->model()->index(0, LogTableModel::TextColumn);
    QTRY_COMPARE(text.data().toString(), QStringLiteral("connection pool exhausted on db-2"));
    emit view->customContextMenuRequested(view->visualRect(text).center());
    auto *menu = f.find<QMenu>(QStringLiteral("logContextMenu"));
    QAction *pin = menu->findChild<QAction *>(QStringLiteral("pinEntryAction"));
    QVERIFY(pin);
    menu->close();
    pin->trigger();
    f.room().settle();
    QTRY_COMPARE(text.data().toString(), QStringLiteral("★ connection pool exhausted on db-2"));
    QVERIFY(store.keyMoments(f.incident())->contains(RecordRef{"log_entries", theory.id}));
    f.find<QCheckBox>(QStringLiteral("pinnedOnlyCheck"))->click();
    f.room().settle();
    QTRY_COMPARE(view->model()->rowCount(), 1);
    QTRY_COMPARE(view->model()->index(0, LogTableModel::TextColumn).data().toString(),
                 QStringLiteral("★ connection pool exhausted on db-2"));
    WindowFixture::shoot(f.window(), QStringLiteral("log-pinned-only"));
    // Unpinned from the same menu: the list is empty again.
    view->setCurrentIndex(view->model()->index(0, 0));
    emit view->customContextMenuRequested(
        view->visualRect(view->model()->index(0, LogTableModel::TextColumn)).center());
    menu = f.find<QMenu>(QStringLiteral("logContextMenu"));
    pin = menu->findChild<QAction *>(QStringLiteral("pinEntryAction"));
    QCOMPARE(pin->text(), QStringLiteral("Unpin"));
    menu->close();
    pin->trigger();
    f.room().settle();
    QTRY_COMPARE(view->model()->rowCount(), 0);
}

void TestCommanderWindow::anActAsksForTheNameWhenNoneIsKnown()
{
    // A desktop with no login name in the environment and no name typed yet.
    WindowFixture &f = *m_fixture;
    const QByteArray login = qgetenv("USER");
    const auto restore = qScopeGuard([&login] {
        qputenv("USER", login);
        UserIdentity::setName(QStringLiteral("Dana"));
    });
    qunsetenv("USER");
    UserIdentity::setName(QString());
    auto *nameBox = f.find<QLineEdit>(QStringLiteral("authorLineEdit"));
    QCOMPARE(nameBox->text(), QString());

    QString refusal;
    f.answer({{QStringLiteral("Who are you?"),
               [&refusal](QDialog &dialog) {
                   WindowFixture::submit(dialog); // no name: refused, asked again
                   refusal = dialog.findChild<QLabel *>(QStringLiteral("errorLabel"))->text();
                   WindowFixture::fill(dialog,
                                       {{QStringLiteral("name"), QStringLiteral("Priya Raman")}});
                   return WindowFixture::submit(dialog);
               }},
              {QStringLiteral("Ask the team"),
               WindowFixture::filledAndSubmitted(
                   {{QStringLiteral("question"), QStringLiteral("Is db-2 still the primary?")}})}});
    // The act goes on once the name is given: no dead end, nothing to do again.
    f.window().logActions()->askTeamAction()->trigger();
    QCOMPARE(refusal, QStringLiteral("Type your name: the war room records who did what."));
    QVERIFY2(f.errors().isEmpty(), qPrintable(f.errors().join(u'\n')));
    QCOMPARE(UserIdentity::name(), QStringLiteral("Priya Raman"));
    QCOMPARE(nameBox->text(), QStringLiteral("Priya Raman")); // the box under the log follows
    QTRY_VERIFY(f.room().store().logEntries(f.incident(), 1, 10)->size() == 1);
    const LogEntry asked = f.room().store().logEntries(f.incident(), 1, 10)->first();
    QCOMPARE(asked.author, QStringLiteral("Priya Raman"));
    QCOMPARE(asked.kind, LogKind::Question);
}

void TestCommanderWindow::correctionOutsideTheFilterStillMarksTheOriginal()
{
    // Reading Ann's entries only, while Sam corrects one of them: the reader must see at once
    // that the entry in front of them no longer stands.
    WindowFixture &f = *m_fixture;
    const LogEntry claim =
        f.room().addLog(f.incident(), QStringLiteral("db-2 is the primary"), LogKind::Hypothesis);
    f.room().settle();
    QTableView *view = logView();
    QTRY_COMPARE(view->model()->rowCount(), 1);
    auto *author = f.find<QComboBox>(QStringLiteral("logAuthorFilter"));
    author->showPopup();
    f.room().settle();
    QTRY_VERIFY(author->findText(QStringLiteral("Ann Lee")) > 0);
    author->hidePopup();
    author->setCurrentIndex(author->findText(QStringLiteral("Ann Lee")));
    f.room().settle();
    const QModelIndex text = view->model()->index(0, LogTableModel::TextColumn);
    QTRY_COMPARE(text.data().toString(), QStringLiteral("db-2 is the primary"));

    QVERIFY(f.room().store().appendLogEntry(
        {f.incident(), QStringLiteral("Sam"), LogKind::Hypothesis,
         QStringLiteral("db-3 is the primary, not db-2"), claim.id}));
    f.room().settle();
    QTRY_COMPARE(text.data().toString(), QStringLiteral("[corrected below] db-2 is the primary"));
    QVERIFY(text.data(Qt::FontRole).value<QFont>().strikeOut());
    QCOMPARE(view->model()->rowCount(), 1); // the correction itself stays filtered away
}

void TestCommanderWindow::correctionFarBelowMarksTheEntryBeingRead()
{
    // A reader scrolled up to an early entry while it is corrected 300 entries further down.
    WindowFixture &f = *m_fixture;
    const LogEntry claim = f.room().addLog(f.incident(), QStringLiteral("db-2 is the primary"));
    for (int i = 0; i < 300; ++i)
        f.room().addLog(f.incident(), QStringLiteral("checkout error rate %1%").arg(i));
    f.room().settle();
    QTRY_VERIFY(newestRowInSight());
    logView()->verticalScrollBar()->setValue(0);
    const QModelIndex text = logView()->model()->index(0, LogTableModel::TextColumn);
    QTRY_COMPARE(text.data().toString(), QStringLiteral("db-2 is the primary"));

    QVERIFY(f.room().store().appendLogEntry(
        {f.incident(), QStringLiteral("Sam"), LogKind::Observation,
         QStringLiteral("db-3 is the primary, not db-2"), claim.id}));
    f.room().settle();
    QTRY_COMPARE(text.data().toString(), QStringLiteral("[corrected below] db-2 is the primary"));
    QCOMPARE(logView()->verticalScrollBar()->value(), 0); // the reader's place is kept
}

QTEST_MAIN(TestCommanderWindow)
#include "tst_commanderwindow.moc"
