#include "export/briefingpdf.h"
#include "scratchwarroom.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// The briefing PDF, read back with poppler's tools as a reader would see it.
class TestBriefingPdf : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void fieldsPresentMarkerAbsentMarkupLiteral();
    void allBriefingsPaginatedWithChart();
    void paperFromLocaleOrChoice();
    void refusesWhatCannotBeExported();
    void neverWritesOverTheWarRoom();
    void internalReasoningAndTheoriesStayInternal();
    void eachBriefingShowsTheStateItPublished();
    void fullDiskLeavesTheOldFile();
    void commandLineExportsWithoutDisplay();
    void timesAreWhereTheCustomerReadsThem();

private:
    qint64 publish(const QString &headline, const QString &doing);
    static QString pdfText(const QString &path, bool layout = false);
    static QString pdfInfo(const QString &path);

    std::unique_ptr<ScratchWarRoom> m_room;
    QTemporaryDir m_dir;
    qint64 m_incident = 0;
};

const QString kTechnicalMarker = QStringLiteral("ZX-TECH-MARKER-7731");

void TestBriefingPdf::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestBriefingPdf::init()
{
    m_room = std::make_unique<ScratchWarRoom>();
    IncidentStore &store = m_room->store();
    NewIncident incident{QStringLiteral("Checkout <i>failing</i>"),
                         QStringLiteral("Acme & Co"),
                         QStringLiteral("problem"),
                         Severity::Sev2,
                         QStringLiteral("Ann Lee"),
                         QStringLiteral("+1 555 0100")};
    m_incident = *store.createIncident(incident);
    // The technical channel holds something the customer must never see.
    m_room->addLog(m_incident,
                   QStringLiteral("db-7 root password rotated; %1").arg(kTechnicalMarker));
    m_room->addLog(m_incident, kTechnicalMarker + QStringLiteral(" suspected"),
                   LogKind::Hypothesis);
    QVERIFY(store.commit({m_incident, QStringLiteral("Failover done"), QStringLiteral("Bob"),
                          m_room->clock().now().addSecs(3600), QStringLiteral("standby is warm"),
                          QStringLiteral("Ann")}));
    QVERIFY(store.askCustomer(m_incident, QStringLiteral("Send five failed order numbers"),
                              QStringLiteral("only you see the error pages"),
                              QStringLiteral("Ann")));
    ImpactAssessment a;
    a.incidentId = m_incident;
    a.by = QStringLiteral("Ann");
    a.affectedUsers = 1200;
    a.totalUsers = 40000;
    a.functions = {{QStringLiteral("Ordering"), FunctionState::Down}};
    QVERIFY(store.assessImpact(a, {}));
    m_room->clock().advanceSecs(600);
}

void TestBriefingPdf::cleanup()
{
    m_room.reset();
}

qint64 TestBriefingPdf::publish(const QString &headline, const QString &doing)
{
    NewBriefing b{m_incident,
                  QStringLiteral("Ann Lee"),
                  headline,
                  QStringLiteral("About 1,200 of 40,000 users (3 %) cannot order."),
                  doing,
                  QStringLiteral("Failures fell."),
                  m_room->clock().now().addSecs(1800),
                  QStringLiteral("the failover completes then"),
                  0};
    const auto id = m_room->store().publishBriefing(b);
    if (!id)
        qFatal("publish failed: %s", qPrintable(id.error()));
    m_room->clock().advanceSecs(900);
    return *id;
}

QString TestBriefingPdf::pdfText(const QString &path, bool layout)
{
    QProcess p;
    QStringList args;
    if (layout)
        args << QStringLiteral("-layout");
    p.start(QStringLiteral("pdftotext"), args << path << QStringLiteral("-"));
    if (!p.waitForStarted(10000))
        qFatal("pdftotext is missing (poppler-utils)");
    p.waitForFinished(60000);
    // Typographic ligatures ("ﬁ") read as their letters, as a reader's search treats them.
    return QString::fromUtf8(p.readAllStandardOutput()).normalized(QString::NormalizationForm_KC);
}

QString TestBriefingPdf::pdfInfo(const QString &path)
{
    QProcess p;
    p.start(QStringLiteral("pdfinfo"), {path});
    if (!p.waitForStarted(10000))
        qFatal("pdfinfo is missing (poppler-utils)");
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput());
}

