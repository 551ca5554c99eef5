// IncidentStore: the options put to the customer, the resolution report, the work that remains.
#include "storage/incidentstore.h"

#include "domain/fieldcheck.h"
#include "rules/clock.h"
#include "rules/eventtext.h"
#include "rules/resolutionrules.h"
#include "storage/rows.h"

namespace {
// Each option with the incident's latest choice joined where it names that option.
const QString kOptionQuery = QStringLiteral(
    "SELECT %1 FROM solution_options o LEFT JOIN option_choices c ON c.option_id = o.id AND c.id "
    "= (SELECT MAX(id) FROM option_choices WHERE incident_id = o.incident_id) WHERE %2 ORDER BY "
    "o.id");
const QString kActionQuery =
    QStringLiteral("SELECT %1 FROM action_items a LEFT JOIN action_items_done d ON "
                   "d.action_item_id = a.id WHERE %2 ORDER BY a.due_at, a.id");
} // namespace

Result<qint64> IncidentStore::addOption(const NewSolutionOption &option)
{
    if (auto bad = checkText(QStringLiteral("name of who records it"), option.by, FieldLimit::Name))
        return *bad;
    if (auto bad = checkText(QStringLiteral("option's title"), option.title, FieldLimit::Title))
        return *bad;
    if (auto bad = checkText(QStringLiteral("option's pros"), option.pros, FieldLimit::Sentence))
        return *bad;
    if (auto bad = checkText(QStringLiteral("option's cons"), option.cons, FieldLimit::Sentence))
        return *bad;
    Result<qint64> added = m_database->write<qint64>([&]() -> Result<qint64> {
        const Result<Incident> incident = this->incident(option.incidentId);
        if (!incident)
            return incident.failure();
        if (int(incident->status) >= int(IncidentStatus::Resolved))
            return Failure{QStringLiteral("The incident is %1: options are for choosing how to "
                                          "solve it.")
                               .arg(statusName(incident->status))};
        auto ran = m_database->run(
            QStringLiteral("INSERT INTO solution_options (incident_id, at, by_name, title, pros, "
                           "cons) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"),
            {option.incidentId, Rows::time(m_clock.now()), option.by.trimmed(),
             option.title.trimmed(), option.pros.trimmed(), option.cons.trimmed()});
        if (!ran)
            return ran.failure();
        ran->next();
        const qint64 id = ran->value(0).toLongLong();
        if (auto logged = insertEvent(option.incidentId, option.by, LogEvent::OptionAdded,
                                      EventText::optionAdded(option));
            !logged)
            return logged.failure();
        return id;
    });
    return added;
}

Outcome IncidentStore::chooseOption(qint64 optionId, const QString &why, const QString &by)
{
    if (auto bad =
            checkText(QStringLiteral("name of who records the choice"), by, FieldLimit::Name))
        return *bad;
    if (auto bad = checkText(QStringLiteral("reason for the choice"), why, FieldLimit::Sentence))
        return *bad;
    Outcome chosen = m_database->write<Done>([&]() -> Outcome {
        const auto found =
            m_database->list(kOptionQuery.arg(Rows::optionColumns, QStringLiteral("o.id = ?")),
                             {optionId}, &Rows::option);
        if (!found)
            return found.failure();
        if (found->isEmpty())
            return Failure{QStringLiteral("There is no option %1.").arg(optionId)};
        const SolutionOption &option = found->constFirst();
        const Result<Incident> incident = this->incident(option.incidentId);
        if (!incident)
            return incident.failure();
        if (int(incident->status) >= int(IncidentStatus::Resolved))
            return Failure{QStringLiteral("The incident is %1; the choice stands as recorded.")
                               .arg(statusName(incident->status))};
        if (option.isChosen())
            return Failure{QStringLiteral("Option %1 is already the chosen one.").arg(optionId)};
        const auto ran = m_database->run(
            QStringLiteral("INSERT INTO option_choices (incident_id, option_id, at, by_name, why) "
                           "VALUES (?, ?, ?, ?, ?)"),
            {option.incidentId, optionId, Rows::time(m_clock.now()), by.trimmed(), why.trimmed()});
        if (!ran)
            return ran.failure();
        if (auto logged = insertEvent(option.incidentId, by, LogEvent::OptionChosen,
                                      EventText::optionChosen(option, why));
            !logged)
            return logged.failure();
        return done();
    });
    return chosen;
}

Result<QList<SolutionOption>> IncidentStore::options(qint64 incidentId) const
{
    return m_database->list(
        kOptionQuery.arg(Rows::optionColumns, QStringLiteral("o.incident_id = ?")), {incidentId},
        &Rows::option);
}

