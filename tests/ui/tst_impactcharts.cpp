#include "charts/chartrenderer.h"
#include "charts/impactcharts.h"
#include "dialogs/modalhook.h"
#include "incidentactions.h"
#include "mainwindow.h"
#include "scratchwarroom.h"
#include "useridentity.h"
#include "widgets/incidentview.h"
#include "windowfixture.h"

#include <QAction>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDialog>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QScatterSeries>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

// Charts are checked as numbers (their series) and as a real PDF page turned into pixels.
class TestImpactCharts : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void chartSeriesAreTheTimeline();
    void chartsRenderIntoPdfPage();
    void markersCloserThanTheirWidthAreDrawnAsOne();
    void panelChartTakesNewDataInPlace();
    void assessAndOverrideThroughWindow();
    void severityRulesAreEditedInSettings();

private:
    void seedStory();
    template <typename Series> Series *series(QChart *chart, const QString &name)
    {
        for (QAbstractSeries *s : chart->series()) {
            if (s->name() == name)
                return qobject_cast<Series *>(s);
        }
        return nullptr;
    }
    static QString run(const QString &program, const QStringList &arguments);

    std::unique_ptr<ScratchWarRoom> m_room;
    qint64 m_incident = 0;
};

void TestImpactCharts::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestImpactCharts::init()
{
    m_room = std::make_unique<ScratchWarRoom>();
    m_incident = m_room->addIncident();
}

void TestImpactCharts::cleanup()
{
    ModalHook::setDialogHandler({});
    m_room.reset();
}

void TestImpactCharts::seedStory()
{
    IncidentStore &store = m_room->store();
    ManualClock &clock = m_room->clock();
    auto assess = [&](qint64 affected, QList<AffectedFunction> functions) {
        ImpactAssessment a;
        a.incidentId = m_incident;
        a.by = QStringLiteral("Ann");
        a.affectedUsers = affected;
        a.totalUsers = 40000;
        a.functions = std::move(functions);
        QVERIFY(store.assessImpact(a, {}));
    };
    clock.advanceSecs(5 * 60);
    assess(12000, {{QStringLiteral("Checkout"), FunctionState::Down}});
    const auto met =
        store.commit({m_incident, QStringLiteral("Roll back"), QStringLiteral("Bob"),
                      clock.now().addSecs(900), QStringLiteral("w"), QStringLiteral("Ann")});
    QTRY_VERIFY(met);
    QVERIFY(store.commit({m_incident, QStringLiteral("Failover"), QStringLiteral("Kim"),
                          clock.now().addSecs(1200), QStringLiteral("w"), QStringLiteral("Ann")}));
    clock.advanceSecs(10 * 60);
    QVERIFY(store.markMet(*met, QStringLiteral("Bob")));
    QVERIFY(store.changeStatus({m_incident, QStringLiteral("Ann"), IncidentStatus::Mitigating,
                                QStringLiteral("rolled back"), clock.now().addSecs(1800),
                                QStringLiteral("w")}));
    clock.advanceSecs(10 * 60);
    assess(3000, {{QStringLiteral("Checkout"), FunctionState::Degraded}});
    clock.advanceSecs(15 * 60); // the failover deadline has passed
}

QString TestImpactCharts::run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted(10000))
        qFatal("%s is missing (poppler-utils): the PDF cannot be checked", qPrintable(program));
    process.waitForFinished(60000);
    if (process.exitCode() != 0)
        qFatal("%s failed: %s", qPrintable(program), process.readAllStandardError().constData());
    return QString::fromUtf8(process.readAllStandardOutput());
}

