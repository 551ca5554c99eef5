#include "storage/ownerchannel.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocalSocket>
#include <QRandomGenerator>
#include <QThread>

#include <unistd.h>

namespace {
constexpr quint32 kMagic = 0x5752434D; // "WRCM"
constexpr quint32 kProtocol = 1;
// A 10 MB log entry must fit; nothing a person or script sends comes near this.
constexpr quint32 kMaxMessage = 64u * 1024 * 1024;
constexpr int kAnswerTimeoutMs = 120000;

enum class ReplyKind : quint8
{
    Done = 1,
    AskAgain = 2 // the owner is closing and did not run the command
};

QByteArray frame(const QByteArray &payload)
{
    QByteArray framed;
    QDataStream stream(&framed, QIODevice::WriteOnly);
    stream << quint32(payload.size());
    framed.append(payload);
    return framed;
}

// Takes one whole message off the front of buffer, if one has arrived.
std::optional<QByteArray> takeMessage(QByteArray &buffer, bool *tooLarge)
{
    if (buffer.size() < 4)
        return std::nullopt;
    quint32 length = 0;
    QDataStream(buffer.left(4)) >> length;
    if (length > kMaxMessage) {
        *tooLarge = true;
        return std::nullopt;
    }
    if (quint32(buffer.size()) < 4 + length)
        return std::nullopt;
    QByteArray message = buffer.mid(4, length);
    buffer.remove(0, 4 + qsizetype(length));
    return message;
}

QByteArray encodeCommand(const ForwardedCommand &command)
{
    QByteArray payload;
    QDataStream stream(&payload, QIODevice::WriteOnly);
    stream.setVersion(QDataStream::Qt_6_4);
    stream << kMagic << kProtocol << quint8(command.kind) << command.arguments << command.input
           << command.user;
    return payload;
}

std::optional<ForwardedCommand> decodeCommand(const QByteArray &payload)
{
    QDataStream stream(payload);
    stream.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0, protocol = 0;
    quint8 kind = 0;
    ForwardedCommand command;
    stream >> magic >> protocol >> kind >> command.arguments >> command.input >> command.user;
    if (stream.status() != QDataStream::Ok || magic != kMagic || protocol != kProtocol)
        return std::nullopt;
    if (kind != quint8(ForwardedCommand::Kind::Command) &&
        kind != quint8(ForwardedCommand::Kind::Activate))
        return std::nullopt;
    command.kind = ForwardedCommand::Kind(kind);
    return command;
}

QByteArray encodeReply(ReplyKind kind, const CommandReply &reply = {})
{
    QByteArray payload;
    QDataStream stream(&payload, QIODevice::WriteOnly);
    stream.setVersion(QDataStream::Qt_6_4);
    stream << kMagic << quint8(kind) << qint32(reply.exitCode) << reply.out << reply.err;
    return payload;
}

struct DecodedReply
{
    ReplyKind kind;
    CommandReply reply;
};

std::optional<DecodedReply> decodeReply(const QByteArray &payload)
{
    QDataStream stream(payload);
    stream.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    quint8 kind = 0;
    qint32 exitCode = 0;
    DecodedReply decoded{ReplyKind::Done, {}};
    stream >> magic >> kind >> exitCode >> decoded.reply.out >> decoded.reply.err;
    if (stream.status() != QDataStream::Ok || magic != kMagic ||
        (kind != quint8(ReplyKind::Done) && kind != quint8(ReplyKind::AskAgain)))
        return std::nullopt;
    decoded.kind = ReplyKind(kind);
    decoded.reply.exitCode = exitCode;
    return decoded;
}

void answer(QLocalSocket *socket, const QByteArray &payload)
{
    socket->write(frame(payload));
    socket->flush();
    // The sender waits for these bytes; a closing owner must not drop them.
    while (socket->bytesToWrite() > 0 && socket->waitForBytesWritten(5000)) {
    }
}

enum class DeliveryStatus
{
    Answered,
    NoOwnerListening, // nobody took the connection or the owner said "ask again"
    LostAfterSending, // the owner went away after the command reached it
    TimedOut
};

struct Delivery
{
    DeliveryStatus status;
    CommandReply reply;
};

Delivery deliver(const QString &socketName, const ForwardedCommand &command)
{
    QLocalSocket socket;
    socket.connectToServer(socketName);
    if (!socket.waitForConnected(2000))
        return {DeliveryStatus::NoOwnerListening, {}};
    socket.write(frame(encodeCommand(command)));
    bool sent = true;
    while (socket.bytesToWrite() > 0) {
        if (!socket.waitForBytesWritten(kAnswerTimeoutMs)) {
            sent = false;
            break;
        }
    }
    QByteArray buffer;
    QDeadlineTimer deadline(kAnswerTimeoutMs);
    while (!deadline.hasExpired()) {
        bool tooLarge = false;
        if (auto message = takeMessage(buffer, &tooLarge)) {
            const auto decoded = decodeReply(*message);
            if (!decoded)
                break;
            if (decoded->kind == ReplyKind::AskAgain)
                return {DeliveryStatus::NoOwnerListening, {}};
            return {DeliveryStatus::Answered, decoded->reply};
        }
        if (tooLarge)
            break;
        if (socket.state() != QLocalSocket::ConnectedState && socket.bytesAvailable() == 0)
            return {sent ? DeliveryStatus::LostAfterSending : DeliveryStatus::NoOwnerListening, {}};
        if (socket.waitForReadyRead(int(std::min<qint64>(deadline.remainingTime(), 1000))) ||
            socket.bytesAvailable() > 0)
            buffer.append(socket.readAll());
    }
    return {deadline.hasExpired() ? DeliveryStatus::TimedOut : DeliveryStatus::LostAfterSending,
            {}};
}

QString ownerDescription(qint64 pid)
{
    return pid > 0 ? QStringLiteral("Another Warroom process (pid %1)").arg(pid)
                   : QStringLiteral("Another Warroom process");
}
} // namespace

