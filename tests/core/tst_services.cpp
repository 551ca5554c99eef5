#include "domain/fieldcheck.h"
#include "domain/zonedtime.h"
#include "rules/deadlinealerts.h"
#include "rules/duetime.h"
#include "rules/quickentry.h"
#include "rules/reconnectbackoff.h"
#include "rules/statusrules.h"
#include "scratchwarroom.h"
#include "usecases/demoincident.h"
#include "usecases/knownproblemsuggestions.h"

#include <QTest>

class TestServices : public QObject
{
    Q_OBJECT
private slots:
    void reconnectBackoffDoublesToThirtySeconds();
    void quickEntryPrefixes_data();
    void quickEntryPrefixes();
    void phoneNumbers_data();
    void phoneNumbers();
    void kindNamesRoundTrip();
    void demoIncidentTellsAStory();
    void dueTimes_data();
    void dueTimes();
    void deadlineAlertsComeOnce();
    void noticeSpeaksPlainly();
    void noticeWritesTheCustomersTime();
    void timesReadInTheirZone_data();
    void timesReadInTheirZone();
    void zonesAreNamedPlainly();
};

void TestServices::quickEntryPrefixes_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<LogKind>("kind");
    QTest::addColumn<QString>("text");
    QTest::newRow("plain") << "disk full on db-3" << LogKind::Observation << "disk full on db-3";
    QTest::newRow("h:") << "h: pool too small" << LogKind::Hypothesis << "pool too small";
    QTest::newRow("hyp:") << "HYP:pool too small" << LogKind::Hypothesis << "pool too small";
    QTest::newRow("hypothesis:") << "hypothesis: x" << LogKind::Hypothesis << "x";
    QTest::newRow("a:") << "a: restart pods" << LogKind::Action << "restart pods";
    QTest::newRow("!") << "! restart pods" << LogKind::Action << "restart pods";
    QTest::newRow("r:") << "r: 503s gone" << LogKind::Result << "503s gone";
    QTest::newRow("q:") << "q: who deployed?" << LogKind::Question << "who deployed?";
    QTest::newRow("?") << "?who deployed" << LogKind::Question << "who deployed";
    QTest::newRow("ask: not a:") << "ask: send logs" << LogKind::Ask << "send logs";
    QTest::newRow("o:") << "  o:  trimmed  " << LogKind::Observation << "trimmed";
    QTest::newRow("prefix alone is text") << "h:" << LogKind::Observation << "h:";
    QTest::newRow("word, not prefix") << "hello: world" << LogKind::Observation << "hello: world";
}

void TestServices::quickEntryPrefixes()
{
    QFETCH(QString, line);
    QFETCH(LogKind, kind);
    QFETCH(QString, text);
    const QuickEntry entry = parseQuickEntry(line);
    QCOMPARE(entry.kind, kind);
    QCOMPARE(entry.text, text);
}

void TestServices::phoneNumbers_data()
{
    QTest::addColumn<QString>("phone");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("international") << "+44 20 7946 0321" << true;
    QTest::newRow("dashes") << "555-0100" << true;
    QTest::newRow("brackets") << "(030) 1234.56/7" << true;
    QTest::newRow("words") << "call me maybe" << false;
    QTest::newRow("markup") << "<b>555</b>" << false;
    QTest::newRow("too few digits") << "+1" << false;
    QTest::newRow("absurd") << QString(500, u'1') << false;
}

void TestServices::phoneNumbers()
{
    QFETCH(QString, phone);
    QFETCH(bool, accepted);
    QCOMPARE(!checkPhone(phone).has_value(), accepted);
}

void TestServices::kindNamesRoundTrip()
{
    for (LogKind kind : allLogKinds())
        QCOMPARE(parseLogKind(logKindName(kind)), kind);
    QCOMPARE(parseLogKind(u" Hypothesis "), LogKind::Hypothesis);
    QVERIFY(!parseLogKind(u"rumour").has_value());
    QCOMPARE(parseSeverity(u"sev1"), Severity::Sev1);
    QVERIFY(!parseSeverity(u"SEV5").has_value());
    for (IncidentStatus status : allStatuses())
        QCOMPARE(parseStatus(statusName(status)), status);
}

