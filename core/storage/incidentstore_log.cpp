// IncidentStore: the technical log and its open questions.
#include "storage/incidentstore.h"

#include "domain/fieldcheck.h"
#include "rules/clock.h"
#include "storage/rows.h"

const QString IncidentStore::kAlreadyRecorded = QStringLiteral("already recorded");

Result<LogEntry> IncidentStore::insertLogEntry(const NewLogEntry &entry, qint64 answersId,
                                               qint64 commitmentId, const QString &event,
                                               const QDateTime &at)
{
    if (auto bad = refusalOfFields(entry))
        return *bad;
    if (Outcome exists = requireIncident(entry.incidentId); !exists)
        return exists.failure();
    for (const auto &[linked, what] : {std::pair{entry.correctsId, QStringLiteral("corrected")},
                                       std::pair{answersId, QStringLiteral("answered")}}) {
        if (linked <= 0)
            continue;
        const auto target = m_database->scalar(
            QStringLiteral("SELECT incident_id FROM log_entries WHERE id = ?"), {linked});
        if (!target)
            return target.failure();
        if (target->toLongLong() != entry.incidentId)
            return Failure{QStringLiteral("Log entry %1 is not in this incident, so it cannot be "
                                          "%2 here.")
                               .arg(linked)
                               .arg(what)};
    }
    // An event recorded for a commitment exists once: a second writer's copy is dropped. The
    // owner's writes are serialized, so looking first cannot race.
    if (commitmentId > 0) {
        const auto recorded = m_database->scalar(
            QStringLiteral(
                "SELECT count(*) FROM log_entries WHERE commitment_id = ? AND event = ?"),
            {commitmentId, event});
        if (!recorded)
            return recorded.failure();
        if (recorded->toLongLong() > 0)
            return Failure{kAlreadyRecorded};
    }
    const QString postKey = entry.postKey.trimmed();
    if (!postKey.isEmpty()) {
        auto earlier = m_database->run(QStringLiteral("SELECT %1 FROM log_entries WHERE "
                                                      "incident_id = ? AND post_key = ?")
                                           .arg(Rows::logColumns),
                                       {entry.incidentId, postKey});
        if (!earlier)
            return earlier.failure();
        if (earlier->next())
            return Rows::logEntry(*earlier);
    }
    const auto inserted = m_database->list(
        QStringLiteral(
            "INSERT INTO log_entries (%1) VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM "
            "log_entries WHERE incident_id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING %2")
            .arg(Rows::logInsertColumns, Rows::logColumns),
        {entry.incidentId, entry.incidentId, Rows::time(at.isValid() ? at : writtenAt(entry)),
         entry.author.trimmed(), logKindName(entry.kind), entry.text.trimmed(),
         Rows::optionalId(entry.correctsId), entry.addressee.trimmed(), Rows::optionalId(answersId),
         Rows::optionalId(commitmentId), event, postKey.isEmpty() ? QVariant() : QVariant(postKey),
         entry.byScript ? 1 : 0},
        &Rows::logEntry);
    if (!inserted)
        return inserted.failure();
    if (inserted->isEmpty())
        return Failure{QStringLiteral("The log entry was not written.")};
    return inserted->constFirst();
}

std::optional<Failure> IncidentStore::refusalOfFields(const NewLogEntry &entry)
{
    if (auto bad = checkText(QStringLiteral("author"), entry.author, FieldLimit::Name))
        return bad;
    if (auto bad = checkText(QStringLiteral("log text"), entry.text, FieldLimit::Text))
        return bad;
    if (auto bad = checkText(QStringLiteral("addressee"), entry.addressee, FieldLimit::Name, false))
        return bad;
    if (const QString postKey = entry.postKey.trimmed(); !postKey.isEmpty())
        return checkText(QStringLiteral("key"), postKey, FieldLimit::Name);
    return std::nullopt;
}

QDateTime IncidentStore::writtenAt(const NewLogEntry &entry) const
{
    const QDateTime now = m_clock.now();
    return entry.writtenAt.isValid() && entry.writtenAt < now ? entry.writtenAt : now;
}

Result<LogEntry> IncidentStore::insertEvent(qint64 incidentId, const QString &by,
                                            const QString &event, const QString &text,
                                            qint64 commitmentId, const QDateTime &at)
{
    NewLogEntry entry;
    entry.incidentId = incidentId;
    entry.author = by;
    entry.kind = LogKind::Event;
    entry.text = text.left(FieldLimit::Text);
    return insertLogEntry(entry, 0, commitmentId, event, at);
}

