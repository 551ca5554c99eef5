#pragma once

#include "commandio.h"
#include "storage/ownerchannel.h"

#include <QCommandLineParser>
#include <QStringList>

#include <functional>

// Commands for scripts that read the record: the log as it grows, and the commitments. With
// --json each record is one JSON object on its own line, with the field names the README lists.
namespace ReadCommands {
// warroom tail --incident ID [--since SEQ] [--json]: log entries after SEQ, oldest first.
int tail(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments);
// warroom search --incident ID WORDS... [--json]: the log entries with every word, oldest first,
// printed as tail prints them.
int search(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments);
// warroom commitments --incident ID [--json]: every commitment with its id and state now.
int commitments(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments);

// Runs one command against the war room, as any command runs (itself or through the owner),
// and answers what it printed.
using Round = std::function<CommandReply(const QStringList &arguments)>;
// warroom tail --follow: round after round of "tail --since" through runRound, printing what
// is new as it arrives, until the process is stopped. Each round is a short command, so a
// follower never keeps a desktop's war room file from its window.
int follow(CommandIo &io, const QStringList &arguments, const Round &runRound);
bool wantsFollow(const QStringList &arguments);
} // namespace ReadCommands
