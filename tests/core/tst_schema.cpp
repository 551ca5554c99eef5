#include "scratchwarroom.h"
#include "storage/database.h"
#include "storage/rows.h"
#include "storage/schema.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

class TestSchema : public QObject
{
    Q_OBJECT
private slots:
    void newFileGetsLatestSchema();
    void upgradesFromEachEarlierVersion_data();
    void upgradesFromEachEarlierVersion();
    void version2KeepsVersion1Data();
    void refusesNewerSchemaUntouched();
    void refusesFileThatIsNotSqlite();
    void refusesForeignSqliteDatabase();
    void refusesMissingFileWhenItMustExist();
    void refusesEmptyFileWhenItMustExist();
    void reportsDamagedWarroomFile();
    void connectionHasForeignKeysAndWal();

private:
    QTemporaryDir m_dir;
};

// Writes a file through raw SQL, as another program (or a newer Warroom) would.
static void rawSql(const QString &path, const QStringList &statements)
{
    const QString refused = runForeignSql(path, statements);
    QVERIFY2(refused.isEmpty(), qPrintable(refused));
}

void TestSchema::newFileGetsLatestSchema()
{
    const QString path = m_dir.filePath(QStringLiteral("nested/folder/new.sqlite"));
    auto db = Database::openSqlite(path, OpenMode::CreateIfMissing);
    QVERIFY2(db, qPrintable(db.error()));
    QCOMPARE((*db)->schemaVersion(), latestSchemaVersion());
    QCOMPARE((*db)->scalar(QStringLiteral("SELECT version FROM warroom_schema"))->toInt(),
             latestSchemaVersion());
    QCOMPARE((*db)->scalar(QStringLiteral("PRAGMA application_id"))->toLongLong(),
             qint64(kSqliteApplicationId));
    for (const char *table :
         {"incidents", "log_entries", "commitments", "commitment_outcomes", "briefings"}) {
        QVERIFY2((*db)->scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE "
                                              "type = 'table' AND name = ?"),
                               {QString::fromLatin1(table)})
                         ->toInt() == 1,
                 table);
    }
}

void TestSchema::upgradesFromEachEarlierVersion_data()
{
    QTest::addColumn<int>("from");
    // Version 0 is a file created but never written, as a crash right after creation leaves.
    for (int version = 0; version < latestSchemaVersion(); ++version)
        QTest::addRow("from v%d", version) << version;
}

void TestSchema::upgradesFromEachEarlierVersion()
{
    QFETCH(int, from);
    const QString path = m_dir.filePath(QStringLiteral("upgrade-%1.sqlite").arg(from));
    {
        auto old = Database::openSqlite(path, OpenMode::CreateIfMissing, from);
        QVERIFY2(old, qPrintable(old.error()));
        QCOMPARE((*old)->schemaVersion(), from);
    }
    {
        auto db = Database::openSqlite(path, OpenMode::CreateIfMissing);
        QVERIFY2(db, qPrintable(db.error()));
        QCOMPARE((*db)->schemaVersion(), latestSchemaVersion());
    }
    // The upgraded file works for real: the store can write and read through it.
    ManualClock clock(scratchStartTime());
    auto store = IncidentStore::openSqlite(path, OpenMode::MustExist, clock);
    QVERIFY2(store, qPrintable(store.error()));
    const auto id = (*store)->createIncident(
        {QStringLiteral("t"), QStringLiteral("c"), {}, Severity::Sev3, {}, {}});
    QVERIFY2(id, qPrintable(id.error()));
    QVERIFY((*store)->appendLogEntry(
        {*id, QStringLiteral("a"), LogKind::Action, QStringLiteral("after upgrade")}));
}

void TestSchema::version2KeepsVersion1Data()
{
    // A war room written by a version-1 Warroom, with an incident, a log and a deadline.
    const QString path = m_dir.filePath(QStringLiteral("v1-data.sqlite"));
    {
        auto v1 = Database::openSqlite(path, OpenMode::CreateIfMissing, 1);
        QVERIFY(v1);
        for (const QString &sql :
             {QStringLiteral("INSERT INTO incidents (id, title, customer, problem_statement, "
                             "status, severity, in_charge_name, in_charge_phone, opened_at) "
                             "VALUES (7, 'Old', 'Acme', 'Checkout fails', 'investigating', "
                             "'SEV2', 'Ann', '+1 555 0100', 1000)"),
              QStringLiteral("INSERT INTO log_entries (incident_id, seq, at, author, kind, body) "
                             "VALUES (7, 1, 2000, 'Ann', 'observation', 'seen')"),
              QStringLiteral("INSERT INTO commitments (incident_id, what, owner, due_at, why, "
                             "created_at, created_by) VALUES (7, 'fix', 'Bob', 9000, 'why', "
                             "3000, 'Ann')")})
            QVERIFY2((*v1)->run(sql), qPrintable(sql));
    }
    ManualClock clock(scratchStartTime());
    auto store = IncidentStore::openSqlite(path, OpenMode::MustExist, clock);
    QVERIFY2(store, qPrintable(store.error()));
    const auto problem = (*store)->currentProblem(7);
    QVERIFY(problem && problem->has_value());
    QCOMPARE((*problem)->text, QStringLiteral("Checkout fails"));
    QVERIFY(!(*problem)->confirmation);
    const auto entries = (*store)->logEntries(7, 1, 10);
    QCOMPARE(entries->size(), 2);
    QCOMPARE(entries->first().event, QString());
    // The old deadline had passed unmet: opening the war room records the miss, at its due time.
    QCOMPARE(entries->at(1).event, LogEvent::Missed);
    QCOMPARE(entries->at(1).author, QStringLiteral("Warroom"));
    QCOMPARE(entries->at(1).at, Rows::time(QVariant(9000)));
    const auto commitments = (*store)->commitments(7);
    QCOMPARE(commitments->size(), 1);
    QVERIFY(!commitments->first().isTimebox());
    QCOMPARE((*store)->incident(7)->inChargeSince, Rows::time(QVariant(1000)));
}

