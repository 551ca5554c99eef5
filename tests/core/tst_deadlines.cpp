#include "rules/countdown.h"
#include "scratchwarroom.h"

#include <QProcess>
#include <QTest>

// Deadlines over time, with the clock moved by hand: never a sleep.
class TestDeadlines : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void openUntilDueThenMissed();
    void metOnTimeStaysMet();
    void metLateIsStillMissed();
    void cannotEndTwice();
    void refusesDeadlineInThePast();
    void refusesDeadlineWithoutWhy();
    void nextDeadlineIsNearestOpen();
    void countdownReadings_data();
    void countdownReadings();
    void durationText_data();
    void durationText();
    void everyMissRecordedOnceAtDueTimeByWarroom();
    void openingTheWarRoomRecordsMisses();
    void commandRecordsMissesItFinds();

private:
    qint64 commitIn(qint64 seconds, const QString &what = QStringLiteral("Roll back"));

    std::unique_ptr<ScratchWarRoom> m_room;
    qint64 m_incident = 0;
};

void TestDeadlines::init()
{
    m_room = std::make_unique<ScratchWarRoom>();
    m_incident = m_room->addIncident();
}

void TestDeadlines::cleanup()
{
    m_room.reset();
}

qint64 TestDeadlines::commitIn(qint64 seconds, const QString &what)
{
    const auto id = m_room->store().commit(
        {m_incident, what, QStringLiteral("Bob"), m_room->clock().now().addSecs(seconds),
         QStringLiteral("before the peak"), QStringLiteral("Ann")});
    if (!id)
        qFatal("commit failed: %s", qPrintable(id.error()));
    return *id;
}

void TestDeadlines::openUntilDueThenMissed()
{
    const qint64 id = commitIn(30 * 60);
    ManualClock &clock = m_room->clock();
    QCOMPARE(m_room->store().commitment(id)->stateAt(clock.now()), CommitmentState::Open);
    clock.advanceSecs(30 * 60);
    QCOMPARE(m_room->store().commitment(id)->stateAt(clock.now()), CommitmentState::Open);
    clock.advanceSecs(1);
    QCOMPARE(m_room->store().commitment(id)->stateAt(clock.now()), CommitmentState::Missed);
    // Missed is read from the clock, never written: the record is unchanged.
    QVERIFY(!m_room->store().commitment(id)->outcome.has_value());
}

void TestDeadlines::metOnTimeStaysMet()
{
    const qint64 id = commitIn(10 * 60);
    m_room->clock().advanceSecs(9 * 60);
    QVERIFY(m_room->store().markMet(id, QStringLiteral("Bob")));
    m_room->clock().advanceSecs(24 * 3600);
    const auto commitment = m_room->store().commitment(id);
    QCOMPARE(commitment->stateAt(m_room->clock().now()), CommitmentState::Met);
    QCOMPARE(commitment->outcome->by, QStringLiteral("Bob"));
    QCOMPARE(commitment->outcome->at, scratchStartTime().addSecs(9 * 60));
}

void TestDeadlines::metLateIsStillMissed()
{
    const qint64 id = commitIn(10 * 60);
    m_room->clock().advanceSecs(11 * 60);
    QVERIFY(m_room->store().markMet(id, QStringLiteral("Bob")));
    QCOMPARE(m_room->store().commitment(id)->stateAt(m_room->clock().now()),
             CommitmentState::Missed);
}

void TestDeadlines::cannotEndTwice()
{
    const qint64 id = commitIn(10 * 60);
    QVERIFY(m_room->store().markMet(id, QStringLiteral("Bob")));
    const Outcome again = m_room->store().markMet(id, QStringLiteral("Carol"));
    QVERIFY(!again);
    QVERIFY2(again.error().contains(QStringLiteral("already ended")), qPrintable(again.error()));
    QCOMPARE(m_room->store().commitment(id)->outcome->by, QStringLiteral("Bob"));
    QVERIFY(!m_room->store().markMet(9999, QStringLiteral("Bob")));
}

void TestDeadlines::refusesDeadlineInThePast()
{
    const auto id = m_room->store().commit({m_incident, QStringLiteral("x"), QStringLiteral("Bob"),
                                            m_room->clock().now().addSecs(-1),
                                            QStringLiteral("why"), QStringLiteral("Ann")});
    QVERIFY(!id);
    QVERIFY2(id.error().contains(QStringLiteral("passed")), qPrintable(id.error()));
}

