#include "storage/ownerlock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace {
QMutex &registryMutex()
{
    static QMutex mutex;
    return mutex;
}

// The locks this process holds, by database path.
QHash<QString, std::weak_ptr<OwnerLock>> &heldLocks()
{
    static QHash<QString, std::weak_ptr<OwnerLock>> locks;
    return locks;
}

qint64 readOwnerPid(int fd)
{
    char buffer[32] = {};
    const ssize_t read = ::pread(fd, buffer, sizeof buffer - 1, 0);
    if (read <= 0)
        return 0;
    return QByteArray(buffer, int(read)).trimmed().toLongLong();
}

void writeOwnerPid(int fd)
{
    const QByteArray pid = QByteArray::number(qint64(::getpid())) + '\n';
    if (::ftruncate(fd, 0) == 0 && ::pwrite(fd, pid.constData(), size_t(pid.size()), 0) < 0) {
        // The pid only improves messages; owning does not depend on it.
    }
}
} // namespace

QString canonicalDatabasePath(const QString &path)
{
    const QFileInfo file(path);
    const QString folder = QFileInfo(file.absolutePath()).canonicalFilePath();
    if (folder.isEmpty())
        return file.absoluteFilePath();
    if (file.exists() && file.isSymLink())
        return file.canonicalFilePath();
    return QDir(folder).filePath(file.fileName());
}

QString OwnerLock::lockPathFor(const QString &databasePath)
{
    return databasePath + QStringLiteral(".lock");
}

OwnerLock::Attempt OwnerLock::tryAcquire(const QString &databasePath)
{
    QMutexLocker locker(&registryMutex());
    if (auto held = heldLocks().value(databasePath).lock())
        return {State::Acquired, held, 0, {}};

    // A new war room's folder is made private: the technical log is confidential.
    const QString folder = QFileInfo(databasePath).absolutePath();
    if (!QFileInfo(folder).isDir()) {
        if (!QDir().mkpath(folder))
            return {
                State::Failed, {}, 0, QStringLiteral("cannot create the folder %1").arg(folder)};
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    const QByteArray lockPath = QFile::encodeName(lockPathFor(databasePath));
    const int fd = ::open(lockPath.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        const int error = errno;
        if (error == EROFS || error == EACCES || error == EPERM)
            return {State::Failed,
                    {},
                    0,
                    QStringLiteral("its folder is read-only, and Warroom must write its lock file "
                                   "%1 beside it (%2); copy the war room to a folder you can "
                                   "write to")
                        .arg(QString::fromLocal8Bit(lockPath),
                             QString::fromLocal8Bit(std::strerror(error)))};
        return {State::Failed,
                {},
                0,
                QStringLiteral("cannot create the lock file %1 (%2)")
                    .arg(QString::fromLocal8Bit(lockPath),
                         QString::fromLocal8Bit(std::strerror(error)))};
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        const qint64 pid = readOwnerPid(fd);
        ::close(fd);
        if (error == EWOULDBLOCK)
            return {State::HeldElsewhere, {}, pid, {}};
        return {State::Failed,
                {},
                0,
                QStringLiteral("cannot lock %1 (%2)")
                    .arg(QString::fromLocal8Bit(lockPath),
                         QString::fromLocal8Bit(std::strerror(error)))};
    }
    writeOwnerPid(fd);
    std::shared_ptr<OwnerLock> lock(new OwnerLock(databasePath, fd));
    heldLocks().insert(databasePath, lock);
    return {State::Acquired, lock, 0, {}};
}

OwnerLock::OwnerLock(QString databasePath, int fd)
    : m_databasePath(std::move(databasePath)), m_fd(fd)
{}

OwnerLock::~OwnerLock()
{
    QMutexLocker locker(&registryMutex());
    if (heldLocks().value(m_databasePath).expired())
        heldLocks().remove(m_databasePath);
    if (::ftruncate(m_fd, 0) != 0) {
        // A stale pid only makes a later message less precise.
    }
    ::close(m_fd); // releases the flock
}
