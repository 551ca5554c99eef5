#pragma once

#include "domain/result.h"

#include <QDateTime>
#include <QString>

// Reads a due time as people type it: "+25m", "+2h", "+1h30m", "+90s", "14:30" (the next
// such local time), or ISO 8601 ("2026-11-23T14:30", with or without a zone; no zone means
// local time).
Result<QDateTime> parseDueTime(const QString &text, const QDateTime &now);
