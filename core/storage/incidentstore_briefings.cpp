// IncidentStore: business-channel briefings.
#include "storage/incidentstore.h"

#include "domain/fieldcheck.h"
#include "rules/briefingdraft.h"
#include "rules/clock.h"
#include "rules/duetime.h"
#include "storage/rows.h"

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

    if (briefing.nextUpdateAt <= m_clock.now())
        return Failure{QStringLiteral("The next update must be ahead of now.")};
    if (auto far =
            checkHorizon(briefing.nextUpdateAt, m_clock.now(), QStringLiteral("next update")))
        return *far;

    Result<qint64> published = m_database->write<qint64>([&]() -> Result<qint64> {
        const Result<Incident> incident = this->incident(briefing.incidentId);
        if (!incident)
            return incident.failure();
        if (briefing.correctsId > 0) {
            const auto corrected =
                m_database->scalar(QStringLiteral("SELECT incident_id FROM briefings WHERE id = ?"),
                                   {briefing.correctsId});
            if (!corrected)
                return corrected.failure();
            if (corrected->toLongLong() != briefing.incidentId)
                return Failure{QStringLiteral("Briefing %1 is not one of this incident's, so this "
                                              "cannot correct it.")
                                   .arg(briefing.correctsId)};
        }
        // What the briefing promises is taken from the record, not typed again; the state the
        // customer is told is as it stands now, and a later export shows it unchanged.
        const auto commitments = this->commitments(briefing.incidentId);
        const auto asks = customerAsks(briefing.incidentId);
        const auto options = this->options(briefing.incidentId);
        if (!commitments || !asks || !options)
            return Failure{commitments.error() + asks.error() + options.error()};
        const Briefing b =
            briefingAsPublished(briefing, *incident, *commitments, *asks, *options, m_clock.now());
        auto ran = m_database->run(
            QStringLiteral(
                "INSERT INTO briefings (incident_id, seq, published_at, author, "
                "headline, impact, doing, changed, next_update_at, next_update_why, "
                "corrects_id, commitments, asks, published_status, published_severity, "
                "published_in_charge, published_contact, options) VALUES (?, (SELECT "
                "COALESCE(MAX(seq), 0) + 1 FROM briefings WHERE incident_id = ?), ?, ?, ?, ?, "
                "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
            {b.incidentId, b.incidentId, Rows::time(b.publishedAt), b.author, b.headline, b.impact,
             b.doing, b.changed, Rows::time(b.nextUpdateAt), b.nextUpdateWhy,
             Rows::optionalId(b.correctsId), Rows::commitmentsJson(b.commitments),
             Rows::asksJson(b.asks), b.publishedStatus, b.publishedSeverity, b.publishedInCharge,
             b.publishedContact, Rows::optionsJson(b.options)});
        if (!ran)
            return ran.failure();
        ran->next();
        return ran->value(0).toLongLong();
    });
    return published;
}

Result<QList<Briefing>> IncidentStore::briefings(qint64 incidentId) const
{
    return m_database->list(
        QStringLiteral("SELECT %1 FROM briefings WHERE incident_id = ? ORDER BY seq")
            .arg(Rows::briefingColumns),
        {incidentId}, &Rows::briefing);
}
