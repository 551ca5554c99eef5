#include "scratchwarroom.h"
#include "storage/recordchain.h"
#include "storage/schema.h"

#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

// Every record is linked into its incident's hash chain, so that a change made around Warroom
// (raw SQL with the database's guards dropped) shows.
class TestRecordChain : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void intactAfterEveryKindOfRecord();
    void tamperingIsNamed_data();
    void tamperingIsNamed();
    void commandLineVerifies();
    void upgradeLinksWhatWasThere();
    void laterChecksReadOnlyRowsPastTheirMark();
    void aLongRecordIsCheckedAShareAtATime_data();
    void aLongRecordIsCheckedAShareAtATime();

private:
    // Runs raw SQL on the file while no Warroom process has it open, as an attacker would.
    void tamper(const QStringList &statements);

    std::unique_ptr<ScratchWarRoom> m_room;
    qint64 m_incident = 0;
    qint64 m_other = 0;
};

void TestRecordChain::init()
{
    m_room = std::make_unique<ScratchWarRoom>();
    m_incident = m_room->addIncident();
    m_other = m_room->addIncident(QStringLiteral("Another"));
    m_room->recordOneOfEverything(m_incident);
    m_room->addLog(m_other, QStringLiteral("elsewhere"));
}

void TestRecordChain::cleanup()
{
    m_room.reset();
}

void TestRecordChain::tamper(const QStringList &statements)
{
    m_room->closeStore();
    const QString refused = runForeignSql(m_room->path(), statements);
    QVERIFY2(refused.isEmpty(), qPrintable(refused));
    m_room->reopenStore();
}

void TestRecordChain::intactAfterEveryKindOfRecord()
{
    IncidentStore &store = m_room->store();
    const auto report = store.checkRecordChain(m_incident);
    QVERIFY2(report, qPrintable(report.error()));
    QVERIFY2(report->intact, qPrintable(report->problem));
    QVERIFY(report->records >= 10); // the incident, entries, deadline, outcome, handover...
    const auto all = store.checkRecordChain(0);
    QVERIFY(all->intact);
    QCOMPARE(all->records, report->records + 2); // the other incident and its entry

    // A second check reads only what is new, and still counts everything.
    m_room->addLog(m_incident, QStringLiteral("later"));
    const auto again = store.checkRecordChain(m_incident);
    QVERIFY(again->intact);
    QCOMPARE(again->records, report->records + 1);
}

void TestRecordChain::tamperingIsNamed_data()
{
    QTest::addColumn<QStringList>("statements");
    QTest::addColumn<QString>("named");
    QTest::newRow("edited entry")
        << QStringList{QStringLiteral("DROP TRIGGER log_entries_no_update"),
                       QStringLiteral(
                           "UPDATE log_entries SET body = 'nothing happened' WHERE body = 'first'")}
        << QStringLiteral("does not match its hash");
    QTest::newRow("moved deadline")
        << QStringList{QStringLiteral("DROP TRIGGER commitments_no_update"),
                       QStringLiteral("UPDATE commitments SET due_at = due_at + 3600000")}
        << QStringLiteral("commitments #");
    QTest::newRow("deleted entry")
        << QStringList{QStringLiteral("DROP TRIGGER log_entries_no_delete"),
                       QStringLiteral("DELETE FROM log_entries WHERE body = 'first'")}
        << QStringLiteral("has been deleted");
    QTest::newRow("retitled incident")
        << QStringList{QStringLiteral("DROP TRIGGER incidents_keep_identity"),
                       QStringLiteral(
                           "UPDATE incidents SET title = 'Nothing happened' WHERE id = 1")}
        << QStringLiteral("incidents #");
    // Inserts pass the append-only guards: only the chain shows a forged entry.
    QTest::newRow("forged entry")
        << QStringList{QStringLiteral(
               "INSERT INTO log_entries (incident_id, seq, at, author, kind, body) SELECT "
               "incident_id, "
               "MAX(seq) + 1, MAX(at), 'Ann Lee', 'action', 'customer approved the outage' FROM "
               "log_entries WHERE incident_id = 1")}
        << QStringLiteral("added outside Warroom");
    QTest::newRow("edited briefing")
        << QStringList{QStringLiteral("DROP TRIGGER briefings_no_update"),
                       QStringLiteral("UPDATE briefings SET headline = 'All is well.'")}
        << QStringLiteral("briefings #");
}

