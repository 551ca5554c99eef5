#include "changerecorder.h"
#include "rules/cadence.h"
#include "rules/countdown.h"
#include "rules/statusrules.h"
#include "rules/timebox.h"
#include "scratchwarroom.h"
#include "usecases/incidentsnapshot.h"

#include <QSignalSpy>
#include <QTest>

// The crisis habits as state machines, moved through with the clock: never a sleep.
class TestDiscipline : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void supersedeReplacesAndSaysWhy();
    void supersedeRefusesEndedOrPastDue();
    void missedIsRecordedOnceAcrossWindows();
    void timeboxConfirmDropExtend();
    void timeboxOnlyForHypotheses();
    void expiredTimeboxesAreFound();
    void statusMoves_data();
    void statusMoves();
    void statusChangeDraftsNoticeAndTimesAcknowledge();
    void statusChangeNeedsCheckpointAndWhy();
    void handoverChangesPersonAndKeepsHistory();
    void liaisonIsNamedAndHandedOverApart();
    void framingGoesStaleAndConfirmRestarts();
    void problemStatementNeedsCustomerConfirmation();
    void questionsStayOpenUntilAnswered();
    void openQuestionsFollowAnotherWindowsWrites();
    void customerAsksNeedWhyAndAreCounted();
    void rollUpReadsLikeTheCommanderSaysIt();
    void rollUpNamesTheOpenDeadlineNextAndTheMissedApart();
    void customerTimeZoneIsNamedAndLogged();
    void unsentNoticeFollowsTheStateUntilSent();

private:
    IncidentStore &store() { return m_room->store(); }
    ManualClock &clock() { return m_room->clock(); }
    qint64 commitIn(qint64 seconds, const QString &what = QStringLiteral("Roll back"));
    QList<LogEntry> events(const QString &event);

    std::unique_ptr<ScratchWarRoom> m_room;
    qint64 m_incident = 0;
};

void TestDiscipline::init()
{
    m_room = std::make_unique<ScratchWarRoom>();
    m_incident = m_room->addIncident();
}

void TestDiscipline::cleanup()
{
    m_room.reset();
}

qint64 TestDiscipline::commitIn(qint64 seconds, const QString &what)
{
    const auto id =
        store().commit({m_incident, what, QStringLiteral("Bob"), clock().now().addSecs(seconds),
                        QStringLiteral("peak at 12"), QStringLiteral("Ann")});
    if (!id)
        qFatal("commit failed: %s", qPrintable(id.error()));
    return *id;
}

QList<LogEntry> TestDiscipline::events(const QString &event)
{
    QList<LogEntry> found;
    const auto entries = store().logEntries(m_incident, 1, 1000);
    for (const LogEntry &e : *entries) {
        if (e.kind == LogKind::Event && e.event == event)
            found.append(e);
    }
    return found;
}

void TestDiscipline::supersedeReplacesAndSaysWhy()
{
    const qint64 old = commitIn(20 * 60, QStringLiteral("Failover done"));
    clock().advanceSecs(15 * 60);
    const auto next =
        store().supersede(old, clock().now().addSecs(30 * 60),
                          QStringLiteral("replica was 40 % behind"), QStringLiteral("Ann"));
    QVERIFY2(next, qPrintable(next.error()));
    const auto oldOne = store().commitment(old);
    QCOMPARE(oldOne->stateAt(clock().now()), CommitmentState::Superseded);
    QCOMPARE(oldOne->outcome->reason, QStringLiteral("replica was 40 % behind"));
    QCOMPARE(oldOne->outcome->supersededById, *next);
    const auto newOne = store().commitment(*next);
    QCOMPARE(newOne->what, QStringLiteral("Failover done"));
    QCOMPARE(newOne->owner, QStringLiteral("Bob"));
    QCOMPARE(newOne->stateAt(clock().now()), CommitmentState::Open);
    QCOMPARE(nextDeadline(*store().commitments(m_incident), clock().now())->id, *next);
    const auto logged = events(LogEvent::Superseded);
    QCOMPARE(logged.size(), 1);
    QVERIFY(logged.first().text.contains(QStringLiteral("replica was 40 % behind")));
}

void TestDiscipline::supersedeRefusesEndedOrPastDue()
{
    const qint64 id = commitIn(10 * 60);
    QVERIFY(!store().supersede(id, clock().now().addSecs(-5), QStringLiteral("x"),
                               QStringLiteral("Ann")));
    QVERIFY(!store().supersede(id, clock().now().addSecs(600), QStringLiteral(""),
                               QStringLiteral("Ann")));
    QVERIFY(store().markMet(id, QStringLiteral("Bob")));
    const auto again = store().supersede(id, clock().now().addSecs(600), QStringLiteral("x"),
                                         QStringLiteral("Ann"));
    QVERIFY(!again);
    QVERIFY2(again.error().contains(QStringLiteral("already ended")), qPrintable(again.error()));
    QCOMPARE(store().commitments(m_incident)->size(), 1);
}

