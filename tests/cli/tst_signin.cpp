#include "scratchwarroom.h"
#include "storage/passwordkeychain.h"
#include "throwawaypostgres.h"
#include "warroomprocess.h"

#include <QDirIterator>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

// Signing in to a shared war room through the desktop's keychain: a real Secret Service
// (gnome-keyring on a private bus: support/with-keyring.sh) and a real PostgreSQL server. A
// password must reach the server and the keychain, and nothing else: not the settings, the
// database, the server's log, or anything a command printed.
class TestSignIn : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void keychainKeepsOnePasswordPerServerDatabaseAndUser();
    void loginKeepsThePasswordAndCommandsUseIt();
    void loginRefusesAWrongPasswordAndKeepsNothing();
    void withoutAStoredPasswordTheMessageSaysHowToSignIn();
    void passwordInTheAddressIsRefused();
    void storedPasswordIsFoundNowhereElse();
    void scriptsWithoutAKeychainUsePostgresConventions();
    void noKeychainIsAClearMessage();
    // Last: it locks the session's keyring for good.
    void lockedKeychainIsAClearMessage();

private:
    using Run = CommandRun;
    Run warroom(const QStringList &arguments, const QByteArray &input = {},
                const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
    static QProcessEnvironment withoutKeychain();
    // The address as a user types it: no password.
    WarRoomAddress newWarRoom();

    std::unique_ptr<ThrowawayPostgres> m_server;
    QByteArray m_printed; // everything any command wrote, searched for the password at the end
};

void TestSignIn::initTestCase()
{
    // The test must run on its own bus (with-keyring.sh), never against the user's keyring.
    QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS") &&
                 !qEnvironmentVariableIsSet("DISPLAY"),
             "run under tests/support/with-keyring.sh");
    // Only what a test gives on purpose: no password from the caller's environment.
    qunsetenv("PGPASSWORD");
    qunsetenv("PGPASSFILE");
    m_server = std::make_unique<ThrowawayPostgres>();
}

TestSignIn::Run TestSignIn::warroom(const QStringList &arguments, const QByteArray &input,
                                    const QProcessEnvironment &environment)
{
    QProcessEnvironment env = environment;
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    const CommandRun run = runWarroom(arguments, env, input, 30000);
    m_printed += run.out.toUtf8() + run.err.toUtf8();
    return run;
}

QProcessEnvironment TestSignIn::withoutKeychain()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    env.remove(QStringLiteral("DISPLAY"));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), QStringLiteral("/nonexistent"));
    return env;
}

WarRoomAddress TestSignIn::newWarRoom()
{
    WarRoomAddress address = m_server->newDatabase();
    {
        ScratchWarRoom room(address); // creates the schema and one incident
        room.addIncident(QStringLiteral("Checkout failing"));
    }
    address.password.clear();
    return address;
}

void TestSignIn::keychainKeepsOnePasswordPerServerDatabaseAndUser()
{
    auto address = WarRoomAddress::parse(QStringLiteral("postgresql://ann@db.example:5432/acme"));
    QVERIFY(address);
    QVERIFY2(PasswordKeychain::store(*address, QStringLiteral("ann-1")),
             qPrintable(PasswordKeychain::store(*address, QStringLiteral("ann-1")).error()));
    const auto again = PasswordKeychain::read(*address);
    QVERIFY2(again, qPrintable(again.error()));
    QCOMPARE(again->value_or(QString()), QStringLiteral("ann-1"));

    for (const QString &other : {QStringLiteral("postgresql://bob@db.example:5432/acme"),
                                 QStringLiteral("postgresql://ann@db.example:5433/acme"),
                                 QStringLiteral("postgresql://ann@db2.example:5432/acme"),
                                 QStringLiteral("postgresql://ann@db.example:5432/other")}) {
        const auto elsewhere = PasswordKeychain::read(*WarRoomAddress::parse(other));
        QVERIFY2(elsewhere, qPrintable(elsewhere.error()));
        QVERIFY2(!elsewhere->has_value(), qPrintable(other));
    }
    // The TLS mode does not make another account.
    const auto withTls = PasswordKeychain::read(*WarRoomAddress::parse(
        QStringLiteral("postgresql://ann@db.example:5432/acme?sslmode=require")));
    QCOMPARE(withTls->value_or(QString()), QStringLiteral("ann-1"));

    QVERIFY(PasswordKeychain::forget(*address));
    QVERIFY(!PasswordKeychain::read(*address)->has_value());
    QVERIFY(PasswordKeychain::forget(*address)); // nothing to forget is fine
}

