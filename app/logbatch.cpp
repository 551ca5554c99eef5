#include "logbatch.h"

#include "commandsupport.h"
#include "sharedwrites.h"

#include "domain/fieldcheck.h"
#include "rules/clock.h"
#include "storage/incidentstore.h"
#include "usecases/queuedwrite.h"
#include "usecases/sharedwrite.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <poll.h>
#include <unistd.h>

#include <cerrno>

namespace {
using namespace CommandSupport;

const QString kLines = QStringLiteral("lines");
const QString kJsonLines = QStringLiteral("jsonl");
const QString kFirstLine = QStringLiteral("first-line");

// A batch holds what has arrived, up to this many lines: one transaction that keeps the war
// room's writer for a fraction of a second.
constexpr qsizetype kMaxBatchLines = 10000;
// A line longer than this is no log entry (a text field holds far less): it is skipped
// without being held in memory.
constexpr qsizetype kMaxLineBytes = 1 << 20;

struct InputLine
{
    QByteArray text;
    bool tooLong = false;
};

// This process's standard input as batches of whole lines: each batch is what has arrived
// (waiting only for the first line), so a slow writer's lines go out one by one and a fast
// one's in large batches.
class StandardInput
{
public:
    // The next lines; none at the end of input.
    QList<InputLine> nextLines()
    {
        QList<InputLine> lines;
        for (;;) {
            takeWholeLines(lines);
            if (lines.size() >= kMaxBatchLines || m_ended)
                break;
            if (!lines.isEmpty() && !hasMoreNow())
                break;
            readMore();
        }
        if (m_ended && lines.size() < kMaxBatchLines && (!m_buffer.isEmpty() || m_discarding)) {
            lines.append({std::exchange(m_buffer, {}), m_discarding}); // a last line without '\n'
            m_discarding = false;
        }
        return lines;
    }

private:
    void takeWholeLines(QList<InputLine> &lines)
    {
        qsizetype start = 0;
        while (lines.size() < kMaxBatchLines) {
            const qsizetype end = m_buffer.indexOf('\n', start);
            if (end < 0)
                break;
            if (m_discarding)
                lines.append({{}, true});
            else
                lines.append({m_buffer.mid(start, end - start), false});
            m_discarding = false;
            start = end + 1;
        }
        m_buffer.remove(0, start);
        if (m_buffer.indexOf('\n') >= 0)
            return; // the batch is full; the rest waits for the next one
        if (m_buffer.size() > kMaxLineBytes)
            m_discarding = true;
        if (m_discarding)
            m_buffer.clear();
    }

    static bool hasMoreNow()
    {
        pollfd input{STDIN_FILENO, POLLIN, 0};
        return ::poll(&input, 1, 0) > 0;
    }

    void readMore()
    {
        char chunk[64 * 1024];
        for (;;) {
            const ssize_t got = ::read(STDIN_FILENO, chunk, sizeof chunk);
            if (got > 0) {
                m_buffer.append(chunk, got);
                return;
            }
            if (got < 0 && errno == EINTR)
                continue;
            m_ended = true; // the end, or input that cannot be read: what came is written
            return;
        }
    }

