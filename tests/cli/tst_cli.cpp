#include "scratchwarroom.h"
#include "warroomprocess.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

// The real executable, run as a monitoring script would: no display at all.
class TestCli : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void newIncidentPrintsId();
    void logAppendsAndPrintsId();
    void logReadsStandardInput();
    void logLinesWritesEachLineAndAcknowledgesIt();
    void logJsonLinesReadsFieldsAndRefusesBadLinesAlone();
    void listPrintsOneLinePerIncident();
    void badInputFailsWithOneLineAndWritesNothing_data();
    void badInputFailsWithOneLineAndWritesNothing();
    void refusesFileThatIsNotWarroom();
    void refusesMissingDatabaseWithoutCreatingIt();
    void helpNeedsNoDisplay();
    void commitMetSupersedeAndStatus();
    void commitmentCommandsRefuseBadInput_data();
    void commitmentCommandsRefuseBadInput();
    void assessPrintsSeverityReasonAndSentence();
    void assessKeepsAnOverrideOnlyWithAFreshReason();
    void tailPrintsEntriesAfterSinceInOrder();
    void searchPrintsEveryEntryWithTheWords();
    void commitmentsListIdsAndStates();
    void readCommandsRefuseBadInput_data();
    void readCommandsRefuseBadInput();
    void checkTextPrintsFindingsAndExitsZero();

private:
    using Run = CommandRun;
    Run run(const QStringList &arguments, const QByteArray &input = {});
    qint64 newIncident(const QString &title);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = m_dir->filePath(QStringLiteral("cli.sqlite"));
}

TestCli::Run TestCli::run(const QStringList &arguments, const QByteArray &input)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY")); // prove no display is needed
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.insert(QStringLiteral("USER"), QStringLiteral("tester"));
    // The user's own settings (their severity table, their name) must not change results.
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("config")));
    return runWarroom(arguments, env, input, 20000);
}

qint64 TestCli::newIncident(const QString &title)
{
    const Run created =
        run({QStringLiteral("new-incident"), QStringLiteral("--database"), m_db,
             QStringLiteral("--title"), title, QStringLiteral("--customer"), QStringLiteral("Acme"),
             QStringLiteral("--severity"), QStringLiteral("SEV2"), QStringLiteral("--in-charge"),
             QStringLiteral("Ann Lee"), QStringLiteral("--phone"), QStringLiteral("+1 555 0100")});
    if (created.exitCode != 0)
        qFatal("new-incident failed: %s", qPrintable(created.err));
    return created.out.trimmed().toLongLong();
}

void TestCli::newIncidentPrintsId()
{
    QVERIFY(!QFile::exists(m_db));
    QCOMPARE(newIncident(QStringLiteral("Checkout down")), 1);
    QCOMPARE(newIncident(QStringLiteral("Search slow")), 2);
    ManualClock clock(scratchStartTime());
    auto store = IncidentStore::openSqlite(m_db, OpenMode::MustExist, clock);
    QVERIFY(store);
    const auto incident = (*store)->incident(1);
    QCOMPARE(incident->title, QStringLiteral("Checkout down"));
    QCOMPARE(incident->severity, Severity::Sev2);
    QCOMPARE(incident->inChargeName, QStringLiteral("Ann Lee"));
    QCOMPARE(incident->inChargePhone, QStringLiteral("+1 555 0100"));
}

void TestCli::logAppendsAndPrintsId()
{
    const qint64 id = newIncident(QStringLiteral("Checkout down"));
    const Run logged =
        run({QStringLiteral("log"), QStringLiteral("--database"), m_db,
             QStringLiteral("--incident"), QString::number(id), QStringLiteral("--kind"),
             QStringLiteral("hypothesis"), QStringLiteral("cache"), QStringLiteral("stampede")});
    QCOMPARE(logged.exitCode, 0);
    QVERIFY2(logged.err.isEmpty(), qPrintable(logged.err));
    const qint64 entryId = logged.out.trimmed().toLongLong();
    QVERIFY(entryId > 0);

    ManualClock clock(scratchStartTime());
    auto store = IncidentStore::openSqlite(m_db, OpenMode::MustExist, clock);
    const auto entries = (*store)->logEntries(id, 1, 10);
    QCOMPARE(entries->size(), 1);
    QCOMPARE(entries->first().id, entryId);
    QCOMPARE(entries->first().kind, LogKind::Hypothesis);
    QCOMPARE(entries->first().text, QStringLiteral("cache stampede"));
    QCOMPARE(entries->first().author, QStringLiteral("tester"));

    // Corrected from the command line: a new entry pointing at it; the original stays.
    store->reset(); // the command is the file's only user
    const auto correct = [&](const QString &entry, const QString &text) {
        return run({QStringLiteral("log"), QStringLiteral("--database"), m_db,
                    QStringLiteral("--incident"), QString::number(id), QStringLiteral("--corrects"),
                    entry, text});
    };
    const Run fixed = correct(QString::number(entryId), QStringLiteral("cache stampede on db-2"));
    QVERIFY2(fixed.exitCode == 0, qPrintable(fixed.err));
    // An entry that is not there, or not a number: refused, nothing written.
    const Run missing = correct(QStringLiteral("999"), QStringLiteral("x"));
    QCOMPARE(missing.exitCode, 1);
    QVERIFY2(missing.err.contains(QStringLiteral("999")), qPrintable(missing.err));
    QCOMPARE(correct(QStringLiteral("two"), QStringLiteral("x")).exitCode, 2);
    store = IncidentStore::openSqlite(m_db, OpenMode::MustExist, clock);
    const auto after = (*store)->logEntries(id, 1, 10);
    QCOMPARE(after->size(), 2);
    QCOMPARE(after->at(0).text, QStringLiteral("cache stampede"));
    QCOMPARE(after->at(0).correctedById, fixed.out.trimmed().toLongLong());
    QCOMPARE(after->at(1).correctsId, entryId);
}