void TestSignIn::loginKeepsThePasswordAndCommandsUseIt()
{
    const WarRoomAddress address = newWarRoom();
    const Run before =
        warroom({QStringLiteral("list"), QStringLiteral("--database"), address.display()});
    QCOMPARE(before.exitCode, 1);

    const Run login = warroom({QStringLiteral("login"), address.display()},
                              ThrowawayPostgres::password().toUtf8() + "\n");
    QVERIFY2(login.exitCode == 0, qPrintable(login.err));
    QVERIFY(login.out.contains(QStringLiteral("kept in your keychain")));

    const Run listed =
        warroom({QStringLiteral("list"), QStringLiteral("--database"), address.display()});
    QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
    QVERIFY(listed.out.contains(QStringLiteral("Checkout failing")));
    const Run logged =
        warroom({QStringLiteral("log"), QStringLiteral("--database"), address.display(),
                 QStringLiteral("--incident"), QStringLiteral("1"),
                 QStringLiteral("signed in through the keychain")});
    QVERIFY2(logged.exitCode == 0, qPrintable(logged.err));

    const Run logout = warroom({QStringLiteral("logout"), address.display()});
    QCOMPARE(logout.exitCode, 0);
    const Run after =
        warroom({QStringLiteral("list"), QStringLiteral("--database"), address.display()});
    QCOMPARE(after.exitCode, 1);
    QVERIFY2(after.err.contains(QStringLiteral("warroom login")), qPrintable(after.err));
}

void TestSignIn::loginRefusesAWrongPasswordAndKeepsNothing()
{
    const WarRoomAddress address = newWarRoom();
    const Run login = warroom({QStringLiteral("login"), address.display()}, "not-the-password\n");
    QCOMPARE(login.exitCode, 1);
    QVERIFY2(login.err.contains(QStringLiteral("refused the password")), qPrintable(login.err));
    QVERIFY(login.err.contains(QStringLiteral("Nothing was stored")));
    QVERIFY(!PasswordKeychain::read(address)->has_value());

    const Run empty = warroom({QStringLiteral("login"), address.display()}, "\n");
    QCOMPARE(empty.exitCode, 2);
    QVERIFY(empty.err.contains(QStringLiteral("No password was given")));

    const Run unreachable = warroom(
        {QStringLiteral("login"), QStringLiteral("postgresql://ann@127.0.0.1:1/acme")}, "x\n");
    QCOMPARE(unreachable.exitCode, 1);
    QVERIFY2(unreachable.err.contains(QStringLiteral("Cannot reach the war room server")),
             qPrintable(unreachable.err));

    const Run file = warroom({QStringLiteral("login"), QStringLiteral("/tmp/room.sqlite")}, "x\n");
    QCOMPARE(file.exitCode, 2);
    QVERIFY(file.err.contains(QStringLiteral("only a shared war room")));
}

void TestSignIn::withoutAStoredPasswordTheMessageSaysHowToSignIn()
{
    const WarRoomAddress address = newWarRoom();
    const Run listed =
        warroom({QStringLiteral("list"), QStringLiteral("--database"), address.display()});
    QCOMPARE(listed.exitCode, 1);
    QVERIFY2(listed.err.contains(QStringLiteral("wants a password for warroom_tester")),
             qPrintable(listed.err));
    QVERIFY(listed.err.contains(QStringLiteral("warroom login ") + address.display()));
    QVERIFY(listed.err.contains(QStringLiteral("PGPASSWORD")));
}

void TestSignIn::passwordInTheAddressIsRefused()
{
    const WarRoomAddress address = newWarRoom();
    WarRoomAddress typed = address;
    typed.password = ThrowawayPostgres::password();
    const Run listed = warroom(
        {QStringLiteral("list"), QStringLiteral("--database"), ThrowawayPostgres::url(typed)});
    QCOMPARE(listed.exitCode, 2);
    QVERIFY2(listed.err.contains(QStringLiteral("carries a password")), qPrintable(listed.err));
    QVERIFY(!listed.err.contains(ThrowawayPostgres::password()));
}

