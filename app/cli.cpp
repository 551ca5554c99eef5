#include "cli.h"

#include "services/clock.h"
#include "services/defaultlocation.h"
#include "storage/incidentstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

#include <functional>

namespace {
constexpr int kExitFailed = 1;
constexpr int kExitUsage = 2;

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int fail(const QString &message, int code = kExitFailed)
{
    // One line, whatever the message held, so scripts can log it as is.
    QString line = message;
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    err() << "warroom: " << line << Qt::endl;
    return code;
}

QString defaultAuthor()
{
    const QString user = qEnvironmentVariable("USER");
    return user.isEmpty() ? QStringLiteral("cli") : user;
}

struct Command
{
    QString name;
    QString summary;
    std::function<int(QCommandLineParser &, const QStringList &)> run;
};

// A function, not a constant: the default path needs the application's name set first.
QCommandLineOption databaseOption()
{
    return QCommandLineOption(
        QStringLiteral("database"),
        QStringLiteral("The Warroom database file (default: %1).").arg(defaultDatabasePath()),
        QStringLiteral("PATH"));
}

Result<std::unique_ptr<IncidentStore>> openStore(const QCommandLineParser &parser, OpenMode mode,
                                                 const Clock &clock)
{
    const QString path = parser.isSet(QStringLiteral("database"))
                             ? parser.value(QStringLiteral("database"))
                             : defaultDatabasePath();
    return IncidentStore::openSqlite(path, mode, clock);
}

Result<qint64> parseId(const QString &text, const QString &what)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0)
        return Failure{QStringLiteral("\"%1\" is not a valid %2 id.").arg(text, what)};
    return id;
}

int newIncident(QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption title(QStringLiteral("title"), QStringLiteral("Incident title."),
                                   QStringLiteral("TEXT"));
    const QCommandLineOption customer(QStringLiteral("customer"), QStringLiteral("Customer name."),
                                      QStringLiteral("NAME"));
    const QCommandLineOption severity(QStringLiteral("severity"),
                                      QStringLiteral("SEV1 (worst) to SEV4; default SEV3."),
                                      QStringLiteral("SEV"), QStringLiteral("SEV3"));
    const QCommandLineOption inCharge(QStringLiteral("in-charge"),
                                      QStringLiteral("The person in charge."),
                                      QStringLiteral("NAME"));
    const QCommandLineOption phone(QStringLiteral("phone"),
                                   QStringLiteral("Phone of the person in charge."),
                                   QStringLiteral("NUMBER"));
    const QCommandLineOption problem(QStringLiteral("problem"),
                                     QStringLiteral("The problem statement, as understood."),
                                     QStringLiteral("TEXT"));
    parser.addOptions({title, customer, severity, inCharge, phone, problem});
    parser.process(arguments);
    if (!parser.positionalArguments().isEmpty())
        return fail(QStringLiteral("new-incident takes no free text: use --title and --customer."),
                    kExitUsage);
    if (!parser.isSet(title) || !parser.isSet(customer))
        return fail(QStringLiteral("new-incident needs --title and --customer."), kExitUsage);
    const std::optional<Severity> sev = parseSeverity(parser.value(severity));
    if (!sev)
        return fail(QStringLiteral("Unknown severity \"%1\": use SEV1, SEV2, SEV3 or SEV4.")
                        .arg(parser.value(severity)),
                    kExitUsage);

    SystemClock clock;
    auto store = openStore(parser, OpenMode::CreateIfMissing, clock);
    if (!store)
        return fail(store.error());
    NewIncident incident;
    incident.title = parser.value(title);
    incident.customer = parser.value(customer);
    incident.severity = *sev;
    incident.inChargeName = parser.value(inCharge);
    incident.inChargePhone = parser.value(phone);
    incident.problemStatement = parser.value(problem);
    const Result<qint64> created = (*store)->createIncident(incident);
    if (!created)
        return fail(created.error());
    out() << *created << Qt::endl;
    return 0;
}