void TestDeadlines::refusesDeadlineWithoutWhy()
{
    const auto id = m_room->store().commit({m_incident, QStringLiteral("x"), QStringLiteral("Bob"),
                                            m_room->clock().now().addSecs(60), QStringLiteral(" "),
                                            QStringLiteral("Ann")});
    QVERIFY(!id);
    QVERIFY2(id.error().contains(QStringLiteral("reason")), qPrintable(id.error()));
    QVERIFY(m_room->store().commitments(m_incident)->isEmpty());
}

void TestDeadlines::nextDeadlineIsNearestOpen()
{
    const qint64 later = commitIn(60 * 60, QStringLiteral("later"));
    const qint64 sooner = commitIn(20 * 60, QStringLiteral("sooner"));
    const auto commitments = [&] {
        return *m_room->store().commitments(m_incident);
    };
    const auto now = [&] {
        return m_room->clock().now();
    };
    QCOMPARE(nextDeadline(commitments(), now())->id, sooner);
    QVERIFY(missedAwaitingSupersede(commitments(), now()).isEmpty());

    // A passed, unmet deadline is not "next" while another is still open: it waits apart,
    // in its own list, until someone deals with it.
    m_room->clock().advanceSecs(25 * 60);
    QCOMPARE(nextDeadline(commitments(), now())->id, later);
    const QList<Commitment> missed = missedAwaitingSupersede(commitments(), now());
    QCOMPARE(missed.size(), 1);
    QCOMPARE(missed.first().id, sooner);
    QCOMPARE(earliestOutstanding(commitments())->id, sooner); // what Ctrl+M acts on

    const auto replacement = m_room->store().supersede(sooner, now().addSecs(10 * 60),
                                                       QStringLiteral("replica still catching up"),
                                                       QStringLiteral("Ann"));
    QVERIFY2(replacement, qPrintable(replacement.error()));
    QVERIFY(missedAwaitingSupersede(commitments(), now()).isEmpty());
    QCOMPARE(nextDeadline(commitments(), now())->id, *replacement);

    // Everything passed: nothing is next, and each miss still shows, oldest first.
    m_room->clock().advanceSecs(2 * 60 * 60);
    QVERIFY(!nextDeadline(commitments(), now()).has_value());
    const QList<Commitment> both = missedAwaitingSupersede(commitments(), now());
    QCOMPARE(both.size(), 2);
    QCOMPARE(both.at(0).id, *replacement);
    QCOMPARE(both.at(1).id, later);

    // A late "met" ends the wait, though the deadline stays missed in the record.
    QVERIFY(m_room->store().markMet(later, QStringLiteral("Bob")));
    QCOMPARE(missedAwaitingSupersede(commitments(), now()).size(), 1);
}

void TestDeadlines::countdownReadings_data()
{
    QTest::addColumn<bool>("hasDeadline");
    QTest::addColumn<qint64>("secondsAfterCommit"); // the deadline is due 30 min after commit
    QTest::addColumn<CountdownUrgency>("urgency");
    QTest::addColumn<QString>("text");
    QTest::newRow("none") << false << qint64(0) << CountdownUrgency::NoDeadline
                          << "no deadline committed";
    QTest::newRow("fresh") << true << qint64(0) << CountdownUrgency::Comfortable
                           << "30 min 0 s left";
    QTest::newRow("15 min left") << true << qint64(15 * 60) << CountdownUrgency::Comfortable
                                 << "15 min 0 s left";
    QTest::newRow("14:59 left") << true << qint64(15 * 60 + 1) << CountdownUrgency::Soon
                                << "14 min 59 s left";
    QTest::newRow("due now") << true << qint64(30 * 60) << CountdownUrgency::Soon << "0 s left";
    QTest::newRow("one second late")
        << true << qint64(30 * 60 + 1) << CountdownUrgency::Missed << "MISSED 1 s ago";
    QTest::newRow("an hour late") << true << qint64(90 * 60 + 5) << CountdownUrgency::Missed
                                  << "MISSED 1 h 0 min ago";
}

void TestDeadlines::countdownReadings()
{
    QFETCH(bool, hasDeadline);
    QFETCH(qint64, secondsAfterCommit);
    QFETCH(CountdownUrgency, urgency);
    QFETCH(QString, text);
    if (hasDeadline)
        commitIn(30 * 60);
    m_room->clock().advanceSecs(secondsAfterCommit);
    const auto commitments = *m_room->store().commitments(m_incident);
    const auto reading =
        readCountdown(hasDeadline ? std::optional<Commitment>(commitments.first()) : std::nullopt,
                      m_room->clock().now());
    QCOMPARE(reading.urgency, urgency);
    QCOMPARE(reading.text, text);
}

