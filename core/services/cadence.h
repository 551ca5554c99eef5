#pragma once

#include "domain/incident.h"
#include "domain/people.h"

#include <QDateTime>

#include <optional>

// How often the customer hears from us, by severity: SEV1 every 30 minutes, SEV2 every hour,
// SEV3 every 4 hours, SEV4 once a day.
qint64 briefingIntervalSecs(Severity severity);

// A framing older than one briefing interval is stale: the commander re-frames or confirms it.
bool isFramingStale(const std::optional<Framing> &framing, Severity severity, const QDateTime &now);
