#include "cli.h"

#include "aftermathcommands.h"
#include "commandio.h"
#include "commandsupport.h"
#include "logbatch.h"
#include "migratecommand.h"
#include "readcommands.h"
#include "sharedwrites.h"
#include "signincommands.h"

#include "domain/zonedtime.h"
#include "export/briefingpdf.h"
#include "rules/clock.h"
#include "rules/duetime.h"
#include "rules/plainlanguage.h"
#include "rules/printable.h"
#include "rules/severitycalibration.h"
#include "storage/defaultlocation.h"
#include "storage/exportpath.h"
#include "storage/incidentstore.h"
#include "storage/ownerlock.h"
#include "usecases/incidentsnapshot.h"
#include "usecases/queuedwrite.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QGuiApplication>
#include <QTextStream>

#include <chrono>
#include <cstdio>
#include <functional>
#include <optional>

namespace {
using namespace CommandSupport;

// How long a command waits for a war room another command-line run has open.
constexpr std::chrono::seconds kPatience{30};

struct Command
{
    QString name;
    QString summary;
    std::function<int(CommandIo &, QCommandLineParser &, const QStringList &)> run;
    bool usesStore = true;
};

// A function, not a constant: the default path needs the application's name set first.
QCommandLineOption databaseOption()
{
    return QCommandLineOption(
        QStringLiteral("database"),
        QStringLiteral("The war room: a database file (default: %1) or a shared server, "
                       "postgresql://USER@HOST:PORT/DATABASE.")
            .arg(defaultDatabasePath()),
        QStringLiteral("PATH|URL"));
}

int writeOrQueue(CommandIo &io, const QCommandLineParser &parser, const QueuedWrite &write,
                 const Clock &clock)
{
    const auto address = chosenAddress(parser);
    if (!address)
        return fail(io, address.error(), kExitUsage);
    return SharedWrites::writeOrQueue(io, parser, *address, write, clock);
}

int newIncident(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments)
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
    const QCommandLineOption customerZone(
        QStringLiteral("customer-zone"),
        QStringLiteral("Where the customer reads times (Region/City, e.g. Europe/Berlin); their "
                       "notices and documents use it. Default: this computer's zone."),
        QStringLiteral("ZONE"), ZonedTime::systemZoneId());
    parser.addOptions({title, customer, severity, inCharge, phone, problem, customerZone});
    if (const auto stop = parseOrStop(io, parser, arguments))
        return *stop;
    if (!parser.positionalArguments().isEmpty())
        return fail(io,
                    QStringLiteral("new-incident takes no free text: use --title and --customer."),
                    kExitUsage);
    if (!parser.isSet(title) || !parser.isSet(customer))
        return fail(io, QStringLiteral("new-incident needs --title and --customer."), kExitUsage);
    const std::optional<Severity> sev = parseSeverity(parser.value(severity));
    if (!sev)
        return fail(io,
                    QStringLiteral("Unknown severity \"%1\": use SEV1, SEV2, SEV3 or SEV4.")
                        .arg(parser.value(severity)),
                    kExitUsage);

    SystemClock clock;
    auto store = openStore(io, parser, OpenMode::CreateIfMissing, clock);
    if (!store)
        return fail(io, store.error());
    NewIncident incident;
    incident.title = parser.value(title);
    incident.customer = parser.value(customer);
    incident.severity = *sev;
    incident.inChargeName = parser.value(inCharge);
    incident.inChargePhone = parser.value(phone);
    incident.problemStatement = parser.value(problem);
    incident.customerTimeZone = parser.value(customerZone);
    const Result<qint64> created = (*store)->createIncident(incident);
    if (!created)
        return fail(io, created.error());
    io.out() << *created << Qt::endl;
    return 0;
}

