#include "readcommands.h"

#include "commandsupport.h"
#include "rules/clock.h"
#include "rules/printable.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

using namespace CommandSupport;

namespace {
constexpr int kPage = 500; // entries read at a time: a long log never sits in memory whole
constexpr unsigned long kFollowIntervalMs = 1000;

QJsonValue idOrNull(qint64 id)
{
    return id > 0 ? QJsonValue(id) : QJsonValue(QJsonValue::Null);
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonValue timeOrNull(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs))
                          : QJsonValue(QJsonValue::Null);
}

QString utcText(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + u'Z';
}

QJsonObject entryJson(const LogEntry &e)
{
    return QJsonObject{{QStringLiteral("incident"), e.incidentId},
                       {QStringLiteral("seq"), e.seq},
                       {QStringLiteral("id"), e.id},
                       {QStringLiteral("at"), timeOrNull(e.at)},
                       {QStringLiteral("author"), e.author},
                       {QStringLiteral("kind"), logKindName(e.kind)},
                       {QStringLiteral("event"), textOrNull(e.event)},
                       {QStringLiteral("text"), e.text},
                       {QStringLiteral("corrects"), idOrNull(e.correctsId)},
                       {QStringLiteral("addressee"), textOrNull(e.addressee)},
                       {QStringLiteral("answers"), idOrNull(e.answersId)},
                       {QStringLiteral("commitment"), idOrNull(e.commitmentId)},
                       {QStringLiteral("signed_in_as"), textOrNull(e.signedInAs)}};
}

// The follower reads the rounds' JSON back to print it as text.
LogEntry entryFromJson(const QJsonObject &o)
{
    LogEntry e;
    e.incidentId = o.value(QStringLiteral("incident")).toInteger();
    e.seq = o.value(QStringLiteral("seq")).toInteger();
    e.id = o.value(QStringLiteral("id")).toInteger();
    e.at = QDateTime::fromString(o.value(QStringLiteral("at")).toString(), Qt::ISODateWithMs);
    e.author = o.value(QStringLiteral("author")).toString();
    e.kind = parseLogKind(o.value(QStringLiteral("kind")).toString()).value_or(LogKind::Event);
    e.event = o.value(QStringLiteral("event")).toString();
    e.text = o.value(QStringLiteral("text")).toString();
    e.correctsId = o.value(QStringLiteral("corrects")).toInteger();
    return e;
}

// seq, time, author, kind (or event), text: tab-separated, one line per entry.
QString entryLine(const LogEntry &e)
{
    QString kind = logKindName(e.kind);
    if (!e.event.isEmpty())
        kind += u':' + e.event;
    QString text = printable(e.text);
    if (e.correctsId > 0)
        text = QStringLiteral("[corrects entry %1] ").arg(e.correctsId) + text;
    return QStringLiteral("%1\t%2\t%3\t%4\t%5")
        .arg(QString::number(e.seq), utcText(e.at), printable(e.author), kind, text);
}

QJsonObject commitmentJson(const Commitment &c, const QDateTime &now)
{
    QJsonObject o{{QStringLiteral("id"), c.id},
                  {QStringLiteral("incident"), c.incidentId},
                  {QStringLiteral("state"), commitmentStateName(c.stateAt(now))},
                  {QStringLiteral("what"), c.what},
                  {QStringLiteral("owner"), c.owner},
                  {QStringLiteral("due"), timeOrNull(c.due)},
                  {QStringLiteral("seconds_left"), now.secsTo(c.due)},
                  {QStringLiteral("why"), c.why},
                  {QStringLiteral("created_at"), timeOrNull(c.createdAt)},
                  {QStringLiteral("created_by"), c.createdBy},
                  {QStringLiteral("timebox_for"), idOrNull(c.hypothesisEntryId)},
                  {QStringLiteral("ended_at"), QJsonValue::Null},
                  {QStringLiteral("ended_by"), QJsonValue::Null},
                  {QStringLiteral("superseded_by"), QJsonValue::Null},
                  {QStringLiteral("not_kept_because"), QJsonValue::Null},
                  {QStringLiteral("verdict"), QJsonValue::Null}};
    if (const auto &outcome = c.outcome) {
        o.insert(QStringLiteral("ended_at"), timeOrNull(outcome->at));
        o.insert(QStringLiteral("ended_by"), outcome->by);
        o.insert(QStringLiteral("superseded_by"), idOrNull(outcome->supersededById));
        o.insert(QStringLiteral("not_kept_because"), textOrNull(outcome->reason));
        if (outcome->verdict != TimeboxVerdict::None)
            o.insert(QStringLiteral("verdict"), outcome->verdict == TimeboxVerdict::Confirmed
                                                    ? QStringLiteral("confirmed")
                                                    : QStringLiteral("dropped"));
    }
    return o;
}

