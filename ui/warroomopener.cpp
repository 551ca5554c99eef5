#include "warroomopener.h"

#include "dialogs/connectdialog.h"
#include "dialogs/modalhook.h"
#include "mainwindow.h"
#include "recentwarrooms.h"
#include "storage/defaultlocation.h"
#include "storage/passwordkeychain.h"
#include "storage/storethread.h"
#include "useridentity.h"

#include <QFileInfo>
#include <QMessageBox>

#include <chrono>

struct WarRoomOpener::Room
{
    ~Room()
    {
        // The channel lives on the store's thread, and goes first; the lock goes last.
        if (commands)
            store->runAndWait([this](IncidentStore &) {
                commands.reset();
                return 0;
            });
        window.reset();
        store.reset();
    }

    std::shared_ptr<OwnerLock> ownership;
    std::unique_ptr<StoreThread> store;
    std::unique_ptr<MainWindow> window;
    std::unique_ptr<OwnerServer> commands;
};

WarRoomOpener::WarRoomOpener(const Clock &clock, OwnerServer::Handler commands, QObject *parent)
    : QObject(parent), m_clock(clock), m_commands(std::move(commands))
{}

WarRoomOpener::~WarRoomOpener() = default;

MainWindow *WarRoomOpener::window() const
{
    return m_room ? m_room->window.get() : nullptr;
}

Result<WarRoomOpener::Opened> WarRoomOpener::open(const WarRoomAddress &address, OpenMode mode)
{
    if (m_room && m_room->store->location() == address.display())
        return Opened::Here;
    auto room = prepare(address, mode);
    if (!room)
        return room.failure();
    if (!*room)
        return Opened::InAnotherWindow;
    install(room.take());
    return Opened::Here;
}

Result<std::unique_ptr<WarRoomOpener::Room>> WarRoomOpener::prepare(const WarRoomAddress &address,
                                                                    OpenMode mode)
{
    auto room = std::make_unique<Room>();
    // One process owns a SQLite war room (OwnerLock says why): if a window elsewhere has it,
    // that one comes to the front. A shared war room has no owner: every desktop connects.
    if (!address.isShared()) {
        ForwardedCommand activate;
        activate.kind = ForwardedCommand::Kind::Activate;
        auto claim = claimOrForward(address.path, activate, std::chrono::seconds(10), true);
        if (!claim)
            return claim.failure();
        if (claim->reply)
            return std::unique_ptr<Room>();
        room->ownership = claim->lock;
    }
    auto store = StoreThread::open(address, mode, m_clock);
    if (!store)
        return store.failure();
    room->store = store.take();
    room->window = std::make_unique<MainWindow>(*room->store, m_clock);
    MainWindow *window = room->window.get();
    if (room->ownership) {
        // Commands run where the war room's connection is: on the store's thread.
        const Outcome listening = room->store->runAndWait([&](IncidentStore &) {
            room->commands = std::make_unique<OwnerServer>(room->ownership, m_commands);
            return room->commands->listen();
        });
        connect(room->commands.get(), &OwnerServer::activationRequested, window, [window] {
            window->setWindowState((window->windowState() & ~Qt::WindowMinimized) |
                                   Qt::WindowActive);
            window->raise();
            window->activateWindow();
        });
        if (!listening)
            return listening.failure();
    }
    connect(window, &MainWindow::connectToSharedRequested, this,
            [this] { connectToShared({}, {}, false); });
    connect(window, &MainWindow::openLocalRequested, this, &WarRoomOpener::openLocal);
    connect(window, &MainWindow::openRecentRequested, this, &WarRoomOpener::openRecent);
    return room;
}

void WarRoomOpener::install(std::unique_ptr<Room> room)
{
    MainWindow *window = room->window.get();
    RecentWarRooms::remember(room->store->address());
    adoptDesktopPolicy(*room->store);
    std::unique_ptr<Room> previous = std::exchange(m_room, std::move(room));
    if (previous && previous->window->isVisible()) {
        window->restoreGeometry(previous->window->saveGeometry());
        window->show();
    }
    previous.reset();
    emit windowChanged(window);
}