int appendLog(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption incident(QStringLiteral("incident"),
                                      QStringLiteral("The incident's id."), QStringLiteral("ID"));
    const QCommandLineOption kind(
        QStringLiteral("kind"),
        QStringLiteral("One of: %1. Default: observation.").arg(postableKindNames().join(u", ")),
        QStringLiteral("KIND"), QStringLiteral("observation"));
    const QCommandLineOption author(QStringLiteral("author"),
                                    QStringLiteral("Who writes it (default: $USER)."),
                                    QStringLiteral("NAME"), io.user());
    const QCommandLineOption key(QStringLiteral("key"),
                                 QStringLiteral("Makes a retry safe: a second post with the same "
                                                "key prints the first entry's id and writes "
                                                "nothing."),
                                 QStringLiteral("KEY"));
    const QCommandLineOption corrects(
        QStringLiteral("corrects"),
        QStringLiteral("The entry this one corrects; the original stays, marked as corrected."),
        QStringLiteral("ENTRY_ID"));
    const QCommandLineOption person(
        QStringLiteral("person"),
        QStringLiteral("Typed by a person, not posted by a script: the window's \"People only\" "
                       "shows it."));
    parser.addOptions(
        {incident, kind, author, key, corrects, person, SharedWrites::noQueueOption()});
    parser.addOptions(LogBatch::options());
    parser.addPositionalArgument(QStringLiteral("TEXT"),
                                 QStringLiteral("What to log; - reads it from standard input."));
    if (const auto stop = parseOrStop(io, parser, arguments))
        return *stop;
    const bool batch =
        parser.isSet(QStringLiteral("lines")) || parser.isSet(QStringLiteral("jsonl"));

    if (!parser.isSet(incident))
        return fail(io, QStringLiteral("log needs --incident ID."), kExitUsage);
    const Result<qint64> id = parseId(parser.value(incident), QStringLiteral("incident"));
    if (!id)
        return fail(io, id.error(), kExitUsage);
    const std::optional<LogKind> logKind = parseLogKind(parser.value(kind));
    if (!logKind)
        return fail(io,
                    QStringLiteral("Unknown kind \"%1\": use one of %2.")
                        .arg(parser.value(kind), postableKindNames().join(u", ")),
                    kExitUsage);
    QString text = parser.positionalArguments().join(u' ');
    if (text == u"-" && !batch) {
        const auto input = io.readInput();
        if (!input)
            return fail(io, input.error());
        text = *input;
    }
    if (text.trimmed().isEmpty() && !batch)
        return fail(io, QStringLiteral("log needs the text to write."), kExitUsage);

    qint64 correctsId = 0;
    if (parser.isSet(corrects)) {
        const auto parsed = parseId(parser.value(corrects), QStringLiteral("entry"));
        if (!parsed)
            return fail(io, parsed.error(), kExitUsage);
        correctsId = *parsed;
    }

    SystemClock clock;
    NewLogEntry post{*id, parser.value(author), *logKind, text, correctsId};
    post.postKey = parser.value(key);
    post.byScript = !parser.isSet(person); // the command line is, mostly, a script's pen
    if (batch)
        return LogBatch::writeRound(io, parser, post, clock);
    return writeOrQueue(io, parser, QueuedWrite::logEntry(post), clock);
}

int listIncidents(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments)
{
    if (const auto stop = parseOrStop(io, parser, arguments))
        return *stop;
    if (!parser.positionalArguments().isEmpty())
        return fail(io, QStringLiteral("list takes no arguments."), kExitUsage);
    SystemClock clock;
    auto store = openStore(io, parser, OpenMode::MustExist, clock);
    if (!store)
        return fail(io, store.error());
    const auto incidents = (*store)->incidents();
    if (!incidents)
        return fail(io, incidents.error());
    for (const Incident &incident : *incidents) {
        io.out() << incident.id << '\t' << statusName(incident.status) << '\t'
                 << severityName(incident.severity) << '\t' << printable(incident.title) << '\n';
    }
    io.out().flush();
    return 0;
}

int commitDeadline(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments)
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
    const QCommandLineOption by = byOption(io);
    parser.addOptions({incident, what, owner, due, why, by, SharedWrites::noQueueOption()});
    if (const auto stop = parseOrStop(io, parser, arguments))
        return *stop;
    const QString command = QStringLiteral("commit");
    const auto id = requiredId(parser, incident, command, QStringLiteral("incident"));
    if (!id)
        return fail(io, id.error(), kExitUsage);
    const auto values = requiredValues(parser, {what, owner, due, why}, command);
    if (!values)
        return fail(io, values.error(), kExitUsage);
    const QString &whatText = values->at(0), &ownerName = values->at(1), &whyText = values->at(3);
    SystemClock clock;
    const auto dueTime = parseDueTime(values->at(2), clock.now());
    if (!dueTime)
        return fail(io, dueTime.error(), kExitUsage);
    return writeOrQueue(
        io, parser,
        QueuedWrite::commitment({*id, whatText, ownerName, *dueTime, whyText, parser.value(by)}),
        clock);
}

