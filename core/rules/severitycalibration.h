#pragma once

#include "domain/impact.h"
#include "domain/incident.h"
#include "domain/result.h"
#include "domain/severitychange.h"

#include <QString>
#include <QVariantMap>

// The table that turns an impact assessment into a severity. Scope: the share of users
// affected and whether business functions are down or only degraded. Scale: key accounts,
// cost per hour, a workaround. Defaults below; a team changes them in its war room's policy.
struct SeverityRules
{
    // Share of users affected at which scope alone reaches each level.
    double sev1UserShare = 0.25;
    double sev2UserShare = 0.05;
    double sev3UserShare = 0.005;
    // Business functions down (for the affected users) that make it SEV1 when the share of
    // users is at SEV2 scope or wider.
    int sev1FunctionsDown = 2;
    // Cost per hour (any currency the team uses) that reaches each level on its own.
    double sev1CostPerHour = 100000;
    double sev2CostPerHour = 10000;

    // Why this table cannot be used (thresholds out of order or out of range), if so.
    Outcome check() const;
    QVariantMap toMap() const;
    static SeverityRules fromMap(const QVariantMap &map);
};

struct Calibration
{
    Severity severity = Severity::Sev4;
    QString reason; // one line: why this severity
};

// The suggested severity for an assessment, with the reason in one line.
// A workaround softens SEV1 and SEV2 by one level and leaves the rest. Two traps it avoids: a
// function down for one important user is not SEV1 (it is SEV2 when a key account is hit), and a
// "minor slowness" that reaches most users is not SEV3 (degradation alone reaches SEV2; anything
// down for that many users is SEV1).
Calibration calibrate(const ImpactAssessment &assessment, const SeverityRules &rules = {});

// "About 1,200 of 40,000 users (3 %) cannot use Ordering in EU-West; a workaround exists."
QString impactSentence(const ImpactAssessment &assessment);

// What the header says about severity: "SEV2 (assessed)", "SEV3 (not assessed)",
// "SEV2 (assessed SEV3, overridden: regulatory deadline today)".
struct SeverityStatus
{
    Severity current = Severity::Sev3;
    std::optional<Severity> assessed;
    QString overrideReason;
    bool overridden() const { return assessed && *assessed != current; }
    QString text() const;
};
// The override a new assessment meets, if any: the last severity change went against the
// assessment of its time. (One made before any assessment is not: the first assessment applies.)
std::optional<SeverityChange> overrideInEffect(const QList<SeverityChange> &changes);

SeverityStatus severityStatus(Severity current, const QList<ImpactAssessment> &assessments,
                              const QList<SeverityChange> &changes, const SeverityRules &rules);
