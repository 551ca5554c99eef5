#include "commandhost.h"
#include "scratchwarroom.h"

#include <QProcess>
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

QTEST_GUILESS_MAIN(TestDurability)
#include "tst_durability.moc"
