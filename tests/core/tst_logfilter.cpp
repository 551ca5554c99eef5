#include "rules/logtime.h"
#include "scratchwarroom.h"

#include <QProcess>
#include <QTest>

// A burst of monitor alerts must not bury a person's hypothesis: the store finds the entries a
// filter lets through (by kind, author, people only, pinned) and a filtered view reads them by
// page.
class TestLogFilter : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void filtersByKindAndAuthor();
    void peopleOnlyHidesWhatScriptsPosted();
    void pinnedEntriesAreKeyMomentsAndCanBeUnpinned();
    void matchesContinueAfterWhatWasLookedAt();
    void entriesAtReadAPageOfMatches();
    void authorsSayWhichAreScripts();
    void commandLinePostsAreScriptsUnlessAPersonSaysSo();
    void goingToATimeFindsTheFirstEntryAtOrAfterIt();
    void goingToATimeKeepsToTheFilter();
    void logTimesAreReadAsPeopleTypeThem_data();
    void logTimesAreReadAsPeopleTypeThem();

private:
    LogEntry post(const QString &author, LogKind kind, const QString &text, bool byScript = false,
                  const QString &key = {});
    std::unique_ptr<ScratchWarRoom> m_room;
    qint64 m_incident = 0;
};

void TestLogFilter::init()
{
    m_room = std::make_unique<ScratchWarRoom>();
    m_incident = m_room->addIncident();
}

void TestLogFilter::cleanup()
{
    m_room.reset();
}

LogEntry TestLogFilter::post(const QString &author, LogKind kind, const QString &text,
                             bool byScript, const QString &key)
{
    NewLogEntry entry{m_incident, author, kind, text};
    entry.byScript = byScript;
    entry.postKey = key;
    const auto added = m_room->store().appendLogEntry(entry);
    if (!added)
        qFatal("cannot post: %s", qPrintable(added.error()));
    return *added;
}

void TestLogFilter::filtersByKindAndAuthor()
{
    post("Ann", LogKind::Observation, "p99 at 4 s");
    const LogEntry theory = post("Bob", LogKind::Hypothesis, "pool exhausted");
    post("Ann", LogKind::Hypothesis, "bad deploy");
    post("Bob", LogKind::Action, "raised the pool");

    LogFilter hypotheses;
    hypotheses.kinds = {LogKind::Hypothesis};
    auto matched = m_room->store().logMatches(m_incident, hypotheses);
    QVERIFY2(matched, qPrintable(matched.error()));
    QCOMPARE(matched->seqs, (QList<qint64>{2, 3}));
    QCOMPARE(matched->throughSeq, 4);

    LogFilter bobsTheories = hypotheses;
    bobsTheories.author = "Bob";
    matched = m_room->store().logMatches(m_incident, bobsTheories);
    QCOMPARE(matched->seqs, QList<qint64>{theory.seq});
    QCOMPARE(bobsTheories.describe(), QStringLiteral("hypothesis by Bob"));

    LogFilter actionsOrResults;
    actionsOrResults.kinds = {LogKind::Action, LogKind::Result};
    QCOMPARE(m_room->store().logMatches(m_incident, actionsOrResults)->seqs, QList<qint64>{4});
    // Everything, with no filter; nothing for a name nobody wrote under.
    QCOMPARE(m_room->store().logMatches(m_incident, {})->seqs, (QList<qint64>{1, 2, 3, 4}));
    LogFilter nobody;
    nobody.author = "Zed";
    QVERIFY(m_room->store().logMatches(m_incident, nobody)->seqs.isEmpty());
}

void TestLogFilter::peopleOnlyHidesWhatScriptsPosted()
{
    post("monitor", LogKind::Observation, "CPU 97%", true);
    const LogEntry theory = post("Ann", LogKind::Hypothesis, "GC storm");
    // A keyed post is a retrying script's, whether or not it said so.
    post("probe", LogKind::Observation, "HTTP 503", false, "probe-17");
    for (int i = 0; i < 100; ++i)
        post("monitor", LogKind::Observation, QStringLiteral("alert %1").arg(i), true);
    const LogEntry action = post("Bob", LogKind::Action, "restarted node 3");

    LogFilter people;
    people.peopleOnly = true;
    const auto matched = m_room->store().logMatches(m_incident, people);
    QVERIFY2(matched, qPrintable(matched.error()));
    QCOMPARE(matched->seqs, (QList<qint64>{theory.seq, action.seq}));
    QCOMPARE(matched->throughSeq, 104);
    QCOMPARE(people.describe(), QStringLiteral("people only"));
    // What a page reads says so too.
    const auto page = m_room->store().logEntries(m_incident, 1, 3);
    QCOMPARE(page->at(0).byScript, true);
    QCOMPARE(page->at(1).byScript, false);
    QCOMPARE(page->at(2).byScript, true);
}