void WarRoomOpener::adoptDesktopPolicy(StoreThread &store)
{
    // Before the policy lived in the war room, each desktop kept its own: a war room without
    // one takes this desktop's, as its first version, rather than silently dropping it.
    const auto kept = TeamPolicy::fromDesktopSettings();
    if (!kept)
        return;
    const QString who =
        UserIdentity::name().isEmpty() ? QStringLiteral("Warroom") : UserIdentity::name();
    const QString by = QStringLiteral("%1 (from a desktop's settings)").arg(who);
    // A failure here loses nothing: the settings stay, and the next opening tries again.
    store.run(
        &store,
        [policy = *kept, by](IncidentStore &store) -> Outcome {
            const auto current = store.policy();
            if (!current || current->version > 0)
                return done();
            return asOutcome(store.setPolicy(policy, by));
        },
        [](const Outcome &) {});
}

bool WarRoomOpener::connectToShared(const WarRoomAddress &prefill, const QString &problem,
                                    bool offerWorkLocally)
{
    // The new war room is prepared while the dialog is open (so a refusal keeps it open with
    // everything typed) and shown once it has closed: the dialog belongs to the old window.
    std::unique_ptr<Room> connected;
    QString keychainProblem;
    const auto connectTo = [&](const WarRoomAddress &address, bool remember) -> Outcome {
        auto room = prepare(address, OpenMode::CreateIfMissing);
        if (!room)
            return room.failure();
        connected = room.take();
        // Kept only once the server took it; with "remember" off, an old one goes too.
        Outcome kept = done();
        if (!remember)
            kept = PasswordKeychain::forget(address);
        else if (!address.password.isEmpty())
            kept = PasswordKeychain::store(address, address.password);
        if (!kept)
            keychainProblem = kept.error();
        return done();
    };
    const auto choice = ConnectDialog::ask(window(), prefill, problem, offerWorkLocally, connectTo);
    if (choice == ConnectDialog::Choice::WorkLocally) {
        const WarRoomAddress local = WarRoomAddress::sqliteFile(defaultDatabasePath());
        const auto opened = open(local, OpenMode::CreateIfMissing);
        if (!opened)
            ModalHook::showError(window(), tr("Warroom"), opened.error());
        return opened.ok();
    }
    if (choice != ConnectDialog::Choice::Connected || !connected)
        return false;
    install(std::move(connected));
    if (!keychainProblem.isEmpty())
        ModalHook::showError(window(), tr("Warroom"),
                             tr("The war room is open, but %1").arg(keychainProblem));
    return true;
}

void WarRoomOpener::openLocal()
{
    const QString current = m_room && !m_room->store->address().isShared()
                                ? m_room->store->location()
                                : defaultDatabasePath();
    const QString path = ModalHook::openFileName(
        window(), tr("Open local war room"), QFileInfo(current).absolutePath(),
        tr("Warroom databases (*.sqlite *.db);;All files (*)"));
    if (path.isEmpty())
        return;
    const WarRoomAddress address = WarRoomAddress::sqliteFile(QFileInfo(path).absoluteFilePath());
    showOutcome(open(address, OpenMode::MustExist), address);
}

void WarRoomOpener::openRecent(const QString &display)
{
    const auto address = WarRoomAddress::parse(display);
    if (!address) {
        RecentWarRooms::forget(display);
        ModalHook::showError(window(), tr("Warroom"), address.error());
        return;
    }
    const auto opened = open(*address, OpenMode::MustExist);
    // A server that wants a password nobody kept: ask for it rather than only refuse.
    if (!opened && address->isShared()) {
        connectToShared(*address, opened.error(), false);
        return;
    }
    showOutcome(opened, *address);
}

void WarRoomOpener::showOutcome(const Result<Opened> &opened, const WarRoomAddress &address)
{
    if (!opened)
        ModalHook::showError(window(), tr("Warroom"), opened.error());
    else if (*opened == Opened::InAnotherWindow)
        ModalHook::showError(window(), tr("Warroom"),
                             tr("%1 is open in another Warroom window, which was brought to the "
                                "front.")
                                 .arg(address.display()));
}
