#include "rules/impacttimeline.h"
#include "rules/severitycalibration.h"
#include "scratchwarroom.h"
#include "usecases/incidentsnapshot.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

// Severity follows assessed impact: scope (share of users, down vs degraded) and scale (key
// accounts, cost, workaround), never how loud the caller is.
class TestImpact : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void calibration_data();
    void calibration();
    void rulesFromSettingsTable();
    void rulesTableMustMakeSense();
    void sentence_data();
    void sentence();
    void functionsParse();
    void assessmentAppliesSeverityUnlessOverridden();
    void reassessmentThatAgreesEndsTheOverride();
    void keepingAnOverrideNeedsOneInEffect();
    void overrideNeedsReasonAndShows();
    void assessmentsAreAppendOnlyAndValidated();
    void timelineSeriesPoints();
    void commitmentTallyPoints();

private:
    ImpactAssessment assessment(qint64 affected, qint64 total,
                                QList<AffectedFunction> functions = {});
    std::unique_ptr<ScratchWarRoom> m_room;
    qint64 m_incident = 0;
};

void TestImpact::init()
{
    m_room = std::make_unique<ScratchWarRoom>();
    m_incident = m_room->addIncident();
}

void TestImpact::cleanup()
{
    m_room.reset();
}

ImpactAssessment TestImpact::assessment(qint64 affected, qint64 total,
                                        QList<AffectedFunction> functions)
{
    ImpactAssessment a;
    a.incidentId = m_incident;
    a.by = QStringLiteral("Ann");
    a.affectedUsers = affected;
    a.totalUsers = total;
    a.functions = std::move(functions);
    return a;
}

void TestImpact::calibration_data()
{
    QTest::addColumn<qint64>("affected");
    QTest::addColumn<qint64>("total");
    QTest::addColumn<QString>("functions");
    QTest::addColumn<bool>("keyAccount");
    QTest::addColumn<int>("workaround"); // -1 unknown, 0 no, 1 yes
    QTest::addColumn<double>("cost");    // < 0: not given
    QTest::addColumn<Severity>("expected");

    // Trap 1: critical for one important user is serious, not an all-hands SEV1.
    QTest::newRow("one key-account user, payments down")
        << qint64(1) << qint64(40000) << "Payments:down" << true << -1 << -1.0 << Severity::Sev2;
    QTest::newRow("one ordinary user, payments down")
        << qint64(1) << qint64(40000) << "Payments:down" << false << -1 << -1.0 << Severity::Sev4;
    // Trap 2: "just a bit slow" for most users is a global degradation.
    QTest::newRow("global degradation") << qint64(30000) << qint64(40000) << "Search:degraded"
                                        << false << 0 << -1.0 << Severity::Sev2;
    QTest::newRow("global outage") << qint64(30000) << qint64(40000) << "Checkout:down" << false
                                   << 0 << -1.0 << Severity::Sev1;
    QTest::newRow("global outage with workaround")
        << qint64(30000) << qint64(40000) << "Checkout:down" << false << 1 << -1.0
        << Severity::Sev2;
    QTest::newRow("6 % with two functions down")
        << qint64(2400) << qint64(40000) << "Ordering:down,Payments:down" << false << -1 << -1.0
        << Severity::Sev1;
    QTest::newRow("6 % with one function down") << qint64(2400) << qint64(40000) << "Ordering:down"
                                                << false << -1 << -1.0 << Severity::Sev2;
    QTest::newRow("3 % ordering down, workaround")
        << qint64(1200) << qint64(40000) << "Ordering:down" << false << 1 << -1.0 << Severity::Sev3;
    QTest::newRow("tiny and degraded") << qint64(10) << qint64(40000) << "Reports:degraded" << false
                                       << -1 << -1.0 << Severity::Sev4;
    QTest::newRow("tiny but costly") << qint64(10) << qint64(40000) << "Trading:down" << false << -1
                                     << 250000.0 << Severity::Sev1;
    QTest::newRow("key account degraded")
        << qint64(3) << qint64(40000) << "Search:degraded" << true << -1 << -1.0 << Severity::Sev3;
}

void TestImpact::calibration()
{
    QFETCH(qint64, affected);
    QFETCH(qint64, total);
    QFETCH(QString, functions);
    QFETCH(bool, keyAccount);
    QFETCH(int, workaround);
    QFETCH(double, cost);
    QFETCH(Severity, expected);
    ImpactAssessment a = assessment(affected, total, parseFunctions(functions).functions);
    a.keyAccount = keyAccount;
    if (workaround >= 0)
        a.workaround = workaround == 1;
    if (cost >= 0)
        a.costPerHour = cost;
    const Calibration c = calibrate(a);
    QCOMPARE(c.severity, expected);
    QVERIFY2(c.reason.startsWith(severityName(expected) + u':'), qPrintable(c.reason));
    QVERIFY(!c.reason.contains(u'\n'));
}

