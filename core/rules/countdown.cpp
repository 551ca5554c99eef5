#include "rules/countdown.h"

#include <algorithm>
#include <cstdlib>

namespace {
template <typename Wanted>
std::optional<Commitment> earliest(const QList<Commitment> &commitments, Wanted wanted)
{
    std::optional<Commitment> found;
    for (const Commitment &commitment : commitments) {
        if (commitment.isOutstanding() && wanted(commitment) &&
            (!found || commitment.due < found->due))
            found = commitment;
    }
    return found;
}
} // namespace

std::optional<Commitment> nextDeadline(const QList<Commitment> &commitments, const QDateTime &now)
{
    return earliest(commitments, [&](const Commitment &c) { return c.due >= now; });
}

QList<Commitment> missedAwaitingSupersede(const QList<Commitment> &commitments,
                                          const QDateTime &now)
{
    QList<Commitment> missed;
    for (const Commitment &commitment : commitments) {
        if (commitment.isOutstanding() && commitment.due < now)
            missed.append(commitment);
    }
    std::stable_sort(missed.begin(), missed.end(),
                     [](const Commitment &a, const Commitment &b) { return a.due < b.due; });
    return missed;
}

std::optional<Commitment> earliestOutstanding(const QList<Commitment> &commitments)
{
    return earliest(commitments, [](const Commitment &) { return true; });
}

CountdownReading readCountdown(const std::optional<Commitment> &deadline, const QDateTime &now,
                               qint64 soonThresholdSecs)
{
    return readCountdownTo(deadline ? deadline->due : QDateTime(), now,
                           QStringLiteral("MISSED %1 ago"), QStringLiteral("no deadline committed"),
                           soonThresholdSecs);
}

CountdownReading readCountdownTo(const QDateTime &due, const QDateTime &now, const QString &late,
                                 const QString &none, qint64 soonThresholdSecs)
{
    CountdownReading reading;
    if (!due.isValid()) {
        reading.urgency = CountdownUrgency::NoDeadline;
        reading.text = none;
        return reading;
    }
    reading.secondsLeft = now.secsTo(due);
    if (now > due) {
        reading.urgency = CountdownUrgency::Missed;
        reading.text = late.arg(formatDuration(-reading.secondsLeft));
    } else {
        reading.urgency = reading.secondsLeft < soonThresholdSecs ? CountdownUrgency::Soon
                                                                  : CountdownUrgency::Comfortable;
        reading.text = QStringLiteral("%1 left").arg(formatDuration(reading.secondsLeft));
    }
    return reading;
}

QString formatDuration(qint64 seconds)
{
    const qint64 total = std::llabs(seconds);
    const qint64 days = total / 86400;
    const qint64 hours = (total % 86400) / 3600;
    const qint64 minutes = (total % 3600) / 60;
    const qint64 secs = total % 60;
    // Seconds matter while they tick down the last hour; beyond that they are noise.
    if (days > 0)
        return QStringLiteral("%1 d %2 h %3 min").arg(days).arg(hours).arg(minutes);
    if (hours > 0)
        return QStringLiteral("%1 h %2 min").arg(hours).arg(minutes);
    if (minutes > 0)
        return QStringLiteral("%1 min %2 s").arg(minutes).arg(secs);
    return QStringLiteral("%1 s").arg(secs);
}
