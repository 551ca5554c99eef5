#include "warroomprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// After the crisis from a terminal, as a commander or a script runs it: no display.
class TestAftermathCli : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void resolveIsRefusedWithoutEachSection_data();
    void resolveIsRefusedWithoutEachSection();
    void optionsReportAndItsExports();
    void debriefFiguresExportAndClose();
    void knownProblemsAddSearchList();

private:
    CommandRun run(QStringList arguments);
    QString pdfText(const QString &path);
    qint64 newIncident();
    QStringList resolveArguments(qint64 incident) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_db;
};

void TestAftermathCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = m_dir->filePath(QStringLiteral("after.sqlite"));
}

CommandRun TestAftermathCli::run(QStringList arguments)
{
    arguments.insert(1, QStringLiteral("--database"));
    arguments.insert(2, m_db);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.insert(QStringLiteral("USER"), QStringLiteral("tester"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("config")));
    return runWarroom(arguments, env, {}, 30000);
}

QString TestAftermathCli::pdfText(const QString &path)
{
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        qFatal("pdftotext failed on %s", qPrintable(path));
    // The PDF's font joins "fi" and "fl" into ligatures; the words are what matters.
    return QString::fromUtf8(p.readAllStandardOutput())
        .replace(QChar(0xFB01), QStringLiteral("fi"))
        .replace(QChar(0xFB02), QStringLiteral("fl"));
}

qint64 TestAftermathCli::newIncident()
{
    const CommandRun created =
        run({QStringLiteral("new-incident"), QStringLiteral("--title"),
             QStringLiteral("Checkout down"), QStringLiteral("--customer"), QStringLiteral("Acme"),
             QStringLiteral("--severity"), QStringLiteral("SEV2"), QStringLiteral("--in-charge"),
             QStringLiteral("Ann Lee"), QStringLiteral("--phone"), QStringLiteral("+1 555 0100")});
    if (created.exitCode != 0)
        qFatal("new-incident failed: %s", qPrintable(created.err));
    return created.out.trimmed().toLongLong();
}

QStringList TestAftermathCli::resolveArguments(qint64 incident) const
{
    return {QStringLiteral("resolve"),
            QStringLiteral("--incident"),
            QString::number(incident),
            QStringLiteral("--cause"),
            QStringLiteral("A certificate on the payment link expired."),
            QStringLiteral("--done"),
            QStringLiteral("We renewed the certificate."),
            QStringLiteral("--remains"),
            QStringLiteral("Alert before certificates expire; Bob; +5d"),
            QStringLiteral("--fully-solved"),
            QStringLiteral("yes"),
            QStringLiteral("--recurrence"),
            QStringLiteral("Not once the alert is in place.")};
}

void TestAftermathCli::resolveIsRefusedWithoutEachSection_data()
{
    QTest::addColumn<QString>("dropped");
    for (const char *option : {"--cause", "--done", "--remains", "--fully-solved", "--recurrence"})
        QTest::newRow(option) << QString::fromLatin1(option);
}

void TestAftermathCli::resolveIsRefusedWithoutEachSection()
{
    QFETCH(QString, dropped);
    const qint64 incident = newIncident();
    const CommandRun before =
        run({QStringLiteral("status"), QStringLiteral("--incident"), QString::number(incident)});
    QStringList arguments = resolveArguments(incident);
    const qsizetype at = arguments.indexOf(dropped);
    arguments.remove(at, 2);
    const CommandRun refused = run(arguments);
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains(dropped.mid(2)), qPrintable(refused.err));
    QVERIFY2(refused.err.contains(QStringLiteral("every section")), qPrintable(refused.err));
    // Nothing written: the roll-up reads as before, and there is no report to export.
    const CommandRun after =
        run({QStringLiteral("status"), QStringLiteral("--incident"), QString::number(incident)});
    QCOMPARE(after.out, before.out);
    const CommandRun noReport = run({QStringLiteral("export-report"), QStringLiteral("--incident"),
                                     QString::number(incident), QStringLiteral("--out"),
                                     m_dir->filePath(QStringLiteral("r.md"))});
    QCOMPARE(noReport.exitCode, 1);
    QVERIFY2(noReport.err.contains(QStringLiteral("never resolved")), qPrintable(noReport.err));
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("r.md"))));
}