Result<qint64> IncidentStore::logEntryCount(qint64 incidentId) const
{
    auto count = m_database->scalar(
        QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM log_entries WHERE incident_id = ?"),
        {incidentId});
    if (!count)
        return count.failure();
    return count->toLongLong();
}

Result<QList<LogEntry>> IncidentStore::logEntries(qint64 incidentId, qint64 firstSeq,
                                                  int maxCount) const
{
    auto entries = m_database->list(QStringLiteral("SELECT %1 FROM log_entries WHERE "
                                                   "incident_id = ? AND seq >= ? AND seq < ? "
                                                   "ORDER BY seq")
                                        .arg(Rows::logColumns),
                                    {incidentId, firstSeq, firstSeq + maxCount}, &Rows::logEntry);
    if (!entries)
        return entries;
    if (Outcome read = readCorrections(*entries); !read)
        return read.failure();
    return entries;
}

Result<QList<LogEntry>> IncidentStore::logEntriesAt(qint64 incidentId,
                                                    const QList<qint64> &seqs) const
{
    if (seqs.isEmpty())
        return QList<LogEntry>();
    QVariantList values{incidentId};
    for (qint64 seq : seqs)
        values.append(seq);
    auto entries = m_database->list(
        QStringLiteral("SELECT %1 FROM log_entries WHERE incident_id = ? AND seq IN (%2) "
                       "ORDER BY seq")
            .arg(Rows::logColumns, Rows::placeholders(seqs.size())),
        values, &Rows::logEntry);
    if (!entries)
        return entries;
    if (Outcome read = readCorrections(*entries); !read)
        return read.failure();
    return entries;
}

Outcome IncidentStore::readCorrections(QList<LogEntry> &entries) const
{
    if (entries.isEmpty())
        return done();
    QVariantList ids;
    for (const LogEntry &entry : entries)
        ids.append(entry.id);
    auto corrections = m_database->run(
        QStringLiteral("SELECT corrects_id, MAX(id) FROM log_entries WHERE corrects_id IN (%1) "
                       "GROUP BY corrects_id")
            .arg(Rows::placeholders(ids.size())),
        ids);
    if (!corrections)
        return corrections.failure();
    QHash<qint64, qint64> correctedBy;
    while (corrections->next())
        correctedBy.insert(corrections->value(0).toLongLong(), corrections->value(1).toLongLong());
    for (LogEntry &entry : entries)
        entry.correctedById = correctedBy.value(entry.id);
    return done();
}

Result<LogMatches> IncidentStore::logMatches(qint64 incidentId, const LogFilter &filter,
                                             qint64 afterSeq) const
{
    const Result<qint64> newest = logEntryCount(incidentId);
    if (!newest)
        return newest.failure();
    QVariantList values{incidentId, afterSeq, *newest};
    const QString sql = QStringLiteral("SELECT e.seq FROM log_entries e WHERE e.incident_id = ? "
                                       "AND e.seq > ? AND e.seq <= ?%1 ORDER BY e.seq")
                            .arg(filterCondition(incidentId, filter, values));
    auto ran = m_database->run(sql, values);
    if (!ran)
        return ran.failure();
    LogMatches matches;
    matches.throughSeq = std::max(afterSeq, *newest);
    while (ran->next())
        matches.seqs.append(ran->value(0).toLongLong());
    return matches;
}

Result<std::optional<LogMoment>>
IncidentStore::logEntryNear(qint64 incidentId, const QDateTime &when, const LogFilter &filter) const
{
    // At or after the moment, the earliest; else before it, the latest. Each walks the
    // (incident, at) index from the moment and stops at the first entry the filter lets by.
    for (const bool after : {true, false}) {
        QVariantList values{incidentId, Rows::time(when)};
        const QString sql =
            QStringLiteral("SELECT e.seq, e.at FROM log_entries e WHERE e.incident_id = ? AND "
                           "e.at %1 ?%2 ORDER BY e.at %3, e.seq %3 LIMIT 1")
                .arg(after ? u">=" : u"<", filterCondition(incidentId, filter, values),
                     after ? u"ASC" : u"DESC");
        auto ran = m_database->run(sql, values);
        if (!ran)
            return ran.failure();
        if (ran->next())
            return std::optional<LogMoment>(
                LogMoment{ran->value(0).toLongLong(), Rows::time(ran->value(1))});
    }
    return std::optional<LogMoment>();
}

