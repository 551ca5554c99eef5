// IncidentStore: appending to the technical log, one entry or a script's batch.
#include "storage/incidentstore.h"

#include "storage/rows.h"

#include <QSqlRecord>

#include <array>

namespace {
// These kinds carry more than text and have calls of their own.
std::optional<Failure> refusalForKind(LogKind kind)
{
    switch (kind) {
    case LogKind::Ask:
        return Failure{QStringLiteral("An ask of the customer must say why only the customer can "
                                      "do it: record it as a customer ask, not a log line.")};
    case LogKind::Answer:
        return Failure{QStringLiteral("An answer must name its question: answer the question "
                                      "instead.")};
    case LogKind::Event:
        return Failure{QStringLiteral("Event entries are written by Warroom itself.")};
    default:
        return std::nullopt;
    }
}

// A batch's entries go in many rows to an INSERT: each statement costs its own round trip,
// trigger set-up and text-index flush. Sizes are powers of two up to the most, so that a few
// statement texts, each prepared once, serve every batch.
constexpr int kRowsPerInsertSteps = 9; // 1, 2, 4 ... 256
constexpr qsizetype kMostRowsPerInsert = qsizetype(1) << (kRowsPerInsertSteps - 1);
constexpr int kValuesPerRow = 13; // Rows::logInsertColumns

qsizetype rowsInNextInsert(qsizetype remaining)
{
    qsizetype rows = kMostRowsPerInsert;
    while (rows > remaining)
        rows /= 2;
    return rows;
}

const QString &insertRowsSql(qsizetype rows)
{
    static const std::array<QString, kRowsPerInsertSteps> texts = [] {
        std::array<QString, kRowsPerInsertSteps> built;
        const QString row = u'(' + Rows::placeholders(kValuesPerRow) + u')';
        for (int step = 0; step < kRowsPerInsertSteps; ++step) {
            built[step] =
                QStringLiteral("INSERT INTO log_entries (%1) VALUES %2 RETURNING %3")
                    .arg(Rows::logInsertColumns, QStringList(qsizetype(1) << step, row).join(u", "),
                         Rows::logColumns);
        }
        return built;
    }();
    int step = 0;
    while ((qsizetype(1) << step) < rows)
        ++step;
    return texts.at(step);
}
} // namespace

Result<LogEntry> IncidentStore::appendLogEntry(const NewLogEntry &entry)
{
    if (auto refused = refusalForKind(entry.kind))
        return *refused;
    return m_database->write<LogEntry>([&]() -> Result<LogEntry> { return insertLogEntry(entry); });
}

Result<QList<Result<LogEntry>>> IncidentStore::appendLogEntries(const QList<NewLogEntry> &entries)
{
    using Appended = QList<Result<LogEntry>>;
    return m_database->write<Appended>([&]() -> Result<Appended> {
        Appended appended(entries.size(), Failure{});
        // Entries of one incident that can be written together, and the keys among them: a key
        // seen again must find the first entry written, so it waits for the next group.
        QList<qsizetype> together;
        QSet<QString> keysTogether;
        const auto writeTogether = [&]() -> Outcome {
            Outcome written = insertLogEntriesTogether(entries, together, appended);
            together.clear();
            keysTogether.clear();
            return written;
        };
        for (qsizetype i = 0; i < entries.size(); ++i) {
            const NewLogEntry &entry = entries.at(i);
            if (auto refused = refusalForKind(entry.kind)) {
                appended[i] = *refused;
                continue;
            }
            if (auto bad = refusalOfFields(entry)) {
                appended[i] = *bad;
                continue;
            }
            const QString key = entry.postKey.trimmed();
            const bool alone = entry.correctsId > 0; // its target is looked at first
            if (!together.isEmpty() &&
                (alone || entries.at(together.constFirst()).incidentId != entry.incidentId ||
                 keysTogether.contains(key) || together.size() == kMostRowsPerInsert)) {
                if (Outcome written = writeTogether(); !written)
                    return written.failure();
            }
            if (alone) {
                appended[i] = insertLogEntry(entry);
                // A refusal found by looking leaves the transaction as it was; the database's
                // own failure fails the batch.
                if (!appended.at(i) && m_database->statementFailedInWrite())
                    return appended.at(i).failure();
                continue;
            }
            together.append(i);
            if (!key.isEmpty())
                keysTogether.insert(key);
        }
        if (Outcome written = writeTogether(); !written)
            return written.failure();
        return appended;
    });
}

Outcome IncidentStore::insertLogEntriesTogether(const QList<NewLogEntry> &entries,
                                                const QList<qsizetype> &together,
                                                QList<Result<LogEntry>> &appended)
{
    if (together.isEmpty())
        return done();
    const qint64 incidentId = entries.at(together.constFirst()).incidentId;
    if (Outcome exists = requireIncident(incidentId); !exists) {
        if (m_database->statementFailedInWrite())
            return exists.failure();
        for (qsizetype i : together)
            appended[i] = exists.failure();
        return done();
    }
    // A key posted before gets its first entry back, and writes nothing.
    QVariantList keys;
    for (qsizetype i : together) {
        if (const QString key = entries.at(i).postKey.trimmed(); !key.isEmpty())
            keys.append(key);
    }
    QHash<QString, LogEntry> earlier;
    if (!keys.isEmpty()) {
        auto found = m_database->run(QStringLiteral("SELECT %1, post_key FROM log_entries WHERE "
                                                    "incident_id = ? AND post_key IN (%2)")
                                         .arg(Rows::logColumns, Rows::placeholders(keys.size())),
                                     QVariantList{incidentId} + keys);
        if (!found)
            return found.failure();
        const int keyColumn = found->record().count() - 1;
        while (found->next())
            earlier.insert(found->value(keyColumn).toString(), Rows::logEntry(*found));
    }
    QList<qsizetype> toWrite;
    toWrite.reserve(together.size());
    for (qsizetype i : together) {
        const auto first = earlier.constFind(entries.at(i).postKey.trimmed());
        if (first != earlier.constEnd())
            appended[i] = *first;
        else
            toWrite.append(i);
    }
    // The write lock keeps every other writer out: the numbers past the newest are free.
    const Result<qint64> newest = logEntryCount(incidentId);
    if (!newest)
        return newest.failure();
    qint64 nextSeq = *newest + 1;
    for (qsizetype written = 0; written < toWrite.size();) {
        const qsizetype rows = rowsInNextInsert(toWrite.size() - written);
        QVariantList values;
        values.reserve(rows * kValuesPerRow);
        QHash<qint64, qsizetype> entryAtSeq; // rows come back in no promised order
        for (qsizetype row = 0; row < rows; ++row) {
            const qsizetype i = toWrite.at(written + row);
            const NewLogEntry &entry = entries.at(i);
            const QString key = entry.postKey.trimmed();
            entryAtSeq.insert(nextSeq, i);
            values << incidentId << nextSeq++ << Rows::time(writtenAt(entry))
                   << entry.author.trimmed() << logKindName(entry.kind) << entry.text.trimmed()
                   << QVariant() << entry.addressee.trimmed() << QVariant() << QVariant()
                   << QString() << (key.isEmpty() ? QVariant() : QVariant(key))
                   << (entry.byScript ? 1 : 0);
        }
        const auto inserted = m_database->list(insertRowsSql(rows), values, &Rows::logEntry);
        if (!inserted)
            return inserted.failure();
        if (inserted->size() != rows)
            return Failure{QStringLiteral("The log entries were not written.")};
        for (const LogEntry &entry : *inserted)
            appended[entryAtSeq.value(entry.seq)] = entry;
        written += rows;
    }
    return done();
}