void TestCli::logReadsStandardInput()
{
    const qint64 id = newIncident(QStringLiteral("Checkout down"));
    const Run logged =
        run({QStringLiteral("log"), QStringLiteral("--database"), m_db,
             QStringLiteral("--incident"), QString::number(id), QStringLiteral("--author"),
             QStringLiteral("alertmanager"), QStringLiteral("-")},
            QByteArray("ALERT: error rate 12 %\nrunbook: r/42\n"));
    QCOMPARE(logged.exitCode, 0);
    ManualClock clock(scratchStartTime());
    auto store = IncidentStore::openSqlite(m_db, OpenMode::MustExist, clock);
    const auto entries = (*store)->logEntries(id, 1, 10);
    QCOMPARE(entries->first().text, QStringLiteral("ALERT: error rate 12 %\nrunbook: r/42"));
    QCOMPARE(entries->first().author, QStringLiteral("alertmanager"));
}

void TestCli::logLinesWritesEachLineAndAcknowledgesIt()
{
    const qint64 id = newIncident(QStringLiteral("Checkout down"));
    QByteArray input;
    for (int i = 1; i <= 2500; ++i)
        input += QByteArray("probe ") + QByteArray::number(i) + (i == 7 ? "\n\n" : "\n");
    const QByteArray tooLong = QByteArray(1100000, 'x') + '\n';
    input += tooLong + "last line, no newline";
    const Run logged =
        run({QStringLiteral("log"), QStringLiteral("--database"), m_db,
             QStringLiteral("--incident"), QString::number(id), QStringLiteral("--author"),
             QStringLiteral("probe-eu"), QStringLiteral("--lines")},
            input);
    // The line too long is refused alone; every other line is written and acknowledged.
    QCOMPARE(logged.exitCode, 4);
    QCOMPARE(logged.err.trimmed(),
             QStringLiteral("warroom: line 2502: longer than 1048576 bytes (not written)").mid(9));
    const QStringList acks = logged.out.trimmed().split(u'\n');
    QCOMPARE(acks.size(), 2501);
    QCOMPARE(acks.at(6).section(u'\t', 0, 0), QStringLiteral("7"));
    QCOMPARE(acks.at(7).section(u'\t', 0, 0), QStringLiteral("9")); // line 8 was blank
    QCOMPARE(acks.last().section(u'\t', 0, 0), QStringLiteral("2503"));

    ManualClock clock(scratchStartTime());
    auto store = IncidentStore::openSqlite(m_db, OpenMode::MustExist, clock);
    const auto entries = (*store)->logEntries(id, 1, 3000);
    QCOMPARE(entries->size(), 2501);
    for (qsizetype i = 0; i < acks.size(); ++i)
        QCOMPARE(entries->at(i).id, acks.at(i).section(u'\t', 1, 1).toLongLong());
    QCOMPARE(entries->at(0).text, QStringLiteral("probe 1"));
    QCOMPARE(entries->last().text, QStringLiteral("last line, no newline"));
    QCOMPARE(entries->last().author, QStringLiteral("probe-eu"));
    QVERIFY(entries->last().byScript);
    QVERIFY((*store)->checkRecordChain(id)->intact);
    store->reset(); // the command is the file's only user

    // Text on the command line as well as a stream: refused, nothing read.
    const Run both = run({QStringLiteral("log"), QStringLiteral("--database"), m_db,
                          QStringLiteral("--incident"), QString::number(id),
                          QStringLiteral("--lines"), QStringLiteral("words")},
                         "a line\n");
    QCOMPARE(both.exitCode, 2);
    QVERIFY2(both.err.contains(QStringLiteral("takes no TEXT")), qPrintable(both.err));
}

