#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QString>
#include <QTextStream>

#include <optional>

// Where a command reads its input and writes its answer: this process's terminal, or buffers
// that go back to the process that handed the command over (see ownerchannel.h).
class CommandIo
{
public:
    // Standard output, error and input of this process; the author is $USER.
    CommandIo();
    // Buffers; input is what the sender read from its own standard input, if anything.
    CommandIo(std::optional<QByteArray> input, QString user);
    CommandIo(const CommandIo &) = delete;
    CommandIo &operator=(const CommandIo &) = delete;

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }
    // The whole of standard input, read once.
    Result<QString> readInput();
    // Who a command acts as unless told otherwise.
    QString user() const { return m_user; }

    // Passes on, byte for byte, what another process printed for this command (the war room's
    // owner ran it), after what this one already wrote.
    void passOn(const QByteArray &out, const QByteArray &err);

    // What was written, for buffers.
    QByteArray takeOut();
    QByteArray takeErr();

private:
    QByteArray m_outBuffer;
    QByteArray m_errBuffer;
    QTextStream m_out;
    QTextStream m_err;
    bool m_terminal = true;
    std::optional<QByteArray> m_input;
    QString m_user;
};
