#pragma once

#include "domain/result.h"
#include "storage/ownerlock.h"

#include <QByteArray>
#include <QHash>
#include <QLocalServer>
#include <QObject>
#include <QStringList>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class QLocalSocket;

// A command another Warroom process asks the owner of a war room to run for it (see
// OwnerLock for why only the owner touches the file). Paths in it are resolved by the sender.
struct ForwardedCommand
{
    enum class Kind
    {
        Command = 1, // run these command-line arguments against the war room
        Activate = 2 // a second window was started on the war room: show yours instead
    };
    Kind kind = Kind::Command;
    QStringList arguments; // as a command line: arguments[0] is the program
    QByteArray input;      // standard input, when the command reads it
    QString user;          // the sender's user name, the default author
};

struct CommandReply
{
    int exitCode = 0;
    QByteArray out;
    QByteArray err;
};

// The owner's side: runs each command it is handed, one at a time, on its own thread, and
// answers. Commands that arrive while it shuts down are answered "not done, ask again" so the
// sender can take ownership itself; nothing is half-run.
class OwnerServer : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<CommandReply(const ForwardedCommand &)>;

    OwnerServer(std::shared_ptr<OwnerLock> lock, Handler handler, QObject *parent = nullptr);
    ~OwnerServer() override;

    // Starts taking commands. Only the lock's holder may listen, so a socket file left by a
    // process that died is known to be stale and is replaced.
    Outcome listen();

signals:
    void activationRequested();

private:
    void accept();
    void readFrom(QLocalSocket *socket);

    std::shared_ptr<OwnerLock> m_lock;
    Handler m_handler;
    QLocalServer m_server;
    QHash<QLocalSocket *, QByteArray> m_pending;
};

// The other side: either this process comes to own the war room, or the owner runs the
// command and its reply comes back. Waits up to `patience` for an owner that does not take
// commands (a command-line run) to finish.
struct Claim
{
    std::shared_ptr<OwnerLock> lock;   // set: this process owns the war room now
    std::optional<CommandReply> reply; // set: the owner ran the command
};
Result<Claim> claimOrForward(const QString &databasePath, const ForwardedCommand &command,
                             std::chrono::milliseconds patience, bool safeToRepeat);

// The local socket an owner listens on, one per database file and user.
QString ownerSocketName(const QString &databasePath);
