// IncidentStore: impact assessments and the severity they calibrate.
#include "storage/incidentstore.h"

#include "domain/fieldcheck.h"
#include "rules/clock.h"
#include "rules/eventtext.h"
#include "storage/rows.h"

#include <cmath>

namespace {
constexpr qint64 kMostUsers = 100'000'000'000; // more than there are people
constexpr double kMostCostPerHour = 1e12;
constexpr int kMostListItems = 50;

std::optional<Failure> checkAssessment(const ImpactAssessment &a)
{
    if (auto bad = checkText(QStringLiteral("name of who assessed"), a.by, FieldLimit::Name))
        return bad;
    if (a.totalUsers <= 0 || a.totalUsers > kMostUsers)
        return Failure{
            QStringLiteral("The total number of users must be between 1 and %1.").arg(kMostUsers)};
    if (a.affectedUsers < 0 || a.affectedUsers > a.totalUsers)
        return Failure{QStringLiteral("Affected users (%1) must be between 0 and the total (%2).")
                           .arg(a.affectedUsers)
                           .arg(a.totalUsers)};
    if (a.functions.size() > kMostListItems || a.regions.size() > kMostListItems)
        return Failure{QStringLiteral("List at most %1 functions and %1 regions; group the rest.")
                           .arg(kMostListItems)};
    for (const AffectedFunction &f : a.functions) {
        if (auto bad = checkText(QStringLiteral("function name"), f.name, FieldLimit::Name))
            return bad;
    }
    for (const QString &region : a.regions) {
        if (auto bad = checkText(QStringLiteral("region"), region, FieldLimit::Name))
            return bad;
    }
    if (a.costPerHour &&
        (!std::isfinite(*a.costPerHour) || *a.costPerHour < 0 || *a.costPerHour > kMostCostPerHour))
        return Failure{QStringLiteral("The cost per hour must be a positive amount below %1.")
                           .arg(kMostCostPerHour, 0, 'g')};
    if (auto bad = checkText(QStringLiteral("currency"), a.currency, 8, false))
        return bad;
    if (auto bad = checkText(QStringLiteral("notes"), a.notes, FieldLimit::Text, false))
        return bad;
    return std::nullopt;
}
} // namespace

