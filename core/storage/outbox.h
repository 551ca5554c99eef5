#pragma once

#include "domain/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>

// One write kept in the Outbox, waiting to reach its war room.
struct OutboxItem
{
    qint64 id = 0;       // the order in which it was written
    QString warRoom;     // WarRoomAddress::display(): where it goes, and as whom
    QString key;         // its delivery key: the war room writes each key once
    QString kind;        // what it is (QueuedWrite reads it)
    QByteArray payload;  // its fields, as QueuedWrite wrote them
    QString summary;     // one line for people: "log entry: DB failover started"
    QDateTime writtenAt; // when it was written here
    QString conflict;    // why the war room refused it, when it did; empty while it waits
};

// What was written while a shared war room's server could not be reached, kept on this desktop
// until it is delivered: a SQLite file beside the user's data, private to the user, shared by
// the window and the commands. Items leave it only when delivered or discarded by someone;
// one the war room refused stays, with why, until a person decides.
//
// Several processes use the file, so every access holds an flock on "<outbox>.lock" for its
// whole transaction (SQLite's own POSIX locks vanish when any code in the process closes any
// descriptor of the file: see OwnerLock). Rollback journal and full sync: an item acknowledged
// survives a crash or a kill.
class Outbox
{
public:
    // outbox.sqlite beside the embedded war room, under the user's data folder.
    static QString defaultPath();
    // Creates the file when it is missing; refuses a file that is not an outbox.
    static Result<std::unique_ptr<Outbox>> open(const QString &path = defaultPath());
    // The user's outbox when there is one, else null: a desktop that never lost its server
    // has none, and looking does not create it.
    static Result<std::unique_ptr<Outbox>> openIfKept();
    ~Outbox();
    Outbox(const Outbox &) = delete;
    Outbox &operator=(const Outbox &) = delete;

    QString path() const { return m_path; }

    // Keeps the item; one whose key is already here is not added twice: the first is returned.
    Result<OutboxItem> add(const OutboxItem &item);
    // A war room's items, in the order written, refused ones included.
    Result<QList<OutboxItem>> items(const QString &warRoom) const;
    // How many items of the war room wait or were refused.
    Result<qint64> count(const QString &warRoom) const;
    // Delivered, or discarded by a person: gone from the outbox.
    Outcome remove(qint64 itemId);
    // The war room refused it: kept, with why, for a person to resolve or discard.
    Outcome markConflict(qint64 itemId, const QString &why);
    // A person asks for a refused item to be tried again.
    Outcome clearConflict(qint64 itemId);

private:
    Outbox(QString path, QString connectionName, int lockFd);
    Outcome prepare();
    // Runs body in one transaction while holding the outbox's flock.
    template <typename T, typename Body> Result<T> locked(Body &&body) const;

    QString m_path;
    QString m_connectionName;
    int m_lockFd = -1;
};