Result<ResolutionReport> IncidentStore::resolve(const NewResolutionReport &request)
{
    const QDateTime now = m_clock.now();
    if (Outcome complete = checkResolutionReport(request, now); !complete)
        return complete.failure();
    Result<ResolutionReport> resolved =
        m_database->write<ResolutionReport>([&]() -> Result<ResolutionReport> {
            NewStatusChange move;
            move.incidentId = request.incidentId;
            move.by = request.by;
            move.to = IncidentStatus::Resolved;
            const auto changed = insertStatusChange(move);
            if (!changed)
                return changed.failure();
            ResolutionReport report;
            report.incidentId = request.incidentId;
            report.at = now;
            report.by = request.by.trimmed();
            report.cause = request.cause.trimmed();
            report.done = request.done.trimmed();
            report.fullySolved = *request.fullySolved;
            report.recurrence = request.recurrence.trimmed();
            auto ran = m_database->run(
                QStringLiteral("INSERT INTO resolution_reports (incident_id, status_change_id, at, "
                               "by_name, cause, done, fully_solved, recurrence) VALUES (?, ?, ?, "
                               "?, ?, ?, ?, ?) RETURNING id"),
                {report.incidentId, changed->id, Rows::time(now), report.by, report.cause,
                 report.done, report.fullySolved ? 1 : 0, report.recurrence});
            if (!ran)
                return ran.failure();
            ran->next();
            report.id = ran->value(0).toLongLong();
            for (const NewActionItem &item : request.remains) {
                const auto added = insertActionItem(
                    report.incidentId, item, ActionSource::ResolutionReport, report.id, request.by);
                if (!added)
                    return added.failure();
            }
            const auto remains = m_database->list(
                kActionQuery.arg(Rows::actionColumns, QStringLiteral("a.report_id = ?")),
                {report.id}, &Rows::action);
            if (!remains)
                return remains.failure();
            report.remains = *remains;
            if (auto logged =
                    insertEvent(report.incidentId, report.by, LogEvent::ResolutionReported,
                                EventText::resolutionReported(report));
                !logged)
                return logged.failure();
            return report;
        });
    return resolved;
}

Result<std::optional<ResolutionReport>> IncidentStore::resolutionReport(qint64 incidentId) const
{
    const auto reports = m_database->list(
        QStringLiteral("SELECT %1 FROM resolution_reports WHERE incident_id = ? ORDER BY id DESC "
                       "LIMIT 1")
            .arg(Rows::reportColumns),
        {incidentId}, &Rows::report);
    if (!reports)
        return reports.failure();
    if (reports->isEmpty())
        return std::optional<ResolutionReport>();
    ResolutionReport report = reports->constFirst();
    const auto remains =
        m_database->list(kActionQuery.arg(Rows::actionColumns, QStringLiteral("a.report_id = ?")),
                         {report.id}, &Rows::action);
    if (!remains)
        return remains.failure();
    report.remains = *remains;
    return std::optional<ResolutionReport>(report);
}

Result<qint64> IncidentStore::addActionItem(qint64 incidentId, const NewActionItem &item,
                                            const QString &by)
{
    if (auto bad = checkText(QStringLiteral("name of who records it"), by, FieldLimit::Name))
        return *bad;
    if (Outcome ok = checkActionItem(item, m_clock.now()); !ok)
        return ok.failure();
    Result<qint64> added = m_database->write<qint64>([&]() -> Result<qint64> {
        if (Outcome exists = requireIncident(incidentId); !exists)
            return exists.failure();
        return insertActionItem(incidentId, item, ActionSource::Debrief, 0, by);
    });
    return added;
}

Result<qint64> IncidentStore::insertActionItem(qint64 incidentId, const NewActionItem &item,
                                               ActionSource source, qint64 reportId,
                                               const QString &by)
{
    ActionItem added;
    added.incidentId = incidentId;
    added.what = item.what.trimmed();
    added.owner = item.owner.trimmed();
    added.due = item.due;
    auto ran = m_database->run(
        QStringLiteral("INSERT INTO action_items (incident_id, at, by_name, what, owner, due_at, "
                       "source, report_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {incidentId, Rows::time(m_clock.now()), by.trimmed(), added.what, added.owner,
         Rows::time(added.due), actionSourceName(source), Rows::optionalId(reportId)});
    if (!ran)
        return ran.failure();
    ran->next();
    const qint64 id = ran->value(0).toLongLong();
    if (auto logged =
            insertEvent(incidentId, by, LogEvent::ActionAdded, EventText::actionAdded(added));
        !logged)
        return logged.failure();
    return id;
}

Outcome IncidentStore::markActionDone(qint64 actionItemId, const QString &note, const QString &by)
{
    if (auto bad = checkText(QStringLiteral("name of who marks it done"), by, FieldLimit::Name))
        return *bad;
    if (auto bad = checkText(QStringLiteral("note"), note, FieldLimit::Sentence, false))
        return *bad;
    Outcome marked = m_database->write<Done>([&]() -> Outcome {
        const auto found =
            m_database->list(kActionQuery.arg(Rows::actionColumns, QStringLiteral("a.id = ?")),
                             {actionItemId}, &Rows::action);
        if (!found)
            return found.failure();
        if (found->isEmpty())
            return Failure{QStringLiteral("There is no action item %1.").arg(actionItemId)};
        const ActionItem &item = found->constFirst();
        if (item.isDone())
            return Failure{QStringLiteral("Action item %1 is already done.").arg(actionItemId)};
        const auto ran = m_database->run(
            QStringLiteral("INSERT INTO action_items_done (incident_id, action_item_id, at, "
                           "by_name, note) VALUES (?, ?, ?, ?, ?)"),
            {item.incidentId, actionItemId, Rows::time(m_clock.now()), by.trimmed(),
             note.trimmed()});
        if (!ran)
            return ran.failure();
        if (auto logged = insertEvent(item.incidentId, by, LogEvent::ActionDone,
                                      EventText::actionDone(item, note));
            !logged)
            return logged.failure();
        return done();
    });
    return marked;
}

Result<QList<ActionItem>> IncidentStore::actionItems(qint64 incidentId) const
{
    return m_database->list(
        kActionQuery.arg(Rows::actionColumns, QStringLiteral("a.incident_id = ?")), {incidentId},
        &Rows::action);
}
