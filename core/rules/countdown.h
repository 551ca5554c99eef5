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
    QString text;           // "24:13", "1:02:03", "MISSED 3:10 ago", "no deadline committed"
    qint64 secondsLeft = 0; // negative once missed
};

constexpr qint64 kSoonThresholdSecs = 15 * 60;

// The deadline the header counts down to: the earliest commitment that has no outcome yet,
// even if it has already passed; a missed deadline stays up until someone deals with it.
std::optional<Commitment> nextDeadline(const QList<Commitment> &commitments);

CountdownReading readCountdown(const std::optional<Commitment> &deadline, const QDateTime &now,
                               qint64 soonThresholdSecs = kSoonThresholdSecs);

// The same for any due time: `late` words the passed state ("MISSED %1 ago",
// "OVERDUE by %1"), `none` the absent one.
CountdownReading readCountdownTo(const QDateTime &due, const QDateTime &now, const QString &late,
                                 const QString &none,
                                 qint64 soonThresholdSecs = kSoonThresholdSecs);

// "4:05", "1:04:05", "2d 03:04:05": hours appear only when needed.
QString formatDuration(qint64 seconds);
