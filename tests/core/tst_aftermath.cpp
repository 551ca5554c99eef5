#include "scratchwarroom.h"

#include "rules/debrieffigures.h"
#include "rules/knownproblemmatch.h"
#include "usecases/debriefdocument.h"
#include "usecases/incidenttimeline.h"
#include "usecases/knownproblemsuggestions.h"
#include "usecases/resolutiondocument.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

// After the crisis, in the record: the resolution report that must answer everything, the
// debrief's figures computed from what happened, the merged timeline, the known problems.
class TestAftermath : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void resolutionIsRefusedWithoutEachSection_data();
    void resolutionIsRefusedWithoutEachSection();
    void resolutionRecordsReportRemainsAndStatus();
    void aResolutionThatFailsHalfwayWritesNothing();
    void optionsAreChosenWithWhyAndReachTheBriefing();
    void figuresOfAScriptedIncident();
    void timelineMergesEveryRecordKindInTimeOrder();
    void closingNeedsADebrief();
    void knownProblemIsSuggestedForAMatchingIncidentOnly();
    void knownProblemSearchNeedsEveryWord();
    void markdownHoldsEachSectionAndNoTechnicalLog();

private:
    IncidentStore &store() { return m_room->store(); }
    ManualClock &clock() { return m_room->clock(); }
    QDateTime at(int minutes) const { return m_opened.addSecs(minutes * 60); }
    void moveTo(int minutes) { clock().setNow(at(minutes)); }
    NewResolutionReport completeReport() const;
    // The incident of figuresOfAScriptedIncident, resolved at minute 90.
    void runScriptedIncident();

    std::unique_ptr<ScratchWarRoom> m_room;
    qint64 m_incident = 0;
    QDateTime m_opened;
};

void TestAftermath::init()
{
    m_room = std::make_unique<ScratchWarRoom>();
    m_opened = clock().now();
    m_incident = m_room->addIncident(QStringLiteral("Checkout down"));
}

void TestAftermath::cleanup()
{
    m_room.reset();
}

NewResolutionReport TestAftermath::completeReport() const
{
    NewResolutionReport report;
    report.incidentId = m_incident;
    report.by = QStringLiteral("Ann");
    report.cause = QStringLiteral("A certificate on the payment link expired.");
    report.done = QStringLiteral("We renewed the certificate and checked every payment.");
    report.remains = {{QStringLiteral("Alert two weeks before a certificate expires"),
                       QStringLiteral("Bob"), m_opened.addDays(10)}};
    report.fullySolved = true;
    report.recurrence = QStringLiteral("Not once the alert is in place.");
    return report;
}

void TestAftermath::resolutionIsRefusedWithoutEachSection_data()
{
    QTest::addColumn<QString>("missing");
    QTest::addColumn<QString>("message");
    QTest::newRow("cause") << "cause"
                           << "what caused the problem";
    QTest::newRow("what was done") << "done"
                                   << "what was done";
    QTest::newRow("what remains") << "remains"
                                  << "what else still needs to be done";
    QTest::newRow("fully solved") << "solved"
                                  << "fully solved";
    QTest::newRow("partly without remains") << "partly"
                                            << "list what remains";
    QTest::newRow("recurrence") << "recurrence"
                                << "happen again";
    QTest::newRow("item without owner") << "owner"
                                        << "owner";
    QTest::newRow("item due in the past") << "due"
                                          << "ahead of now";
}

