#include "aftermathactions.h"
#include "dialogs/debriefdialog.h"
#include "dialogs/knownproblemsdialog.h"
#include "dialogs/modalhook.h"
#include "dialogs/resolutioncomposer.h"
#include "incidentactions.h"
#include "livewarroom.h"
#include "mainwindow.h"
#include "useridentity.h"
#include "widgets/incidentview.h"
#include "widgets/knownproblembanner.h"
#include "windowfixture.h"

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
    void init();
    void cleanup();
    void optionsAreAddedAndChosenInTheirPanel();
    void changeStatusToResolvedTakesTheReport();
    void reportExportsFromTheWindow();
    void debriefMarksSavesAndAllowsClosing();
    void knownProblemIsSuggestedOnceAndDismissed();
    void resolutionCausePromotesToKnownProblem();

private:
    IncidentStatus status()
    {
        return m_fixture->room().store().incident(m_fixture->incident())->status;
    }
    // Resolved through the store, as another window or the command line would.
    void resolveInStore();

    std::unique_ptr<WindowFixture> m_fixture;
};

void TestAftermathWindow::init()
{
    m_fixture = std::make_unique<WindowFixture>();
}

void TestAftermathWindow::cleanup()
{
    const QStringList unanswered = m_fixture->unanswered();
    m_fixture.reset();
    QVERIFY2(unanswered.isEmpty(), qPrintable(unanswered.join(u", ")));
}

void TestAftermathWindow::resolveInStore()
{
    NewResolutionReport report;
    report.incidentId = m_fixture->incident();
    report.by = QStringLiteral("Dana");
    report.cause = QStringLiteral("A full disk stopped the order database.");
    report.done = QStringLiteral("We moved orders to the standby database.");
    report.remains = {{QStringLiteral("Add disk alerts"), QStringLiteral("Kim"),
                       m_fixture->room().clock().now().addDays(7)}};
    report.fullySolved = true;
    report.recurrence = QStringLiteral("Disk alerts now warn a day ahead.");
    QVERIFY2(m_fixture->room().store().resolve(report), "resolve");
    m_fixture->room().settle();
}

void TestAftermathWindow::optionsAreAddedAndChosenInTheirPanel()
{
    m_fixture->answer({{QStringLiteral("Add a solution option"),
                        WindowFixture::filledAndSubmitted(
                            {{QStringLiteral("title"), QStringLiteral("Roll back")},
                             {QStringLiteral("pros"), QStringLiteral("Orders back in 10 min")},
                             {QStringLiteral("cons"), QStringLiteral("Loses today's promo")}})}});
    m_fixture->window().incidentActions()->addOptionAction()->trigger();
    auto *tree = m_fixture->find<QTreeWidget>(QStringLiteral("optionsPanelTree"));
    QTRY_COMPARE(tree->topLevelItemCount(), 1);
    QCOMPARE(tree->topLevelItem(0)->text(1), QStringLiteral("Roll back"));
    auto *choose = m_fixture->find<QPushButton>(QStringLiteral("chooseOptionButton"));
    QVERIFY(!choose->isEnabled()); // nothing selected
    tree->setCurrentItem(tree->topLevelItem(0));
    QVERIFY(choose->isEnabled());
    m_fixture->answer({{QStringLiteral("Choose an option"),
                        WindowFixture::filledAndSubmitted(
                            {{QStringLiteral("why"), QStringLiteral("the promo can wait")}})}});
    choose->click();
    QTRY_VERIFY(m_fixture->find<QLabel>(QStringLiteral("optionsPanelSummaryLabel"))
                    ->text()
                    .contains(QStringLiteral("chosen: Roll back")));
    const auto options = m_fixture->room().store().options(m_fixture->incident());
    QVERIFY(options && options->size() == 1);
    QCOMPARE(options->constFirst().chosenWhy, QStringLiteral("the promo can wait"));
    QVERIFY(!choose->isEnabled()); // chosen already
    m_fixture->window().incidentView()->panels()->setCurrentWidget(
        m_fixture->find<QWidget>(QStringLiteral("optionsPanel")));
    WindowFixture::shoot(m_fixture->window(), QStringLiteral("options"));
}