void TestImpact::rulesFromSettingsTable()
{
    SeverityRules strict;
    strict.sev1UserShare = 0.10;
    const SeverityRules roundTrip = SeverityRules::fromMap(strict.toMap());
    QCOMPARE(roundTrip.sev1UserShare, 0.10);
    QCOMPARE(roundTrip.sev2UserShare, SeverityRules().sev2UserShare);
    ImpactAssessment a =
        assessment(6000, 40000, {{QStringLiteral("Checkout"), FunctionState::Down}});
    QCOMPARE(calibrate(a).severity, Severity::Sev2);            // 15 % under the default table
    QCOMPARE(calibrate(a, roundTrip).severity, Severity::Sev1); // a stricter team's table
    QCOMPARE(SeverityRules::fromMap({}).sev1CostPerHour, SeverityRules().sev1CostPerHour);
}

void TestImpact::rulesTableMustMakeSense()
{
    QVERIFY(SeverityRules().check());
    SeverityRules inverted;
    inverted.sev2UserShare = 0.5; // above SEV1's
    QVERIFY(!inverted.check());
    SeverityRules zero;
    zero.sev3UserShare = 0;
    QVERIFY(!zero.check());
    SeverityRules cost;
    cost.sev2CostPerHour = cost.sev1CostPerHour * 2;
    QVERIFY(!cost.check());
    SeverityRules functions;
    functions.sev1FunctionsDown = 0;
    QVERIFY(!functions.check());
}

void TestImpact::sentence_data()
{
    QTest::addColumn<qint64>("affected");
    QTest::addColumn<QString>("functions");
    QTest::addColumn<QString>("regions");
    QTest::addColumn<int>("workaround");
    QTest::addColumn<bool>("measured");
    QTest::addColumn<QString>("expected");
    QTest::newRow("issue example")
        << qint64(1234) << "Ordering:down"
        << "EU-West" << 1 << false
        << "About 1,200 of 40,000 users (3 %) cannot use Ordering in EU-West; a workaround exists.";
    QTest::newRow("measured is exact")
        << qint64(1234) << "Ordering:down"
        << "" << -1 << true << "1,234 of 40,000 users (3 %) cannot use Ordering.";
    QTest::newRow("down and degraded, two regions")
        << qint64(20000) << "Checkout:down,Payments:down,Search:degraded"
        << "EU-West,US-East" << 0 << false
        << "About 20,000 of 40,000 users (50 %) cannot use Checkout and Payments, and have slow "
           "or unreliable Search in EU-West and US-East; there is no workaround yet.";
    QTest::newRow("small share") << qint64(120) << ""
                                 << "" << -1 << false
                                 << "About 120 of 40,000 users (0.3 %) are affected.";
}

void TestImpact::sentence()
{
    QFETCH(qint64, affected);
    QFETCH(QString, functions);
    QFETCH(QString, regions);
    QFETCH(int, workaround);
    QFETCH(bool, measured);
    QFETCH(QString, expected);
    ImpactAssessment a = assessment(affected, 40000, parseFunctions(functions).functions);
    a.regions = regions.split(u',', Qt::SkipEmptyParts);
    if (workaround >= 0)
        a.workaround = workaround == 1;
    a.confidence = measured ? Confidence::Measured : Confidence::Estimated;
    QCOMPARE(impactSentence(a), expected);
}

void TestImpact::functionsParse()
{
    const auto ok =
        parseFunctions(QStringLiteral(" Ordering:DOWN ; Search: degraded,Back office:down"));
    QVERIFY(ok.error.isEmpty());
    QCOMPARE(ok.functions.size(), 3);
    QCOMPARE(ok.functions.at(2),
             (AffectedFunction{QStringLiteral("Back office"), FunctionState::Down}));
    QCOMPARE(formatFunctions(ok.functions),
             QStringLiteral("Ordering:down, Search:degraded, Back office:down"));
    QVERIFY(!parseFunctions(QStringLiteral("Ordering")).error.isEmpty());
    QVERIFY(!parseFunctions(QStringLiteral("Ordering:sideways")).error.isEmpty());
    QVERIFY(parseFunctions(QString()).functions.isEmpty());
}

