// IncidentStore: the person in charge, the framing and the problem statement.
#include "storage/incidentstore.h"

#include "domain/fieldcheck.h"
#include "rules/clock.h"
#include "rules/eventtext.h"
#include "storage/rows.h"

namespace {
constexpr int kObjectiveLimit = 300; // one line, read aloud in a few seconds

std::optional<Failure> checkObjective(const QString &objective)
{
    if (auto bad = checkText(QStringLiteral("objective"), objective, kObjectiveLimit))
        return bad;
    if (objective.trimmed().contains(QLatin1Char('\n')))
        return Failure{QStringLiteral("The objective is one line; say the rest in the log.")};
    return std::nullopt;
}
} // namespace

Outcome IncidentStore::handOver(qint64 incidentId, const QString &toName, const QString &toPhone,
                                const QString &note, const QString &by, Role role)
{
    if (auto bad = checkText(QStringLiteral("name of the new %1").arg(roleTitle(role)), toName,
                             FieldLimit::Name))
        return *bad;
    if (auto bad = checkPhone(toPhone.trimmed()))
        return *bad;
    if (auto bad = checkText(QStringLiteral("handover note"), note, FieldLimit::Text))
        return *bad;
    if (auto bad =
            checkText(QStringLiteral("name of who records the handover"), by, FieldLimit::Name))
        return *bad;
    Outcome handed = m_database->write<Done>([&]() -> Outcome {
        const Result<Incident> current = incident(incidentId);
        if (!current)
            return current.failure();
        const bool liaison = role == Role::Liaison;
        Handover h;
        h.incidentId = incidentId;
        h.role = role;
        h.at = m_clock.now();
        h.by = by.trimmed();
        h.fromName = liaison ? current->liaisonName : current->inChargeName;
        h.fromPhone = liaison ? current->liaisonPhone : current->inChargePhone;
        if (h.fromName == toName.trimmed() && h.fromPhone == toPhone.trimmed())
            return Failure{
                QStringLiteral("%1 is already the %2.").arg(toName.trimmed(), roleTitle(role))};
        h.toName = toName.trimmed();
        h.toPhone = toPhone.trimmed();
        h.note = note.trimmed();
        const auto inserted = m_database->run(
            QStringLiteral(
                "INSERT INTO handovers (incident_id, at, by_name, from_name, from_phone, "
                "to_name, to_phone, note, role) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {incidentId, Rows::time(h.at), h.by, h.fromName, h.fromPhone, h.toName, h.toPhone,
             h.note, roleName(role)});
        if (!inserted)
            return inserted.failure();
        if (Outcome bumped =
                bumpIncident(incidentId,
                             liaison ? QStringLiteral("liaison_name = ?, liaison_phone = ?")
                                     : QStringLiteral("in_charge_name = ?, in_charge_phone = ?"),
                             {h.toName, h.toPhone});
            !bumped)
            return bumped;
        if (auto logged = insertEvent(incidentId, h.by, LogEvent::Handover, EventText::handover(h));
            !logged)
            return logged.failure();
        return done();
    });
    return handed;
}

Result<QList<Handover>> IncidentStore::handovers(qint64 incidentId) const
{
    return m_database->list(
        QStringLiteral("SELECT %1 FROM handovers WHERE incident_id = ? ORDER BY id")
            .arg(Rows::handoverColumns),
        {incidentId}, &Rows::handover);
}

Result<qint64> IncidentStore::frame(qint64 incidentId, const QString &objective, const QString &by)
{
    if (auto bad = checkObjective(objective))
        return *bad;
    if (auto bad = checkText(QStringLiteral("name of who frames"), by, FieldLimit::Name))
        return *bad;
    Result<qint64> framed = m_database->write<qint64>([&]() -> Result<qint64> {
        if (Outcome exists = requireIncident(incidentId); !exists)
            return exists.failure();
        auto ran = m_database->run(
            QStringLiteral("INSERT INTO framings (incident_id, at, by_name, objective) VALUES "
                           "(?, ?, ?, ?) RETURNING id"),
            {incidentId, Rows::time(m_clock.now()), by.trimmed(), objective.trimmed()});
        if (!ran)
            return ran.failure();
        ran->next();
        const qint64 id = ran->value(0).toLongLong();
        if (auto logged = insertEvent(incidentId, by, LogEvent::Framed,
                                      EventText::framed(objective.trimmed(), false));
            !logged)
            return logged.failure();
        return id;
    });
    return framed;
}

