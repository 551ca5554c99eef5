#include "domain/fieldcheck.h"
#include "scratchwarroom.h"
#include "services/demoincident.h"
#include "services/quickentry.h"

#include <QTest>

class TestServices : public QObject
{
    Q_OBJECT
private slots:
    void quickEntryPrefixes_data();
    void quickEntryPrefixes();
    void phoneNumbers_data();
    void phoneNumbers();
    void kindNamesRoundTrip();
    void demoIncidentTellsAStory();
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
    QSet<QString> authors;
    for (const LogEntry &entry : *log) {
        authors.insert(entry.author);
        QVERIFY(entry.at < now); // the story happened before the demo opens
    }
    QCOMPARE(authors.size(), 3);

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
}

QTEST_GUILESS_MAIN(TestServices)
#include "tst_services.moc"