void TestLogFilter::pinnedEntriesAreKeyMomentsAndCanBeUnpinned()
{
    const LogEntry first = post("Ann", LogKind::Observation, "p99 at 4 s");
    const LogEntry theory = post("Bob", LogKind::Hypothesis, "pool exhausted");
    post("Ann", LogKind::Action, "raised the pool");
    IncidentStore &store = m_room->store();
    QVERIFY(store.pinLogEntry(theory.id, true, "Ann"));
    QVERIFY(store.pinLogEntry(first.id, true, "Ann"));
    LogFilter pinned;
    pinned.pinnedOnly = true;
    QCOMPARE(store.logMatches(m_incident, pinned)->seqs, (QList<qint64>{1, 2}));
    QCOMPARE(*store.pinnedLogEntries(m_incident), (QSet<qint64>{first.id, theory.id}));
    // The debrief's timeline sees them as key moments.
    QVERIFY(store.keyMoments(m_incident)->contains(RecordRef{"log_entries", theory.id}));

    QVERIFY(store.pinLogEntry(first.id, false, "Bob"));
    QCOMPARE(store.logMatches(m_incident, pinned)->seqs, QList<qint64>{2});
    QCOMPARE(*store.pinnedLogEntries(m_incident), QSet<qint64>{theory.id});
    // Pinned again after unpinning: the latest mark decides.
    QVERIFY(store.pinLogEntry(first.id, true, "Bob"));
    QCOMPARE(store.logMatches(m_incident, pinned)->seqs, (QList<qint64>{1, 2}));

    // Another incident's pins are its own.
    const qint64 other = m_room->addIncident("Other");
    const LogEntry elsewhere = m_room->addLog(other, "elsewhere");
    QVERIFY(store.pinLogEntry(elsewhere.id, true, "Ann"));
    QCOMPARE(store.logMatches(m_incident, pinned)->seqs, (QList<qint64>{1, 2}));
    QCOMPARE(store.logMatches(other, pinned)->seqs, QList<qint64>{1});

    const Outcome missing = store.pinLogEntry(99999, true, "Ann");
    QVERIFY(!missing);
    QVERIFY2(missing.error().contains("99999"), qPrintable(missing.error()));
}

void TestLogFilter::matchesContinueAfterWhatWasLookedAt()
{
    post("Ann", LogKind::Hypothesis, "one");
    post("monitor", LogKind::Observation, "alert", true);
    LogFilter theories;
    theories.kinds = {LogKind::Hypothesis};
    const auto first = m_room->store().logMatches(m_incident, theories);
    QCOMPARE(first->seqs, QList<qint64>{1});
    QCOMPARE(first->throughSeq, 2);
    // Nothing new that matches: the next look still moves on to the newest entry.
    post("monitor", LogKind::Observation, "alert", true);
    const auto none = m_room->store().logMatches(m_incident, theories, first->throughSeq);
    QVERIFY(none->seqs.isEmpty());
    QCOMPARE(none->throughSeq, 3);
    post("Bob", LogKind::Hypothesis, "two");
    const auto next = m_room->store().logMatches(m_incident, theories, none->throughSeq);
    QCOMPARE(next->seqs, QList<qint64>{4});
    QCOMPARE(next->throughSeq, 4);
}

void TestLogFilter::entriesAtReadAPageOfMatches()
{
    const LogEntry wrong = post("Ann", LogKind::Hypothesis, "DNS");
    post("monitor", LogKind::Observation, "alert", true);
    post("Bob", LogKind::Hypothesis, "pool");
    NewLogEntry correction{m_incident, "Ann", LogKind::Hypothesis, "not DNS: resolver is fine"};
    correction.correctsId = wrong.id;
    QVERIFY(m_room->store().appendLogEntry(correction));
    const auto page = m_room->store().logEntriesAt(m_incident, {1, 3});
    QVERIFY2(page, qPrintable(page.error()));
    QCOMPARE(page->size(), 2);
    QCOMPARE(page->at(0).text, QStringLiteral("DNS"));
    QCOMPARE(page->at(0).correctedById, 4); // the page knows it was corrected
    QCOMPARE(page->at(1).text, QStringLiteral("pool"));
    QVERIFY(m_room->store().logEntriesAt(m_incident, {})->isEmpty());
}