QString IncidentStore::filterCondition(qint64 incidentId, const LogFilter &filter,
                                       QVariantList &values)
{
    QString sql;
    if (!filter.kinds.isEmpty()) {
        sql += QStringLiteral(" AND e.kind IN (%1)").arg(Rows::placeholders(filter.kinds.size()));
        for (LogKind kind : filter.kinds)
            values.append(logKindName(kind));
    }
    if (!filter.author.isEmpty()) {
        sql += QStringLiteral(" AND e.author = ?");
        values.append(filter.author);
    }
    if (filter.peopleOnly)
        sql += QStringLiteral(" AND NOT %1").arg(Rows::logByScript); // no other table has these
    if (filter.pinnedOnly) {
        // Pinned: the latest mark of the entry says so.
        sql += QStringLiteral(
            " AND e.id IN (SELECT k.record_id FROM key_moments k WHERE k.incident_id = ? AND "
            "k.record_table = 'log_entries' AND k.is_key = 1 AND NOT EXISTS (SELECT 1 FROM "
            "key_moments later WHERE later.incident_id = k.incident_id AND later.record_table = "
            "k.record_table AND later.record_id = k.record_id AND later.id > k.id))");
        values.append(incidentId);
    }
    return sql;
}

Result<QList<LogHit>> IncidentStore::searchLog(qint64 incidentId, const LogSearch &search,
                                               const LogFilter &filter, qint64 fromId,
                                               SearchDirection direction, int maxCount) const
{
    QList<LogHit> hits;
    if (search.isEmpty() || maxCount <= 0)
        return hits;
    const StorageEngine::TextMatch match = m_database->engine().logTextMatch(search.words());
    const bool forward = direction == SearchDirection::Forward;
    QVariantList values{match.value, incidentId};
    QString sql = QStringLiteral("SELECT e.id, e.seq FROM %1 WHERE %2 AND %3 = ?")
                      .arg(match.from, match.condition, match.incident);
    if (fromId > 0) {
        sql += QStringLiteral(" AND %1 %2 ?").arg(match.id, forward ? u">" : u"<");
        values.append(fromId);
    }
    sql += filterCondition(incidentId, filter, values);
    // Ids grow with seq within an incident, and the text index is ordered by id: the first
    // hits come without reading the others.
    sql += QStringLiteral(" ORDER BY %1 %2 LIMIT %3")
               .arg(match.id, forward ? u"ASC" : u"DESC")
               .arg(maxCount);
    auto ran = m_database->run(sql, values);
    if (!ran)
        return ran.failure();
    while (ran->next())
        hits.append({ran->value(0).toLongLong(), ran->value(1).toLongLong()});
    return hits;
}

Result<qint64> IncidentStore::countLogHits(qint64 incidentId, const LogSearch &search,
                                           const LogFilter &filter, qint64 throughId) const
{
    if (search.isEmpty())
        return qint64(0);
    const StorageEngine::TextMatch match = m_database->engine().logTextMatch(search.words());
    QVariantList values{match.value, incidentId};
    QString sql = QStringLiteral("SELECT count(*) FROM %1 WHERE %2 AND %3 = ?")
                      .arg(match.from, match.condition, match.incident);
    if (throughId > 0) {
        sql += QStringLiteral(" AND %1 <= ?").arg(match.id);
        values.append(throughId);
    }
    sql += filterCondition(incidentId, filter, values);
    const auto count = m_database->scalar(sql, values);
    if (!count)
        return count.failure();
    return count->toLongLong();
}

Result<QList<LogCorrection>> IncidentStore::logCorrections(qint64 incidentId, qint64 afterSeq,
                                                           qint64 throughSeq) const
{
    QList<LogCorrection> found;
    if (throughSeq <= afterSeq)
        return found;
    auto ran = m_database->run(
        QStringLiteral("SELECT corrects_id, id FROM log_entries WHERE incident_id = ? AND seq > ? "
                       "AND seq <= ? AND corrects_id IS NOT NULL ORDER BY seq"),
        {incidentId, afterSeq, throughSeq});
    if (!ran)
        return ran.failure();
    while (ran->next())
        found.append({ran->value(0).toLongLong(), ran->value(1).toLongLong()});
    return found;
}

Result<QList<std::pair<QString, bool>>> IncidentStore::logAuthors(qint64 incidentId) const
{
    // Each author is the least one past the one before, and a person if one entry was not a
    // script's (Rows::logByScript): each a step down the (incident, author, by_script) index,
    // however many entries they wrote.
    auto ran = m_database->run(
        QStringLiteral(
            "WITH RECURSIVE authors(author) AS (SELECT MIN(author) FROM log_entries WHERE "
            "incident_id = ? UNION ALL SELECT (SELECT MIN(e.author) FROM log_entries e WHERE "
            "e.incident_id = ? AND e.author > authors.author) FROM authors WHERE authors.author "
            "IS NOT NULL) "
            "SELECT author, CASE WHEN EXISTS (SELECT 1 FROM log_entries p WHERE p.incident_id = "
            "? AND p.author = authors.author AND p.by_script = 0 AND p.post_key IS NULL) THEN 0 "
            "ELSE 1 END FROM authors WHERE author IS NOT NULL ORDER BY author"),
        {incidentId, incidentId, incidentId});
    if (!ran)
        return ran.failure();
    QList<std::pair<QString, bool>> authors;
    while (ran->next())
        authors.append({ran->value(0).toString(), ran->value(1).toInt() == 1});
    return authors;
}

