#include "eachengine.h"
#include "throwawaypostgres.h"

#include <QTest>

// Search over the log: each word the start of a word in the text, any case, any order, found
// by the database's own text index (FTS5 on a file, a GIN-indexed tsvector on a server), a page
// at a time in either direction, counted, and narrowed by the view's filter.
class TestLogSearch : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void wordsAreLettersAndDigits();
    void spansAreWhereWordsStart();
    void findsEntriesWithEveryWordAtAWordsStart_data() { EachEngine::addRows(); }
    void findsEntriesWithEveryWordAtAWordsStart();
    void pagesForwardAndBackwardAndCounts_data() { EachEngine::addRows(); }
    void pagesForwardAndBackwardAndCounts();
    void narrowedByTheFilter_data() { EachEngine::addRows(); }
    void narrowedByTheFilter();
    void querySyntaxIsOnlyWords_data() { EachEngine::addRows(); }
    void querySyntaxIsOnlyWords();
    void entriesWrittenBeforeTheIndexAreFound();

private:
    static LogEntry post(ScratchWarRoom &room, qint64 incident, const QString &text,
                         LogKind kind = LogKind::Observation,
                         const QString &author = QStringLiteral("Ann"), bool byScript = false);
    static QList<qint64> seqsOf(const Result<QList<LogHit>> &hits);

    std::unique_ptr<ThrowawayPostgres> m_server;
};

void TestLogSearch::initTestCase()
{
    m_server = std::make_unique<ThrowawayPostgres>();
}

void TestLogSearch::cleanupTestCase()
{
    m_server.reset();
}

LogEntry TestLogSearch::post(ScratchWarRoom &room, qint64 incident, const QString &text,
                             LogKind kind, const QString &author, bool byScript)
{
    NewLogEntry entry{incident, author, kind, text};
    entry.byScript = byScript;
    const auto added = room.store().appendLogEntry(entry);
    if (!added)
        qFatal("cannot post: %s", qPrintable(added.error()));
    return *added;
}

QList<qint64> TestLogSearch::seqsOf(const Result<QList<LogHit>> &hits)
{
    if (!hits)
        qFatal("search failed: %s", qPrintable(hits.error()));
    QList<qint64> seqs;
    for (const LogHit &hit : *hits)
        seqs.append(hit.seq);
    return seqs;
}

void TestLogSearch::wordsAreLettersAndDigits()
{
    QCOMPARE(LogSearch(QStringLiteral("  Disk-FULL on db-2  ")).words(),
             (QStringList{"disk", "full", "on", "db", "2"}));
    QVERIFY(LogSearch(QStringLiteral(" \"*:&|!() ")).isEmpty());
    QCOMPARE(LogSearch(QStringLiteral("disk DISK Disk")).words(), QStringList{"disk"});
    QCOMPARE(LogSearch(QStringLiteral("Größe café")).words(), (QStringList{"größe", "café"}));
    // A pasted page is cut to a sentence, not refused.
    QString page;
    for (int i = 0; i < 1000; ++i)
        page += QStringLiteral("word%1 ").arg(i);
    page += QString(100000, u'x');
    const LogSearch pasted(page);
    QCOMPARE(pasted.words().size(), LogSearch::kMaxWords);
    for (const QString &word : pasted.words())
        QVERIFY(word.size() <= LogSearch::kMaxWordLength);
}

void TestLogSearch::spansAreWhereWordsStart()
{
    const LogSearch search(QStringLiteral("disk d"));
    using Spans = QList<std::pair<qsizetype, qsizetype>>;
    // "subdisk" holds "disk" but not at a word's start; "disk" wins over its own start "d".
    QCOMPARE(search.spansIn(QStringLiteral("Disk full; subdisk dead")), (Spans{{0, 4}, {19, 1}}));
    QCOMPARE(search.spansIn(QStringLiteral("nothing here")), Spans{});
    QCOMPARE(LogSearch().spansIn(QStringLiteral("disk")), Spans{});
}

