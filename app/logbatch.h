#pragma once

#include "commandio.h"
#include "domain/logentry.h"
#include "storage/ownerchannel.h"

#include <QCommandLineParser>
#include <QStringList>

#include <functional>

class Clock;

// A script's stream of log entries: `warroom log --incident ID --lines` makes each line of
// standard input one entry; `--jsonl` reads one JSON object per line (kind, author, body, key,
// at). Input is read in batches of what has arrived, each batch written in one transaction and
// each line acknowledged on standard output with its entry's id as soon as its batch is
// written: a monitoring script piping for hours sees its lines land as they come.
namespace LogBatch {
// Whether the arguments ask for a stream (log --lines or --jsonl).
bool wanted(const QStringList &arguments);

// The options the log command takes for streams.
QList<QCommandLineOption> options();

// One batch, the round's standard input: the parser has the log command's options. The
// incident, and defaults for kind, author and whether a person wrote it, come from defaults.
// Returns the exit code: 0 when every line was written, 2 when some were refused (the rest were
// written), 1 when the batch failed as a whole and nothing of it was written.
int writeRound(CommandIo &io, const QCommandLineParser &parser, const NewLogEntry &defaults,
               const Clock &clock);

// Runs one batch against the war room as any command runs (here, or through the window that
// owns the file), with the batch as its standard input.
using Round = std::function<CommandReply(const QStringList &arguments, const QByteArray &input)>;
// Reads standard input batch by batch until it ends, each through runRound.
int stream(CommandIo &io, const QStringList &arguments, const Round &runRound);
} // namespace LogBatch
