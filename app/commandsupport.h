#pragma once

#include "commandio.h"
#include "domain/result.h"
#include "storage/warroomaddress.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <optional>

// What every command shares: its exit codes, its one-line errors, its parsing.
namespace CommandSupport {
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;
constexpr int kExitTampered = 3; // verify: the record was changed outside Warroom

// Writes "warroom: MESSAGE" as one line to the command's error stream.
void tell(CommandIo &io, const QString &message);
// Tells the message; returns code.
int fail(CommandIo &io, const QString &message, int code = kExitFailed);

// Parses without QCommandLineParser::process(), which would end the process: a command may
// run inside the window that owns the war room. Returns the exit code when parsing ends the
// command (an error, or --help).
std::optional<int> parseOrStop(CommandIo &io, QCommandLineParser &parser,
                               const QStringList &arguments);

// The address as typed; a password in it is refused, because every user of this computer can
// read a command line (ps): sign in with "warroom login", or use PGPASSWORD or ~/.pgpass.
Result<WarRoomAddress> parseAddress(const QString &typed);
// The war room a command works on: --database, or the desktop's own file.
Result<WarRoomAddress> chosenAddress(const QCommandLineParser &parser);
} // namespace CommandSupport
