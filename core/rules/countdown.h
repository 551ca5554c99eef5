#pragma once

#include "domain/commitment.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

enum class CountdownUrgency
{
    NoDeadline, // nothing committed: a crisis without a next deadline is itself a problem
    Comfortable,
    Soon, // under the warning threshold
    Missed
};

struct CountdownReading
{
    CountdownUrgency urgency = CountdownUrgency::NoDeadline;
    QString text; // "24 min 13 s left", "1 h 2 min left", "MISSED 3 min 10 s ago", "no deadline
                  // committed"
    qint64 secondsLeft = 0; // negative once missed
};

constexpr qint64 kSoonThresholdSecs = 15 * 60;

// The deadline the header counts down to: the nearest one that has not passed and has no
// outcome yet. A passed one is not "next"; it shows among the missed ones below.
std::optional<Commitment> nextDeadline(const QList<Commitment> &commitments, const QDateTime &now);

// Passed deadlines nobody has dealt with yet (no met, no supersede), oldest first: they stay in
// sight, in red, until someone supersedes them or records them met late.
QList<Commitment> missedAwaitingSupersede(const QList<Commitment> &commitments,
                                          const QDateTime &now);

// What a keyboard shortcut acts on when nothing is selected: the oldest deadline without an
// outcome, missed or not, because that is the one that needs dealing with first.
std::optional<Commitment> earliestOutstanding(const QList<Commitment> &commitments);

CountdownReading readCountdown(const std::optional<Commitment> &deadline, const QDateTime &now,
                               qint64 soonThresholdSecs = kSoonThresholdSecs);

// The same for any due time: `late` words the passed state ("MISSED %1 ago",
// "OVERDUE by %1"), `none` the absent one.
CountdownReading readCountdownTo(const QDateTime &due, const QDateTime &now, const QString &late,
                                 const QString &none,
                                 qint64 soonThresholdSecs = kSoonThresholdSecs);

// A duration as people say it, never as a time of day: "54 s", "4 min 5 s", "1 h 4 min",
// "2 d 3 h 4 min". Seconds show only under an hour.
QString formatDuration(qint64 seconds);