Result<qint64> IncidentStore::assessImpact(const ImpactAssessment &assessment,
                                           const SeverityRules &rules,
                                           const QString &keepOverrideBecause)
{
    if (auto bad = checkAssessment(assessment))
        return *bad;
    if (auto bad = checkText(QStringLiteral("reason to keep the override"), keepOverrideBecause,
                             FieldLimit::Sentence, false))
        return *bad;
    Result<qint64> assessed = m_database->write<qint64>([&]() -> Result<qint64> {
        const Result<Incident> incident = this->incident(assessment.incidentId);
        if (!incident)
            return incident.failure();
        const ImpactAssessment &a = assessment;
        auto ran = m_database->run(
            QStringLiteral("INSERT INTO impact_assessments (incident_id, at, by_name, "
                           "affected_users, total_users, functions, regions, workaround, "
                           "cost_per_hour, currency, key_account, confidence, notes) VALUES (?, ?, "
                           "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
            {a.incidentId, Rows::time(m_clock.now()), a.by.trimmed(), a.affectedUsers, a.totalUsers,
             Rows::functionsJson(a.functions), Rows::regionsJson(a.regions),
             a.workaround ? QVariant(int(*a.workaround)) : QVariant(),
             a.costPerHour ? QVariant(*a.costPerHour) : QVariant(), a.currency.trimmed(),
             int(a.keyAccount), confidenceName(a.confidence), a.notes.trimmed()});
        if (!ran)
            return ran.failure();
        ran->next();
        const qint64 id = ran->value(0).toLongLong();

        const Calibration calibration = calibrate(a, rules);
        const auto changes = severityChanges(a.incidentId);
        if (!changes)
            return changes.failure();
        // An override argued against the old assessment; its reason may not hold against the new
        // one. So a new assessment ends it, unless the commander keeps it with a fresh reason.
        const std::optional<SeverityChange> override = overrideInEffect(*changes);
        const bool overridden = override.has_value();
        const QString keep = keepOverrideBecause.trimmed();
        QString note;
        if (!keep.isEmpty() && !overridden)
            return Failure{QStringLiteral("There is no severity override to keep: the severity "
                                          "follows the assessment.")};
        if (overridden && calibration.severity == incident->severity) {
            // Recorded, so the record shows the override ended here and later assessments apply.
            if (Outcome agreed = insertSeverityChange(*incident, incident->severity,
                                                      calibration.severity, {}, a.by);
                !agreed)
                return agreed.failure();
            note = QStringLiteral("The assessment now agrees with %1: the override has ended.")
                       .arg(severityName(incident->severity));
        } else if (overridden && !keep.isEmpty()) {
            if (Outcome kept = insertSeverityChange(*incident, incident->severity,
                                                    calibration.severity, keep, a.by);
                !kept)
                return kept.failure();
            note = QStringLiteral("Override kept at %1: %2.")
                       .arg(severityName(incident->severity), keep);
        } else if (calibration.severity != incident->severity) {
            if (Outcome changed = insertSeverityChange(*incident, calibration.severity,
                                                       calibration.severity, {}, a.by);
                !changed)
                return changed.failure();
            if (overridden)
                note = QStringLiteral("The override (%1: %2) has ended.")
                           .arg(severityName(incident->severity), override->reason);
        }
        if (auto logged =
                insertEvent(a.incidentId, a.by, LogEvent::ImpactAssessed,
                            EventText::impactAssessed(impactSentence(a), calibration.reason, note));
            !logged)
            return logged.failure();
        return id;
    });
    return assessed;
}

Result<QList<ImpactAssessment>> IncidentStore::impactAssessments(qint64 incidentId) const
{
    return m_database->list(
        QStringLiteral("SELECT %1 FROM impact_assessments WHERE incident_id = ? ORDER BY id")
            .arg(Rows::impactColumns),
        {incidentId}, &Rows::impact);
}

Outcome IncidentStore::setSeverity(qint64 incidentId, Severity severity, const QString &reason,
                                   const QString &by, const SeverityRules &rules)
{
    if (auto bad = checkText(QStringLiteral("name of who sets the severity"), by, FieldLimit::Name))
        return *bad;
    if (auto bad = checkText(QStringLiteral("reason"), reason, FieldLimit::Sentence, false))
        return *bad;
    Outcome set = m_database->write<Done>([&]() -> Outcome {
        const Result<Incident> incident = this->incident(incidentId);
        if (!incident)
            return incident.failure();
        if (incident->severity == severity)
            return Failure{
                QStringLiteral("The incident is already %1.").arg(severityName(severity))};
        const auto assessments = impactAssessments(incidentId);
        if (!assessments)
            return assessments.failure();
        std::optional<Severity> assessed;
        if (!assessments->isEmpty())
            assessed = calibrate(assessments->constLast(), rules).severity;
        if ((!assessed || *assessed != severity) && reason.trimmed().isEmpty()) {
            return Failure{assessed ? QStringLiteral("The assessed severity is %1: say why this "
                                                     "incident is %2 instead.")
                                          .arg(severityName(*assessed), severityName(severity))
                                    : QStringLiteral("No impact has been assessed yet: say why "
                                                     "it is %1, or assess the impact first.")
                                          .arg(severityName(severity))};
        }
        return insertSeverityChange(*incident, severity, assessed, reason.trimmed(), by);
    });
    return set;
}

Outcome IncidentStore::insertSeverityChange(const Incident &incident, Severity to,
                                            std::optional<Severity> assessed, const QString &reason,
                                            const QString &by)
{
    const auto inserted = m_database->run(
        QStringLiteral("INSERT INTO severity_changes (incident_id, at, by_name, from_severity, "
                       "to_severity, assessed_severity, reason) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {incident.id, Rows::time(m_clock.now()), by.trimmed(), severityName(incident.severity),
         severityName(to), assessed ? QVariant(severityName(*assessed)) : QVariant(), reason});
    if (!inserted)
        return inserted.failure();
    if (Outcome bumped =
            bumpIncident(incident.id, QStringLiteral("severity = ?"), {severityName(to)});
        !bumped)
        return bumped;
    const auto logged =
        insertEvent(incident.id, by, LogEvent::SeverityChanged,
                    EventText::severityChanged(incident.severity, to, assessed, reason));
    if (!logged)
        return logged.failure();
    return done();
}

Result<QList<SeverityChange>> IncidentStore::severityChanges(qint64 incidentId) const
{
    return m_database->list(
        QStringLiteral("SELECT %1 FROM severity_changes WHERE incident_id = ? ORDER BY id")
            .arg(Rows::severityChangeColumns),
        {incidentId}, &Rows::severityChange);
}
