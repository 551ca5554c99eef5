#include "cli.h"

#include "export/briefingpdf.h"
#include "services/clock.h"
#include "services/defaultlocation.h"
#include "services/duetime.h"
#include "services/incidentsnapshot.h"
#include "services/plainlanguage.h"
#include "services/severitycalibration.h"
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

QCommandLineOption idOption(const QString &name, const QString &what)
{
    return QCommandLineOption(name, QStringLiteral("The %1's id.").arg(what), QStringLiteral("ID"));
}

QCommandLineOption byOption()
{
    return QCommandLineOption(QStringLiteral("by"), QStringLiteral("Who does it (default: $USER)."),
                              QStringLiteral("NAME"), defaultAuthor());
}

// The value of an option the command cannot do without, or why it is missing.
Result<QString> required(const QCommandLineParser &parser, const QCommandLineOption &option,
                         const QString &command)
{
    const QString name = option.names().constFirst();
    if (!parser.isSet(option) || parser.value(option).trimmed().isEmpty())
        return Failure{QStringLiteral("%1 needs --%2.").arg(command, name)};
    return parser.value(option);
}

// The values of the options a command cannot do without, in order, or the first one missing.
Result<QStringList> requiredValues(const QCommandLineParser &parser,
                                   const QList<QCommandLineOption> &options, const QString &command)
{
    QStringList values;
    for (const QCommandLineOption &option : options) {
        const auto value = required(parser, option, command);
        if (!value)
            return Failure{value.error()};
        values.append(*value);
    }
    return values;
}

