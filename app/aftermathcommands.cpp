#include "aftermathcommands.h"

#include "commandsupport.h"

#include "export/exportabledocument.h"
#include "rules/clock.h"
#include "rules/knownproblemmatch.h"
#include "rules/printable.h"
#include "rules/resolutionrules.h"
#include "storage/exportpath.h"
#include "usecases/debriefdocument.h"
#include "usecases/resolutiondocument.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace AftermathCommands {
namespace {
using namespace CommandSupport;

QCommandLineOption textOption(const QString &name, const QString &description)
{
    return QCommandLineOption(name, description, QStringLiteral("TEXT"));
}

// Prints each line of user text on its own line, control characters made visible.
void printLines(CommandIo &io, const QStringList &lines)
{
    for (const QString &line : lines)
        io.out() << printable(line) << '\n';
    io.out().flush();
}

// What every export shares: --incident, --out FILE.pdf|FILE.md and --paper, checked before the
// war room is opened, so that a bad path writes nothing.
struct ExportRequest
{
    qint64 incidentId = 0;
    QString path;
    BriefingPdf::Options options;
};

std::variant<ExportRequest, int> parseExport(CommandIo &io, QCommandLineParser &parser,
                                             const QStringList &arguments, const QString &command)
{
    const QCommandLineOption incident =
        idOption(QStringLiteral("incident"), QStringLiteral("incident"));
    const QCommandLineOption outFile(QStringLiteral("out"),
                                     QStringLiteral("The file to write: .pdf, or .md (Markdown "
                                                    "for an e-mail)."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption paper(
        QStringLiteral("paper"), QStringLiteral("a4, letter, or auto (from the locale; default)."),
        QStringLiteral("SIZE"), QStringLiteral("auto"));
    parser.addOptions({incident, outFile, paper});
    if (const auto stop = parseOrStop(io, parser, arguments))
        return *stop;
    ExportRequest request;
    const auto id = requiredId(parser, incident, command, QStringLiteral("incident"));
    if (!id)
        return fail(io, id.error(), kExitUsage);
    request.incidentId = *id;
    const auto path = required(parser, outFile, command);
    if (!path)
        return fail(io, path.error(), kExitUsage);
    request.path = *path;
    if (!ExportableDocument::isMarkdownPath(*path) &&
        !path->endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive))
        return fail(io, QStringLiteral("--out names a .pdf or a .md file, not \"%1\".").arg(*path),
                    kExitUsage);
    const auto paperSize = BriefingPdf::parsePaper(parser.value(paper));
    if (!paperSize)
        return fail(io, QStringLiteral("--paper takes a4, letter or auto."), kExitUsage);
    request.options.paper = *paperSize;
    if (Outcome allowed = checkExportPath(*path); !allowed)
        return fail(io, allowed.error());
    return request;
}

// Parses the export's options, reads the document from the war room, writes the file.
int runExport(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments,
              const QString &command,
              const std::function<Result<ExportableDocument>(const IncidentStore &, qint64,
                                                             const QDateTime &)> &load)
{
    const auto request = parseExport(io, parser, arguments, command);
    if (const int *stop = std::get_if<int>(&request))
        return *stop;
    const ExportRequest &r = std::get<ExportRequest>(request);
    SystemClock clock;
    auto store = openStore(io, parser, OpenMode::MustExist, clock);
    if (!store)
        return fail(io, store.error());
    const auto document = load(**store, r.incidentId, clock.now());
    if (!document)
        return fail(io, document.error());
    // A PDF is drawn on the application's own thread, where fonts and charts live.
    const Outcome written = onApplicationThread([&] { return document->write(r.path, r.options); });
    if (!written)
        return fail(io, written.error());
    return 0;
}

QJsonObject knownProblemJson(const KnownProblemMatch::Match &match)
{
    const KnownProblem &k = match.problem;
    QJsonArray incidents;
    for (qint64 id : k.incidents)
        incidents.append(id);
    return QJsonObject{{QStringLiteral("id"), k.id},
                       {QStringLiteral("symptom"), k.symptom},
                       {QStringLiteral("product"), k.product},
                       {QStringLiteral("workaround"), k.workaround},
                       {QStringLiteral("cause"), k.cause},
                       {QStringLiteral("fix_status"), fixStatusName(k.fixStatus)},
                       {QStringLiteral("fix_note"), k.fixNote},
                       {QStringLiteral("incidents"), incidents},
                       {QStringLiteral("matched"), QJsonArray::fromStringList(match.matched)}};
}

QStringList knownProblemLines(const KnownProblem &k)
{
    QStringList where;
    for (qint64 id : k.incidents)
        where.append(QStringLiteral("#%1").arg(id));
    QStringList lines{QStringLiteral("#%1 %2").arg(k.id).arg(k.symptom)};
    if (!k.product.isEmpty())
        lines << QStringLiteral("    Affects: %1").arg(k.product);
    lines << QStringLiteral("    Workaround: %1").arg(k.workaround);
    if (!k.cause.isEmpty())
        lines << QStringLiteral("    Cause: %1").arg(k.cause);
    lines << QStringLiteral("    Fix: %1%2")
                 .arg(fixStatusName(k.fixStatus),
                      k.fixNote.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(k.fixNote));
    if (!where.isEmpty())
        lines << QStringLiteral("    Seen in: %1").arg(where.join(QStringLiteral(", ")));
    return lines;
}
} // namespace

int addOption(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption incident =
        idOption(QStringLiteral("incident"), QStringLiteral("incident"));
    const QCommandLineOption title =
        textOption(QStringLiteral("title"), QStringLiteral("The option in a few words."));
    const QCommandLineOption pros =
        textOption(QStringLiteral("pros"), QStringLiteral("What speaks for it."));
    const QCommandLineOption cons =
        textOption(QStringLiteral("cons"), QStringLiteral("What speaks against it."));
    const QCommandLineOption by = byOption(io);
    parser.addOptions({incident, title, pros, cons, by});
    if (const auto stop = parseOrStop(io, parser, arguments))
        return *stop;
    const QString command = QStringLiteral("option");
    const auto id = requiredId(parser, incident, command, QStringLiteral("incident"));
    if (!id)
        return fail(io, id.error(), kExitUsage);
    const auto values = requiredValues(parser, {title, pros, cons}, command);
    if (!values)
        return fail(io, values.error(), kExitUsage);
    SystemClock clock;
    auto store = openStore(io, parser, OpenMode::MustExist, clock);
    if (!store)
        return fail(io, store.error());
    const auto added =
        (*store)->addOption({*id, parser.value(by), values->at(0), values->at(1), values->at(2)});
    if (!added)
        return fail(io, added.error());
    io.out() << *added << Qt::endl;
    return 0;
}

int choose(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption option = idOption(QStringLiteral("option"), QStringLiteral("option"));
    const QCommandLineOption why =
        textOption(QStringLiteral("why"), QStringLiteral("Why this option."));
    const QCommandLineOption by = byOption(io);
    parser.addOptions({option, why, by});
    if (const auto stop = parseOrStop(io, parser, arguments))
        return *stop;
    const QString command = QStringLiteral("choose");
    const auto id = requiredId(parser, option, command, QStringLiteral("option"));
    if (!id)
        return fail(io, id.error(), kExitUsage);
    const auto reason = required(parser, why, command);
    if (!reason)
        return fail(io, reason.error(), kExitUsage);
    SystemClock clock;
    auto store = openStore(io, parser, OpenMode::MustExist, clock);
    if (!store)
        return fail(io, store.error());
    if (Outcome chosen = (*store)->chooseOption(*id, *reason, parser.value(by)); !chosen)
        return fail(io, chosen.error());
    return 0;
}

int resolve(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption incident =
        idOption(QStringLiteral("incident"), QStringLiteral("incident"));
    const QCommandLineOption cause =
        textOption(QStringLiteral("cause"), QStringLiteral("What caused the problem."));
    const QCommandLineOption done =
        textOption(QStringLiteral("done"), QStringLiteral("What was done to solve it."));
    const QCommandLineOption remains(
        QStringLiteral("remains"),
        QStringLiteral("What else still needs to be done: \"WHAT; OWNER; DUE\" (repeat for each; "
                       "DUE as +3d or 2026-12-15), or \"none\"."),
        QStringLiteral("ITEM"));
    const QCommandLineOption fullySolved(QStringLiteral("fully-solved"),
                                         QStringLiteral("yes, or partly (what remains is listed "
                                                        "with --remains)."),
                                         QStringLiteral("yes|partly"));
    const QCommandLineOption recurrence =
        textOption(QStringLiteral("recurrence"),
                   QStringLiteral("Can it happen again, and how it is avoided."));
    const QCommandLineOption by = byOption(io);
    parser.addOptions({incident, cause, done, remains, fullySolved, recurrence, by});
    if (const auto stop = parseOrStop(io, parser, arguments))
        return *stop;
    const QString command = QStringLiteral("resolve");
    const auto id = requiredId(parser, incident, command, QStringLiteral("incident"));
    if (!id)
        return fail(io, id.error(), kExitUsage);
    // Every section is answered, or nothing is written.
    const auto values =
        requiredValues(parser, {cause, done, remains, fullySolved, recurrence}, command);
    if (!values)
        return fail(io,
                    values.error() + QStringLiteral(" A resolution report answers every section."),
                    kExitUsage);
    SystemClock clock;
    NewResolutionReport report;
    report.incidentId = *id;
    report.by = parser.value(by);
    report.cause = values->at(0);
    report.done = values->at(1);
    for (const QString &item : parser.values(remains)) {
        if (item.trimmed().compare(QStringLiteral("none"), Qt::CaseInsensitive) == 0) {
            report.noneRemains = true;
            continue;
        }
        const auto parsed = parseActionItem(item, clock.now());
        if (!parsed)
            return fail(io, parsed.error(), kExitUsage);
        report.remains.append(*parsed);
    }
    const QString solved = values->at(3).trimmed().toLower();
    if (solved != u"yes" && solved != u"partly")
        return fail(io, QStringLiteral("--fully-solved takes yes or partly."), kExitUsage);
    report.fullySolved = solved == u"yes";
    report.recurrence = values->at(4);
    if (Outcome complete = checkResolutionReport(report, clock.now()); !complete)
        return fail(io, complete.error(), kExitUsage);
    auto store = openStore(io, parser, OpenMode::MustExist, clock);
    if (!store)
        return fail(io, store.error());
    const auto resolved = (*store)->resolve(report);
    if (!resolved)
        return fail(io, resolved.error());
    io.out() << resolved->id << Qt::endl;
    return 0;
}

int exportReport(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments)
{
    return runExport(io, parser, arguments, QStringLiteral("export-report"),
                     [](const IncidentStore &store, qint64 incidentId, const QDateTime &) {
                         return ExportableDocument::resolutionReport(store, incidentId);
                     });
}

int debrief(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption incident =
        idOption(QStringLiteral("incident"), QStringLiteral("incident"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print the figures as one JSON object."));
    const QCommandLineOption wentWell = textOption(
        QStringLiteral("went-well"), QStringLiteral("Write the debrief: what went well."));
    const QCommandLineOption wentBadly =
        textOption(QStringLiteral("went-badly"), QStringLiteral("What went badly."));
    const QCommandLineOption feedback =
        textOption(QStringLiteral("feedback"), QStringLiteral("The customer's feedback."));
    const QCommandLineOption lessons =
        textOption(QStringLiteral("lessons"), QStringLiteral("Lessons learned, one per line."));
    const QCommandLineOption by = byOption(io);
    parser.addOptions({incident, json, wentWell, wentBadly, feedback, lessons, by});
    if (const auto stop = parseOrStop(io, parser, arguments))
        return *stop;
    const QString command = QStringLiteral("debrief");
    const auto id = requiredId(parser, incident, command, QStringLiteral("incident"));
    if (!id)
        return fail(io, id.error(), kExitUsage);
    const QList<QCommandLineOption> sections{wentWell, wentBadly, feedback, lessons};
    const bool writing = std::any_of(sections.cbegin(), sections.cend(),
                                     [&](const QCommandLineOption &o) { return parser.isSet(o); });
    std::optional<QStringList> written;
    if (writing) {
        const auto values = requiredValues(parser, sections, command);
        if (!values)
            return fail(io, values.error() + QStringLiteral(" A debrief answers every section."),
                        kExitUsage);
        written = *values;
    }
    SystemClock clock;
    auto store = openStore(io, parser, OpenMode::MustExist, clock);
    if (!store)
        return fail(io, store.error());
    if (written) {
        const auto recorded =
            (*store)->recordDebrief({*id, parser.value(by), written->at(0), written->at(1),
                                     written->at(2), written->at(3)});
        if (!recorded)
            return fail(io, recorded.error());
    }
    const auto document = DebriefDocument::load(**store, *id, clock.now());
    if (!document)
        return fail(io, document.error());
    if (parser.isSet(json)) {
        io.out() << QJsonDocument(document->json()).toJson(QJsonDocument::Compact) << Qt::endl;
        return 0;
    }
    printLines(io, document->figures.lines());
    return 0;
}

int exportDebrief(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments)
{
    return runExport(io, parser, arguments, QStringLiteral("export-debrief"),
                     &ExportableDocument::debrief);
}

int actionDone(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption action =
        idOption(QStringLiteral("action"), QStringLiteral("action item"));
    const QCommandLineOption note =
        textOption(QStringLiteral("note"), QStringLiteral("What was done, briefly."));
    const QCommandLineOption by = byOption(io);
    parser.addOptions({action, note, by});
    if (const auto stop = parseOrStop(io, parser, arguments))
        return *stop;
    const auto id =
        requiredId(parser, action, QStringLiteral("done"), QStringLiteral("action item"));
    if (!id)
        return fail(io, id.error(), kExitUsage);
    SystemClock clock;
    auto store = openStore(io, parser, OpenMode::MustExist, clock);
    if (!store)
        return fail(io, store.error());
    if (Outcome marked = (*store)->markActionDone(*id, parser.value(note), parser.value(by));
        !marked)
        return fail(io, marked.error());
    return 0;
}

int close(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption incident =
        idOption(QStringLiteral("incident"), QStringLiteral("incident"));
    const QCommandLineOption by = byOption(io);
    parser.addOptions({incident, by});
    if (const auto stop = parseOrStop(io, parser, arguments))
        return *stop;
    const auto id =
        requiredId(parser, incident, QStringLiteral("close"), QStringLiteral("incident"));
    if (!id)
        return fail(io, id.error(), kExitUsage);
    SystemClock clock;
    auto store = openStore(io, parser, OpenMode::MustExist, clock);
    if (!store)
        return fail(io, store.error());
    NewStatusChange change;
    change.incidentId = *id;
    change.by = parser.value(by);
    change.to = IncidentStatus::Closed;
    if (const auto closed = (*store)->changeStatus(change); !closed)
        return fail(io, closed.error());
    return 0;
}

int knownProblems(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments)
{
    parser.addPositionalArgument(QStringLiteral("add|search|list"),
                                 QStringLiteral("add one, search by words, or list them all."));
    const QCommandLineOption symptom =
        textOption(QStringLiteral("symptom"),
                   QStringLiteral("add: what one sees, in the words people search with."));
    const QCommandLineOption workaround =
        textOption(QStringLiteral("workaround"),
                   QStringLiteral("add: what to do meanwhile, in plain language."));
    const QCommandLineOption cause =
        textOption(QStringLiteral("cause"), QStringLiteral("add: the cause, if known."));
    const QCommandLineOption product = textOption(
        QStringLiteral("product"), QStringLiteral("add: the affected product or version."));
    const QCommandLineOption fromIncident(QStringLiteral("incident"),
                                          QStringLiteral("add: the incident it was learned in."),
                                          QStringLiteral("ID"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("search, list: one JSON array."));
    const QCommandLineOption by = byOption(io);
    parser.addOptions({symptom, workaround, cause, product, fromIncident, json, by});
    if (const auto stop = parseOrStop(io, parser, arguments))
        return *stop;
    const QStringList words = parser.positionalArguments();
    const QString sub = words.value(0);
    if (sub != u"add" && sub != u"search" && sub != u"list")
        return fail(io, QStringLiteral("known-problems takes add, search TEXT or list."),
                    kExitUsage);
    NewKnownProblem problem;
    if (sub == u"add") {
        const auto values =
            requiredValues(parser, {symptom, workaround}, QStringLiteral("known-problems add"));
        if (!values)
            return fail(io, values.error(), kExitUsage);
        problem = {parser.value(by),
                   values->at(0),
                   parser.value(product),
                   values->at(1),
                   parser.value(cause),
                   FixStatus::None,
                   0};
        if (parser.isSet(fromIncident)) {
            const auto id = parseId(parser.value(fromIncident), QStringLiteral("incident"));
            if (!id)
                return fail(io, id.error(), kExitUsage);
            problem.fromIncidentId = *id;
        }
    }
    const QString query = words.mid(1).join(u' ');
    if (sub == u"search" && query.trimmed().isEmpty())
        return fail(io, QStringLiteral("known-problems search needs the words to look for."),
                    kExitUsage);
    SystemClock clock;
    auto store = openStore(io, parser, OpenMode::MustExist, clock);
    if (!store)
        return fail(io, store.error());
    if (sub == u"add") {
        const auto added = (*store)->addKnownProblem(problem);
        if (!added)
            return fail(io, added.error());
        io.out() << *added << Qt::endl;
        return 0;
    }
    const auto book = (*store)->knownProblems();
    if (!book)
        return fail(io, book.error());
    QList<KnownProblemMatch::Match> found;
    if (sub == u"search") {
        found = KnownProblemMatch::search(*book, query);
    } else {
        for (const KnownProblem &k : *book)
            found.append({k, {}, 1});
    }
    if (parser.isSet(json)) {
        QJsonArray array;
        for (const KnownProblemMatch::Match &match : found)
            array.append(knownProblemJson(match));
        io.out() << QJsonDocument(array).toJson(QJsonDocument::Compact) << Qt::endl;
        return 0;
    }
    if (found.isEmpty())
        io.out() << (sub == u"search" ? "No known problem matches.\n" : "The book is empty.\n");
    for (const KnownProblemMatch::Match &match : found)
        printLines(io, knownProblemLines(match.problem));
    io.out().flush();
    return 0;
}
} // namespace AftermathCommands
