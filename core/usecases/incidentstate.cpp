#include "usecases/incidentstate.h"

#include "storage/incidentstore.h"

namespace {
// Stores the value of a read into field, or keeps its failure for the caller.
template <typename T> bool take(Result<T> read, T &field, QString &problem)
{
    if (!read) {
        if (problem.isEmpty())
            problem = read.error();
        return false;
    }
    field = read.take();
    return true;
}
} // namespace

bool IncidentState::touchesIncident(ChangeTopics topics)
{
    // Handovers name the person in charge, statuses and severities live in the row itself,
    // and the policy moves the severity the rules suggest.
    return topics.hasAny({ChangeTopic::Incidents, ChangeTopic::Handovers, ChangeTopic::Status,
                          ChangeTopic::Impact, ChangeTopic::Problem, ChangeTopic::Policy});
}

bool IncidentState::touchesChain(ChangeTopics topics)
{
    // Every change of an incident's record writes at least one entry to its log.
    return topics.hasAny({ChangeTopic::Log, ChangeTopic::Briefings, ChangeTopic::Impact,
                          ChangeTopic::Asks, ChangeTopic::Commitments});
}

Result<IncidentState> IncidentState::read(IncidentStore &store, qint64 incidentId,
                                          ChangeTopics topics, bool continueChain)
{
    IncidentState s;
    s.incidentId = incidentId;
    QString problem;
    if (touchesIncident(topics))
        take(store.incident(incidentId), s.incident, problem);
    if (topics.has(ChangeTopic::Handovers))
        take(store.handovers(incidentId), s.handovers, problem);
    if (topics.has(ChangeTopic::Commitments))
        take(store.commitments(incidentId), s.commitments, problem);
    if (topics.has(ChangeTopic::Briefings))
        take(store.briefings(incidentId), s.briefings, problem);
    if (topics.has(ChangeTopic::Framing))
        take(store.currentFraming(incidentId), s.framing, problem);
    if (topics.has(ChangeTopic::Problem))
        take(store.currentProblem(incidentId), s.problem, problem);
    if (topics.has(ChangeTopic::Log))
        take(store.openQuestions(incidentId), s.openQuestions, problem);
    if (topics.has(ChangeTopic::Asks))
        take(store.customerAsks(incidentId), s.asks, problem);
    if (topics.has(ChangeTopic::Status)) {
        take(store.statusChanges(incidentId), s.statusChanges, problem);
        take(store.notices(incidentId), s.notices, problem);
    }
    if (topics.has(ChangeTopic::Impact)) {
        take(store.impactAssessments(incidentId), s.assessments, problem);
        take(store.severityChanges(incidentId), s.severityChanges, problem);
    }
    if (topics.has(ChangeTopic::Resolution)) {
        take(store.options(incidentId), s.options, problem);
        take(store.resolutionReport(incidentId), s.report, problem);
    }
    if (topics.has(ChangeTopic::Debrief)) {
        take(store.actionItems(incidentId), s.actionItems, problem);
        take(store.debrief(incidentId), s.debrief, problem);
    }
    if (!problem.isEmpty())
        return Failure{problem};
    if (touchesChain(topics) || continueChain) {
        // A chain that cannot be checked is shown as such; the rest of the state still is.
        s.chainChecked = true;
        if (auto report = store.checkRecordChain(incidentId, kChainSlicesPerRead))
            s.chain = *report;
        else
            s.chainProblem = report.error();
    }
    return s;
}

void IncidentState::update(const IncidentState &newer, ChangeTopics topics)
{
    incidentId = newer.incidentId;
    if (touchesIncident(topics))
        incident = newer.incident;
    if (topics.has(ChangeTopic::Handovers))
        handovers = newer.handovers;
    if (topics.has(ChangeTopic::Commitments))
        commitments = newer.commitments;
    if (topics.has(ChangeTopic::Briefings))
        briefings = newer.briefings;
    if (topics.has(ChangeTopic::Framing))
        framing = newer.framing;
    if (topics.has(ChangeTopic::Problem))
        problem = newer.problem;
    if (topics.has(ChangeTopic::Log))
        openQuestions = newer.openQuestions;
    if (topics.has(ChangeTopic::Asks))
        asks = newer.asks;
    if (topics.has(ChangeTopic::Status)) {
        statusChanges = newer.statusChanges;
        notices = newer.notices;
    }
    if (topics.has(ChangeTopic::Impact)) {
        assessments = newer.assessments;
        severityChanges = newer.severityChanges;
    }
    if (topics.has(ChangeTopic::Resolution)) {
        options = newer.options;
        report = newer.report;
    }
    if (topics.has(ChangeTopic::Debrief)) {
        actionItems = newer.actionItems;
        debrief = newer.debrief;
    }
    if (newer.chainChecked) {
        chain = newer.chain;
        chainProblem = newer.chainProblem;
        chainChecked = true;
    }
}

bool WarRoomState::touches(ChangeTopics topics)
{
    return topics.hasAny({ChangeTopic::Incidents, ChangeTopic::Commitments, ChangeTopic::Policy});
}

Result<WarRoomState> WarRoomState::read(IncidentStore &store, ChangeTopics topics)
{
    WarRoomState s;
    QString problem;
    if (topics.has(ChangeTopic::Incidents))
        take(store.incidents(), s.incidents, problem);
    if (topics.has(ChangeTopic::Commitments))
        take(store.outstandingCommitments(), s.outstanding, problem);
    if (!problem.isEmpty())
        return Failure{problem};
    if (topics.has(ChangeTopic::Policy)) {
        // Views must show something: the defaults, and why they are shown.
        if (!take(store.policy(), s.policy, s.policyProblem))
            s.policy = TeamPolicy();
    }
    return s;
}

void WarRoomState::update(const WarRoomState &newer, ChangeTopics topics)
{
    if (topics.has(ChangeTopic::Incidents))
        incidents = newer.incidents;
    if (topics.has(ChangeTopic::Commitments))
        outstanding = newer.outstanding;
    if (topics.has(ChangeTopic::Policy)) {
        policy = newer.policy;
        policyProblem = newer.policyProblem;
    }
}
