// Rows: the records written after the crisis, and the war room's book of known problems.
#include "storage/rows.h"

namespace Rows {
const QString optionColumns = QStringLiteral(
    "o.id, o.incident_id, o.at, o.by_name, o.title, o.pros, o.cons, c.at, c.by_name, c.why");

SolutionOption option(const QSqlQuery &q)
{
    SolutionOption o;
    o.id = q.value(0).toLongLong();
    o.incidentId = q.value(1).toLongLong();
    o.at = time(q.value(2));
    o.by = q.value(3).toString();
    o.title = q.value(4).toString();
    o.pros = q.value(5).toString();
    o.cons = q.value(6).toString();
    o.chosenAt = time(q.value(7));
    o.chosenBy = q.value(8).toString();
    o.chosenWhy = q.value(9).toString();
    return o;
}

const QString reportColumns =
    QStringLiteral("id, incident_id, at, by_name, cause, done, fully_solved, recurrence");

ResolutionReport report(const QSqlQuery &q)
{
    ResolutionReport r;
    r.id = q.value(0).toLongLong();
    r.incidentId = q.value(1).toLongLong();
    r.at = time(q.value(2));
    r.by = q.value(3).toString();
    r.cause = q.value(4).toString();
    r.done = q.value(5).toString();
    r.fullySolved = q.value(6).toInt() == 1;
    r.recurrence = q.value(7).toString();
    return r;
}

const QString actionColumns =
    QStringLiteral("a.id, a.incident_id, a.at, a.by_name, a.what, a.owner, a.due_at, a.source, "
                   "d.at, d.by_name, d.note");

ActionItem action(const QSqlQuery &q)
{
    ActionItem a;
    a.id = q.value(0).toLongLong();
    a.incidentId = q.value(1).toLongLong();
    a.createdAt = time(q.value(2));
    a.createdBy = q.value(3).toString();
    a.what = q.value(4).toString();
    a.owner = q.value(5).toString();
    a.due = time(q.value(6));
    a.source = parseActionSource(q.value(7).toString()).value_or(ActionSource::Debrief);
    a.doneAt = time(q.value(8));
    a.doneBy = q.value(9).toString();
    a.doneNote = q.value(10).toString();
    return a;
}

const QString debriefColumns = QStringLiteral(
    "id, incident_id, at, by_name, went_well, went_badly, customer_feedback, lessons");

Debrief debrief(const QSqlQuery &q)
{
    Debrief d;
    d.id = q.value(0).toLongLong();
    d.incidentId = q.value(1).toLongLong();
    d.at = time(q.value(2));
    d.by = q.value(3).toString();
    d.wentWell = q.value(4).toString();
    d.wentBadly = q.value(5).toString();
    d.customerFeedback = q.value(6).toString();
    d.lessons = q.value(7).toString();
    return d;
}

const QString knownProblemColumns =
    QStringLiteral("k.id, k.at, k.by_name, k.symptom, k.product, k.workaround, k.cause, "
                   "COALESCE(u.fix_status, k.fix_status), COALESCE(u.note, ''), "
                   "k.from_incident_id");

KnownProblem knownProblem(const QSqlQuery &q)
{
    KnownProblem k;
    k.id = q.value(0).toLongLong();
    k.at = time(q.value(1));
    k.by = q.value(2).toString();
    k.symptom = q.value(3).toString();
    k.product = q.value(4).toString();
    k.workaround = q.value(5).toString();
    k.cause = q.value(6).toString();
    k.fixStatus = parseFixStatus(q.value(7).toString()).value_or(FixStatus::None);
    k.fixNote = q.value(8).toString();
    k.fromIncidentId = q.value(9).toLongLong();
    return k;
}

const QString sightingColumns =
    QStringLiteral("id, incident_id, known_problem_id, at, by_name, how");

KnownProblemSighting sighting(const QSqlQuery &q)
{
    KnownProblemSighting s;
    s.id = q.value(0).toLongLong();
    s.incidentId = q.value(1).toLongLong();
    s.knownProblemId = q.value(2).toLongLong();
    s.at = time(q.value(3));
    s.by = q.value(4).toString();
    s.how = parseSighting(q.value(5).toString()).value_or(Sighting::Suggested);
    return s;
}
} // namespace Rows