void TestAftermathCli::optionsReportAndItsExports()
{
    const qint64 incident = newIncident();
    const QString id = QString::number(incident);
    const QString secret = QStringLiteral("db-primary-7 segfault at 0x7f3a");
    QCOMPARE(run({QStringLiteral("log"), QStringLiteral("--incident"), id, secret}).exitCode, 0);
    const CommandRun option =
        run({QStringLiteral("option"), QStringLiteral("--incident"), id, QStringLiteral("--title"),
             QStringLiteral("Fail over to the second site"), QStringLiteral("--pros"),
             QStringLiteral("back in ten minutes"), QStringLiteral("--cons"),
             QStringLiteral("reports run slower for a day")});
    QCOMPARE(option.exitCode, 0);
    QCOMPARE(run({QStringLiteral("choose"), QStringLiteral("--option"), option.out.trimmed(),
                  QStringLiteral("--why"), QStringLiteral("speed matters most")})
                 .exitCode,
             0);
    const CommandRun resolved = run(resolveArguments(incident));
    QVERIFY2(resolved.exitCode == 0, qPrintable(resolved.err));
    // Resolved once: a second report is refused.
    QCOMPARE(run(resolveArguments(incident)).exitCode, 1);

    const QString pdf = m_dir->filePath(QStringLiteral("report.pdf"));
    const CommandRun exported = run({QStringLiteral("export-report"), QStringLiteral("--incident"),
                                     id, QStringLiteral("--out"), pdf});
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
    const QString text = pdfText(pdf).simplified();
    for (const QString &expected :
         {QStringLiteral("What caused the problem"),
          QStringLiteral("A certificate on the payment link expired."),
          QStringLiteral("What we did to solve it"), QStringLiteral("Is it fully solved now? Yes."),
          QStringLiteral("What else still needs to be done"),
          QStringLiteral("Alert before certificates expire"), QStringLiteral("Bob"),
          QStringLiteral("Can it happen again?"), QStringLiteral("Fail over to the second site"),
          QStringLiteral("chosen: speed matters most"), QStringLiteral("Page 1 of 1")})
        QVERIFY2(text.contains(expected), qPrintable(expected + u'\n' + text));
    QVERIFY2(!text.contains(QStringLiteral("segfault")), "technical log text in the report");

    const QString md = m_dir->filePath(QStringLiteral("report.md"));
    QCOMPARE(run({QStringLiteral("export-report"), QStringLiteral("--incident"), id,
                  QStringLiteral("--out"), md})
                 .exitCode,
             0);
    QFile file(md);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString markdown = QString::fromUtf8(file.readAll());
    for (const QString &section : {QStringLiteral("## What caused the problem"),
                                   QStringLiteral("## What we did to solve it"),
                                   QStringLiteral("## Is it fully solved now?"),
                                   QStringLiteral("## What else still needs to be done"),
                                   QStringLiteral("## Can it happen again?")})
        QVERIFY2(markdown.contains(section), qPrintable(section));
    QVERIFY(!markdown.contains(QStringLiteral("segfault")));
    // A war room is never overwritten, whatever its name; another format is not guessed.
    const QString disguised = m_dir->filePath(QStringLiteral("room.pdf"));
    QVERIFY(QFile::copy(m_db, disguised));
    QFile original(disguised);
    QVERIFY(original.open(QIODevice::ReadOnly));
    const QByteArray bytes = original.readAll();
    original.close();
    QCOMPARE(run({QStringLiteral("export-report"), QStringLiteral("--incident"), id,
                  QStringLiteral("--out"), disguised})
                 .exitCode,
             1);
    QVERIFY(original.open(QIODevice::ReadOnly));
    QCOMPARE(original.readAll(), bytes);
    QCOMPARE(run({QStringLiteral("export-report"), QStringLiteral("--incident"), id,
                  QStringLiteral("--out"), m_dir->filePath(QStringLiteral("r.docx"))})
                 .exitCode,
             2);
}