void TestAftermathWindow::changeStatusToResolvedTakesTheReport()
{
    QVERIFY(!m_fixture->window().aftermathActions()->debriefAction()->isEnabled());
    int findings = -1;
    QString refusal;
    m_fixture->answer(
        {{QStringLiteral("Change status"),
          WindowFixture::filledAndSubmitted(
              {{QStringLiteral("status"), QStringLiteral("resolved")}})},
         {QStringLiteral("Resolve: the resolution report"), [&](QDialog &dialog) {
              // Half a report: refused, nothing written, everything typed still there.
              WindowFixture::fill(
                  dialog, {{QStringLiteral("cause"),
                            QStringLiteral("Maybe a full disk stopped the order database.")},
                           {QStringLiteral("done"),
                            QStringLiteral("We moved orders to the standby database.")}});
              findings = static_cast<ResolutionComposer &>(dialog).findingCount();
              WindowFixture::submit(dialog);
              refusal = dialog.findChild<QLabel *>(QStringLiteral("errorLabel"))->text();
              WindowFixture::shoot(dialog, QStringLiteral("resolution-refused"));
              if (dialog.result() == QDialog::Accepted)
                  return int(QDialog::Accepted);
              auto &composer = static_cast<ResolutionComposer &>(dialog);
              composer.addRemainingItem(QStringLiteral("Add disk alerts"), QStringLiteral("Kim"),
                                        QStringLiteral("+48h"));
              WindowFixture::fill(
                  dialog, {{QStringLiteral("fullySolved"), QStringLiteral("yes, fully solved")},
                           {QStringLiteral("recurrence"),
                            QStringLiteral("Disk alerts now warn a day ahead.")}});
              return WindowFixture::submit(dialog);
          }}});
    m_fixture->window().incidentActions()->changeStatusAction()->trigger();
    QVERIFY2(refusal.contains(QStringLiteral("what else still needs to be done")),
             qPrintable(refusal));
    QCOMPARE(findings, 1); // "Maybe" is hedging
    QTRY_COMPARE(status(), IncidentStatus::Resolved);
    const auto report = m_fixture->room().store().resolutionReport(m_fixture->incident());
    QVERIFY(report && report->has_value());
    QCOMPARE((*report)->cause, QStringLiteral("Maybe a full disk stopped the order database."));
    QCOMPARE((*report)->remains.size(), 1);
    QCOMPARE((*report)->remains.constFirst().owner, QStringLiteral("Kim"));
    QCOMPARE((*report)->remains.constFirst().due,
             m_fixture->room().clock().now().addSecs(48 * 3600));
    QCOMPARE(m_fixture->room().store().resolutionReport(m_fixture->incident())->value().fullySolved,
             true);
    m_fixture->room().settle();
    QTRY_VERIFY(m_fixture->window().aftermathActions()->debriefAction()->isEnabled());
    QVERIFY(!m_fixture->window().aftermathActions()->resolveAction()->isEnabled());
    QVERIFY(m_fixture->errors().isEmpty());
}

