#include "signincommands.h"

#include "commandsupport.h"
#include "storage/database.h"
#include "storage/passwordkeychain.h"
#include "storage/postgresengine.h"

#include <QFile>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

using namespace CommandSupport;

namespace SignInCommands {
namespace {
// Turns the terminal's echo off while it lives.
class EchoOff
{
public:
    explicit EchoOff(int terminal) : m_terminal(terminal)
    {
        m_saved = tcgetattr(m_terminal, &m_original) == 0;
        if (m_saved) {
            termios quiet = m_original;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            tcsetattr(m_terminal, TCSAFLUSH, &quiet);
        }
    }
    ~EchoOff()
    {
        if (m_saved)
            tcsetattr(m_terminal, TCSAFLUSH, &m_original);
    }
    EchoOff(const EchoOff &) = delete;
    EchoOff &operator=(const EchoOff &) = delete;

private:
    int m_terminal;
    termios m_original{};
    bool m_saved = false;
};

// One line of standard input without its line ending; asked for, unechoed, on a terminal.
Result<QString> readPassword(CommandIo &io, const WarRoomAddress &address)
{
    const int input = fileno(stdin);
    const bool terminal = isatty(input);
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return Failure{QStringLiteral("Cannot read standard input.")};
    QByteArray line;
    if (terminal) {
        io.err() << "Password for " << address.display() << ": " << Qt::flush;
        EchoOff quiet(input);
        line = in.readLine(4096);
        io.err() << Qt::endl;
    } else {
        line = in.readLine(4096);
    }
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    if (line.isEmpty())
        return Failure{QStringLiteral("No password was given (type it, or pipe it as the first "
                                      "line of standard input).")};
    return QString::fromUtf8(line);
}

// Parses the command line and its one URL into address; the exit code when that ends the
// command (help, or a usage error).
std::optional<int> parseServerAddress(CommandIo &io, QCommandLineParser &parser,
                                      const QStringList &arguments, WarRoomAddress &address)
{
    parser.addPositionalArgument(QStringLiteral("URL"),
                                 QStringLiteral("postgresql://USER@HOST:PORT/DATABASE"));
    if (auto stop = parseOrStop(io, parser, arguments))
        return stop;
    const QString command = arguments.value(0).section(u' ', -1);
    const QStringList given = parser.positionalArguments();
    if (given.size() != 1)
        return fail(io,
                    QStringLiteral("%1 takes one address: warroom %1 "
                                   "postgresql://USER@HOST:PORT/DATABASE")
                        .arg(command),
                    kExitUsage);
    auto parsed = parseAddress(given.first());
    if (!parsed)
        return fail(io, parsed.error(), kExitUsage);
    if (!parsed->isShared())
        return fail(io,
                    QStringLiteral("%1 is a file on this desktop; only a shared war room "
                                   "(postgresql://USER@HOST:PORT/DATABASE) needs a password.")
                        .arg(parsed->display()),
                    kExitUsage);
    address = *parsed;
    return std::nullopt;
}
} // namespace

int login(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments)
{
    WarRoomAddress address;
    if (auto stop = parseServerAddress(io, parser, arguments, address))
        return *stop;
    const auto password = readPassword(io, address);
    if (!password)
        return fail(io, password.error(), kExitUsage);
    WarRoomAddress signingIn = address;
    signingIn.password = *password;
    // A mistyped password is never kept: the server says first whether it takes it.
    if (Outcome accepted = PostgresEngine::checkSignIn(signingIn); !accepted)
        return fail(io, accepted.error() + QStringLiteral(" Nothing was stored."));
    if (Outcome stored = PasswordKeychain::store(address, *password); !stored)
        return fail(io, stored.error());
    io.out() << "Signed in to " << address.display() << "; the password is kept in your keychain."
             << Qt::endl;
    return 0;
}

int logout(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments)
{
    WarRoomAddress address;
    if (auto stop = parseServerAddress(io, parser, arguments, address))
        return *stop;
    if (Outcome forgotten = PasswordKeychain::forget(address); !forgotten)
        return fail(io, forgotten.error());
    io.out() << "Your keychain no longer holds a password for " << address.display() << "."
             << Qt::endl;
    return 0;
}
} // namespace SignInCommands
