#include "domain/zonedtime.h"

namespace ZonedTime {
namespace {
QString offsetName(int offsetSeconds)
{
    if (offsetSeconds == 0)
        return QStringLiteral("UTC");
    const int minutes = std::abs(offsetSeconds) / 60;
    return QStringLiteral("UTC%1%2:%3")
        .arg(QLatin1Char(offsetSeconds < 0 ? '-' : '+'))
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

QString clockText(const QDateTime &local, Precision precision)
{
    return local.toString(precision == Precision::Seconds ? QStringLiteral("HH:mm:ss")
                                                          : QStringLiteral("HH:mm"));
}

QString dateText(const QDateTime &local, const QDateTime &localNow)
{
    return local.toString(local.date().year() == localNow.date().year()
                              ? QStringLiteral("ddd d MMM")
                              : QStringLiteral("ddd d MMM yyyy"));
}
} // namespace

QString zoneName(const QDateTime &at, const QTimeZone &zone)
{
    const QString abbreviation = zone.abbreviation(at);
    // Zones without a name in letters report "+03", "-0330" or "GMT+3": say the offset plainly.
    const bool lettersOnly =
        !abbreviation.isEmpty() && std::all_of(abbreviation.cbegin(), abbreviation.cend(),
                                               [](QChar c) { return c.isLetter(); });
    if (lettersOnly && abbreviation != u"GMT")
        return abbreviation;
    return offsetName(zone.offsetFromUtc(at));
}

QString dayAndTime(const QDateTime &time, const QDateTime &now, const QTimeZone &zone,
                   Precision precision)
{
    if (!time.isValid())
        return {};
    const QDateTime local = time.toTimeZone(zone);
    const QDateTime localNow = now.toTimeZone(zone);
    const qint64 days = localNow.date().daysTo(local.date());
    const QString clock = clockText(local, precision);
    if (days == 0)
        return clock;
    if (days == 1)
        return QStringLiteral("tomorrow %1").arg(clock);
    if (days == -1)
        return QStringLiteral("yesterday %1").arg(clock);
    return QStringLiteral("%1 %2").arg(dateText(local, localNow), clock);
}

QString dayAndTimeInZone(const QDateTime &time, const QDateTime &now, const QTimeZone &zone)
{
    if (!time.isValid())
        return {};
    return QStringLiteral("%1 %2").arg(dayAndTime(time, now, zone), zoneName(time, zone));
}

QString dateAndTime(const QDateTime &time, const QDateTime &now, const QTimeZone &zone)
{
    if (!time.isValid())
        return {};
    const QDateTime local = time.toTimeZone(zone);
    return QStringLiteral("%1 %2 %3")
        .arg(dateText(local, now.toTimeZone(zone)), clockText(local, Precision::Minutes),
             zoneName(time, zone));
}

QTimeZone zoneOrUtc(const QString &ianaId)
{
    if (isKnownZone(ianaId)) {
        QTimeZone zone(ianaId.trimmed().toUtf8());
        if (zone.isValid())
            return zone;
    }
    return QTimeZone::utc();
}

bool isKnownZone(const QString &ianaId)
{
    const QByteArray id = ianaId.trimmed().toUtf8();
    return id == "UTC" || (!id.isEmpty() && QTimeZone::isTimeZoneIdAvailable(id));
}

std::optional<Failure> checkTimeZone(const QString &ianaId)
{
    if (ianaId.trimmed().isEmpty() || isKnownZone(ianaId))
        return std::nullopt;
    return Failure{QStringLiteral("\"%1\" is not a time zone this computer knows; name one as "
                                  "Region/City, e.g. Europe/Berlin, America/New_York or UTC.")
                       .arg(ianaId.left(80))};
}

QString systemZoneId()
{
    const QByteArray id = QTimeZone::systemTimeZoneId();
    return id.isEmpty() || !QTimeZone::isTimeZoneIdAvailable(id) ? QStringLiteral("UTC")
                                                                 : QString::fromUtf8(id);
}
} // namespace ZonedTime