int setCustomerZone(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption incident =
        idOption(QStringLiteral("incident"), QStringLiteral("incident"));
    const QCommandLineOption zone(QStringLiteral("zone"),
                                  QStringLiteral("Region/City, e.g. Europe/Berlin, or UTC."),
                                  QStringLiteral("ZONE"));
    const QCommandLineOption by = byOption(io);
    parser.addOptions({incident, zone, by});
    if (const auto stop = parseOrStop(io, parser, arguments))
        return *stop;
    const QString command = QStringLiteral("customer-zone");
    const auto id = requiredId(parser, incident, command, QStringLiteral("incident"));
    if (!id)
        return fail(io, id.error(), kExitUsage);
    const auto values = requiredValues(parser, {zone}, command);
    if (!values)
        return fail(io, values.error(), kExitUsage);
    if (auto bad = ZonedTime::checkTimeZone(values->at(0)))
        return fail(io, bad->message, kExitUsage);
    SystemClock clock;
    auto store = openStore(io, parser, OpenMode::MustExist, clock);
    if (!store)
        return fail(io, store.error());
    if (Outcome set = (*store)->setCustomerTimeZone(*id, values->at(0), parser.value(by)); !set)
        return fail(io, set.error());
    return 0;
}

int markMet(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption commitment =
        idOption(QStringLiteral("commitment"), QStringLiteral("commitment"));
    const QCommandLineOption by = byOption(io);
    parser.addOptions({commitment, by, SharedWrites::noQueueOption()});
    if (const auto stop = parseOrStop(io, parser, arguments))
        return *stop;
    const auto id =
        requiredId(parser, commitment, QStringLiteral("met"), QStringLiteral("commitment"));
    if (!id)
        return fail(io, id.error(), kExitUsage);
    SystemClock clock;
    return writeOrQueue(io, parser, QueuedWrite::met(*id, parser.value(by)), clock);
}

int supersede(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption commitment =
        idOption(QStringLiteral("commitment"), QStringLiteral("commitment"));
    const QCommandLineOption due(QStringLiteral("due"),
                                 QStringLiteral("The new due time: +25m, +2h, 14:30 or ISO 8601."),
                                 QStringLiteral("TIME"));
    const QCommandLineOption why(QStringLiteral("why"),
                                 QStringLiteral("Why the old deadline was not kept."),
                                 QStringLiteral("TEXT"));
    const QCommandLineOption by = byOption(io);
    parser.addOptions({commitment, due, why, by, SharedWrites::noQueueOption()});
    if (const auto stop = parseOrStop(io, parser, arguments))
        return *stop;
    const QString command = QStringLiteral("supersede");
    const auto id = requiredId(parser, commitment, command, QStringLiteral("commitment"));
    if (!id)
        return fail(io, id.error(), kExitUsage);
    const auto values = requiredValues(parser, {due, why}, command);
    if (!values)
        return fail(io, values.error(), kExitUsage);
    SystemClock clock;
    const auto dueTime = parseDueTime(values->at(0), clock.now());
    if (!dueTime)
        return fail(io, dueTime.error(), kExitUsage);
    return writeOrQueue(
        io, parser, QueuedWrite::supersede(*id, *dueTime, values->at(1), parser.value(by)), clock);
}

int showStatus(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption incident =
        idOption(QStringLiteral("incident"), QStringLiteral("incident"));
    parser.addOption(incident);
    if (const auto stop = parseOrStop(io, parser, arguments))
        return *stop;
    SystemClock clock;
    const OpenedIncident opened =
        openIncident(io, parser, incident, QStringLiteral("status"), clock);
    if (!opened)
        return opened.exitCode;
    const auto snapshot =
        loadSnapshot(*opened.store, opened.id, opened.store->policyOrDefaults().severity);
    if (!snapshot)
        return fail(io, snapshot.error());
    for (const QString &line : rollUpLines(*snapshot, clock.now()))
        io.out() << printable(line) << '\n';
    io.out().flush();
    return 0;
}