void TestServices::demoIncidentTellsAStory()
{
    ScratchWarRoom room;
    const QDateTime now = room.clock().now();
    const auto id = seedDemoIncident(room.store(), room.clock(), now);
    QVERIFY2(id, qPrintable(id.error()));
    QCOMPARE(room.clock().now(), now);

    const auto log = room.store().logEntries(*id, 1, 100);
    QVERIFY(log->size() >= 12);
    QSet<QString> people;
    int alerts = 0;
    for (const LogEntry &entry : *log) {
        if (entry.byScript)
            ++alerts;
        else
            people.insert(entry.author);
        QVERIFY(entry.at < now); // the story happened before the demo opens
    }
    QCOMPARE(people.size(), 4); // three engineers and the business liaison
    QVERIFY(alerts >= 5);       // the monitoring's, for "People only" to hide
    QCOMPARE(room.store().pinnedLogEntries(*id)->size(), 2); // the turning points
    QCOMPARE(room.store().incident(*id)->liaisonName, QStringLiteral("Sofia Lindqvist"));

    const auto commitments = room.store().commitments(*id);
    QCOMPARE(commitments->size(), 2);
    int met = 0;
    int ahead = 0;
    for (const Commitment &c : *commitments) {
        met += c.stateAt(now) == CommitmentState::Met;
        ahead += c.stateAt(now) == CommitmentState::Open && c.due > now;
    }
    QCOMPARE(met, 1);
    QCOMPARE(ahead, 1);

    const auto briefings = room.store().briefings(*id);
    QCOMPARE(briefings->size(), 1);
    QVERIFY(briefings->first().nextUpdateAt > now);
    QVERIFY(!briefings->first().nextUpdateWhy.isEmpty());
    QVERIFY(!room.store().incident(*id)->inChargePhone.isEmpty());

    // Options for the customer, one chosen, and a problem the book knows from before, which the
    // window will suggest.
    const auto options = room.store().options(*id);
    QCOMPARE(options->size(), 2);
    QVERIFY(options->first().isChosen());
    const auto suggested = KnownProblemSuggestions::pending(room.store(), *id);
    QVERIFY2(suggested, qPrintable(suggested.error()));
    QCOMPARE(suggested->size(), 1);
    QVERIFY(suggested->first().problem.at < log->first().at);
}

void TestServices::dueTimes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("secondsFromNow"); // -1: refused
    QTest::newRow("minutes") << "+25m" << qint64(25 * 60);
    QTest::newRow("min") << "+25min" << qint64(25 * 60);
    QTest::newRow("hours") << "+2h" << qint64(2 * 3600);
    QTest::newRow("mixed") << "+1h30m" << qint64(90 * 60);
    QTest::newRow("seconds") << "+90s" << qint64(90);
    QTest::newRow("day") << "+1d" << qint64(86400);
    QTest::newRow("iso utc") << "2026-03-14T10:15:00Z" << qint64(75 * 60);
    QTest::newRow("iso offset") << "2026-03-14T11:15:00+01:00" << qint64(75 * 60);
    QTest::newRow("zero") << "+0m" << qint64(-1);
    QTest::newRow("bare plus") << "+" << qint64(-1);
    QTest::newRow("words") << "after lunch" << qint64(-1);
    QTest::newRow("empty") << "" << qint64(-1);
    QTest::newRow("absurd") << "+9999d" << qint64(-1);
}

void TestServices::dueTimes()
{
    QFETCH(QString, text);
    QFETCH(qint64, secondsFromNow);
    const QDateTime now = scratchStartTime();
    const auto due = parseDueTime(text, now);
    if (secondsFromNow < 0) {
        QVERIFY(!due);
        QVERIFY(!due.error().isEmpty());
    } else {
        QVERIFY2(due, qPrintable(due.error()));
        QCOMPARE(now.secsTo(*due), secondsFromNow);
    }
}

void TestServices::deadlineAlertsComeOnce()
{
    const QDateTime start = scratchStartTime();
    Commitment c;
    c.id = 1;
    c.what = QStringLiteral("Failover done");
    c.owner = QStringLiteral("Bob");
    c.due = start.addSecs(30 * 60);
    DeadlineAlerts alerts;
    QVERIFY(alerts.check({c}, start).isEmpty());
    QVERIFY(alerts.check({c}, start.addSecs(19 * 60)).isEmpty());
    auto raised = alerts.check({c}, start.addSecs(20 * 60)); // T-10
    QCOMPARE(raised.size(), 1);
    QCOMPARE(raised.first().kind, DeadlineAlertKind::Approaching);
    QVERIFY(raised.first().title.contains(QStringLiteral("Failover done")));
    QVERIFY(alerts.check({c}, start.addSecs(21 * 60)).isEmpty());
    // Not due while any part of a second is left: the store records the miss only from then.
    QVERIFY(alerts.check({c}, c.due.addMSecs(-1)).isEmpty());
    raised = alerts.check({c}, start.addSecs(30 * 60)); // due
    QCOMPARE(raised.size(), 1);
    QCOMPARE(raised.first().kind, DeadlineAlertKind::Due);
    QVERIFY(alerts.check({c}, start.addSecs(40 * 60)).isEmpty());

    // A deadline first seen when already due raises one alert, not two.
    Commitment late = c;
    late.id = 2;
    DeadlineAlerts fresh;
    QCOMPARE(fresh.check({late}, start.addSecs(45 * 60)).size(), 1);
    // A met deadline raises nothing.
    Commitment met = c;
    met.id = 3;
    met.outcome = CommitmentOutcome{};
    QVERIFY(fresh.check({met}, start.addSecs(25 * 60)).isEmpty());
}

