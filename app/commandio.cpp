#include "commandio.h"

#include <QFile>

#include <cstdio>

namespace {
QString userFromEnvironment()
{
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? QStringLiteral("cli") : user;
}
} // namespace

CommandIo::CommandIo() : m_out(stdout), m_err(stderr), m_user(userFromEnvironment()) {}

CommandIo::CommandIo(std::optional<QByteArray> input, QString user)
    : m_out(&m_outBuffer, QIODevice::WriteOnly), m_err(&m_errBuffer, QIODevice::WriteOnly),
      m_terminal(false), m_input(std::move(input)),
      m_user(user.isEmpty() ? QStringLiteral("cli") : std::move(user))
{}

Result<QString> CommandIo::readInput()
{
    if (!m_input) {
        if (!m_terminal)
            return Failure{QStringLiteral("This command's standard input was not passed on.")};
        QFile input;
        if (!input.open(stdin, QIODevice::ReadOnly))
            return Failure{QStringLiteral("Cannot read standard input.")};
        m_input = input.readAll();
    }
    return QString::fromUtf8(*m_input);
}

void CommandIo::passOn(const QByteArray &out, const QByteArray &err)
{
    m_out.flush();
    m_err.flush();
    if (!m_terminal) {
        m_outBuffer += out;
        m_errBuffer += err;
        return;
    }
    fwrite(out.constData(), 1, size_t(out.size()), stdout);
    fflush(stdout);
    fwrite(err.constData(), 1, size_t(err.size()), stderr);
}

QByteArray CommandIo::takeOut()
{
    m_out.flush();
    return std::exchange(m_outBuffer, {});
}

QByteArray CommandIo::takeErr()
{
    m_err.flush();
    return std::exchange(m_errBuffer, {});
}
