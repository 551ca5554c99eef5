#include "models/logtablemodel.h"
#include "scratchwarroom.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

class TestLogModel : public QObject
{
    Q_OBJECT
private slots:
    void passesModelTester();
    void readsLongLogInPages();
    void appendsFromAnotherConnectionAsInsertedRows();
    void showsOnlyItsIncident();
    void readsOnTheStoreThread();
};

// Fills a log quickly through one transaction of raw inserts, as a long-running crisis would
// have over days; the store's own path is exercised by the other tests.
static void bulkFill(ScratchWarRoom &room, qint64 incidentId, int count)
{
    auto database = Database::openSqlite(room.path(), OpenMode::MustExist);
    QVERIFY(database);
    QSqlDatabase db = (*database)->connection();
    QVERIFY(db.transaction());
    QSqlQuery insert(db);
    QVERIFY(insert.prepare(QStringLiteral(
        "INSERT INTO log_entries (incident_id, seq, at, author, kind, body) VALUES (?, ?, ?, "
        "'Bulk', 'observation', ?)")));
    const qint64 start = *room.store().logEntryCount(incidentId);
    for (int i = 1; i <= count; ++i) {
        insert.addBindValue(incidentId);
        insert.addBindValue(start + i);
        insert.addBindValue(scratchStartTime().toMSecsSinceEpoch() + i * 1000LL);
        insert.addBindValue(QStringLiteral("entry %1").arg(start + i));
        QVERIFY(insert.exec());
    }
    QVERIFY(db.commit());
}

void TestLogModel::passesModelTester()
{
    ScratchWarRoom room;
    const qint64 id = room.addIncident();
    LogTableModel model(room.windowStore());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setIncident(id);
    for (int i = 0; i < 5; ++i)
        room.addLog(id, QStringLiteral("line %1").arg(i), LogKind::Hypothesis);
    QTRY_COMPARE(model.rowCount(), 5);
    // A row whose page is on its way says so, and fills in when it arrives.
    QTRY_COMPARE(model.index(4, LogTableModel::TextColumn).data().toString(),
                 QStringLiteral("line 4"));
    QCOMPARE(model.index(0, LogTableModel::KindColumn).data().toString(),
             QStringLiteral("hypothesis"));
    QCOMPARE(model.index(0, LogTableModel::AuthorColumn).data().toString(),
             QStringLiteral("Ann Lee"));
    model.setIncident(0);
    QCOMPARE(model.rowCount(), 0);
}

void TestLogModel::readsLongLogInPages()
{
    ScratchWarRoom room;
    const qint64 id = room.addIncident();
    const int total = 20000;
    bulkFill(room, id, total);
    LogTableModel model(room.windowStore());
    model.setIncident(id);
    QTRY_COMPARE(model.rowCount(), total);
    QCOMPARE(model.pagesLoaded(), 0); // counting reads no rows

    // The newest rows, as a view following the log shows them: one page, not the whole log.
    QTRY_COMPARE(model.index(total - 1, LogTableModel::TextColumn).data().toString(),
                 QStringLiteral("entry %1").arg(total));
    QCOMPARE(model.pagesLoaded(), 1);
    QCOMPARE(model.index(total - 2, LogTableModel::TextColumn).data().toString(),
             QStringLiteral("entry %1").arg(total - 1));
    QCOMPARE(model.pagesLoaded(), 1);
    // A jump into the middle reads exactly the page it lands on.
    QTRY_COMPARE(model.index(10000, LogTableModel::TextColumn).data().toString(),
                 QStringLiteral("entry 10001"));
    QCOMPARE(model.pagesLoaded(), 2);
    // Reading every row from top to bottom reads each page once, not each row.
    for (int row = 0; row < total; ++row)
        QVERIFY(QTest::qWaitFor([&] { return model.index(row, 0).data().isValid(); }));
    QVERIFY(model.pagesLoaded() <= 2 + total / LogTableModel::kPageSize);
}

void TestLogModel::appendsFromAnotherConnectionAsInsertedRows()
{
    ScratchWarRoom room;
    const qint64 id = room.addIncident();
    room.addLog(id, QStringLiteral("before"));
    auto secondStore = room.openSecondStore();
    auto windowStore = StoreThread::onThisThread(*secondStore);
    LogTableModel model(*windowStore);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setIncident(id);
    QTRY_COMPARE(model.rowCount(), 1);
    QTRY_COMPARE(model.index(0, LogTableModel::TextColumn).data().toString(),
                 QStringLiteral("before"));

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    room.addLog(id, QStringLiteral("after 1"));
    room.addLog(id, QStringLiteral("after 2"));
    QTRY_COMPARE(model.rowCount(), 3);
    QCOMPARE(reset.count(), 0); // rows are inserted, never a reset that loses the scroll position
    QCOMPARE(inserted.first().at(1).toInt(), 1);
    QTRY_COMPARE(model.index(2, LogTableModel::TextColumn).data().toString(),
                 QStringLiteral("after 2"));
}

void TestLogModel::showsOnlyItsIncident()
{
    ScratchWarRoom room;
    const qint64 mine = room.addIncident();
    const qint64 other = room.addIncident(QStringLiteral("Other"));
    LogTableModel model(room.windowStore());
    model.setIncident(mine);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    room.addLog(other, QStringLiteral("not mine"));
    room.addLog(mine, QStringLiteral("mine"));
    QTRY_COMPARE(inserted.count(), 1);
    QCOMPARE(model.rowCount(), 1);
    QTest::qWait(50);
    QCOMPARE(inserted.count(), 1);
}

// The window's store on a thread of its own: rows are counted and read there, and entries
// written through it arrive as inserted rows, in the order written.
void TestLogModel::readsOnTheStoreThread()
{
    ScratchWarRoom room;
    const qint64 id = room.addIncident();
    room.closeStore(); // the file belongs to the store thread now
    auto thread = StoreThread::open(room.address(), OpenMode::MustExist, room.clock());
    QVERIFY2(thread, qPrintable(thread.error()));
    LogTableModel model(**thread);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setIncident(id);
    for (int i = 1; i <= 300; ++i) {
        (*thread)->run(
            &model,
            [id, i](IncidentStore &store) {
                return store.appendLogEntry({id, QStringLiteral("Ann Lee"), LogKind::Observation,
                                             QStringLiteral("entry %1").arg(i)});
            },
            [](const Result<LogEntry> &added) { QVERIFY(added); });
    }
    QTRY_COMPARE(model.rowCount(), 300);
    for (int row : {0, 199, 200, 299})
        QTRY_COMPARE(model.index(row, LogTableModel::TextColumn).data().toString(),
                     QStringLiteral("entry %1").arg(row + 1));
    QCOMPARE(model.pagesLoaded(), 2);
}

QTEST_MAIN(TestLogModel)
#include "tst_logmodel.moc"
