#pragma once

#include "domain/result.h"
#include "rules/cadence.h"
#include "rules/severitycalibration.h"

#include <QDateTime>
#include <QMap>
#include <QString>

#include <optional>

// The war room's policy, the same for every desktop that opens it: the severity table, the
// briefing cadence and the team's jargon terms (term -> plain words) for the plain-language
// check. Kept in the war room, versioned: a change is a new version, the old ones stay.
// Personal preferences (paper size, window layout) stay in each desktop's settings.
struct TeamPolicy
{
    SeverityRules severity;
    BriefingCadence cadence;
    QMap<QString, QString> jargon; // keys lower case

    qint64 version = 0; // 0: Warroom's defaults, no version written yet
    QDateTime at;
    QString by;

    Outcome check() const;
    QString toJson() const;
    static Result<TeamPolicy> fromJson(const QString &json);

    // What this desktop's settings held before the policy lived in the war room, when they
    // differ from the defaults: the first version of a war room that has none.
    static std::optional<TeamPolicy> fromDesktopSettings();
};