void TestLogSearch::findsEntriesWithEveryWordAtAWordsStart()
{
    const auto warRoom = EachEngine::room(*m_server);
    const qint64 incident = warRoom->addIncident();
    const qint64 other = warRoom->addIncident(QStringLiteral("Another"));
    const LogEntry full = post(*warRoom, incident, QStringLiteral("Full disk on db-2"));
    post(*warRoom, incident, QStringLiteral("disk is fine"));
    post(*warRoom, incident, QStringLiteral("subdisk fullness")); // "disk" is no word's start
    const LogEntry again = post(*warRoom, incident, QStringLiteral("DISK FULLY used again"));
    post(*warRoom, other, QStringLiteral("disk full elsewhere"));

    IncidentStore &store = warRoom->store();
    const auto hits = store.searchLog(incident, LogSearch(QStringLiteral("ful disk")), {}, 0,
                                      SearchDirection::Forward, 10);
    QVERIFY2(hits, qPrintable(hits.error()));
    QCOMPARE(*hits, (QList<LogHit>{{full.id, full.seq}, {again.id, again.seq}}));
    QCOMPARE(seqsOf(store.searchLog(incident, LogSearch(QStringLiteral("db 2")), {}, 0,
                                    SearchDirection::Forward, 10)),
             QList<qint64>{full.seq});
    QCOMPARE(seqsOf(store.searchLog(incident, LogSearch(QStringLiteral("disk nowhere")), {}, 0,
                                    SearchDirection::Forward, 10)),
             QList<qint64>{});
    QCOMPARE(*store.countLogHits(incident, LogSearch(QStringLiteral("disk")), {}), 3);
    QCOMPARE(*store.countLogHits(other, LogSearch(QStringLiteral("disk")), {}), 1);
    // Entries written later are found at once: the index follows every insert.
    const LogEntry later = post(*warRoom, incident, QStringLiteral("full disk, third time"));
    QCOMPARE(seqsOf(store.searchLog(incident, LogSearch(QStringLiteral("full disk")), {}, 0,
                                    SearchDirection::Forward, 10)),
             (QList<qint64>{full.seq, again.seq, later.seq}));
}

void TestLogSearch::pagesForwardAndBackwardAndCounts()
{
    const auto warRoom = EachEngine::room(*m_server);
    const qint64 incident = warRoom->addIncident();
    QList<LogEntry> matching;
    for (int i = 1; i <= 30; ++i) {
        post(*warRoom, incident, QStringLiteral("noise %1").arg(i));
        matching.append(post(*warRoom, incident, QStringLiteral("timeout on pool %1").arg(i)));
    }
    IncidentStore &store = warRoom->store();
    const LogSearch search(QStringLiteral("timeout pool"));
    const auto seqs = [&](int from, int count) {
        QList<qint64> expected;
        for (int i = from; i < from + count; ++i)
            expected.append(matching.at(i).seq);
        return expected;
    };
    QCOMPARE(seqsOf(store.searchLog(incident, search, {}, 0, SearchDirection::Forward, 10)),
             seqs(0, 10));
    QCOMPARE(seqsOf(store.searchLog(incident, search, {}, matching.at(9).id,
                                    SearchDirection::Forward, 10)),
             seqs(10, 10));
    QList<qint64> newestFirst = seqs(20, 10);
    std::reverse(newestFirst.begin(), newestFirst.end());
    QCOMPARE(seqsOf(store.searchLog(incident, search, {}, 0, SearchDirection::Backward, 10)),
             newestFirst);
    QCOMPARE(seqsOf(store.searchLog(incident, search, {}, matching.at(1).id,
                                    SearchDirection::Backward, 10)),
             seqs(0, 1));
    QCOMPARE(seqsOf(store.searchLog(incident, search, {}, matching.last().id,
                                    SearchDirection::Forward, 10)),
             QList<qint64>{});
    QCOMPARE(*store.countLogHits(incident, search, {}), 30);
    QCOMPARE(*store.countLogHits(incident, search, {}, matching.at(6).id), 7);
    QCOMPARE(*store.countLogHits(incident, search, {}, matching.at(6).id + 1), 7); // noise
}

