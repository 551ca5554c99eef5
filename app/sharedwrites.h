#pragma once

#include "commandio.h"
#include "storage/incidentstore.h"
#include "storage/warroomaddress.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <memory>

class Clock;
class QueuedWrite;

// How the commands write to a shared war room whose server may be away: what cannot reach it
// waits in this user's outbox, and every command that reaches it delivers what waits first.
namespace SharedWrites {
constexpr int kExitUnreachable = 75; // EX_TEMPFAIL: with --no-queue, nothing was kept

QCommandLineOption noQueueOption();

// Opens the war room; on a shared one, delivers what waits in the outbox for it first and
// says so on the error stream.
Result<std::unique_ptr<IncidentStore>> open(CommandIo &io, const WarRoomAddress &address,
                                            OpenMode mode, const Clock &clock);

// Writes at once and prints the answer (an id, a number); when a shared war room's server
// cannot be reached, keeps the write in the outbox and prints "queued: …" (exit 0), or with
// --no-queue fails with kExitUnreachable. Returns the exit code.
int writeOrQueue(CommandIo &io, const QCommandLineParser &parser, const WarRoomAddress &address,
                 const QueuedWrite &write, const Clock &clock);

// The sync command: delivers the outbox, lists it, or retries or discards a refused item.
int sync(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments);
} // namespace SharedWrites