QString ownerSocketName(const QString &databasePath)
{
    const QByteArray digest =
        QCryptographicHash::hash(databasePath.toUtf8(), QCryptographicHash::Sha256).toHex();
    return QDir(QDir::tempPath())
        .filePath(QStringLiteral("warroom-%1-%2")
                      .arg(qulonglong(::getuid()))
                      .arg(QString::fromLatin1(digest.left(24))));
}

OwnerServer::OwnerServer(std::shared_ptr<OwnerLock> lock, Handler handler, QObject *parent)
    : QObject(parent), m_lock(std::move(lock)), m_handler(std::move(handler))
{
    m_server.setSocketOptions(QLocalServer::UserAccessOption);
    connect(&m_server, &QLocalServer::newConnection, this, &OwnerServer::accept);
}

OwnerServer::~OwnerServer()
{
    // First no one new can connect (they take the war room over once the lock is free); then
    // the connections already queued are taken in, so none is cut off unanswered.
    if (m_server.isListening()) {
        QFile::remove(m_server.fullServerName());
        bool timedOut = false;
        while (m_server.waitForNewConnection(0, &timedOut) && !timedOut) {
        }
        accept();
    }
    m_server.close();
    // Whatever has fully arrived is run and answered; the rest is told to ask again, so that
    // every sender knows whether its command was done.
    const auto sockets = m_pending.keys();
    for (QLocalSocket *socket : sockets) {
        socket->disconnect(this);
        QByteArray &buffer = m_pending[socket];
        buffer.append(socket->readAll());
        bool tooLarge = false;
        std::optional<QByteArray> message = takeMessage(buffer, &tooLarge);
        const auto command = message ? decodeCommand(*message) : std::nullopt;
        if (command && command->kind == ForwardedCommand::Kind::Command)
            answer(socket, encodeReply(ReplyKind::Done, m_handler(*command)));
        else
            answer(socket, encodeReply(ReplyKind::AskAgain));
        socket->disconnectFromServer();
        delete socket;
    }
}