void TestAftermath::resolutionIsRefusedWithoutEachSection()
{
    QFETCH(QString, missing);
    QFETCH(QString, message);
    NewResolutionReport report = completeReport();
    if (missing == u"cause")
        report.cause = QStringLiteral("  ");
    else if (missing == u"done")
        report.done.clear();
    else if (missing == u"remains")
        report.remains.clear();
    else if (missing == u"solved")
        report.fullySolved.reset();
    else if (missing == u"partly") {
        report.remains.clear();
        report.noneRemains = true;
        report.fullySolved = false;
    } else if (missing == u"recurrence")
        report.recurrence.clear();
    else if (missing == u"owner")
        report.remains.first().owner.clear();
    else if (missing == u"due")
        report.remains.first().due = at(-5);
    const qint64 entries = *store().logEntryCount(m_incident);

    const auto refused = store().resolve(report);
    QVERIFY(!refused);
    QVERIFY2(refused.error().contains(message, Qt::CaseInsensitive), qPrintable(refused.error()));
    // Nothing written: no report, no status change, no action item, no log entry.
    QCOMPARE(store().incident(m_incident)->status, IncidentStatus::Reported);
    QVERIFY(!store().resolutionReport(m_incident)->has_value());
    QVERIFY(store().statusChanges(m_incident)->isEmpty());
    QVERIFY(store().actionItems(m_incident)->isEmpty());
    QCOMPARE(*store().logEntryCount(m_incident), entries);
    // And resolving around the report is refused too.
    const auto around =
        store().changeStatus({m_incident, QStringLiteral("Ann"), IncidentStatus::Resolved,
                              QStringLiteral("Fixed."), at(60), QStringLiteral("we watch")});
    QVERIFY(!around);
    QVERIFY2(around.error().contains(QStringLiteral("resolution report")),
             qPrintable(around.error()));
}

void TestAftermath::resolutionRecordsReportRemainsAndStatus()
{
    moveTo(30);
    const auto resolved = store().resolve(completeReport());
    QVERIFY2(resolved, qPrintable(resolved.error()));
    const Incident incident = *store().incident(m_incident);
    QCOMPARE(incident.status, IncidentStatus::Resolved);
    QCOMPARE(incident.resolvedAt, at(30));
    const auto report = store().resolutionReport(m_incident);
    QVERIFY(report->has_value());
    QCOMPARE((*report)->cause, completeReport().cause);
    QCOMPARE((*report)->remains.size(), 1);
    // What remains is tracked as an action item from the report, until marked done.
    const auto items = store().actionItems(m_incident);
    QCOMPARE(items->size(), 1);
    QCOMPARE(items->first().source, ActionSource::ResolutionReport);
    QCOMPARE(items->first().owner, QStringLiteral("Bob"));
    QVERIFY(!items->first().isDone());
    QVERIFY(store().markActionDone(items->first().id, QStringLiteral("alert live"),
                                   QStringLiteral("Bob")));
    QVERIFY(store().actionItems(m_incident)->first().isDone());
    QVERIFY(!store().markActionDone(items->first().id, {}, QStringLiteral("Bob")));
    // Resolved once: a second report is refused.
    QVERIFY(!store().resolve(completeReport()));
    // The notice for the customer says so; the chain still holds.
    QVERIFY(store().notices(m_incident)->last().text.contains(QStringLiteral("resolved")));
    QVERIFY(store().checkRecordChain(m_incident)->intact);
}