void TestCli::logJsonLinesReadsFieldsAndRefusesBadLinesAlone()
{
    const qint64 id = newIncident(QStringLiteral("Checkout down"));
    const QByteArray input =
        "{\"body\":\"pool exhausted\",\"kind\":\"hypothesis\",\"author\":\"Bo\","
        "\"at\":\"2020-01-02T03:04:05Z\",\"key\":\"k1\"}\n"
        "{\"boby\":\"typo\"}\n"
        "not json\n"
        "{\"body\":\"an event\",\"kind\":\"event\"}\n"
        "{\"body\":\"<b>bold</b> & more\"}\n"
        "{\"body\":\"pool exhausted again\",\"key\":\"k1\"}\n";
    const Run logged =
        run({QStringLiteral("log"), QStringLiteral("--database"), m_db,
             QStringLiteral("--incident"), QString::number(id), QStringLiteral("--jsonl")},
            input);
    QCOMPARE(logged.exitCode, 4);
    QVERIFY2(logged.err.contains(QStringLiteral("line 2: unknown field \"boby\"")),
             qPrintable(logged.err));
    QVERIFY2(logged.err.contains(QStringLiteral("line 3: not JSON")), qPrintable(logged.err));
    QVERIFY2(logged.err.contains(QStringLiteral("line 4: unknown kind \"event\"")),
             qPrintable(logged.err));
    const QStringList acks = logged.out.trimmed().split(u'\n');
    QCOMPARE(acks.size(), 3);
    QVERIFY(acks.at(0).startsWith(QStringLiteral("{\"line\":1,\"id\":")));
    QVERIFY(acks.at(1).startsWith(QStringLiteral("{\"line\":5,\"id\":")));
    // The same key again is the first entry: acknowledged with its id, written once.
    QCOMPARE(acks.at(2).section(u':', 2), acks.at(0).section(u':', 2));

    ManualClock clock(scratchStartTime());
    auto store = IncidentStore::openSqlite(m_db, OpenMode::MustExist, clock);
    const auto entries = (*store)->logEntries(id, 1, 10);
    QCOMPARE(entries->size(), 2);
    QCOMPARE(entries->at(0).kind, LogKind::Hypothesis);
    QCOMPARE(entries->at(0).author, QStringLiteral("Bo"));
    QCOMPARE(entries->at(0).at, QDateTime(QDate(2020, 1, 2), QTime(3, 4, 5), Qt::UTC));
    QCOMPARE(entries->at(1).text, QStringLiteral("<b>bold</b> & more")); // kept as typed
    QCOMPARE(entries->at(1).author, QStringLiteral("tester"));
}

void TestCli::listPrintsOneLinePerIncident()
{
    newIncident(QStringLiteral("Checkout down"));
    newIncident(QStringLiteral("Search slow"));
    const Run listed = run({QStringLiteral("list"), QStringLiteral("--database"), m_db});
    QCOMPARE(listed.exitCode, 0);
    const QStringList lines = listed.out.trimmed().split(u'\n');
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines.contains(QStringLiteral("1\treported\tSEV2\tCheckout down")));
    QVERIFY(lines.contains(QStringLiteral("2\treported\tSEV2\tSearch slow")));
}

void TestCli::badInputFailsWithOneLineAndWritesNothing_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown incident")
        << QStringList{QStringLiteral("log"), QStringLiteral("--incident"), QStringLiteral("99"),
                       QStringLiteral("text")}
        << "no incident 99";
    QTest::newRow("id not a number")
        << QStringList{QStringLiteral("log"), QStringLiteral("--incident"), QStringLiteral("one"),
                       QStringLiteral("text")}
        << "not a valid incident id";
    QTest::newRow("bad kind") << QStringList{QStringLiteral("log"),    QStringLiteral("--incident"),
                                             QStringLiteral("1"),      QStringLiteral("--kind"),
                                             QStringLiteral("rumour"), QStringLiteral("t")}
                              << "Unknown kind \"rumour\"";
    QTest::newRow("no text") << QStringList{QStringLiteral("log"), QStringLiteral("--incident"),
                                            QStringLiteral("1")}
                             << "needs the text";
    QTest::newRow("bad severity") << QStringList{QStringLiteral("new-incident"),
                                                 QStringLiteral("--title"),
                                                 QStringLiteral("t"),
                                                 QStringLiteral("--customer"),
                                                 QStringLiteral("c"),
                                                 QStringLiteral("--severity"),
                                                 QStringLiteral("SEV9")}
                                  << "Unknown severity";
    QTest::newRow("in charge without phone") << QStringList{QStringLiteral("new-incident"),
                                                            QStringLiteral("--title"),
                                                            QStringLiteral("t"),
                                                            QStringLiteral("--customer"),
                                                            QStringLiteral("c"),
                                                            QStringLiteral("--in-charge"),
                                                            QStringLiteral("Bob")}
                                             << "phone";
    QTest::newRow("absurd title") << QStringList{QStringLiteral("new-incident"),
                                                 QStringLiteral("--title"), QString(5000, u'x'),
                                                 QStringLiteral("--customer"), QStringLiteral("c")}
                                  << "too long";
}

