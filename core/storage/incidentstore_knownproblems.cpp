// IncidentStore: the war room's book of known problems and where each one appeared.
#include "storage/incidentstore.h"

#include "domain/fieldcheck.h"
#include "rules/clock.h"
#include "rules/eventtext.h"
#include "storage/rows.h"

namespace {
const QString kKnownProblemQuery = QStringLiteral(
    "SELECT %1 FROM known_problems k LEFT JOIN known_problem_updates u ON u.id = (SELECT MAX(id) "
    "FROM known_problem_updates WHERE known_problem_id = k.id) %2 ORDER BY k.id");
} // namespace

Result<qint64> IncidentStore::addKnownProblem(const NewKnownProblem &problem)
{
    if (auto bad = checkText(QStringLiteral("name of who adds it"), problem.by, FieldLimit::Name))
        return *bad;
    if (auto bad = checkText(QStringLiteral("symptom"), problem.symptom, FieldLimit::Sentence))
        return *bad;
    if (auto bad =
            checkText(QStringLiteral("workaround"), problem.workaround, FieldLimit::Sentence))
        return *bad;
    if (auto bad = checkText(QStringLiteral("cause"), problem.cause, FieldLimit::Sentence, false))
        return *bad;
    if (auto bad = checkText(QStringLiteral("affected product or version"), problem.product,
                             FieldLimit::Title, false))
        return *bad;
    Result<qint64> added = m_database->write<qint64>([&]() -> Result<qint64> {
        if (problem.fromIncidentId > 0) {
            if (Outcome exists = requireIncident(problem.fromIncidentId); !exists)
                return exists.failure();
        }
        auto ran = m_database->run(
            QStringLiteral("INSERT INTO known_problems (at, by_name, symptom, product, "
                           "workaround, cause, fix_status, from_incident_id) VALUES (?, ?, ?, ?, "
                           "?, ?, ?, ?) RETURNING id"),
            {Rows::time(m_clock.now()), problem.by.trimmed(), problem.symptom.trimmed(),
             problem.product.trimmed(), problem.workaround.trimmed(), problem.cause.trimmed(),
             fixStatusName(problem.fixStatus), Rows::optionalId(problem.fromIncidentId)});
        if (!ran)
            return ran.failure();
        ran->next();
        const qint64 id = ran->value(0).toLongLong();
        if (problem.fromIncidentId > 0) {
            if (Outcome linked =
                    recordSighting(problem.fromIncidentId, id, Sighting::Linked, problem.by);
                !linked)
                return linked.failure();
        }
        return id;
    });
    return added;
}

Outcome IncidentStore::updateKnownProblem(qint64 knownProblemId, FixStatus status,
                                          const QString &note, const QString &by)
{
    if (auto bad = checkText(QStringLiteral("name of who updates it"), by, FieldLimit::Name))
        return *bad;
    if (auto bad = checkText(QStringLiteral("note"), note, FieldLimit::Sentence, false))
        return *bad;
    Outcome updated = m_database->write<Done>([&]() -> Outcome {
        const auto exists = m_database->scalar(
            QStringLiteral("SELECT COUNT(*) FROM known_problems WHERE id = ?"), {knownProblemId});
        if (!exists)
            return exists.failure();
        if (exists->toInt() == 0)
            return Failure{QStringLiteral("There is no known problem %1.").arg(knownProblemId)};
        const auto ran = m_database->run(
            QStringLiteral("INSERT INTO known_problem_updates (known_problem_id, at, by_name, "
                           "fix_status, note) VALUES (?, ?, ?, ?, ?)"),
            {knownProblemId, Rows::time(m_clock.now()), by.trimmed(), fixStatusName(status),
             note.trimmed()});
        return asOutcome(ran);
    });
    return updated;
}

Result<QList<KnownProblem>> IncidentStore::knownProblems() const
{
    auto problems = m_database->list(kKnownProblemQuery.arg(Rows::knownProblemColumns, QString()),
                                     {}, &Rows::knownProblem);
    if (!problems)
        return problems;
    auto seen = m_database->run(
        QStringLiteral("SELECT known_problem_id, incident_id FROM known_problem_sightings WHERE "
                       "how <> 'dismissed' ORDER BY id"));
    if (!seen)
        return seen.failure();
    QHash<qint64, QList<qint64>> incidents;
    while (seen->next()) {
        QList<qint64> &where = incidents[seen->value(0).toLongLong()];
        if (!where.contains(seen->value(1).toLongLong()))
            where.append(seen->value(1).toLongLong());
    }
    for (KnownProblem &problem : *problems)
        problem.incidents = incidents.value(problem.id);
    return problems;
}

Outcome IncidentStore::recordSighting(qint64 incidentId, qint64 knownProblemId, Sighting how,
                                      const QString &by)
{
    if (auto bad = checkText(QStringLiteral("name of who records it"), by, FieldLimit::Name))
        return *bad;
    Outcome recorded = m_database->write<Done>([&]() -> Outcome {
        if (Outcome exists = requireIncident(incidentId); !exists)
            return exists.failure();
        const auto problem = m_database->list(
            kKnownProblemQuery.arg(Rows::knownProblemColumns, QStringLiteral("WHERE k.id = ?")),
            {knownProblemId}, &Rows::knownProblem);
        if (!problem)
            return problem.failure();
        if (problem->isEmpty())
            return Failure{QStringLiteral("There is no known problem %1.").arg(knownProblemId)};
        const auto already = m_database->scalar(
            QStringLiteral("SELECT COUNT(*) FROM known_problem_sightings WHERE incident_id = ? "
                           "AND known_problem_id = ? AND how = ?"),
            {incidentId, knownProblemId, sightingName(how)});
        if (!already)
            return already.failure();
        if (already->toInt() > 0)
            return done(); // recorded once
        const auto ran = m_database->run(
            QStringLiteral("INSERT INTO known_problem_sightings (incident_id, known_problem_id, "
                           "at, by_name, how) VALUES (?, ?, ?, ?, ?)"),
            {incidentId, knownProblemId, Rows::time(m_clock.now()), by.trimmed(),
             sightingName(how)});
        if (!ran)
            return ran.failure();
        if (auto logged = insertEvent(incidentId, by, LogEvent::KnownProblemSeen,
                                      EventText::knownProblemSeen(problem->constFirst(), how));
            !logged)
            return logged.failure();
        return done();
    });
    return recorded;
}

Result<QList<KnownProblemSighting>> IncidentStore::sightings(qint64 incidentId) const
{
    return m_database->list(
        QStringLiteral("SELECT %1 FROM known_problem_sightings WHERE incident_id = ? ORDER BY id")
            .arg(Rows::sightingColumns),
        {incidentId}, &Rows::sighting);
}
