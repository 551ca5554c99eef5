#pragma once

#include "commandio.h"

#include <QCommandLineParser>
#include <QStringList>

// warroom migrate --from PATH|URL --to URL|PATH: a desktop's war room onto a team's server, or
// back (storage/warroomcopy.h says how it stays the same record).
namespace MigrateCommand {
int run(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments);
} // namespace MigrateCommand