void TestDiscipline::missedIsRecordedOnceAcrossWindows()
{
    const qint64 id = commitIn(5 * 60, QStringLiteral("Cache warmed"));
    auto otherWindow = m_room->openSecondStore();
    QCOMPARE(*store().recordMissedDeadlines(m_incident), 0); // not yet due
    clock().advanceSecs(5 * 60 + 1);
    QCOMPARE(*store().recordMissedDeadlines(m_incident), 1);
    QCOMPARE(*otherWindow->recordMissedDeadlines(m_incident), 0);
    QCOMPARE(*store().recordMissedDeadlines(m_incident), 0);
    const auto missed = events(LogEvent::Missed);
    QCOMPARE(missed.size(), 1);
    QCOMPARE(missed.first().commitmentId, id);
    QVERIFY(missed.first().text.contains(QStringLiteral("MISSED")));
    // Meeting it late is recorded too, and the commitment stays a miss.
    QVERIFY(store().markMet(id, QStringLiteral("Bob")));
    QCOMPARE(store().commitment(id)->stateAt(clock().now()), CommitmentState::Missed);
    QVERIFY(events(LogEvent::Met).first().text.contains(QStringLiteral("LATE")));
}

void TestDiscipline::timeboxConfirmDropExtend()
{
    const LogEntry theory =
        m_room->addLog(m_incident, QStringLiteral("DNS TTL too long"), LogKind::Hypothesis);
    const auto box = store().timeboxTheory(theory.id, clock().now().addSecs(15 * 60),
                                           QStringLiteral("cheap to test"), QStringLiteral("Ann"));
    QVERIFY2(box, qPrintable(box.error()));
    QVERIFY(store().commitment(*box)->isTimebox());
    QVERIFY(!store().timeboxTheory(theory.id, clock().now().addSecs(600), QStringLiteral("again"),
                                   QStringLiteral("Ann"))); // one open timebox per theory
    QVERIFY(!store().markMet(*box, QStringLiteral("Ann"))); // a theory is settled, not "met"

    // "Ten more minutes", twice: each extension is counted.
    clock().advanceSecs(16 * 60);
    QCOMPARE(expiredTimeboxes(*store().commitments(m_incident), clock().now()).size(), 1);
    const auto first =
        store().supersede(*box, clock().now().addSecs(10 * 60),
                          QStringLiteral("need one more trace"), QStringLiteral("Ann"));
    QVERIFY(first);
    QCOMPARE(timeboxExtensions(*store().commitments(m_incident), theory.id), 1);
    const auto second =
        store().supersede(*first, clock().now().addSecs(10 * 60),
                          QStringLiteral("trace incomplete"), QStringLiteral("Ann"));
    QVERIFY(second);
    QCOMPARE(timeboxExtensions(*store().commitments(m_incident), theory.id), 2);
    QVERIFY(events(LogEvent::Superseded).last().text.contains(QStringLiteral("2nd extension")));

    QVERIFY(store().settleTheory(*second, TimeboxVerdict::Dropped, QStringLiteral("Ann")));
    const auto settled = store().commitment(*second);
    QCOMPARE(settled->outcome->verdict, TimeboxVerdict::Dropped);
    QCOMPARE(settled->stateAt(clock().now()), CommitmentState::Met); // decided on time
    QVERIFY(!store().settleTheory(*second, TimeboxVerdict::Confirmed, QStringLiteral("Ann")));
    QCOMPARE(events(LogEvent::TheoryDropped).size(), 1);
    QVERIFY(expiredTimeboxes(*store().commitments(m_incident), clock().now()).isEmpty());
}

void TestDiscipline::timeboxOnlyForHypotheses()
{
    const LogEntry observation = m_room->addLog(m_incident, QStringLiteral("disk 91 %"));
    const auto refused = store().timeboxTheory(observation.id, clock().now().addSecs(600),
                                               QStringLiteral("x"), QStringLiteral("Ann"));
    QVERIFY(!refused);
    QVERIFY2(refused.error().contains(QStringLiteral("hypothesis")), qPrintable(refused.error()));
    const qint64 plain = commitIn(600);
    QVERIFY(!store().settleTheory(plain, TimeboxVerdict::Confirmed, QStringLiteral("Ann")));
}

void TestDiscipline::expiredTimeboxesAreFound()
{
    const LogEntry theory =
        m_room->addLog(m_incident, QStringLiteral("GC pauses"), LogKind::Hypothesis);
    QVERIFY(store().timeboxTheory(theory.id, clock().now().addSecs(60), QStringLiteral("quick"),
                                  QStringLiteral("Ann")));
    commitIn(30); // a plain deadline passing is not a timebox
    clock().advanceSecs(61);
    const auto expired = expiredTimeboxes(*store().commitments(m_incident), clock().now());
    QCOMPARE(expired.size(), 1);
    QCOMPARE(expired.first().hypothesisEntryId, theory.id);
}

