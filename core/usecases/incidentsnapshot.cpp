#include "usecases/incidentsnapshot.h"

#include "rules/cadence.h"
#include "rules/countdown.h"
#include "rules/eventtext.h"
#include "rules/timebox.h"
#include "storage/incidentstore.h"

int IncidentSnapshot::outstandingAsks() const
{
    int outstanding = 0;
    for (const CustomerAsk &ask : asks)
        outstanding += ask.isOutstanding();
    return outstanding;
}

qint64 IncidentSnapshot::secondsToAcknowledge() const
{
    QDateTime first;
    for (const Notice &notice : notices) {
        if (notice.sentAt.isValid() && (!first.isValid() || notice.sentAt < first))
            first = notice.sentAt;
    }
    return first.isValid() ? incident.openedAt.secsTo(first) : -1;
}

Result<IncidentSnapshot> loadSnapshot(const IncidentStore &store, qint64 incidentId,
                                      const SeverityRules &rules)
{
    IncidentSnapshot s;
    const auto incident = store.incident(incidentId);
    if (!incident)
        return incident.failure();
    s.incident = *incident;
    const auto commitments = store.commitments(incidentId);
    const auto framing = store.currentFraming(incidentId);
    const auto problem = store.currentProblem(incidentId);
    const auto questions = store.openQuestions(incidentId);
    const auto asks = store.customerAsks(incidentId);
    const auto notices = store.notices(incidentId);
    const auto assessments = store.impactAssessments(incidentId);
    const auto severityChanges = store.severityChanges(incidentId);
    for (const QString &error :
         {commitments.error(), framing.error(), problem.error(), questions.error(), asks.error(),
          notices.error(), assessments.error(), severityChanges.error()}) {
        if (!error.isEmpty())
            return Failure{error};
    }
    s.commitments = *commitments;
    s.framing = *framing;
    s.problem = *problem;
    s.openQuestions = *questions;
    s.asks = *asks;
    s.notices = *notices;
    s.assessments = *assessments;
    s.severity = severityStatus(s.incident.severity, s.assessments, *severityChanges, rules);
    return s;
}

Result<SeverityStatus> loadSeverityStatus(const IncidentStore &store, qint64 incidentId,
                                          const SeverityRules &rules)
{
    const auto incident = store.incident(incidentId);
    const auto assessments = store.impactAssessments(incidentId);
    const auto changes = store.severityChanges(incidentId);
    if (!incident || !assessments || !changes)
        return Failure{incident.error() + assessments.error() + changes.error()};
    return severityStatus(incident->severity, *assessments, *changes, rules);
}

QString rollUpText(const IncidentSnapshot &s, const QDateTime &now)
{
    return rollUpLines(s, now).join(u'\n');
}

QStringList rollUpLines(const IncidentSnapshot &s, const QDateTime &now)
{
    const Incident &i = s.incident;
    QStringList lines;
    lines << QStringLiteral("Incident %1: %2 (%3)").arg(i.id).arg(i.title, i.customer);
    lines
        << QStringLiteral("Status: %1 · Severity: %2").arg(statusName(i.status), s.severity.text());
    if (!s.assessments.isEmpty())
        lines << QStringLiteral("Impact: %1").arg(impactSentence(s.assessments.constLast()));
    else
        lines << QStringLiteral("Impact: NOT ASSESSED. Assess scope and scale before the "
                                "severity.");
    if (i.inChargeName.isEmpty())
        lines << QStringLiteral("In charge: NOBODY. Name one person, with a phone number.");
    else
        lines << QStringLiteral("In charge: %1, %2 (since %3)")
                     .arg(i.inChargeName, i.inChargePhone, EventText::utcTime(i.inChargeSince));
    if (i.liaisonName.isEmpty())
        lines << QStringLiteral("Business liaison: none named; the person in charge also speaks "
                                "to the customer.");
    else
        lines << QStringLiteral("Business liaison: %1, %2 (since %3)")
                     .arg(i.liaisonName, i.liaisonPhone, EventText::utcTime(i.liaisonSince));

    if (!s.framing)
        lines << QStringLiteral("Objective: none framed");
    else
        lines << QStringLiteral("Objective: %1 (framed %2 by %3%4)")
                     .arg(s.framing->objective, EventText::utcTime(s.framing->at), s.framing->by,
                          isFramingStale(s.framing, i.severity, now)
                              ? QStringLiteral("; STALE: re-frame or confirm it")
                              : QString());

    if (!s.problem)
        lines << QStringLiteral("Problem statement: none written");
    else if (!s.problem->confirmation)
        lines << QStringLiteral("Problem statement: NOT CONFIRMED by the customer");
    else
        lines << QStringLiteral("Problem statement: confirmed by %1 (%2) %3")
                     .arg(s.problem->confirmation->confirmedBy, s.problem->confirmation->how,
                          EventText::utcTime(s.problem->confirmation->at));

    const auto describe = [&](const Commitment &c) {
        QString text =
            QStringLiteral("\"%1\" (%2), due %3").arg(c.what, c.owner, EventText::utcTime(c.due));
        if (c.isTimebox()) {
            const int extensions = timeboxExtensions(s.commitments, c.hypothesisEntryId);
            if (extensions > 0)
                text += QStringLiteral(" (timebox extended %1 times)").arg(extensions);
        }
        return text;
    };
    if (const std::optional<Commitment> next = nextDeadline(s.commitments, now))
        lines << QStringLiteral("Next deadline: %1, %2")
                     .arg(describe(*next), readCountdown(next, now).text);
    else
        lines << QStringLiteral("Next deadline: NONE COMMITTED");
    for (const Commitment &missed : missedAwaitingSupersede(s.commitments, now))
        lines << QStringLiteral("MISSED, awaiting supersede: %1, missed by %2")
                     .arg(describe(missed), formatDuration(missed.due.secsTo(now)));

    lines << QStringLiteral("Open questions: %1").arg(s.openQuestions.size());
    for (const LogEntry &q : s.openQuestions)
        lines << QStringLiteral("  - %1 (asked by %2%3, %4)")
                     .arg(q.text, q.author,
                          q.addressee.isEmpty() ? QString() : QStringLiteral(" to ") + q.addressee,
                          EventText::utcTime(q.at));
    lines << QStringLiteral("Customer asks outstanding: %1 of %2")
                 .arg(s.outstandingAsks())
                 .arg(s.asks.size());
    for (const CustomerAsk &ask : s.asks) {
        if (ask.isOutstanding())
            lines << QStringLiteral("  - %1 (%2)")
                         .arg(ask.what, ask.sentAt.isValid() ? QStringLiteral("sent ") +
                                                                   EventText::utcTime(ask.sentAt)
                                                             : QStringLiteral("not sent yet"));
    }

    int met = 0, missed = 0, open = 0, superseded = 0;
    for (const Commitment &c : s.commitments) {
        switch (c.stateAt(now)) {
        case CommitmentState::Met:
            ++met;
            break;
        case CommitmentState::Missed:
            ++missed;
            break;
        case CommitmentState::Open:
            ++open;
            break;
        case CommitmentState::Superseded:
            ++superseded;
            break;
        }
    }
    lines << QStringLiteral("Commitments: %1 met, %2 missed, %3 open, %4 superseded")
                 .arg(met)
                 .arg(missed)
                 .arg(open)
                 .arg(superseded);
    const qint64 ack = s.secondsToAcknowledge();
    lines << (ack < 0 ? QStringLiteral("Time to acknowledge: no notice sent to the customer yet")
                      : QStringLiteral("Time to acknowledge: %1").arg(formatDuration(ack)));
    return lines;
}
