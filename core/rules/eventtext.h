#pragma once

#include "domain/actionitem.h"
#include "domain/commitment.h"
#include "domain/customerask.h"
#include "domain/incident.h"
#include "domain/knownproblem.h"
#include "domain/people.h"
#include "domain/resolutionreport.h"
#include "domain/solutionoption.h"
#include "domain/statuschange.h"

#include <QString>

// The sentences the app writes into the technical log when the state of an incident changes.
// Times in them carry their zone (UTC), since the log outlives any one reader's clock.
namespace EventText {
QString utcTime(const QDateTime &time); // "23 Nov 14:30 UTC"

QString committed(const Commitment &commitment);
QString met(const Commitment &commitment, const QString &by, bool late);
QString missed(const Commitment &commitment);
QString superseded(const Commitment &old, const QDateTime &newDue, const QString &whyNotKept);
QString timeboxed(const QString &theory, const QDateTime &due, const QString &why);
QString timeboxExtended(const QString &theory, const QDateTime &newDue, int extension,
                        const QString &why);
QString theorySettled(const QString &theory, TimeboxVerdict verdict, bool late);
QString handover(const Handover &handover);
QString framed(const QString &objective, bool confirmedUnchanged);
QString problemStated(const QString &statement);
QString problemConfirmed(const QString &confirmedBy, const QString &how);
QString askSent(const CustomerAsk &ask);
QString askAnswered(const CustomerAsk &ask, const QString &answer);
QString statusChanged(const StatusChange &change);
QString noticeSent(IncidentStatus status);
QString customerZoneSet(const QString &from, const QString &to, const QDateTime &at);
QString impactAssessed(const QString &sentence, const QString &calibration,
                       const QString &severityNote);
QString severityChanged(Severity from, Severity to, const std::optional<Severity> &assessed,
                        const QString &reason);
QString optionAdded(const NewSolutionOption &option);
QString optionChosen(const SolutionOption &option, const QString &why);
QString resolutionReported(const ResolutionReport &report);
QString actionAdded(const ActionItem &item);
QString actionDone(const ActionItem &item, const QString &note);
QString debriefed(int version);
QString knownProblemSeen(const KnownProblem &problem, Sighting how);
} // namespace EventText