void TestServices::noticeSpeaksPlainly()
{
    Incident incident;
    incident.title = QStringLiteral("Checkout failing");
    incident.inChargeName = QStringLiteral("Dana Whitfield");
    incident.inChargePhone = QStringLiteral("+44 20 7946 0321");
    const NewStatusChange change{1,
                                 QStringLiteral("Dana"),
                                 IncidentStatus::Mitigating,
                                 QStringLiteral("We are moving orders to the standby system."),
                                 scratchStartTime().addSecs(1800),
                                 QStringLiteral("the move completes then")};
    const QString notice = draftNotice(incident, change);
    QCOMPARE(notice.split(u'\n').size(), 5);
    QVERIFY2(notice.contains(QStringLiteral("Status: Mitigating. We are putting a fix in place.")),
             qPrintable(notice));
    // No zone said for the customer: UTC, named.
    QVERIFY2(notice.contains(QStringLiteral("Next update: Sat 14 Mar 09:30 UTC, because the move "
                                            "completes then")),
             qPrintable(notice));
    QVERIFY(notice.contains(QStringLiteral("Your contact: Dana Whitfield, +44 20 7946 0321")));
}

// A server back within seconds is found within seconds; one down for an hour is tried every
// 30 s, not hammered; once reached, the next loss starts over at 1 s.
void TestServices::reconnectBackoffDoublesToThirtySeconds()
{
    ReconnectBackoff backoff;
    QList<qint64> waits;
    for (int i = 0; i < 8; ++i)
        waits.append(backoff.next().count());
    QCOMPARE(waits, (QList<qint64>{1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000}));
    for (int i = 0; i < 100; ++i)
        backoff.next();
    QCOMPARE(backoff.next().count(), 30000);
    backoff.reset();
    QCOMPARE(backoff.next().count(), 1000);
}

// The notice goes to the customer: its times are where the customer reads them, named, and
// follow the zone the incident says, not this computer's.
void TestServices::noticeWritesTheCustomersTime()
{
    Incident incident;
    incident.title = QStringLiteral("Checkout failing");
    NewStatusChange change;
    change.to = IncidentStatus::Investigating;
    change.doing = QStringLiteral("We are reading the order records.");
    change.nextCheckpointAt = QDateTime(QDate(2026, 3, 14), QTime(9, 30), Qt::UTC);
    change.nextCheckpointWhy = QStringLiteral("the records are read by then");
    incident.customerTimeZone = QStringLiteral("Europe/Berlin");
    QVERIFY2(
        draftNotice(incident, change).contains(QStringLiteral("Next update: Sat 14 Mar 10:30 CET")),
        qPrintable(draftNotice(incident, change)));
    incident.customerTimeZone = QStringLiteral("America/New_York"); // summer time from 8 March
    QVERIFY(draftNotice(incident, change)
                .contains(QStringLiteral("Next update: Sat 14 Mar 05:30 EDT")));
    incident.customerTimeZone = QStringLiteral("Asia/Kolkata");
    QVERIFY(draftNotice(incident, change)
                .contains(QStringLiteral("Next update: Sat 14 Mar 15:00 IST")));
}