void TestRecordChain::tamperingIsNamed()
{
    QFETCH(QStringList, statements);
    QFETCH(QString, named);
    tamper(statements);
    const auto report = m_room->store().checkRecordChain(m_incident);
    QVERIFY2(report, qPrintable(report.error()));
    QVERIFY(!report->intact);
    QVERIFY2(report->problem.contains(named), qPrintable(report->problem));
    // The other incident's chain is its own, and untouched.
    const auto other = m_room->store().checkRecordChain(m_other);
    QVERIFY2(other->intact, qPrintable(other->problem));
}

void TestRecordChain::commandLineVerifies()
{
    m_room->closeStore(); // the command owns the war room itself
    auto verify = [&](QString *out, QString *err) {
        QProcess p;
        p.start(warroomExecutable(),
                {QStringLiteral("verify"), QStringLiteral("--database"), m_room->path(),
                 QStringLiteral("--incident"), QString::number(m_incident)});
        p.waitForFinished(20000);
        *out = QString::fromUtf8(p.readAllStandardOutput());
        *err = QString::fromUtf8(p.readAllStandardError());
        return p.exitCode();
    };
    QString out, err;
    QCOMPARE(verify(&out, &err), 0);
    QVERIFY2(out.startsWith(QStringLiteral("chain intact: ")), qPrintable(out));
    QVERIFY(out.trimmed().endsWith(QStringLiteral(" records")));

    m_room->reopenStore();
    tamper({QStringLiteral("DROP TRIGGER log_entries_no_update"),
            QStringLiteral("UPDATE log_entries SET author = 'Mallory' WHERE body = 'first'")});
    m_room->closeStore();
    QCOMPARE(verify(&out, &err), 3);
    QVERIFY2(err.contains(QStringLiteral("log_entries #")), qPrintable(err));
    QVERIFY(out.isEmpty());
}

void TestRecordChain::upgradeLinksWhatWasThere()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.sqlite"));
    {
        auto old = Database::openSqlite(path, OpenMode::CreateIfMissing, kFirstChainedVersion - 1);
        QVERIFY2(old, qPrintable(old.error()));
        for (const char *sql :
             {"INSERT INTO incidents (title, customer, status, severity, opened_at) VALUES "
              "('Old', 'Acme', 'reported', 'SEV2', 1000)",
              "INSERT INTO log_entries (incident_id, seq, at, author, kind, body) VALUES "
              "(1, 1, 2000, 'Ann', 'observation', 'written before chains')"})
            QVERIFY((*old)->run(QString::fromLatin1(sql)));
    }
    ManualClock clock(scratchStartTime());
    auto store = IncidentStore::openSqlite(path, OpenMode::MustExist, clock);
    QVERIFY2(store, qPrintable(store.error()));
    const auto report = (*store)->checkRecordChain(1);
    QVERIFY2(report->intact, qPrintable(report->problem));
    QCOMPARE(report->records, 2);
}

void TestRecordChain::aLongRecordIsCheckedAShareAtATime_data()
{
    QTest::addColumn<QStringList>("statements");
    QTest::addColumn<QString>("named");
    QTest::newRow("intact") << QStringList() << QString();
    QTest::newRow("edited late entry")
        << QStringList{QStringLiteral("DROP TRIGGER log_entries_no_update"),
                       QStringLiteral("UPDATE log_entries SET body = 'all fine' WHERE body = "
                                      "'reading 59000'")}
        << QStringLiteral("does not match its hash");
    QTest::newRow("forged entry")
        << QStringList{QStringLiteral(
               "INSERT INTO log_entries (incident_id, seq, at, author, kind, body) SELECT "
               "incident_id, MAX(seq) + 1, MAX(at), 'Ann Lee', 'action', 'customer approved' "
               "FROM log_entries WHERE incident_id = 1")}
        << QStringLiteral("added outside Warroom");
}