void TestDeadlines::durationText_data()
{
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << "0 s";
    QTest::newRow("seconds") << qint64(9) << "9 s";
    QTest::newRow("minutes") << qint64(4 * 60 + 5) << "4 min 5 s";
    QTest::newRow("19:54 is a duration, not a time of day")
        << qint64(19 * 60 + 54) << "19 min 54 s";
    QTest::newRow("hour drops the seconds") << qint64(3600 + 4 * 60 + 5) << "1 h 4 min";
    QTest::newRow("days") << qint64(2 * 86400 + 3 * 3600 + 4 * 60 + 5) << "2 d 3 h 4 min";
    QTest::newRow("negative reads as magnitude") << qint64(-65) << "1 min 5 s";
}

void TestDeadlines::durationText()
{
    QFETCH(qint64, seconds);
    QFETCH(QString, text);
    QCOMPARE(formatDuration(seconds), text);
}

namespace {
QList<LogEntry> missEvents(IncidentStore &store, qint64 incidentId)
{
    QList<LogEntry> misses;
    const auto entries = store.logEntries(incidentId, 1, 1000);
    for (const LogEntry &e : *entries) {
        if (e.event == LogEvent::Missed)
            misses.append(e);
    }
    return misses;
}
} // namespace

void TestDeadlines::everyMissRecordedOnceAtDueTimeByWarroom()
{
    const qint64 other = m_room->addIncident(QStringLiteral("Search slow"));
    const QDateTime start = m_room->clock().now();
    commitIn(60, QStringLiteral("first"));
    commitIn(60, QStringLiteral("second, due together")); // two at once: both are recorded
    QVERIFY(
        m_room->store().commit({other, QStringLiteral("elsewhere"), QStringLiteral("Kim"),
                                start.addSecs(90), QStringLiteral("why"), QStringLiteral("Ann")}));
    QCOMPARE(*m_room->store().recordMissedDeadlines(), 0); // nothing has passed yet
    m_room->clock().advanceSecs(3600);
    QCOMPARE(*m_room->store().recordMissedDeadlines(), 3); // every incident's, not one
    QCOMPARE(*m_room->store().recordMissedDeadlines(), 0); // once
    auto other_store = m_room->openSecondStore();          // another window's look
    QCOMPARE(*other_store->recordMissedDeadlines(), 0);

    const QList<LogEntry> mine = missEvents(m_room->store(), m_incident);
    QCOMPARE(mine.size(), 2);
    for (const LogEntry &miss : mine) {
        QCOMPARE(miss.author, QStringLiteral("Warroom")); // not the owner, who wrote nothing
        QCOMPARE(miss.at, start.addSecs(60));             // when it was missed, not when seen
    }
    const QList<LogEntry> theirs = missEvents(m_room->store(), other);
    QCOMPARE(theirs.size(), 1);
    QCOMPARE(theirs.first().at, start.addSecs(90));
    QCOMPARE(m_room->store().missedDeadlines()->size(), 3);
    QVERIFY(m_room->store().checkRecordChain(0)->intact);
}

void TestDeadlines::openingTheWarRoomRecordsMisses()
{
    commitIn(60);
    m_room->closeStore();
    m_room->clock().advanceSecs(600); // nobody had the war room open
    m_room->reopenStore();
    QCOMPARE(missEvents(m_room->store(), m_incident).size(), 1);
}

void TestDeadlines::commandRecordsMissesItFinds()
{
    // A command on real time: a deadline in 1 s, then any command after it.
    m_room->closeStore();
    auto run = [&](const QStringList &arguments) {
        QProcess p;
        p.start(warroomExecutable(), QStringList(arguments)
                                         << QStringLiteral("--database") << m_room->path());
        p.waitForFinished(20000);
        return p.exitCode();
    };
    QCOMPARE(run({QStringLiteral("commit"), QStringLiteral("--incident"),
                  QString::number(m_incident), QStringLiteral("--what"), QStringLiteral("x"),
                  QStringLiteral("--owner"), QStringLiteral("Bob"), QStringLiteral("--due"),
                  QStringLiteral("+1s"), QStringLiteral("--why"), QStringLiteral("y")}),
             0);
    QTest::qSleep(1500);
    QCOMPARE(run({QStringLiteral("list")}), 0);
    m_room->reopenStore();
    const QList<LogEntry> misses = missEvents(m_room->store(), m_incident);
    QCOMPARE(misses.size(), 1);
    QCOMPARE(misses.first().author, QStringLiteral("Warroom"));
}

QTEST_GUILESS_MAIN(TestDeadlines)
#include "tst_deadlines.moc"
