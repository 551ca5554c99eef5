#include "aftermathactions.h"
#include "dialogs/debriefdialog.h"
#include "dialogs/knownproblemsdialog.h"
#include "dialogs/modalhook.h"
#include "dialogs/resolutioncomposer.h"
#include "incidentactions.h"
#include "livewarroom.h"
#include "mainwindow.h"
#include "scratchwarroom.h"
#include "useridentity.h"
#include "widgets/incidentview.h"
#include "widgets/knownproblembanner.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

// After the crisis, through the real window, offscreen: options, the resolution report, the
// debrief, closing, and the known problems.
class TestAftermathWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void optionsAreAddedAndChosenInTheirPanel();
    void changeStatusToResolvedTakesTheReport();
    void reportExportsFromTheWindow();
    void debriefMarksSavesAndAllowsClosing();
    void knownProblemIsSuggestedOnceAndDismissed();
    void resolutionCausePromotesToKnownProblem();

private:
    using Answer = std::function<int(QDialog &)>;
    // Answers each dialog by its window title; a dialog without an answer fails the test.
    void answer(const QHash<QString, Answer> &answers);
    // Fills fields by object name ("<key>LineEdit", "<key>TextEdit", "<key>ComboBox").
    static void fill(QDialog &dialog, const QHash<QString, QString> &fields);
    static int submit(QDialog &dialog);
    static Answer filledAndSubmitted(const QHash<QString, QString> &fields)
    {
        return [fields](QDialog &dialog) {
            fill(dialog, fields);
            return submit(dialog);
        };
    }
    static void waitForAnswer(QDialog &dialog);
    // Pictures for people, when WARROOM_SHOTS names a folder.
    static void shoot(QWidget &widget, const QString &name)
    {
        if (const QByteArray folder = qgetenv("WARROOM_SHOTS"); !folder.isEmpty())
            widget.grab().save(QString::fromLocal8Bit(folder) + u'/' + name +
                               QStringLiteral(".png"));
    }
    template <typename T> T *find(const QString &name)
    {
        T *widget = m_window->findChild<T *>(name);
        if (!widget)
            qFatal("no widget %s", qPrintable(name));
        return widget;
    }
    IncidentStatus status() { return m_room->store().incident(m_incident)->status; }
    // Resolved through the store, as another window or the command line would.
    void resolveInStore();

    std::unique_ptr<ScratchWarRoom> m_room;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_incident = 0;
    QStringList m_errors;
    QStringList m_unanswered;
};

void TestAftermathWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestAftermathWindow::init()
{
    UserIdentity::setName(QStringLiteral("Dana"));
    m_room = std::make_unique<ScratchWarRoom>();
    m_incident = m_room->addIncident();
    m_window = std::make_unique<MainWindow>(m_room->windowStore(), m_room->clock());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_room->settle();
    m_errors.clear();
    m_unanswered.clear();
    ModalHook::setMessageHandler(
        [this](const QString &, const QString &text) { m_errors.append(text); });
}

void TestAftermathWindow::cleanup()
{
    ModalHook::setDialogHandler({});
    ModalHook::setMessageHandler({});
    ModalHook::setFileNameHandler({});
    QVERIFY2(m_unanswered.isEmpty(), qPrintable(m_unanswered.join(u", ")));
    m_window.reset();
    m_room.reset();
}

void TestAftermathWindow::answer(const QHash<QString, Answer> &answers)
{
    ModalHook::setDialogHandler([this, answers](QDialog &dialog) {
        const auto found = answers.constFind(dialog.windowTitle());
        if (found == answers.cend()) {
            m_unanswered.append(dialog.windowTitle());
            return int(QDialog::Rejected);
        }
        return (*found)(dialog);
    });
}