int appendLog(QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption incident(QStringLiteral("incident"),
                                      QStringLiteral("The incident's id."), QStringLiteral("ID"));
    const QCommandLineOption kind(
        QStringLiteral("kind"),
        QStringLiteral("One of: %1. Default: observation.").arg(logKindNames().join(u", ")),
        QStringLiteral("KIND"), QStringLiteral("observation"));
    const QCommandLineOption author(QStringLiteral("author"),
                                    QStringLiteral("Who writes it (default: $USER)."),
                                    QStringLiteral("NAME"), defaultAuthor());
    parser.addOptions({incident, kind, author});
    parser.addPositionalArgument(QStringLiteral("TEXT"),
                                 QStringLiteral("What to log; - reads it from standard input."));
    parser.process(arguments);

    if (!parser.isSet(incident))
        return fail(QStringLiteral("log needs --incident ID."), kExitUsage);
    const Result<qint64> id = parseId(parser.value(incident), QStringLiteral("incident"));
    if (!id)
        return fail(id.error(), kExitUsage);
    const std::optional<LogKind> logKind = parseLogKind(parser.value(kind));
    if (!logKind)
        return fail(QStringLiteral("Unknown kind \"%1\": use one of %2.")
                        .arg(parser.value(kind), logKindNames().join(u", ")),
                    kExitUsage);
    QString text = parser.positionalArguments().join(u' ');
    if (text == u"-") {
        QFile input;
        if (!input.open(stdin, QIODevice::ReadOnly))
            return fail(QStringLiteral("Cannot read standard input."));
        text = QString::fromUtf8(input.readAll());
    }
    if (text.trimmed().isEmpty())
        return fail(QStringLiteral("log needs the text to write."), kExitUsage);

    SystemClock clock;
    auto store = openStore(parser, OpenMode::MustExist, clock);
    if (!store)
        return fail(store.error());
    const Result<LogEntry> entry =
        (*store)->appendLogEntry({*id, parser.value(author), *logKind, text});
    if (!entry)
        return fail(entry.error());
    out() << entry->id << Qt::endl;
    return 0;
}

int listIncidents(QCommandLineParser &parser, const QStringList &arguments)
{
    parser.process(arguments);
    if (!parser.positionalArguments().isEmpty())
        return fail(QStringLiteral("list takes no arguments."), kExitUsage);
    SystemClock clock;
    auto store = openStore(parser, OpenMode::MustExist, clock);
    if (!store)
        return fail(store.error());
    const auto incidents = (*store)->incidents();
    if (!incidents)
        return fail(incidents.error());
    for (const Incident &incident : *incidents) {
        out() << incident.id << '\t' << statusName(incident.status) << '\t'
              << severityName(incident.severity) << '\t' << incident.title << '\n';
    }
    out().flush();
    return 0;
}

const QList<Command> &commands()
{
    static const QList<Command> all{
        {QStringLiteral("new-incident"), QStringLiteral("Open an incident; prints its id."),
         &newIncident},
        {QStringLiteral("log"),
         QStringLiteral("Append to an incident's technical log; prints the entry's id."),
         &appendLog},
        {QStringLiteral("list"),
         QStringLiteral("One line per incident: id, status, severity, title."), &listIncidents},
    };
    return all;
}

QString overview()
{
    QString text = QStringLiteral(
        "Usage: warroom [--database PATH] [--demo]      open the war-room window\n"
        "       warroom COMMAND [options]              work without a display\n\nCommands:\n");
    for (const Command &command : commands())
        text += QStringLiteral("  %1  %2\n").arg(command.name.leftJustified(13), command.summary);
    text += QStringLiteral("\nwarroom COMMAND --help shows a command's options.\n");
    return text;
}
} // namespace

namespace Cli {
bool handles(const QStringList &arguments)
{
    if (arguments.size() < 2)
        return false;
    const QString first = arguments.at(1);
    for (const Command &command : commands()) {
        if (command.name == first)
            return true;
    }
    return arguments.contains(QStringLiteral("--help")) ||
           arguments.contains(QStringLiteral("-h")) ||
           arguments.contains(QStringLiteral("--version"));
}

int run(const QStringList &arguments)
{
    const QString first = arguments.value(1);
    for (const Command &command : commands()) {
        if (command.name != first)
            continue;
        QCommandLineParser parser;
        parser.setApplicationDescription(command.summary);
        parser.addHelpOption();
        parser.addOption(databaseOption());
        QStringList rest = arguments;
        rest.removeAt(1); // so the parser sees the command's own options only
        rest[0] = arguments.at(0) + u' ' + command.name;
        return command.run(parser, rest);
    }
    if (arguments.contains(QStringLiteral("--version"))) {
        out() << "warroom " << QCoreApplication::applicationVersion() << Qt::endl;
        return 0;
    }
    out() << overview();
    out().flush();
    return 0;
}
} // namespace Cli