void TestAftermathWindow::reportExportsFromTheWindow()
{
    QVERIFY(!m_fixture->window().aftermathActions()->exportReportAction()->isEnabled());
    resolveInStore();
    QTRY_VERIFY(m_fixture->window().aftermathActions()->exportReportAction()->isEnabled());
    const QString markdown = m_fixture->room().pathFor(QStringLiteral("report.md"));
    const QString pdf =
        m_fixture->room().pathFor(QStringLiteral("report")); // the extension is added
    for (const QString &path : {markdown, pdf}) {
        ModalHook::setFileNameHandler([path](const QString &) { return path; });
        m_fixture->window().aftermathActions()->exportReportAction()->trigger();
        m_fixture->room().settle();
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
    ModalHook::setFileNameHandler([this](const QString &) { return m_fixture->room().path(); });
    m_fixture->window().aftermathActions()->exportReportAction()->trigger();
    m_fixture->room().settle();
    QVERIFY(QFile::exists(m_fixture->room().path() + QStringLiteral(".pdf")));
    QVERIFY(m_fixture->room().store().resolutionReport(m_fixture->incident()));
    QVERIFY(m_fixture->errors().isEmpty());
    // A place that cannot be written says so.
    ModalHook::setFileNameHandler([this](const QString &) {
        return m_fixture->room().pathFor(QStringLiteral("no/such/dir/r.md"));
    });
    m_fixture->window().aftermathActions()->exportReportAction()->trigger();
    m_fixture->room().settle();
    QCOMPARE(m_fixture->errors().size(), 1);
    QVERIFY2(m_fixture->errors().constFirst().contains(QStringLiteral("Cannot write")),
             qPrintable(m_fixture->errors().constFirst()));
}

void TestAftermathWindow::debriefMarksSavesAndAllowsClosing()
{
    const LogEntry theory = m_fixture->room().addLog(
        m_fixture->incident(), QStringLiteral("Disk full on db-1?"), LogKind::Hypothesis);
    resolveInStore();
    QTRY_VERIFY(m_fixture->window().aftermathActions()->closeAction()->isEnabled());
    // No debrief yet: closing says what it needs and changes nothing.
    m_fixture->window().aftermathActions()->closeAction()->trigger();
    QCOMPARE(m_fixture->errors().size(), 1);
    QVERIFY2(m_fixture->errors().constFirst().contains(QStringLiteral("Closing needs the debrief")),
             qPrintable(m_fixture->errors().constFirst()));
    QCOMPARE(status(), IncidentStatus::Resolved);

    QString figures;
    int timelineRows = 0;
    m_fixture->answer(
        {{QStringLiteral("Debrief: Checkout failing"),
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
              m_fixture->room().settle();
              WindowFixture::fill(
                  dialog, {{QStringLiteral("wentWell"), QStringLiteral("Failover was quick.")},
                           {QStringLiteral("wentBadly"), QStringLiteral("Disk alerts late.")},
                           {QStringLiteral("feedback"), QStringLiteral("Thanks for the calls.")},
                           {QStringLiteral("lessons"), QStringLiteral("Watch disk growth.")}});
              dialog.findChild<QPushButton *>(QStringLiteral("saveDebriefButton"))->click();
              m_fixture->room().settle();
              dialog.findChild<QPushButton *>(QStringLiteral("addActionItemButton"))->click();
              m_fixture->room().settle();
              while (debrief.document().actions.size() < 2)
                  QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
              WindowFixture::shoot(dialog, QStringLiteral("debrief"));
              return int(QDialog::Rejected);
          }},
         {QStringLiteral("Add an action item"),
          WindowFixture::filledAndSubmitted(
              {{QStringLiteral("what"), QStringLiteral("Disk growth report")},
               {QStringLiteral("owner"), QStringLiteral("Lee")},
               {QStringLiteral("due"), QStringLiteral("2026-12-31")}})},
         {QStringLiteral("Close the incident"),
          WindowFixture::filledAndSubmitted(
              {{QStringLiteral("doing"), QStringLiteral("Stable for a day")}})}});
    m_fixture->window().aftermathActions()->debriefAction()->trigger();
    QVERIFY2(figures.contains(QStringLiteral("Time to resolve")), qPrintable(figures));
    QVERIFY(timelineRows >= 3);
    const auto key = m_fixture->room().store().keyMoments(m_fixture->incident());
    QVERIFY(key && key->contains(RecordRef{QStringLiteral("log_entries"), theory.id}));
    const auto saved = m_fixture->room().store().debrief(m_fixture->incident());
    QVERIFY(saved && saved->has_value());
    QCOMPARE((*saved)->lessons, QStringLiteral("Watch disk growth."));
    const auto actions = m_fixture->room().store().actionItems(m_fixture->incident());
    QVERIFY(actions && actions->size() == 2);
    QCOMPARE(actions->at(1).owner, QStringLiteral("Lee"));
    QCOMPARE(actions->at(1).source, ActionSource::Debrief);

    QTRY_VERIFY(m_fixture->window().live().incident().debrief.has_value());
    m_fixture->window().aftermathActions()->closeAction()->trigger();
    QTRY_COMPARE(status(), IncidentStatus::Closed);
    QCOMPARE(m_fixture->errors().size(), 1);
}

