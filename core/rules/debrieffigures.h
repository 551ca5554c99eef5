#pragma once

#include "domain/briefing.h"
#include "domain/commitment.h"
#include "domain/customerask.h"
#include "domain/incident.h"
#include "domain/people.h"
#include "domain/severitychange.h"
#include "domain/statuschange.h"
#include "rules/cadence.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QStringList>

// The debrief's figures, computed from the record and never typed: how fast the team answered,
// whether the customer heard from us when the cadence said, how the deadlines ended.
struct DebriefFigures
{
    // Seconds, or -1 when it never happened.
    qint64 secsToAcknowledge = -1;   // opening to the first notice sent to the customer
    qint64 secsToFirstBriefing = -1; // opening to the first briefing
    qint64 secsToResolve = -1;       // opening to the (latest) resolution
    // Each briefing against the cadence in force when its interval began (the severity then),
    // or the earlier time the previous briefing promised.
    int briefingsOnTime = 0;
    int briefingsLate = 0;
    bool briefingOverdueAtEnd = false; // the next one was due before the incident was resolved
    // Deadlines for the next step, theory timeboxes apart.
    int deadlinesMet = 0;
    int deadlinesMissed = 0;
    int deadlinesSuperseded = 0;
    int deadlinesOpen = 0;
    int theoriesTimeboxed = 0; // first timeboxes; extensions are counted apart
    int theoryExtensions = 0;
    int theoriesConfirmed = 0;
    int theoriesDropped = 0;
    int asksMade = 0;
    int asksAnswered = 0;
    int handovers = 0;
    // Time spent in each status the incident went through, in lifecycle order.
    QList<std::pair<IncidentStatus, qint64>> secsInStatus;

    QJsonObject toJson() const;
    // One line per figure, "Name: value", as `warroom debrief` prints them.
    QStringList lines() const;
};

struct DebriefRecord
{
    Incident incident;
    QList<StatusChange> statuses;
    QList<Briefing> briefings;
    QList<Commitment> commitments;
    QList<CustomerAsk> asks;
    QList<Handover> handovers;
    QList<SeverityChange> severityChanges;
    QList<Notice> notices;
    BriefingCadence cadence;
};

// Figures up to the resolution, or up to now while the incident is not resolved.
DebriefFigures computeDebriefFigures(const DebriefRecord &record, const QDateTime &now);
