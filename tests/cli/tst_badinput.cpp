#include "scratchwarroom.h"
#include "warroomprocess.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

// The bad-input catalogue: each hostile or careless input, tried on the real executable, gets
// a clear one-line message and a non-zero exit, and leaves the war room as it was.
class TestBadInput : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void refusedAndUntouched_data();
    void refusedAndUntouched();
    void unknownCommandCreatesNothing();
    void hostileTextIsKeptLiterallyAndPrintedSafely();
    void retriedPostWithKeyWritesOnce();
    void newWarRoomIsPrivate();
    void openingProblemsSayWhatIsWrong_data();
    void openingProblemsSayWhatIsWrong();
    void readOnlyFolderAndFullDisk();

private:
    using Run = CommandRun;
    Run run(QStringList arguments, const QByteArray &input = {}, const QString &db = {});
    QString m_db;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestBadInput::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_db = m_dir->filePath(QStringLiteral("war.sqlite"));
    const Run created = run({QStringLiteral("new-incident"), QStringLiteral("--title"),
                             QStringLiteral("Checkout down"), QStringLiteral("--customer"),
                             QStringLiteral("Acme")});
    QCOMPARE(created.exitCode, 0);
}

TestBadInput::Run TestBadInput::run(QStringList arguments, const QByteArray &input,
                                    const QString &db)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir->filePath(QStringLiteral("data")));
    if (arguments.size() > 0 && !arguments.contains(QStringLiteral("--database")))
        arguments << QStringLiteral("--database") << (db.isEmpty() ? m_db : db);
    return runWarroom(arguments, env, input);
}

void TestBadInput::refusedAndUntouched_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    auto commit = [](const QString &due) {
        return QStringList{
            QStringLiteral("commit"), QStringLiteral("--incident"), QStringLiteral("1"),
            QStringLiteral("--what"), QStringLiteral("x"),          QStringLiteral("--owner"),
            QStringLiteral("Bob"),    QStringLiteral("--due"),      due,
            QStringLiteral("--why"),  QStringLiteral("y")};
    };
    // UBSan saw this wrap around into "44 seconds from now".
    QTest::newRow("overflowing due")
        << commit(QStringLiteral("+307445734561825861m")) << 2 << "more than 30 days ahead";
    QTest::newRow("far due") << commit(QStringLiteral("9999-12-31")) << 2
                             << "more than 30 days ahead";
    QTest::newRow("31 days") << commit(QStringLiteral("+31d")) << 2 << "more than 30 days ahead";
    QTest::newRow("past due") << commit(QStringLiteral("2001-01-01T10:00")) << 1
                              << "already passed";
    QTest::newRow("far next update") << QStringList{QStringLiteral("brief"),
                                                    QStringLiteral("--incident"),
                                                    QStringLiteral("1"),
                                                    QStringLiteral("--headline"),
                                                    QStringLiteral("Orders fail."),
                                                    QStringLiteral("--doing"),
                                                    QStringLiteral("Reverting."),
                                                    QStringLiteral("--next-update"),
                                                    QStringLiteral("+1000h"),
                                                    QStringLiteral("--why"),
                                                    QStringLiteral("the revert ends")}
                                     << 2 << "more than 30 days ahead";
    QTest::newRow("log refuses asks")
        << QStringList{QStringLiteral("log"), QStringLiteral("--incident"),
                       QStringLiteral("1"),   QStringLiteral("--kind"),
                       QStringLiteral("ask"), QStringLiteral("send logs")}
        << 1 << "why only the customer";
    QTest::newRow("10 MB entry") << QStringList{QStringLiteral("log"), QStringLiteral("--incident"),
                                                QStringLiteral("1"), QStringLiteral("-")}
                                 << 1 << "too long";
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("log"), QStringLiteral("--incdent"), QStringLiteral("1"),
                       QStringLiteral("x")}
        << 2 << "Unknown option";
}

