#include "storage/incidentstore.h"

#include "domain/fieldcheck.h"
#include "services/clock.h"
#include "storage/databasefilewatcher.h"

#include <QSqlQuery>

namespace {
QVariant toDb(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant();
}

QDateTime fromDb(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QVariant optionalId(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant();
}

template <typename T> Failure failed(const Result<T> &result)
{
    return Failure{result.error()};
}

const QString kIncidentColumns =
    QStringLiteral("id, title, customer, problem_statement, status, severity, in_charge_name, "
                   "in_charge_phone, opened_at, resolved_at");

Incident readIncident(const QSqlQuery &q)
{
    Incident incident;
    incident.id = q.value(0).toLongLong();
    incident.title = q.value(1).toString();
    incident.customer = q.value(2).toString();
    incident.problemStatement = q.value(3).toString();
    incident.status = parseStatus(q.value(4).toString()).value_or(IncidentStatus::Reported);
    incident.severity = parseSeverity(q.value(5).toString()).value_or(Severity::Sev3);
    incident.inChargeName = q.value(6).toString();
    incident.inChargePhone = q.value(7).toString();
    incident.openedAt = fromDb(q.value(8));
    incident.resolvedAt = fromDb(q.value(9));
    return incident;
}

const QString kLogColumns =
    QStringLiteral("id, incident_id, seq, at, author, kind, body, corrects_id");

LogEntry readLogEntry(const QSqlQuery &q)
{
    LogEntry entry;
    entry.id = q.value(0).toLongLong();
    entry.incidentId = q.value(1).toLongLong();
    entry.seq = q.value(2).toLongLong();
    entry.at = fromDb(q.value(3));
    entry.author = q.value(4).toString();
    entry.kind = parseLogKind(q.value(5).toString()).value_or(LogKind::Observation);
    entry.text = q.value(6).toString();
    entry.correctsId = q.value(7).toLongLong();
    return entry;
}

const QString kBriefingColumns =
    QStringLiteral("id, incident_id, seq, published_at, author, headline, impact, doing, changed, "
                   "next_update_at, next_update_why, corrects_id");

// Which incidents gained rows past an id. The inner query walks only the new rows by key;
// a plain GROUP BY would make SQLite walk the whole (incident_id, seq) index instead.
QString newRowsByIncident(const QString &table)
{
    return QStringLiteral("SELECT incident_id, MAX(id) FROM (SELECT incident_id, id FROM %1 "
                          "WHERE id > ? ORDER BY id) recent GROUP BY incident_id")
        .arg(table);
}

Briefing readBriefing(const QSqlQuery &q)
{
    Briefing b;
    b.id = q.value(0).toLongLong();
    b.incidentId = q.value(1).toLongLong();
    b.seq = q.value(2).toLongLong();
    b.publishedAt = fromDb(q.value(3));
    b.author = q.value(4).toString();
    b.headline = q.value(5).toString();
    b.impact = q.value(6).toString();
    b.doing = q.value(7).toString();
    b.changed = q.value(8).toString();
    b.nextUpdateAt = fromDb(q.value(9));
    b.nextUpdateWhy = q.value(10).toString();
    b.correctsId = q.value(11).toLongLong();
    return b;
}
} // namespace

Result<std::unique_ptr<IncidentStore>>
IncidentStore::openSqlite(const QString &path, OpenMode mode, const Clock &clock, QObject *parent)
{
    Result<std::unique_ptr<Database>> database = Database::openSqlite(path, mode);
    if (!database)
        return Failure{database.error()};
    auto store = std::make_unique<IncidentStore>(database.take(), clock, parent);
    auto *watcher = new DatabaseFileWatcher(path, store.get());
    connect(watcher, &DatabaseFileWatcher::mayHaveChanged, store.get(),
            &IncidentStore::checkForExternalChanges);
    return store;
}

IncidentStore::IncidentStore(std::unique_ptr<Database> database, const Clock &clock,
                             QObject *parent)
    : QObject(parent), m_database(std::move(database)), m_clock(clock)
{
    // Start from what is there now: only later rows are news.
    auto maxId = [this](const QString &table) {
        return m_database->scalar(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM %1").arg(table))
            .valueOr(0)
            .toLongLong();
    };
    m_markers.lastLogId = maxId(QStringLiteral("log_entries"));
    m_markers.lastCommitmentId = maxId(QStringLiteral("commitments"));
    m_markers.lastOutcomeId = maxId(QStringLiteral("commitment_outcomes"));
    m_markers.lastBriefingId = maxId(QStringLiteral("briefings"));
    m_markers.incidentsRevision =
        m_database->scalar(QStringLiteral("SELECT COALESCE(SUM(revision), 0) FROM incidents"))
            .valueOr(0)
            .toLongLong();
    m_dataVersion =
        m_database->scalar(QStringLiteral("PRAGMA data_version")).valueOr(-1).toLongLong();
}

IncidentStore::~IncidentStore() = default;

// --- incidents ---------------------------------------------------------------------------

Result<qint64> IncidentStore::createIncident(const NewIncident &incident)
{
    if (auto bad = checkText(QStringLiteral("title"), incident.title, FieldLimit::Title))
        return *bad;
    if (auto bad = checkText(QStringLiteral("customer"), incident.customer, FieldLimit::Title))
        return *bad;
    if (auto bad = checkText(QStringLiteral("problem statement"), incident.problemStatement,
                             FieldLimit::Text, false))
        return *bad;
    const bool hasName = !incident.inChargeName.trimmed().isEmpty();
    const bool hasPhone = !incident.inChargePhone.trimmed().isEmpty();
    if (hasName != hasPhone)
        return Failure{QStringLiteral("The person in charge needs both a name and a phone number, "
                                      "so that anyone can reach them.")};
    if (hasName) {
        if (auto bad = checkText(QStringLiteral("name of the person in charge"),
                                 incident.inChargeName, FieldLimit::Name))
            return *bad;
        if (auto bad = checkPhone(incident.inChargePhone.trimmed()))
            return *bad;
    }

    Result<qint64> created = m_database->write<qint64>([&]() -> Result<qint64> {
        auto ran = m_database->run(
            QStringLiteral("INSERT INTO incidents (title, customer, problem_statement, status, "
                           "severity, in_charge_name, in_charge_phone, opened_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
            {incident.title.trimmed(), incident.customer.trimmed(),
             incident.problemStatement.trimmed(), statusName(IncidentStatus::Reported),
             severityName(incident.severity), incident.inChargeName.trimmed(),
             incident.inChargePhone.trimmed(), toDb(m_clock.now())});
        if (!ran)
            return failed(ran);
        ran->next();
        return ran->value(0).toLongLong();
    });
    if (created)
        announceChanges();
    return created;
}

Result<QList<Incident>> IncidentStore::incidents() const
{
    auto ran =
        m_database->run(QStringLiteral("SELECT %1 FROM incidents ORDER BY opened_at DESC, id DESC")
                            .arg(kIncidentColumns));
    if (!ran)
        return failed(ran);
    QList<Incident> result;
    while (ran->next())
        result.append(readIncident(*ran));
    return result;
}

Result<Incident> IncidentStore::incident(qint64 incidentId) const
{
    auto ran = m_database->run(
        QStringLiteral("SELECT %1 FROM incidents WHERE id = ?").arg(kIncidentColumns),
        {incidentId});
    if (!ran)
        return failed(ran);
    if (!ran->next())
        return Failure{QStringLiteral("There is no incident %1.").arg(incidentId)};
    return readIncident(*ran);
}

Outcome IncidentStore::requireIncident(qint64 incidentId) const
{
    const Result<Incident> found = incident(incidentId);
    if (!found)
        return Failure{found.error()};
    return done();
}

// --- technical log -----------------------------------------------------------------------

Result<LogEntry> IncidentStore::appendLogEntry(const NewLogEntry &entry)
{
    if (auto bad = checkText(QStringLiteral("author"), entry.author, FieldLimit::Name))
        return *bad;
    if (auto bad = checkText(QStringLiteral("log text"), entry.text, FieldLimit::Text))
        return *bad;

    Result<LogEntry> appended = m_database->write<LogEntry>([&]() -> Result<LogEntry> {
        if (Outcome exists = requireIncident(entry.incidentId); !exists)
            return Failure{exists.error()};
        if (entry.correctsId > 0) {
            const auto target = m_database->scalar(
                QStringLiteral("SELECT incident_id FROM log_entries WHERE id = ?"),
                {entry.correctsId});
            if (!target)
                return failed(target);
            if (target->toLongLong() != entry.incidentId)
                return Failure{QStringLiteral("Log entry %1 is not in this incident, so it "
                                              "cannot be corrected here.")
                                   .arg(entry.correctsId)};
        }
        auto ran = m_database->run(
            QStringLiteral("INSERT INTO log_entries (incident_id, seq, at, author, kind, body, "
                           "corrects_id) VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM "
                           "log_entries WHERE incident_id = ?), ?, ?, ?, ?, ?) RETURNING %1")
                .arg(kLogColumns),
            {entry.incidentId, entry.incidentId, toDb(m_clock.now()), entry.author.trimmed(),
             logKindName(entry.kind), entry.text.trimmed(), optionalId(entry.correctsId)});
        if (!ran)
            return failed(ran);
        ran->next();
        return readLogEntry(*ran);
    });
    if (appended)
        announceChanges();
    return appended;
}

Result<qint64> IncidentStore::logEntryCount(qint64 incidentId) const
{
    auto count = m_database->scalar(
        QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM log_entries WHERE incident_id = ?"),
        {incidentId});
    if (!count)
        return failed(count);
    return count->toLongLong();
}

Result<QList<LogEntry>> IncidentStore::logEntries(qint64 incidentId, qint64 firstSeq,
                                                  int maxCount) const
{
    auto ran = m_database->run(QStringLiteral("SELECT %1 FROM log_entries WHERE incident_id = ? "
                                              "AND seq >= ? AND seq < ? ORDER BY seq")
                                   .arg(kLogColumns),
                               {incidentId, firstSeq, firstSeq + maxCount});
    if (!ran)
        return failed(ran);
    QList<LogEntry> result;
    result.reserve(maxCount);
    while (ran->next())
        result.append(readLogEntry(*ran));
    return result;
}

// --- commitments -------------------------------------------------------------------------

Result<qint64> IncidentStore::commit(const NewCommitment &commitment)
{
    if (auto bad = checkText(QStringLiteral("next step"), commitment.what, FieldLimit::Sentence))
        return *bad;
    if (auto bad = checkText(QStringLiteral("owner"), commitment.owner, FieldLimit::Name))
        return *bad;
    if (auto bad = checkText(QStringLiteral("reason for this deadline"), commitment.why,
                             FieldLimit::Sentence))
        return *bad;
    if (auto bad = checkText(QStringLiteral("name of who commits"), commitment.createdBy,
                             FieldLimit::Name))
        return *bad;
    if (!commitment.due.isValid())
        return Failure{QStringLiteral("The deadline needs a due time.")};
    const QDateTime now = m_clock.now();
    if (commitment.due <= now)
        return Failure{
            QStringLiteral("The due time has already passed; a deadline must be ahead.")};

    Result<qint64> created = m_database->write<qint64>([&]() -> Result<qint64> {
        if (Outcome exists = requireIncident(commitment.incidentId); !exists)
            return Failure{exists.error()};
        auto ran = m_database->run(
            QStringLiteral("INSERT INTO commitments (incident_id, what, owner, due_at, why, "
                           "created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"),
            {commitment.incidentId, commitment.what.trimmed(), commitment.owner.trimmed(),
             toDb(commitment.due), commitment.why.trimmed(), toDb(now),
             commitment.createdBy.trimmed()});
        if (!ran)
            return failed(ran);
        ran->next();
        return ran->value(0).toLongLong();
    });
    if (created)
        announceChanges();
    return created;
}

Outcome IncidentStore::markMet(qint64 commitmentId, const QString &by)
{
    if (auto bad = checkText(QStringLiteral("name of who marks it met"), by, FieldLimit::Name))
        return *bad;
    Outcome marked = m_database->write<Done>([&]() -> Outcome {
        const Result<Commitment> existing = commitment(commitmentId);
        if (!existing)
            return failed(existing);
        if (existing->outcome) {
            return Failure{QStringLiteral("Commitment %1 has already ended (%2).")
                               .arg(commitmentId)
                               .arg(commitmentStateName(existing->stateAt(m_clock.now())))};
        }
        auto ran = m_database->run(QStringLiteral("INSERT INTO commitment_outcomes (commitment_id, "
                                                  "kind, at, by_name) VALUES (?, 'met', ?, ?)"),
                                   {commitmentId, toDb(m_clock.now()), by.trimmed()});
        if (!ran)
            return failed(ran);
        return done();
    });
    if (marked)
        announceChanges();
    return marked;
}

Result<QList<Commitment>> IncidentStore::queryCommitments(const QString &where,
                                                          const QVariantList &values) const
{
    auto ran = m_database->run(
        QStringLiteral("SELECT c.id, c.incident_id, c.what, c.owner, c.due_at, c.why, "
                       "c.created_at, c.created_by, o.id, o.kind, o.at, o.by_name, o.reason, "
                       "o.superseded_by FROM commitments c LEFT JOIN commitment_outcomes o "
                       "ON o.commitment_id = c.id WHERE %1 ORDER BY c.due_at, c.id")
            .arg(where),
        values);
    if (!ran)
        return failed(ran);
    QList<Commitment> result;
    while (ran->next()) {
        Commitment c;
        c.id = ran->value(0).toLongLong();
        c.incidentId = ran->value(1).toLongLong();
        c.what = ran->value(2).toString();
        c.owner = ran->value(3).toString();
        c.due = fromDb(ran->value(4));
        c.why = ran->value(5).toString();
        c.createdAt = fromDb(ran->value(6));
        c.createdBy = ran->value(7).toString();
        if (!ran->value(8).isNull()) {
            CommitmentOutcome o;
            o.id = ran->value(8).toLongLong();
            o.commitmentId = c.id;
            o.kind = ran->value(9).toString() == QLatin1String("met")
                         ? CommitmentOutcomeKind::Met
                         : CommitmentOutcomeKind::Superseded;
            o.at = fromDb(ran->value(10));
            o.by = ran->value(11).toString();
            o.reason = ran->value(12).toString();
            o.supersededById = ran->value(13).toLongLong();
            c.outcome = o;
        }
        result.append(c);
    }
    return result;
}

Result<QList<Commitment>> IncidentStore::commitments(qint64 incidentId) const
{
    return queryCommitments(QStringLiteral("c.incident_id = ?"), {incidentId});
}

Result<Commitment> IncidentStore::commitment(qint64 commitmentId) const
{
    const auto found = queryCommitments(QStringLiteral("c.id = ?"), {commitmentId});
    if (!found)
        return failed(found);
    if (found->isEmpty())
        return Failure{QStringLiteral("There is no commitment %1.").arg(commitmentId)};
    return found->constFirst();
}

// --- briefings ---------------------------------------------------------------------------

Result<qint64> IncidentStore::publishBriefing(const NewBriefing &briefing)
{
    if (auto bad = checkText(QStringLiteral("author"), briefing.author, FieldLimit::Name))
        return *bad;
    if (auto bad = checkText(QStringLiteral("headline"), briefing.headline, FieldLimit::Sentence))
        return *bad;
    for (const auto &[label, text] :
         {std::pair{QStringLiteral("impact"), briefing.impact},
          std::pair{QStringLiteral("what we are doing"), briefing.doing},
          std::pair{QStringLiteral("what changed"), briefing.changed}}) {
        if (auto bad = checkText(label, text, FieldLimit::Text, false))
            return *bad;
    }
    if (!briefing.nextUpdateAt.isValid())
        return Failure{QStringLiteral("A briefing must say when the next update comes.")};
    if (auto bad = checkText(QStringLiteral("reason for the next update time"),
                             briefing.nextUpdateWhy, FieldLimit::Sentence))
        return *bad;

    Result<qint64> published = m_database->write<qint64>([&]() -> Result<qint64> {
        if (Outcome exists = requireIncident(briefing.incidentId); !exists)
            return Failure{exists.error()};
        auto ran = m_database->run(
            QStringLiteral("INSERT INTO briefings (incident_id, seq, published_at, author, "
                           "headline, impact, doing, changed, next_update_at, next_update_why, "
                           "corrects_id) VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM "
                           "briefings WHERE incident_id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                           "RETURNING id"),
            {briefing.incidentId, briefing.incidentId, toDb(m_clock.now()),
             briefing.author.trimmed(), briefing.headline.trimmed(), briefing.impact.trimmed(),
             briefing.doing.trimmed(), briefing.changed.trimmed(), toDb(briefing.nextUpdateAt),
             briefing.nextUpdateWhy.trimmed(), optionalId(briefing.correctsId)});
        if (!ran)
            return failed(ran);
        ran->next();
        return ran->value(0).toLongLong();
    });
    if (published)
        announceChanges();
    return published;
}

Result<QList<Briefing>> IncidentStore::briefings(qint64 incidentId) const
{
    auto ran = m_database->run(
        QStringLiteral("SELECT %1 FROM briefings WHERE incident_id = ? ORDER BY seq")
            .arg(kBriefingColumns),
        {incidentId});
    if (!ran)
        return failed(ran);
    QList<Briefing> result;
    while (ran->next())
        result.append(readBriefing(*ran));
    return result;
}

// --- change announcements ----------------------------------------------------------------

void IncidentStore::checkForExternalChanges()
{
    const auto version = m_database->scalar(QStringLiteral("PRAGMA data_version"));
    if (!version)
        return; // the next write or look reports the problem
    if (version->toLongLong() == m_dataVersion)
        return;
    m_dataVersion = version->toLongLong();
    announceChanges();
}

Result<QList<qint64>> IncidentStore::incidentsWithNewRows(const QString &sql, qint64 sinceId,
                                                          qint64 &newMaxId) const
{
    auto ran = m_database->run(sql, {sinceId});
    if (!ran)
        return failed(ran);
    QList<qint64> incidents;
    while (ran->next()) {
        incidents.append(ran->value(0).toLongLong());
        newMaxId = std::max(newMaxId, ran->value(1).toLongLong());
    }
    return incidents;
}

void IncidentStore::announceChanges()
{
    Markers next = m_markers;
    const auto revision =
        m_database->scalar(QStringLiteral("SELECT COALESCE(SUM(revision), 0) FROM incidents"));
    const auto log = incidentsWithNewRows(newRowsByIncident(QStringLiteral("log_entries")),
                                          m_markers.lastLogId, next.lastLogId);
    const auto commitments =
        incidentsWithNewRows(newRowsByIncident(QStringLiteral("commitments")),
                             m_markers.lastCommitmentId, next.lastCommitmentId);
    const auto outcomes = incidentsWithNewRows(
        QStringLiteral("SELECT c.incident_id, MAX(o.id) FROM (SELECT id, commitment_id FROM "
                       "commitment_outcomes WHERE id > ? ORDER BY id) o "
                       "JOIN commitments c ON c.id = o.commitment_id GROUP BY c.incident_id"),
        m_markers.lastOutcomeId, next.lastOutcomeId);
    const auto briefings = incidentsWithNewRows(newRowsByIncident(QStringLiteral("briefings")),
                                                m_markers.lastBriefingId, next.lastBriefingId);
    if (!revision || !log || !commitments || !outcomes || !briefings)
        return; // markers stay put: the next look retries
    next.incidentsRevision = revision->toLongLong();
    const Markers previous = m_markers;
    m_markers = next;

    // Incidents first: a view of a new incident must exist before its rows are announced.
    if (next.incidentsRevision != previous.incidentsRevision)
        emit incidentsChanged();
    for (qint64 id : *log)
        emit logEntriesAppended(id);
    QList<qint64> commitmentIncidents = *commitments;
    for (qint64 id : *outcomes) {
        if (!commitmentIncidents.contains(id))
            commitmentIncidents.append(id);
    }
    for (qint64 id : commitmentIncidents)
        emit commitmentsChanged(id);
    for (qint64 id : *briefings)
        emit briefingsChanged(id);
}