void TestServices::timesReadInTheirZone_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("dayAndTime");
    QTest::addColumn<QString>("inZone");
    QTest::addColumn<QString>("dated");
    // Now: Tue 24 Nov 2026, 22:24 in Berlin (21:24 UTC).
    const auto utc = [](int month, int day, int hour, int minute, int year = 2026) {
        return QDateTime(QDate(year, month, day), QTime(hour, minute), Qt::UTC);
    };
    QTest::newRow("later today") << utc(11, 24, 22, 0) << "Europe/Berlin"
                                 << "23:00"
                                 << "23:00 CET"
                                 << "Tue 24 Nov 23:00 CET";
    // "21:00" typed at 22:24 is tomorrow's, and says so.
    QTest::newRow("21:00 typed at 22:24") << utc(11, 25, 20, 0) << "Europe/Berlin"
                                          << "tomorrow 21:00"
                                          << "tomorrow 21:00 CET"
                                          << "Wed 25 Nov 21:00 CET";
    QTest::newRow("yesterday") << utc(11, 23, 22, 0) << "Europe/Berlin"
                               << "yesterday 23:00"
                               << "yesterday 23:00 CET"
                               << "Mon 23 Nov 23:00 CET";
    QTest::newRow("later this week") << utc(11, 27, 8, 0) << "Europe/Berlin"
                                     << "Fri 27 Nov 09:00"
                                     << "Fri 27 Nov 09:00 CET"
                                     << "Fri 27 Nov 09:00 CET";
    QTest::newRow("another year") << utc(11, 24, 8, 0, 2025) << "Europe/Berlin"
                                  << "Mon 24 Nov 2025 09:00"
                                  << "Mon 24 Nov 2025 09:00 CET"
                                  << "Mon 24 Nov 2025 09:00 CET";
    // Where the day is already tomorrow, the day is counted there, not in UTC.
    QTest::newRow("tomorrow already in Tokyo") << utc(11, 24, 21, 30) << "Asia/Tokyo"
                                               << "06:30"
                                               << "06:30 JST"
                                               << "Wed 25 Nov 06:30 JST";
    QTest::newRow("summer time named") << utc(7, 1, 12, 0) << "Europe/Berlin"
                                       << "Wed 1 Jul 14:00"
                                       << "Wed 1 Jul 14:00 CEST"
                                       << "Wed 1 Jul 14:00 CEST";
}

void TestServices::timesReadInTheirZone()
{
    QFETCH(QDateTime, time);
    QFETCH(QString, zone);
    QFETCH(QString, dayAndTime);
    QFETCH(QString, inZone);
    QFETCH(QString, dated);
    const QDateTime now(QDate(2026, 11, 24), QTime(21, 24), Qt::UTC);
    const QTimeZone where = ZonedTime::zoneOrUtc(zone);
    QCOMPARE(ZonedTime::dayAndTime(time, now, where), dayAndTime);
    QCOMPARE(ZonedTime::dayAndTimeInZone(time, now, where), inZone);
    QCOMPARE(ZonedTime::dateAndTime(time, now, where), dated);
}

void TestServices::zonesAreNamedPlainly()
{
    const QDateTime at(QDate(2026, 11, 24), QTime(12, 0), Qt::UTC);
    QCOMPARE(ZonedTime::zoneName(at, QTimeZone::utc()), QStringLiteral("UTC"));
    QCOMPARE(ZonedTime::zoneName(at, ZonedTime::zoneOrUtc(QStringLiteral("Asia/Kolkata"))),
             QStringLiteral("IST"));
    // A zone without a name in letters says its offset, never "-03".
    QCOMPARE(ZonedTime::zoneName(at, ZonedTime::zoneOrUtc(QStringLiteral("America/Sao_Paulo"))),
             QStringLiteral("UTC-03:00"));
    QCOMPARE(ZonedTime::zoneName(at, ZonedTime::zoneOrUtc(QStringLiteral("Asia/Kathmandu"))),
             QStringLiteral("UTC+05:45"));
    // Unknown or empty: UTC, and an unknown one is refused where a person names it.
    QCOMPARE(ZonedTime::zoneOrUtc(QStringLiteral("Mars/Olympus")), QTimeZone::utc());
    QCOMPARE(ZonedTime::zoneOrUtc(QString()), QTimeZone::utc());
    QVERIFY(ZonedTime::checkTimeZone(QStringLiteral("Mars/Olympus")));
    QVERIFY(ZonedTime::checkTimeZone(QStringLiteral("<b>Europe/Berlin</b>")));
    QVERIFY(!ZonedTime::checkTimeZone(QStringLiteral("Europe/Berlin")));
    QVERIFY(!ZonedTime::checkTimeZone(QString()));
    NewIncident incident{
        QStringLiteral("Checkout failing"), QStringLiteral("Northwind"), {}, Severity::Sev2, {}, {},
        QStringLiteral("Europe/Atlantis")};
    QVERIFY2(incident.problems().join(u' ').contains(QStringLiteral("Europe/Atlantis")),
             qPrintable(incident.problems().join(u' ')));
}

QTEST_GUILESS_MAIN(TestServices)
#include "tst_services.moc"
