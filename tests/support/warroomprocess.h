#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// One run of the built warroom executable, as a script runs it.
struct CommandRun
{
    int exitCode = -1; // -1: did not finish in time; -2: crashed
    QString out;
    QString err;
};

// Runs warroom with arguments in environment, input on its standard input (then closed).
CommandRun runWarroom(const QStringList &arguments, const QProcessEnvironment &environment,
                      const QByteArray &input = {}, int timeoutMs = 60000);
