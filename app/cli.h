#pragma once

#include "storage/ownerchannel.h"

#include <QStringList>

// The command-line side of warroom: writes through the same core as the window and needs
// no display, so monitoring scripts can post into the technical channel.
namespace Cli {
// True when the first argument names a command (new-incident, log, list) or asks for help.
bool handles(const QStringList &arguments);
// True for commands that draw (charts into a PDF): they need a QApplication, offscreen.
bool needsGraphics(const QStringList &arguments);
// Runs the command; returns the process exit code. Errors go to stderr as one line. A command
// on a war room another Warroom process has open is handed to that process to run.
int run(const QStringList &arguments);
// Runs a command another process handed over to this one, which owns the war room.
CommandReply runForwarded(const ForwardedCommand &forwarded);
} // namespace Cli
