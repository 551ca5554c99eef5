#include "rules/eventtext.h"

#include "domain/zonedtime.h"

namespace {
QString ordinal(int n)
{
    const int lastTwo = n % 100;
    const int last = n % 10;
    const char *suffix = (lastTwo >= 11 && lastTwo <= 13) ? "th"
                         : last == 1                      ? "st"
                         : last == 2                      ? "nd"
                         : last == 3                      ? "rd"
                                                          : "th";
    return QString::number(n) + QLatin1String(suffix);
}
} // namespace

namespace EventText {
QString utcTime(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("d MMM HH:mm")) + QStringLiteral(" UTC");
}

QString committed(const Commitment &c)
{
    return QStringLiteral("Deadline committed: \"%1\" (owner %2) due %3. Why then: %4")
        .arg(c.what, c.owner, utcTime(c.due), c.why);
}

QString met(const Commitment &c, const QString &by, bool late)
{
    if (late)
        return QStringLiteral("Deadline met LATE: \"%1\" (owner %2) was due %3; marked done by "
                              "%4.")
            .arg(c.what, c.owner, utcTime(c.due), by);
    return QStringLiteral("Deadline met: \"%1\" (owner %2), marked by %3.")
        .arg(c.what, c.owner, by);
}

QString missed(const Commitment &c)
{
    return QStringLiteral("Deadline MISSED: \"%1\" (owner %2) was due %3.")
        .arg(c.what, c.owner, utcTime(c.due));
}

QString superseded(const Commitment &old, const QDateTime &newDue, const QString &whyNotKept)
{
    return QStringLiteral("Deadline superseded: \"%1\" was due %2, now due %3. Why it was not "
                          "kept: %4")
        .arg(old.what, utcTime(old.due), utcTime(newDue), whyNotKept);
}

QString timeboxed(const QString &theory, const QDateTime &due, const QString &why)
{
    return QStringLiteral("Theory timeboxed: confirm or drop \"%1\" by %2. Why then: %3")
        .arg(theory, utcTime(due), why);
}

QString timeboxExtended(const QString &theory, const QDateTime &newDue, int extension,
                        const QString &why)
{
    return QStringLiteral("Theory timebox EXTENDED (%1 extension) to %2: \"%3\". Why: %4")
        .arg(ordinal(extension), utcTime(newDue), theory, why);
}

QString theorySettled(const QString &theory, TimeboxVerdict verdict, bool late)
{
    const QString what = verdict == TimeboxVerdict::Confirmed ? QStringLiteral("confirmed")
                                                              : QStringLiteral("dropped");
    return QStringLiteral("Theory %1%2: \"%3\"")
        .arg(what, late ? QStringLiteral(" after its timebox passed") : QString(), theory);
}

QString handover(const Handover &h)
{
    QString text =
        h.role == Role::Liaison
            ? (h.fromName.isEmpty()
                   ? QStringLiteral("Business liaison named: %1 (%2) owns the business channel "
                                    "and is the customer's contact.")
                         .arg(h.toName, h.toPhone)
                   : QStringLiteral("Handover: %1 is now the business liaison (%2), taking over "
                                    "from %3.")
                         .arg(h.toName, h.toPhone, h.fromName))
            : QStringLiteral("Handover: %1 is now in charge (%2), taking over from %3.")
                  .arg(h.toName, h.toPhone,
                       h.fromName.isEmpty() ? QStringLiteral("nobody") : h.fromName);
    if (!h.note.isEmpty())
        text += QStringLiteral(" Handover note: ") + h.note;
    return text;
}

QString framed(const QString &objective, bool confirmedUnchanged)
{
    return (confirmedUnchanged ? QStringLiteral("Objective confirmed unchanged: ")
                               : QStringLiteral("Objective: ")) +
           objective;
}

QString problemStated(const QString &statement)
{
    return QStringLiteral("Problem statement (to confirm with the customer): ") + statement;
}

QString problemConfirmed(const QString &confirmedBy, const QString &how)
{
    return QStringLiteral("Problem statement confirmed by the customer: %1, %2.")
        .arg(confirmedBy, how);
}

QString askSent(const CustomerAsk &ask)
{
    return QStringLiteral("Ask sent to the customer: \"%1\"").arg(ask.what);
}

QString askAnswered(const CustomerAsk &ask, const QString &answer)
{
    return QStringLiteral("Customer answered the ask \"%1\": %2").arg(ask.what, answer);
}

