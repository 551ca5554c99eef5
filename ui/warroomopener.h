#pragma once

#include "domain/result.h"
#include "storage/database.h"
#include "storage/ownerchannel.h"
#include "storage/warroomaddress.h"

#include <QObject>

#include <memory>

class Clock;
class StoreThread;
class MainWindow;

// Which war room the window shows, and the change to another: File > Connect to shared war
// room, Open local war room, Open recent. One war room at a time; the new one opens before the
// old one closes, so a failed open (a wrong password, a server away, a file that is not ours)
// leaves the person where they were, with the reason.
//
// Owns, in this order of teardown: the owner channel of a SQLite war room (other processes
// hand it their commands, run on the store's thread), the window, its store on its thread, and
// the ownership of the file.
class WarRoomOpener : public QObject
{
    Q_OBJECT
public:
    enum class Opened
    {
        Here,
        InAnotherWindow // a SQLite war room another Warroom window has: that one was raised
    };

    WarRoomOpener(const Clock &clock, OwnerServer::Handler commands, QObject *parent = nullptr);
    ~WarRoomOpener() override;

    // Opens address in a new window in place of the current one (shown when one was shown).
    Result<Opened> open(const WarRoomAddress &address, OpenMode mode);
    MainWindow *window() const;

    // The dialogs behind the File menu. connectToShared returns whether a war room was opened;
    // with offerWorkLocally it can open the desktop's own war room instead.
    bool connectToShared(const WarRoomAddress &prefill, const QString &problem,
                         bool offerWorkLocally);
    void openLocal();
    void openRecent(const QString &display);

signals:
    // A new window shows a war room (tests and the desktop integration follow it).
    void windowChanged(MainWindow *window);

private:
    struct Room;
    // The war room's store and window, not yet shown; none when another window has it.
    Result<std::unique_ptr<Room>> prepare(const WarRoomAddress &address, OpenMode mode);
    // Shows room in place of the current one, which closes.
    void install(std::unique_ptr<Room> room);
    static void adoptDesktopPolicy(StoreThread &store);
    void showOutcome(const Result<Opened> &opened, const WarRoomAddress &address);

    const Clock &m_clock;
    OwnerServer::Handler m_commands;
    std::unique_ptr<Room> m_room;
};