int assessImpact(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments)
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
    const QCommandLineOption keepOverride(
        QStringLiteral("keep-override"),
        QStringLiteral("Keep the severity override in effect, for this fresh reason; without it "
                       "a new assessment ends the override."),
        QStringLiteral("REASON"));
    const QCommandLineOption by = byOption(io);
    parser.addOptions({incident, affected, total, function, region, workaround, cost, currency,
                       keyAccount, confidence, notes, keepOverride, by});
    if (const auto stop = parseOrStop(io, parser, arguments))
        return *stop;
    const QString command = QStringLiteral("assess");
    const auto id = requiredId(parser, incident, command, QStringLiteral("incident"));
    if (!id)
        return fail(io, id.error(), kExitUsage);
    const auto counts = requiredValues(parser, {affected, total}, command);
    if (!counts)
        return fail(io, counts.error(), kExitUsage);
    ImpactAssessment a;
    a.incidentId = *id;
    a.by = parser.value(by);
    bool affectedOk = false;
    bool totalOk = false;
    a.affectedUsers = counts->at(0).toLongLong(&affectedOk);
    a.totalUsers = counts->at(1).toLongLong(&totalOk);
    if (!affectedOk || !totalOk)
        return fail(io, QStringLiteral("--affected-users and --total-users take whole numbers."),
                    kExitUsage);
    const FunctionsParse functions = parseFunctions(parser.values(function).join(u','));
    if (!functions.error.isEmpty())
        return fail(io, functions.error, kExitUsage);
    a.functions = functions.functions;
    a.regions = parser.values(region);
    if (parser.isSet(workaround)) {
        const QString answer = parser.value(workaround).toLower();
        if (answer != u"yes" && answer != u"no")
            return fail(io, QStringLiteral("--workaround takes yes or no."), kExitUsage);
        a.workaround = answer == u"yes";
    }
    if (parser.isSet(cost)) {
        bool ok = false;
        a.costPerHour = parser.value(cost).toDouble(&ok);
        if (!ok)
            return fail(io, QStringLiteral("--cost-per-hour takes an amount, e.g. 2500."),
                        kExitUsage);
    }
    a.currency = parser.value(currency);
    a.keyAccount = parser.isSet(keyAccount);
    const auto how = parseConfidence(parser.value(confidence));
    if (!how)
        return fail(io, QStringLiteral("--confidence takes measured or estimated."), kExitUsage);
    a.confidence = *how;
    a.notes = parser.value(notes);

    SystemClock clock;
    auto store = openStore(io, parser, OpenMode::MustExist, clock);
    if (!store)
        return fail(io, store.error());
    const SeverityRules rules = (*store)->policyOrDefaults().severity;
    if (const auto recorded = (*store)->assessImpact(a, rules, parser.value(keepOverride));
        !recorded)
        return fail(io, recorded.error());
    const auto severityNow = loadSeverityStatus(**store, *id, rules);
    if (!severityNow)
        return fail(io, severityNow.error());
    io.out() << QStringLiteral("Suggested ") << calibrate(a, rules).reason << '\n'
             << impactSentence(a) << '\n'
             << QStringLiteral("Severity now: ") << severityNow->text() << Qt::endl;
    return 0;
}

Result<QString> readTextArgument(CommandIo &io, const QCommandLineParser &parser)
{
    const QString text = parser.positionalArguments().join(u' ');
    if (text.isEmpty() || text == u"-")
        return io.readInput();
    return text;
}

int checkText(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments)
{
    parser.addPositionalArgument(QStringLiteral("TEXT"),
                                 QStringLiteral("The business text; - or nothing reads standard "
                                                "input."));
    if (const auto stop = parseOrStop(io, parser, arguments))
        return *stop;
    const auto text = readTextArgument(io, parser);
    if (!text)
        return fail(io, text.error());
    // The war room's own jargon terms when there is a war room; the built-in ones always.
    SystemClock clock;
    const auto store = openStore(io, parser, OpenMode::MustExist, clock);
    const PlainLanguageProfile profile = PlainLanguageProfile::english(
        store ? (*store)->policyOrDefaults().jargon : QMap<QString, QString>());
    for (const Finding &finding : checkPlainLanguage(*text, profile))
        io.out() << printable(formatFinding(finding)) << '\n';
    io.out().flush();
    return 0; // findings warn; they never fail a script
}

