#pragma once

#include <QDateTime>
#include <QString>

// How times read in the window: local wall-clock time, since the commander thinks in it.
namespace TimeFormat {
QString clock(const QDateTime &time);        // "14:05"
QString clockSeconds(const QDateTime &time); // "14:05:09"
QString full(const QDateTime &time);         // "Mon 23 Nov 14:05"
QString span(qint64 seconds);                // "8 s", "3 min 10 s", "2 h 05 min"
} // namespace TimeFormat
