#pragma once

#include "domain/result.h"

#include <QDateTime>
#include <QRegularExpressionMatch>
#include <QString>

#include <optional>

// How far ahead a deadline or next update may be: a war room's promises are for the next
// steps, and a typo such as 9999-12-31 must not become an irrevocable record.
constexpr qint64 kHorizonDays = 30;

// Why a time cannot be promised (not ahead of now, or past the horizon), if it cannot.
std::optional<Failure> checkHorizon(const QDateTime &when, const QDateTime &now,
                                    const QString &what);

// Reads a due time as people type it: "+25m", "+2h", "+1h30m", "+90s", "14:30" (the next
// such local time), or ISO 8601 ("2026-11-23T14:30", with or without a zone; no zone means
// local time).
Result<QDateTime> parseDueTime(const QString &text, const QDateTime &now);

// The seconds of a span typed as days, hours, minutes and seconds (captures 1 to 4 of match,
// each optional), or none when it is more than mostSeconds. Each part is bounded before it is
// multiplied, so "+307445734561825861m" cannot wrap around into a few seconds.
std::optional<qint64> spanSeconds(const QRegularExpressionMatch &match, qint64 mostSeconds);