void TestCli::badInputFailsWithOneLineAndWritesNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    newIncident(QStringLiteral("Checkout down"));
    const QByteArray before = fileDigest(m_db);
    arguments << QStringLiteral("--database") << m_db;
    const Run failed = run(arguments);
    QVERIFY(failed.exitCode > 0);
    QVERIFY(failed.out.isEmpty());
    QVERIFY2(failed.err.contains(message), qPrintable(failed.err));
    QCOMPARE(failed.err.trimmed().count(u'\n'), 0);
    QVERIFY(failed.err.startsWith(QStringLiteral("warroom: ")));
    QCOMPARE(fileDigest(m_db), before);
}

void TestCli::refusesFileThatIsNotWarroom()
{
    const QString path = m_dir->filePath(QStringLiteral("notes.sqlite"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("just some notes\n");
    file.close();
    const QByteArray before = fileDigest(path);
    for (const QStringList &arguments :
         {QStringList{QStringLiteral("list")},
          QStringList{QStringLiteral("log"), QStringLiteral("--incident"), QStringLiteral("1"),
                      QStringLiteral("x")},
          QStringList{QStringLiteral("new-incident"), QStringLiteral("--title"),
                      QStringLiteral("t"), QStringLiteral("--customer"), QStringLiteral("c")}}) {
        const Run failed = run(arguments + QStringList{QStringLiteral("--database"), path});
        QCOMPARE(failed.exitCode, 1);
        QVERIFY2(failed.err.contains(QStringLiteral("is not a Warroom database")),
                 qPrintable(failed.err));
    }
    QCOMPARE(fileDigest(path), before);
}

void TestCli::refusesMissingDatabaseWithoutCreatingIt()
{
    const Run failed = run({QStringLiteral("list"), QStringLiteral("--database"), m_db});
    QCOMPARE(failed.exitCode, 1);
    QVERIFY2(failed.err.contains(QStringLiteral("no Warroom database")), qPrintable(failed.err));
    QVERIFY(!QFile::exists(m_db));
}

void TestCli::helpNeedsNoDisplay()
{
    const Run help = run({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains(QStringLiteral("new-incident")));
    const Run logHelp = run({QStringLiteral("log"), QStringLiteral("--help")});
    QCOMPARE(logHelp.exitCode, 0);
    QVERIFY2(logHelp.out.contains(QStringLiteral("--incident")), qPrintable(logHelp.out));
}

void TestCli::commitMetSupersedeAndStatus()
{
    const qint64 id = newIncident(QStringLiteral("Checkout down"));
    const QString incident = QString::number(id);
    const Run committed = run(
        {QStringLiteral("commit"), QStringLiteral("--database"), m_db, QStringLiteral("--incident"),
         incident, QStringLiteral("--what"), QStringLiteral("Failover done"),
         QStringLiteral("--owner"), QStringLiteral("Bob"), QStringLiteral("--due"),
         QStringLiteral("+25m"), QStringLiteral("--why"), QStringLiteral("before the lunch peak")});
    QCOMPARE(committed.exitCode, 0);
    const QString first = committed.out.trimmed();
    const Run small = run({QStringLiteral("commit"), QStringLiteral("--database"), m_db,
                           QStringLiteral("--incident"), incident, QStringLiteral("--what"),
                           QStringLiteral("Logs pulled"), QStringLiteral("--owner"),
                           QStringLiteral("Kim"), QStringLiteral("--due"),
                           QDateTime::currentDateTimeUtc().addSecs(600).toString(Qt::ISODate),
                           QStringLiteral("--why"), QStringLiteral("needed first")});
    QCOMPARE(small.exitCode, 0);
    QCOMPARE(run({QStringLiteral("met"), QStringLiteral("--database"), m_db,
                  QStringLiteral("--commitment"), small.out.trimmed()})
                 .exitCode,
             0);
    const Run superseded =
        run({QStringLiteral("supersede"), QStringLiteral("--database"), m_db,
             QStringLiteral("--commitment"), first, QStringLiteral("--due"), QStringLiteral("+1h"),
             QStringLiteral("--why"), QStringLiteral("replica 40 % behind")});
    QCOMPARE(superseded.exitCode, 0);
    QVERIFY(superseded.out.trimmed().toLongLong() > first.toLongLong());

    const Run status = run({QStringLiteral("status"), QStringLiteral("--database"), m_db,
                            QStringLiteral("--incident"), incident});
    QCOMPARE(status.exitCode, 0);
    QVERIFY2(status.out.contains(QStringLiteral("In charge: Ann Lee, +1 555 0100")),
             qPrintable(status.out));
    QVERIFY(status.out.contains(QStringLiteral("Next deadline: \"Failover done\" (Bob)")));
    QVERIFY(status.out.contains(QStringLiteral("59 min 5"))); // about an hour left
    QVERIFY(status.out.contains(QStringLiteral("Commitments: 1 met, 0 missed, 1 open, "
                                               "1 superseded")));
    QVERIFY(status.out.contains(QStringLiteral("Problem statement: none written")));

    ManualClock clock(scratchStartTime());
    auto store = IncidentStore::openSqlite(m_db, OpenMode::MustExist, clock);
    const auto commitments = (*store)->commitments(id);
    QCOMPARE(commitments->size(), 3);
    QCOMPARE(commitments->first().createdBy, QStringLiteral("tester"));
}

void TestCli::commitmentCommandsRefuseBadInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QStringList commit{QStringLiteral("commit"), QStringLiteral("--incident"),
                             QStringLiteral("1"),      QStringLiteral("--what"),
                             QStringLiteral("x"),      QStringLiteral("--owner"),
                             QStringLiteral("Bob")};
    QTest::newRow("commit without why")
        << (commit + QStringList{QStringLiteral("--due"), QStringLiteral("+5m")}) << "--why";
    QTest::newRow("commit with unreadable due")
        << (commit + QStringList{QStringLiteral("--due"), QStringLiteral("after lunch"),
                                 QStringLiteral("--why"), QStringLiteral("w")})
        << "not a time";
    QTest::newRow("commit in the past")
        << (commit + QStringList{QStringLiteral("--due"), QStringLiteral("2001-01-01T00:00:00Z"),
                                 QStringLiteral("--why"), QStringLiteral("w")})
        << "already passed";
    QTest::newRow("met unknown") << QStringList{QStringLiteral("met"),
                                                QStringLiteral("--commitment"),
                                                QStringLiteral("77")}
                                 << "no commitment 77";
    QTest::newRow("supersede without why")
        << QStringList{QStringLiteral("supersede"), QStringLiteral("--commitment"),
                       QStringLiteral("1"), QStringLiteral("--due"), QStringLiteral("+5m")}
        << "--why";
    QTest::newRow("status unknown")
        << QStringList{QStringLiteral("status"), QStringLiteral("--incident"), QStringLiteral("42")}
        << "no incident 42";
}

void TestCli::commitmentCommandsRefuseBadInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    newIncident(QStringLiteral("Checkout down"));
    const QByteArray before = fileDigest(m_db);
    const Run failed = run(arguments + QStringList{QStringLiteral("--database"), m_db});
    QVERIFY(failed.exitCode > 0);
    QVERIFY2(failed.err.contains(message), qPrintable(failed.err));
    QCOMPARE(failed.err.trimmed().count(u'\n'), 0);
    QCOMPARE(fileDigest(m_db), before);
}

void TestCli::assessPrintsSeverityReasonAndSentence()
{
    const QString incident = QString::number(newIncident(QStringLiteral("Checkout down")));
    const Run assessed = run(
        {QStringLiteral("assess"), QStringLiteral("--database"), m_db, QStringLiteral("--incident"),
         incident, QStringLiteral("--affected-users"), QStringLiteral("1234"),
         QStringLiteral("--total-users"), QStringLiteral("40000"), QStringLiteral("--function"),
         QStringLiteral("Ordering:down"), QStringLiteral("--region"), QStringLiteral("EU-West"),
         QStringLiteral("--workaround"), QStringLiteral("yes")});
    QCOMPARE(assessed.exitCode, 0);
    const QStringList lines = assessed.out.trimmed().split(u'\n');
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0), QStringLiteral("Suggested SEV3: 3 % of users affected; 1 function down"));
    QCOMPARE(lines.at(1), QStringLiteral("About 1,200 of 40,000 users (3 %) cannot use Ordering in "
                                         "EU-West; a workaround exists."));
    QCOMPARE(lines.at(2), QStringLiteral("Severity now: SEV3 (assessed)"));

    const QByteArray before = fileDigest(m_db);
    const Run bad =
        run({QStringLiteral("assess"), QStringLiteral("--database"), m_db,
             QStringLiteral("--incident"), incident, QStringLiteral("--affected-users"),
             QStringLiteral("10"), QStringLiteral("--total-users"), QStringLiteral("40"),
             QStringLiteral("--function"), QStringLiteral("Search")});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains(QStringLiteral("NAME:down or NAME:degraded")), qPrintable(bad.err));
    const Run tooMany =
        run({QStringLiteral("assess"), QStringLiteral("--database"), m_db,
             QStringLiteral("--incident"), incident, QStringLiteral("--affected-users"),
             QStringLiteral("50"), QStringLiteral("--total-users"), QStringLiteral("40")});
    QCOMPARE(tooMany.exitCode, 1);
    QVERIFY(tooMany.err.contains(QStringLiteral("between 0 and the total")));
    QCOMPARE(fileDigest(m_db), before);
}

