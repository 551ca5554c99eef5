#pragma once

#include "commandio.h"

#include <QCommandLineParser>
#include <QStringList>

// After the crisis from a terminal: the options put to the customer, the resolution report and
// its export, the debrief's figures and export, closing, and the book of known problems.
namespace AftermathCommands {
int addOption(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments);
int choose(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments);
int resolve(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments);
int exportReport(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments);
int debrief(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments);
int exportDebrief(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments);
int actionDone(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments);
int close(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments);
int knownProblems(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments);
} // namespace AftermathCommands
