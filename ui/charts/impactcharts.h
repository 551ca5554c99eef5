#pragma once

#include "services/impacttimeline.h"

class QChart;

// Qt Charts for the impact panel, the briefing PDF and the debrief, built from the series
// data computed in core. The caller owns the returned chart.
namespace ImpactCharts {
// Affected users over time (a step, left axis), functions down and degraded (steps, right
// axis), with markers for status changes and deadlines met or missed on the same time axis.
QChart *impactOverTime(const ImpactTimeline &timeline);
// Commitments met and missed over the incident's life.
QChart *commitmentsMetMissed(const CommitmentTally &tally);
} // namespace ImpactCharts