void TestLogFilter::authorsSayWhichAreScripts()
{
    post("monitor", LogKind::Observation, "alert", true);
    post("Ann", LogKind::Observation, "seen");
    post("monitor", LogKind::Observation, "alert", true);
    post("Bob", LogKind::Observation, "typed by hand", true);
    post("Bob", LogKind::Observation, "in the window");
    const auto authors = m_room->store().logAuthors(m_incident);
    QVERIFY2(authors, qPrintable(authors.error()));
    // Bob wrote by hand too: a person.
    QCOMPARE(*authors,
             (QList<std::pair<QString, bool>>{{"Ann", false}, {"Bob", false}, {"monitor", true}}));
}

void TestLogFilter::commandLinePostsAreScriptsUnlessAPersonSaysSo()
{
    m_room->closeStore();
    const auto warroom = [&](const QStringList &arguments) {
        QProcess process;
        process.start(warroomExecutable(),
                      QStringList{arguments.first(), "--database", m_room->path()} +
                          arguments.mid(1));
        QVERIFY(process.waitForFinished(30000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    };
    warroom({"log", "--incident", QString::number(m_incident), "--author", "monitor", "disk 91%"});
    warroom({"log", "--incident", QString::number(m_incident), "--author", "Ann", "--person",
             "checked the disk by hand"});
    m_room->reopenStore();
    const auto page = m_room->store().logEntries(m_incident, 1, 10);
    QCOMPARE(page->size(), 2);
    QVERIFY(page->at(0).byScript);
    QVERIFY(!page->at(1).byScript);
    LogFilter people;
    people.peopleOnly = true;
    QCOMPARE(m_room->store().logMatches(m_incident, people)->seqs, QList<qint64>{2});
}

// Entries 09:00, 09:10, 09:20, 09:30; then one posted at 09:40 that says it happened
// at 09:05 (kept offline): by time it stands between the first two.
void TestLogFilter::goingToATimeFindsTheFirstEntryAtOrAfterIt()
{
    const QDateTime start = m_room->clock().now();
    QList<qint64> seqs;
    for (int minutes : {0, 10, 20, 30}) {
        m_room->clock().setNow(start.addSecs(minutes * 60));
        seqs.append(post("Ann", LogKind::Observation, QStringLiteral("at +%1").arg(minutes)).seq);
    }
    m_room->clock().setNow(start.addSecs(40 * 60));
    NewLogEntry late{m_incident, "Bob", LogKind::Action, "restarted the pool at +5"};
    late.writtenAt = start.addSecs(5 * 60);
    const auto kept = m_room->store().appendLogEntry(late);
    QVERIFY2(kept, qPrintable(kept.error()));

    const auto near = [&](int minutes) {
        const auto found =
            m_room->store().logEntryNear(m_incident, start.addSecs(minutes * 60), {});
        if (!found || !*found)
            qFatal("nothing found at +%d", minutes);
        return **found;
    };
    QCOMPARE(near(0).seq, seqs[0]); // exactly at an entry: that entry
    QCOMPARE(near(0).at, start);
    QCOMPARE(near(3).seq, kept->seq); // the late post, by the time it happened
    QCOMPARE(near(7).seq, seqs[1]);   // between two: the later one
    QCOMPARE(near(7).at, start.addSecs(600));
    QCOMPARE(near(-60).seq, seqs[0]); // before the incident: its first entry
    QCOMPARE(near(31).seq, seqs[3]);  // after the last: the last before it
    QCOMPARE(near(31).at, start.addSecs(30 * 60));
    // Another incident's entries are not this one's.
    const qint64 other = m_room->addIncident(QStringLiteral("Other"));
    const auto none = m_room->store().logEntryNear(other, start, {});
    QVERIFY2(none, qPrintable(none.error()));
    QVERIFY(!*none || (*none)->seq <= *m_room->store().logEntryCount(other));
}

void TestLogFilter::goingToATimeKeepsToTheFilter()
{
    const QDateTime start = m_room->clock().now();
    m_room->clock().setNow(start.addSecs(60));
    const LogEntry theory = post("Ann", LogKind::Hypothesis, "pool exhausted");
    for (int i = 2; i <= 50; ++i) {
        m_room->clock().setNow(start.addSecs(i * 60));
        post("monitor", LogKind::Observation, QStringLiteral("alert %1").arg(i), true);
    }
    m_room->clock().setNow(start.addSecs(51 * 60));
    const LogEntry action = post("Bob", LogKind::Action, "raised the pool");

    LogFilter people;
    people.peopleOnly = true;
    // At 00:10 the alerts are hidden: the next entry a person wrote is Bob's at 00:51.
    auto found = m_room->store().logEntryNear(m_incident, start.addSecs(10 * 60), people);
    QVERIFY2(found, qPrintable(found.error()));
    QVERIFY(*found);
    QCOMPARE((*found)->seq, action.seq);
    // Unfiltered, the alert written then.
    found = m_room->store().logEntryNear(m_incident, start.addSecs(10 * 60), {});
    QCOMPARE((*found)->at, start.addSecs(10 * 60));
    QVERIFY((*found)->seq != action.seq);
    // Past every hypothesis: the last one before.
    LogFilter hypotheses;
    hypotheses.kinds = {LogKind::Hypothesis};
    found = m_room->store().logEntryNear(m_incident, start.addSecs(55 * 60), hypotheses);
    QCOMPARE((*found)->seq, theory.seq);
    // A filter that lets nothing through finds nothing, and says so without failing.
    LogFilter nobody;
    nobody.author = "Zed";
    found = m_room->store().logEntryNear(m_incident, start, nobody);
    QVERIFY2(found, qPrintable(found.error()));
    QVERIFY(!*found);
}

void TestLogFilter::logTimesAreReadAsPeopleTypeThem_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("at"); // local, "" when refused
    // Now is 2026-03-14 10:00 local.
    QTest::newRow("a clock time earlier today") << "09:30"
                                                << "2026-03-14T09:30:00";
    QTest::newRow("with seconds") << "09:30:15"
                                  << "2026-03-14T09:30:15";
    QTest::newRow("a clock time later today is yesterday's") << "23:10"
                                                             << "2026-03-13T23:10:00";
    QTest::newRow("now's minute") << "10:00"
                                  << "2026-03-14T10:00:00";
    QTest::newRow("yesterday") << "yesterday 09:30"
                               << "2026-03-13T09:30:00";
    QTest::newRow("Yesterday, any case") << "  Yesterday 23:10 "
                                         << "2026-03-13T23:10:00";
    QTest::newRow("minutes back") << "-25m"
                                  << "2026-03-14T09:35:00";
    QTest::newRow("hours and minutes back") << "-1h30m"
                                            << "2026-03-14T08:30:00";
    QTest::newRow("ago") << "2h ago"
                         << "2026-03-14T08:00:00";
    QTest::newRow("ago in words") << "25 min ago"
                                  << "2026-03-14T09:35:00";
    QTest::newRow("hours ago") << "3 hours ago"
                               << "2026-03-14T07:00:00";
    QTest::newRow("a date") << "2026-03-12"
                            << "2026-03-12T00:00:00";
    QTest::newRow("ISO") << "2026-03-13T18:45"
                         << "2026-03-13T18:45:00";
    QTest::newRow("ISO in UTC") << "2026-03-14T08:00:00Z"
                                << "UTC 2026-03-14T08:00:00";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("ahead of now") << "2026-03-14T11:00"
                                  << "";
    QTest::newRow("a deadline's kind of time") << "+25m"
                                               << "";
    QTest::newRow("a minus alone") << "-"
                                   << "";
    QTest::newRow("ago alone") << "ago"
                               << "";
    QTest::newRow("not a time") << "lunch"
                                << "";
    QTest::newRow("yesterday without a time") << "yesterday lunch"
                                              << "";
    QTest::newRow("no such clock time") << "25:70"
                                        << "";
    QTest::newRow("too far back to wrap around") << "-99999999999h"
                                                 << "";
    QTest::newRow("centuries back") << "1900-01-01"
                                    << "";
    QTest::newRow("HTML") << "<b>09:30</b>"
                          << "";
}

void TestLogFilter::logTimesAreReadAsPeopleTypeThem()
{
    QFETCH(QString, text);
    QFETCH(QString, at);
    const QDateTime now(QDate(2026, 3, 14), QTime(10, 0), Qt::LocalTime);
    const auto read = parseLogTime(text, now);
    if (at.isEmpty()) {
        QVERIFY2(!read, qPrintable(read ? read->toString(Qt::ISODate) : QString()));
        QVERIFY(!read.error().isEmpty());
        return;
    }
    QVERIFY2(read, qPrintable(read.error()));
    const QDateTime expected =
        at.startsWith(QStringLiteral("UTC "))
            ? QDateTime::fromString(at.mid(4), Qt::ISODate).toUTC()
            : QDateTime(QDateTime::fromString(at, Qt::ISODate).date(),
                        QDateTime::fromString(at, Qt::ISODate).time(), Qt::LocalTime);
    QCOMPARE(read->toUTC(), expected.toUTC());
    QCOMPARE(read->timeSpec(), Qt::UTC);
}

QTEST_GUILESS_MAIN(TestLogFilter)
#include "tst_logfilter.moc"
