#include "commandhost.h"
#include "models/logtablemodel.h"
#include "scratchwarroom.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <fcntl.h>
#include <unistd.h>

// Nothing a Warroom process acknowledged may be lost, whatever else happens in the processes
// that have the war room open.
class TestDurability : public QObject
{
    Q_OBJECT
private slots:
    void closingAStrayDescriptorLosesNothing();
    void concurrentProcessesLoseNothing_data();
    void concurrentProcessesLoseNothing();
    void killedOwnerLosesNothingAcknowledged();
    void streamToTheWindowWritesEveryLineOnce();
};

namespace {
// What Qt's file dialog does when it sniffs a folder: open a file and close it again. In a
// process that holds SQLite's POSIX locks on that file, the close drops them all.
void touchLikeAFileDialog(const QString &path)
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal", ".lock"}) {
        const QByteArray name = QFile::encodeName(path) + suffix;
        const int fd = ::open(name.constData(), O_RDONLY | O_CLOEXEC);
        if (fd >= 0)
            ::close(fd);
    }
}

// The ids a raw, non-Warroom reader finds in the file, and whether SQLite calls it sound.
struct FileContents
{
    QList<qint64> logIds;
    QString integrity;
};

FileContents readWithPlainSqlite(const QString &path)
{
    FileContents contents;
    const QString name = QStringLiteral("plain-reader");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (!db.open())
            return contents;
        QSqlQuery query(db);
        query.exec(QStringLiteral("SELECT id FROM log_entries ORDER BY id"));
        while (query.next())
            contents.logIds.append(query.value(0).toLongLong());
        query.exec(QStringLiteral("PRAGMA integrity_check"));
        while (query.next())
            contents.integrity += query.value(0).toString();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return contents;
}

QString appenderExecutable()
{
    return builtExecutable("WARROOM_APPENDER");
}

// An appender process (tests/durability/appender.cpp) posting count entries tagged tag.
std::unique_ptr<QProcess> startAppender(const QString &path, qint64 incident, int count,
                                        const QString &tag)
{
    auto process = std::make_unique<QProcess>();
    process->start(appenderExecutable(),
                   {path, QString::number(incident), QString::number(count), tag});
    return process;
}

// The ids a process acknowledged: whole lines only, as a script reading it would take them.
QList<qint64> acknowledgedIds(QProcess &process)
{
    QList<qint64> ids;
    const QByteArray out = process.readAllStandardOutput();
    const QList<QByteArray> lines = out.split('\n');
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) // the last piece has no newline yet
        ids.append(lines.at(i).toLongLong());
    return ids;
}
} // namespace

void TestDurability::closingAStrayDescriptorLosesNothing()
{
    auto room = std::make_unique<ScratchWarRoom>(); // this process plays the window
    const qint64 incident = room->addIncident();
    const QString path = room->path();
    auto host = hostCommands(path); // as the window does
    QList<qint64> acknowledged;

    touchLikeAFileDialog(path);
    for (int i = 1; i <= 20; ++i) {
        QProcess script;
        script.start(warroomExecutable(),
                     {QStringLiteral("log"), QStringLiteral("--database"), path,
                      QStringLiteral("--incident"), QString::number(incident),
                      QStringLiteral("disk %1 %").arg(80 + i)});
        // The window's event loop runs while the script waits, as it would in the app.
        QTRY_VERIFY_WITH_TIMEOUT(script.state() == QProcess::NotRunning, 30000);
        QCOMPARE(script.exitCode(), 0);
        acknowledged.append(script.readAllStandardOutput().trimmed().toLongLong());
        QVERIFY(acknowledged.constLast() > 0);
    }
    acknowledged.append(room->addLog(incident, QStringLiteral("typed in the window")).id);
    host.reset();
    room->closeStore(); // the window closes normally

    const FileContents contents = readWithPlainSqlite(path);
    QCOMPARE(contents.integrity, QStringLiteral("ok"));
    for (qint64 id : std::as_const(acknowledged))
        QVERIFY2(contents.logIds.contains(id), qPrintable(QStringLiteral("entry %1 lost").arg(id)));
    QCOMPARE(contents.logIds.size(), 21);
}

void TestDurability::concurrentProcessesLoseNothing_data()
{
    QTest::addColumn<int>("processes");
    QTest::newRow("two processes") << 2;
    QTest::newRow("four processes") << 4;
}

void TestDurability::concurrentProcessesLoseNothing()
{
    QFETCH(int, processes);
    constexpr int kEach = 2000;
    ScratchWarRoom room;
    const qint64 incident = room.addIncident();
    room.closeStore(); // the appenders sort out among themselves who owns the war room

    std::vector<std::unique_ptr<QProcess>> appenders;
    for (int p = 1; p <= processes; ++p)
        appenders.push_back(
            startAppender(room.path(), incident, kEach, QStringLiteral("p%1").arg(p)));
    QList<qint64> acknowledged;
    for (auto &appender : appenders) {
        QVERIFY(appender->waitForFinished(240000));
        const QString err = QString::fromUtf8(appender->readAllStandardError());
        QVERIFY2(!err.contains(QStringLiteral("locked"), Qt::CaseInsensitive), qPrintable(err));
        QVERIFY2(appender->exitCode() == 0, qPrintable(err));
        const QList<qint64> ids = acknowledgedIds(*appender);
        QCOMPARE(ids.size(), kEach);
        acknowledged += ids;
    }
    const FileContents contents = readWithPlainSqlite(room.path());
    QCOMPARE(contents.integrity, QStringLiteral("ok"));
    const QSet<qint64> inFile(contents.logIds.cbegin(), contents.logIds.cend());
    const QSet<qint64> acked(acknowledged.cbegin(), acknowledged.cend());
    QCOMPARE(acked.size(), processes * kEach); // no id acknowledged twice
    QVERIFY(inFile.contains(acked));
    QCOMPARE(contents.logIds.size(), processes * kEach); // and nothing written twice
}