void TestImpactCharts::chartSeriesAreTheTimeline()
{
    seedStory();
    IncidentStore &store = m_room->store();
    const ImpactTimeline timeline =
        buildImpactTimeline(*store.impactAssessments(m_incident), *store.statusChanges(m_incident),
                            *store.commitments(m_incident), store.incident(m_incident)->openedAt,
                            m_room->clock().now());
    std::unique_ptr<QChart> chart(ImpactCharts::impactOverTime(timeline));
    QTRY_COMPARE(series<QLineSeries>(chart.get(), QStringLiteral("Affected users"))->points(),
                 timeline.affectedUsers);
    QTRY_COMPARE(series<QLineSeries>(chart.get(), QStringLiteral("Functions down"))->points(),
                 timeline.functionsDown);
    QTRY_COMPARE(series<QLineSeries>(chart.get(), QStringLiteral("Functions degraded"))->points(),
                 timeline.functionsDegraded);
    QTRY_COMPARE(series<QScatterSeries>(chart.get(), QStringLiteral("Status change"))->count(), 1);
    QTRY_COMPARE(series<QScatterSeries>(chart.get(), QStringLiteral("Deadline met"))->count(), 1);
    QTRY_COMPARE(series<QScatterSeries>(chart.get(), QStringLiteral("Deadline missed"))->count(),
                 1);
    QTRY_COMPARE(timeline.affectedUsers.first().y(), 12000);
    QTRY_COMPARE(timeline.affectedUsers.last().y(), 3000);

    const CommitmentTally tally =
        buildCommitmentTally(*store.commitments(m_incident), store.incident(m_incident)->openedAt,
                             m_room->clock().now());
    std::unique_ptr<QChart> commitments(ImpactCharts::commitmentsMetMissed(tally));
    QTRY_COMPARE(series<QLineSeries>(commitments.get(), QStringLiteral("Met"))->points(),
                 tally.met);
    QTRY_COMPARE(
        series<QLineSeries>(commitments.get(), QStringLiteral("Missed"))->points().last().y(), 1);
}

void TestImpactCharts::markersCloserThanTheirWidthAreDrawnAsOne()
{
    // A week of ten thousand deadlines missed a minute apart, and two met far from each other.
    const QDateTime start(QDate(2026, 11, 20), QTime(9, 0), Qt::UTC);
    ImpactTimeline timeline;
    timeline.start = start;
    timeline.end = start.addDays(7);
    for (int n = 0; n < 10000; ++n)
        timeline.markers.append({start.addSecs(60 * n), MarkerKind::DeadlineMissed, {}});
    timeline.markers.append({start.addSecs(3600), MarkerKind::DeadlineMet, {}});
    timeline.markers.append({start.addDays(6), MarkerKind::DeadlineMet, {}});
    std::unique_ptr<QChart> chart(ImpactCharts::impactOverTime(timeline));

    const QList<QPointF> missed =
        series<QScatterSeries>(chart.get(), QStringLiteral("Deadline missed"))->points();
    QVERIFY2(missed.size() <= ImpactCharts::kMarkerSlots,
             qPrintable(QString::number(missed.size())));
    // The ten thousand span 6.9 days of the 7: they fill nearly every slot, first to last.
    QVERIFY2(missed.size() >= ImpactCharts::kMarkerSlots * 6.9 / 7 - 1,
             qPrintable(QString::number(missed.size())));
    QCOMPARE(missed.first().x(), double(start.toMSecsSinceEpoch()));
    const double slotMs = double(start.msecsTo(timeline.end)) / ImpactCharts::kMarkerSlots;
    for (qsizetype i = 1; i < missed.size(); ++i)
        QVERIFY(missed.at(i).x() - missed.at(i - 1).x() <= 2 * slotMs);
    QVERIFY(double(start.addSecs(60 * 9999).toMSecsSinceEpoch()) - missed.last().x() < slotMs);
    // Markers apart are each drawn.
    QCOMPARE(series<QScatterSeries>(chart.get(), QStringLiteral("Deadline met"))->count(), 2);
}

