#pragma once

#include "domain/result.h"

#include <QDateTime>

class IncidentStore;
class ManualClock;

// Writes a realistic incident an hour into its life (a customer's order service degraded:
// a technical log from three people, one deadline met, one ahead, a first briefing), through
// the ordinary store calls. The store must run on `clock`, which this moves forward as the
// story unfolds, ending at realNow.
Result<qint64> seedDemoIncident(IncidentStore &store, ManualClock &clock, const QDateTime &realNow);
