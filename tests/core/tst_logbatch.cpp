#include "eachengine.h"
#include "throwawaypostgres.h"

#include "domain/fieldcheck.h"
#include "domain/logfilter.h"
#include "domain/logsearch.h"

#include <QTest>

// A script's batch of log entries: written in one transaction, many rows to a statement, yet
// each entry keeps its place, its number and its own answer, whatever the batch mixes.
class TestLogBatch : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void eachEntryKeepsItsPlaceWhateverTheBatchMixes_data() { EachEngine::addRows(); }
    void eachEntryKeepsItsPlaceWhateverTheBatchMixes();
    void batchesOfEverySizeNumberWithoutGaps_data() { EachEngine::addRows(); }
    void batchesOfEverySizeNumberWithoutGaps();
    void authorsSayWhoWroteByHand_data() { EachEngine::addRows(); }
    void authorsSayWhoWroteByHand();

private:
    static NewLogEntry line(qint64 incident, const QString &text, const QString &key = {});

    std::unique_ptr<ThrowawayPostgres> m_server;
};

void TestLogBatch::initTestCase()
{
    m_server = std::make_unique<ThrowawayPostgres>();
}

void TestLogBatch::cleanupTestCase()
{
    m_server.reset();
}

NewLogEntry TestLogBatch::line(qint64 incident, const QString &text, const QString &key)
{
    NewLogEntry entry{incident, QStringLiteral("  probe-eu "), LogKind::Observation, text};
    entry.postKey = key;
    entry.byScript = true;
    return entry;
}

void TestLogBatch::eachEntryKeepsItsPlaceWhateverTheBatchMixes()
{
    const auto warRoom = EachEngine::room(*m_server);
    IncidentStore &store = warRoom->store();
    const qint64 checkout = warRoom->addIncident(QStringLiteral("Checkout down"));
    const qint64 search = warRoom->addIncident(QStringLiteral("Search slow"));
    const auto old = store.appendLogEntry(
        line(checkout, QStringLiteral("posted before"), QStringLiteral("k-old")));
    QVERIFY2(old, qPrintable(old.error()));

    QList<NewLogEntry> batch;
    for (int i = 1; i <= 300; ++i) // more than one statement's rows
        batch.append(line(checkout, QStringLiteral("reading %1").arg(i)));
    NewLogEntry ask = line(checkout, QStringLiteral("please restart"));
    ask.kind = LogKind::Ask;
    batch.append(ask);                                                 // 300: refused
    batch.append(line(checkout, QString(FieldLimit::Text + 1, u'x'))); // 301: refused
    batch.append(line(checkout, QStringLiteral("first k-new"), QStringLiteral("k-new")));
    batch.append(line(checkout, QStringLiteral("again k-new"), QStringLiteral(" k-new ")));
    batch.append(line(checkout, QStringLiteral("again k-old"), QStringLiteral("k-old")));
    batch.append(line(search, QStringLiteral("on the other incident"))); // 305
    NewLogEntry correction = line(checkout, QStringLiteral("posted before, corrected"));
    correction.correctsId = old->id;
    batch.append(correction);                              // 306
    batch.append(line(999999, QStringLiteral("nowhere"))); // 307: refused
    for (int i = 1; i <= 3; ++i)
        batch.append(line(checkout, QStringLiteral("tail %1").arg(i))); // 308-310

    const auto written = store.appendLogEntries(batch);
    QVERIFY2(written, qPrintable(written.error()));
    QCOMPARE(written->size(), batch.size());
    for (qsizetype i = 0; i < batch.size(); ++i) {
        const bool refused = i == 300 || i == 301 || i == 307;
        QVERIFY2(bool(written->at(i)) != refused, qPrintable(QString::number(i)));
    }
    QVERIFY2(written->at(300).error().contains(QStringLiteral("customer ask")),
             qPrintable(written->at(300).error()));
    QVERIFY2(written->at(307).error().contains(QStringLiteral("999999")),
             qPrintable(written->at(307).error()));
    // A key seen before, in this batch or an earlier one, is that entry: written once.
    QCOMPARE(written->at(303)->id, written->at(302)->id);
    QCOMPARE(written->at(304)->id, old->id);
    QCOMPARE(written->at(304)->text, QStringLiteral("posted before"));

    // The new entries of the incident, numbered on in the batch's order, ids rising with them.
    QList<qsizetype> newOnCheckout;
    for (qsizetype i = 0; i < 300; ++i)
        newOnCheckout.append(i);
    newOnCheckout << 302 << 306 << 308 << 309 << 310;
    const auto entries = store.logEntries(checkout, 1, 1000);
    QVERIFY2(entries, qPrintable(entries.error()));
    QCOMPARE(entries->size(), newOnCheckout.size() + 1);
    QCOMPARE(entries->at(0).id, old->id);
    QCOMPARE(entries->at(0).correctedById, written->at(306)->id);
    for (qsizetype n = 0; n < newOnCheckout.size(); ++n) {
        const qsizetype i = newOnCheckout.at(n);
        const LogEntry &stored = entries->at(n + 1);
        QCOMPARE(stored.seq, n + 2);
        QCOMPARE(stored.id, written->at(i)->id);
        QCOMPARE(written->at(i)->seq, stored.seq);
        QCOMPARE(stored.text, batch.at(i).text);
        QCOMPARE(stored.author, QStringLiteral("probe-eu"));
        QVERIFY(stored.byScript);
        QVERIFY(stored.id > entries->at(n).id);
    }
    QCOMPARE(written->at(306)->correctsId, old->id);
    const auto other = store.logEntries(search, 1, 10);
    QCOMPARE(other->size(), 1);
    QCOMPARE(other->at(0).seq, 1);
    QCOMPARE(other->at(0).id, written->at(305)->id);

    // Indexed for search and linked into the record, as one by one.
    const auto readings =
        store.countLogHits(checkout, LogSearch(QStringLiteral("reading")), LogFilter(), 0);
    QCOMPARE(*readings, 300);
    for (const qint64 incident : {checkout, search}) {
        const auto chain = store.checkRecordChain(incident);
        QVERIFY2(chain, qPrintable(chain.error()));
        QVERIFY(chain->intact);
    }
}