void TestCli::assessKeepsAnOverrideOnlyWithAFreshReason()
{
    const qint64 id = newIncident(QStringLiteral("Checkout down"));
    const QString incident = QString::number(id);
    const auto assess = [&](const QString &affected, const QStringList &more = {}) {
        return run(QStringList{QStringLiteral("assess"), QStringLiteral("--database"), m_db,
                               QStringLiteral("--incident"), incident,
                               QStringLiteral("--affected-users"), affected,
                               QStringLiteral("--total-users"), QStringLiteral("40000")} +
                   more);
    };
    QCOMPARE(assess(QStringLiteral("1234")).exitCode, 0); // SEV3
    {
        SystemClock clock;
        auto store = IncidentStore::openSqlite(m_db, OpenMode::MustExist, clock);
        QVERIFY((*store)->setSeverity(id, Severity::Sev2, QStringLiteral("regulatory deadline"),
                                      QStringLiteral("Dana"), {}));
    } // closed before the command opens the file

    const Run kept =
        assess(QStringLiteral("1300"),
               {QStringLiteral("--keep-override"), QStringLiteral("the regulator calls at 17:00")});
    QCOMPARE(kept.exitCode, 0);
    QVERIFY2(kept.out.contains(QStringLiteral("Severity now: SEV2 (assessed SEV3, overridden: the "
                                              "regulator calls at 17:00)")),
             qPrintable(kept.out));
    const Run ended = assess(QStringLiteral("1400"));
    QCOMPARE(ended.exitCode, 0);
    QVERIFY2(ended.out.contains(QStringLiteral("Severity now: SEV3 (assessed)")),
             qPrintable(ended.out));
    const QByteArray before = fileDigest(m_db);
    const Run nothingToKeep =
        assess(QStringLiteral("1500"), {QStringLiteral("--keep-override"), QStringLiteral("why")});
    QCOMPARE(nothingToKeep.exitCode, 1);
    QVERIFY2(nothingToKeep.err.contains(QStringLiteral("no severity override to keep")),
             qPrintable(nothingToKeep.err));
    QCOMPARE(fileDigest(m_db), before);
}