int publishBriefing(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments)
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
    const QCommandLineOption by = byOption(io);
    parser.addOptions({incident, headline, doing, impact, changed, next, why, corrects, by,
                       SharedWrites::noQueueOption()});
    if (const auto stop = parseOrStop(io, parser, arguments))
        return *stop;
    const QString command = QStringLiteral("brief");
    const auto id = requiredId(parser, incident, command, QStringLiteral("incident"));
    if (!id)
        return fail(io, id.error(), kExitUsage);
    const auto values = requiredValues(parser, {headline, doing, next, why}, command);
    if (!values)
        return fail(io, values.error(), kExitUsage);
    SystemClock clock;
    const auto nextAt = parseDueTime(values->at(2), clock.now());
    if (!nextAt)
        return fail(io, nextAt.error(), kExitUsage);
    NewBriefing b;
    b.incidentId = *id;
    b.author = parser.value(by);
    b.headline = values->at(0);
    b.doing = values->at(1);
    b.changed = parser.value(changed);
    b.nextUpdateAt = *nextAt;
    b.nextUpdateWhy = values->at(3);
    b.impact = parser.value(impact); // empty: the latest assessment's, when it is written
    qint64 correctsSeq = 0;
    if (parser.isSet(corrects)) {
        bool ok = false;
        correctsSeq = parser.value(corrects).toLongLong(&ok);
        if (!ok || correctsSeq <= 0)
            return fail(
                io, QStringLiteral("\"%1\" is not a briefing number.").arg(parser.value(corrects)),
                kExitUsage);
    }
    return writeOrQueue(io, parser, QueuedWrite::briefing(b, correctsSeq), clock);
}

int exportBriefing(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments)
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
    if (const auto stop = parseOrStop(io, parser, arguments))
        return *stop;
    const QString command = QStringLiteral("export-briefing");
    const auto id = requiredId(parser, incident, command, QStringLiteral("incident"));
    if (!id)
        return fail(io, id.error(), kExitUsage);
    const auto path = required(parser, outFile, command);
    if (!path)
        return fail(io, path.error(), kExitUsage);
    if (parser.isSet(briefing) && parser.isSet(all))
        return fail(io, QStringLiteral("Give --briefing N or --all, not both."), kExitUsage);
    const auto paperSize = BriefingPdf::parsePaper(parser.value(paper));
    if (!paperSize)
        return fail(io, QStringLiteral("--paper takes a4, letter or auto."), kExitUsage);
    // Refused before the war room is even opened: nothing is written.
    if (Outcome allowed = checkExportPath(*path); !allowed)
        return fail(io, allowed.error());
    SystemClock clock;
    auto store = openStore(io, parser, OpenMode::MustExist, clock);
    if (!store)
        return fail(io, store.error());
    const auto briefings = (*store)->briefings(*id);
    if (!briefings)
        return fail(io, briefings.error());
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
            return fail(io,
                        QStringLiteral("Incident %1 has no briefing #%2.")
                            .arg(*id)
                            .arg(parser.value(briefing)),
                        kExitUsage);
    }
    BriefingPdf::Options options;
    options.paper = *paperSize;
    const auto content = BriefingPdf::read(**store, *id, chosen);
    if (!content)
        return fail(io, content.error());
    // Drawn on the application's own thread, where fonts and the chart's graphics live: a
    // window runs the commands other processes hand it on its store's thread.
    const Outcome written =
        onApplicationThread([&] { return BriefingPdf::write(*content, *path, options); });
    if (!written)
        return fail(io, written.error());
    return 0;
}

int verifyRecord(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption incident(QStringLiteral("incident"),
                                      QStringLiteral("Only this incident's chain (default: all)."),
                                      QStringLiteral("ID"));
    parser.addOption(incident);
    if (const auto stop = parseOrStop(io, parser, arguments))
        return *stop;
    qint64 id = 0;
    if (parser.isSet(incident)) {
        const auto parsed = parseId(parser.value(incident), QStringLiteral("incident"));
        if (!parsed)
            return fail(io, parsed.error(), kExitUsage);
        id = *parsed;
    }
    SystemClock clock;
    auto store = openStore(io, parser, OpenMode::MustExist, clock);
    if (!store)
        return fail(io, store.error());
    if (id > 0) {
        if (const auto exists = (*store)->incident(id); !exists)
            return fail(io, exists.error(), kExitUsage);
    }
    const auto report = (*store)->checkRecordChain(id);
    if (!report)
        return fail(io, report.error());
    if (!report->intact)
        return fail(io,
                    QStringLiteral("chain broken: %1 (%2 records before it match).")
                        .arg(report->problem)
                        .arg(report->records),
                    kExitTampered);
    io.out() << "chain intact: " << report->records << " records" << Qt::endl;
    return 0;
}

