#pragma once

#include "commandio.h"
#include "domain/result.h"
#include "storage/incidentstore.h"
#include "storage/warroomaddress.h"

#include <QCommandLineParser>
#include <QString>

#include <functional>
#include <memory>
#include <QStringList>

#include <optional>

// What every command shares: its exit codes, its one-line errors, its parsing.
namespace CommandSupport {
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;
constexpr int kExitTampered = 3;    // verify: the record was changed outside Warroom
constexpr int kExitSomeRefused = 4; // log --lines/--jsonl: the other lines were written

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
// The chosen war room, opened (and signed in to, for a shared one).
Result<std::unique_ptr<IncidentStore>> openStore(CommandIo &io, const QCommandLineParser &parser,
                                                 OpenMode mode, const Clock &clock);

Result<qint64> parseId(const QString &text, const QString &what);
QCommandLineOption idOption(const QString &name, const QString &what);
// --by NAME, $USER by default.
QCommandLineOption byOption(const CommandIo &io);
// The value of an option the command cannot do without, or why it is missing.
Result<QString> required(const QCommandLineParser &parser, const QCommandLineOption &option,
                         const QString &command);
// The values of the options a command cannot do without, in order, or the first one missing.
Result<QStringList> requiredValues(const QCommandLineParser &parser,
                                   const QList<QCommandLineOption> &options,
                                   const QString &command);
Result<qint64> requiredId(const QCommandLineParser &parser, const QCommandLineOption &option,
                          const QString &command, const QString &what);

// The war room opened on the incident a command names with option: or, when it cannot be,
// exitCode after saying why (2 for a missing or malformed id; 1 when the war room cannot be
// opened or has no such incident, so a typo never reads as an empty answer).
struct OpenedIncident
{
    std::unique_ptr<IncidentStore> store;
    qint64 id = 0;
    int exitCode = 0;
    explicit operator bool() const { return store != nullptr; }
};
OpenedIncident openIncident(CommandIo &io, const QCommandLineParser &parser,
                            const QCommandLineOption &option, const QString &command,
                            const Clock &clock);

// Runs draw on the application's thread and waits for it, from any thread. A window that is
// closing waits for its store's thread in turn: after a while the drawing is given up (and
// never started late) rather than the two waiting for each other for ever.
Outcome onApplicationThread(const std::function<Outcome()> &draw);
// The kinds `log` accepts: asks, answers and events have calls of their own.
QStringList postableKindNames();
} // namespace CommandSupport
