#pragma once

#include <QString>

#include <memory>

// Which Warroom process owns a SQLite war room, and so may open it.
//
// Why: SQLite's locks are POSIX advisory locks, owned by the process. When any code in a
// process closes any descriptor of the database file (Qt's file dialog does, sniffing a
// folder), the process silently loses every lock it had on it. Another process then believes
// it is the last user, checkpoints and deletes the write-ahead log, and the first process
// writes stale pages over its work. flock() locks belong to the open file description and
// survive other descriptors being closed, so one Warroom process at a time holds an flock on
// "<database>.lock" and opens the database in EXCLUSIVE locking mode (no shared memory, no
// hand-over between processes). Every other Warroom process hands its commands to the owner
// over a local socket (OwnerChannel). The lock file is never deleted: a new file would let a
// second process lock "the" lock while the first still holds the old one.
//
// Within one process the lock is shared: a second acquire of the same war room returns the
// lock already held, so that a window and a command it runs use the one connection.
class OwnerLock
{
public:
    enum class State
    {
        Acquired,
        HeldElsewhere, // another process owns the war room
        Failed         // the lock file cannot be made or locked: see why
    };
    struct Attempt
    {
        State state = State::Failed;
        std::shared_ptr<OwnerLock> lock; // set when Acquired
        qint64 ownerPid = 0;             // when HeldElsewhere, if the owner wrote it
        QString why;                     // when Failed
    };

    // Never waits. databasePath should be absolute (see canonicalDatabasePath()).
    static Attempt tryAcquire(const QString &databasePath);

    // The path of the lock file that belongs to a database.
    static QString lockPathFor(const QString &databasePath);

    ~OwnerLock();
    OwnerLock(const OwnerLock &) = delete;
    OwnerLock &operator=(const OwnerLock &) = delete;

    QString databasePath() const { return m_databasePath; }

private:
    OwnerLock(QString databasePath, int fd);

    QString m_databasePath;
    int m_fd = -1;
};

// One spelling per database file, so that the lock, the socket name and the in-process
// registry agree however the path was written: the real folder plus the file name.
QString canonicalDatabasePath(const QString &path);