void TestAftermath::aResolutionThatFailsHalfwayWritesNothing()
{
    // The database refuses the remaining work after the status row, the notice and the report
    // were written (as a full disk would): none of them may stay.
    const qint64 entries = *store().logEntryCount(m_incident);
    m_room->closeStore();
    const QString name = QStringLiteral("trap-setter");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_room->path());
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY2(query.exec(QStringLiteral("CREATE TRIGGER refuse_items BEFORE INSERT ON "
                                           "action_items BEGIN SELECT RAISE(ABORT, 'no room "
                                           "left'); END")),
                 qPrintable(query.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    m_room->reopenStore();

    const auto refused = store().resolve(completeReport());
    QVERIFY(!refused);
    QVERIFY2(refused.error().contains(QStringLiteral("no room left")), qPrintable(refused.error()));
    QCOMPARE(store().incident(m_incident)->status, IncidentStatus::Reported);
    QVERIFY(!store().incident(m_incident)->resolvedAt.isValid());
    QVERIFY(!store().resolutionReport(m_incident)->has_value());
    QVERIFY(store().statusChanges(m_incident)->isEmpty());
    QVERIFY(store().notices(m_incident)->isEmpty());
    QCOMPARE(*store().logEntryCount(m_incident), entries);
    QVERIFY(store().checkRecordChain(m_incident)->intact);
}

void TestAftermath::optionsAreChosenWithWhyAndReachTheBriefing()
{
    const auto failover = store().addOption(
        {m_incident, QStringLiteral("Ann"), QStringLiteral("Fail over to the second site"),
         QStringLiteral("back in ten minutes"), QStringLiteral("reports run slower for a day")});
    const auto wait = store().addOption(
        {m_incident, QStringLiteral("Ann"), QStringLiteral("Wait for the vendor's patch"),
         QStringLiteral("no side effects"), QStringLiteral("four hours more")});
    QVERIFY(failover && wait);
    QVERIFY(!store().addOption({m_incident, QStringLiteral("Ann"), QStringLiteral("No cons"),
                                QStringLiteral("fast"), QString()}));
    QVERIFY(store().chooseOption(*wait, QStringLiteral("the customer wants no risk"),
                                 QStringLiteral("Jo")));
    // The customer changed their mind: a later choice replaces it, both stay in the record.
    clock().advanceSecs(60);
    QVERIFY(store().chooseOption(*failover, QStringLiteral("the board wants it back now"),
                                 QStringLiteral("Jo")));
    QVERIFY(!store().chooseOption(*failover, QStringLiteral("again"), QStringLiteral("Jo")));
    const auto options = store().options(m_incident);
    QCOMPARE(options->size(), 2);
    QVERIFY(options->at(0).isChosen());
    QCOMPARE(options->at(0).chosenWhy, QStringLiteral("the board wants it back now"));
    QVERIFY(!options->at(1).isChosen());

    NewBriefing briefing;
    briefing.incidentId = m_incident;
    briefing.author = QStringLiteral("Jo");
    briefing.headline = QStringLiteral("We are moving you to the second site.");
    briefing.nextUpdateAt = clock().now().addSecs(1800);
    briefing.nextUpdateWhy = QStringLiteral("The move takes that long.");
    QVERIFY(store().publishBriefing(briefing));
    const Briefing published = store().briefings(m_incident)->constLast();
    QCOMPARE(published.options.size(), 2);
    QCOMPARE(published.options.at(0).title, QStringLiteral("Fail over to the second site"));
    QVERIFY(published.options.at(0).chosen);
    QVERIFY(!published.options.at(1).chosen);
}

void TestAftermath::runScriptedIncident()
{
    // SEV2: a briefing every hour. Opened at minute 0.
    const QString ann = QStringLiteral("Ann");
    auto require = [](const auto &result) {
        QVERIFY2(result, qPrintable(result.error()));
    };
    m_room->addLog(m_incident, QStringLiteral("Checkout returns 502 for every order"));
    moveTo(5);
    require(store().changeStatus({m_incident, ann, IncidentStatus::Acknowledged,
                                  QStringLiteral("Looking at checkout."), at(35),
                                  QStringLiteral("first findings by then")}));
    moveTo(6);
    require(store().markNoticeSent(store().notices(m_incident)->first().id, QStringLiteral("Jo")));
    moveTo(10);
    NewBriefing first;
    first.incidentId = m_incident;
    first.author = QStringLiteral("Jo");
    first.headline = QStringLiteral("Orders cannot be placed.");
    first.nextUpdateAt = at(40);
    first.nextUpdateWhy = QStringLiteral("The first checks end then.");
    require(store().publishBriefing(first)); // due by the cadence at 60: on time
    ImpactAssessment impact;
    impact.incidentId = m_incident;
    impact.by = ann;
    impact.affectedUsers = 900;
    impact.totalUsers = 1000;
    require(store().assessImpact(impact, {}));
    moveTo(30);
    const auto rollback =
        store().commit({m_incident, QStringLiteral("Roll back"), QStringLiteral("Bob"), at(45),
                        QStringLiteral("the release is suspect"), ann});
    const auto logs =
        store().commit({m_incident, QStringLiteral("Send logs"), QStringLiteral("Kim"), at(50),
                        QStringLiteral("vendor asked"), ann});
    const LogEntry theory =
        m_room->addLog(m_incident, QStringLiteral("The certificate expired"), LogKind::Hypothesis);
    const auto timebox =
        store().timeboxTheory(theory.id, at(40), QStringLiteral("quick check"), ann);
    require(rollback);
    require(logs);
    require(timebox);
    moveTo(35);
    require(store().handOver(m_incident, QStringLiteral("Kim"), QStringLiteral("+1 555 0199"),
                             QStringLiteral("Ann goes home"), ann));
    moveTo(38);
    require(store().markMet(*rollback, QStringLiteral("Bob")));
    moveTo(39);
    const auto extended =
        store().supersede(*timebox, at(60), QStringLiteral("vendor slow"), QStringLiteral("Kim"));
    require(extended);
    moveTo(45);
    const auto ask =
        store().askCustomer(m_incident, QStringLiteral("Send the gateway logs"),
                            QStringLiteral("only they can reach them"), QStringLiteral("Kim"));
    require(ask);
    require(store().markAskSent(*ask, QStringLiteral("Jo")));
    moveTo(51); // "Send logs" was due at 50: missed
    require(store().recordMissedDeadlines(m_incident));
    moveTo(52);
    require(store().settleTheory(*extended, TimeboxVerdict::Confirmed, QStringLiteral("Kim")));
    const auto report =
        store().commit({m_incident, QStringLiteral("Write the vendor"), QStringLiteral("Kim"),
                        at(70), QStringLiteral("they need it today"), ann});
    require(report);
    moveTo(55);
    require(store().markAskAnswered(*ask, QStringLiteral("attached"), QStringLiteral("Jo")));
    moveTo(56);
    const auto later = store().supersede(*report, at(85), QStringLiteral("waiting for the logs"),
                                         QStringLiteral("Kim"));
    require(later);
    moveTo(60);
    NewBriefing second = first;
    second.headline = QStringLiteral("We found the cause.");
    second.nextUpdateAt = at(100);
    second.nextUpdateWhy = QStringLiteral("The fix is checked by then.");
    require(store().publishBriefing(second)); // promised by minute 40: late
    moveTo(75);
    require(store().changeStatus({m_incident, QStringLiteral("Kim"), IncidentStatus::Identified,
                                  QStringLiteral("Renewing the certificate."), at(95),
                                  QStringLiteral("renewal takes twenty minutes")}));
    moveTo(80);
    require(store().markMet(*later, QStringLiteral("Kim")));
    moveTo(90);
    require(store().resolve(completeReport()));
}

void TestAftermath::figuresOfAScriptedIncident()
{
    runScriptedIncident();
    if (QTest::currentTestFailed())
        return;
    moveTo(600); // later reading changes nothing: figures stop at the resolution
    const auto record = loadDebriefRecord(store(), m_incident);
    QVERIFY2(record, qPrintable(record.error()));
    const DebriefFigures figures = computeDebriefFigures(*record, clock().now());
    QCOMPARE(figures.secsToAcknowledge, 6 * 60);
    QCOMPARE(figures.secsToFirstBriefing, 10 * 60);
    QCOMPARE(figures.secsToResolve, 90 * 60);
    QCOMPARE(figures.briefingsOnTime, 1);
    QCOMPARE(figures.briefingsLate, 1);
    QCOMPARE(figures.briefingOverdueAtEnd, false);
    QCOMPARE(figures.deadlinesMet, 2);        // roll back; the vendor letter, superseded then met
    QCOMPARE(figures.deadlinesMissed, 1);     // send logs
    QCOMPARE(figures.deadlinesSuperseded, 1); // the first vendor letter
    QCOMPARE(figures.deadlinesOpen, 0);
    QCOMPARE(figures.theoriesTimeboxed, 1);
    QCOMPARE(figures.theoryExtensions, 1);
    QCOMPARE(figures.theoriesConfirmed, 1);
    QCOMPARE(figures.theoriesDropped, 0);
    QCOMPARE(figures.asksMade, 1);
    QCOMPARE(figures.asksAnswered, 1);
    QCOMPARE(figures.handovers, 1);
    const QList<std::pair<IncidentStatus, qint64>> inStatus{{IncidentStatus::Reported, 5 * 60},
                                                            {IncidentStatus::Acknowledged, 70 * 60},
                                                            {IncidentStatus::Identified, 15 * 60}};
    QCOMPARE(figures.secsInStatus, inStatus);
    const QJsonObject json = figures.toJson();
    QCOMPARE(json.value(QStringLiteral("deadlines_missed")).toInt(), 1);
    QCOMPARE(json.value(QStringLiteral("seconds_in_status"))
                 .toObject()
                 .value(QStringLiteral("acknowledged"))
                 .toInt(),
             4200);
    QVERIFY(figures.lines().contains(QStringLiteral("Briefings on time: 1, late: 1")));
}

void TestAftermath::timelineMergesEveryRecordKindInTimeOrder()
{
    runScriptedIncident();
    if (QTest::currentTestFailed())
        return;
    const auto first = store().logEntries(m_incident, 1, 1)->first();
    QVERIFY(store().markKeyMoment(m_incident, {QStringLiteral("log_entries"), first.id}, true,
                                  QStringLiteral("Kim")));
    const auto timeline = loadTimeline(store(), m_incident);
    QVERIFY2(timeline, qPrintable(timeline.error()));
    QStringList kinds;
    for (qsizetype i = 0; i < timeline->size(); ++i) {
        if (i > 0)
            QVERIFY2(timeline->at(i - 1).at <= timeline->at(i).at, "out of time order");
        kinds.append(timeline->at(i).kind);
    }
    for (const QString &kind :
         {QStringLiteral("observation"), QStringLiteral("hypothesis"), QStringLiteral("briefing"),
          QStringLiteral("deadline committed"), QStringLiteral("deadline met"),
          QStringLiteral("deadline missed"), QStringLiteral("deadline superseded"),
          QStringLiteral("theory timeboxed"), QStringLiteral("handover"),
          QStringLiteral("status change"), QStringLiteral("impact assessed"),
          QStringLiteral("customer ask made"), QStringLiteral("ask sent to customer"),
          QStringLiteral("ask answered by customer"), QStringLiteral("notice sent to customer"),
          QStringLiteral("resolution report"), QStringLiteral("action item")})
        QVERIFY2(kinds.contains(kind), qPrintable(kind));
    // Briefings are the business channel; the first entry is the key moment, and stays in the
    // export while other people's entries do not.
    const auto briefing = std::find_if(timeline->cbegin(), timeline->cend(),
                                       [](const TimelineItem &t) { return t.kind == u"briefing"; });
    QCOMPARE(briefing->channel, TimelineItem::Channel::Business);
    QCOMPARE(briefing->at, at(10));
    QVERIFY(timeline->first().key);
    QVERIFY(timeline->first().belongsInExport());
    const auto hypothesis =
        std::find_if(timeline->cbegin(), timeline->cend(),
                     [](const TimelineItem &t) { return t.kind == u"hypothesis"; });
    QVERIFY(!hypothesis->belongsInExport());
    // Unmarked, it is no longer key.
    QVERIFY(store().markKeyMoment(m_incident, {QStringLiteral("log_entries"), first.id}, false,
                                  QStringLiteral("Kim")));
    QVERIFY(store().keyMoments(m_incident)->isEmpty());
}

void TestAftermath::closingNeedsADebrief()
{
    const NewDebrief debrief{m_incident,
                             QStringLiteral("Kim"),
                             QStringLiteral("Fast rollback"),
                             QStringLiteral("Late second briefing"),
                             QStringLiteral("Happy with the updates"),
                             QStringLiteral("- Watch certificate expiry\n- Brief on time")};
    // Not before resolution.
    QVERIFY(!store().recordDebrief(debrief));
    QVERIFY(store().resolve(completeReport()));
    NewStatusChange close{m_incident, QStringLiteral("Kim"), IncidentStatus::Closed, {}, {}, {}};
    const auto refused = store().changeStatus(close);
    QVERIFY(!refused);
    QVERIFY2(refused.error().contains(QStringLiteral("debrief")), qPrintable(refused.error()));
    QCOMPARE(store().incident(m_incident)->status, IncidentStatus::Resolved);
    // Every section answered.
    NewDebrief partial = debrief;
    partial.customerFeedback.clear();
    QVERIFY(!store().recordDebrief(partial));
    QVERIFY(store().recordDebrief(debrief));
    QCOMPARE(
        (*store().debrief(m_incident))->lessonList(),
        QStringList({QStringLiteral("Watch certificate expiry"), QStringLiteral("Brief on time")}));
    QVERIFY(store().changeStatus(close));
    QCOMPARE(store().incident(m_incident)->status, IncidentStatus::Closed);
}

void TestAftermath::knownProblemIsSuggestedForAMatchingIncidentOnly()
{
    NewKnownProblem certificate;
    certificate.by = QStringLiteral("Kim");
    certificate.symptom = QStringLiteral("Payments fail with certificate errors");
    certificate.workaround = QStringLiteral("Renew the payment link's certificate.");
    NewKnownProblem reports;
    reports.by = QStringLiteral("Kim");
    reports.symptom = QStringLiteral("Monthly reports time out");
    reports.workaround = QStringLiteral("Run them at night.");
    const auto certificateId = store().addKnownProblem(certificate);
    QVERIFY(certificateId);
    QVERIFY(store().addKnownProblem(reports));

    const qint64 matching = m_incident;
    m_room->addLog(matching, QStringLiteral("Every payment failed: certificate error on the link"));
    const qint64 other = m_room->addIncident(QStringLiteral("Search is slow"));
    m_room->addLog(other, QStringLiteral("Search takes 9 seconds for every query"));

    auto suggested = KnownProblemSuggestions::pending(store(), matching);
    QVERIFY2(suggested, qPrintable(suggested.error()));
    QCOMPARE(suggested->size(), 1);
    QCOMPARE(suggested->first().problem.id, *certificateId);
    QVERIFY(KnownProblemSuggestions::pending(store(), other)->isEmpty());

    // Shown once: the match is recorded, in the book and in the log, and not suggested again.
    QVERIFY(store().recordSighting(matching, *certificateId, Sighting::Suggested,
                                   QStringLiteral("Warroom")));
    QVERIFY(store().recordSighting(matching, *certificateId, Sighting::Suggested,
                                   QStringLiteral("Warroom")));
    QCOMPARE(store().sightings(matching)->size(), 1);
    QVERIFY(KnownProblemSuggestions::pending(store(), matching)->isEmpty());
    QCOMPARE(store().knownProblems()->first().incidents, QList<qint64>{matching});
    const LogEntry last =
        store().logEntries(matching, *store().logEntryCount(matching), 1)->first();
    QCOMPARE(last.event, LogEvent::KnownProblemSeen);
    QVERIFY(last.text.contains(QStringLiteral("Renew the payment link")));
    // A dismissal is remembered too, and does not count as an appearance.
    const qint64 third = m_room->addIncident(QStringLiteral("Payments down"));
    m_room->addLog(third, QStringLiteral("payment fails, certificate errors in the gateway"));
    QCOMPARE(KnownProblemSuggestions::pending(store(), third)->size(), 1);
    QVERIFY(
        store().recordSighting(third, *certificateId, Sighting::Dismissed, QStringLiteral("Ann")));
    QVERIFY(KnownProblemSuggestions::pending(store(), third)->isEmpty());
    QCOMPARE(store().knownProblems()->first().incidents, QList<qint64>{matching});
}

void TestAftermath::knownProblemSearchNeedsEveryWord()
{
    NewKnownProblem certificate;
    certificate.by = QStringLiteral("Kim");
    certificate.symptom = QStringLiteral("Payments failing with certificate errors");
    certificate.workaround = QStringLiteral("Renew the certificate.");
    certificate.product = QStringLiteral("Gateway 4.2");
    QVERIFY(store().addKnownProblem(certificate));
    const auto book = *store().knownProblems();
    QCOMPARE(KnownProblemMatch::search(book, QStringLiteral("payment failed")).size(), 1);
    QCOMPARE(KnownProblemMatch::search(book, QStringLiteral("CERTIFICATE gateway")).size(), 1);
    QCOMPARE(KnownProblemMatch::search(book, QStringLiteral("payment database")).size(), 0);
    QCOMPARE(KnownProblemMatch::search(book, QStringLiteral("the of")).size(), 0);
    QVERIFY(!store().addKnownProblem({QStringLiteral("Kim"),
                                      QString(),
                                      {},
                                      QStringLiteral("workaround"),
                                      {},
                                      FixStatus::None,
                                      0}));
}

void TestAftermath::markdownHoldsEachSectionAndNoTechnicalLog()
{
    const QString secret = QStringLiteral("db-primary-7 segfault at 0x7f3a");
    m_room->addLog(m_incident, secret);
    QVERIFY(store().addOption({m_incident, QStringLiteral("Ann"), QStringLiteral("Fail over"),
                               QStringLiteral("fast"), QStringLiteral("<b>slower</b> reports")}));
    NewResolutionReport report = completeReport();
    report.cause = QStringLiteral("# Not a heading <script>x</script>");
    QVERIFY(store().resolve(report));
    const auto document = ResolutionDocument::load(store(), m_incident);
    QVERIFY2(document, qPrintable(document.error()));
    const QString md = document->markdown();
    for (const QString &heading :
         {QStringLiteral("## What caused the problem"),
          QStringLiteral("## What we did to solve it"),
          QStringLiteral("## Is it fully solved now?"),
          QStringLiteral("## What else still needs to be done"),
          QStringLiteral("## Can it happen again?"), QStringLiteral("## The options we weighed")})
        QVERIFY2(md.contains(heading), qPrintable(heading));
    QVERIFY(
        md.contains(QStringLiteral("Alert two weeks before a certificate expires (owner: Bob")));
    QVERIFY(md.contains(QStringLiteral("\\# Not a heading \\<script\\>x\\</script\\>")));
    QVERIFY(md.contains(QStringLiteral("\\<b\\>slower\\</b\\>")));
    QVERIFY(!md.contains(secret));
    QVERIFY(!document->html().contains(secret));
    QVERIFY(!document->html().contains(QStringLiteral("<script>")));

    QVERIFY(store().recordDebrief({m_incident, QStringLiteral("Kim"), QStringLiteral("Fast"),
                                   QStringLiteral("Slow start"), QStringLiteral("Fine"),
                                   QStringLiteral("Alert on expiry")}));
    const auto debrief = DebriefDocument::load(store(), m_incident, clock().now());
    QVERIFY2(debrief, qPrintable(debrief.error()));
    const QString dm = debrief->markdown();
    for (const QString &heading :
         {QStringLiteral("## Figures"), QStringLiteral("## What went well"),
          QStringLiteral("## What went badly"), QStringLiteral("## The customer's feedback"),
          QStringLiteral("## Lessons learned"), QStringLiteral("## Action items"),
          QStringLiteral("## Timeline")})
        QVERIFY2(dm.contains(heading), qPrintable(heading));
    QVERIFY(dm.contains(QStringLiteral("resolution report")));
}

QTEST_GUILESS_MAIN(TestAftermath)
#include "tst_aftermath.moc"
