#pragma once

#include "domain/briefing.h"
#include "domain/commitment.h"
#include "domain/customerask.h"
#include "domain/incident.h"
#include "domain/solutionoption.h"

// A briefing as it will be published now: what was typed, with the state the customer is told
// (status, severity, person in charge, contact) and what it promises and asks taken from the
// record, not typed again. The store publishes exactly this; the composer previews it.
Briefing briefingAsPublished(const NewBriefing &draft, const Incident &incident,
                             const QList<Commitment> &commitments, const QList<CustomerAsk> &asks,
                             const QList<SolutionOption> &options, const QDateTime &now);
