#pragma once

#include "domain/result.h"

#include <QDateTime>
#include <QString>

// Reads a moment of the log as people type it when they look back: "14:30" (the latest such
// local time, today or yesterday), "yesterday 23:10", "-25m", "-1h30m" or "2h ago", a date
// ("2026-11-23": its midnight, local) or ISO 8601 with or without a zone (none: local). A
// moment after now is refused: the log holds only what has happened.
Result<QDateTime> parseLogTime(const QString &text, const QDateTime &now);