    QByteArray m_buffer;
    bool m_ended = false;
    bool m_discarding = false; // inside a line too long to keep
};

// One line of --jsonl as an entry, the defaults filling what it leaves out.
Result<NewLogEntry> fromJson(const QByteArray &line, const NewLogEntry &defaults)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(line, &error);
    if (!document.isObject())
        return Failure{error.error != QJsonParseError::NoError
                           ? QStringLiteral("not JSON (%1 at character %2)")
                                 .arg(error.errorString())
                                 .arg(error.offset + 1)
                           : QStringLiteral("not a JSON object")};
    const QJsonObject object = document.object();
    static const QStringList known{QStringLiteral("kind"), QStringLiteral("author"),
                                   QStringLiteral("body"), QStringLiteral("key"),
                                   QStringLiteral("at")};
    for (auto field = object.begin(); field != object.end(); ++field) {
        if (!known.contains(field.key()))
            return Failure{QStringLiteral("unknown field \"%1\" (the fields are %2)")
                               .arg(field.key(), known.join(u", "))};
        if (!field.value().isString())
            return Failure{QStringLiteral("\"%1\" must be a string").arg(field.key())};
    }
    NewLogEntry entry = defaults;
    entry.text = object.value(QStringLiteral("body")).toString();
    if (entry.text.trimmed().isEmpty())
        return Failure{QStringLiteral("\"body\" is missing or empty")};
    if (object.contains(QStringLiteral("kind"))) {
        const QString kind = object.value(QStringLiteral("kind")).toString();
        const std::optional<LogKind> parsed = parseLogKind(kind);
        if (!parsed || !postableKindNames().contains(kind))
            return Failure{QStringLiteral("unknown kind \"%1\": use one of %2")
                               .arg(kind, postableKindNames().join(u", "))};
        entry.kind = *parsed;
    }
    if (object.contains(QStringLiteral("author")))
        entry.author = object.value(QStringLiteral("author")).toString();
    entry.postKey = object.value(QStringLiteral("key")).toString();
    if (object.contains(QStringLiteral("at"))) {
        const QString at = object.value(QStringLiteral("at")).toString();
        entry.writtenAt = QDateTime::fromString(at, Qt::ISODateWithMs);
        if (!entry.writtenAt.isValid())
            return Failure{QStringLiteral("\"at\" is not an ISO 8601 time with zone (e.g. "
                                          "2026-11-25T09:30:00Z): \"%1\"")
                               .arg(at)};
    }
    return entry;
}

// An answer for one line: "LINE<TAB>WHAT" for --lines, a JSON object for --jsonl.
void acknowledge(CommandIo &io, bool json, qint64 line, const QString &field, qint64 value)
{
    if (json) // the line first, as the input came
        io.out() << "{\"line\":" << line << ",\"" << field << "\":" << value << "}\n";
    else
        io.out() << line << '\t' << (field == u"id" ? QString() : field + u' ') << value << '\n';
}

void refuse(CommandIo &io, qint64 line, const QString &why)
{
    io.err() << "line " << line << ": " << why << " (not written)\n";
}
} // namespace

