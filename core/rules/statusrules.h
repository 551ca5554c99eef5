#pragma once

#include "domain/incident.h"
#include "domain/result.h"
#include "domain/statuschange.h"

#include <QDateTime>

// Which status moves make sense. An incident moves forward through its lifecycle; it may fall
// back to investigating when the problem returns; closed is final and follows resolved.
Outcome checkStatusMove(IncidentStatus from, IncidentStatus to);
// Where a status change most likely goes: one step forward (closed stays closed).
IncidentStatus nextStatusForward(IncidentStatus from);

// A status change must say what is being done and when the customer hears next, and why then;
// only resolving (whose report says what remains) and closing need neither.
Outcome checkStatusChange(IncidentStatus from, const NewStatusChange &change, const QDateTime &now);

// The message for the customer at a status change: the state in plain words, what is being
// done, and the next checkpoint with its reason.
QString draftNotice(const Incident &incident, const NewStatusChange &change);
// What a notice says now: what was sent, once sent; else a person's edit; else its draft for
// the incident as it stands (the current contact, the customer's zone).
QString noticeText(const Notice &notice, const Incident &incident, const StatusChange &change);
QString statusSentence(IncidentStatus status);