void TestImpact::assessmentAppliesSeverityUnlessOverridden()
{
    IncidentStore &store = m_room->store();
    QCOMPARE(store.incident(m_incident)->severity, Severity::Sev2); // the caller's guess
    auto status = loadSnapshot(store, m_incident)->severity;
    QCOMPARE(status.text(), QStringLiteral("SEV2 (not assessed)"));

    // A global degradation the caller called SEV2 turns out to be an outage: SEV1.
    QVERIFY(store.assessImpact(
        assessment(30000, 40000, {{QStringLiteral("Checkout"), FunctionState::Down}}), {}));
    QCOMPARE(store.incident(m_incident)->severity, Severity::Sev1);
    QCOMPARE(loadSnapshot(store, m_incident)->severity.text(), QStringLiteral("SEV1 (assessed)"));
    auto changes = store.severityChanges(m_incident);
    QCOMPARE(changes->size(), 1);
    QCOMPARE(changes->first().from, Severity::Sev2);
    QCOMPARE(changes->first().assessed, Severity::Sev1);
    QVERIFY(!changes->first().isOverride());

    // The commander overrides. The reason argued against the old assessment, so a new assessment
    // ends the override unless the commander keeps it with a fresh reason.
    QVERIFY(store.setSeverity(m_incident, Severity::Sev2,
                              QStringLiteral("checkout has a manual fallback"),
                              QStringLiteral("Dana"), {}));
    m_room->clock().advanceSecs(600);
    const auto kept = store.assessImpact(
        assessment(32000, 40000, {{QStringLiteral("Checkout"), FunctionState::Down}}), {},
        QStringLiteral("the manual fallback now takes 90 % of orders"));
    QVERIFY2(kept, qPrintable(kept.error()));
    QCOMPARE(store.incident(m_incident)->severity, Severity::Sev2);
    QCOMPARE(loadSnapshot(store, m_incident)->severity.text(),
             QStringLiteral("SEV2 (assessed SEV1, overridden: the manual fallback now takes 90 % "
                            "of orders)"));

    // Without a fresh reason, the next assessment ends it and sets the assessed severity.
    QVERIFY(store.assessImpact(
        assessment(33000, 40000, {{QStringLiteral("Checkout"), FunctionState::Down}}), {}));
    QCOMPARE(store.incident(m_incident)->severity, Severity::Sev1);
    QCOMPARE(loadSnapshot(store, m_incident)->severity.text(), QStringLiteral("SEV1 (assessed)"));
    QVERIFY(store.assessImpact(
        assessment(100, 40000, {{QStringLiteral("Checkout"), FunctionState::Down}}), {}));
    QCOMPARE(store.incident(m_incident)->severity, Severity::Sev4);

    // Every assessment and severity change is in the log, the end of the override with it.
    int assessed = 0;
    int severity = 0;
    QStringList texts;
    const auto entries = store.logEntries(m_incident, 1, 100);
    for (const LogEntry &e : *entries) {
        assessed += e.event == LogEvent::ImpactAssessed;
        severity += e.event == LogEvent::SeverityChanged;
        texts << e.text;
    }
    QCOMPARE(assessed, 4);
    QCOMPARE(severity, 5); // assessed SEV1, override, override kept, override ended, SEV4
    const QString log = texts.join(u'\n');
    QVERIFY2(log.contains(QStringLiteral("Severity stays SEV2, overriding the assessed SEV1: the "
                                         "manual fallback now takes 90 % of orders.")),
             qPrintable(log));
    QVERIFY2(
        log.contains(QStringLiteral("The override (SEV2: the manual fallback now takes 90 % of "
                                    "orders) has ended.")),
        qPrintable(log));
}

void TestImpact::reassessmentThatAgreesEndsTheOverride()
{
    IncidentStore &store = m_room->store();
    QVERIFY(store.assessImpact(assessment(10, 40000), {})); // SEV4
    QVERIFY(store.setSeverity(m_incident, Severity::Sev2, QStringLiteral("regulatory deadline"),
                              QStringLiteral("Dana"), {}));
    // The scope grew to what the override said: no override any more, and the record says so.
    QVERIFY(store.assessImpact(assessment(4000, 40000), {})); // 10 %: SEV2
    QCOMPARE(store.incident(m_incident)->severity, Severity::Sev2);
    QCOMPARE(loadSnapshot(store, m_incident)->severity.text(), QStringLiteral("SEV2 (assessed)"));
    QVERIFY(!store.severityChanges(m_incident)->constLast().isOverride());
    // So the next assessment simply applies.
    QVERIFY(store.assessImpact(assessment(10, 40000), {}));
    QCOMPARE(store.incident(m_incident)->severity, Severity::Sev4);
}