void TestBriefingPdf::fieldsPresentMarkerAbsentMarkupLiteral()
{
    publish(QStringLiteral("Orders fail for 3 % of customers <script>alert(1)</script>"),
            QStringLiteral("We are moving orders to the standby system & <b>checking</b>."));
    const QString pdf = m_dir.filePath(QStringLiteral("one.pdf"));
    BriefingPdf::Options options;
    options.paper = BriefingPdf::Paper::A4;
    const Outcome written = BriefingPdf::write(m_room->store(), m_incident, {}, pdf, options);
    QVERIFY2(written, qPrintable(written.error()));
    // Lines of the PDF's text, joined, so that wrapped phrases can be found.
    const QString text = pdfText(pdf).simplified();
    for (const QString &expected :
         {QStringLiteral("Acme & Co"), QStringLiteral("Checkout <i>failing</i>"),
          QStringLiteral("SEV3"), QStringLiteral("reported"),
          QStringLiteral("Ann Lee, +1 555 0100"),
          QStringLiteral("Orders fail for 3 % of customers <script>alert(1)</script>"),
          QStringLiteral("cannot order"),
          QStringLiteral("moving orders to the standby system & <b>checking</b>."),
          QStringLiteral("Failures fell."), QStringLiteral("Failover done"),
          QStringLiteral("standby is warm"), QStringLiteral("Send five failed order numbers"),
          QStringLiteral("only you see the error pages"),
          QStringLiteral("Why then: the failover completes then"),
          QStringLiteral("Impact over time"), QStringLiteral("Page 1 of 1"),
          QStringLiteral("Generated")}) {
        QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral("\n---\n") + text));
    }
    QVERIFY2(!text.contains(kTechnicalMarker), "technical log leaked into the briefing PDF");
    QVERIFY(!text.contains(QStringLiteral("root password")));
    // The generation time carries its zone.
    const QString zone = QDateTime::currentDateTime().toString(QStringLiteral("t"));
    QVERIFY2(text.contains(zone), qPrintable(zone));
    QVERIFY(pdfInfo(pdf).contains(QStringLiteral("A4")));
}

void TestBriefingPdf::allBriefingsPaginatedWithChart()
{
    QList<qint64> all;
    for (int i = 1; i <= 3; ++i)
        all << publish(
            QStringLiteral("Update %1 on orders").arg(i),
            QString(QStringLiteral("A long account of the work in plain words. ")).repeated(60));
    const QString pdf = m_dir.filePath(QStringLiteral("all.pdf"));
    QVERIFY(BriefingPdf::write(m_room->store(), m_incident, all, pdf));
    const QString info = pdfInfo(pdf);
    const int pages =
        info.section(QStringLiteral("Pages:"), 1).section(u'\n', 0, 0).trimmed().toInt();
    QVERIFY2(pages >= 3, qPrintable(info));
    const QString text = pdfText(pdf).simplified();
    for (int i = 1; i <= 3; ++i)
        QVERIFY(text.contains(QStringLiteral("Update %1 on orders").arg(i)));
    QVERIFY(text.contains(QStringLiteral("Page %1 of %1").arg(pages)));
    QCOMPARE(text.count(QStringLiteral("Impact over time")), 3);
}

void TestBriefingPdf::paperFromLocaleOrChoice()
{
    QCOMPARE(BriefingPdf::pageSize(BriefingPdf::Paper::FromLocale,
                                   QLocale(QLocale::English, QLocale::UnitedStates))
                 .id(),
             QPageSize::Letter);
    QCOMPARE(BriefingPdf::pageSize(BriefingPdf::Paper::FromLocale,
                                   QLocale(QLocale::German, QLocale::Germany))
                 .id(),
             QPageSize::A4);
    QCOMPARE(BriefingPdf::pageSize(BriefingPdf::Paper::A4,
                                   QLocale(QLocale::English, QLocale::UnitedStates))
                 .id(),
             QPageSize::A4);
    publish(QStringLiteral("Letter"), QStringLiteral("doing"));
    const QString pdf = m_dir.filePath(QStringLiteral("letter.pdf"));
    BriefingPdf::Options options;
    options.paper = BriefingPdf::Paper::Letter;
    QVERIFY(BriefingPdf::write(m_room->store(), m_incident, {}, pdf, options));
    QVERIFY(pdfInfo(pdf).contains(QStringLiteral("letter")));
}