void TestImpactCharts::panelChartTakesNewDataInPlace()
{
    UserIdentity::setName(QStringLiteral("Dana"));
    MainWindow window(m_room->windowStore(), m_room->clock());
    window.show();
    auto *view = window.findChild<QChartView *>(QStringLiteral("impactChartView"));
    QTRY_VERIFY(window.findChild<QLabel *>(QStringLiteral("impactSummaryLabel"))
                    ->text()
                    .startsWith(QStringLiteral("Impact not assessed yet")));
    const QPointer<QChart> shown = view->chart(); // null once deleted: an address can be reused
    QVERIFY(series<QScatterSeries>(shown.data(), QStringLiteral("Deadline met")));

    // Deadlines come and are met: the chart shown takes them, it is not built again.
    IncidentStore &store = m_room->store();
    const auto met = store.commit({m_incident, QStringLiteral("Roll back"), QStringLiteral("Bob"),
                                   m_room->clock().now().addSecs(900), QStringLiteral("w"),
                                   QStringLiteral("Ann")});
    QVERIFY(met);
    m_room->clock().advanceSecs(300);
    QVERIFY(store.markMet(*met, QStringLiteral("Bob")));
    m_room->settle();
    QTRY_COMPARE(series<QScatterSeries>(view->chart(), QStringLiteral("Deadline met"))->count(), 1);
    QVERIFY(shown);
    QCOMPARE(view->chart(), shown.data());

    // The other chart is another chart; back again, the impact chart is whole.
    auto *choice = window.findChild<QComboBox *>(QStringLiteral("chartComboBox"));
    choice->setCurrentIndex(1);
    QVERIFY(series<QLineSeries>(view->chart(), QStringLiteral("Met")));
    choice->setCurrentIndex(0);
    QCOMPARE(series<QScatterSeries>(view->chart(), QStringLiteral("Deadline met"))->count(), 1);
    QTabWidget *tabs = window.incidentView()->panels();
    tabs->setCurrentIndex(
        tabs->indexOf(window.findChild<QWidget *>(QStringLiteral("impactPanel"))));
    WindowFixture::shoot(window, QStringLiteral("impact-chart"));
}

void TestImpactCharts::chartsRenderIntoPdfPage()
{
    seedStory();
    IncidentStore &store = m_room->store();
    const QDateTime opened = store.incident(m_incident)->openedAt;
    std::unique_ptr<QChart> impact(ImpactCharts::impactOverTime(
        buildImpactTimeline(*store.impactAssessments(m_incident), *store.statusChanges(m_incident),
                            *store.commitments(m_incident), opened, m_room->clock().now())));
    std::unique_ptr<QChart> commitments(ImpactCharts::commitmentsMetMissed(
        buildCommitmentTally(*store.commitments(m_incident), opened, m_room->clock().now())));

    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("impact.pdf"));
    const Outcome written = ChartRenderer::writePdf(
        {impact.get(), commitments.get()}, QStringLiteral("Checkout failing: impact"), pdf);
    QTRY_VERIFY2(written, qPrintable(written.error()));
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");

    // Text stays text (vector output): the titles and axis names can be extracted.
    const QString text = run(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    QTRY_VERIFY2(text.contains(QStringLiteral("Impact over time")), qPrintable(text));
    QTRY_VERIFY(text.contains(QStringLiteral("Commitments met and missed")));
    QTRY_VERIFY(text.contains(QStringLiteral("Checkout failing: impact")));

    // And the page shows the lines: the affected-users blue and the missed red are there.
    run(QStringLiteral("pdftoppm"),
        {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("60"),
         QStringLiteral("-singlefile"), pdf, dir.filePath(QStringLiteral("page"))});
    const QImage page(dir.filePath(QStringLiteral("page.png")));
    QTRY_VERIFY(!page.isNull());
    int blue = 0;
    int red = 0;
    for (int y = 0; y < page.height(); ++y) {
        for (int x = 0; x < page.width(); ++x) {
            const QColor c = page.pixelColor(x, y);
            blue += c.blue() > 120 && c.red() < 60 && c.green() < 110;
            red += c.red() > 160 && c.green() < 80 && c.blue() < 80;
        }
    }
    QTRY_VERIFY2(blue > 100, qPrintable(QString::number(blue)));
    QTRY_VERIFY2(red > 50, qPrintable(QString::number(red)));
    if (qEnvironmentVariableIsSet("WARROOM_KEEP_PDF"))
        QFile::copy(pdf, qEnvironmentVariable("WARROOM_KEEP_PDF"));
}

