#pragma once

#include "domain/commitment.h"
#include "domain/impact.h"
#include "domain/statuschange.h"

#include <QList>
#include <QPointF>

// The data behind the impact charts, kept apart from drawing so it can be checked as numbers.
// x is milliseconds since the epoch (what a time axis uses), y a count.

enum class MarkerKind
{
    StatusChange,
    DeadlineMet,
    DeadlineMissed
};

struct TimelineMarker
{
    QDateTime at;
    MarkerKind kind;
    QString label;
};

struct ImpactTimeline
{
    QList<QPointF> affectedUsers;     // a step: each assessment holds until the next
    QList<QPointF> functionsDown;     // step
    QList<QPointF> functionsDegraded; // step
    QList<TimelineMarker> markers;
    QDateTime start;
    QDateTime end;
    qint64 totalUsers = 0; // of the latest assessment, for the axis
};

ImpactTimeline buildImpactTimeline(const QList<ImpactAssessment> &assessments,
                                   const QList<StatusChange> &statusChanges,
                                   const QList<Commitment> &commitments, const QDateTime &openedAt,
                                   const QDateTime &now);

// Commitments met and missed so far, counted up over the incident's life (two steps).
struct CommitmentTally
{
    QList<QPointF> met;
    QList<QPointF> missed;
    QDateTime start;
    QDateTime end;
};

CommitmentTally buildCommitmentTally(const QList<Commitment> &commitments,
                                     const QDateTime &openedAt, const QDateTime &now);
