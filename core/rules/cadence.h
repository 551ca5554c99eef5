#pragma once

#include "domain/briefing.h"
#include "domain/incident.h"
#include "domain/people.h"
#include "domain/result.h"

#include <QDateTime>
#include <QVariantMap>

#include <optional>

// How often the customer hears from us, by severity. Defaults: SEV1 every 30 minutes, SEV2
// every hour, SEV3 every 4 hours, SEV4 on the next business day; a team changes them in its war
// room's policy.
struct BriefingCadence
{
    qint64 sev1Secs = 30 * 60;
    qint64 sev2Secs = 60 * 60;
    qint64 sev3Secs = 4 * 3600;
    int businessDayStartHour = 9; // SEV4's update comes at this local hour, Monday to Friday

    Outcome check() const;
    QVariantMap toMap() const;
    static BriefingCadence fromMap(const QVariantMap &map);
};

// When the next update is due by the cadence alone, counting from `from`.
QDateTime cadenceDue(Severity severity, const QDateTime &from, const BriefingCadence &cadence = {});
// "every 30 min", "every 4 h", "next business day at 09:00"
QString cadenceText(Severity severity, const BriefingCadence &cadence = {});

// The next briefing's due time and why: the cadence from the last briefing (or the opening),
// or the last briefing's promised "next update at" when that is earlier.
struct BriefingDue
{
    QDateTime due;
    QString why;
};
BriefingDue nextBriefingDue(const Incident &incident, const std::optional<Briefing> &last,
                            const BriefingCadence &cadence = {});

// A framing older than one briefing interval is stale: the commander re-frames or confirms it.
bool isFramingStale(const std::optional<Framing> &framing, Severity severity, const QDateTime &now,
                    const BriefingCadence &cadence = {});
