#include "dialogs/modalhook.h"
#include "mainwindow.h"
#include "recentwarrooms.h"
#include "scratchwarroom.h"
#include "storage/defaultlocation.h"
#include "storage/passwordkeychain.h"
#include "storage/storethread.h"
#include "throwawaypostgres.h"
#include "warroomopener.h"

#include <QCheckBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// File > Connect to shared war room / Open local war room / Open recent, on the real window,
// a real PostgreSQL server and a real keychain (support/with-keyring.sh), offscreen.
class TestWarRoomOpener : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void switchingLocalWarRoomsReleasesTheOldFile();
    void aDesktopsOldSettingsBecomeTheFirstPolicy();
    void aFileThatIsNotOursLeavesTheWindowAsItWas();
    void connectKeepsTypingUntilTheServerTakesThePassword();
    void rememberedPasswordOpensFromRecentWithoutAsking();
    void recentServerWithoutPasswordAsksForIt();
    void workLocallyOpensTheDesktopsOwnWarRoom();

private:
    // Answers the connect dialog: fills what is given, presses Connect, and returns what the
    // dialog shows afterwards when it stays open.
    void answerConnectWith(const WarRoomAddress &address, const QString &password, bool remember,
                           QStringList *problems, int attempts = 1);
    static bool fileIsFree(const QString &path);
    WarRoomAddress newServerWarRoom();
    // The policy of the war room the window shows, read on its store's thread.
    TeamPolicy windowPolicy() const
    {
        return m_opener->window()->store().runAndWait(
            [](IncidentStore &store) { return store.policyOrDefaults(); });
    }

    std::unique_ptr<ThrowawayPostgres> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<WarRoomOpener> m_opener;
    SystemClock m_clock;
    QStringList m_errors;
};

void TestWarRoomOpener::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
             "run under tests/support/with-keyring.sh");
    QStandardPaths::setTestModeEnabled(true);
    m_server = std::make_unique<ThrowawayPostgres>();
}

void TestWarRoomOpener::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_errors.clear();
    QSettings().clear();
    ModalHook::setMessageHandler(
        [this](const QString &, const QString &text) { m_errors.append(text); });
    m_opener = std::make_unique<WarRoomOpener>(m_clock, [](const ForwardedCommand &) {
        return CommandReply{2, {}, QByteArray("not in this test")};
    });
}

void TestWarRoomOpener::cleanup()
{
    m_opener.reset();
    ModalHook::setDialogHandler({});
    ModalHook::setFileNameHandler({});
    ModalHook::setMessageHandler({});
}

bool TestWarRoomOpener::fileIsFree(const QString &path)
{
    // Another process tries the owner's lock: it gets it only when nobody holds the war room.
    QProcess flock;
    flock.start(QStringLiteral("flock"), {QStringLiteral("--nonblock"),
                                          path + QStringLiteral(".lock"), QStringLiteral("true")});
    return flock.waitForFinished(10000) && flock.exitCode() == 0;
}

WarRoomAddress TestWarRoomOpener::newServerWarRoom()
{
    WarRoomAddress address = m_server->newDatabase();
    {
        ScratchWarRoom room(address);
        room.addIncident(QStringLiteral("Payments declined"));
    }
    return address;
}

void TestWarRoomOpener::answerConnectWith(const WarRoomAddress &address, const QString &password,
                                          bool remember, QStringList *problems, int attempts)
{
    ModalHook::setDialogHandler([=](QDialog &dialog) {
        auto field = [&dialog](const char *name) {
            return dialog.findChild<QLineEdit *>(QString::fromLatin1(name));
        };
        field("hostLineEdit")->setText(address.host);
        field("portLineEdit")->setText(QString::number(address.port));
        field("databaseLineEdit")->setText(address.database);
        field("userLineEdit")->setText(address.user);
        dialog.findChild<QCheckBox *>(QStringLiteral("rememberCheckBox"))->setChecked(remember);
        problems->append(dialog.findChild<QLabel *>(QStringLiteral("errorLabel"))->text());
        // Wrong first, as a person in a hurry types it, then right.
        for (int i = 1; i <= attempts; ++i) {
            field("passwordLineEdit")->setText(i < attempts ? QStringLiteral("wrong") : password);
            dialog.accept();
            if (dialog.result() == QDialog::Accepted)
                return int(QDialog::Accepted);
            problems->append(dialog.findChild<QLabel *>(QStringLiteral("errorLabel"))->text());
        }
        return int(QDialog::Rejected);
    });
}

