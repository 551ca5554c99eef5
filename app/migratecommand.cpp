#include "migratecommand.h"

#include "commandsupport.h"
#include "storage/database.h"
#include "storage/warroomcopy.h"

#include <QFile>
#include <QFileInfo>

using namespace CommandSupport;

namespace MigrateCommand {
int run(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption from(QStringLiteral("from"),
                                  QStringLiteral("The war room to copy (a file or a server)."),
                                  QStringLiteral("PATH|URL"));
    const QCommandLineOption to(QStringLiteral("to"),
                                QStringLiteral("Where to copy it: an empty war room, created "
                                               "when it does not exist yet."),
                                QStringLiteral("URL|PATH"));
    parser.addOptions({from, to});
    if (auto stop = parseOrStop(io, parser, arguments))
        return *stop;
    if (!parser.isSet(from) || !parser.isSet(to))
        return fail(io, QStringLiteral("migrate needs --from and --to."), kExitUsage);
    const auto source = parseAddress(parser.value(from));
    if (!source)
        return fail(io, source.error(), kExitUsage);
    const auto target = parseAddress(parser.value(to));
    if (!target)
        return fail(io, target.error(), kExitUsage);
    if (source->display() == target->display())
        return fail(io, QStringLiteral("--from and --to name the same war room."), kExitUsage);

    const auto reading = Database::open(*source, OpenMode::MustExist);
    if (!reading)
        return fail(io, reading.error());
    // A file made for the copy goes again if the copy does not happen.
    const bool newFile = !target->isShared() && !QFileInfo::exists(target->path);
    auto writing = Database::open(*target, OpenMode::CreateIfMissing);
    if (!writing)
        return fail(io, writing.error());
    const auto copied = WarRoomCopy::copy(**reading, **writing);
    if (!copied) {
        if (newFile) {
            writing->reset();
            for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"),
                                          QStringLiteral(".lock")})
                QFile::remove(target->path + suffix);
        }
        return fail(io, copied.error());
    }
    QStringList counts;
    for (const auto &[table, rows] : copied->rowsPerTable)
        counts.append(QStringLiteral("%1 %2").arg(rows).arg(table));
    io.out() << "Copied " << source->display() << " to " << target->display() << ": "
             << counts.join(QStringLiteral(", ")) << "; " << copied->records
             << " records, hash chains intact." << Qt::endl;
    return 0;
}
} // namespace MigrateCommand
