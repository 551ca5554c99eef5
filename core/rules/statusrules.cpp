#include "rules/statusrules.h"

#include "rules/duetime.h"

#include "domain/fieldcheck.h"
#include "domain/zonedtime.h"
#include "rules/eventtext.h"

Outcome checkStatusMove(IncidentStatus from, IncidentStatus to)
{
    if (from == to)
        return Failure{QStringLiteral("The incident is already %1.").arg(statusName(to))};
    if (from == IncidentStatus::Closed)
        return Failure{QStringLiteral("The incident is closed; open a new one if the problem "
                                      "returns.")};
    if (to == IncidentStatus::Closed && from != IncidentStatus::Resolved)
        return Failure{QStringLiteral("Resolve the incident before closing it.")};
    if (int(to) < int(from) && to != IncidentStatus::Investigating)
        return Failure{QStringLiteral("An incident cannot go back from %1 to %2; if the problem "
                                      "returned, move it back to investigating.")
                           .arg(statusName(from), statusName(to))};
    return done();
}

IncidentStatus nextStatusForward(IncidentStatus from)
{
    return from == IncidentStatus::Closed ? from : IncidentStatus(int(from) + 1);
}

Outcome checkStatusChange(IncidentStatus from, const NewStatusChange &change, const QDateTime &now)
{
    if (Outcome move = checkStatusMove(from, change.to); !move)
        return move;
    if (auto bad = checkText(QStringLiteral("name of who changes the status"), change.by,
                             FieldLimit::Name))
        return *bad;
    // Closing ends the conversation; resolving hands it to the resolution report, which says
    // what was done and what remains, each with its date.
    const bool ending =
        change.to == IncidentStatus::Closed || change.to == IncidentStatus::Resolved;
    if (auto bad = checkText(QStringLiteral("what we are doing"), change.doing,
                             FieldLimit::Sentence, !ending))
        return *bad;
    if (ending && !change.nextCheckpointAt.isValid())
        return done();
    if (!change.nextCheckpointAt.isValid())
        return Failure{QStringLiteral("Say when the customer hears from us next.")};
    if (change.nextCheckpointAt <= now)
        return Failure{QStringLiteral("The next checkpoint must be ahead of now.")};
    if (auto far = checkHorizon(change.nextCheckpointAt, now, QStringLiteral("next checkpoint")))
        return *far;
    if (auto bad = checkText(QStringLiteral("reason for the next checkpoint time"),
                             change.nextCheckpointWhy, FieldLimit::Sentence))
        return *bad;
    return done();
}

QString statusSentence(IncidentStatus status)
{
    switch (status) {
    case IncidentStatus::Reported:
        return QStringLiteral("We have received your report.");
    case IncidentStatus::Acknowledged:
        return QStringLiteral("We have confirmed the problem and a team is working on it.");
    case IncidentStatus::Investigating:
        return QStringLiteral("We are investigating the cause.");
    case IncidentStatus::Identified:
        return QStringLiteral("We have found the cause.");
    case IncidentStatus::Mitigating:
        return QStringLiteral("We are putting a fix in place.");
    case IncidentStatus::Monitoring:
        return QStringLiteral("A fix is in place and we are watching that it holds.");
    case IncidentStatus::Resolved:
        return QStringLiteral("The problem is resolved.");
    case IncidentStatus::Closed:
        return QStringLiteral("We have closed this incident.");
    }
    return {};
}

QString draftNotice(const Incident &incident, const NewStatusChange &change)
{
    QStringList lines;
    lines << QStringLiteral("Update on: %1").arg(incident.title);
    lines << QStringLiteral("Status: %1. %2")
                 .arg(statusName(change.to).replace(0, 1, statusName(change.to).at(0).toUpper()),
                      statusSentence(change.to));
    if (!change.doing.trimmed().isEmpty())
        lines << QStringLiteral("What we are doing: %1").arg(change.doing.trimmed());
    if (change.nextCheckpointAt.isValid())
        lines << QStringLiteral("Next update: %1, because %2")
                     .arg(ZonedTime::dateAndTime(change.nextCheckpointAt, change.nextCheckpointAt,
                                                 incident.customerZone()),
                          change.nextCheckpointWhy.trimmed());
    if (const QString contact = incident.customerContact(); !contact.isEmpty())
        lines << QStringLiteral("Your contact: %1").arg(contact);
    return lines.join(u'\n');
}

QString noticeText(const Notice &notice, const Incident &incident, const StatusChange &change)
{
    if (notice.isSent())
        return notice.sentText.isEmpty() ? notice.text : notice.sentText;
    if (notice.isEdited())
        return notice.editedText;
    return draftNotice(incident, {change.incidentId, change.by, change.to, change.doing,
                                  change.nextCheckpointAt, change.nextCheckpointWhy});
}
