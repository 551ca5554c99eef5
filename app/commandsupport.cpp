#include "commandsupport.h"

#include "rules/printable.h"
#include "storage/defaultlocation.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace CommandSupport {
void tell(CommandIo &io, const QString &message)
{
    // One line, whatever the message held, so scripts can log it as is.
    QString line = message;
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    io.err() << "warroom: " << printable(line) << Qt::endl;
}

int fail(CommandIo &io, const QString &message, int code)
{
    tell(io, message);
    return code;
}

std::optional<int> parseOrStop(CommandIo &io, QCommandLineParser &parser,
                               const QStringList &arguments)
{
    if (!parser.parse(arguments))
        return fail(io, parser.errorText(), kExitUsage);
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all"))) {
        // The usage line names the command ("warroom log [options]"), not only the program.
        QString help = parser.helpText();
        const QString program = QCoreApplication::arguments().value(0);
        const qsizetype at = help.indexOf(program);
        if (at >= 0 && at < help.indexOf(u'\n'))
            help.replace(at, program.size(), QFileInfo(arguments.value(0)).fileName());
        io.out() << help;
        io.out().flush();
        return 0;
    }
    return std::nullopt;
}

Result<WarRoomAddress> parseAddress(const QString &typed)
{
    auto address = WarRoomAddress::parse(typed);
    if (address && !address->password.isEmpty())
        return Failure{QStringLiteral("The address %1 carries a password, which every user of "
                                      "this computer can read in the list of processes. Sign "
                                      "in once with \"warroom login %1\" (the password goes to "
                                      "your keychain), or set PGPASSWORD or ~/.pgpass.")
                           .arg(address->display())};
    return address;
}

Result<WarRoomAddress> chosenAddress(const QCommandLineParser &parser)
{
    return parseAddress(parser.isSet(QStringLiteral("database"))
                            ? parser.value(QStringLiteral("database"))
                            : defaultDatabasePath());
}
} // namespace CommandSupport
