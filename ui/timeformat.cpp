#include "timeformat.h"

#include "domain/zonedtime.h"

#include <QTimeZone>

namespace TimeFormat {
QString clock(const QDateTime &time, const QDateTime &now)
{
    return ZonedTime::dayAndTime(time, now, QTimeZone::systemTimeZone());
}

QString clockSeconds(const QDateTime &time, const QDateTime &now)
{
    return ZonedTime::dayAndTime(time, now, QTimeZone::systemTimeZone(),
                                 ZonedTime::Precision::Seconds);
}

QString inZone(const QDateTime &time, const QDateTime &now)
{
    return ZonedTime::dayAndTimeInZone(time, now, QTimeZone::systemTimeZone());
}

QString full(const QDateTime &time)
{
    return ZonedTime::dateAndTime(time, QDateTime::currentDateTimeUtc(),
                                  QTimeZone::systemTimeZone());
}

QString utc(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(QStringLiteral("HH:mm 'UTC'")) : QString();
}

QString zone(const QDateTime &now)
{
    return ZonedTime::zoneName(now, QTimeZone::systemTimeZone());
}

QString span(qint64 seconds)
{
    seconds = std::max<qint64>(seconds, 0);
    if (seconds < 60)
        return QStringLiteral("%1 s").arg(seconds);
    if (seconds < 3600)
        return QStringLiteral("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    return QStringLiteral("%1 h %2 min")
        .arg(seconds / 3600)
        .arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
}
} // namespace TimeFormat
