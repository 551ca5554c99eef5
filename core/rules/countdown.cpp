#include "rules/countdown.h"

#include <cstdlib>

std::optional<Commitment> nextDeadline(const QList<Commitment> &commitments)
{
    std::optional<Commitment> next;
    for (const Commitment &commitment : commitments) {
        if (!commitment.isOutstanding())
            continue;
        if (!next || commitment.due < next->due)
            next = commitment;
    }
    return next;
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
        reading.text = formatDuration(reading.secondsLeft);
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
    const QChar zero(u'0');
    const QString mmss = QStringLiteral("%1:%2")
                             .arg(minutes, hours || days ? 2 : 1, 10, zero)
                             .arg(secs, 2, 10, zero);
    if (days > 0)
        return QStringLiteral("%1d %2:%3").arg(days).arg(hours, 2, 10, zero).arg(mmss);
    if (hours > 0)
        return QStringLiteral("%1:%2").arg(hours).arg(mmss);
    return mmss;
}