void TestRecordChain::aLongRecordIsCheckedAShareAtATime()
{
    // A window checks a long record a slice at a time, so that reading the log's pages and
    // writing are not held up behind it (18 s at a million entries); each check goes on from
    // where the last stopped, and what the whole check finds, the slices find.
    QFETCH(QStringList, statements);
    QFETCH(QString, named);
    constexpr int kEntries = 60000; // more than one slice of links, and of ids
    for (int first = 1; first <= kEntries; first += 5000) {
        QList<NewLogEntry> batch;
        for (int i = first; i < first + 5000; ++i)
            batch.append({m_incident, QStringLiteral("probe"), LogKind::Observation,
                          QStringLiteral("reading %1").arg(i)});
        const auto written = m_room->store().appendLogEntries(batch);
        QVERIFY2(written, qPrintable(written.error()));
    }
    if (!statements.isEmpty())
        tamper(statements);
    else
        m_room->reopenStore(); // a store that has checked nothing yet
    const auto whole = m_room->openSecondStore()->checkRecordChain(m_incident);
    QVERIFY2(whole, qPrintable(whole.error()));

    IncidentStore &store = m_room->store();
    int checks = 0;
    qint64 recordsBefore = 0;
    Result<RecordChain::Report> report = Failure{};
    for (;;) {
        report = store.checkRecordChain(m_incident, 1);
        QVERIFY2(report, qPrintable(report.error()));
        ++checks;
        if (!report->intact || report->complete)
            break;
        QVERIFY(report->records >= recordsBefore);
        recordsBefore = report->records;
        QVERIFY2(checks < 100, "the check does not get to the end");
    }
    QVERIFY2(checks >= 12, qPrintable(QString::number(checks)));
    QCOMPARE(report->intact, whole->intact);
    if (named.isEmpty()) {
        QVERIFY2(report->intact, qPrintable(report->problem));
        QCOMPARE(report->records, whole->records);
        QVERIFY(report->records > kEntries);
    } else {
        QVERIFY2(report->problem.contains(named), qPrintable(report->problem));
        QCOMPARE(report->problem, whole->problem);
    }
}

QTEST_GUILESS_MAIN(TestRecordChain)
void TestRecordChain::laterChecksReadOnlyRowsPastTheirMark()
{
    // Each check after the first looks for unlinked rows past the ids it has seen. Found by
    // the incident's index instead, SQLite walked every entry of a million-entry incident on
    // every check: 60 ms each, many times a second while a script streams entries.
    const QString name = QStringLiteral("plan-reader");
    m_room->closeStore(); // the store holds the file exclusively
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_room->path());
        QVERIFY(db.open());
        const QStringList present = db.tables();
        int looked = 0;
        for (const QString &table : RecordChain::chainedTables()) {
            if (!present.contains(table))
                continue;
            ++looked;
            QSqlQuery plan(db);
            QVERIFY(
                plan.prepare(u"EXPLAIN QUERY PLAN " + RecordChain::unlinkedRowSql(table, true)));
            plan.addBindValue(1);
            plan.addBindValue(1000);
            plan.addBindValue(m_incident);
            QVERIFY2(plan.exec(), qPrintable(plan.lastError().text()));
            QString searchOfRows;
            while (plan.next()) {
                const QString step = plan.value(3).toString();
                if (step.startsWith(QStringLiteral("SEARCH t ")) ||
                    step.startsWith(QStringLiteral("SCAN t")))
                    searchOfRows = step;
            }
            // By id: the range past the mark, or each of the incident's deadlines' one outcome.
            QVERIFY2(searchOfRows.contains(QStringLiteral("rowid>? AND rowid<?)")) ||
                         searchOfRows.contains(QStringLiteral("rowid=?)")),
                     qPrintable(QStringLiteral("%1: %2").arg(table, searchOfRows)));
        }
        QCOMPARE(looked, RecordChain::chainedTables().size());
    }
    QSqlDatabase::removeDatabase(name);
}

#include "tst_recordchain.moc"
