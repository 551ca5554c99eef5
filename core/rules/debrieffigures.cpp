#include "rules/debrieffigures.h"

#include <QJsonArray>

namespace {
Severity severityAt(const DebriefRecord &record, const QDateTime &when)
{
    if (record.severityChanges.isEmpty())
        return record.incident.severity;
    Severity severity = record.severityChanges.constFirst().from;
    for (const SeverityChange &change : record.severityChanges) {
        if (change.at <= when)
            severity = change.to;
    }
    return severity;
}

// "2 d 3 h", "1 h 05 min", "12 min", "40 s": a debrief reads spans, not clock faces.
QString duration(qint64 secs)
{
    if (secs < 0)
        return QStringLiteral("never");
    const qint64 days = secs / 86400;
    const qint64 hours = secs % 86400 / 3600;
    const qint64 minutes = secs % 3600 / 60;
    if (days > 0)
        return QStringLiteral("%1 d %2 h").arg(days).arg(hours);
    if (hours > 0)
        return QStringLiteral("%1 h %2 min").arg(hours).arg(minutes, 2, 10, QLatin1Char('0'));
    if (minutes > 0)
        return QStringLiteral("%1 min").arg(minutes);
    return QStringLiteral("%1 s").arg(secs);
}

void countBriefings(const DebriefRecord &record, const QDateTime &end, DebriefFigures &figures)
{
    std::optional<Briefing> previous;
    auto dueAfter = [&](const std::optional<Briefing> &last) {
        Incident then = record.incident;
        then.severity = severityAt(record, last ? last->publishedAt : record.incident.openedAt);
        return nextBriefingDue(then, last, record.cadence).due;
    };
    for (const Briefing &briefing : record.briefings) {
        if (briefing.publishedAt <= dueAfter(previous))
            ++figures.briefingsOnTime;
        else
            ++figures.briefingsLate;
        previous = briefing;
    }
    figures.briefingOverdueAtEnd = dueAfter(previous) < end;
}

void countCommitments(const DebriefRecord &record, const QDateTime &end, DebriefFigures &figures)
{
    for (const Commitment &c : record.commitments) {
        const CommitmentState state = c.stateAt(end);
        if (c.isTimebox()) {
            // An extension is a timebox that replaced another of the same theory.
            const bool extends = std::any_of(
                record.commitments.cbegin(), record.commitments.cend(), [&](const Commitment &o) {
                    return o.outcome && o.outcome->supersededById == c.id;
                });
            ++(extends ? figures.theoryExtensions : figures.theoriesTimeboxed);
            if (c.outcome && c.outcome->verdict == TimeboxVerdict::Confirmed)
                ++figures.theoriesConfirmed;
            if (c.outcome && c.outcome->verdict == TimeboxVerdict::Dropped)
                ++figures.theoriesDropped;
            continue;
        }
        switch (state) {
        case CommitmentState::Met:
            ++figures.deadlinesMet;
            break;
        case CommitmentState::Missed:
            ++figures.deadlinesMissed;
            break;
        case CommitmentState::Superseded:
            ++figures.deadlinesSuperseded;
            break;
        case CommitmentState::Open:
            ++figures.deadlinesOpen;
            break;
        }
    }
}

void countStatusTime(const DebriefRecord &record, const QDateTime &end, DebriefFigures &figures)
{
    QHash<int, qint64> secs;
    IncidentStatus status =
        record.statuses.isEmpty() ? record.incident.status : record.statuses.constFirst().from;
    QDateTime since = record.incident.openedAt;
    for (const StatusChange &change : record.statuses) {
        if (change.at > end)
            break;
        secs[int(status)] += since.secsTo(change.at);
        status = change.to;
        since = change.at;
    }
    // Time goes on counting only until the incident is resolved (or closed).
    if (int(status) < int(IncidentStatus::Resolved))
        secs[int(status)] += since.secsTo(end);
    for (IncidentStatus s : allStatuses()) {
        if (secs.contains(int(s)))
            figures.secsInStatus.append({s, secs.value(int(s))});
    }
}
} // namespace

