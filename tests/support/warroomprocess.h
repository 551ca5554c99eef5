#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QProcess>
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

// "warroom tail --follow --json" running beside the test until the test ends; the test's event
// loop must run (QTRY_*) for a war room this process hosts to answer its rounds.
class Follower
{
public:
    Follower(const QStringList &arguments,
             const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());
    ~Follower();
    Follower(const Follower &) = delete;
    Follower &operator=(const Follower &) = delete;

    // Every entry it printed so far, in order.
    QList<QJsonObject> entries();
    // The "text" of each of them.
    QStringList texts();
    // Everything it said on stderr so far.
    QString errors();
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

private:
    QProcess m_process;
    QByteArray m_out;
    QByteArray m_err;
    QList<QJsonObject> m_entries;
};
