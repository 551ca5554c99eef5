#pragma once

#include "domain/incident.h"

#include <QDateTime>
#include <QString>

#include <optional>

// A change of the incident's severity: to the assessed one, or an override with its reason.
struct SeverityChange
{
    qint64 id = 0;
    qint64 incidentId = 0;
    QDateTime at;
    QString by;
    Severity from = Severity::Sev3;
    Severity to = Severity::Sev3;
    std::optional<Severity> assessed; // what the latest assessment suggested at the time
    QString reason;
    bool isOverride() const { return !assessed || *assessed != to; }
};