void TestLogSearch::narrowedByTheFilter()
{
    const auto warRoom = EachEngine::room(*m_server);
    const qint64 incident = warRoom->addIncident();
    post(*warRoom, incident, QStringLiteral("pool exhausted"), LogKind::Observation,
         QStringLiteral("probe"), true);
    const LogEntry theory = post(*warRoom, incident, QStringLiteral("pool exhausted by batch"),
                                 LogKind::Hypothesis, QStringLiteral("Bob"));
    const LogEntry seen = post(*warRoom, incident, QStringLiteral("Pool exhausted again"));
    IncidentStore &store = warRoom->store();
    const LogSearch search(QStringLiteral("pool exhausted"));
    LogFilter hypotheses;
    hypotheses.kinds = {LogKind::Hypothesis};
    QCOMPARE(seqsOf(store.searchLog(incident, search, hypotheses, 0, SearchDirection::Forward, 10)),
             QList<qint64>{theory.seq});
    LogFilter people;
    people.peopleOnly = true;
    QCOMPARE(seqsOf(store.searchLog(incident, search, people, 0, SearchDirection::Forward, 10)),
             (QList<qint64>{theory.seq, seen.seq}));
    QCOMPARE(*store.countLogHits(incident, search, people), 2);
    LogFilter ann;
    ann.author = QStringLiteral("Ann");
    QCOMPARE(seqsOf(store.searchLog(incident, search, ann, 0, SearchDirection::Backward, 10)),
             QList<qint64>{seen.seq});
    QVERIFY(store.pinLogEntry(theory.id, true, QStringLiteral("Ann")));
    LogFilter pinned;
    pinned.pinnedOnly = true;
    QCOMPARE(seqsOf(store.searchLog(incident, search, pinned, 0, SearchDirection::Forward, 10)),
             QList<qint64>{theory.seq});
}

void TestLogSearch::querySyntaxIsOnlyWords()
{
    // What the text indexes would read as operators is searched for as words, or dropped.
    const auto warRoom = EachEngine::room(*m_server);
    const qint64 incident = warRoom->addIncident();
    const LogEntry operators =
        post(*warRoom, incident, QStringLiteral("NEAR AND OR NOT: it's \"quoted\" a&b|c !x *"));
    post(*warRoom, incident, QStringLiteral("unrelated"));
    IncidentStore &store = warRoom->store();
    for (const QString &typed :
         {QStringLiteral("NEAR("), QStringLiteral("and or not"), QStringLiteral("it's"),
          QStringLiteral("\"quoted"), QStringLiteral("a & b | c"), QStringLiteral("!x"),
          QStringLiteral("NOT:"), QStringLiteral("'; DROP TABLE log_entries; --")}) {
        const auto hits =
            store.searchLog(incident, LogSearch(typed), {}, 0, SearchDirection::Forward, 10);
        QVERIFY2(hits, qPrintable(typed + u": " + hits.error()));
        if (typed.startsWith(u'\''))
            QCOMPARE(hits->size(), 0);
        else
            QCOMPARE(seqsOf(hits), QList<qint64>{operators.seq});
    }
    QCOMPARE(seqsOf(store.searchLog(incident, LogSearch(QStringLiteral("*:()")), {}, 0,
                                    SearchDirection::Forward, 10)),
             QList<qint64>{});
    QCOMPARE(*store.logEntryCount(incident), 2);
}

void TestLogSearch::entriesWrittenBeforeTheIndexAreFound()
{
    // A war room from before schema 19: its whole log is indexed when it is opened.
    ScratchWarRoom warRoom;
    const qint64 incident = warRoom.addIncident();
    const LogEntry old = post(warRoom, incident, QStringLiteral("replica lag 40 s"));
    warRoom.closeStore();
    const QString refused =
        runForeignSql(warRoom.path(), {QStringLiteral("DROP TRIGGER log_entries_text_indexed"),
                                       QStringLiteral("DROP TABLE log_text"),
                                       QStringLiteral("DROP INDEX log_entries_by_time"),
                                       QStringLiteral("DROP INDEX log_entries_by_author"),
                                       QStringLiteral("UPDATE warroom_schema SET version = 18")});
    QVERIFY2(refused.isEmpty(), qPrintable(refused));
    warRoom.reopenStore();
    QCOMPARE(seqsOf(warRoom.store().searchLog(incident, LogSearch(QStringLiteral("replica lag")),
                                              {}, 0, SearchDirection::Forward, 10)),
             QList<qint64>{old.seq});
}

QTEST_GUILESS_MAIN(TestLogSearch)
#include "tst_logsearch.moc"