void TestDiscipline::statusMoves_data()
{
    QTest::addColumn<IncidentStatus>("from");
    QTest::addColumn<IncidentStatus>("to");
    QTest::addColumn<bool>("allowed");
    using S = IncidentStatus;
    QTest::newRow("forward one") << S::Reported << S::Acknowledged << true;
    QTest::newRow("forward skip") << S::Acknowledged << S::Mitigating << true;
    QTest::newRow("same") << S::Investigating << S::Investigating << false;
    QTest::newRow("back to investigating") << S::Monitoring << S::Investigating << true;
    QTest::newRow("reopen resolved") << S::Resolved << S::Investigating << true;
    QTest::newRow("back elsewhere") << S::Monitoring << S::Identified << false;
    QTest::newRow("close resolved") << S::Resolved << S::Closed << true;
    QTest::newRow("close unresolved") << S::Mitigating << S::Closed << false;
    QTest::newRow("closed is final") << S::Closed << S::Investigating << false;
}

void TestDiscipline::statusMoves()
{
    QFETCH(IncidentStatus, from);
    QFETCH(IncidentStatus, to);
    QFETCH(bool, allowed);
    QCOMPARE(checkStatusMove(from, to).ok(), allowed);
}

void TestDiscipline::statusChangeDraftsNoticeAndTimesAcknowledge()
{
    ChangeRecorder changes(store());
    clock().advanceSecs(7 * 60);
    const auto change = store().changeStatus(
        {m_incident, QStringLiteral("Ann"), IncidentStatus::Acknowledged,
         QStringLiteral("Engineers are tracing failed orders."), clock().now().addSecs(30 * 60),
         QStringLiteral("the trace finishes by then")});
    QVERIFY2(change, qPrintable(change.error()));
    QCOMPARE(change->from, IncidentStatus::Reported);
    QCOMPARE(store().incident(m_incident)->status, IncidentStatus::Acknowledged);
    QCOMPARE(changes.incidents(ChangeTopic::Status), QList<qint64>{m_incident});

    const auto notices = store().notices(m_incident);
    QCOMPARE(notices->size(), 1);
    const QString text = notices->first().text;
    QVERIFY2(text.contains(QStringLiteral("Acknowledged")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Engineers are tracing failed orders.")));
    QVERIFY(text.contains(QStringLiteral("the trace finishes by then")));
    QVERIFY(text.contains(QStringLiteral("Ann Lee, +1 555 0100")));
    QVERIFY(!notices->first().sentAt.isValid());

    auto snapshot = loadSnapshot(store(), m_incident);
    QCOMPARE(snapshot->secondsToAcknowledge(), -1);
    clock().advanceSecs(3 * 60);
    QVERIFY(store().markNoticeSent(notices->first().id, QStringLiteral("Liaison")));
    QVERIFY(!store().markNoticeSent(notices->first().id, QStringLiteral("Liaison")));
    snapshot = loadSnapshot(store(), m_incident);
    QCOMPARE(snapshot->secondsToAcknowledge(), 10 * 60);

    // Resolving (with its report) stamps the time; falling back to investigating clears it.
    NewResolutionReport report;
    report.incidentId = m_incident;
    report.by = QStringLiteral("Ann");
    report.cause = QStringLiteral("A full disk.");
    report.done = QStringLiteral("We freed space.");
    report.noneRemains = true;
    report.fullySolved = true;
    report.recurrence = QStringLiteral("Not with the new alert.");
    QVERIFY(store().resolve(report));
    QCOMPARE(store().incident(m_incident)->resolvedAt, clock().now());
    QVERIFY(store().changeStatus({m_incident, QStringLiteral("Ann"), IncidentStatus::Investigating,
                                  QStringLiteral("It is back."), clock().now().addSecs(600),
                                  QStringLiteral("quick look")}));
    QVERIFY(!store().incident(m_incident)->resolvedAt.isValid());
    QCOMPARE(store().statusChanges(m_incident)->size(), 3);
    QCOMPARE(events(LogEvent::StatusChanged).size(), 3);
}

void TestDiscipline::statusChangeNeedsCheckpointAndWhy()
{
    const QDateTime ahead = clock().now().addSecs(600);
    const QList<NewStatusChange> refused{
        {m_incident, QStringLiteral("Ann"), IncidentStatus::Investigating, QString(), ahead,
         QStringLiteral("why")},
        {m_incident, QStringLiteral("Ann"), IncidentStatus::Investigating, QStringLiteral("doing"),
         QDateTime(), QStringLiteral("why")},
        {m_incident, QStringLiteral("Ann"), IncidentStatus::Investigating, QStringLiteral("doing"),
         clock().now().addSecs(-60), QStringLiteral("why")},
        {m_incident, QStringLiteral("Ann"), IncidentStatus::Investigating, QStringLiteral("doing"),
         ahead, QString()},
        {m_incident, QStringLiteral("Ann"), IncidentStatus::Closed, QStringLiteral("doing"), ahead,
         QStringLiteral("why")},
    };
    for (const NewStatusChange &change : refused)
        QVERIFY(!store().changeStatus(change));
    QCOMPARE(store().incident(m_incident)->status, IncidentStatus::Reported);
    QVERIFY(store().notices(m_incident)->isEmpty());
}

void TestDiscipline::handoverChangesPersonAndKeepsHistory()
{
    clock().advanceSecs(3600);
    QVERIFY(store().handOver(m_incident, QStringLiteral("Kim Park"), QStringLiteral("+49 30 1234"),
                             QStringLiteral("Failover half done; see 14:10 log."),
                             QStringLiteral("Ann Lee")));
    auto incident = store().incident(m_incident);
    QCOMPARE(incident->inChargeName, QStringLiteral("Kim Park"));
    QCOMPARE(incident->inChargePhone, QStringLiteral("+49 30 1234"));
    QCOMPARE(incident->inChargeSince, clock().now());
    QVERIFY(!store().handOver(m_incident, QStringLiteral("Kim Park"), QStringLiteral("+49 30 1234"),
                              QStringLiteral("again"), QStringLiteral("Ann")));
    QVERIFY(!store().handOver(m_incident, QStringLiteral("Lee"), QStringLiteral("no phone"),
                              QStringLiteral("note"), QStringLiteral("Ann")));
    QVERIFY(!store().handOver(m_incident, QStringLiteral("Lee"), QStringLiteral("555 1234"),
                              QString(), QStringLiteral("Ann"))); // a handover needs a note
    clock().advanceSecs(600);
    QVERIFY(store().handOver(m_incident, QStringLiteral("Ann Lee"), QStringLiteral("+1 555 0100"),
                             QStringLiteral("Back from break."), QStringLiteral("Kim Park")));
    const auto history = store().handovers(m_incident);
    QCOMPARE(history->size(), 2);
    QCOMPARE(history->at(0).fromName, QStringLiteral("Ann Lee"));
    QCOMPARE(history->at(0).toName, QStringLiteral("Kim Park"));
    QCOMPARE(history->at(1).toName, QStringLiteral("Ann Lee"));
    const auto logged = events(LogEvent::Handover);
    QCOMPARE(logged.size(), 2);
    QVERIFY(logged.first().text.contains(QStringLiteral("Failover half done")));
}

void TestDiscipline::liaisonIsNamedAndHandedOverApart()
{
    const QDateTime inChargeSince = store().incident(m_incident)->inChargeSince;
    QVERIFY(store().incident(m_incident)->liaisonName.isEmpty());
    QVERIFY(!store().handOver(m_incident, QStringLiteral("Sofia"), QString(),
                              QStringLiteral("owns the calls"), QStringLiteral("Ann"),
                              Role::Liaison)); // a liaison is reachable
    clock().advanceSecs(300);
    QVERIFY(store().handOver(m_incident, QStringLiteral("Sofia Lind"), QStringLiteral("+46 8 555"),
                             QStringLiteral("Owns the calls with their managers."),
                             QStringLiteral("Ann Lee"), Role::Liaison));
    auto incident = store().incident(m_incident);
    QCOMPARE(incident->liaisonName, QStringLiteral("Sofia Lind"));
    QCOMPARE(incident->liaisonPhone, QStringLiteral("+46 8 555"));
    QCOMPARE(incident->liaisonSince, clock().now());
    // The person in charge stays, and so does the time they took over.
    QCOMPARE(incident->inChargeName, QStringLiteral("Ann Lee"));
    QCOMPARE(incident->inChargeSince, inChargeSince);
    QCOMPARE(incident->customerContact(), QStringLiteral("Sofia Lind, +46 8 555"));
    QVERIFY(!store().handOver(m_incident, QStringLiteral("Sofia Lind"), QStringLiteral("+46 8 555"),
                              QStringLiteral("again"), QStringLiteral("Ann"), Role::Liaison));

    clock().advanceSecs(600);
    QVERIFY(store().handOver(m_incident, QStringLiteral("Raj Patel"), QStringLiteral("+44 20 555"),
                             QStringLiteral("Sofia's shift ends."), QStringLiteral("Sofia Lind"),
                             Role::Liaison));
    const auto history = store().handovers(m_incident);
    QCOMPARE(history->size(), 2);
    QCOMPARE(history->at(0).role, Role::Liaison);
    QCOMPARE(history->at(0).fromName, QString());
    QCOMPARE(history->at(1).fromName, QStringLiteral("Sofia Lind"));
    QCOMPARE(history->at(1).toName, QStringLiteral("Raj Patel"));
    const auto logged = events(LogEvent::Handover);
    QCOMPARE(logged.size(), 2);
    QVERIFY2(logged.first().text.startsWith(QStringLiteral("Business liaison named: Sofia Lind")),
             qPrintable(logged.first().text));
    QVERIFY2(logged.last().text.contains(QStringLiteral("Raj Patel is now the business liaison")),
             qPrintable(logged.last().text));

    // The customer hears from the liaison: notices and briefings name them as the contact.
    QVERIFY(store().changeStatus({m_incident, QStringLiteral("Raj"), IncidentStatus::Acknowledged,
                                  QStringLiteral("Tracing failed orders."),
                                  clock().now().addSecs(1800), QStringLiteral("trace ends")}));
    const QString notice = store().notices(m_incident)->constLast().text;
    QVERIFY2(notice.contains(QStringLiteral("Your contact: Raj Patel, +44 20 555")),
             qPrintable(notice));
    QVERIFY(!notice.contains(QStringLiteral("Ann Lee")));
    NewBriefing briefing{
        m_incident, QStringLiteral("Raj Patel"), QStringLiteral("Orders fail."),        {}, {},
        {},         clock().now().addSecs(1800), QStringLiteral("the trace ends then"), 0};
    QVERIFY(store().publishBriefing(briefing));
    QCOMPARE(store().briefings(m_incident)->constLast().publishedContact,
             QStringLiteral("Raj Patel, +44 20 555"));
}

void TestDiscipline::framingGoesStaleAndConfirmRestarts()
{
    QVERIFY(!store().confirmFraming(m_incident, QStringLiteral("Ann"))); // nothing to confirm
    QVERIFY(!store().frame(m_incident, QStringLiteral("two\nlines"), QStringLiteral("Ann")));
    QVERIFY(store().frame(m_incident, QStringLiteral("Restore checkout; failover next"),
                          QStringLiteral("Ann")));
    const Severity severity = Severity::Sev2; // hourly cadence
    auto framing = *store().currentFraming(m_incident);
    QVERIFY(!isFramingStale(framing, severity, clock().now()));
    clock().advanceSecs(60 * 60);
    QVERIFY(!isFramingStale(framing, severity, clock().now()));
    clock().advanceSecs(1);
    QVERIFY(isFramingStale(framing, severity, clock().now()));
    QVERIFY(store().confirmFraming(m_incident, QStringLiteral("Ann")));
    framing = *store().currentFraming(m_incident);
    QCOMPARE(framing->objective, QStringLiteral("Restore checkout; failover next"));
    QVERIFY(framing->confirmsId > 0);
    QVERIFY(!isFramingStale(framing, severity, clock().now()));
    QVERIFY(isFramingStale(framing, Severity::Sev1, clock().now().addSecs(31 * 60)));
}

void TestDiscipline::problemStatementNeedsCustomerConfirmation()
{
    QVERIFY(!store().currentProblem(m_incident)->has_value()); // created without one
    const auto first = store().restateProblem(
        m_incident, QStringLiteral("Checkout fails for EU users"), QStringLiteral("Ann"));
    QVERIFY(first);
    QVERIFY(!store().currentProblem(m_incident)->value().confirmation);
    const auto second = store().restateProblem(
        m_incident, QStringLiteral("Checkout fails for EU web users only"), QStringLiteral("Ann"));
    QVERIFY(second);
    QCOMPARE(store().incident(m_incident)->problemStatement,
             QStringLiteral("Checkout fails for EU web users only"));
    const Outcome stale = store().confirmProblem(
        *first, QStringLiteral("Jo Smith"), QStringLiteral("phone call"), QStringLiteral("Ann"));
    QVERIFY(!stale);
    QVERIFY2(stale.error().contains(QStringLiteral("restated")), qPrintable(stale.error()));
    QVERIFY(!store().confirmProblem(*second, QStringLiteral("Jo Smith"), QString(),
                                    QStringLiteral("Ann"))); // how is required
    QVERIFY(store().confirmProblem(*second, QStringLiteral("Jo Smith"),
                                   QStringLiteral("phone call"), QStringLiteral("Ann")));
    const auto current = store().currentProblem(m_incident)->value();
    QCOMPARE(current.confirmation->confirmedBy, QStringLiteral("Jo Smith"));
    QCOMPARE(current.confirmation->how, QStringLiteral("phone call"));
    QVERIFY(!store().confirmProblem(*second, QStringLiteral("Jo"), QStringLiteral("mail"),
                                    QStringLiteral("Ann")));
}

void TestDiscipline::questionsStayOpenUntilAnswered()
{
    const LogEntry quick =
        m_room->addLog(m_incident, QStringLiteral("who restarted db-2?"), LogKind::Question);
    const auto addressed = store().appendLogEntry(
        {m_incident, QStringLiteral("Ann"), LogKind::Question, QStringLiteral("Is the CDN purged?"),
         0, QStringLiteral("Network team")});
    QVERIFY(addressed);
    auto open = store().openQuestions(m_incident);
    QCOMPARE(open->size(), 2);
    QCOMPARE(open->at(1).addressee, QStringLiteral("Network team"));

    const auto answer = store().answerQuestion(quick.id, QStringLiteral("Kim did, at 14:02"),
                                               QStringLiteral("Kim"));
    QVERIFY2(answer, qPrintable(answer.error()));
    QCOMPARE(answer->kind, LogKind::Answer);
    QCOMPARE(answer->answersId, quick.id);
    open = store().openQuestions(m_incident);
    QCOMPARE(open->size(), 1);
    QCOMPARE(open->first().id, addressed->id);
    QVERIFY(!store().answerQuestion(quick.id, QStringLiteral("again"), QStringLiteral("Kim")));
    const LogEntry notAQuestion = m_room->addLog(m_incident, QStringLiteral("plain"));
    QVERIFY(!store().answerQuestion(notAQuestion.id, QStringLiteral("x"), QStringLiteral("Kim")));
    // Answers go through answerQuestion, so they always name their question.
    QVERIFY(!store().appendLogEntry(
        {m_incident, QStringLiteral("Kim"), LogKind::Answer, QStringLiteral("loose")}));
}

void TestDiscipline::openQuestionsFollowAnotherWindowsWrites()
{
    const LogEntry first =
        m_room->addLog(m_incident, QStringLiteral("who restarted db-2?"), LogKind::Question);
    QCOMPARE(store().openQuestions(m_incident)->size(), 1);
    m_room->addLog(m_incident, QStringLiteral("db-2 is back")); // neither question nor answer
    QCOMPARE(store().openQuestions(m_incident)->size(), 1);

    // Another window asks and answers: this store's next look sees both, though it looked
    // just before and the log grew by other entries only until then.
    auto otherWindow = m_room->openSecondStore();
    const auto second =
        otherWindow->appendLogEntry({m_incident, QStringLiteral("Bob"), LogKind::Question,
                                     QStringLiteral("Is the CDN purged?")});
    QVERIFY2(second, qPrintable(second.error()));
    auto open = store().openQuestions(m_incident);
    QCOMPARE(open->size(), 2);
    QCOMPARE(open->at(1).id, second->id);
    QVERIFY(
        otherWindow->answerQuestion(first.id, QStringLiteral("Kim did"), QStringLiteral("Kim")));
    open = store().openQuestions(m_incident);
    QCOMPARE(open->size(), 1);
    QCOMPARE(open->first().id, second->id);
    // Another incident's question is not this one's.
    const qint64 other = m_room->addIncident(QStringLiteral("Search slow"));
    m_room->addLog(other, QStringLiteral("which index?"), LogKind::Question);
    QCOMPARE(store().openQuestions(other)->size(), 1);
    QCOMPARE(store().openQuestions(m_incident)->first().id, second->id);
}

void TestDiscipline::customerAsksNeedWhyAndAreCounted()
{
    QVERIFY(!store().askCustomer(m_incident, QStringLiteral("Send HAR files"), QString(),
                                 QStringLiteral("Ann")));
    QVERIFY(!store().appendLogEntry(
        {m_incident, QStringLiteral("Ann"), LogKind::Ask, QStringLiteral("send logs")}));
    const auto ask = store().askCustomer(m_incident, QStringLiteral("Send HAR files"),
                                         QStringLiteral("only their browsers see the failure"),
                                         QStringLiteral("Ann"));
    QVERIFY2(ask, qPrintable(ask.error()));
    QVERIFY(store().askCustomer(m_incident, QStringLiteral("Restart the kiosk"),
                                QStringLiteral("it is on their premises"), QStringLiteral("Ann")));
    auto asks = store().customerAsks(m_incident);
    QCOMPARE(asks->size(), 2);
    QVERIFY(asks->first().logEntryId > 0);
    QCOMPARE(store().logEntry(asks->first().logEntryId)->kind, LogKind::Ask);

    clock().advanceSecs(60);
    QVERIFY(store().markAskSent(*ask, QStringLiteral("Liaison")));
    QVERIFY(!store().markAskSent(*ask, QStringLiteral("Liaison")));
    clock().advanceSecs(600);
    QVERIFY(store().markAskAnswered(*ask, QStringLiteral("Attached 3 files"),
                                    QStringLiteral("Liaison")));
    asks = store().customerAsks(m_incident);
    QCOMPARE(asks->first().sentAt, scratchStartTime().addSecs(60));
    QCOMPARE(asks->first().answeredAt, scratchStartTime().addSecs(660));
    QCOMPARE(asks->first().answer, QStringLiteral("Attached 3 files"));
    QVERIFY(!asks->first().isOutstanding());
    QCOMPARE(loadSnapshot(store(), m_incident)->outstandingAsks(), 1);
}

void TestDiscipline::rollUpReadsLikeTheCommanderSaysIt()
{
    m_room->addLog(m_incident, QStringLiteral("is the CDN purged?"), LogKind::Question);
    QVERIFY(store().askCustomer(m_incident, QStringLiteral("Send HAR files"),
                                QStringLiteral("only their browsers see it"),
                                QStringLiteral("Ann")));
    QVERIFY(store().frame(m_incident, QStringLiteral("Restore checkout"), QStringLiteral("Ann")));
    const qint64 soon = commitIn(10 * 60, QStringLiteral("Failover done"));
    QVERIFY(
        store().markMet(commitIn(5 * 60, QStringLiteral("Logs pulled")), QStringLiteral("Bob")));
    Q_UNUSED(soon);

    QString text = rollUpText(*loadSnapshot(store(), m_incident), clock().now());
    QVERIFY2(text.contains(QStringLiteral("Status: reported · Severity: SEV2")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("In charge: Ann Lee, +1 555 0100")));
    QVERIFY(text.contains(QStringLiteral("Objective: Restore checkout")));
    QVERIFY(!text.contains(QStringLiteral("STALE")));
    QVERIFY(text.contains(QStringLiteral("Problem statement: none written")));
    QVERIFY(text.contains(QStringLiteral("Next deadline: \"Failover done\" (Bob)")));
    QVERIFY(text.contains(QStringLiteral("10 min 0 s left")));
    QVERIFY(text.contains(QStringLiteral("Open questions: 1")));
    QVERIFY(text.contains(QStringLiteral("is the CDN purged?")));
    QVERIFY(text.contains(QStringLiteral("Customer asks outstanding: 1 of 1")));
    QVERIFY(text.contains(QStringLiteral("Commitments: 1 met, 0 missed, 1 open, 0 superseded")));
    QVERIFY(text.contains(QStringLiteral("no notice sent")));

    clock().advanceSecs(70 * 60);
    text = rollUpText(*loadSnapshot(store(), m_incident), clock().now());
    QVERIFY2(text.contains(QStringLiteral("Next deadline: NONE COMMITTED")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("MISSED, awaiting supersede: \"Failover done\" (Bob)")),
             qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("missed by 1 h 0 min")));
    QVERIFY(text.contains(QStringLiteral("STALE")));
    QVERIFY(text.contains(QStringLiteral("Commitments: 1 met, 1 missed, 0 open")));
}

void TestDiscipline::rollUpNamesTheOpenDeadlineNextAndTheMissedApart()
{
    commitIn(5 * 60, QStringLiteral("Logs pulled"));
    commitIn(40 * 60, QStringLiteral("Failover done"));
    clock().advanceSecs(10 * 60);
    const QString text = rollUpText(*loadSnapshot(store(), m_incident), clock().now());
    QVERIFY2(text.contains(QStringLiteral("Next deadline: \"Failover done\" (Bob)")),
             qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("30 min 0 s left")));
    QVERIFY2(text.contains(QStringLiteral("MISSED, awaiting supersede: \"Logs pulled\" (Bob)")),
             qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("missed by 5 min 0 s")));
}