Outcome OwnerServer::listen()
{
    const QString name = ownerSocketName(m_lock->databasePath());
    if (m_server.listen(name))
        return done();
    QLocalServer::removeServer(name); // ours to remove: we hold the lock
    if (m_server.listen(name))
        return done();
    return Failure{QStringLiteral("Cannot take commands from other Warroom processes: %1")
                       .arg(m_server.errorString())};
}

void OwnerServer::accept()
{
    while (QLocalSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(nullptr); // owned by m_pending until it is answered
        m_pending.insert(socket, {});
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { readFrom(socket); });
        connect(socket, &QLocalSocket::disconnected, this, [this, socket] {
            if (m_pending.remove(socket))
                socket->deleteLater();
        });
        readFrom(socket);
    }
}

void OwnerServer::readFrom(QLocalSocket *socket)
{
    auto found = m_pending.find(socket);
    if (found == m_pending.end())
        return;
    found->append(socket->readAll());
    bool tooLarge = false;
    const std::optional<QByteArray> message = takeMessage(*found, &tooLarge);
    if (!message && !tooLarge)
        return; // the rest is on its way
    m_pending.erase(found);
    socket->disconnect(this);
    const auto command = message ? decodeCommand(*message) : std::nullopt;
    if (!command) {
        CommandReply refused{2,
                             {},
                             QByteArrayLiteral("warroom: the war room's owner could not read "
                                               "this command (a different Warroom version?)\n")};
        answer(socket, encodeReply(ReplyKind::Done, refused));
    } else if (command->kind == ForwardedCommand::Kind::Activate) {
        answer(socket, encodeReply(ReplyKind::Done));
        emit activationRequested();
    } else {
        answer(socket, encodeReply(ReplyKind::Done, m_handler(*command)));
    }
    socket->disconnectFromServer();
    socket->deleteLater();
}

Result<Claim> claimOrForward(const QString &databasePath, const ForwardedCommand &command,
                             std::chrono::milliseconds patience, bool safeToRepeat)
{
    QDeadlineTimer deadline(patience);
    qint64 ownerPid = 0;
    for (;;) {
        OwnerLock::Attempt attempt = OwnerLock::tryAcquire(databasePath);
        if (attempt.state == OwnerLock::State::Acquired)
            return Claim{attempt.lock, std::nullopt};
        if (attempt.state == OwnerLock::State::Failed)
            return Failure{QStringLiteral("Cannot open %1: %2.").arg(databasePath, attempt.why)};
        ownerPid = attempt.ownerPid;

        const Delivery delivery = deliver(ownerSocketName(databasePath), command);
        switch (delivery.status) {
        case DeliveryStatus::Answered:
            return Claim{nullptr, delivery.reply};
        case DeliveryStatus::TimedOut:
            return Failure{QStringLiteral("%1 has %2 open and did not answer within %3 s; the "
                                          "command may or may not have been done.")
                               .arg(ownerDescription(ownerPid), databasePath)
                               .arg(kAnswerTimeoutMs / 1000)};
        case DeliveryStatus::LostAfterSending:
            if (safeToRepeat)
                break;
            return Failure{QStringLiteral("%1, which had %2 open, stopped before it answered; "
                                          "the command may or may not have been done. Check "
                                          "before repeating it (log --key makes a repeat safe).")
                               .arg(ownerDescription(ownerPid), databasePath)};
        case DeliveryStatus::NoOwnerListening:
            break;
        }
        if (deadline.hasExpired())
            break;
        // An owner that takes no commands is a command-line run: it finishes in moments.
        QThread::msleep(5 + QRandomGenerator::global()->bounded(20));
    }
    return Failure{QStringLiteral("%1 kept %2 busy for %3 s; nothing was done. Try again.")
                       .arg(ownerDescription(ownerPid), databasePath)
                       .arg(patience.count() / 1000)};
}