void TestBriefingPdf::refusesWhatCannotBeExported()
{
    const QString pdf = m_dir.filePath(QStringLiteral("none.pdf"));
    const Outcome none = BriefingPdf::write(m_room->store(), m_incident, {}, pdf);
    QVERIFY(!none);
    QVERIFY2(none.error().contains(QStringLiteral("no briefing")), qPrintable(none.error()));
    publish(QStringLiteral("h"), QStringLiteral("d"));
    QVERIFY(!BriefingPdf::write(m_room->store(), m_incident, {999}, pdf));
    const Outcome unwritable = BriefingPdf::write(m_room->store(), m_incident, {},
                                                  QStringLiteral("/nonexistent/dir/x.pdf"));
    QVERIFY(!unwritable);
    QVERIFY2(unwritable.error().contains(QStringLiteral("Cannot write")),
             qPrintable(unwritable.error()));
}

void TestBriefingPdf::internalReasoningAndTheoriesStayInternal()
{
    IncidentStore &store = m_room->store();
    const QString theory = QStringLiteral("HYPO-MARKER-5521 replication lag on the read replica");
    const LogEntry hypothesis = m_room->addLog(m_incident, theory, LogKind::Hypothesis);
    QVERIFY(store.timeboxTheory(hypothesis.id, m_room->clock().now().addSecs(1200),
                                QStringLiteral("TIMEBOX-MARKER-8830 the lag graph refreshes"),
                                QStringLiteral("Ann")));
    const Outcome overridden =
        store.setSeverity(m_incident, Severity::Sev1,
                          QStringLiteral("OVERRIDE-MARKER-4417 web orders are most of revenue"),
                          QStringLiteral("Ann"), {});
    QVERIFY2(overridden, qPrintable(overridden.error()));
    publish(QStringLiteral("Orders fail for 3 % of customers."),
            QStringLiteral("Moving orders to the standby system."));

    // What the briefing promised holds the business commitment, not the theory's timebox.
    const Briefing published = store.briefings(m_incident)->constLast();
    QCOMPARE(published.commitments.size(), 1);
    QCOMPARE(published.commitments.first().what, QStringLiteral("Failover done"));
    QCOMPARE(published.publishedSeverity, QStringLiteral("SEV1"));

    const QString pdf = m_dir.filePath(QStringLiteral("internal.pdf"));
    QVERIFY(BriefingPdf::write(store, m_incident, {}, pdf));
    const QString text = pdfText(pdf);
    QVERIFY(text.contains(QStringLiteral("Failover done")));
    QVERIFY(text.contains(QStringLiteral("SEV1")));
    for (const QString &marker :
         {QStringLiteral("HYPO-MARKER-5521"), QStringLiteral("TIMEBOX-MARKER-8830"),
          QStringLiteral("OVERRIDE-MARKER-4417"), QStringLiteral("overridden"),
          QStringLiteral("assessed"), kTechnicalMarker})
        QVERIFY2(!text.contains(marker), qPrintable(marker));
    const Result<QString> html = BriefingPdf::html(store, m_incident, {});
    QVERIFY(html);
    for (const char *marker : {"HYPO-MARKER-5521", "TIMEBOX-MARKER-8830", "OVERRIDE-MARKER-4417"})
        QVERIFY2(!html->contains(QString::fromLatin1(marker)), marker);
}