void TestSignIn::storedPasswordIsFoundNowhereElse()
{
    const WarRoomAddress address = newWarRoom();
    const Run login = warroom({QStringLiteral("login"), address.display()},
                              ThrowawayPostgres::password().toUtf8() + "\n");
    QVERIFY2(login.exitCode == 0, qPrintable(login.err));
    const Run logged =
        warroom({QStringLiteral("log"), QStringLiteral("--database"), address.display(),
                 QStringLiteral("--incident"), QStringLiteral("1"), QStringLiteral("checked")});
    QVERIFY2(logged.exitCode == 0, qPrintable(logged.err));

    const QByteArray secret = ThrowawayPostgres::password().toUtf8();
    QVERIFY2(!m_printed.contains(secret), "a command printed the password");
    QVERIFY2(!m_server->dump(address.database).contains(secret), "the database holds it");
    QVERIFY2(!m_server->serverLog().contains(secret), "the server's log holds it");
    // Every file under this test's HOME (settings, caches), except the keyring's own
    // encrypted file, which is where it belongs.
    QDirIterator files(QDir::homePath(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    int searched = 0;
    int keyrings = 0;
    while (files.hasNext()) {
        const QString path = files.next();
        if (path.contains(QStringLiteral("/keyrings/"))) {
            ++keyrings;
            continue;
        }
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        ++searched;
        QVERIFY2(!file.readAll().contains(secret), qPrintable(path));
    }
    QVERIFY2(keyrings > 0, "the keyring's files are not under this HOME: searched the wrong place");
    qInfo("searched %d files under %s", searched, qPrintable(QDir::homePath()));
}

void TestSignIn::scriptsWithoutAKeychainUsePostgresConventions()
{
    const WarRoomAddress address = newWarRoom();
    QProcessEnvironment env = withoutKeychain();
    env.insert(QStringLiteral("PGPASSWORD"), ThrowawayPostgres::password());
    const Run listed =
        warroom({QStringLiteral("list"), QStringLiteral("--database"), address.display()}, {}, env);
    QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
    QVERIFY(listed.out.contains(QStringLiteral("Checkout failing")));

    QTemporaryDir home;
    QFile pgpass(home.filePath(QStringLiteral(".pgpass")));
    QVERIFY(pgpass.open(QIODevice::WriteOnly));
    pgpass.write(QStringLiteral("127.0.0.1:%1:%2:%3:%4\n")
                     .arg(address.port)
                     .arg(address.database, address.user, ThrowawayPostgres::password())
                     .toUtf8());
    pgpass.close();
    pgpass.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    QProcessEnvironment pgpassOnly = withoutKeychain();
    pgpassOnly.insert(QStringLiteral("HOME"), home.path());
    const Run fromFile = warroom(
        {QStringLiteral("list"), QStringLiteral("--database"), address.display()}, {}, pgpassOnly);
    QVERIFY2(fromFile.exitCode == 0, qPrintable(fromFile.err));
}

void TestSignIn::noKeychainIsAClearMessage()
{
    const WarRoomAddress address = newWarRoom();
    const Run login = warroom({QStringLiteral("login"), address.display()},
                              ThrowawayPostgres::password().toUtf8() + "\n", withoutKeychain());
    QCOMPARE(login.exitCode, 1);
    QVERIFY2(login.err.contains(QStringLiteral("There is no keychain on this desktop")),
             qPrintable(login.err));
    QVERIFY(login.err.contains(QStringLiteral("~/.pgpass")));

    const Run listed =
        warroom({QStringLiteral("list"), QStringLiteral("--database"), address.display()}, {},
                withoutKeychain());
    QCOMPARE(listed.exitCode, 1);
    QVERIFY2(listed.err.contains(QStringLiteral("wants a password")), qPrintable(listed.err));
    QVERIFY(listed.err.contains(QStringLiteral("There is no keychain on this desktop")));
}

void TestSignIn::lockedKeychainIsAClearMessage()
{
    const WarRoomAddress address = newWarRoom();
    QProcess lock;
    lock.start(QStringLiteral("dbus-send"),
               {QStringLiteral("--session"), QStringLiteral("--print-reply"),
                QStringLiteral("--dest=org.freedesktop.secrets"),
                QStringLiteral("/org/freedesktop/secrets"),
                QStringLiteral("org.freedesktop.Secret.Service.Lock"),
                QStringLiteral("array:objpath:/org/freedesktop/secrets/collection/login")});
    QVERIFY(lock.waitForFinished(10000));
    QVERIFY2(lock.exitCode() == 0, lock.readAllStandardError().constData());

    const Run login = warroom({QStringLiteral("login"), address.display()},
                              ThrowawayPostgres::password().toUtf8() + "\n");
    QCOMPARE(login.exitCode, 1);
    QVERIFY2(login.err.contains(QStringLiteral("The keychain is locked")), qPrintable(login.err));
    QVERIFY(login.err.contains(QStringLiteral("Unlock your keyring")));
}

QTEST_GUILESS_MAIN(TestSignIn)
#include "tst_signin.moc"
