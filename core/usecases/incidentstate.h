#pragma once

#include "domain/actionitem.h"
#include "domain/briefing.h"
#include "domain/commitment.h"
#include "domain/customerask.h"
#include "domain/debrief.h"
#include "domain/impact.h"
#include "domain/incident.h"
#include "domain/logentry.h"
#include "domain/people.h"
#include "domain/resolutionreport.h"
#include "domain/result.h"
#include "domain/severitychange.h"
#include "domain/solutionoption.h"
#include "domain/statuschange.h"
#include "rules/teampolicy.h"
#include "storage/change.h"
#include "storage/recordchain.h"

#include <QList>

#include <optional>

class IncidentStore;

// What a window shows of one incident, but the log's entries: read on the store's thread,
// shown on the window's. Each part belongs to the change topic that makes it stale, so a
// change is answered by reading only the parts it touched.
struct IncidentState
{
    qint64 incidentId = 0;
    Incident incident;                       // Incidents, and the topics that change its row
    QList<Handover> handovers;               // Handovers
    QList<Commitment> commitments;           // Commitments
    QList<Briefing> briefings;               // Briefings
    std::optional<Framing> framing;          // Framing
    std::optional<ProblemStatement> problem; // Problem
    QList<LogEntry> openQuestions;           // Log
    QList<CustomerAsk> asks;                 // Asks
    QList<StatusChange> statusChanges;       // Status
    QList<Notice> notices;                   // Status
    QList<ImpactAssessment> assessments;     // Impact
    QList<SeverityChange> severityChanges;   // Impact
    QList<SolutionOption> options;           // Resolution
    std::optional<ResolutionReport> report;  // Resolution: the latest resolution's
    QList<ActionItem> actionItems;           // Debrief: the report's and the debrief's
    std::optional<Debrief> debrief;          // Debrief: the latest version
    // The record chain, checked again with every part that writes to the log, a share of the
    // work at a time: a check that did not get to the end goes on with the next read.
    RecordChain::Report chain;
    QString chainProblem;      // the check itself failed
    bool chainChecked = false; // this read checked the chain (chain and chainProblem are new)
    static constexpr int kChainSlicesPerRead = 2;

    // Reads the parts the topics make stale, and with continueChain the chain in any case.
    static Result<IncidentState> read(IncidentStore &store, qint64 incidentId, ChangeTopics topics,
                                      bool continueChain = false);
    // The chain was checked only in part: a read should go on with it.
    bool chainUnfinished() const
    {
        return chainChecked && chainProblem.isEmpty() && chain.intact && !chain.complete;
    }
    // Takes those parts from a newer read of the same incident.
    void update(const IncidentState &newer, ChangeTopics topics);
    // The topics that make the incident row stale, and the chain.
    static bool touchesIncident(ChangeTopics topics);
    static bool touchesChain(ChangeTopics topics);
};

// What a window shows of the war room as a whole.
struct WarRoomState
{
    QList<Incident> incidents;     // Incidents
    QList<Commitment> outstanding; // Commitments: every incident's unmet deadlines
    TeamPolicy policy;             // Policy (Warroom's defaults while none was written)
    QString policyProblem;         // the policy could not be read: the defaults are shown

    static Result<WarRoomState> read(IncidentStore &store, ChangeTopics topics);
    void update(const WarRoomState &newer, ChangeTopics topics);
    static bool touches(ChangeTopics topics);
};