const QList<Command> &commands()
{
    static const QList<Command> all{
        {QStringLiteral("new-incident"), QStringLiteral("Open an incident; prints its id."),
         &newIncident},
        {QStringLiteral("log"),
         QStringLiteral("Append to an incident's technical log; prints the entry's id. --lines or "
                        "--jsonl: many, from standard input."),
         &appendLog},
        {QStringLiteral("list"),
         QStringLiteral("One line per incident: id, status, severity, title."), &listIncidents},
        {QStringLiteral("commit"),
         QStringLiteral("Commit a deadline: what, owner, due, why; prints its id."),
         &commitDeadline},
        {QStringLiteral("met"), QStringLiteral("Mark a commitment met."), &markMet},
        {QStringLiteral("customer-zone"),
         QStringLiteral("Name the customer's time zone; their notices and documents use it."),
         &setCustomerZone},
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
         QStringLiteral("Check business text for hedging, jargon, blame and emotion (the war "
                        "room's own jargon terms included)."),
         &checkText},
        {QStringLiteral("verify"),
         QStringLiteral("Recompute the record's hash chains; exit 3 names the first record that "
                        "does not match."),
         &verifyRecord},
        {QStringLiteral("status"),
         QStringLiteral("The roll-up a commander reads aloud for one incident."), &showStatus},
        {QStringLiteral("tail"),
         QStringLiteral("Print an incident's log entries after --since SEQ; --follow keeps "
                        "printing new ones; --json for scripts."),
         &ReadCommands::tail},
        {QStringLiteral("search"),
         QStringLiteral("Print the log entries that have every word (each the start of a word, "
                        "any case), oldest first; --json for scripts."),
         &ReadCommands::search},
        {QStringLiteral("commitments"),
         QStringLiteral("List an incident's commitments with ids and states; --json for "
                        "scripts."),
         &ReadCommands::commitments},
        {QStringLiteral("option"),
         QStringLiteral("Record a solution option for the customer, with pros and cons; prints its "
                        "id."),
         &AftermathCommands::addOption},
        {QStringLiteral("choose"), QStringLiteral("Mark the option chosen, with why."),
         &AftermathCommands::choose},
        {QStringLiteral("resolve"),
         QStringLiteral("Resolve with a resolution report: cause, what was done, what remains, "
                        "fully solved?, can it recur; refused without every section."),
         &AftermathCommands::resolve},
        {QStringLiteral("export-report"),
         QStringLiteral("Write the resolution report as PDF or Markdown (.md)."),
         &AftermathCommands::exportReport},
        {QStringLiteral("debrief"),
         QStringLiteral("Print the debrief's figures (--json); with the four sections, write the "
                        "debrief."),
         &AftermathCommands::debrief},
        {QStringLiteral("export-debrief"),
         QStringLiteral("Write the debrief as PDF (chart and timeline) or Markdown (.md)."),
         &AftermathCommands::exportDebrief},
        {QStringLiteral("done"), QStringLiteral("Mark an action item done."),
         &AftermathCommands::actionDone},
        {QStringLiteral("close"), QStringLiteral("Close a resolved incident; needs a debrief."),
         &AftermathCommands::close},
        {QStringLiteral("known-problems"),
         QStringLiteral("The war room's known problems: add, search TEXT, list."),
         &AftermathCommands::knownProblems},
        {QStringLiteral("sync"),
         QStringLiteral("Deliver what waits in this desktop's outbox for a shared war room; list "
                        "it, retry or discard a refused item."),
         &SharedWrites::sync, false},
        {QStringLiteral("migrate"),
         QStringLiteral("Copy a war room to an empty one, e.g. a desktop's file to a shared "
                        "server, verifying counts and hash chains."),
         &MigrateCommand::run, false},
        {QStringLiteral("login"),
         QStringLiteral("Sign in to a shared war room: the password goes to your keychain."),
         &SignInCommands::login, false},
        {QStringLiteral("logout"),
         QStringLiteral("Remove a shared war room's password from your keychain."),
         &SignInCommands::logout, false},
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

// How many single-letter edits turn one word into the other.
qsizetype editDistance(const QString &a, const QString &b)
{
    QList<qsizetype> previous(b.size() + 1), current(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        previous[j] = j;
    for (qsizetype i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const qsizetype substitution = previous[j - 1] + (a.at(i - 1) == b.at(j - 1) ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
        }
        std::swap(previous, current);
    }
    return previous[b.size()];
}

// The command a typo most likely meant, if one is close.
QString nearestCommand(const QString &typed)
{
    QString best;
    qsizetype bestDistance = 3; // further than two edits is a guess, not a typo
    for (const Command &command : commands()) {
        const qsizetype distance = editDistance(typed.toLower(), command.name);
        if (distance < bestDistance) {
            best = command.name;
            bestDistance = distance;
        }
    }
    return best;
}

const Command *findCommand(const QString &name)
{
    for (const Command &command : commands()) {
        if (command.name == name)
            return &command;
    }
    return nullptr;
}

int runCommand(CommandIo &io, const Command &command, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(command.summary);
    parser.addHelpOption();
    parser.addOption(databaseOption());
    QStringList rest = arguments;
    rest.removeAt(1); // so the parser sees the command's own options only
    rest[0] = arguments.at(0) + u' ' + command.name;
    return command.run(io, parser, rest);
}

// The value of --name (as "--name V" or "--name=V"), if given.
std::optional<QString> optionValue(const QStringList &arguments, const QString &name)
{
    const QString flag = QStringLiteral("--") + name;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        if (arguments.at(i) == flag && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (arguments.at(i).startsWith(flag + u'='))
            return arguments.at(i).mid(flag.size() + 1);
    }
    return std::nullopt;
}

// The arguments with every file name made absolute, so that the owner, whose working folder
// is its own, writes and reads the same files; and the database named explicitly, so that the
// owner need not know this process's environment.
QStringList withAbsolutePaths(const QStringList &arguments, const QString &databasePath)
{
    QStringList absolute{arguments.at(0), arguments.at(1), QStringLiteral("--database"),
                         databasePath};
    for (qsizetype i = 2; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == u"--database" && i + 1 < arguments.size()) {
            ++i;
        } else if (argument.startsWith(QStringLiteral("--database="))) {
        } else if (argument == u"--out" && i + 1 < arguments.size()) {
            absolute << argument << QFileInfo(arguments.at(++i)).absoluteFilePath();
        } else if (argument.startsWith(QStringLiteral("--out="))) {
            absolute << QStringLiteral("--out=") + QFileInfo(argument.mid(6)).absoluteFilePath();
        } else {
            absolute << argument;
        }
    }
    return absolute;
}
// Whether the command reads standard input: its text given as "-", or a stream of entries.
bool readsInput(const QStringList &arguments)
{
    return arguments.mid(2).contains(QStringLiteral("-")) || LogBatch::wanted(arguments);
}

// Runs a command that uses a war room: here, or, on a desktop's file that another Warroom
// process owns, handed to that owner, whose answer is passed on through io. safeToRepeat: the
// command may be handed over again if the owner went away mid-way.
int runOnWarRoom(CommandIo &io, const Command &command, const QStringList &arguments,
                 bool safeToRepeat)
{
    const auto address = parseAddress(
        optionValue(arguments, QStringLiteral("database")).value_or(defaultDatabasePath()));
    if (!address)
        return fail(io, address.error(), kExitUsage);
    // A shared war room has no owner process: every desktop and script has its own connection.
    if (address->isShared())
        return runCommand(io, command, arguments);
    const QString &path = address->path;
    // A war room that does not exist is not claimed: the command says so, creating nothing.
    if (command.name != u"new-incident" && !QFileInfo::exists(path))
        return runCommand(io, command, arguments);

    ForwardedCommand forwarded;
    forwarded.arguments = withAbsolutePaths(arguments, path);
    forwarded.user = io.user();
    if (readsInput(arguments)) {
        const auto input = io.readInput();
        if (!input)
            return fail(io, input.error());
        forwarded.input = input->toUtf8();
    }
    auto claim = claimOrForward(path, forwarded, kPatience, safeToRepeat);
    if (!claim)
        return fail(io, claim.error());
    if (claim->reply) {
        io.passOn(claim->reply->out, claim->reply->err);
        return claim->reply->exitCode;
    }
    // This process owns the war room until the command is done.
    return runCommand(io, command, forwarded.arguments);
}
} // namespace

