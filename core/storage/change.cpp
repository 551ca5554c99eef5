#include "storage/change.h"

#include <QStringList>

namespace Changes {
const QList<Table> &tables()
{
    static const QList<Table> all{
        {"log_entries", ChangeTopic::Log},
        {"commitments", ChangeTopic::Commitments},
        {"commitment_outcomes", ChangeTopic::Commitments},
        {"briefings", ChangeTopic::Briefings},
        {"handovers", ChangeTopic::Handovers},
        {"framings", ChangeTopic::Framing},
        {"problem_statements", ChangeTopic::Problem},
        {"problem_confirmations", ChangeTopic::Problem},
        {"customer_asks", ChangeTopic::Asks},
        {"customer_ask_events", ChangeTopic::Asks},
        {"status_changes", ChangeTopic::Status},
        {"notices", ChangeTopic::Status},
        {"notice_sends", ChangeTopic::Status},
        {"notice_edits", ChangeTopic::Status},
        {"impact_assessments", ChangeTopic::Impact},
        {"severity_changes", ChangeTopic::Impact},
        {"solution_options", ChangeTopic::Resolution},
        {"option_choices", ChangeTopic::Resolution},
        {"resolution_reports", ChangeTopic::Resolution},
        {"action_items", ChangeTopic::Debrief},
        {"action_items_done", ChangeTopic::Debrief},
        {"debriefs", ChangeTopic::Debrief},
        {"key_moments", ChangeTopic::Debrief},
        {"known_problem_sightings", ChangeTopic::KnownProblems},
    };
    return all;
}

bool isWarRoomWide(QStringView table)
{
    return table == u"incidents" || table == u"policies" || table == u"known_problems" ||
           table == u"known_problem_updates";
}

std::optional<ChangeTopic> topicOf(const QString &table)
{
    if (table == u"incidents")
        return ChangeTopic::Incidents;
    if (table == u"policies")
        return ChangeTopic::Policy;
    if (table == u"known_problems" || table == u"known_problem_updates")
        return ChangeTopic::KnownProblems;
    for (const Table &known : tables()) {
        if (table == QLatin1StringView(known.name))
            return known.topic;
    }
    return std::nullopt;
}

std::optional<QList<Change>> parseAnnouncement(const QString &payload)
{
    const QStringList words = payload.split(u' ', Qt::SkipEmptyParts);
    if (words.size() < 2)
        return std::nullopt;
    const std::optional<ChangeTopic> topic = topicOf(words.constFirst());
    if (!topic)
        return std::nullopt;
    QList<Change> changes;
    for (qsizetype i = 1; i < words.size(); ++i) {
        bool ok = false;
        const qint64 incidentId = words.at(i).section(u':', 0, 0).toLongLong(&ok);
        const bool warRoomWide = isWarRoomWide(words.constFirst());
        if (!ok || (incidentId <= 0 && !warRoomWide))
            return std::nullopt;
        const Change change{*topic, warRoomWide ? 0 : incidentId};
        if (!changes.contains(change))
            changes.append(change);
    }
    return changes;
}
} // namespace Changes
