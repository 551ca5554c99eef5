#include "domain/fieldcheck.h"
#include "scratchwarroom.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

// The database itself refuses to rewrite history, whoever asks: not only the store's API
// but raw SQL from any program that opens the file.
class TestAppendOnly : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void rawSqlCannotRewrite_data();
    void rawSqlCannotRewrite();
    void correctionIsNewRowPointingAtOld();
    void correctionMustStayInItsIncident();
    void sequenceIsGaplessPerIncident();
    void refusesBadInputWithoutWriting();

private:
    std::unique_ptr<ScratchWarRoom> m_room;
    qint64 m_incident = 0;
    qint64 m_logCount = 0;
};

void TestAppendOnly::init()
{
    m_room = std::make_unique<ScratchWarRoom>();
    m_incident = m_room->addIncident();
    m_room->recordOneOfEverything(m_incident);
    m_room->recordTheAftermath(m_incident);
    m_logCount = *m_room->store().logEntryCount(m_incident);
}

void TestAppendOnly::cleanup()
{
    m_room.reset();
}

void TestAppendOnly::rawSqlCannotRewrite_data()
{
    QTest::addColumn<QString>("sql");
    QTest::newRow("edit log") << "UPDATE log_entries SET body = 'nothing happened'";
    QTest::newRow("delete log") << "DELETE FROM log_entries";
    QTest::newRow("move deadline") << "UPDATE commitments SET due_at = due_at + 3600000";
    QTest::newRow("delete deadline") << "DELETE FROM commitments";
    QTest::newRow("edit outcome") << "UPDATE commitment_outcomes SET at = 0";
    QTest::newRow("delete outcome") << "DELETE FROM commitment_outcomes";
    QTest::newRow("edit briefing") << "UPDATE briefings SET headline = 'All fine'";
    QTest::newRow("delete briefing") << "DELETE FROM briefings";
    for (const char *table :
         {"handovers", "framings", "problem_statements", "problem_confirmations", "customer_asks",
          "customer_ask_events", "status_changes", "notices", "notice_sends", "solution_options",
          "option_choices", "resolution_reports", "action_items", "action_items_done", "debriefs",
          "key_moments", "known_problems", "known_problem_updates", "known_problem_sightings"}) {
        QTest::addRow("edit %s", table)
            << QStringLiteral("UPDATE %1 SET id = id + 1000").arg(QString::fromLatin1(table));
        QTest::addRow("delete %s", table)
            << QStringLiteral("DELETE FROM %1").arg(QString::fromLatin1(table));
    }
    // REPLACE deletes the old row without firing delete triggers: refused on every table.
    for (const char *table : {"log_entries",
                              "commitments",
                              "commitment_outcomes",
                              "briefings",
                              "handovers",
                              "framings",
                              "problem_statements",
                              "problem_confirmations",
                              "customer_asks",
                              "customer_ask_events",
                              "status_changes",
                              "notices",
                              "notice_sends",
                              "solution_options",
                              "option_choices",
                              "resolution_reports",
                              "action_items",
                              "action_items_done",
                              "debriefs",
                              "key_moments",
                              "known_problems",
                              "known_problem_updates",
                              "known_problem_sightings"}) {
        QTest::addRow("replace %s", table)
            << QStringLiteral("INSERT OR REPLACE INTO %1 SELECT * FROM %1")
                   .arg(QString::fromLatin1(table));
        QTest::addRow("replace into %s", table)
            << QStringLiteral("REPLACE INTO %1 SELECT * FROM %1").arg(QString::fromLatin1(table));
    }
    // A new id but the same place in the log: REPLACE would drop the original entry.
    QTest::newRow("replace log by seq")
        << "INSERT OR REPLACE INTO log_entries (incident_id, seq, at, author, kind, body) "
           "SELECT incident_id, seq, at, author, kind, 'nothing happened' FROM log_entries";
    QTest::newRow("replace outcome by commitment")
        << "INSERT OR REPLACE INTO commitment_outcomes (commitment_id, kind, at, by_name) "
           "SELECT commitment_id, 'met', 0, 'Mallory' FROM commitment_outcomes";
    QTest::newRow("upsert log") << "INSERT INTO log_entries SELECT * FROM log_entries WHERE true "
                                   "ON CONFLICT (id) DO UPDATE SET body = 'nothing happened'";
    QTest::newRow("retitle incident") << "UPDATE incidents SET title = 'Nothing happened'";
    QTest::newRow("rename customer") << "UPDATE incidents SET customer = 'Someone else'";
    QTest::newRow("move opening") << "UPDATE incidents SET opened_at = opened_at + 3600000";
    QTest::newRow("renumber incident") << "UPDATE incidents SET id = id + 1000";
    QTest::newRow("delete incident") << "DELETE FROM incidents";
    QTest::newRow("replace incident") << "INSERT OR REPLACE INTO incidents SELECT * FROM incidents";
}