void TestBadInput::refusedAndUntouched()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const QByteArray before = fileDigest(m_db);
    const QByteArray input =
        arguments.contains(QStringLiteral("-")) ? QByteArray(10 * 1024 * 1024, 'x') : QByteArray();
    const Run refused = run(arguments, input);
    QCOMPARE(refused.exitCode, exitCode);
    QVERIFY2(refused.err.contains(message), qPrintable(refused.err));
    QCOMPARE(refused.err.count(u'\n'), 1); // one line, for a script's log
    QVERIFY(refused.out.isEmpty());
    QCOMPARE(fileDigest(m_db), before);
}

void TestBadInput::unknownCommandCreatesNothing()
{
    const QString elsewhere = m_dir->filePath(QStringLiteral("new/none.sqlite"));
    const Run typo = run({QStringLiteral("lgo"), QStringLiteral("--incident"), QStringLiteral("1"),
                          QStringLiteral("disk full")},
                         {}, elsewhere);
    QCOMPARE(typo.exitCode, 2);
    QVERIFY2(typo.err.contains(QStringLiteral("Unknown command \"lgo\"")), qPrintable(typo.err));
    QVERIFY2(typo.err.contains(QStringLiteral("did you mean \"log\"")), qPrintable(typo.err));
    QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("new"))));
    // Without --database the default war room is not created either.
    const Run bare = run({QStringLiteral("lgo")}, {}, {});
    QCOMPARE(bare.exitCode, 2);
    QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("data"))));
}

void TestBadInput::hostileTextIsKeptLiterallyAndPrintedSafely()
{
    const QString hostile = QStringLiteral("<b>bold</b>\tfake\ncolumn\x1b[31mred \u202Eevil "
                                           "\U0001F525 \u0645\u0631\u062D\u0628\u0627");
    const Run created = run({QStringLiteral("new-incident"), QStringLiteral("--title"), hostile,
                             QStringLiteral("--customer"), QStringLiteral("Acme")});
    QCOMPARE(created.exitCode, 0);
    const Run listed = run({QStringLiteral("list")});
    QCOMPARE(listed.exitCode, 0);
    const QStringList rows = listed.out.trimmed().split(u'\n');
    QCOMPARE(rows.size(), 2); // a newline in a title forges no row
    for (const QString &row : rows)
        QCOMPARE(row.count(u'\t'), 3);          // nor does a tab forge a column
    QVERIFY(!listed.out.contains(QChar(0x1b))); // no escape codes reach the terminal
    QVERIFY(!listed.out.contains(QChar(0x202E)));
    QVERIFY(listed.out.contains(QStringLiteral("\\x1b[31mred")));
    QVERIFY(listed.out.contains(QStringLiteral("\U0001F525"))); // printable text stays as it is
    const Run status =
        run({QStringLiteral("status"), QStringLiteral("--incident"), created.out.trimmed()});
    QVERIFY(!status.out.contains(QChar(0x1b)));
    QVERIFY(status.out.startsWith(QStringLiteral("Incident 2: <b>bold</b>\\tfake\\ncolumn")));

    // Stored exactly as given, NUL and all, through standard input.
    const QByteArray withNul("before\0after \xf0\x9f\x94\xa5", 17);
    const Run logged = run({QStringLiteral("log"), QStringLiteral("--incident"),
                            QStringLiteral("1"), QStringLiteral("-")},
                           withNul);
    QCOMPARE(logged.exitCode, 0);
    ManualClock clock(scratchStartTime());
    auto store = IncidentStore::openSqlite(m_db, OpenMode::MustExist, clock);
    QVERIFY(store);
    QCOMPARE((*store)->incident(2)->title, hostile);
    QCOMPARE((*store)->logEntry(logged.out.trimmed().toLongLong())->text,
             QString::fromUtf8(withNul));
}

