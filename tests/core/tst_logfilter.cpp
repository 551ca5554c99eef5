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

QTEST_GUILESS_MAIN(TestLogFilter)
#include "tst_logfilter.moc"