Result<qint64> IncidentStore::confirmFraming(qint64 incidentId, const QString &by)
{
    if (auto bad = checkText(QStringLiteral("name of who confirms"), by, FieldLimit::Name))
        return *bad;
    Result<qint64> confirmed = m_database->write<qint64>([&]() -> Result<qint64> {
        const auto current = currentFraming(incidentId);
        if (!current)
            return current.failure();
        if (!current->has_value())
            return Failure{QStringLiteral("There is no objective to confirm yet: frame one.")};
        const Framing &framing = **current;
        auto ran = m_database->run(
            QStringLiteral("INSERT INTO framings (incident_id, at, by_name, objective, "
                           "confirms_id) VALUES (?, ?, ?, ?, ?) RETURNING id"),
            {incidentId, Rows::time(m_clock.now()), by.trimmed(), framing.objective, framing.id});
        if (!ran)
            return ran.failure();
        ran->next();
        const qint64 id = ran->value(0).toLongLong();
        if (auto logged = insertEvent(incidentId, by, LogEvent::Framed,
                                      EventText::framed(framing.objective, true));
            !logged)
            return logged.failure();
        return id;
    });
    return confirmed;
}

Result<std::optional<Framing>> IncidentStore::currentFraming(qint64 incidentId) const
{
    auto ran = m_database->run(
        QStringLiteral("SELECT %1 FROM framings WHERE incident_id = ? ORDER BY id DESC LIMIT 1")
            .arg(Rows::framingColumns),
        {incidentId});
    if (!ran)
        return ran.failure();
    if (!ran->next())
        return std::optional<Framing>();
    return std::optional<Framing>(Rows::framing(*ran));
}

Result<qint64> IncidentStore::restateProblem(qint64 incidentId, const QString &statement,
                                             const QString &by)
{
    if (auto bad = checkText(QStringLiteral("problem statement"), statement, FieldLimit::Text))
        return *bad;
    if (auto bad =
            checkText(QStringLiteral("name of who states the problem"), by, FieldLimit::Name))
        return *bad;
    Result<qint64> stated = m_database->write<qint64>([&]() -> Result<qint64> {
        if (Outcome exists = requireIncident(incidentId); !exists)
            return exists.failure();
        auto ran = m_database->run(
            QStringLiteral("INSERT INTO problem_statements (incident_id, at, by_name, body) "
                           "VALUES (?, ?, ?, ?) RETURNING id"),
            {incidentId, Rows::time(m_clock.now()), by.trimmed(), statement.trimmed()});
        if (!ran)
            return ran.failure();
        ran->next();
        const qint64 id = ran->value(0).toLongLong();
        if (Outcome bumped = bumpIncident(incidentId, QStringLiteral("problem_statement = ?"),
                                          {statement.trimmed()});
            !bumped)
            return bumped.failure();
        if (auto logged = insertEvent(incidentId, by, LogEvent::ProblemStated,
                                      EventText::problemStated(statement.trimmed()));
            !logged)
            return logged.failure();
        return id;
    });
    return stated;
}

