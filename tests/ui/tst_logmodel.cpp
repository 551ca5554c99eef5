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
    LogTableModel model(room.store());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setIncident(id);
    for (int i = 0; i < 5; ++i)
        room.addLog(id, QStringLiteral("line %1").arg(i), LogKind::Hypothesis);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.index(4, LogTableModel::TextColumn).data().toString(), QStringLiteral("line 4"));
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
    LogTableModel model(room.store());
    model.setIncident(id);
    QCOMPARE(model.rowCount(), total);
    QCOMPARE(model.pagesLoaded(), 0); // counting reads no rows

    // The newest rows, as a view following the log shows them: one page, not the whole log.
    QCOMPARE(model.index(total - 1, LogTableModel::TextColumn).data().toString(),
             QStringLiteral("entry %1").arg(total));
    QCOMPARE(model.pagesLoaded(), 1);
    QCOMPARE(model.index(total - 2, LogTableModel::TextColumn).data().toString(),
             QStringLiteral("entry %1").arg(total - 1));
    QCOMPARE(model.pagesLoaded(), 1);
    // A jump into the middle reads exactly the page it lands on.
    QCOMPARE(model.index(10000, LogTableModel::TextColumn).data().toString(),
             QStringLiteral("entry 10001"));
    QCOMPARE(model.pagesLoaded(), 2);
    // Reading every row from top to bottom reads each page once, not each row.
    for (int row = 0; row < total; ++row)
        QVERIFY(model.index(row, 0).data().isValid());
    QVERIFY(model.pagesLoaded() <= 2 + total / LogTableModel::kPageSize);
}

void TestLogModel::appendsFromAnotherConnectionAsInsertedRows()
{
    ScratchWarRoom room;
    const qint64 id = room.addIncident();
    room.addLog(id, QStringLiteral("before"));
    auto windowStore = room.openSecondStore();
    LogTableModel model(*windowStore);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setIncident(id);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.index(0, LogTableModel::TextColumn).data().toString(), QStringLiteral("before"));

    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    room.addLog(id, QStringLiteral("after 1"));
    room.addLog(id, QStringLiteral("after 2"));
    QVERIFY(!inserted.isEmpty()); // announced on commit: one connection per process
    QTRY_COMPARE(model.rowCount(), 3);
    QCOMPARE(reset.count(), 0); // rows are inserted, never a reset that loses the scroll position
    QCOMPARE(inserted.first().at(1).toInt(), 1);
    QCOMPARE(model.index(2, LogTableModel::TextColumn).data().toString(),
             QStringLiteral("after 2"));
}

void TestLogModel::showsOnlyItsIncident()
{
    ScratchWarRoom room;
    const qint64 mine = room.addIncident();
    const qint64 other = room.addIncident(QStringLiteral("Other"));
    LogTableModel model(room.store());
    model.setIncident(mine);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    room.addLog(other, QStringLiteral("not mine"));
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(model.rowCount(), 0);
    room.addLog(mine, QStringLiteral("mine"));
    QCOMPARE(inserted.count(), 1);
}

QTEST_MAIN(TestLogModel)
#include "tst_logmodel.moc"
