#pragma once

#include "rules/impacttimeline.h"

class QChart;

// Qt Charts for the impact panel, the briefing PDF and the debrief, built from the series
// data computed in core. The caller owns the returned chart.
namespace ImpactCharts {
// Affected users over time (a step, left axis), functions down and degraded (steps, right
// axis), with markers for status changes and deadlines met or missed on the same time axis.
QChart *impactOverTime(const ImpactTimeline &timeline);

// The scales of an impact chart. Charts that share one (the pages of a briefing PDF) read
// side by side, and redrawing one for another timeline then changes only the data.
struct ChartRange
{
    QDateTime start;
    QDateTime end;
    double usersTop = 10;
    double functionsTop = 3;
};
ChartRange rangeOf(const ImpactTimeline &timeline);
ChartRange unite(const ChartRange &a, const ChartRange &b);
QChart *impactOverTime(const ImpactTimeline &timeline, const ChartRange &range);
// How many markers of one kind fit side by side on the time axis: markers nearer each other
// than that are drawn as one.
inline constexpr int kMarkerSlots = 400;
// Shows another timeline in a chart made by impactOverTime, reusing its series and axes.
void showTimeline(QChart &chart, const ImpactTimeline &timeline, const ChartRange &range);
// Commitments met and missed over the incident's life.
QChart *commitmentsMetMissed(const CommitmentTally &tally);
} // namespace ImpactCharts