void TestWarRoomOpener::switchingLocalWarRoomsReleasesTheOldFile()
{
    const QString first = m_dir->filePath(QStringLiteral("first.sqlite"));
    const QString second = m_dir->filePath(QStringLiteral("second.sqlite"));
    QVERIFY(m_opener->open(WarRoomAddress::sqliteFile(second), OpenMode::CreateIfMissing));
    QVERIFY(m_opener->open(WarRoomAddress::sqliteFile(first), OpenMode::CreateIfMissing));
    m_opener->window()->show();
    QVERIFY(!fileIsFree(first));
    QVERIFY(fileIsFree(second));

    ModalHook::setFileNameHandler([&](const QString &) { return second; });
    emit m_opener->window()->openLocalRequested();
    QVERIFY2(m_errors.isEmpty(), qPrintable(m_errors.join(u'\n')));
    QCOMPARE(m_opener->window()->store().location(), second);
    QVERIFY(m_opener->window()->isVisible());
    QVERIFY(m_opener->window()->windowTitle().contains(QStringLiteral("second.sqlite")));
    QVERIFY(fileIsFree(first));
    QVERIFY(!fileIsFree(second));
    QCOMPARE(RecentWarRooms::list(), (QStringList{second, first}));
}

void TestWarRoomOpener::aDesktopsOldSettingsBecomeTheFirstPolicy()
{
    // What an earlier Warroom kept in this desktop's settings is not dropped: a war room with no
    // policy yet takes it as its first version; one that has a policy keeps its own.
    QSettings().setValue(QStringLiteral("briefing/cadence"),
                         QVariantMap{{QStringLiteral("sev2Secs"), 45 * 60}});
    QSettings().setValue(QStringLiteral("plainLanguage/userJargon"),
                         QVariantMap{{QStringLiteral("blue-green switch"),
                                      QStringLiteral("move to the standby system")}});
    const QString path = m_dir->filePath(QStringLiteral("room.sqlite"));
    QVERIFY(m_opener->open(WarRoomAddress::sqliteFile(path), OpenMode::CreateIfMissing));
    // Adopted on the store's thread, as the window opens.
    QTRY_COMPARE(windowPolicy().version, 1);
    const TeamPolicy adopted = windowPolicy();
    QCOMPARE(adopted.cadence.sev2Secs, 45 * 60);
    QCOMPARE(adopted.cadence.sev1Secs, BriefingCadence().sev1Secs);
    QCOMPARE(adopted.jargon.value(QStringLiteral("blue-green switch")),
             QStringLiteral("move to the standby system"));

    QSettings().setValue(QStringLiteral("briefing/cadence"),
                         QVariantMap{{QStringLiteral("sev2Secs"), 20 * 60}});
    const QString other = m_dir->filePath(QStringLiteral("other.sqlite"));
    QVERIFY(m_opener->open(WarRoomAddress::sqliteFile(other), OpenMode::CreateIfMissing));
    QVERIFY(m_opener->open(WarRoomAddress::sqliteFile(path), OpenMode::MustExist));
    QTest::qWait(100); // time to adopt, were it wrongly done again
    QCOMPARE(windowPolicy().version, 1);
    QCOMPARE(windowPolicy().cadence.sev2Secs, 45 * 60);
}

void TestWarRoomOpener::aFileThatIsNotOursLeavesTheWindowAsItWas()
{
    const QString ours = m_dir->filePath(QStringLiteral("ours.sqlite"));
    QVERIFY(m_opener->open(WarRoomAddress::sqliteFile(ours), OpenMode::CreateIfMissing));
    MainWindow *before = m_opener->window();
    const QString notes = m_dir->filePath(QStringLiteral("notes.txt"));
    QFile file(notes);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("shopping list\n");
    file.close();
    const QByteArray digest = fileDigest(notes);

    ModalHook::setFileNameHandler([&](const QString &) { return notes; });
    emit before->openLocalRequested();
    QCOMPARE(m_errors.size(), 1);
    QVERIFY2(m_errors.first().contains(QStringLiteral("not a Warroom database")),
             qPrintable(m_errors.first()));
    QCOMPARE(m_opener->window(), before);
    QCOMPARE(before->store().location(), ours);
    QCOMPARE(fileDigest(notes), digest);
    QCOMPARE(RecentWarRooms::list(), QStringList{ours});
}