void TestAftermathWindow::knownProblemIsSuggestedOnceAndDismissed()
{
    NewKnownProblem known;
    known.by = QStringLiteral("Kim");
    known.symptom = QStringLiteral("Checkout times out after a database failover");
    known.workaround = QStringLiteral("Restart the checkout service once the failover is done.");
    const auto id = m_fixture->room().store().addKnownProblem(known);
    QVERIFY(id);
    auto *banner = m_fixture->window().incidentView()->knownProblemBanner();
    m_fixture->room().addLog(m_fixture->incident(),
                             QStringLiteral("Checkout times out since the database failover"));
    m_fixture->room().settle();
    QTRY_VERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(known.workaround), qPrintable(banner->text()));
    WindowFixture::shoot(m_fixture->window(), QStringLiteral("known-problem-banner"));
    QTRY_COMPARE(m_fixture->room().store().sightings(m_fixture->incident())->size(), 1);
    QCOMPARE(m_fixture->room().store().sightings(m_fixture->incident())->constFirst().how,
             Sighting::Suggested);

    banner->findChild<QToolButton *>(QStringLiteral("knownProblemDismissButton"))->click();
    QVERIFY(!banner->isVisible());
    m_fixture->room().settle();
    const auto seen = m_fixture->room().store().sightings(m_fixture->incident());
    QCOMPARE(seen->size(), 2);
    QCOMPARE(seen->at(1).how, Sighting::Dismissed);
    // Once: shown again, and more of the same symptom logged, it does not come back.
    m_fixture->window().incidentView()->showIncident(m_fixture->incident());
    m_fixture->room().addLog(m_fixture->incident(),
                             QStringLiteral("Checkout still times out after the failover"));
    m_fixture->room().settle();
    QTest::qWait(50);
    m_fixture->room().settle();
    QVERIFY(!banner->isVisible());
    QCOMPARE(m_fixture->room().store().sightings(m_fixture->incident())->size(), 2);

    // Another incident that does not look like it gets no suggestion.
    const qint64 other = m_fixture->room().addIncident(QStringLiteral("Reports are slow"));
    m_fixture->room().addLog(other, QStringLiteral("The monthly report takes ten minutes"));
    m_fixture->window().incidentView()->showIncident(other);
    m_fixture->room().settle();
    QTest::qWait(50);
    m_fixture->room().settle();
    QVERIFY(!banner->isVisible());
    QVERIFY(m_fixture->room().store().sightings(other)->isEmpty());
}

void TestAftermathWindow::resolutionCausePromotesToKnownProblem()
{
    resolveInStore();
    QTRY_VERIFY(m_fixture->window().live().incident().report.has_value());
    int listed = -1;
    m_fixture->answer(
        {{QStringLiteral("Known problems and workarounds"),
          [&](QDialog &dialog) {
              auto &book = static_cast<KnownProblemsDialog &>(dialog);
              while (!book.isLoaded())
                  QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
              dialog.findChild<QPushButton *>(QStringLiteral("promoteCauseButton"))->click();
              m_fixture->room().settle();
              QTest::qWait(20);
              m_fixture->room().settle();
              listed = book.list()->topLevelItemCount();
              WindowFixture::shoot(dialog, QStringLiteral("known-problems"));
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
              WindowFixture::fill(
                  dialog,
                  {{QStringLiteral("symptom"), QStringLiteral("Orders stop being accepted")},
                   {QStringLiteral("workaround"), QStringLiteral("Move to the standby")}});
              return WindowFixture::submit(dialog);
          }}});
    m_fixture->window().aftermathActions()->knownProblemsAction()->trigger();
    QCOMPARE(listed, 1);
    const auto book = m_fixture->room().store().knownProblems();
    QVERIFY(book && book->size() == 1);
    QCOMPARE(book->constFirst().cause, QStringLiteral("A full disk stopped the order database."));
    QCOMPARE(book->constFirst().fromIncidentId, m_fixture->incident());
    QCOMPARE(book->constFirst().incidents, QList<qint64>{m_fixture->incident()});
}

QTEST_MAIN(TestAftermathWindow)
#include "tst_aftermathwindow.moc"