void TestCli::searchPrintsEveryEntryWithTheWords()
{
    const qint64 id = newIncident(QStringLiteral("Checkout down"));
    constexpr int kHits = 1203; // more than two of the command's pages
    {
        SystemClock clock;
        auto store = IncidentStore::openSqlite(m_db, OpenMode::MustExist, clock);
        for (int i = 1; i <= kHits; ++i) {
            QVERIFY((*store)->appendLogEntry({id, QStringLiteral("monitor"), LogKind::Observation,
                                              QStringLiteral("Disk full on db-%1").arg(i)}));
            QVERIFY((*store)->appendLogEntry({id, QStringLiteral("monitor"), LogKind::Observation,
                                              QStringLiteral("disk fine on db-%1").arg(i)}));
        }
    } // closed before the command opens the file
    const auto search = [&](const QStringList &more) {
        return run(QStringList{QStringLiteral("search"), QStringLiteral("--database"), m_db,
                               QStringLiteral("--incident"), QString::number(id)} +
                   more);
    };
    const Run found = search({QStringLiteral("FULL"), QStringLiteral("disk")});
    QCOMPARE(found.exitCode, 0);
    const QStringList lines = found.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), kHits);
    for (int i = 0; i < lines.size(); ++i) {
        QVERIFY2(lines.at(i).startsWith(QString::number(2 * i + 1) + u'\t'),
                 qPrintable(lines.at(i)));
        QVERIFY2(lines.at(i).endsWith(QStringLiteral("\tDisk full on db-%1").arg(i + 1)),
                 qPrintable(lines.at(i)));
    }
    const Run json = search({QStringLiteral("--json"), QStringLiteral("db 1203")});
    QCOMPARE(json.exitCode, 0);
    const QStringList objects = json.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(objects.size(), 2);
    QCOMPARE(QJsonDocument::fromJson(objects.first().toUtf8()).object().value("seq").toInteger(),
             2 * kHits - 1);
    QCOMPARE(search({QStringLiteral("nowhere")}).out, QString());
    const Run nothing = search({QStringLiteral("--"), QStringLiteral("-*:")});
    QCOMPARE(nothing.exitCode, 2); // usage
    QVERIFY2(nothing.err.contains(QStringLiteral("needs words")), qPrintable(nothing.err));
}

