#include "rules/cadence.h"
#include "rules/plainlanguage.h"
#include "scratchwarroom.h"

#include <QTest>

// The business channel's rules: plain language, the update cadence, what a briefing must say.
class TestBusiness : public QObject
{
    Q_OBJECT
private slots:
    void checker_data();
    void checker();
    void checkerRangesAndUserTerms();
    void checkerOffsetsSurviveCaseMapping();
    void cadence_data();
    void cadence();
    void nextBriefingDueTakesPromiseWhenEarlier();
    void briefingNeedsNextUpdateAndWhy();
    void briefingKeepsWhatItPromised();
    void correctionNamesItsBriefing();
};

void TestBusiness::checker_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected"); // "category:phrase" in text order
    QTest::newRow("plain") << "Orders work again for all customers since 14:10 UTC."
                           << QStringList{};
    QTest::newRow("hedges") << "I think it should work soon, maybe."
                            << QStringList{"hedge:I think", "hedge:should work", "hedge:soon",
                                           "hedge:maybe"};
    QTest::newRow("longest phrase wins")
        << "We will fix it as soon as possible." << QStringList{"hedge:as soon as possible"};
    QTest::newRow("whole words only") << "A mighty effort; 15030 orders; soonest." << QStringList{};
    QTest::newRow("jargon") << "The OOM on the read replica caused 503s."
                            << QStringList{"jargon:OOM", "jargon:read replica", "jargon:503s"};
    QTest::newRow("blame") << "As we already told you, this is user error."
                           << QStringList{"blame:As we already told you", "blame:user error"};
    QTest::newRow("emotion") << "This is a DISASTER!!! Truly awful."
                             << QStringList{"emotion:DISASTER", "emotion:!!!", "emotion:awful"};
    QTest::newRow("acronyms are not shouting")
        << "The SSO login works." << QStringList{"jargon:SSO"};
    QTest::newRow("case-insensitive") << "PROBABLY fixed." << QStringList{"hedge:PROBABLY"};

    // Blame aimed at anyone, not only the customer.
    QTest::newRow("a named person")
        << "Bob broke the load balancer config."
        << QStringList{"blame:Bob broke the", "jargon:load balancer", "jargon:config"};
    QTest::newRow("operator error")
        << "It was operator error." << QStringList{"blame:operator error"};
    QTest::newRow("the vendor") << "The vendor is at fault."
                                << QStringList{"blame:The vendor is at fault"};
    QTest::newRow("a team") << "The network team forgot to renew it."
                            << QStringList{"blame:The network team forgot"};
    QTest::newRow("someone's fault")
        << "This was Priya's fault, not ours." << QStringList{"blame:Priya's fault"};
    QTest::newRow("the customer") << "The customer caused the outage."
                                  << QStringList{"blame:The customer caused"};
    QTest::newRow("a system fails, nobody is blamed")
        << "Checkout failed to complete for 6 % of customers; it broke at 14:00 UTC."
        << QStringList{};

    // Jargon the glossary lists, grown from real incidents.
    QTest::newRow("grown glossary")
        << "A segfault in the daemon, a null pointer dereference and the TLS certificate chain."
        << QStringList{"jargon:segfault", "jargon:daemon", "jargon:null pointer dereference",
                       "jargon:TLS certificate chain"};
    // Technical shapes no glossary can list.
    QTest::newRow("acronym") << "The BFF tier rejected orders." << QStringList{"jargon:BFF"};
    QTest::newRow("snake_case") << "The order_sync job stopped."
                                << QStringList{"jargon:order_sync"};
    QTest::newRow("dotted name") << "We restarted order.service and payments.eu.internal."
                                 << QStringList{"jargon:order.service",
                                                "jargon:payments.eu.internal"};
    QTest::newRow("hosts") << "db-2 in eu-west-1 is slow."
                           << QStringList{"jargon:db-2", "jargon:eu-west-1"};
    QTest::newRow("address") << "Traffic to 10.20.0.7:5432 stalls."
                             << QStringList{"jargon:10.20.0.7:5432"};
    QTest::newRow("hex") << "Commit a3f9c21 and code 0xDEADBEEF."
                         << QStringList{"jargon:a3f9c21", "jargon:0xDEADBEEF"};
    QTest::newRow("versions") << "We moved from v3.2 to 2026.11.22-1 and then 4.10.2."
                              << QStringList{"jargon:v3.2", "jargon:2026.11.22-1", "jargon:4.10.2"};
    QTest::newRow("HTTP codes") << "Users saw HTTP 503, 502s and error 404."
                                << QStringList{"jargon:HTTP 503", "jargon:502s",
                                               "jargon:error 404"};
    // A clean business sentence, with numbers, times, dates and plain acronyms, stays clean.
    QTest::newRow("clean business sentence")
        << "Since 14:10 UTC on 25.11.2026 about 6 % of web-shop orders in the EU fail; our IT "
           "team meets the SLA target of 99.9 % and the next update is at 15:00 CET (see "
           "www.northwind.com or northwind.com, e.g. the order page)."
        << QStringList{};
    QTest::newRow("the demo's briefing")
        << "We reversed this morning's software change, which removed most failures. We are now "
           "replacing a slow database copy that causes the rest. About 200 customers wait."
        << QStringList{};
}

