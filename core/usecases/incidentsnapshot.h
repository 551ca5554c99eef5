#pragma once

#include "domain/commitment.h"
#include "domain/customerask.h"
#include "domain/impact.h"
#include "domain/incident.h"
#include "domain/logentry.h"
#include "domain/people.h"
#include "domain/result.h"
#include "domain/statuschange.h"
#include "rules/severitycalibration.h"

#include <QList>

#include <optional>

class IncidentStore;

// Everything a commander reads aloud about an incident, read at one moment.
struct IncidentSnapshot
{
    Incident incident;
    QList<Commitment> commitments;
    std::optional<Framing> framing;
    std::optional<ProblemStatement> problem;
    QList<LogEntry> openQuestions;
    QList<CustomerAsk> asks;
    QList<Notice> notices;
    QList<ImpactAssessment> assessments;
    SeverityStatus severity;

    int outstandingAsks() const;
    // From the incident's opening to the first notice sent; invalid (-1) until one is sent.
    qint64 secondsToAcknowledge() const;
};

Result<IncidentSnapshot> loadSnapshot(const IncidentStore &store, qint64 incidentId,
                                      const SeverityRules &rules = {});

// The incident's severity as the header says it ("SEV2 (assessed SEV3, overridden: ...)"),
// read from the store at one moment.
Result<SeverityStatus> loadSeverityStatus(const IncidentStore &store, qint64 incidentId,
                                          const SeverityRules &rules);

// The roll-up `warroom status` prints: status, severity, person in charge, framing (stale?),
// problem statement confirmation, next deadline and time left, open questions, outstanding
// customer asks, commitments met and missed so far.
QString rollUpText(const IncidentSnapshot &snapshot, const QDateTime &now);
// The same, a line each, for a caller that must keep user text from breaking its lines.
QStringList rollUpLines(const IncidentSnapshot &snapshot, const QDateTime &now);
