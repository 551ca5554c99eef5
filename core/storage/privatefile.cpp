#include "storage/privatefile.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

Outcome createPrivateFile(const QString &path)
{
    const int fd =
        ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0 && errno != EEXIST) {
        const int error = errno;
        return Failure{QStringLiteral("Cannot create %1: %2")
                           .arg(path, QString::fromLocal8Bit(std::strerror(error)))};
    }
    if (fd >= 0)
        ::close(fd);
    return done();
}