Outcome IncidentStore::pinLogEntry(qint64 entryId, bool pinned, const QString &by)
{
    const Result<LogEntry> entry = logEntry(entryId);
    if (!entry)
        return entry.failure();
    return markKeyMoment(entry->incidentId, RecordRef{QStringLiteral("log_entries"), entryId},
                         pinned, by);
}

Result<QSet<qint64>> IncidentStore::pinnedLogEntries(qint64 incidentId) const
{
    const auto moments = keyMoments(incidentId);
    if (!moments)
        return moments.failure();
    QSet<qint64> pinned;
    for (const RecordRef &moment : *moments) {
        if (moment.table == u"log_entries")
            pinned.insert(moment.id);
    }
    return pinned;
}

Result<LogEntry> IncidentStore::logEntry(qint64 entryId) const
{
    auto ran = m_database->run(
        QStringLiteral("SELECT %1 FROM log_entries WHERE id = ?").arg(Rows::logColumns), {entryId});
    if (!ran)
        return ran.failure();
    if (!ran->next())
        return Failure{QStringLiteral("There is no log entry %1.").arg(entryId)};
    return Rows::logEntry(*ran);
}

Result<QList<LogEntry>> IncidentStore::corrections(qint64 entryId) const
{
    return m_database->list(QStringLiteral("SELECT %1 FROM log_entries WHERE corrects_id = ? "
                                           "ORDER BY id")
                                .arg(Rows::logColumns),
                            {entryId}, &Rows::logEntry);
}

Result<LogEntry> IncidentStore::answerQuestion(qint64 questionEntryId, const QString &answer,
                                               const QString &by)
{
    Result<LogEntry> answered = m_database->write<LogEntry>([&]() -> Result<LogEntry> {
        const Result<LogEntry> question = logEntry(questionEntryId);
        if (!question)
            return question;
        if (question->kind != LogKind::Question)
            return Failure{QStringLiteral("Log entry %1 is not a question.").arg(questionEntryId)};
        const auto already = m_database->scalar(
            QStringLiteral("SELECT COUNT(*) FROM log_entries WHERE answers_id = ?"),
            {questionEntryId});
        if (!already)
            return already.failure();
        if (already->toInt() > 0)
            return Failure{QStringLiteral("That question has already been answered.")};
        NewLogEntry entry;
        entry.incidentId = question->incidentId;
        entry.author = by;
        entry.kind = LogKind::Answer;
        entry.text = answer;
        return insertLogEntry(entry, questionEntryId);
    });
    return answered;
}

Result<QList<LogEntry>> IncidentStore::openQuestions(qint64 incidentId) const
{
    // Questions and answers are only ever added: while their numbers stay, so do the open
    // questions, and a log that grows by other entries is not read again (thousands of open
    // questions in a million entries took 15 ms to read, after every batch a script wrote).
    // Counted before the questions are read: a question added in between is read now and
    // counted next time, which reads again, rather than cached as not there.
    auto counted = m_database->run(
        QStringLiteral("SELECT kind, count(*) FROM log_entries WHERE incident_id = ? AND kind IN "
                       "('question', 'answer') GROUP BY kind"),
        {incidentId});
    if (!counted)
        return counted.failure();
    QuestionsSeen seen;
    seen.incidentId = incidentId;
    while (counted->next()) {
        if (counted->value(0).toString() == u"question")
            seen.questions = counted->value(1).toLongLong();
        else
            seen.answers = counted->value(1).toLongLong();
    }
    if (m_questionsSeen.incidentId == seen.incidentId &&
        m_questionsSeen.questions == seen.questions && m_questionsSeen.answers == seen.answers)
        return m_questionsSeen.open;
    auto open = m_database->list(
        QStringLiteral("SELECT %1 FROM log_entries q WHERE incident_id = ? AND kind = 'question' "
                       "AND NOT EXISTS (SELECT 1 FROM log_entries a WHERE a.answers_id = q.id) "
                       "ORDER BY seq")
            .arg(Rows::logColumns),
        {incidentId}, &Rows::logEntry);
    if (!open)
        return open;
    seen.open = *open;
    m_questionsSeen = std::move(seen);
    return open;
}
