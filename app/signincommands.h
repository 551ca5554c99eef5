#pragma once

#include "commandio.h"

#include <QCommandLineParser>
#include <QStringList>

// Signing in to a shared war room from a terminal or a script: the password goes to the
// desktop's keychain, never to a file, a setting or a command line.
namespace SignInCommands {
// warroom login URL: reads the password from the terminal (not echoed) or the first line of
// standard input, checks it with the server, and keeps it in the keychain.
int login(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments);
// warroom logout URL: removes the kept password.
int logout(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments);
} // namespace SignInCommands