void TestBadInput::retriedPostWithKeyWritesOnce()
{
    const QStringList post{QStringLiteral("log"),        QStringLiteral("--incident"),
                           QStringLiteral("1"),          QStringLiteral("--key"),
                           QStringLiteral("alert-4711"), QStringLiteral("disk 99 %")};
    const Run first = run(post);
    const Run retry = run(post);
    QCOMPARE(first.exitCode, 0);
    QCOMPARE(retry.exitCode, 0);
    QCOMPARE(retry.out, first.out);
    ManualClock clock(scratchStartTime());
    auto store = IncidentStore::openSqlite(m_db, OpenMode::MustExist, clock);
    QCOMPARE(*(*store)->logEntryCount(1), 1);
}

void TestBadInput::newWarRoomIsPrivate()
{
    const QString folder = m_dir->filePath(QStringLiteral("private"));
    const QString db = folder + QStringLiteral("/w.sqlite");
    QCOMPARE(run({QStringLiteral("new-incident"), QStringLiteral("--title"), QStringLiteral("t"),
                  QStringLiteral("--customer"), QStringLiteral("c")},
                 {}, db)
                 .exitCode,
             0);
    auto mode = [](const QString &path) {
        struct stat info
        {};
        ::stat(QFile::encodeName(path).constData(), &info);
        return info.st_mode & 0777;
    };
    QCOMPARE(mode(folder), 0700u);
    QCOMPARE(mode(db), 0600u);
    QCOMPARE(mode(db + QStringLiteral(".lock")), 0600u);
}

void TestBadInput::openingProblemsSayWhatIsWrong_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<QString>("message");
    QTest::newRow("damaged") << "damaged"
                             << "is damaged";
    QTest::newRow("truncated") << "truncated"
                               << "is damaged";
    QTest::newRow("not sqlite") << "text"
                                << "not a database file at all";
    QTest::newRow("empty file") << "empty"
                                << "holds no Warroom data";
    QTest::newRow("foreign sqlite") << "foreign"
                                    << "belongs to another program";
    QTest::newRow("newer schema") << "newer"
                                  << "newer Warroom";
    QTest::newRow("locked by a program") << "locked"
                                         << "locked by another program";
}

void TestBadInput::openingProblemsSayWhatIsWrong()
{
    QFETCH(QString, damage);
    QFETCH(QString, message);
    auto rawSql = [&](const QStringList &statements) {
        const QString refused = runForeignSql(m_db, statements);
        QVERIFY2(refused.isEmpty(), qPrintable(refused));
    };
    QFile file(m_db);
    if (damage == u"damaged") {
        // The schema's page, overwritten past its header: SQLite calls the file malformed.
        QVERIFY(file.open(QIODevice::ReadWrite));
        file.seek(100);
        file.write(QByteArray(3000, '\xA5'));
        file.close();
    } else if (damage == u"truncated") {
        QVERIFY(file.resize(4096 + 17));
    } else if (damage == u"text" || damage == u"empty") {
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        if (damage == u"text")
            file.write(QByteArray("These are my notes, not a database.\n").repeated(200));
        file.close();
    } else if (damage == u"foreign") {
        QFile::remove(m_db);
        rawSql({QStringLiteral("CREATE TABLE recipes (name TEXT)")});
    } else if (damage == u"newer") {
        rawSql({QStringLiteral("DROP TRIGGER IF EXISTS no_such"),
                QStringLiteral("UPDATE warroom_schema SET version = 999")});
    }
    std::unique_ptr<QSqlDatabase> holder;
    auto release = qScopeGuard([] { QSqlDatabase::removeDatabase(QStringLiteral("holder")); });
    if (damage == u"locked") {
        // Another program in the middle of a write holds SQLite's lock on the file.
        holder = std::make_unique<QSqlDatabase>(
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("holder")));
        holder->setDatabaseName(m_db);
        QVERIFY(holder->open());
        // A rollback journal's exclusive lock keeps even readers out.
        QVERIFY(QSqlQuery(*holder).exec(QStringLiteral("PRAGMA journal_mode = DELETE")));
    }
    // Read before the holder locks: closing a descriptor of the file in this process would
    // drop the holder's POSIX locks (the very trap OwnerLock exists for).
    const QByteArray before = fileDigest(m_db);
    if (holder) {
        QVERIFY(QSqlQuery(*holder).exec(QStringLiteral("BEGIN EXCLUSIVE")));
        QVERIFY(QSqlQuery(*holder).exec(QStringLiteral("SELECT count(*) FROM incidents")));
    }
    const Run opened = run({QStringLiteral("log"), QStringLiteral("--incident"),
                            QStringLiteral("1"), QStringLiteral("disk 99 %")});
    QCOMPARE(opened.exitCode, 1);
    QVERIFY2(opened.err.contains(message), qPrintable(opened.err));
    if (damage == u"damaged" || damage == u"truncated")
        QVERIFY2(opened.err.contains(QStringLiteral(".recover")), qPrintable(opened.err));
    QVERIFY(!opened.err.contains(QStringLiteral("overwrite")));
    if (holder) {
        QSqlQuery(*holder).exec(QStringLiteral("ROLLBACK"));
        holder->close();
        holder.reset();
    }
    QCOMPARE(fileDigest(m_db), before);
}