void TestBusiness::checker()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QStringList found;
    for (const Finding &f : checkPlainLanguage(text, PlainLanguageProfile::english()))
        found << findingCategoryName(f.category) + u':' + f.phrase;
    QCOMPARE(found, expected);
}

void TestBusiness::checkerRangesAndUserTerms()
{
    const QString text = QStringLiteral("Hopefully the blue-green switch is done.");
    auto findings = checkPlainLanguage(text, PlainLanguageProfile::english());
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.first().start, 0);
    QCOMPARE(findings.first().end, 9);
    QCOMPARE(text.mid(findings.first().start, findings.first().end - findings.first().start),
             QStringLiteral("Hopefully"));
    QCOMPARE(formatFinding(findings.first()),
             QStringLiteral("0-9 hedge \"Hopefully\" -> say what will happen and when; hope is "
                            "not a plan"));

    // A team adds its own term.
    const PlainLanguageProfile withUser = PlainLanguageProfile::english(
        {{QStringLiteral("blue-green switch"), QStringLiteral("move to the standby system")}});
    findings = checkPlainLanguage(text, withUser);
    QCOMPARE(findings.size(), 2);
    QCOMPARE(findings.at(1).category, FindingCategory::Jargon);
    QCOMPARE(findings.at(1).phrase, QStringLiteral("blue-green switch"));
    QCOMPARE(findings.at(1).suggestion, QStringLiteral("say \"move to the standby system\""));

    const auto glossary = parseGlossary(QStringLiteral("# note\nOOM\tout of memory\n\nbad line\n"));
    QCOMPARE(glossary.size(), 1);
    QCOMPARE(glossary.value(QStringLiteral("oom")), QStringLiteral("out of memory"));
}

// Found by fuzz_plainlanguage: "İ" lower-cases to two code units, so offsets found in the
// lower-cased text pointed past the words they named (and past the end of the text).
void TestBusiness::checkerOffsetsSurviveCaseMapping()
{
    const QString text = QStringLiteral("İİ I think the İSTANBUL office is down!!");
    const auto findings = checkPlainLanguage(text, PlainLanguageProfile::english());
    QStringList found;
    for (const Finding &f : findings) {
        QVERIFY(f.end <= text.size());
        QCOMPARE(f.phrase, text.mid(f.start, f.end - f.start));
        found << findingCategoryName(f.category) + u':' + f.phrase;
    }
    QCOMPARE(found, (QStringList{"jargon:İİ", "hedge:I think", "emotion:İSTANBUL", "emotion:!!"}));
    QCOMPARE(findings.at(1).start, 3);
}

void TestBusiness::cadence_data()
{
    QTest::addColumn<Severity>("severity");
    QTest::addColumn<QDateTime>("from");
    QTest::addColumn<QDateTime>("due");
    const QDateTime tuesday(QDate(2026, 3, 10), QTime(10, 0), Qt::LocalTime);
    const QDateTime friday(QDate(2026, 3, 13), QTime(16, 0), Qt::LocalTime);
    QTest::newRow("SEV1") << Severity::Sev1 << tuesday << tuesday.addSecs(30 * 60);
    QTest::newRow("SEV2") << Severity::Sev2 << tuesday << tuesday.addSecs(3600);
    QTest::newRow("SEV3") << Severity::Sev3 << tuesday << tuesday.addSecs(4 * 3600);
    QTest::newRow("SEV4 weekday") << Severity::Sev4 << tuesday
                                  << QDateTime(QDate(2026, 3, 11), QTime(9, 0), Qt::LocalTime);
    QTest::newRow("SEV4 Friday") << Severity::Sev4 << friday
                                 << QDateTime(QDate(2026, 3, 16), QTime(9, 0), Qt::LocalTime);
}

void TestBusiness::cadence()
{
    QFETCH(Severity, severity);
    QFETCH(QDateTime, from);
    QFETCH(QDateTime, due);
    QCOMPARE(cadenceDue(severity, from.toUTC()), due.toUTC());
    BriefingCadence tight;
    tight.sev1Secs = 15 * 60;
    QVERIFY(tight.check());
    QCOMPARE(BriefingCadence::fromMap(tight.toMap()).sev1Secs, 15 * 60);
    BriefingCadence inverted;
    inverted.sev1Secs = 2 * 3600;
    QVERIFY(!inverted.check());
}