void TestBriefingPdf::eachBriefingShowsTheStateItPublished()
{
    IncidentStore &store = m_room->store();
    publish(QStringLiteral("First."), QStringLiteral("Looking."));
    QVERIFY(store.handOver(m_incident, QStringLiteral("Zed Laterperson"),
                           QStringLiteral("+1 555 0199"), QStringLiteral("shift"),
                           QStringLiteral("Ann")));
    QVERIFY(store.changeStatus({m_incident, QStringLiteral("Zed"), IncidentStatus::Investigating,
                                QStringLiteral("Reading logs"), m_room->clock().now().addSecs(900),
                                QStringLiteral("logs arrive by then")}));
    publish(QStringLiteral("Second."), QStringLiteral("Fixing."));
    const auto briefings = store.briefings(m_incident);
    const QString pdf = m_dir.filePath(QStringLiteral("states.pdf"));
    QVERIFY(BriefingPdf::write(store, m_incident, {briefings->first().id}, pdf));
    QString text = pdfText(pdf);
    QVERIFY2(text.contains(QStringLiteral("Ann Lee")), qPrintable(text));
    QVERIFY(!text.contains(QStringLiteral("Zed")));
    QVERIFY(text.contains(QStringLiteral("reported")));
    QVERIFY(BriefingPdf::write(store, m_incident, {briefings->last().id}, pdf));
    text = pdfText(pdf);
    QVERIFY(text.contains(QStringLiteral("Zed Laterperson")));
    QVERIFY(text.contains(QStringLiteral("investigating")));
    QVERIFY(!text.contains(QStringLiteral("business liaison")));

    // Once a business liaison is named, the customer's contact is the liaison.
    QVERIFY(store.handOver(m_incident, QStringLiteral("Sofia Lindqvist"),
                           QStringLiteral("+44 20 7946 0550"), QStringLiteral("owns the calls"),
                           QStringLiteral("Zed"), Role::Liaison));
    publish(QStringLiteral("Third."), QStringLiteral("Fixing still."));
    QVERIFY(BriefingPdf::write(store, m_incident, {store.briefings(m_incident)->last().id}, pdf));
    text = pdfText(pdf).simplified();
    QVERIFY2(text.contains(QStringLiteral("Your contact (business liaison) Sofia Lindqvist, +44 20 "
                                          "7946 0550")),
             qPrintable(text));
}

void TestBriefingPdf::neverWritesOverTheWarRoom()
{
    publish(QStringLiteral("h"), QStringLiteral("d"));
    const QString db = m_room->path();
    const QByteArray before = fileDigest(db);
    for (const char *suffix : {"", "-wal", "-shm", "-journal", ".lock"}) {
        const QString target = db + QString::fromLatin1(suffix);
        const Outcome refused = BriefingPdf::write(m_room->store(), m_incident, {}, target);
        QVERIFY2(!refused, qPrintable(target));
        QVERIFY2(refused.error().contains(QStringLiteral("never writes over")),
                 qPrintable(refused.error()));
    }
    QCOMPARE(fileDigest(db), before);
    QVERIFY(m_room->store().briefings(m_incident)); // still a war room

    // The same from the command line, on a war room no process has open.
    m_room->closeStore(); // closing folds the write-ahead log into the file
    const QByteArray closed = fileDigest(db);
    QProcess p;
    p.start(warroomExecutable(), {QStringLiteral("export-briefing"), QStringLiteral("--database"),
                                  db, QStringLiteral("--incident"), QString::number(m_incident),
                                  QStringLiteral("--out"), db});
    QVERIFY(p.waitForFinished(60000));
    QCOMPARE(p.exitCode(), 1);
    QVERIFY(p.readAllStandardError().contains("never writes over"));
    QCOMPARE(fileDigest(db), closed);
    m_room->reopenStore();
}

void TestBriefingPdf::fullDiskLeavesTheOldFile()
{
    publish(QStringLiteral("Orders fail."), QStringLiteral("Reversing the change."));
    // A real full disk: a 96 KiB tmpfs, nearly filled (the test runs as root, as CI does).
    const QString mount = m_dir.filePath(QStringLiteral("small-disk"));
    QVERIFY(QDir().mkpath(mount));
    QProcess mounting;
    mounting.start(QStringLiteral("mount"),
                   {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                    QStringLiteral("size=96k"), QStringLiteral("tmpfs"), mount});
    QVERIFY(mounting.waitForFinished(10000));
    const QByteArray why =
        "mounting a small tmpfs needs root (CI runs as root): " + mounting.readAllStandardError();
    QVERIFY2(mounting.exitCode() == 0, why.constData());
    auto unmount = qScopeGuard([&] { QProcess::execute(QStringLiteral("umount"), {mount}); });

    const QString old = QDir(mount).filePath(QStringLiteral("briefing.pdf"));
    {
        QFile file(old);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("%PDF-1.4 the earlier export\n");
    }
    const QByteArray before = fileDigest(old);
    {
        QFile filler(QDir(mount).filePath(QStringLiteral("filler")));
        QVERIFY(filler.open(QIODevice::WriteOnly));
        const QByteArray block(4096, 'x');
        while (filler.write(block) == block.size() && filler.flush()) {
        }
    }
    const Outcome written = BriefingPdf::write(m_room->store(), m_incident, {}, old);
    QVERIFY(!written);
    QVERIFY2(written.error().contains(QStringLiteral("unchanged")), qPrintable(written.error()));
    QCOMPARE(fileDigest(old), before);
    QCOMPARE(QDir(mount).entryList(QDir::Files | QDir::Hidden).size(), 2); // no leftovers
}

