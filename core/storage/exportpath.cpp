#include "storage/exportpath.h"

#include "storage/ownerlock.h"
#include "storage/schema.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QtEndian>

namespace {
// Every war room this version opened has its lock file beside it; an older one is known by
// SQLite's header: the magic string, and the application id at offset 68 (big-endian). The
// header alone is not enough: a new war room's first pages may still be in its write-ahead log.
bool isWarroomDatabase(const QString &path)
{
    if (QFile::exists(OwnerLock::lockPathFor(path)))
        return true;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray header = file.read(72);
    if (header.size() < 72 || !header.startsWith(QByteArrayLiteral("SQLite format 3")))
        return false;
    return qFromBigEndian<qint32>(header.constData() + 68) == kSqliteApplicationId;
}
} // namespace

Outcome checkExportPath(const QString &path)
{
    if (path.trimmed().isEmpty())
        return Failure{QStringLiteral("No file to write was given.")};
    const QString target = canonicalDatabasePath(path);
    if (QFileInfo(target).isDir())
        return Failure{QStringLiteral("%1 is a folder: name a file to write.").arg(path)};
    const auto refuse = [&](const QString &database) {
        return Failure{QStringLiteral("%1 belongs to the Warroom database %2; an export never "
                                      "writes over it. Choose another file.")
                           .arg(path, database)};
    };
    if (isWarroomDatabase(target))
        return refuse(target);
    for (const char *suffix : {"-wal", "-shm", "-journal", ".lock"}) {
        const QString companion = QString::fromLatin1(suffix);
        if (!target.endsWith(companion))
            continue;
        const QString database = target.left(target.size() - companion.size());
        if (isWarroomDatabase(database))
            return refuse(database);
    }
    return done();
}

Outcome writeTextExport(const QString &path, const QString &text)
{
    if (Outcome allowed = checkExportPath(path); !allowed)
        return allowed;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Failure{QStringLiteral("Cannot write %1: %2").arg(path, file.errorString())};
    file.write(text.toUtf8() + '\n');
    if (!file.commit())
        return Failure{QStringLiteral("Cannot write %1: %2. Any earlier file there is unchanged.")
                           .arg(path, file.errorString())};
    return done();
}