void TestDurability::killedOwnerLosesNothingAcknowledged()
{
    constexpr int kRounds = 20;
    ScratchWarRoom room;
    const qint64 incident = room.addIncident();
    room.closeStore();
    QList<qint64> acknowledged;
    for (int round = 1; round <= kRounds; ++round) {
        // The first to start usually owns the war room; the second hands its posts to it and
        // must take over when the owner dies mid-command.
        auto victim =
            startAppender(room.path(), incident, 1000000, QStringLiteral("victim%1").arg(round));
        QVERIFY(victim->waitForReadyRead(20000));
        auto survivor =
            startAppender(room.path(), incident, 150, QStringLiteral("survivor%1").arg(round));
        QTest::qSleep(20 + QRandomGenerator::global()->bounded(200));
        victim->kill(); // SIGKILL: no chance to close anything
        QVERIFY(victim->waitForFinished(20000));
        QVERIFY(survivor->waitForFinished(120000));
        const QString err = QString::fromUtf8(survivor->readAllStandardError());
        QVERIFY2(survivor->exitCode() == 0, qPrintable(err));
        const QList<qint64> survived = acknowledgedIds(*survivor);
        QCOMPARE(survived.size(), 150);
        acknowledged += acknowledgedIds(*victim);
        acknowledged += survived;

        const FileContents contents = readWithPlainSqlite(room.path());
        QCOMPARE(contents.integrity, QStringLiteral("ok"));
        const QSet<qint64> inFile(contents.logIds.cbegin(), contents.logIds.cend());
        for (qint64 id : std::as_const(acknowledged))
            QVERIFY2(inFile.contains(id),
                     qPrintable(QStringLiteral("round %1: entry %2 lost").arg(round).arg(id)));
    }
    // The window opens what the crashes left, and shows every entry.
    room.reopenStore();
    auto windowStore = StoreThread::onThisThread(room.store());
    LogTableModel model(*windowStore);
    model.setIncident(incident);
    QTRY_VERIFY(model.rowCount() >= acknowledged.size());
    qInfo("%d rounds of SIGKILL, %lld acknowledged entries, none lost", kRounds,
          qint64(acknowledged.size()));
}

// A monitoring script streams into the war room a window has open: its batches go to the
// window's process; every line comes back acknowledged with the id it was written as, in order,
// once.
void TestDurability::streamToTheWindowWritesEveryLineOnce()
{
    constexpr int kChunks = 12;
    constexpr int kPerChunk = 300;
    ScratchWarRoom room;
    const qint64 incident = room.addIncident();
    const qint64 before = *room.store().logEntryCount(incident);
    const auto host = hostCommands(room.path());
    QProcess script;
    script.start(qEnvironmentVariable("WARROOM_EXECUTABLE"),
                 {QStringLiteral("log"), QStringLiteral("--database"), room.path(),
                  QStringLiteral("--incident"), QString::number(incident),
                  QStringLiteral("--lines")});
    QVERIFY(script.waitForStarted());
    QStringList sent;
    for (int chunk = 0; chunk < kChunks; ++chunk) {
        QByteArray lines;
        for (int i = 0; i < kPerChunk; ++i) {
            sent.append(QStringLiteral("probe chunk %1 line %2").arg(chunk).arg(i));
            lines += sent.constLast().toUtf8() + '\n';
        }
        script.write(lines);
        QTest::qWait(30); // the script's batches are what has arrived: several here
    }
    script.closeWriteChannel();
    QTRY_VERIFY_WITH_TIMEOUT(script.state() == QProcess::NotRunning, 120000);
    const QString err = QString::fromUtf8(script.readAllStandardError());
    QVERIFY2(script.exitCode() == 0, qPrintable(err));
    const QStringList acks =
        QString::fromUtf8(script.readAllStandardOutput()).trimmed().split(u'\n');
    QCOMPARE(acks.size(), sent.size());

    const auto entries = room.store().logEntries(incident, before + 1, 2 * kChunks * kPerChunk);
    QVERIFY(entries);
    QCOMPARE(entries->size(), sent.size()); // nothing written twice
    for (qsizetype i = 0; i < sent.size(); ++i) {
        QCOMPARE(acks.at(i), QStringLiteral("%1\t%2").arg(i + 1).arg(entries->at(i).id));
        QCOMPARE(entries->at(i).text, sent.at(i));
    }
    QVERIFY(room.store().checkRecordChain(incident)->intact);
}

QTEST_MAIN(TestDurability)
#include "tst_durability.moc"