Outcome IncidentStore::confirmProblem(qint64 statementId, const QString &confirmedBy,
                                      const QString &how, const QString &recordedBy)
{
    if (auto bad = checkText(QStringLiteral("name of the customer's person who confirmed"),
                             confirmedBy, FieldLimit::Name))
        return *bad;
    if (auto bad = checkText(QStringLiteral("how it was confirmed"), how, FieldLimit::Sentence))
        return *bad;
    if (auto bad =
            checkText(QStringLiteral("name of who records it"), recordedBy, FieldLimit::Name))
        return *bad;
    Outcome confirmed = m_database->write<Done>([&]() -> Outcome {
        const auto incidentId = m_database->scalar(
            QStringLiteral("SELECT incident_id FROM problem_statements WHERE id = ?"),
            {statementId});
        if (!incidentId)
            return incidentId.failure();
        if (!incidentId->isValid())
            return Failure{QStringLiteral("There is no problem statement %1.").arg(statementId)};
        const auto current = currentProblem(incidentId->toLongLong());
        if (!current)
            return current.failure();
        if (!current->has_value() || (*current)->id != statementId)
            return Failure{QStringLiteral("The problem statement was restated since; confirm the "
                                          "current one.")};
        if ((*current)->confirmation)
            return Failure{QStringLiteral("The customer has already confirmed this statement.")};
        const auto inserted = m_database->run(
            QStringLiteral("INSERT INTO problem_confirmations (incident_id, statement_id, at, "
                           "confirmed_by, how, recorded_by) VALUES (?, ?, ?, ?, ?, ?)"),
            {incidentId->toLongLong(), statementId, Rows::time(m_clock.now()),
             confirmedBy.trimmed(), how.trimmed(), recordedBy.trimmed()});
        if (!inserted)
            return inserted.failure();
        if (auto logged =
                insertEvent(incidentId->toLongLong(), recordedBy, LogEvent::ProblemConfirmed,
                            EventText::problemConfirmed(confirmedBy.trimmed(), how.trimmed()));
            !logged)
            return logged.failure();
        return done();
    });
    return confirmed;
}

Result<std::optional<ProblemStatement>> IncidentStore::currentProblem(qint64 incidentId) const
{
    auto ran = m_database->run(
        QStringLiteral("SELECT %1 FROM problem_statements s LEFT JOIN problem_confirmations c ON "
                       "c.statement_id = s.id WHERE s.incident_id = ? ORDER BY s.id DESC LIMIT 1")
            .arg(Rows::problemColumns),
        {incidentId});
    if (!ran)
        return ran.failure();
    if (!ran->next())
        return std::optional<ProblemStatement>();
    return std::optional<ProblemStatement>(Rows::problem(*ran));
}

Outcome IncidentStore::setDisplayName(const QString &name)
{
    if (m_signedInAs.isEmpty())
        return done();
    if (auto bad = checkText(QStringLiteral("display name"), name, FieldLimit::Name))
        return *bad;
    const Result<QHash<QString, QString>> names = displayNames();
    if (!names)
        return names.failure();
    if (names->value(m_signedInAs) == name.trimmed())
        return done();
    return m_database->write<Done>([&]() -> Outcome {
        const auto ran =
            m_database->run(QStringLiteral("INSERT INTO display_names (at, name) VALUES (?, ?)"),
                            {Rows::time(m_clock.now()), name.trimmed()});
        if (!ran)
            return ran.failure();
        return done();
    });
}

Result<QHash<QString, QString>> IncidentStore::displayNames() const
{
    auto ran =
        m_database->run(QStringLiteral("SELECT signed_in_as, name FROM display_names ORDER BY id"));
    if (!ran)
        return ran.failure();
    QHash<QString, QString> names;
    while (ran->next())
        names.insert(ran->value(0).toString(), ran->value(1).toString());
    return names;
}

Result<QStringList> IncidentStore::othersPresent() const
{
    const Result<QStringList> roles = m_database->engine().rolesInWindows(*m_database);
    if (!roles)
        return roles.failure();
    if (roles->isEmpty())
        return QStringList();
    const Result<QHash<QString, QString>> names = displayNames();
    if (!names)
        return names.failure();
    QStringList present;
    for (const QString &role : *roles)
        present.append(names->value(role, role));
    present.sort(Qt::CaseInsensitive);
    return present;
}