void TestWarRoomOpener::connectKeepsTypingUntilTheServerTakesThePassword()
{
    QVERIFY(m_opener->open(WarRoomAddress::sqliteFile(m_dir->filePath(QStringLiteral("l.sqlite"))),
                           OpenMode::CreateIfMissing));
    const WarRoomAddress address = newServerWarRoom();
    QStringList problems;
    answerConnectWith(address, address.password, true, &problems, 2);
    emit m_opener->window()->connectToSharedRequested();

    QCOMPARE(problems.size(), 2);
    QVERIFY(problems.first().isEmpty());
    QVERIFY2(problems.at(1).contains(QStringLiteral("refused the password")),
             qPrintable(problems.at(1)));
    QVERIFY2(m_errors.isEmpty(), qPrintable(m_errors.join(u'\n')));
    QCOMPARE(m_opener->window()->store().location(), address.display());
    QVERIFY(m_opener->window()->windowTitle().contains(address.display()));
    const auto kept = PasswordKeychain::read(address);
    QVERIFY2(kept, qPrintable(kept.error()));
    QCOMPARE(kept->value_or(QString()), address.password);

    // The address is remembered, the password is not: not in the settings, not in the title.
    QCOMPARE(RecentWarRooms::list().first(), address.display());
    QSettings settings;
    settings.sync();
    QFile stored(settings.fileName());
    QVERIFY(stored.open(QIODevice::ReadOnly));
    const QByteArray content = stored.readAll();
    QVERIFY(content.contains(address.database.toUtf8()));
    QVERIFY2(!content.contains(address.password.toUtf8()), content.constData());
    QVERIFY(!m_opener->window()->windowTitle().contains(address.password));
    QVERIFY(PasswordKeychain::forget(address));
}

void TestWarRoomOpener::rememberedPasswordOpensFromRecentWithoutAsking()
{
    const WarRoomAddress address = newServerWarRoom();
    QVERIFY(PasswordKeychain::store(address, address.password));
    QVERIFY(m_opener->open(WarRoomAddress::sqliteFile(m_dir->filePath(QStringLiteral("l.sqlite"))),
                           OpenMode::CreateIfMissing));
    ModalHook::setDialogHandler(
        [](QDialog &) -> int { qFatal("no dialog was expected: the keychain has the password"); });
    emit m_opener->window()->openRecentRequested(address.display());
    QVERIFY2(m_errors.isEmpty(), qPrintable(m_errors.join(u'\n')));
    QCOMPARE(m_opener->window()->store().location(), address.display());
    QVERIFY(PasswordKeychain::forget(address));
}

void TestWarRoomOpener::recentServerWithoutPasswordAsksForIt()
{
    const WarRoomAddress address = newServerWarRoom();
    const QString local = m_dir->filePath(QStringLiteral("l.sqlite"));
    QVERIFY(m_opener->open(WarRoomAddress::sqliteFile(local), OpenMode::CreateIfMissing));
    QStringList problems;
    QString prefilled;
    ModalHook::setDialogHandler([&](QDialog &dialog) {
        problems.append(dialog.findChild<QLabel *>(QStringLiteral("errorLabel"))->text());
        prefilled = dialog.findChild<QLineEdit *>(QStringLiteral("databaseLineEdit"))->text();
        return int(QDialog::Rejected);
    });
    emit m_opener->window()->openRecentRequested(address.display());
    QCOMPARE(prefilled, address.database);
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(QStringLiteral("wants a password")),
             qPrintable(problems.first()));
    QCOMPARE(m_opener->window()->store().location(), local);
}

void TestWarRoomOpener::workLocallyOpensTheDesktopsOwnWarRoom()
{
    // As at start-up on a server that is not there: no window yet, the dialog offers the
    // desktop's own war room.
    WarRoomAddress away = *WarRoomAddress::parse(QStringLiteral("postgresql://ann@127.0.0.1:1/x"));
    bool offered = false;
    ModalHook::setDialogHandler([&offered](QDialog &dialog) {
        offered = dialog.findChild<QWidget *>(QStringLiteral("workLocallyButton")) != nullptr;
        return 2; // the "Work locally" button's result
    });
    QVERIFY(m_opener->connectToShared(away, QStringLiteral("Cannot reach"), true));
    QVERIFY(offered);
    QCOMPARE(m_opener->window()->store().location(), defaultDatabasePath());
}

QTEST_MAIN(TestWarRoomOpener)
#include "tst_warroomopener.moc"