void TestImpactCharts::assessAndOverrideThroughWindow()
{
    UserIdentity::setName(QStringLiteral("Dana"));
    MainWindow window(m_room->windowStore(), m_room->clock());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *severity = window.findChild<QLabel *>(QStringLiteral("severityLabel"));
    QTRY_COMPARE(severity->text(), QStringLiteral("SEV2 (not assessed)"));

    QString preview;
    ModalHook::setDialogHandler([&](QDialog &dialog) {
        dialog.findChild<QLineEdit *>(QStringLiteral("affectedLineEdit"))
            ->setText(QStringLiteral("30000"));
        dialog.findChild<QLineEdit *>(QStringLiteral("totalLineEdit"))
            ->setText(QStringLiteral("40000"));
        dialog.findChild<QLineEdit *>(QStringLiteral("functionsLineEdit"))
            ->setText(QStringLiteral("Search:degraded"));
        preview = dialog.findChild<QLabel *>(QStringLiteral("previewLabel"))->text();
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("submitButton")),
                          Qt::LeftButton);
        return dialog.result();
    });
    window.incidentActions()->assessImpactAction()->trigger();
    QTRY_VERIFY2(preview.startsWith(QStringLiteral("Suggested SEV2: 75 % of users affected")),
                 qPrintable(preview));
    QTRY_COMPARE(severity->text(), QStringLiteral("SEV2 (assessed)"));
    QTRY_VERIFY(window.findChild<QLabel *>(QStringLiteral("impactSummaryLabel"))
                    ->text()
                    .startsWith(QStringLiteral("About 30,000 of 40,000 users (75 %)")));
    auto *view = window.findChild<QChartView *>(QStringLiteral("impactChartView"));
    QTRY_COMPARE(
        series<QLineSeries>(view->chart(), QStringLiteral("Affected users"))->points().first().y(),
        30000);

    ModalHook::setDialogHandler([&](QDialog &dialog) {
        auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("severityComboBox"));
        combo->setCurrentIndex(combo->findText(QStringLiteral("SEV1")));
        dialog.findChild<QLineEdit *>(QStringLiteral("reasonLineEdit"))
            ->setText(QStringLiteral("regulatory deadline today"));
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("submitButton")),
                          Qt::LeftButton);
        return dialog.result();
    });
    window.incidentActions()->setSeverityAction()->trigger();
    QTRY_COMPARE(severity->text(),
                 QStringLiteral("SEV1 (assessed SEV2, overridden: regulatory deadline today)"));
}

void TestImpactCharts::severityRulesAreEditedInSettings()
{
    UserIdentity::setName(QStringLiteral("Dana"));
    ImpactAssessment a;
    a.incidentId = m_incident;
    a.by = QStringLiteral("Ann");
    a.affectedUsers = 6000; // 15 %: SEV2 under the default table
    a.totalUsers = 40000;
    a.functions = {{QStringLiteral("Checkout"), FunctionState::Down}};
    QVERIFY(m_room->store().assessImpact(a, m_room->store().policyOrDefaults().severity));
    MainWindow window(m_room->windowStore(), m_room->clock());
    window.show();
    auto *severity = window.findChild<QLabel *>(QStringLiteral("severityLabel"));
    QTRY_COMPARE(severity->text(), QStringLiteral("SEV2 (assessed)"));

    QString refused;
    QString shown;
    ModalHook::setDialogHandler([&](QDialog &dialog) -> int {
        auto *sev1 = dialog.findChild<QLineEdit *>(QStringLiteral("sev1ShareLineEdit"));
        shown = sev1->text();
        sev1->setText(QStringLiteral("1")); // below SEV2's 5 %: refused, dialog stays open
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("submitButton")),
                          Qt::LeftButton);
        refused = dialog.findChild<QLabel *>(QStringLiteral("errorLabel"))->text();
        sev1->setText(QStringLiteral("10"));
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("submitButton")),
                          Qt::LeftButton);
        return dialog.result();
    });
    window.findChild<QAction *>(QStringLiteral("severityRulesAction"))->trigger();
    QTRY_COMPARE(shown, QStringLiteral("25"));
    QTRY_VERIFY2(refused.contains(QStringLiteral("must rise")), qPrintable(refused));
    // The war room's policy, a new version by whoever changed it; not this desktop's settings.
    const TeamPolicy policy = *m_room->store().policy();
    QTRY_COMPARE(policy.severity.sev1UserShare, 0.10);
    QTRY_COMPARE(policy.version > 0, true);
    QTRY_COMPARE(policy.by, QStringLiteral("Dana"));
    QTRY_COMPARE(severity->text(), QStringLiteral("SEV2 (assessed SEV1 under the current rules: "
                                                  "re-assess or set the severity)"));
}

QTEST_MAIN(TestImpactCharts)
#include "tst_impactcharts.moc"