void printJson(CommandIo &io, const QJsonObject &object)
{
    io.out() << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
}

void printEntries(CommandIo &io, const QList<LogEntry> &entries, bool json)
{
    for (const LogEntry &entry : entries) {
        if (json)
            printJson(io, entryJson(entry));
        else
            io.out() << entryLine(entry) << '\n';
    }
    io.out().flush();
}

QCommandLineOption jsonOption()
{
    return QCommandLineOption(QStringLiteral("json"),
                              QStringLiteral("One JSON object per line (fields: see README)."));
}

std::optional<qint64> sinceValue(const QString &text)
{
    bool ok = false;
    const qint64 since = text.toLongLong(&ok);
    if (!ok || since < 0)
        return std::nullopt;
    return since;
}

const QString kSinceUsage = QStringLiteral("--since takes an entry's number (seq), 0 or more.");
} // namespace

namespace ReadCommands {
bool wantsFollow(const QStringList &arguments)
{
    return arguments.value(1) == u"tail" && arguments.mid(2).contains(QStringLiteral("--follow"));
}

int tail(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption incident =
        idOption(QStringLiteral("incident"), QStringLiteral("incident"));
    const QCommandLineOption since(
        QStringLiteral("since"), QStringLiteral("Only entries after this number (seq); default 0."),
        QStringLiteral("SEQ"), QStringLiteral("0"));
    const QCommandLineOption follow(
        QStringLiteral("follow"),
        QStringLiteral("Keep printing new entries as they arrive, from any desktop, until "
                       "stopped."));
    const QCommandLineOption json = jsonOption();
    parser.addOptions({incident, since, follow, json});
    if (const auto stop = parseOrStop(io, parser, arguments))
        return *stop;
    if (parser.isSet(follow))
        return fail(io, QStringLiteral("tail --follow runs in its own process only."), kExitUsage);
    const auto after = sinceValue(parser.value(since));
    if (!after)
        return fail(io, kSinceUsage, kExitUsage);
    SystemClock clock;
    const OpenedIncident opened = openIncident(io, parser, incident, QStringLiteral("tail"), clock);
    if (!opened)
        return opened.exitCode;
    for (qint64 next = *after + 1;;) {
        const auto page = opened.store->logEntries(opened.id, next, kPage);
        if (!page)
            return fail(io, page.error());
        printEntries(io, *page, parser.isSet(json));
        if (page->size() < kPage)
            return 0;
        next = page->constLast().seq + 1;
    }
}

int search(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption incident =
        idOption(QStringLiteral("incident"), QStringLiteral("incident"));
    const QCommandLineOption json = jsonOption();
    parser.addPositionalArgument(QStringLiteral("WORDS"),
                                 QStringLiteral("Each the start of a word in the entry, any "
                                                "case, any order."));
    parser.addOptions({incident, json});
    if (const auto stop = parseOrStop(io, parser, arguments))
        return *stop;
    const LogSearch words(parser.positionalArguments().join(u' '));
    if (words.isEmpty())
        return fail(io,
                    QStringLiteral("search needs words to look for (letters or digits), e.g. "
                                   "warroom search --incident 1 \"disk full\"."),
                    kExitUsage);
    SystemClock clock;
    const OpenedIncident opened =
        openIncident(io, parser, incident, QStringLiteral("search"), clock);
    if (!opened)
        return opened.exitCode;
    for (qint64 after = 0;;) {
        const auto hits =
            opened.store->searchLog(opened.id, words, {}, after, SearchDirection::Forward, kPage);
        if (!hits)
            return fail(io, hits.error());
        QList<qint64> seqs;
        for (const LogHit &hit : *hits)
            seqs.append(hit.seq);
        const auto entries = opened.store->logEntriesAt(opened.id, seqs);
        if (!entries)
            return fail(io, entries.error());
        printEntries(io, *entries, parser.isSet(json));
        if (hits->size() < kPage)
            return 0;
        after = hits->constLast().id;
    }
}

int commitments(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption incident =
        idOption(QStringLiteral("incident"), QStringLiteral("incident"));
    const QCommandLineOption json = jsonOption();
    parser.addOptions({incident, json});
    if (const auto stop = parseOrStop(io, parser, arguments))
        return *stop;
    SystemClock clock;
    const OpenedIncident opened =
        openIncident(io, parser, incident, QStringLiteral("commitments"), clock);
    if (!opened)
        return opened.exitCode;
    const auto all = opened.store->commitments(opened.id);
    if (!all)
        return fail(io, all.error());
    const QDateTime now = clock.now();
    for (const Commitment &c : *all) {
        if (parser.isSet(json)) {
            printJson(io, commitmentJson(c, now));
            continue;
        }
        io.out() << c.id << '\t' << commitmentStateName(c.stateAt(now)) << '\t' << utcText(c.due)
                 << '\t' << printable(c.owner) << '\t' << printable(c.what) << '\t'
                 << printable(c.why) << '\n';
    }
    io.out().flush();
    return 0;
}

int follow(CommandIo &io, const QStringList &arguments, const Round &runRound)
{
    // The rounds always speak JSON, so the follower knows where it is; it prints in the form
    // asked for.
    QStringList base;
    bool json = false;
    qint64 since = 0;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        QString sinceText;
        if (argument == u"--follow") {
            continue;
        } else if (argument == u"--json") {
            json = true;
            continue;
        } else if (argument == u"--since") {
            sinceText = arguments.value(++i);
        } else if (argument.startsWith(QStringLiteral("--since="))) {
            sinceText = argument.mid(8);
        } else {
            base << argument;
            continue;
        }
        const auto parsed = sinceValue(sinceText);
        if (!parsed)
            return fail(io, kSinceUsage, kExitUsage);
        since = *parsed;
    }