void TestAftermathCli::debriefFiguresExportAndClose()
{
    const qint64 incident = newIncident();
    const QString id = QString::number(incident);
    QCOMPARE(run({QStringLiteral("commit"), QStringLiteral("--incident"), id,
                  QStringLiteral("--what"), QStringLiteral("Roll back"), QStringLiteral("--owner"),
                  QStringLiteral("Bob"), QStringLiteral("--due"), QStringLiteral("+30m"),
                  QStringLiteral("--why"), QStringLiteral("suspect release")})
                 .exitCode,
             0);
    QCOMPARE(
        run({QStringLiteral("met"), QStringLiteral("--commitment"), QStringLiteral("1")}).exitCode,
        0);
    QCOMPARE(run(resolveArguments(incident)).exitCode, 0);

    const CommandRun figures = run(
        {QStringLiteral("debrief"), QStringLiteral("--incident"), id, QStringLiteral("--json")});
    QVERIFY2(figures.exitCode == 0, qPrintable(figures.err));
    const QJsonObject json = QJsonDocument::fromJson(figures.out.toUtf8()).object();
    QCOMPARE(json.value(QStringLiteral("deadlines_met")).toInt(), 1);
    QCOMPARE(json.value(QStringLiteral("deadlines_missed")).toInt(), 0);
    QCOMPARE(json.value(QStringLiteral("action_items")).toInt(), 1);
    QCOMPARE(json.value(QStringLiteral("debrief_written")).toBool(), false);
    QVERIFY(json.value(QStringLiteral("seconds_to_resolve")).isDouble());
    QVERIFY(run({QStringLiteral("debrief"), QStringLiteral("--incident"), id})
                .out.contains(QStringLiteral("Deadlines met: 1, missed: 0, superseded: 0")));

    // Closing needs a debrief; a debrief answers every section.
    const CommandRun early = run({QStringLiteral("close"), QStringLiteral("--incident"), id});
    QCOMPARE(early.exitCode, 1);
    QVERIFY2(early.err.contains(QStringLiteral("needs a debrief")), qPrintable(early.err));
    QCOMPARE(run({QStringLiteral("debrief"), QStringLiteral("--incident"), id,
                  QStringLiteral("--went-well"), QStringLiteral("Fast rollback")})
                 .exitCode,
             2);
    const CommandRun written =
        run({QStringLiteral("debrief"), QStringLiteral("--incident"), id,
             QStringLiteral("--went-well"), QStringLiteral("Fast rollback"),
             QStringLiteral("--went-badly"), QStringLiteral("The first briefing was late"),
             QStringLiteral("--feedback"), QStringLiteral("The customer liked the updates"),
             QStringLiteral("--lessons"), QStringLiteral("Alert before certificates expire")});
    QVERIFY2(written.exitCode == 0, qPrintable(written.err));

    const QString pdf = m_dir->filePath(QStringLiteral("debrief.pdf"));
    const CommandRun exported = run({QStringLiteral("export-debrief"), QStringLiteral("--incident"),
                                     id, QStringLiteral("--out"), pdf});
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
    const QString text = pdfText(pdf).simplified();
    for (const QString &expected :
         {QStringLiteral("Figures"), QStringLiteral("Deadlines met: 1"),
          QStringLiteral("What went well"), QStringLiteral("Fast rollback"),
          QStringLiteral("Lessons learned"), QStringLiteral("Action items"),
          QStringLiteral("Timeline"), QStringLiteral("deadline met"),
          QStringLiteral("resolution report"), QStringLiteral("Met")})
        QVERIFY2(text.contains(expected), qPrintable(expected + u'\n' + text));
    const QString md = m_dir->filePath(QStringLiteral("debrief.md"));
    QCOMPARE(run({QStringLiteral("export-debrief"), QStringLiteral("--incident"), id,
                  QStringLiteral("--out"), md})
                 .exitCode,
             0);
    QVERIFY(QFile::exists(md));

    QCOMPARE(run({QStringLiteral("close"), QStringLiteral("--incident"), id}).exitCode, 0);
    QVERIFY(run({QStringLiteral("list")}).out.contains(QStringLiteral("closed")));
    QCOMPARE(run({QStringLiteral("verify")}).exitCode, 0);
}

void TestAftermathCli::knownProblemsAddSearchList()
{
    const qint64 incident = newIncident();
    const CommandRun added = run(
        {QStringLiteral("known-problems"), QStringLiteral("add"), QStringLiteral("--symptom"),
         QStringLiteral("Payments fail with certificate errors"), QStringLiteral("--workaround"),
         QStringLiteral("Renew the payment link's certificate."), QStringLiteral("--cause"),
         QStringLiteral("No alert on expiry"), QStringLiteral("--product"),
         QStringLiteral("Gateway 4.2"), QStringLiteral("--incident"), QString::number(incident)});
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    QCOMPARE(added.out.trimmed(), QStringLiteral("1"));
    QCOMPARE(run({QStringLiteral("known-problems"), QStringLiteral("add"),
                  QStringLiteral("--symptom"), QStringLiteral("Reports time out")})
                 .exitCode,
             2);

    const CommandRun found =
        run({QStringLiteral("known-problems"), QStringLiteral("search"), QStringLiteral("payment"),
             QStringLiteral("failed"), QStringLiteral("--json")});
    QCOMPARE(found.exitCode, 0);
    const QJsonArray hits = QJsonDocument::fromJson(found.out.toUtf8()).array();
    QCOMPARE(hits.size(), 1);
    QCOMPARE(hits.first().toObject().value(QStringLiteral("workaround")).toString(),
             QStringLiteral("Renew the payment link's certificate."));
    QCOMPARE(hits.first().toObject().value(QStringLiteral("incidents")).toArray().size(), 1);
    const CommandRun none = run(
        {QStringLiteral("known-problems"), QStringLiteral("search"), QStringLiteral("database")});
    QVERIFY(none.out.contains(QStringLiteral("No known problem matches")));
    const CommandRun listed = run({QStringLiteral("known-problems"), QStringLiteral("list")});
    QVERIFY(listed.out.contains(QStringLiteral("#1 Payments fail with certificate errors")));
    QVERIFY(listed.out.contains(QStringLiteral("Seen in: #1")));
    QCOMPARE(run({QStringLiteral("known-problems"), QStringLiteral("remove")}).exitCode, 2);
}

QTEST_GUILESS_MAIN(TestAftermathCli)
#include "tst_aftermathcli.moc"
