// IncidentStore: the team's debrief and the moments it marks as key.
#include "storage/incidentstore.h"

#include "domain/fieldcheck.h"
#include "rules/clock.h"
#include "rules/eventtext.h"
#include "storage/rows.h"

namespace {
// The records a key moment may point at: the timeline's own kinds.
bool isMarkable(const QString &table)
{
    return table == u"log_entries" || table == u"briefings" || table == u"resolution_reports";
}
} // namespace

Result<qint64> IncidentStore::recordDebrief(const NewDebrief &debrief)
{
    if (auto bad = checkText(QStringLiteral("name of who writes the debrief"), debrief.by,
                             FieldLimit::Name))
        return *bad;
    for (const auto &[label, text] :
         {std::pair{QStringLiteral("what went well"), debrief.wentWell},
          std::pair{QStringLiteral("what went badly"), debrief.wentBadly},
          std::pair{QStringLiteral("customer's feedback"), debrief.customerFeedback},
          std::pair{QStringLiteral("lessons learned"), debrief.lessons}}) {
        if (auto bad = checkText(label, text, FieldLimit::Text))
            return Failure{bad->message + QStringLiteral(" A debrief answers every section; "
                                                         "\"none\" is an answer.")};
    }
    Result<qint64> recorded = m_database->write<qint64>([&]() -> Result<qint64> {
        const Result<Incident> incident = this->incident(debrief.incidentId);
        if (!incident)
            return incident.failure();
        if (int(incident->status) < int(IncidentStatus::Resolved))
            return Failure{QStringLiteral("The incident is %1: the debrief comes once it is "
                                          "resolved.")
                               .arg(statusName(incident->status))};
        auto ran = m_database->run(
            QStringLiteral("INSERT INTO debriefs (incident_id, at, by_name, went_well, "
                           "went_badly, customer_feedback, lessons) VALUES (?, ?, ?, ?, ?, ?, ?) "
                           "RETURNING id"),
            {debrief.incidentId, Rows::time(m_clock.now()), debrief.by.trimmed(),
             debrief.wentWell.trimmed(), debrief.wentBadly.trimmed(),
             debrief.customerFeedback.trimmed(), debrief.lessons.trimmed()});
        if (!ran)
            return ran.failure();
        ran->next();
        const qint64 id = ran->value(0).toLongLong();
        const auto versions = m_database->scalar(
            QStringLiteral("SELECT COUNT(*) FROM debriefs WHERE incident_id = ?"),
            {debrief.incidentId});
        if (!versions)
            return versions.failure();
        if (auto logged = insertEvent(debrief.incidentId, debrief.by, LogEvent::Debriefed,
                                      EventText::debriefed(versions->toInt()));
            !logged)
            return logged.failure();
        return id;
    });
    return recorded;
}

Result<std::optional<Debrief>> IncidentStore::debrief(qint64 incidentId) const
{
    const auto found = m_database->list(
        QStringLiteral("SELECT %1 FROM debriefs WHERE incident_id = ? ORDER BY id DESC LIMIT 1")
            .arg(Rows::debriefColumns),
        {incidentId}, &Rows::debrief);
    if (!found)
        return found.failure();
    if (found->isEmpty())
        return std::optional<Debrief>();
    return std::optional<Debrief>(found->constFirst());
}

Outcome IncidentStore::markKeyMoment(qint64 incidentId, const RecordRef &record, bool key,
                                     const QString &by)
{
    if (auto bad = checkText(QStringLiteral("name of who marks it"), by, FieldLimit::Name))
        return *bad;
    if (!isMarkable(record.table))
        return Failure{QStringLiteral("A key moment is a log entry, a briefing or a resolution "
                                      "report, not %1.")
                           .arg(record.table)};
    Outcome marked = m_database->write<Done>([&]() -> Outcome {
        const auto owner = m_database->scalar(
            QStringLiteral("SELECT incident_id FROM %1 WHERE id = ?").arg(record.table),
            {record.id});
        if (!owner)
            return owner.failure();
        if (owner->toLongLong() != incidentId)
            return Failure{
                QStringLiteral("That record is not one of incident %1's.").arg(incidentId)};
        const auto current = keyMoments(incidentId);
        if (!current)
            return current.failure();
        if (current->contains(record) == key)
            return done(); // already as asked: nothing to record
        const auto ran = m_database->run(
            QStringLiteral("INSERT INTO key_moments (incident_id, at, by_name, record_table, "
                           "record_id, is_key) VALUES (?, ?, ?, ?, ?, ?)"),
            {incidentId, Rows::time(m_clock.now()), by.trimmed(), record.table, record.id,
             key ? 1 : 0});
        return asOutcome(ran);
    });
    return marked;
}

Result<QSet<RecordRef>> IncidentStore::keyMoments(qint64 incidentId) const
{
    auto ran = m_database->run(QStringLiteral("SELECT record_table, record_id, is_key FROM "
                                              "key_moments WHERE incident_id = ? ORDER BY id"),
                               {incidentId});
    if (!ran)
        return ran.failure();
    QSet<RecordRef> key;
    while (ran->next()) {
        const RecordRef ref{ran->value(0).toString(), ran->value(1).toLongLong()};
        if (ran->value(2).toInt() == 1)
            key.insert(ref);
        else
            key.remove(ref);
    }
    return key;
}
