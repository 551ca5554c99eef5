#pragma once

#include "domain/result.h"

#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include <optional>

// How a moment reads to a person in one time zone: the day said relative to now ("tomorrow
// 21:00") so that "21:00" typed late in the evening is not silently tomorrow, the year when it is
// not this year, and the zone named wherever a time stands on its own.
namespace ZonedTime {
enum class Precision
{
    Minutes,
    Seconds
};

// The zone's short name at that moment ("CET", "CEST", "UTC"), or its offset from UTC
// ("UTC+05:30") where the zone has no name in letters.
QString zoneName(const QDateTime &at, const QTimeZone &zone);

// The time of day, its day told relative to now as seen in the zone: "21:00" (today),
// "tomorrow 21:00", "yesterday 21:00", "Wed 25 Nov 21:00", "Tue 25 Nov 2025 21:00" (another
// year). No zone name: for columns whose heading names it.
QString dayAndTime(const QDateTime &time, const QDateTime &now, const QTimeZone &zone,
                   Precision precision = Precision::Minutes);

// The same with the zone's name: "tomorrow 21:00 CET".
QString dayAndTimeInZone(const QDateTime &time, const QDateTime &now, const QTimeZone &zone);

// Always with its date and zone, the year when not this year: "Wed 25 Nov 21:00 CET".
QString dateAndTime(const QDateTime &time, const QDateTime &now, const QTimeZone &zone);

// The zone an IANA id names ("Europe/Berlin"), or UTC when it is empty or unknown.
QTimeZone zoneOrUtc(const QString &ianaId);

// Whether the id names a zone this computer knows; "UTC" always does.
bool isKnownZone(const QString &ianaId);

// Why a customer's zone cannot be used, or nothing when it can (empty is allowed: UTC).
std::optional<Failure> checkTimeZone(const QString &ianaId);

// This computer's zone, as an IANA id ("Europe/Berlin"; "UTC" where it cannot tell).
QString systemZoneId();
} // namespace ZonedTime