void TestBriefingPdf::commandLineExportsWithoutDisplay()
{
    publish(QStringLiteral("First"), QStringLiteral("doing"));
    publish(QStringLiteral("Second"), QStringLiteral("doing"));
    const QString db = m_dir.filePath(QStringLiteral("cli.sqlite")); // the command's own
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    auto run = [&](QStringList args, QString *out = nullptr) {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(warroomExecutable(), args << QStringLiteral("--database") << db);
        p.waitForFinished(60000);
        if (out)
            *out = QString::fromUtf8(p.readAllStandardOutput());
        const QString err = QString::fromUtf8(p.readAllStandardError());
        if (p.exitCode() != 0 && !err.isEmpty())
            qWarning("%s", qPrintable(err));
        return p.exitCode();
    };
    QCOMPARE(run({QStringLiteral("new-incident"), QStringLiteral("--title"), QStringLiteral("T"),
                  QStringLiteral("--customer"), QStringLiteral("C")}),
             0);
    QCOMPARE(run({QStringLiteral("brief"), QStringLiteral("--incident"), QStringLiteral("1"),
                  QStringLiteral("--headline"), QStringLiteral("Orders fail."),
                  QStringLiteral("--doing"), QStringLiteral("Reversing the change.")}),
             2); // no next update, no why: refused
    QString number;
    QCOMPARE(run({QStringLiteral("brief"), QStringLiteral("--incident"), QStringLiteral("1"),
                  QStringLiteral("--headline"), QStringLiteral("Orders fail."),
                  QStringLiteral("--doing"), QStringLiteral("Reversing the change."),
                  QStringLiteral("--next-update"), QStringLiteral("+30m"), QStringLiteral("--why"),
                  QStringLiteral("the reversal ends then")},
                 &number),
             0);
    QCOMPARE(number.trimmed(), QStringLiteral("1"));
    const QString pdf = m_dir.filePath(QStringLiteral("cli.pdf"));
    QCOMPARE(
        run({QStringLiteral("export-briefing"), QStringLiteral("--incident"), QStringLiteral("1"),
             QStringLiteral("--briefing"), QStringLiteral("1"), QStringLiteral("--out"), pdf,
             QStringLiteral("--paper"), QStringLiteral("letter")}),
        0);
    QVERIFY(pdfText(pdf).contains(QStringLiteral("Reversing the change.")));
    QCOMPARE(
        run({QStringLiteral("export-briefing"), QStringLiteral("--incident"), QStringLiteral("1"),
             QStringLiteral("--briefing"), QStringLiteral("7"), QStringLiteral("--out"), pdf}),
        2);
}

// The customer reads every time in their own zone, named, whichever desktop exports: the
// briefing's publication, its promises, the next update and the footer.
void TestBriefingPdf::timesAreWhereTheCustomerReadsThem()
{
    IncidentStore &store = m_room->store();
    QVERIFY(store.setCustomerTimeZone(m_incident, QStringLiteral("Asia/Kolkata"),
                                      QStringLiteral("Ann")));
    publish(QStringLiteral("Orders fail for some."), QStringLiteral("Moving orders."));
    const QString pdf = m_dir.filePath(QStringLiteral("zoned.pdf"));
    QVERIFY(BriefingPdf::write(store, m_incident, {}, pdf));
    const QString text = pdfText(pdf).simplified();
    // Published 09:10 UTC, the failover due 10:00 UTC, the next update 09:40 UTC.
    QVERIFY2(text.contains(QStringLiteral("published Sat 14 Mar 2026, 14:40 IST by Ann Lee")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Sat 14 Mar 2026, 15:30 IST")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Sat 14 Mar 2026, 15:10 IST")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("Generated ")) && text.contains(QStringLiteral(" IST")),
             qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("UTC")), qPrintable(text));
}

QTEST_MAIN(TestBriefingPdf)
#include "tst_briefingpdf.moc"