void TestBadInput::readOnlyFolderAndFullDisk()
{
    // Real file systems (the test runs as root, as CI does): a small tmpfs, made read-only,
    // then writable but full.
    const QString mount = m_dir->filePath(QStringLiteral("disk"));
    QVERIFY(QDir().mkpath(mount));
    auto mountArgs = [&](const QString &options) {
        return QProcess::execute(QStringLiteral("mount"),
                                 {QStringLiteral("-t"), QStringLiteral("tmpfs"),
                                  QStringLiteral("-o"), options, QStringLiteral("tmpfs"), mount});
    };
    QVERIFY2(mountArgs(QStringLiteral("size=1m")) == 0, "mounting a tmpfs needs root");
    auto unmount = qScopeGuard([&] { QProcess::execute(QStringLiteral("umount"), {mount}); });
    const QString db = mount + QStringLiteral("/war.sqlite");
    QCOMPARE(run({QStringLiteral("new-incident"), QStringLiteral("--title"), QStringLiteral("t"),
                  QStringLiteral("--customer"), QStringLiteral("c")},
                 {}, db)
                 .exitCode,
             0);
    QCOMPARE(QProcess::execute(QStringLiteral("mount"),
                               {QStringLiteral("-o"), QStringLiteral("remount,ro"), mount}),
             0);
    const QByteArray before = fileDigest(db);
    const Run readOnly = run({QStringLiteral("log"), QStringLiteral("--incident"),
                              QStringLiteral("1"), QStringLiteral("x")},
                             {}, db);
    QCOMPARE(readOnly.exitCode, 1);
    QVERIFY2(readOnly.err.contains(QStringLiteral("read-only")), qPrintable(readOnly.err));
    QCOMPARE(fileDigest(db), before);

    QCOMPARE(QProcess::execute(QStringLiteral("mount"),
                               {QStringLiteral("-o"), QStringLiteral("remount,rw"), mount}),
             0);
    {
        QFile filler(mount + QStringLiteral("/filler"));
        QVERIFY(filler.open(QIODevice::WriteOnly));
        const QByteArray block(4096, 'x');
        while (filler.write(block) == block.size() && filler.flush()) {
        }
    }
    const Run full = run({QStringLiteral("log"), QStringLiteral("--incident"), QStringLiteral("1"),
                          QStringLiteral("-")},
                         QByteArray(19000, 'y'), db);
    QCOMPARE(full.exitCode, 1);
    QVERIFY2(full.err.contains(QStringLiteral("is full")), qPrintable(full.err));
    QFile::remove(mount + QStringLiteral("/filler"));
    ManualClock clock(scratchStartTime());
    auto store = IncidentStore::openSqlite(db, OpenMode::MustExist, clock);
    QVERIFY2(store, qPrintable(store.error()));
    QCOMPARE(*(*store)->logEntryCount(1), 0); // nothing half-written
}

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"
