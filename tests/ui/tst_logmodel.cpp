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
    void filteredShowsOnlyMatchesAndFollowsNewOnes();
    void pinnedOnlyFollowsPinsAndUnpins();
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

// A burst of 20,000 monitor alerts around three people's entries: the filtered view has three
// rows, reads one page for them, and new matches arrive as inserted rows while non-matching
// entries only move the count.
void TestLogModel::filteredShowsOnlyMatchesAndFollowsNewOnes()
{
    ScratchWarRoom room;
    const qint64 id = room.addIncident();
    room.addLog(id, QStringLiteral("p99 at 4 s"));
    bulkFill(room, id, 10000);
    const LogEntry theory = room.addLog(id, QStringLiteral("pool exhausted"), LogKind::Hypothesis);
    bulkFill(room, id, 10000);
    room.addLog(id, QStringLiteral("raised the pool"), LogKind::Action);
    // bulkFill's rows came from no script's command: say so as a script would have.
    for (int i = 0; i < 3; ++i) {
        NewLogEntry alert{id, QStringLiteral("monitor"), LogKind::Observation,
                          QStringLiteral("alert %1").arg(i)};
        alert.byScript = true;
        QVERIFY(room.store().appendLogEntry(alert));
    }
    LogTableModel model(room.windowStore());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setIncident(id);
    QTRY_COMPARE(model.rowCount(), 20006);

    LogFilter people;
    people.peopleOnly = true;
    people.author = QStringLiteral("Ann Lee");
    QSignalSpy counted(&model, &LogTableModel::entryCountChanged);
    const int pagesBefore = model.pagesLoaded();
    model.setFilter(people);
    QTRY_COMPARE(model.rowCount(), 3);
    QCOMPARE(model.entryCount(), 20006);
    QTRY_COMPARE(model.index(1, LogTableModel::TextColumn).data().toString(),
                 QStringLiteral("pool exhausted"));
    QCOMPARE(model.index(1, LogTableModel::KindColumn).data().toString(),
             QStringLiteral("hypothesis"));
    QCOMPARE(model.entry(1)->seq, theory.seq);
    QCOMPARE(model.index(2, LogTableModel::TextColumn).data().toString(),
             QStringLiteral("raised the pool"));
    QCOMPARE(model.pagesLoaded(), pagesBefore + 1);

    // Another alert moves the count only; a person's entry is a new row.
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    NewLogEntry alert{id, QStringLiteral("monitor"), LogKind::Observation, QStringLiteral("x")};
    alert.byScript = true;
    QVERIFY(room.store().appendLogEntry(alert));
    QTRY_COMPARE(model.entryCount(), 20007);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(inserted.count(), 0);
    room.addLog(id, QStringLiteral("rolled back"), LogKind::Action);
    QTRY_COMPARE(model.rowCount(), 4);
    QCOMPARE(model.entryCount(), 20008);
    QCOMPARE(inserted.count(), 1);
    QTRY_COMPARE(model.index(3, LogTableModel::TextColumn).data().toString(),
                 QStringLiteral("rolled back"));
    QVERIFY(counted.count() > 0);

    // No filter: every entry again.
    model.setFilter({});
    QTRY_COMPARE(model.rowCount(), 20008);
    QTRY_COMPARE(model.index(20007, LogTableModel::TextColumn).data().toString(),
                 QStringLiteral("rolled back"));
}

void TestLogModel::pinnedOnlyFollowsPinsAndUnpins()
{
    ScratchWarRoom room;
    const qint64 id = room.addIncident();
    const LogEntry first = room.addLog(id, QStringLiteral("p99 at 4 s"));
    const LogEntry theory = room.addLog(id, QStringLiteral("pool exhausted"), LogKind::Hypothesis);
    room.addLog(id, QStringLiteral("raised the pool"), LogKind::Action);
    LogTableModel model(room.windowStore());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setIncident(id);
    QTRY_COMPARE(model.rowCount(), 3);
    QVERIFY(room.store().pinLogEntry(theory.id, true, QStringLiteral("Ann")));
    // Shown as pinned where it stands.
    QTRY_VERIFY(model.index(1, 0).data(LogTableModel::PinnedRole).toBool());
    QCOMPARE(model.index(1, LogTableModel::TextColumn).data().toString(),
             QStringLiteral("★ pool exhausted"));
    QVERIFY(!model.index(0, 0).data(LogTableModel::PinnedRole).toBool());

    LogFilter pinned;
    pinned.pinnedOnly = true;
    model.setFilter(pinned);
    QTRY_COMPARE(model.rowCount(), 1);
    QTRY_COMPARE(model.index(0, LogTableModel::TextColumn).data().toString(),
                 QStringLiteral("★ pool exhausted"));
    QVERIFY(room.store().pinLogEntry(first.id, true, QStringLiteral("Ann")));
    QTRY_COMPARE(model.rowCount(), 2);
    QTRY_COMPARE(model.index(0, LogTableModel::TextColumn).data().toString(),
                 QStringLiteral("★ p99 at 4 s"));
    QVERIFY(room.store().pinLogEntry(theory.id, false, QStringLiteral("Ann")));
    QTRY_COMPARE(model.rowCount(), 1);
    QTRY_COMPARE(model.index(0, LogTableModel::TextColumn).data().toString(),
                 QStringLiteral("★ p99 at 4 s"));
}

QTEST_MAIN(TestLogModel)
#include "tst_logmodel.moc"