void TestSchema::refusesNewerSchemaUntouched()
{
    const QString path = m_dir.filePath(QStringLiteral("newer.sqlite"));
    {
        auto db = Database::openSqlite(path, OpenMode::CreateIfMissing);
        QVERIFY(db);
    }
    const int future = latestSchemaVersion() + 1;
    rawSql(path, {QStringLiteral("PRAGMA journal_mode = DELETE"),
                  QStringLiteral("UPDATE warroom_schema SET version = %1").arg(future)});
    const QByteArray before = fileDigest(path);

    auto db = Database::openSqlite(path, OpenMode::CreateIfMissing);
    QVERIFY(!db);
    QVERIFY2(db.error().contains(QStringLiteral("newer Warroom")), qPrintable(db.error()));
    QVERIFY(db.error().contains(QString::number(future)));
    QVERIFY(db.error().contains(QStringLiteral("untouched")));
    QCOMPARE(fileDigest(path), before);
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
}

void TestSchema::refusesFileThatIsNotSqlite()
{
    const QString path = m_dir.filePath(QStringLiteral("notes.txt"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray("These are meeting notes, not a database.\n").repeated(200));
    file.close();
    const QByteArray before = fileDigest(path);

    for (OpenMode mode : {OpenMode::CreateIfMissing, OpenMode::MustExist}) {
        auto db = Database::openSqlite(path, mode);
        QVERIFY(!db);
        QVERIFY2(db.error().contains(QStringLiteral("is not a Warroom database")),
                 qPrintable(db.error()));
    }
    QCOMPARE(fileDigest(path), before);
}

void TestSchema::refusesForeignSqliteDatabase()
{
    const QString path = m_dir.filePath(QStringLiteral("other-app.sqlite"));
    rawSql(path, {QStringLiteral("CREATE TABLE recipes (name TEXT)"),
                  QStringLiteral("INSERT INTO recipes VALUES ('soup')")});
    const QByteArray before = fileDigest(path);
    auto db = Database::openSqlite(path, OpenMode::CreateIfMissing);
    QVERIFY(!db);
    QVERIFY2(db.error().contains(QStringLiteral("another program")), qPrintable(db.error()));
    QCOMPARE(fileDigest(path), before);
}

void TestSchema::refusesMissingFileWhenItMustExist()
{
    const QString path = m_dir.filePath(QStringLiteral("absent.sqlite"));
    auto db = Database::openSqlite(path, OpenMode::MustExist);
    QVERIFY(!db);
    QVERIFY2(db.error().contains(QStringLiteral("no Warroom database")), qPrintable(db.error()));
    QVERIFY(!QFile::exists(path));
}

void TestSchema::refusesEmptyFileWhenItMustExist()
{
    const QString path = m_dir.filePath(QStringLiteral("empty.sqlite"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    auto db = Database::openSqlite(path, OpenMode::MustExist);
    QVERIFY(!db);
    QVERIFY2(db.error().contains(QStringLiteral("holds no Warroom data")), qPrintable(db.error()));
    QCOMPARE(QFileInfo(path).size(), 0);
}

void TestSchema::reportsDamagedWarroomFile()
{
    const QString path = m_dir.filePath(QStringLiteral("damaged.sqlite"));
    {
        auto db = Database::openSqlite(path, OpenMode::CreateIfMissing);
        QVERIFY(db);
    }
    rawSql(path, {QStringLiteral("DROP TABLE warroom_schema")});
    auto db = Database::openSqlite(path, OpenMode::CreateIfMissing);
    QVERIFY(!db);
    QVERIFY2(db.error().contains(QStringLiteral("damaged")), qPrintable(db.error()));
}

void TestSchema::connectionHasForeignKeysAndWal()
{
    const QString path = m_dir.filePath(QStringLiteral("pragmas.sqlite"));
    auto db = Database::openSqlite(path, OpenMode::CreateIfMissing);
    QVERIFY(db);
    QCOMPARE((*db)->scalar(QStringLiteral("PRAGMA foreign_keys"))->toInt(), 1);
    QCOMPARE((*db)->scalar(QStringLiteral("PRAGMA journal_mode"))->toString(),
             QStringLiteral("wal"));
    // Foreign keys are enforced: a log entry for a missing incident is refused.
    const auto orphan = (*db)->run(
        QStringLiteral("INSERT INTO log_entries (incident_id, seq, at, author, kind, body) "
                       "VALUES (999, 1, 0, 'a', 'observation', 'x')"));
    QVERIFY(!orphan);
}

QTEST_GUILESS_MAIN(TestSchema)
#include "tst_schema.moc"