    bool followed = false; // a first round that fails ends the command: nothing to follow
    QString lastProblem;
    for (;;) {
        const CommandReply reply =
            runRound(base + QStringList{QStringLiteral("--json"), QStringLiteral("--since"),
                                        QString::number(since)});
        if (reply.exitCode != 0) {
            if (!followed) {
                io.err() << QString::fromUtf8(reply.err);
                io.err().flush();
                return reply.exitCode;
            }
            // A server that went away, a window that is closing: say so once, keep trying.
            const QString problem = QString::fromUtf8(reply.err).trimmed();
            if (problem != lastProblem) {
                tell(io, QStringLiteral("still following; %1").arg(problem));
                lastProblem = problem;
            }
        } else {
            if (!lastProblem.isEmpty())
                tell(io, QStringLiteral("following again."));
            lastProblem.clear();
            followed = true;
            for (const QByteArray &line : reply.out.split('\n')) {
                if (line.trimmed().isEmpty())
                    continue;
                const QJsonObject object = QJsonDocument::fromJson(line).object();
                since = std::max(since, object.value(QStringLiteral("seq")).toInteger());
                if (json)
                    io.out() << QString::fromUtf8(line) << '\n';
                else
                    io.out() << entryLine(entryFromJson(object)) << '\n';
            }
            io.out().flush();
        }
        QThread::msleep(kFollowIntervalMs);
    }
}
} // namespace ReadCommands