void TestAftermathWindow::fill(QDialog &dialog, const QHash<QString, QString> &fields)
{
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        if (auto *line = dialog.findChild<QLineEdit *>(it.key() + QStringLiteral("LineEdit")))
            line->setText(it.value());
        else if (auto *text =
                     dialog.findChild<QPlainTextEdit *>(it.key() + QStringLiteral("TextEdit")))
            text->setPlainText(it.value());
        else if (auto *combo = dialog.findChild<QComboBox *>(it.key() + QStringLiteral("ComboBox")))
            combo->setCurrentIndex(combo->findText(it.value()));
        else
            qFatal("dialog has no field %s", qPrintable(it.key()));
    }
}

int TestAftermathWindow::submit(QDialog &dialog)
{
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("submitButton")),
                      Qt::LeftButton);
    waitForAnswer(dialog);
    return dialog.result();
}

void TestAftermathWindow::waitForAnswer(QDialog &dialog)
{
    while (dialog.property("waitingForAnswer").toBool())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

void TestAftermathWindow::resolveInStore()
{
    NewResolutionReport report;
    report.incidentId = m_incident;
    report.by = QStringLiteral("Dana");
    report.cause = QStringLiteral("A full disk stopped the order database.");
    report.done = QStringLiteral("We moved orders to the standby database.");
    report.remains = {{QStringLiteral("Add disk alerts"), QStringLiteral("Kim"),
                       m_room->clock().now().addDays(7)}};
    report.fullySolved = true;
    report.recurrence = QStringLiteral("Disk alerts now warn a day ahead.");
    QVERIFY2(m_room->store().resolve(report), "resolve");
    m_room->settle();
}

void TestAftermathWindow::optionsAreAddedAndChosenInTheirPanel()
{
    answer(
        {{QStringLiteral("Add a solution option"),
          filledAndSubmitted({{QStringLiteral("title"), QStringLiteral("Roll back")},
                              {QStringLiteral("pros"), QStringLiteral("Orders back in 10 min")},
                              {QStringLiteral("cons"), QStringLiteral("Loses today's promo")}})}});
    m_window->incidentActions()->addOptionAction()->trigger();
    auto *tree = find<QTreeWidget>(QStringLiteral("optionsPanelTree"));
    QTRY_COMPARE(tree->topLevelItemCount(), 1);
    QCOMPARE(tree->topLevelItem(0)->text(1), QStringLiteral("Roll back"));
    auto *choose = find<QPushButton>(QStringLiteral("chooseOptionButton"));
    QVERIFY(!choose->isEnabled()); // nothing selected
    tree->setCurrentItem(tree->topLevelItem(0));
    QVERIFY(choose->isEnabled());
    answer({{QStringLiteral("Choose an option"),
             filledAndSubmitted({{QStringLiteral("why"), QStringLiteral("the promo can wait")}})}});
    choose->click();
    QTRY_VERIFY(find<QLabel>(QStringLiteral("optionsPanelSummaryLabel"))
                    ->text()
                    .contains(QStringLiteral("chosen: Roll back")));
    const auto options = m_room->store().options(m_incident);
    QVERIFY(options && options->size() == 1);
    QCOMPARE(options->constFirst().chosenWhy, QStringLiteral("the promo can wait"));
    QVERIFY(!choose->isEnabled()); // chosen already
    m_window->incidentView()->panels()->setCurrentWidget(
        find<QWidget>(QStringLiteral("optionsPanel")));
    shoot(*m_window, QStringLiteral("options"));
}

void TestAftermathWindow::changeStatusToResolvedTakesTheReport()
{
    QVERIFY(!m_window->aftermathActions()->debriefAction()->isEnabled());
    int findings = -1;
    QString refusal;
    answer({{QStringLiteral("Change status"),
             filledAndSubmitted({{QStringLiteral("status"), QStringLiteral("resolved")}})},
            {QStringLiteral("Resolve: the resolution report"), [&](QDialog &dialog) {
                 // Half a report: refused, nothing written, everything typed still there.
                 fill(dialog, {{QStringLiteral("cause"),
                                QStringLiteral("Maybe a full disk stopped the order database.")},
                               {QStringLiteral("done"),
                                QStringLiteral("We moved orders to the standby database.")}});
                 findings = static_cast<ResolutionComposer &>(dialog).findingCount();
                 submit(dialog);
                 refusal = dialog.findChild<QLabel *>(QStringLiteral("errorLabel"))->text();
                 shoot(dialog, QStringLiteral("resolution-refused"));
                 if (dialog.result() == QDialog::Accepted)
                     return int(QDialog::Accepted);
                 auto &composer = static_cast<ResolutionComposer &>(dialog);
                 composer.addRemainingItem(QStringLiteral("Add disk alerts"), QStringLiteral("Kim"),
                                           QStringLiteral("+48h"));
                 fill(dialog, {{QStringLiteral("fullySolved"), QStringLiteral("yes, fully solved")},
                               {QStringLiteral("recurrence"),
                                QStringLiteral("Disk alerts now warn a day ahead.")}});
                 return submit(dialog);
             }}});
    m_window->incidentActions()->changeStatusAction()->trigger();
    QVERIFY2(refusal.contains(QStringLiteral("what else still needs to be done")),
             qPrintable(refusal));
    QCOMPARE(findings, 1); // "Maybe" is hedging
    QTRY_COMPARE(status(), IncidentStatus::Resolved);
    const auto report = m_room->store().resolutionReport(m_incident);
    QVERIFY(report && report->has_value());
    QCOMPARE((*report)->cause, QStringLiteral("Maybe a full disk stopped the order database."));
    QCOMPARE((*report)->remains.size(), 1);
    QCOMPARE((*report)->remains.constFirst().owner, QStringLiteral("Kim"));
    QCOMPARE((*report)->remains.constFirst().due, m_room->clock().now().addSecs(48 * 3600));
    QCOMPARE(m_room->store().resolutionReport(m_incident)->value().fullySolved, true);
    m_room->settle();
    QTRY_VERIFY(m_window->aftermathActions()->debriefAction()->isEnabled());
    QVERIFY(!m_window->aftermathActions()->resolveAction()->isEnabled());
    QVERIFY(m_errors.isEmpty());
}

void TestAftermathWindow::reportExportsFromTheWindow()
{
    QVERIFY(!m_window->aftermathActions()->exportReportAction()->isEnabled());
    resolveInStore();
    QTRY_VERIFY(m_window->aftermathActions()->exportReportAction()->isEnabled());
    const QString markdown = m_room->pathFor(QStringLiteral("report.md"));
    const QString pdf = m_room->pathFor(QStringLiteral("report")); // the extension is added
    for (const QString &path : {markdown, pdf}) {
        ModalHook::setFileNameHandler([path](const QString &) { return path; });
        m_window->aftermathActions()->exportReportAction()->trigger();
        m_room->settle();
    }
    QFile md(markdown);
    QVERIFY(md.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(md.readAll());
    QVERIFY2(text.contains(QStringLiteral("A full disk stopped the order database.")),
             qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Add disk alerts")));
    QFile written(pdf + QStringLiteral(".pdf"));
    QVERIFY(written.open(QIODevice::ReadOnly));
    QVERIFY(written.read(5) == "%PDF-");
    // Picking the war room's own file writes a PDF beside it, never over it.
    ModalHook::setFileNameHandler([this](const QString &) { return m_room->path(); });
    m_window->aftermathActions()->exportReportAction()->trigger();
    m_room->settle();
    QVERIFY(QFile::exists(m_room->path() + QStringLiteral(".pdf")));
    QVERIFY(m_room->store().resolutionReport(m_incident));
    QVERIFY(m_errors.isEmpty());
    // A place that cannot be written says so.
    ModalHook::setFileNameHandler(
        [this](const QString &) { return m_room->pathFor(QStringLiteral("no/such/dir/r.md")); });
    m_window->aftermathActions()->exportReportAction()->trigger();
    m_room->settle();
    QCOMPARE(m_errors.size(), 1);
    QVERIFY2(m_errors.constFirst().contains(QStringLiteral("Cannot write")),
             qPrintable(m_errors.constFirst()));
}

void TestAftermathWindow::debriefMarksSavesAndAllowsClosing()
{
    const LogEntry theory =
        m_room->addLog(m_incident, QStringLiteral("Disk full on db-1?"), LogKind::Hypothesis);
    resolveInStore();
    QTRY_VERIFY(m_window->aftermathActions()->closeAction()->isEnabled());
    // No debrief yet: closing says what it needs and changes nothing.
    m_window->aftermathActions()->closeAction()->trigger();
    QCOMPARE(m_errors.size(), 1);
    QVERIFY2(m_errors.constFirst().contains(QStringLiteral("Closing needs the debrief")),
             qPrintable(m_errors.constFirst()));
    QCOMPARE(status(), IncidentStatus::Resolved);

    QString figures;
    int timelineRows = 0;
    answer({{QStringLiteral("Debrief: Checkout failing"),
             [&](QDialog &dialog) {
                 auto &debrief = static_cast<DebriefDialog &>(dialog);
                 while (!debrief.isLoaded())
                     QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
                 figures = dialog.findChild<QLabel *>(QStringLiteral("figuresLabel"))->text();
                 QTreeWidget *timeline = debrief.timeline();
                 timelineRows = timeline->topLevelItemCount();
                 // Mark the theory as a key moment.
                 for (int row = 0; row < timeline->topLevelItemCount(); ++row) {
                     if (timeline->topLevelItem(row)->text(5) == theory.text)
                         timeline->topLevelItem(row)->setCheckState(0, Qt::Checked);
                 }
                 m_room->settle();
                 fill(dialog,
                      {{QStringLiteral("wentWell"), QStringLiteral("Failover was quick.")},
                       {QStringLiteral("wentBadly"), QStringLiteral("Disk alerts late.")},
                       {QStringLiteral("feedback"), QStringLiteral("Thanks for the calls.")},
                       {QStringLiteral("lessons"), QStringLiteral("Watch disk growth.")}});
                 dialog.findChild<QPushButton *>(QStringLiteral("saveDebriefButton"))->click();
                 m_room->settle();
                 dialog.findChild<QPushButton *>(QStringLiteral("addActionItemButton"))->click();
                 m_room->settle();
                 while (debrief.document().actions.size() < 2)
                     QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
                 shoot(dialog, QStringLiteral("debrief"));
                 return int(QDialog::Rejected);
             }},
            {QStringLiteral("Add an action item"),
             filledAndSubmitted({{QStringLiteral("what"), QStringLiteral("Disk growth report")},
                                 {QStringLiteral("owner"), QStringLiteral("Lee")},
                                 {QStringLiteral("due"), QStringLiteral("2026-12-31")}})},
            {QStringLiteral("Close the incident"),
             filledAndSubmitted({{QStringLiteral("doing"), QStringLiteral("Stable for a day")}})}});
    m_window->aftermathActions()->debriefAction()->trigger();
    QVERIFY2(figures.contains(QStringLiteral("Time to resolve")), qPrintable(figures));
    QVERIFY(timelineRows >= 3);
    const auto key = m_room->store().keyMoments(m_incident);
    QVERIFY(key && key->contains(RecordRef{QStringLiteral("log_entries"), theory.id}));
    const auto saved = m_room->store().debrief(m_incident);
    QVERIFY(saved && saved->has_value());
    QCOMPARE((*saved)->lessons, QStringLiteral("Watch disk growth."));
    const auto actions = m_room->store().actionItems(m_incident);
    QVERIFY(actions && actions->size() == 2);
    QCOMPARE(actions->at(1).owner, QStringLiteral("Lee"));
    QCOMPARE(actions->at(1).source, ActionSource::Debrief);

    QTRY_VERIFY(m_window->live().incident().debrief.has_value());
    m_window->aftermathActions()->closeAction()->trigger();
    QTRY_COMPARE(status(), IncidentStatus::Closed);
    QCOMPARE(m_errors.size(), 1);
}

void TestAftermathWindow::knownProblemIsSuggestedOnceAndDismissed()
{
    NewKnownProblem known;
    known.by = QStringLiteral("Kim");
    known.symptom = QStringLiteral("Checkout times out after a database failover");
    known.workaround = QStringLiteral("Restart the checkout service once the failover is done.");
    const auto id = m_room->store().addKnownProblem(known);
    QVERIFY(id);
    auto *banner = m_window->incidentView()->knownProblemBanner();
    m_room->addLog(m_incident, QStringLiteral("Checkout times out since the database failover"));
    m_room->settle();
    QTRY_VERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(known.workaround), qPrintable(banner->text()));
    shoot(*m_window, QStringLiteral("known-problem-banner"));
    QTRY_COMPARE(m_room->store().sightings(m_incident)->size(), 1);
    QCOMPARE(m_room->store().sightings(m_incident)->constFirst().how, Sighting::Suggested);

    banner->findChild<QToolButton *>(QStringLiteral("knownProblemDismissButton"))->click();
    QVERIFY(!banner->isVisible());
    m_room->settle();
    const auto seen = m_room->store().sightings(m_incident);
    QCOMPARE(seen->size(), 2);
    QCOMPARE(seen->at(1).how, Sighting::Dismissed);
    // Once: shown again, and more of the same symptom logged, it does not come back.
    m_window->incidentView()->showIncident(m_incident);
    m_room->addLog(m_incident, QStringLiteral("Checkout still times out after the failover"));
    m_room->settle();
    QTest::qWait(50);
    m_room->settle();
    QVERIFY(!banner->isVisible());
    QCOMPARE(m_room->store().sightings(m_incident)->size(), 2);

    // Another incident that does not look like it gets no suggestion.
    const qint64 other = m_room->addIncident(QStringLiteral("Reports are slow"));
    m_room->addLog(other, QStringLiteral("The monthly report takes ten minutes"));
    m_window->incidentView()->showIncident(other);
    m_room->settle();
    QTest::qWait(50);
    m_room->settle();
    QVERIFY(!banner->isVisible());
    QVERIFY(m_room->store().sightings(other)->isEmpty());
}

void TestAftermathWindow::resolutionCausePromotesToKnownProblem()
{
    resolveInStore();
    QTRY_VERIFY(m_window->live().incident().report.has_value());
    int listed = -1;
    answer({{QStringLiteral("Known problems and workarounds"),
             [&](QDialog &dialog) {
                 auto &book = static_cast<KnownProblemsDialog &>(dialog);
                 while (!book.isLoaded())
                     QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
                 dialog.findChild<QPushButton *>(QStringLiteral("promoteCauseButton"))->click();
                 m_room->settle();
                 QTest::qWait(20);
                 m_room->settle();
                 listed = book.list()->topLevelItemCount();
                 shoot(dialog, QStringLiteral("known-problems"));
                 dialog.findChild<QLineEdit *>(QStringLiteral("searchLineEdit"))
                     ->setText(QStringLiteral("nothing like it"));
                 if (book.list()->topLevelItemCount() != 0)
                     listed = -2;
                 return int(QDialog::Rejected);
             }},
            {QStringLiteral("Add a known problem"), [](QDialog &dialog) {
                 // The cause is filled in from the report; the rest is the user's.
                 const QString cause =
                     dialog.findChild<QPlainTextEdit *>(QStringLiteral("causeTextEdit"))
                         ->toPlainText();
                 if (cause != QStringLiteral("A full disk stopped the order database."))
                     return int(QDialog::Rejected);
                 fill(dialog,
                      {{QStringLiteral("symptom"), QStringLiteral("Orders stop being accepted")},
                       {QStringLiteral("workaround"), QStringLiteral("Move to the standby")}});
                 return submit(dialog);
             }}});
    m_window->aftermathActions()->knownProblemsAction()->trigger();
    QCOMPARE(listed, 1);
    const auto book = m_room->store().knownProblems();
    QVERIFY(book && book->size() == 1);
    QCOMPARE(book->constFirst().cause, QStringLiteral("A full disk stopped the order database."));
    QCOMPARE(book->constFirst().fromIncidentId, m_incident);
    QCOMPARE(book->constFirst().incidents, QList<qint64>{m_incident});
}

QTEST_MAIN(TestAftermathWindow)
#include "tst_aftermathwindow.moc"