namespace LogBatch {
bool wanted(const QStringList &arguments)
{
    const QStringList options = arguments.mid(2);
    return arguments.value(1) == u"log" &&
           (options.contains(u"--" + kLines) || options.contains(u"--" + kJsonLines));
}

QList<QCommandLineOption> options()
{
    QCommandLineOption firstLine(kFirstLine, QStringLiteral("Number of the batch's first line."),
                                 QStringLiteral("N"), QStringLiteral("1"));
    firstLine.setFlags(QCommandLineOption::HiddenFromHelp);
    return {
        QCommandLineOption(kLines,
                           QStringLiteral("Each line of standard input is one entry (with --kind "
                                          "and --author); prints LINE<TAB>ID for each.")),
        QCommandLineOption(
            kJsonLines,
            QStringLiteral("Each line of standard input is a JSON object: body, and optionally "
                           "kind, author, key, at (ISO 8601); prints {\"line\":N,\"id\":ID} for "
                           "each.")),
        firstLine,
    };
}

int writeRound(CommandIo &io, const QCommandLineParser &parser, const NewLogEntry &defaults,
               const Clock &clock)
{
    const bool json = parser.isSet(kJsonLines);
    if (json && parser.isSet(kLines))
        return fail(io, QStringLiteral("log takes --lines or --jsonl, not both."), kExitUsage);
    if (!parser.positionalArguments().isEmpty())
        return fail(io,
                    QStringLiteral("log --%1 reads entries from standard input; it takes no TEXT.")
                        .arg(json ? kJsonLines : kLines),
                    kExitUsage);
    if (!defaults.postKey.isEmpty() || defaults.correctsId > 0)
        return fail(io,
                    QStringLiteral("--key and --corrects name one entry; with --jsonl give each "
                                   "line its own \"key\"."),
                    kExitUsage);
    bool firstLineOk = false;
    const qint64 firstLine = parser.value(kFirstLine).toLongLong(&firstLineOk);
    if (!firstLineOk || firstLine < 1)
        return fail(io, QStringLiteral("--first-line needs a line number."), kExitUsage);
    const auto input = io.readInput();
    if (!input)
        return fail(io, input.error());

    int exitCode = 0;
    QList<NewLogEntry> entries;
    QList<qint64> lineOf;
    const QStringList lines = input->split(u'\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        if (line.trimmed().isEmpty())
            continue;
        NewLogEntry plain = defaults;
        plain.text = line;
        Result<NewLogEntry> entry = json ? fromJson(line.toUtf8(), defaults) : plain;
        if (!entry) {
            refuse(io, firstLine + i, entry.error());
            exitCode = kExitSomeRefused;
            continue;
        }
        entries.append(entry.take());
        lineOf.append(firstLine + i);
    }
    if (entries.isEmpty())
        return exitCode;

    const auto address = chosenAddress(parser);
    if (!address)
        return fail(io, address.error(), kExitUsage);
    Result<QList<Result<LogEntry>>> written = Failure{};
    if (auto store = SharedWrites::open(io, *address, OpenMode::MustExist, clock); store) {
        // Asked once, not refused line by line.
        if (const auto incident = (*store)->incident(defaults.incidentId);
            !incident && !incident.unreachable())
            return fail(io, incident.error(), kExitUsage);
        written = (*store)->appendLogEntries(entries);
    } else {
        written = store.failure();
    }
    if (!written && written.unreachable() && !parser.isSet(QStringLiteral("no-queue"))) {
        // Kept one by one, each delivered once the server is back.
        for (qsizetype i = 0; i < entries.size(); ++i) {
            const auto kept = SharedWrite::keep(QueuedWrite::logEntry(entries.at(i)),
                                                address->display(), clock.now());
            if (!kept)
                return fail(io, QStringLiteral("%1 Lines %2 on could not be kept either: %3")
                                    .arg(written.error())
                                    .arg(lineOf.at(i))
                                    .arg(kept.error()));
            acknowledge(io, json, lineOf.at(i), QStringLiteral("queued"), kept->id);
        }
        io.out().flush();
        return exitCode;
    }
    if (!written)
        return fail(io,
                    QStringLiteral("Nothing of lines %1-%2 was written: %3")
                        .arg(lineOf.constFirst())
                        .arg(lineOf.constLast())
                        .arg(written.error()),
                    written.unreachable() ? SharedWrites::kExitUnreachable : kExitFailed);
    for (qsizetype i = 0; i < written->size(); ++i) {
        const Result<LogEntry> &entry = written->at(i);
        if (entry) {
            acknowledge(io, json, lineOf.at(i), QStringLiteral("id"), entry->id);
        } else {
            refuse(io, lineOf.at(i), entry.error());
            exitCode = kExitSomeRefused;
        }
    }
    io.out().flush();
    return exitCode;
}

int stream(CommandIo &io, const QStringList &arguments, const Round &runRound)
{
    StandardInput input;
    qint64 nextLine = 1;
    int exitCode = 0;
    for (;;) {
        const QList<InputLine> lines = input.nextLines();
        if (lines.isEmpty())
            return exitCode;
        QByteArray batch;
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (lines.at(i).tooLong) {
                refuse(io, nextLine + i, QStringLiteral("longer than %1 bytes").arg(kMaxLineBytes));
                exitCode = kExitSomeRefused;
            } else {
                batch += lines.at(i).text;
            }
            batch += '\n'; // the next line keeps its number
        }
        io.err().flush();
        const CommandReply reply =
            runRound(arguments + QStringList{u"--" + kFirstLine, QString::number(nextLine)}, batch);
        io.passOn(reply.out, reply.err);
        nextLine += lines.size();
        if (reply.exitCode == kExitSomeRefused) {
            exitCode = kExitSomeRefused;
        } else if (reply.exitCode != 0) {
            if (nextLine - lines.size() > 1)
                tell(io, QStringLiteral("Lines before %1 were written as acknowledged; the rest "
                                        "of the input was not read.")
                             .arg(nextLine - lines.size()));
            return reply.exitCode;
        }
    }
}
} // namespace LogBatch