void TestBusiness::nextBriefingDueTakesPromiseWhenEarlier()
{
    Incident incident;
    incident.severity = Severity::Sev2;
    incident.openedAt = scratchStartTime();
    BriefingDue due = nextBriefingDue(incident, std::nullopt);
    QCOMPARE(due.due, scratchStartTime().addSecs(3600));
    QVERIFY(due.why.contains(QStringLiteral("no briefing yet")));

    Briefing last;
    last.seq = 3;
    last.publishedAt = scratchStartTime().addSecs(600);
    last.nextUpdateAt = last.publishedAt.addSecs(20 * 60);
    last.nextUpdateWhy = QStringLiteral("the failover ends then");
    due = nextBriefingDue(incident, last);
    QCOMPARE(due.due, last.nextUpdateAt);
    QCOMPARE(due.why, QStringLiteral("promised in briefing #3: the failover ends then"));

    last.nextUpdateAt = last.publishedAt.addSecs(3 * 3600); // later than the cadence allows
    due = nextBriefingDue(incident, last);
    QCOMPARE(due.due, last.publishedAt.addSecs(3600));
    QCOMPARE(due.why, QStringLiteral("SEV2 cadence: every 1 h"));
}

void TestBusiness::briefingNeedsNextUpdateAndWhy()
{
    ScratchWarRoom room;
    const qint64 id = room.addIncident();
    NewBriefing b;
    b.incidentId = id;
    b.author = QStringLiteral("Dana");
    b.headline = QStringLiteral("Orders fail for 6 % of customers.");
    const auto noTime = room.store().publishBriefing(b);
    QVERIFY(!noTime);
    QVERIFY2(noTime.error().contains(QStringLiteral("next update")), qPrintable(noTime.error()));
    b.nextUpdateAt = room.clock().now().addSecs(1800);
    const auto noWhy = room.store().publishBriefing(b);
    QVERIFY(!noWhy);
    QVERIFY2(noWhy.error().contains(QStringLiteral("reason")), qPrintable(noWhy.error()));
    b.nextUpdateWhy = QStringLiteral("the failover ends then");
    b.nextUpdateAt = room.clock().now().addSecs(-60);
    QVERIFY(!room.store().publishBriefing(b));
    QVERIFY(room.store().briefings(id)->isEmpty());
    b.nextUpdateAt = room.clock().now().addSecs(1800);
    QVERIFY(room.store().publishBriefing(b));
}

void TestBusiness::briefingKeepsWhatItPromised()
{
    ScratchWarRoom room;
    const qint64 id = room.addIncident();
    IncidentStore &store = room.store();
    const auto kept = store.commit({id, QStringLiteral("Failover done"), QStringLiteral("Bob"),
                                    room.clock().now().addSecs(1800),
                                    QStringLiteral("standby is warm"), QStringLiteral("Dana")});
    const auto done = store.commit({id, QStringLiteral("Logs pulled"), QStringLiteral("Kim"),
                                    room.clock().now().addSecs(600), QStringLiteral("needed"),
                                    QStringLiteral("Dana")});
    QVERIFY(kept && done);
    QVERIFY(store.markMet(*done, QStringLiteral("Kim")));
    QVERIFY(store.askCustomer(id, QStringLiteral("Send order numbers"),
                              QStringLiteral("only they see them"), QStringLiteral("Dana")));
    NewBriefing b{id, QStringLiteral("Dana"),           QStringLiteral("Orders fail."), {}, {},
                  {}, room.clock().now().addSecs(1800), QStringLiteral("failover"),     0};
    QVERIFY(store.publishBriefing(b));
    // Later the commitment is met: the published briefing still shows what it promised.
    room.clock().advanceSecs(900);
    QVERIFY(store.markMet(*kept, QStringLiteral("Bob")));
    const Briefing published = store.briefings(id)->first();
    QCOMPARE(published.commitments.size(), 1);
    QCOMPARE(
        published.commitments.first(),
        (PromisedCommitment{QStringLiteral("Failover done"), QStringLiteral("Bob"),
                            scratchStartTime().addSecs(1800), QStringLiteral("standby is warm")}));
    QCOMPARE(published.asks, (QList<ListedAsk>{{QStringLiteral("Send order numbers"),
                                                QStringLiteral("only they see them")}}));
}

void TestBusiness::correctionNamesItsBriefing()
{
    ScratchWarRoom room;
    const qint64 id = room.addIncident();
    const qint64 other = room.addIncident(QStringLiteral("Other"));
    NewBriefing b{id, QStringLiteral("Dana"),           QStringLiteral("6 % fail."), {}, {},
                  {}, room.clock().now().addSecs(1800), QStringLiteral("failover"),  0};
    const auto first = room.store().publishBriefing(b);
    QVERIFY(first);
    NewBriefing correction = b;
    correction.headline = QStringLiteral("Correction: 4 % fail, not 6 %.");
    correction.correctsId = *first;
    const auto second = room.store().publishBriefing(correction);
    QVERIFY(second);
    QCOMPARE(room.store().briefings(id)->last().correctsId, *first);
    QCOMPARE(room.store().briefings(id)->first().headline, QStringLiteral("6 % fail."));
    correction.incidentId = other;
    QVERIFY(!room.store().publishBriefing(correction));
}

QTEST_GUILESS_MAIN(TestBusiness)
#include "tst_business.moc"
