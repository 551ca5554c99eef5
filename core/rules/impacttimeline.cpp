#include "rules/impacttimeline.h"

#include <algorithm>

namespace {
double x(const QDateTime &time)
{
    return double(time.toMSecsSinceEpoch());
}

// A value that changes at instants and holds between them, drawn as a staircase that runs
// on to `end`.
QList<QPointF> staircase(const QList<QPair<QDateTime, double>> &changes, const QDateTime &end)
{
    QList<QPointF> points;
    for (const auto &[at, value] : changes) {
        if (!points.isEmpty())
            points.append({x(at), points.last().y()});
        points.append({x(at), value});
    }
    if (!points.isEmpty() && x(end) > points.last().x())
        points.append({x(end), points.last().y()});
    return points;
}

// When a commitment's fate became known: met when marked, missed when its due time passed.
std::optional<std::pair<QDateTime, CommitmentState>> settled(const Commitment &c,
                                                             const QDateTime &now)
{
    const CommitmentState state = c.stateAt(now);
    if (state == CommitmentState::Met)
        return std::pair{c.outcome->at, state};
    if (state == CommitmentState::Missed)
        return std::pair{c.due, state};
    return std::nullopt;
}
} // namespace

ImpactTimeline buildImpactTimeline(const QList<ImpactAssessment> &assessments,
                                   const QList<StatusChange> &statusChanges,
                                   const QList<Commitment> &commitments, const QDateTime &openedAt,
                                   const QDateTime &now)
{
    ImpactTimeline timeline;
    timeline.start = openedAt;
    timeline.end = now;
    QList<QPair<QDateTime, double>> users, down, degraded;
    for (const ImpactAssessment &a : assessments) {
        users.append({a.at, double(a.affectedUsers)});
        down.append({a.at, double(a.functionsDown())});
        degraded.append({a.at, double(a.functionsDegraded())});
        timeline.totalUsers = a.totalUsers;
    }
    timeline.affectedUsers = staircase(users, now);
    timeline.functionsDown = staircase(down, now);
    timeline.functionsDegraded = staircase(degraded, now);

    for (const StatusChange &change : statusChanges)
        timeline.markers.append({change.at, MarkerKind::StatusChange, statusName(change.to)});
    for (const Commitment &c : commitments) {
        if (const auto fate = settled(c, now)) {
            const bool met = fate->second == CommitmentState::Met;
            timeline.markers.append(
                {fate->first, met ? MarkerKind::DeadlineMet : MarkerKind::DeadlineMissed, c.what});
        }
    }
    std::stable_sort(timeline.markers.begin(), timeline.markers.end(),
                     [](const TimelineMarker &a, const TimelineMarker &b) { return a.at < b.at; });
    return timeline;
}

CommitmentTally buildCommitmentTally(const QList<Commitment> &commitments,
                                     const QDateTime &openedAt, const QDateTime &now)
{
    QList<std::pair<QDateTime, CommitmentState>> fates;
    for (const Commitment &c : commitments) {
        if (const auto fate = settled(c, now))
            fates.append(*fate);
    }
    std::stable_sort(fates.begin(), fates.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<QPair<QDateTime, double>> met{{openedAt, 0}}, missed{{openedAt, 0}};
    for (const auto &[at, state] : fates) {
        auto &series = state == CommitmentState::Met ? met : missed;
        series.append({at, series.last().second + 1});
    }
    return {staircase(met, now), staircase(missed, now), openedAt, now};
}