DebriefFigures computeDebriefFigures(const DebriefRecord &record, const QDateTime &now)
{
    DebriefFigures figures;
    const Incident &incident = record.incident;
    const QDateTime end = incident.resolvedAt.isValid() ? incident.resolvedAt : now;
    QDateTime firstNotice;
    for (const Notice &notice : record.notices) {
        if (notice.sentAt.isValid() && (!firstNotice.isValid() || notice.sentAt < firstNotice))
            firstNotice = notice.sentAt;
    }
    if (firstNotice.isValid())
        figures.secsToAcknowledge = incident.openedAt.secsTo(firstNotice);
    if (!record.briefings.isEmpty())
        figures.secsToFirstBriefing =
            incident.openedAt.secsTo(record.briefings.constFirst().publishedAt);
    if (incident.resolvedAt.isValid())
        figures.secsToResolve = incident.openedAt.secsTo(incident.resolvedAt);
    countBriefings(record, end, figures);
    countCommitments(record, end, figures);
    for (const CustomerAsk &ask : record.asks) {
        ++figures.asksMade;
        if (ask.answeredAt.isValid())
            ++figures.asksAnswered;
    }
    figures.handovers = int(record.handovers.size());
    countStatusTime(record, end, figures);
    return figures;
}

QJsonObject DebriefFigures::toJson() const
{
    QJsonObject inStatus;
    for (const auto &[status, secs] : secsInStatus)
        inStatus.insert(statusName(status), secs);
    auto orNull = [](qint64 secs) {
        return secs < 0 ? QJsonValue() : QJsonValue(secs);
    };
    return QJsonObject{
        {QStringLiteral("seconds_to_acknowledge"), orNull(secsToAcknowledge)},
        {QStringLiteral("seconds_to_first_briefing"), orNull(secsToFirstBriefing)},
        {QStringLiteral("seconds_to_resolve"), orNull(secsToResolve)},
        {QStringLiteral("briefings_on_time"), briefingsOnTime},
        {QStringLiteral("briefings_late"), briefingsLate},
        {QStringLiteral("briefing_overdue_at_end"), briefingOverdueAtEnd},
        {QStringLiteral("deadlines_met"), deadlinesMet},
        {QStringLiteral("deadlines_missed"), deadlinesMissed},
        {QStringLiteral("deadlines_superseded"), deadlinesSuperseded},
        {QStringLiteral("deadlines_open"), deadlinesOpen},
        {QStringLiteral("theories_timeboxed"), theoriesTimeboxed},
        {QStringLiteral("theory_extensions"), theoryExtensions},
        {QStringLiteral("theories_confirmed"), theoriesConfirmed},
        {QStringLiteral("theories_dropped"), theoriesDropped},
        {QStringLiteral("customer_asks_made"), asksMade},
        {QStringLiteral("customer_asks_answered"), asksAnswered},
        {QStringLiteral("handovers"), handovers},
        {QStringLiteral("seconds_in_status"), inStatus},
    };
}

QStringList DebriefFigures::lines() const
{
    QStringList lines{
        QStringLiteral("Time to acknowledge: %1").arg(duration(secsToAcknowledge)),
        QStringLiteral("Time to first briefing: %1").arg(duration(secsToFirstBriefing)),
        QStringLiteral("Time to resolve: %1").arg(duration(secsToResolve)),
        QStringLiteral("Briefings on time: %1, late: %2%3")
            .arg(briefingsOnTime)
            .arg(briefingsLate)
            .arg(briefingOverdueAtEnd ? QStringLiteral(" (and the next one was overdue)")
                                      : QString()),
        QStringLiteral("Deadlines met: %1, missed: %2, superseded: %3%4")
            .arg(deadlinesMet)
            .arg(deadlinesMissed)
            .arg(deadlinesSuperseded)
            .arg(deadlinesOpen > 0 ? QStringLiteral(", still open: %1").arg(deadlinesOpen)
                                   : QString()),
        QStringLiteral("Theories timeboxed: %1, extensions: %2, confirmed: %3, dropped: %4")
            .arg(theoriesTimeboxed)
            .arg(theoryExtensions)
            .arg(theoriesConfirmed)
            .arg(theoriesDropped),
        QStringLiteral("Customer asks made: %1, answered: %2").arg(asksMade).arg(asksAnswered),
        QStringLiteral("Handovers: %1").arg(handovers),
    };
    QStringList inStatus;
    for (const auto &[status, secs] : secsInStatus)
        inStatus.append(QStringLiteral("%1 %2").arg(statusName(status), duration(secs)));
    lines.append(
        QStringLiteral("Time in each status: %1").arg(inStatus.join(QStringLiteral(", "))));
    return lines;
}