namespace Cli {
bool handles(const QStringList &arguments)
{
    if (arguments.size() < 2)
        return false;
    // A first word that is not an option is a command, known or not: a typo must never open
    // the window (or abort for want of a display).
    if (findCommand(arguments.at(1)) || !arguments.at(1).startsWith(u'-'))
        return true;
    return arguments.contains(QStringLiteral("--help")) ||
           arguments.contains(QStringLiteral("-h")) ||
           arguments.contains(QStringLiteral("--version"));
}

bool needsGraphics(const QStringList &arguments)
{
    const QString command = arguments.value(1);
    return command == u"export-briefing" || command == u"export-report" ||
           command == u"export-debrief";
}

int run(const QStringList &arguments)
{
    CommandIo io;
    const Command *command = findCommand(arguments.value(1));
    if (!command && !arguments.value(1).startsWith(u'-')) {
        const QString nearest = nearestCommand(arguments.at(1));
        return fail(
            io,
            QStringLiteral("Unknown command \"%1\"%2. \"warroom --help\" lists the "
                           "commands.")
                .arg(arguments.at(1), nearest.isEmpty()
                                          ? QString()
                                          : QStringLiteral(" (did you mean \"%1\"?)").arg(nearest)),
            kExitUsage);
    }
    if (!command) {
        if (arguments.contains(QStringLiteral("--version"))) {
            io.out() << "warroom " << QCoreApplication::applicationVersion() << Qt::endl;
            return 0;
        }
        io.out() << overview();
        io.out().flush();
        return 0;
    }
    const bool wantsHelp =
        arguments.contains(QStringLiteral("--help")) || arguments.contains(QStringLiteral("-h"));
    if (!command->usesStore || wantsHelp)
        return runCommand(io, *command, arguments);
    if (ReadCommands::wantsFollow(arguments)) {
        // Each round reads and may be handed over again.
        return ReadCommands::follow(io, arguments, [&](const QStringList &round) {
            CommandIo captured(std::nullopt, io.user());
            const int exitCode = runOnWarRoom(captured, *command, round, true);
            return CommandReply{exitCode, captured.takeOut(), captured.takeErr()};
        });
    }
    if (LogBatch::wanted(arguments)) {
        return LogBatch::stream(
            io, arguments, [&](const QStringList &round, const QByteArray &batch) {
                CommandIo captured(batch, io.user());
                const int exitCode = runOnWarRoom(captured, *command, round, false);
                return CommandReply{exitCode, captured.takeOut(), captured.takeErr()};
            });
    }
    const bool safeToRepeat = optionValue(arguments, QStringLiteral("key")).has_value();
    return runOnWarRoom(io, *command, arguments, safeToRepeat);
}

CommandReply runForwarded(const ForwardedCommand &forwarded)
{
    const QStringList &arguments = forwarded.arguments;
    std::optional<QByteArray> input;
    if (readsInput(arguments))
        input = forwarded.input;
    CommandIo io(input, forwarded.user);
    const Command *command = findCommand(arguments.value(1));
    int exitCode = kExitUsage;
    if (!command || !command->usesStore) {
        fail(io,
             QStringLiteral("\"%1\" is not a command the war room's owner runs.")
                 .arg(arguments.value(1)),
             kExitUsage);
    } else if (needsGraphics(arguments) && !qobject_cast<QGuiApplication *>(qApp)) {
        fail(io, QStringLiteral("The Warroom process that has this war room open cannot draw; "
                                "export from the window, or when it has closed."));
        exitCode = kExitFailed;
    } else {
        exitCode = runCommand(io, *command, arguments);
    }
    return {exitCode, io.takeOut(), io.takeErr()};
}
} // namespace Cli