Result<qint64> requiredId(const QCommandLineParser &parser, const QCommandLineOption &option,
                          const QString &command, const QString &what)
{
    const auto text = required(parser, option, command);
    if (!text)
        return Failure{text.error()};
    return parseId(*text, what);
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

int commitDeadline(QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption incident =
        idOption(QStringLiteral("incident"), QStringLiteral("incident"));
    const QCommandLineOption what(QStringLiteral("what"), QStringLiteral("The next step."),
                                  QStringLiteral("TEXT"));
    const QCommandLineOption owner(QStringLiteral("owner"), QStringLiteral("Who delivers it."),
                                   QStringLiteral("NAME"));
    const QCommandLineOption due(QStringLiteral("due"),
                                 QStringLiteral("When: +25m, +2h, 14:30 or ISO 8601."),
                                 QStringLiteral("TIME"));
    const QCommandLineOption why(QStringLiteral("why"), QStringLiteral("Why this time."),
                                 QStringLiteral("TEXT"));
    const QCommandLineOption by = byOption();
    parser.addOptions({incident, what, owner, due, why, by});
    parser.process(arguments);
    const QString command = QStringLiteral("commit");
    const auto id = requiredId(parser, incident, command, QStringLiteral("incident"));
    if (!id)
        return fail(id.error(), kExitUsage);
    const auto values = requiredValues(parser, {what, owner, due, why}, command);
    if (!values)
        return fail(values.error(), kExitUsage);
    const QString &whatText = values->at(0), &ownerName = values->at(1), &whyText = values->at(3);
    SystemClock clock;
    const auto dueTime = parseDueTime(values->at(2), clock.now());
    if (!dueTime)
        return fail(dueTime.error(), kExitUsage);
    auto store = openStore(parser, OpenMode::MustExist, clock);
    if (!store)
        return fail(store.error());
    const auto committed =
        (*store)->commit({*id, whatText, ownerName, *dueTime, whyText, parser.value(by)});
    if (!committed)
        return fail(committed.error());
    out() << *committed << Qt::endl;
    return 0;
}

int markMet(QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption commitment =
        idOption(QStringLiteral("commitment"), QStringLiteral("commitment"));
    const QCommandLineOption by = byOption();
    parser.addOptions({commitment, by});
    parser.process(arguments);
    const auto id =
        requiredId(parser, commitment, QStringLiteral("met"), QStringLiteral("commitment"));
    if (!id)
        return fail(id.error(), kExitUsage);
    SystemClock clock;
    auto store = openStore(parser, OpenMode::MustExist, clock);
    if (!store)
        return fail(store.error());
    if (Outcome met = (*store)->markMet(*id, parser.value(by)); !met)
        return fail(met.error());
    return 0;
}

int supersede(QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption commitment =
        idOption(QStringLiteral("commitment"), QStringLiteral("commitment"));
    const QCommandLineOption due(QStringLiteral("due"),
                                 QStringLiteral("The new due time: +25m, +2h, 14:30 or ISO 8601."),
                                 QStringLiteral("TIME"));
    const QCommandLineOption why(QStringLiteral("why"),
                                 QStringLiteral("Why the old deadline was not kept."),
                                 QStringLiteral("TEXT"));
    const QCommandLineOption by = byOption();
    parser.addOptions({commitment, due, why, by});
    parser.process(arguments);
    const QString command = QStringLiteral("supersede");
    const auto id = requiredId(parser, commitment, command, QStringLiteral("commitment"));
    if (!id)
        return fail(id.error(), kExitUsage);
    const auto values = requiredValues(parser, {due, why}, command);
    if (!values)
        return fail(values.error(), kExitUsage);
    SystemClock clock;
    const auto dueTime = parseDueTime(values->at(0), clock.now());
    if (!dueTime)
        return fail(dueTime.error(), kExitUsage);
    auto store = openStore(parser, OpenMode::MustExist, clock);
    if (!store)
        return fail(store.error());
    const auto next = (*store)->supersede(*id, *dueTime, values->at(1), parser.value(by));
    if (!next)
        return fail(next.error());
    out() << *next << Qt::endl;
    return 0;
}

int showStatus(QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption incident =
        idOption(QStringLiteral("incident"), QStringLiteral("incident"));
    parser.addOption(incident);
    parser.process(arguments);
    const auto id =
        requiredId(parser, incident, QStringLiteral("status"), QStringLiteral("incident"));
    if (!id)
        return fail(id.error(), kExitUsage);
    SystemClock clock;
    auto store = openStore(parser, OpenMode::MustExist, clock);
    if (!store)
        return fail(store.error());
    const auto snapshot = loadSnapshot(**store, *id, SeverityRules::load());
    if (!snapshot)
        return fail(snapshot.error());
    out() << rollUpText(*snapshot, clock.now()) << Qt::endl;
    return 0;
}

int assessImpact(QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption incident =
        idOption(QStringLiteral("incident"), QStringLiteral("incident"));
    const QCommandLineOption affected(QStringLiteral("affected-users"),
                                      QStringLiteral("Users affected."), QStringLiteral("N"));
    const QCommandLineOption total(QStringLiteral("total-users"),
                                   QStringLiteral("Users of the service in all."),
                                   QStringLiteral("M"));
    const QCommandLineOption function(
        QStringLiteral("function"),
        QStringLiteral("A business function hit, as NAME:down or NAME:degraded; repeatable."),
        QStringLiteral("NAME:STATE"));
    const QCommandLineOption region(QStringLiteral("region"),
                                    QStringLiteral("A region or site affected; repeatable."),
                                    QStringLiteral("R"));
    const QCommandLineOption workaround(QStringLiteral("workaround"),
                                        QStringLiteral("Whether a workaround exists: yes or no."),
                                        QStringLiteral("yes|no"));
    const QCommandLineOption cost(QStringLiteral("cost-per-hour"),
                                  QStringLiteral("Estimated cost per hour."),
                                  QStringLiteral("AMOUNT"));
    const QCommandLineOption currency(QStringLiteral("currency"),
                                      QStringLiteral("Currency of the cost, e.g. EUR."),
                                      QStringLiteral("CUR"));
    const QCommandLineOption keyAccount(QStringLiteral("key-account"),
                                        QStringLiteral("A key account is among those affected."));
    const QCommandLineOption confidence(QStringLiteral("confidence"),
                                        QStringLiteral("measured or estimated (default)."),
                                        QStringLiteral("HOW"), QStringLiteral("estimated"));
    const QCommandLineOption notes(QStringLiteral("notes"), QStringLiteral("Free notes."),
                                   QStringLiteral("TEXT"));
    const QCommandLineOption by = byOption();
    parser.addOptions({incident, affected, total, function, region, workaround, cost, currency,
                       keyAccount, confidence, notes, by});
    parser.process(arguments);
    const QString command = QStringLiteral("assess");
    const auto id = requiredId(parser, incident, command, QStringLiteral("incident"));
    if (!id)
        return fail(id.error(), kExitUsage);
    const auto counts = requiredValues(parser, {affected, total}, command);
    if (!counts)
        return fail(counts.error(), kExitUsage);
    ImpactAssessment a;
    a.incidentId = *id;
    a.by = parser.value(by);
    bool affectedOk = false;
    bool totalOk = false;
    a.affectedUsers = counts->at(0).toLongLong(&affectedOk);
    a.totalUsers = counts->at(1).toLongLong(&totalOk);
    if (!affectedOk || !totalOk)
        return fail(QStringLiteral("--affected-users and --total-users take whole numbers."),
                    kExitUsage);
    const FunctionsParse functions = parseFunctions(parser.values(function).join(u','));
    if (!functions.error.isEmpty())
        return fail(functions.error, kExitUsage);
    a.functions = functions.functions;
    a.regions = parser.values(region);
    if (parser.isSet(workaround)) {
        const QString answer = parser.value(workaround).toLower();
        if (answer != u"yes" && answer != u"no")
            return fail(QStringLiteral("--workaround takes yes or no."), kExitUsage);
        a.workaround = answer == u"yes";
    }
    if (parser.isSet(cost)) {
        bool ok = false;
        a.costPerHour = parser.value(cost).toDouble(&ok);
        if (!ok)
            return fail(QStringLiteral("--cost-per-hour takes an amount, e.g. 2500."), kExitUsage);
    }
    a.currency = parser.value(currency);
    a.keyAccount = parser.isSet(keyAccount);
    const auto how = parseConfidence(parser.value(confidence));
    if (!how)
        return fail(QStringLiteral("--confidence takes measured or estimated."), kExitUsage);
    a.confidence = *how;
    a.notes = parser.value(notes);

    SystemClock clock;
    auto store = openStore(parser, OpenMode::MustExist, clock);
    if (!store)
        return fail(store.error());
    const SeverityRules rules = SeverityRules::load();
    if (const auto recorded = (*store)->assessImpact(a, rules); !recorded)
        return fail(recorded.error());
    const auto severityNow = loadSeverityStatus(**store, *id, rules);
    if (!severityNow)
        return fail(severityNow.error());
    out() << QStringLiteral("Suggested ") << calibrate(a, rules).reason << '\n'
          << impactSentence(a) << '\n'
          << QStringLiteral("Severity now: ") << severityNow->text() << Qt::endl;
    return 0;
}

Result<QString> readTextArgument(const QCommandLineParser &parser)
{
    QString text = parser.positionalArguments().join(u' ');
    if (text.isEmpty() || text == u"-") {
        QFile input;
        if (!input.open(stdin, QIODevice::ReadOnly))
            return Failure{QStringLiteral("Cannot read standard input.")};
        text = QString::fromUtf8(input.readAll());
    }
    return text;
}

int checkText(QCommandLineParser &parser, const QStringList &arguments)
{
    parser.addPositionalArgument(QStringLiteral("TEXT"),
                                 QStringLiteral("The business text; - or nothing reads standard "
                                                "input."));
    parser.process(arguments);
    const auto text = readTextArgument(parser);
    if (!text)
        return fail(text.error());
    const PlainLanguageProfile profile = PlainLanguageProfile::english(userJargon());
    for (const Finding &finding : checkPlainLanguage(*text, profile))
        out() << formatFinding(finding) << '\n';
    out().flush();
    return 0; // findings warn; they never fail a script
}

int publishBriefing(QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption incident =
        idOption(QStringLiteral("incident"), QStringLiteral("incident"));
    const QCommandLineOption headline(QStringLiteral("headline"),
                                      QStringLiteral("The status in one sentence."),
                                      QStringLiteral("TEXT"));
    const QCommandLineOption doing(
        QStringLiteral("doing"), QStringLiteral("What we are doing now."), QStringLiteral("TEXT"));
    const QCommandLineOption impact(QStringLiteral("impact"),
                                    QStringLiteral("Customer impact (default: the latest "
                                                   "assessment in one sentence)."),
                                    QStringLiteral("TEXT"));
    const QCommandLineOption changed(QStringLiteral("changed"),
                                     QStringLiteral("What changed since the last briefing."),
                                     QStringLiteral("TEXT"));
    const QCommandLineOption next(QStringLiteral("next-update"),
                                  QStringLiteral("When the next update comes: +30m, 14:30, ISO."),
                                  QStringLiteral("TIME"));
    const QCommandLineOption why(QStringLiteral("why"),
                                 QStringLiteral("Why the next update comes then."),
                                 QStringLiteral("TEXT"));
    const QCommandLineOption corrects(QStringLiteral("corrects"),
                                      QStringLiteral("The number of the briefing this corrects."),
                                      QStringLiteral("N"));
    const QCommandLineOption by = byOption();
    parser.addOptions({incident, headline, doing, impact, changed, next, why, corrects, by});
    parser.process(arguments);
    const QString command = QStringLiteral("brief");
    const auto id = requiredId(parser, incident, command, QStringLiteral("incident"));
    if (!id)
        return fail(id.error(), kExitUsage);
    const auto values = requiredValues(parser, {headline, doing, next, why}, command);
    if (!values)
        return fail(values.error(), kExitUsage);
    SystemClock clock;
    const auto nextAt = parseDueTime(values->at(2), clock.now());
    if (!nextAt)
        return fail(nextAt.error(), kExitUsage);
    auto store = openStore(parser, OpenMode::MustExist, clock);
    if (!store)
        return fail(store.error());
    NewBriefing b;
    b.incidentId = *id;
    b.author = parser.value(by);
    b.headline = values->at(0);
    b.doing = values->at(1);
    b.changed = parser.value(changed);
    b.nextUpdateAt = *nextAt;
    b.nextUpdateWhy = values->at(3);
    if (parser.isSet(impact)) {
        b.impact = parser.value(impact);
    } else if (const auto assessments = (*store)->impactAssessments(*id);
               assessments && !assessments->isEmpty()) {
        b.impact = impactSentence(assessments->constLast());
    }
    if (parser.isSet(corrects)) {
        const auto briefings = (*store)->briefings(*id);
        if (!briefings)
            return fail(briefings.error());
        const qint64 seq = parser.value(corrects).toLongLong();
        for (const Briefing &earlier : *briefings) {
            if (earlier.seq == seq)
                b.correctsId = earlier.id;
        }
        if (b.correctsId == 0)
            return fail(QStringLiteral("Incident %1 has no briefing #%2.").arg(*id).arg(seq),
                        kExitUsage);
    }
    const auto published = (*store)->publishBriefing(b);
    if (!published)
        return fail(published.error());
    const auto briefings = (*store)->briefings(*id);
    out() << (briefings && !briefings->isEmpty() ? briefings->constLast().seq : *published)
          << Qt::endl;
    return 0;
}

int exportBriefing(QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption incident =
        idOption(QStringLiteral("incident"), QStringLiteral("incident"));
    const QCommandLineOption briefing(
        QStringLiteral("briefing"), QStringLiteral("The briefing's number (default: the latest)."),
        QStringLiteral("N"));
    const QCommandLineOption all(QStringLiteral("all"),
                                 QStringLiteral("Every briefing, in order."));
    const QCommandLineOption outFile(QStringLiteral("out"), QStringLiteral("The PDF to write."),
                                     QStringLiteral("FILE.pdf"));
    const QCommandLineOption paper(
        QStringLiteral("paper"), QStringLiteral("a4, letter, or auto (from the locale; default)."),
        QStringLiteral("SIZE"), QStringLiteral("auto"));
    parser.addOptions({incident, briefing, all, outFile, paper});
    parser.process(arguments);
    const QString command = QStringLiteral("export-briefing");
    const auto id = requiredId(parser, incident, command, QStringLiteral("incident"));
    if (!id)
        return fail(id.error(), kExitUsage);
    const auto path = required(parser, outFile, command);
    if (!path)
        return fail(path.error(), kExitUsage);
    if (parser.isSet(briefing) && parser.isSet(all))
        return fail(QStringLiteral("Give --briefing N or --all, not both."), kExitUsage);
    const auto paperSize = BriefingPdf::parsePaper(parser.value(paper));
    if (!paperSize)
        return fail(QStringLiteral("--paper takes a4, letter or auto."), kExitUsage);
    SystemClock clock;
    auto store = openStore(parser, OpenMode::MustExist, clock);
    if (!store)
        return fail(store.error());
    const auto briefings = (*store)->briefings(*id);
    if (!briefings)
        return fail(briefings.error());
    QList<qint64> chosen;
    if (parser.isSet(all)) {
        for (const Briefing &b : *briefings)
            chosen.append(b.id);
    } else if (parser.isSet(briefing)) {
        const qint64 seq = parser.value(briefing).toLongLong();
        for (const Briefing &b : *briefings) {
            if (b.seq == seq)
                chosen.append(b.id);
        }
        if (chosen.isEmpty())
            return fail(QStringLiteral("Incident %1 has no briefing #%2.")
                            .arg(*id)
                            .arg(parser.value(briefing)),
                        kExitUsage);
    }
    BriefingPdf::Options options;
    options.paper = *paperSize;
    if (Outcome written = BriefingPdf::write(**store, *id, chosen, *path, options); !written)
        return fail(written.error());
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
        {QStringLiteral("commit"),
         QStringLiteral("Commit a deadline: what, owner, due, why; prints its id."),
         &commitDeadline},
        {QStringLiteral("met"), QStringLiteral("Mark a commitment met."), &markMet},
        {QStringLiteral("supersede"),
         QStringLiteral("Replace a deadline with a new due time and say why the old one was not "
                        "kept; prints the new id."),
         &supersede},
        {QStringLiteral("assess"),
         QStringLiteral("Record an impact assessment; prints the suggested severity and why, and "
                        "the impact in one sentence."),
         &assessImpact},
        {QStringLiteral("brief"),
         QStringLiteral("Publish a briefing; refused without next update and why. Prints its "
                        "number."),
         &publishBriefing},
        {QStringLiteral("export-briefing"),
         QStringLiteral("Write briefings as a PDF (no display needed)."), &exportBriefing},
        {QStringLiteral("check-text"),
         QStringLiteral("Check business text for hedging, jargon, blame and emotion."), &checkText},
        {QStringLiteral("status"),
         QStringLiteral("The roll-up a commander reads aloud for one incident."), &showStatus},
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

bool needsGraphics(const QStringList &arguments)
{
    return arguments.value(1) == u"export-briefing";
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