// The customer's zone is a field of the incident; each change of it is an event in the log
// (who, when, from what), and a zone nobody knows is refused with nothing written.
void TestDiscipline::customerTimeZoneIsNamedAndLogged()
{
    QCOMPARE(store().incident(m_incident)->customerTimeZone, QString());
    QCOMPARE(store().incident(m_incident)->customerZone(), QTimeZone::utc());
    const qint64 entriesBefore = *store().logEntryCount(m_incident);
    for (const QString &bad : {QStringLiteral("Mars/Olympus"), QStringLiteral("   "),
                               QStringLiteral("Europe/Berlin'; DROP TABLE incidents; --")}) {
        const Outcome refused = store().setCustomerTimeZone(m_incident, bad, QStringLiteral("Ann"));
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(QStringLiteral("e.g. Europe/Berlin")),
                 qPrintable(refused.error()));
    }
    QCOMPARE(*store().logEntryCount(m_incident), entriesBefore);

    QVERIFY(store().setCustomerTimeZone(m_incident, QStringLiteral(" Asia/Kolkata "),
                                        QStringLiteral("Ann")));
    QCOMPARE(store().incident(m_incident)->customerTimeZone, QStringLiteral("Asia/Kolkata"));
    QVERIFY(!store().setCustomerTimeZone(m_incident, QStringLiteral("Asia/Kolkata"),
                                         QStringLiteral("Ann")));
    QVERIFY(store().setCustomerTimeZone(m_incident, QStringLiteral("Europe/Berlin"),
                                        QStringLiteral("Bob")));
    const QList<LogEntry> changes = events(LogEvent::CustomerZoneSet);
    QCOMPARE(changes.size(), 2);
    QCOMPARE(changes.first().author, QStringLiteral("Ann"));
    QVERIFY2(changes.first().text.contains(QStringLiteral("now Asia/Kolkata (IST), was UTC")),
             qPrintable(changes.first().text));
    QVERIFY2(changes.last().text.contains(QStringLiteral("now Europe/Berlin (CET), was "
                                                         "Asia/Kolkata (IST)")),
             qPrintable(changes.last().text));
    QVERIFY(store().checkRecordChain(m_incident)->intact);

    // A new incident names its customer's zone from the start.
    NewIncident opened{
        QStringLiteral("Payments slow"),   QStringLiteral("Fabrikam"), {}, Severity::Sev3, {}, {},
        QStringLiteral("America/New_York")};
    const auto id = store().createIncident(opened);
    QVERIFY(id);
    QCOMPARE(store().incident(*id)->customerTimeZone, QStringLiteral("America/New_York"));
}