void TestCli::tailPrintsEntriesAfterSinceInOrder()
{
    const qint64 id = newIncident(QStringLiteral("Checkout down"));
    constexpr int kEntries = 1203; // more than two of the command's pages
    {
        SystemClock clock;
        auto store = IncidentStore::openSqlite(m_db, OpenMode::MustExist, clock);
        for (int i = 1; i <= kEntries; ++i)
            QVERIFY((*store)->appendLogEntry({id, QStringLiteral("monitor"), LogKind::Observation,
                                              QStringLiteral("reading %1").arg(i)}));
        QVERIFY((*store)->appendLogEntry({id, QStringLiteral("Ann"), LogKind::Hypothesis,
                                          QStringLiteral("tab\there, <b>html</b>")}));
    } // closed before the command opens the file
    const QString incident = QString::number(id);
    const auto tail = [&](const QStringList &more) {
        return run(QStringList{QStringLiteral("tail"), QStringLiteral("--database"), m_db,
                               QStringLiteral("--incident"), incident} +
                   more);
    };

    const Run all = tail({});
    QCOMPARE(all.exitCode, 0);
    const QStringList lines = all.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), kEntries + 1);
    for (int i = 0; i < lines.size(); ++i)
        QVERIFY2(lines.at(i).startsWith(QString::number(i + 1) + u'\t'), qPrintable(lines.at(i)));
    QVERIFY2(lines.at(0).endsWith(QStringLiteral("\tmonitor\tobservation\treading 1")),
             qPrintable(lines.at(0)));
    // A tab in the text is shown as \t: it cannot split the line's fields.
    QVERIFY2(lines.last().endsWith(QStringLiteral("\tAnn\thypothesis\ttab\\there, <b>html</b>")),
             qPrintable(lines.last()));

    const Run json =
        tail({QStringLiteral("--since"), QString::number(kEntries - 1), QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 0);
    const QStringList objects = json.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(objects.size(), 2);
    const QJsonObject last = QJsonDocument::fromJson(objects.last().toUtf8()).object();
    QStringList keys = last.keys();
    QCOMPARE(keys, (QStringList{
                       QStringLiteral("addressee"), QStringLiteral("answers"), QStringLiteral("at"),
                       QStringLiteral("author"), QStringLiteral("commitment"),
                       QStringLiteral("corrects"), QStringLiteral("event"), QStringLiteral("id"),
                       QStringLiteral("incident"), QStringLiteral("kind"), QStringLiteral("seq"),
                       QStringLiteral("signed_in_as"), QStringLiteral("text")}));
    QCOMPARE(last.value(QStringLiteral("seq")).toInteger(), kEntries + 1);
    QCOMPARE(last.value(QStringLiteral("incident")).toInteger(), id);
    QCOMPARE(last.value(QStringLiteral("kind")).toString(), QStringLiteral("hypothesis"));
    QCOMPARE(last.value(QStringLiteral("text")).toString(),
             QStringLiteral("tab\there, <b>html</b>"));
    QVERIFY(last.value(QStringLiteral("event")).isNull());
    QVERIFY(last.value(QStringLiteral("at")).toString().endsWith(u'Z'));

    const Run nothingNew = tail({QStringLiteral("--since"), QString::number(kEntries + 1)});
    QCOMPARE(nothingNew.exitCode, 0);
    QCOMPARE(nothingNew.out, QString());
}