void TestImpact::keepingAnOverrideNeedsOneInEffect()
{
    IncidentStore &store = m_room->store();
    QVERIFY(store.assessImpact(assessment(10, 40000), {}));
    const auto refused =
        store.assessImpact(assessment(20, 40000), {}, QStringLiteral("keep it, please"));
    QVERIFY(!refused);
    QVERIFY2(refused.error().contains(QStringLiteral("no severity override")),
             qPrintable(refused.error()));
    QCOMPARE(store.impactAssessments(m_incident)->size(), 1); // nothing written
}

void TestImpact::overrideNeedsReasonAndShows()
{
    IncidentStore &store = m_room->store();
    const Outcome noReason =
        store.setSeverity(m_incident, Severity::Sev1, {}, QStringLiteral("Dana"), {});
    QVERIFY(!noReason);
    QVERIFY2(noReason.error().contains(QStringLiteral("assess")), qPrintable(noReason.error()));
    QVERIFY(store.assessImpact(assessment(10, 40000), {})); // SEV4
    const Outcome against = store.setSeverity(m_incident, Severity::Sev2, QStringLiteral("  "),
                                              QStringLiteral("Dana"), {});
    QVERIFY(!against);
    QVERIFY2(against.error().contains(QStringLiteral("assessed severity is SEV4")),
             qPrintable(against.error()));
    QVERIFY(!store.setSeverity(m_incident, Severity::Sev4, {}, QStringLiteral("Dana"), {}));
    QVERIFY(store.setSeverity(m_incident, Severity::Sev2,
                              QStringLiteral("regulatory deadline today"), QStringLiteral("Dana"),
                              {}));
    QCOMPARE(loadSnapshot(store, m_incident)->severity.text(),
             QStringLiteral("SEV2 (assessed SEV4, overridden: regulatory deadline today)"));
}

void TestImpact::assessmentsAreAppendOnlyAndValidated()
{
    IncidentStore &store = m_room->store();
    QVERIFY(!store.assessImpact(assessment(5, 4), {}));
    QVERIFY(!store.assessImpact(assessment(-1, 4), {}));
    QVERIFY(!store.assessImpact(assessment(1, 0), {}));
    QVERIFY(!store.assessImpact(assessment(1, 1'000'000'000'000), {}));
    ImpactAssessment costly = assessment(1, 10);
    costly.costPerHour = -5;
    QVERIFY(!store.assessImpact(costly, {}));
    costly.costPerHour = std::numeric_limits<double>::infinity();
    QVERIFY(!store.assessImpact(costly, {}));
    QVERIFY(store.impactAssessments(m_incident)->isEmpty());

    ImpactAssessment full =
        assessment(1200, 40000,
                   {{QStringLiteral("Ordering"), FunctionState::Down},
                    {QStringLiteral("<b>Search</b>"), FunctionState::Degraded}});
    full.regions = {QStringLiteral("EU-West")};
    full.workaround = true;
    full.costPerHour = 2500.5;
    full.currency = QStringLiteral("EUR");
    full.keyAccount = true;
    full.confidence = Confidence::Measured;
    full.notes = QStringLiteral("from the load balancer logs");
    QVERIFY(store.assessImpact(full, {}));
    const ImpactAssessment read = store.impactAssessments(m_incident)->first();
    QCOMPARE(read.functions, full.functions);
    QCOMPARE(read.regions, full.regions);
    QCOMPARE(read.workaround, std::optional<bool>(true));
    QCOMPARE(*read.costPerHour, 2500.5);
    QCOMPARE(read.currency, QStringLiteral("EUR"));
    QVERIFY(read.keyAccount);
    QCOMPARE(read.confidence, Confidence::Measured);
    QCOMPARE(read.at, scratchStartTime());

    // A foreign program gets the file only while no Warroom process has it open.
    m_room->closeStore();
    const QString name = QStringLiteral("raw-impact");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_room->path());
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const char *sql :
             {"UPDATE impact_assessments SET affected_users = 1", "DELETE FROM impact_assessments",
              "UPDATE severity_changes SET reason = ''", "DELETE FROM severity_changes"}) {
            QVERIFY(!q.exec(QString::fromLatin1(sql)));
            QVERIFY2(q.lastError().text().contains(QStringLiteral("append-only")),
                     qPrintable(q.lastError().text()));
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    m_room->reopenStore();
    QCOMPARE(m_room->store().impactAssessments(m_incident)->first().affectedUsers, 1200);
}