QString statusChanged(const StatusChange &change)
{
    QString text =
        QStringLiteral("Status: %1 -> %2.").arg(statusName(change.from), statusName(change.to));
    if (!change.doing.isEmpty())
        text += QStringLiteral(" Doing: ") + change.doing;
    if (change.nextCheckpointAt.isValid())
        text += QStringLiteral(" Next checkpoint %1 (%2).")
                    .arg(utcTime(change.nextCheckpointAt), change.nextCheckpointWhy);
    return text;
}

QString impactAssessed(const QString &sentence, const QString &calibration,
                       const QString &severityNote)
{
    return QStringLiteral("Impact assessed: %1 Suggested %2.%3")
        .arg(sentence, calibration, severityNote.isEmpty() ? QString() : u' ' + severityNote);
}

QString severityChanged(Severity from, Severity to, const std::optional<Severity> &assessed,
                        const QString &reason)
{
    QString text =
        from == to ? QStringLiteral("Severity stays %1").arg(severityName(to))
                   : QStringLiteral("Severity %1 -> %2").arg(severityName(from), severityName(to));
    if (assessed && *assessed == to)
        text += QStringLiteral(", as assessed");
    else if (assessed)
        text += QStringLiteral(", overriding the assessed %1").arg(severityName(*assessed));
    else
        text += QStringLiteral(", not yet assessed");
    if (!reason.isEmpty())
        text += QStringLiteral(": ") + reason;
    return text + u'.';
}

QString noticeSent(IncidentStatus status)
{
    return QStringLiteral("Customer notice sent (status %1).").arg(statusName(status));
}
QString customerZoneSet(const QString &from, const QString &to, const QDateTime &at)
{
    const auto described = [&at](const QString &id) {
        return id.isEmpty() ? QStringLiteral("UTC (not said)")
                            : QStringLiteral("%1 (%2)").arg(
                                  id, ZonedTime::zoneName(at, ZonedTime::zoneOrUtc(id)));
    };
    return QStringLiteral("The customer's time zone is now %1, was %2: their notices, briefings "
                          "and report write times in it.")
        .arg(described(to), described(from));
}

QString optionAdded(const NewSolutionOption &option)
{
    return QStringLiteral("Option for the customer: \"%1\". For: %2. Against: %3")
        .arg(option.title.trimmed(), option.pros.trimmed(), option.cons.trimmed());
}

QString optionChosen(const SolutionOption &option, const QString &why)
{
    return QStringLiteral("Option chosen: \"%1\". Why: %2").arg(option.title, why.trimmed());
}

QString resolutionReported(const ResolutionReport &report)
{
    const QString solved =
        report.fullySolved
            ? QStringLiteral("fully solved")
            : QStringLiteral("partly solved, %1 item(s) remain").arg(report.remains.size());
    return QStringLiteral("Resolution report (%1). Cause: %2").arg(solved, report.cause);
}

QString actionAdded(const ActionItem &item)
{
    return QStringLiteral("Action item: \"%1\" (owner %2) due %3.")
        .arg(item.what, item.owner, utcTime(item.due));
}

QString actionDone(const ActionItem &item, const QString &note)
{
    const QString done =
        QStringLiteral("Action item done: \"%1\" (owner %2).").arg(item.what, item.owner);
    return note.trimmed().isEmpty() ? done : done + QStringLiteral(" ") + note.trimmed();
}

QString debriefed(int version)
{
    return version == 1 ? QStringLiteral("Debrief written.")
                        : QStringLiteral("Debrief revised (version %1).").arg(version);
}

QString knownProblemSeen(const KnownProblem &problem, Sighting how)
{
    switch (how) {
    case Sighting::Suggested:
        return QStringLiteral("Known problem #%1 matches: \"%2\". Workaround: %3")
            .arg(problem.id)
            .arg(problem.symptom, problem.workaround);
    case Sighting::Dismissed:
        return QStringLiteral("Known problem #%1 does not apply here: \"%2\".")
            .arg(problem.id)
            .arg(problem.symptom);
    case Sighting::Linked:
        return QStringLiteral("Known problem #%1 applies here: \"%2\". Workaround: %3")
            .arg(problem.id)
            .arg(problem.symptom, problem.workaround);
    }
    return {};
}
} // namespace EventText