void TestLogBatch::batchesOfEverySizeNumberWithoutGaps()
{
    const auto warRoom = EachEngine::room(*m_server);
    IncidentStore &store = warRoom->store();
    const qint64 incident = warRoom->addIncident();
    qint64 expectedSeq = 1;
    for (const int size : {1, 2, 3, 7, 255, 256, 257, 511, 700}) {
        QList<NewLogEntry> batch;
        for (int i = 0; i < size; ++i)
            batch.append(line(incident, QStringLiteral("batch %1 line %2").arg(size).arg(i)));
        const auto written = store.appendLogEntries(batch);
        QVERIFY2(written, qPrintable(written.error()));
        QCOMPARE(written->size(), size);
        for (const Result<LogEntry> &entry : *written) {
            QVERIFY2(entry, qPrintable(entry.error()));
            QCOMPARE(entry->seq, expectedSeq);
            QCOMPARE(entry->text, QStringLiteral("batch %1 line %2")
                                      .arg(size)
                                      .arg(expectedSeq - written->constFirst()->seq));
            ++expectedSeq;
        }
    }
    QCOMPARE(*store.logEntryCount(incident), expectedSeq - 1);
    const auto chain = store.checkRecordChain(incident);
    QVERIFY2(chain, qPrintable(chain.error()));
    QVERIFY(chain->intact);
}

void TestLogBatch::authorsSayWhoWroteByHand()
{
    const auto warRoom = EachEngine::room(*m_server);
    IncidentStore &store = warRoom->store();
    const qint64 incident = warRoom->addIncident();
    const qint64 other = warRoom->addIncident(QStringLiteral("Search slow"));
    QList<NewLogEntry> batch;
    for (int i = 0; i < 600; ++i)
        batch.append(line(incident, QStringLiteral("reading %1").arg(i))); // probe-eu, a script
    NewLogEntry byHand{incident, QStringLiteral("Bob"), LogKind::Action, QStringLiteral("typed")};
    NewLogEntry keyed{incident, QStringLiteral("cron"), LogKind::Observation, QStringLiteral("k")};
    keyed.postKey = QStringLiteral("nightly-1"); // a key is a script's, flagged or not
    NewLogEntry alsoScript = line(incident, QStringLiteral("bob's script"));
    alsoScript.author = QStringLiteral("Bob");
    NewLogEntry elsewhere{other, QStringLiteral("Zoe"), LogKind::Action, QStringLiteral("other")};
    batch << byHand << keyed << alsoScript << elsewhere;
    QVERIFY(store.appendLogEntries(batch));
    warRoom->addLog(incident, QStringLiteral("seen")); // by Ann Lee, in the window

    const auto authors = store.logAuthors(incident);
    QVERIFY2(authors, qPrintable(authors.error()));
    // Bob wrote by hand too: a person. In the order of their names.
    QCOMPARE(*authors, (QList<std::pair<QString, bool>>{{QStringLiteral("Ann Lee"), false},
                                                        {QStringLiteral("Bob"), false},
                                                        {QStringLiteral("cron"), true},
                                                        {QStringLiteral("probe-eu"), true}}));
    QCOMPARE(store.logAuthors(999999)->size(), 0);
}

QTEST_GUILESS_MAIN(TestLogBatch)
#include "tst_logbatch.moc"