void TestImpact::timelineSeriesPoints()
{
    IncidentStore &store = m_room->store();
    ManualClock &clock = m_room->clock();
    const QDateTime t0 = clock.now();
    auto ms = [](const QDateTime &t) {
        return double(t.toMSecsSinceEpoch());
    };

    clock.advanceSecs(600); // t0+10m: first assessment
    QVERIFY(store.assessImpact(
        assessment(1000, 40000, {{QStringLiteral("Search"), FunctionState::Degraded}}), {}));
    const auto metId =
        store.commit({m_incident, QStringLiteral("Logs"), QStringLiteral("Bob"),
                      clock.now().addSecs(300), QStringLiteral("w"), QStringLiteral("Ann")});
    const auto missId =
        store.commit({m_incident, QStringLiteral("Fix"), QStringLiteral("Bob"),
                      clock.now().addSecs(900), QStringLiteral("w"), QStringLiteral("Ann")});
    QVERIFY(metId && missId);
    clock.advanceSecs(240); // t0+14m
    QVERIFY(store.markMet(*metId, QStringLiteral("Bob")));
    clock.advanceSecs(60); // t0+15m
    QVERIFY(store.changeStatus({m_incident, QStringLiteral("Ann"), IncidentStatus::Identified,
                                QStringLiteral("fixing"), clock.now().addSecs(1800),
                                QStringLiteral("w")}));
    clock.advanceSecs(900); // t0+30m: second assessment
    QVERIFY(store.assessImpact(assessment(5000, 40000,
                                          {{QStringLiteral("Search"), FunctionState::Down},
                                           {QStringLiteral("Cart"), FunctionState::Degraded}}),
                               {}));
    clock.advanceSecs(600); // now = t0+40m; the fix was due at t0+25m
    const QDateTime now = clock.now();

    const ImpactTimeline timeline =
        buildImpactTimeline(*store.impactAssessments(m_incident), *store.statusChanges(m_incident),
                            *store.commitments(m_incident), t0, now);
    const QDateTime first = t0.addSecs(600), second = t0.addSecs(1800);
    QCOMPARE(timeline.affectedUsers,
             (QList<QPointF>{
                 {ms(first), 1000}, {ms(second), 1000}, {ms(second), 5000}, {ms(now), 5000}}));
    QCOMPARE(timeline.functionsDown,
             (QList<QPointF>{{ms(first), 0}, {ms(second), 0}, {ms(second), 1}, {ms(now), 1}}));
    QCOMPARE(timeline.functionsDegraded,
             (QList<QPointF>{{ms(first), 1}, {ms(second), 1}, {ms(second), 1}, {ms(now), 1}}));
    QCOMPARE(timeline.totalUsers, 40000);
    QCOMPARE(timeline.markers.size(), 3);
    QCOMPARE(timeline.markers.at(0).kind, MarkerKind::DeadlineMet);
    QCOMPARE(timeline.markers.at(0).at, t0.addSecs(840));
    QCOMPARE(timeline.markers.at(1).kind, MarkerKind::StatusChange);
    QCOMPARE(timeline.markers.at(1).label, QStringLiteral("identified"));
    QCOMPARE(timeline.markers.at(2).kind, MarkerKind::DeadlineMissed);
    QCOMPARE(timeline.markers.at(2).at, t0.addSecs(600 + 900)); // its due time
}

void TestImpact::commitmentTallyPoints()
{
    const QDateTime t0 = scratchStartTime();
    auto ms = [](const QDateTime &t) {
        return double(t.toMSecsSinceEpoch());
    };
    auto made = [&](qint64 id, int dueMin, std::optional<int> metMin) {
        Commitment c;
        c.id = id;
        c.due = t0.addSecs(dueMin * 60);
        if (metMin) {
            c.outcome = CommitmentOutcome{};
            c.outcome->at = t0.addSecs(*metMin * 60);
        }
        return c;
    };
    const QDateTime now = t0.addSecs(60 * 60);
    const CommitmentTally tally = buildCommitmentTally(
        {made(1, 10, 8), made(2, 20, std::nullopt), made(3, 30, 25), made(4, 90, std::nullopt)}, t0,
        now);
    QCOMPARE(tally.met, (QList<QPointF>{{ms(t0), 0},
                                        {ms(t0.addSecs(480)), 0},
                                        {ms(t0.addSecs(480)), 1},
                                        {ms(t0.addSecs(1500)), 1},
                                        {ms(t0.addSecs(1500)), 2},
                                        {ms(now), 2}}));
    QCOMPARE(tally.missed,
             (QList<QPointF>{
                 {ms(t0), 0}, {ms(t0.addSecs(1200)), 0}, {ms(t0.addSecs(1200)), 1}, {ms(now), 1}}));
}

QTEST_GUILESS_MAIN(TestImpact)
#include "tst_impact.moc"
