#pragma once

#include <QDateTime>
#include <QString>
#include <QTimeZone>

// How times read in the window: in this desktop's zone, the day said relative to now so that a
// deadline tomorrow never reads as today's ("tomorrow 09:00"), the year when not this year.
// Where a time stands alone it names its zone; a column of times names it in its heading.
namespace TimeFormat {
// This desktop's zone. Asking the system costs microseconds, and a view words thousands of
// times, so it is asked again only when TZ changes or a few seconds have passed.
QTimeZone here();
QString clock(const QDateTime &time, const QDateTime &now);        // "14:05", "tomorrow 09:00"
QString clockSeconds(const QDateTime &time, const QDateTime &now); // "14:05:09"
QString inZone(const QDateTime &time, const QDateTime &now);       // "tomorrow 09:00 CET"
QString full(const QDateTime &time); // "Mon 23 Nov 14:05 CET" (and the year, if not this one)
QString utc(const QDateTime &time);  // "13:05 UTC"
QString zone(const QDateTime &now);  // "CET"
QString span(qint64 seconds);        // "8 s", "3 min 10 s", "2 h 05 min"
} // namespace TimeFormat