void TestAppendOnly::rawSqlCannotRewrite()
{
    QFETCH(QString, sql);
    // A foreign program gets the file only while no Warroom process has it open.
    m_room->closeStore();
    const QString name = QStringLiteral("raw-writer");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(m_room->path());
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY2(!query.exec(sql), "the database accepted a rewrite of history");
        QVERIFY2(query.lastError().text().contains(QStringLiteral("append-only")),
                 qPrintable(query.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase(name);

    m_room->reopenStore();
    const auto entries = m_room->store().logEntries(m_incident, 1, 100);
    QCOMPARE(entries->size(), m_logCount);
    QCOMPARE(entries->first().text, QStringLiteral("first"));
    QCOMPARE(m_room->store().commitments(m_incident)->size(), 1);
    QCOMPARE(m_room->store().handovers(m_incident)->size(), 1);
    QVERIFY(m_room->store().currentProblem(m_incident)->value().confirmation.has_value());
    QCOMPARE(m_room->store().briefings(m_incident)->first().headline,
             QStringLiteral("Orders fail for some customers."));
    const auto incident = m_room->store().incident(m_incident);
    QVERIFY(incident);
    QCOMPARE(incident->title, QStringLiteral("Checkout failing"));
    QCOMPARE(incident->openedAt, scratchStartTime());
}

void TestAppendOnly::correctionIsNewRowPointingAtOld()
{
    const LogEntry wrong = m_room->addLog(m_incident, QStringLiteral("latency 84 s"));
    const auto fixed =
        m_room->store().appendLogEntry({m_incident, QStringLiteral("Ann Lee"), LogKind::Observation,
                                        QStringLiteral("latency 8.4 s, not 84 s"), wrong.id});
    QVERIFY2(fixed, qPrintable(fixed.error()));
    QCOMPARE(fixed->correctsId, wrong.id);
    const auto entries = m_room->store().logEntries(m_incident, wrong.seq, 10);
    QCOMPARE(entries->size(), 2);
    QCOMPARE(entries->at(0).text, QStringLiteral("latency 84 s")); // the original stays
    QCOMPARE(entries->at(1).correctsId, wrong.id);
    // The original says it was corrected, and by which entry, read alone or in its page.
    QCOMPARE(entries->at(0).correctedById, fixed->id);
    QCOMPARE(m_room->store().logEntries(m_incident, wrong.seq, 1)->at(0).correctedById, fixed->id);
    QCOMPARE(entries->at(1).correctedById, 0);
    // Corrected again: the newest correction is the one that stands.
    const auto again =
        m_room->store().appendLogEntry({m_incident, QStringLiteral("Ann Lee"), LogKind::Observation,
                                        QStringLiteral("latency 8.2 s"), wrong.id});
    QVERIFY(again);
    QCOMPARE(m_room->store().logEntries(m_incident, wrong.seq, 1)->at(0).correctedById, again->id);
}

void TestAppendOnly::correctionMustStayInItsIncident()
{
    const qint64 other = m_room->addIncident(QStringLiteral("Another"));
    const LogEntry there = m_room->addLog(other, QStringLiteral("elsewhere"));
    const auto crossed = m_room->store().appendLogEntry(
        {m_incident, QStringLiteral("Ann"), LogKind::Observation, QStringLiteral("x"), there.id});
    QVERIFY(!crossed);
    QVERIFY(crossed.error().contains(QStringLiteral("not in this incident")));
}

void TestAppendOnly::sequenceIsGaplessPerIncident()
{
    const qint64 other = m_room->addIncident(QStringLiteral("Another"));
    for (int i = 0; i < 5; ++i) {
        m_room->addLog(m_incident, QStringLiteral("a%1").arg(i));
        m_room->addLog(other, QStringLiteral("b%1").arg(i));
    }
    QCOMPARE(*m_room->store().logEntryCount(m_incident), m_logCount + 5);
    QCOMPARE(*m_room->store().logEntryCount(other), 5);
    const auto window = m_room->store().logEntries(other, 2, 3);
    QCOMPARE(window->size(), 3);
    QCOMPARE(window->at(0).seq, 2);
    QCOMPARE(window->at(0).text, QStringLiteral("b1"));
    QCOMPARE(window->at(2).text, QStringLiteral("b3"));
}

void TestAppendOnly::refusesBadInputWithoutWriting()
{
    IncidentStore &store = m_room->store();
    const auto huge = store.appendLogEntry(
        {m_incident, QStringLiteral("Ann"), LogKind::Observation, QString(50000, u'x')});
    QVERIFY(!huge);
    QVERIFY2(huge.error().contains(QStringLiteral("too long")), qPrintable(huge.error()));
    const auto blank = store.appendLogEntry(
        {m_incident, QStringLiteral("Ann"), LogKind::Observation, QStringLiteral("   ")});
    QVERIFY(!blank);
    const auto nobody =
        store.appendLogEntry({m_incident, QString(), LogKind::Observation, QStringLiteral("text")});
    QVERIFY(!nobody);
    const auto missing = store.appendLogEntry(
        {4242, QStringLiteral("Ann"), LogKind::Observation, QStringLiteral("text")});
    QVERIFY(!missing);
    QVERIFY(missing.error().contains(QStringLiteral("no incident 4242")));
    QCOMPARE(*store.logEntryCount(m_incident), m_logCount);

    NewIncident noPhone{QStringLiteral("t"), QStringLiteral("c"),   {},
                        Severity::Sev1,      QStringLiteral("Bob"), {}};
    QVERIFY(!store.createIncident(noPhone));
    NewIncident badPhone = noPhone;
    badPhone.inChargePhone = QStringLiteral("call me maybe");
    const auto refused = store.createIncident(badPhone);
    QVERIFY(!refused);
    QVERIFY2(refused.error().contains(QStringLiteral("phone")), qPrintable(refused.error()));
    // Every problem is named at once, one per line.
    NewIncident everything{
        {}, QString(FieldLimit::Title + 1, u'c'), {}, Severity::Sev1, QStringLiteral("Bob"), {}};
    const QStringList problems = everything.problems();
    QCOMPARE(problems.size(), 3);
    const auto allRefused = store.createIncident(everything);
    QVERIFY(!allRefused);
    QCOMPARE(allRefused.error(), problems.join(u'\n'));
    QVERIFY2(problems.at(0).contains(QStringLiteral("title")), qPrintable(problems.at(0)));
    QVERIFY2(problems.at(1).contains(QStringLiteral("customer")), qPrintable(problems.at(1)));
    QVERIFY2(problems.at(2).contains(QStringLiteral("phone")), qPrintable(problems.at(2)));
    QCOMPARE(store.incidents()->size(), 1);

    // Markup is stored as typed; escaping is the job of whoever renders it.
    const QString markup = QStringLiteral("<b>bold</b> & <script>alert(1)</script>");
    QCOMPARE(m_room->addLog(m_incident, markup).text, markup);
}

QTEST_GUILESS_MAIN(TestAppendOnly)
#include "tst_appendonly.moc"