void TestCli::commitmentsListIdsAndStates()
{
    const QString incident = QString::number(newIncident(QStringLiteral("Checkout down")));
    const auto commit = [&](const QString &what, const QString &due) {
        return run({QStringLiteral("commit"), QStringLiteral("--database"), m_db,
                    QStringLiteral("--incident"), incident, QStringLiteral("--what"), what,
                    QStringLiteral("--owner"), QStringLiteral("Bob"), QStringLiteral("--due"), due,
                    QStringLiteral("--why"), QStringLiteral("the standby is warm")})
            .out.trimmed();
    };
    const QString met = commit(QStringLiteral("Logs pulled"), QStringLiteral("+10m"));
    const QString replaced = commit(QStringLiteral("Failover done"), QStringLiteral("+20m"));
    QCOMPARE(run({QStringLiteral("met"), QStringLiteral("--database"), m_db,
                  QStringLiteral("--commitment"), met})
                 .exitCode,
             0);
    const QString replacement =
        run({QStringLiteral("supersede"), QStringLiteral("--database"), m_db,
             QStringLiteral("--commitment"), replaced, QStringLiteral("--due"),
             QStringLiteral("+40m"), QStringLiteral("--why"), QStringLiteral("replica behind")})
            .out.trimmed();

    const Run text = run({QStringLiteral("commitments"), QStringLiteral("--database"), m_db,
                          QStringLiteral("--incident"), incident});
    QCOMPARE(text.exitCode, 0);
    const QStringList lines = text.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines.at(0).startsWith(met + QStringLiteral("\tmet\t")), qPrintable(lines.at(0)));
    QVERIFY2(lines.at(1).startsWith(replaced + QStringLiteral("\tsuperseded\t")),
             qPrintable(lines.at(1)));
    QVERIFY2(lines.at(2).startsWith(replacement + QStringLiteral("\topen\t")),
             qPrintable(lines.at(2)));
    QVERIFY2(lines.at(2).endsWith(QStringLiteral("\tBob\tFailover done\treplica behind")),
             qPrintable(lines.at(2)));

    const Run json = run({QStringLiteral("commitments"), QStringLiteral("--database"), m_db,
                          QStringLiteral("--incident"), incident, QStringLiteral("--json")});
    QCOMPARE(json.exitCode, 0);
    const QStringList objects = json.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(objects.size(), 3);
    const QJsonObject old = QJsonDocument::fromJson(objects.at(1).toUtf8()).object();
    QCOMPARE(old.value(QStringLiteral("state")).toString(), QStringLiteral("superseded"));
    QCOMPARE(old.value(QStringLiteral("superseded_by")).toInteger(), replacement.toLongLong());
    QCOMPARE(old.value(QStringLiteral("not_kept_because")).toString(),
             QStringLiteral("replica behind"));
    const QJsonObject open = QJsonDocument::fromJson(objects.at(2).toUtf8()).object();
    QCOMPARE(open.keys(),
             (QStringList{
                 QStringLiteral("created_at"), QStringLiteral("created_by"), QStringLiteral("due"),
                 QStringLiteral("ended_at"), QStringLiteral("ended_by"), QStringLiteral("id"),
                 QStringLiteral("incident"), QStringLiteral("not_kept_because"),
                 QStringLiteral("owner"), QStringLiteral("seconds_left"), QStringLiteral("state"),
                 QStringLiteral("superseded_by"), QStringLiteral("timebox_for"),
                 QStringLiteral("verdict"), QStringLiteral("what"), QStringLiteral("why")}));
    QCOMPARE(open.value(QStringLiteral("state")).toString(), QStringLiteral("open"));
    QVERIFY(open.value(QStringLiteral("ended_at")).isNull());
    const qint64 left = open.value(QStringLiteral("seconds_left")).toInteger();
    QVERIFY2(left > 39 * 60 && left <= 40 * 60, qPrintable(QString::number(left)));
}

void TestCli::readCommandsRefuseBadInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("tail without incident")
        << QStringList{QStringLiteral("tail")} << 2 << "--incident";
    QTest::newRow("tail, no such incident")
        << QStringList{QStringLiteral("tail"), QStringLiteral("--incident"), QStringLiteral("9")}
        << 1 << "There is no incident 9.";
    QTest::newRow("tail, since not a number")
        << QStringList{QStringLiteral("tail"), QStringLiteral("--incident"), QStringLiteral("1"),
                       QStringLiteral("--since"), QStringLiteral("ten")}
        << 2 << "--since takes";
    QTest::newRow("follow, since negative")
        << QStringList{QStringLiteral("tail"), QStringLiteral("--incident"), QStringLiteral("1"),
                       QStringLiteral("--follow"), QStringLiteral("--since=-4")}
        << 2 << "--since takes";
    QTest::newRow("follow, no such incident")
        << QStringList{QStringLiteral("tail"), QStringLiteral("--incident"), QStringLiteral("9"),
                       QStringLiteral("--follow")}
        << 1 << "There is no incident 9.";
    QTest::newRow("commitments, bad id")
        << QStringList{QStringLiteral("commitments"), QStringLiteral("--incident"),
                       QStringLiteral("x")}
        << 2 << "is not a valid incident id";
}

void TestCli::readCommandsRefuseBadInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    newIncident(QStringLiteral("Checkout down"));
    const QByteArray before = fileDigest(m_db);
    const Run refused = run(arguments + QStringList{QStringLiteral("--database"), m_db});
    QCOMPARE(refused.exitCode, exitCode);
    QVERIFY2(refused.err.contains(message), qPrintable(refused.err));
    QCOMPARE(refused.out, QString());
    QCOMPARE(fileDigest(m_db), before);
}

void TestCli::checkTextPrintsFindingsAndExitsZero()
{
    const Run flagged =
        run({QStringLiteral("check-text"),
             QStringLiteral("I think the OOM is fixed, as we already told you!!!")});
    QCOMPARE(flagged.exitCode, 0);
    QCOMPARE(flagged.out.trimmed().split(u'\n'),
             (QStringList{
                 QStringLiteral("0-7 hedge \"I think\" -> say what is known; if it is not known "
                                "yet, say what we are doing to find out and by when"),
                 QStringLiteral("12-15 jargon \"OOM\" -> say \"the server ran out of memory\""),
                 QStringLiteral("26-48 blame \"as we already told you\" -> restate the information "
                                "plainly, once"),
                 QStringLiteral("48-51 emotion \"!!!\" -> end the sentence with a full stop")}));
    const Run clean = run({QStringLiteral("check-text"), QStringLiteral("-")},
                          QByteArray("Orders work again for every customer since 14:10 UTC.\n"));
    QCOMPARE(clean.exitCode, 0);
    QVERIFY(clean.out.isEmpty());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