// After a handover the unsent notice names the new contact; a person's wording stands until
// they give it back to the draft; what was sent is kept exactly and never changes again.
void TestDiscipline::unsentNoticeFollowsTheStateUntilSent()
{
    QVERIFY(store().changeStatus({m_incident, QStringLiteral("Ann"), IncidentStatus::Acknowledged,
                                  QStringLiteral("Reading the order records"),
                                  clock().now().addSecs(1800),
                                  QStringLiteral("the records are read by then")}));
    const auto current = [this] {
        const Notice notice = store().notices(m_incident)->constLast();
        return noticeText(notice, *store().incident(m_incident),
                          store().statusChanges(m_incident)->constLast());
    };
    const qint64 notice = store().notices(m_incident)->constLast().id;
    QVERIFY(store().handOver(m_incident, QStringLiteral("Priya Raman"),
                             QStringLiteral("+44 20 7946 0999"), QStringLiteral("shift change"),
                             QStringLiteral("Ann")));
    QVERIFY2(current().contains(QStringLiteral("Your contact: Priya Raman, +44 20 7946 0999")),
             qPrintable(current()));
    QVERIFY(store().setCustomerTimeZone(m_incident, QStringLiteral("Europe/Berlin"),
                                        QStringLiteral("Ann")));
    QVERIFY2(current().contains(QStringLiteral("Next update: Sat 14 Mar 10:30 CET")),
             qPrintable(current()));

    // A person's wording stands, whatever changes after it.
    const QString worded = QStringLiteral("We are on it. Priya Raman calls you at 10:30 CET.");
    QVERIFY(store().editNotice(notice, worded, QStringLiteral("Priya")));
    QVERIFY(!store().editNotice(notice, worded, QStringLiteral("Priya"))); // says that already
    QVERIFY(store().handOver(m_incident, QStringLiteral("Sofia Lindqvist"),
                             QStringLiteral("+44 20 7946 0550"), QStringLiteral("owns the calls"),
                             QStringLiteral("Ann"), Role::Liaison));
    QCOMPARE(current(), worded);
    QCOMPARE(store().notices(m_incident)->constLast().editedBy, QStringLiteral("Priya"));
    // Given back, it follows the state again: the liaison is now the contact.
    QVERIFY(store().editNotice(notice, QString(), QStringLiteral("Priya")));
    QVERIFY2(current().contains(QStringLiteral("Your contact: Sofia Lindqvist")),
             qPrintable(current()));

    // Sent: the record keeps exactly the text that went out.
    const QString sentText = current();
    QVERIFY(store().markNoticeSent(notice, QStringLiteral("Sofia")));
    QVERIFY(store().handOver(m_incident, QStringLiteral("Zed Later"),
                             QStringLiteral("+44 20 7946 0111"), QStringLiteral("next shift"),
                             QStringLiteral("Ann"), Role::Liaison));
    QCOMPARE(store().notices(m_incident)->constLast().sentText, sentText);
    QCOMPARE(current(), sentText);
    QVERIFY(!store().editNotice(notice, QStringLiteral("Rewritten"), QStringLiteral("Zed")));
    QVERIFY(!store().markNoticeSent(notice, QStringLiteral("Zed"), QStringLiteral("Again")));
    QCOMPARE(current(), sentText);
    QVERIFY(store().checkRecordChain(m_incident)->intact);
}

QTEST_GUILESS_MAIN(TestDiscipline)
#include "tst_discipline.moc"
