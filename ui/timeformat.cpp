#include "timeformat.h"

#include "domain/zonedtime.h"

#include <QElapsedTimer>

namespace TimeFormat {
QTimeZone here()
{
    constexpr qint64 kAskAgainMs = 5000;
    thread_local QTimeZone zone;
    thread_local QByteArray zoneVariable;
    thread_local QElapsedTimer asked;
    const QByteArray variable = qgetenv("TZ");
    if (!asked.isValid() || asked.elapsed() > kAskAgainMs || variable != zoneVariable) {
        zone = QTimeZone::systemTimeZone();
        zoneVariable = variable;
        asked.start();
    }
    return zone;
}

QString clock(const QDateTime &time, const QDateTime &now)
{
    return ZonedTime::dayAndTime(time, now, here());
}

QString clockSeconds(const QDateTime &time, const QDateTime &now)
{
    return ZonedTime::dayAndTime(time, now, here(), ZonedTime::Precision::Seconds);
}

QString inZone(const QDateTime &time, const QDateTime &now)
{
    return ZonedTime::dayAndTimeInZone(time, now, here());
}

QString full(const QDateTime &time)
{
    return ZonedTime::dateAndTime(time, QDateTime::currentDateTimeUtc(), here());
}

QString utc(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(QStringLiteral("HH:mm 'UTC'")) : QString();
}

QString zone(const QDateTime &now)
{
    return ZonedTime::zoneName(now, here());
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
