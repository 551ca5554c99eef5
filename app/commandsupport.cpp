#include "commandsupport.h"

#include "sharedwrites.h"

#include "rules/printable.h"
#include "storage/defaultlocation.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFileInfo>
#include <QMutex>
#include <QThread>
#include <QWaitCondition>

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
Result<std::unique_ptr<IncidentStore>> openStore(CommandIo &io, const QCommandLineParser &parser,
                                                 OpenMode mode, const Clock &clock)
{
    const auto address = chosenAddress(parser);
    if (!address)
        return address.failure();
    return SharedWrites::open(io, *address, mode, clock);
}

OpenedIncident openIncident(CommandIo &io, const QCommandLineParser &parser,
                            const QCommandLineOption &option, const QString &command,
                            const Clock &clock)
{
    OpenedIncident opened;
    const auto id = requiredId(parser, option, command, QStringLiteral("incident"));
    if (!id) {
        opened.exitCode = fail(io, id.error(), kExitUsage);
        return opened;
    }
    auto store = openStore(io, parser, OpenMode::MustExist, clock);
    if (!store) {
        opened.exitCode = fail(io, store.error());
        return opened;
    }
    if (const auto found = (*store)->incident(*id); !found) {
        opened.exitCode = fail(io, found.error());
        return opened;
    }
    opened.store = store.take();
    opened.id = *id;
    return opened;
}

Result<qint64> parseId(const QString &text, const QString &what)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0)
        return Failure{QStringLiteral("\"%1\" is not a valid %2 id.").arg(text, what)};
    return id;
}

QCommandLineOption idOption(const QString &name, const QString &what)
{
    return QCommandLineOption(name, QStringLiteral("The %1's id.").arg(what), QStringLiteral("ID"));
}

QCommandLineOption byOption(const CommandIo &io)
{
    return QCommandLineOption(QStringLiteral("by"), QStringLiteral("Who does it (default: $USER)."),
                              QStringLiteral("NAME"), io.user());
}

Result<QString> required(const QCommandLineParser &parser, const QCommandLineOption &option,
                         const QString &command)
{
    const QString name = option.names().constFirst();
    if (!parser.isSet(option) || parser.value(option).trimmed().isEmpty())
        return Failure{QStringLiteral("%1 needs --%2.").arg(command, name)};
    return parser.value(option);
}

Result<QStringList> requiredValues(const QCommandLineParser &parser,
                                   const QList<QCommandLineOption> &options, const QString &command)
{
    QStringList values;
    for (const QCommandLineOption &option : options) {
        const auto value = required(parser, option, command);
        if (!value)
            return value.failure();
        values.append(*value);
    }
    return values;
}

Result<qint64> requiredId(const QCommandLineParser &parser, const QCommandLineOption &option,
                          const QString &command, const QString &what)
{
    const auto text = required(parser, option, command);
    if (!text)
        return text.failure();
    return parseId(*text, what);
}

Outcome onApplicationThread(const std::function<Outcome()> &draw)
{
    if (QThread::currentThread() == qApp->thread())
        return draw();
    struct Drawing
    {
        QMutex mutex;
        QWaitCondition finished;
        bool abandoned = false;
        std::optional<Outcome> outcome;
    };
    auto drawing = std::make_shared<Drawing>();
    QMetaObject::invokeMethod(
        qApp,
        [drawing, draw] {
            QMutexLocker locked(&drawing->mutex);
            if (drawing->abandoned)
                return;
            drawing->outcome = draw();
            drawing->finished.wakeAll();
        },
        Qt::QueuedConnection);
    QMutexLocker locked(&drawing->mutex);
    if (!drawing->outcome)
        drawing->finished.wait(&drawing->mutex, QDeadlineTimer(std::chrono::seconds(30)));
    if (drawing->outcome)
        return *drawing->outcome;
    drawing->abandoned = true;
    return Failure{QStringLiteral("The Warroom window that has this war room open did not get to "
                                  "drawing the PDF; nothing was written. Try again.")};
}
// The kinds log accepts: asks, answers and events carry more than text and have calls of
// their own.
QStringList postableKindNames()
{
    QStringList names;
    for (const QString &name : logKindNames()) {
        const auto kind = parseLogKind(name);
        if (kind && *kind != LogKind::Ask && *kind != LogKind::Answer && *kind != LogKind::Event)
            names.append(name);
    }
    return names;
}

} // namespace CommandSupport
