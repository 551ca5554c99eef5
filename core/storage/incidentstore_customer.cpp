// IncidentStore: what passes between us and the customer: asks, status changes, notices.
#include "storage/incidentstore.h"

#include "domain/fieldcheck.h"
#include "domain/zonedtime.h"
#include "rules/clock.h"
#include "rules/eventtext.h"
#include "rules/statusrules.h"
#include "storage/rows.h"

namespace {
const QString kAskQuery =
    QStringLiteral("SELECT %1 FROM customer_asks a "
                   "LEFT JOIN customer_ask_events s ON s.ask_id = a.id AND s.kind = 'sent' "
                   "LEFT JOIN customer_ask_events r ON r.ask_id = a.id AND r.kind = 'answered' "
                   "WHERE %2 ORDER BY a.id");
} // namespace

Result<qint64> IncidentStore::askCustomer(qint64 incidentId, const QString &what,
                                          const QString &whyOnlyCustomer, const QString &by)
{
    if (auto bad = checkText(QStringLiteral("ask"), what, FieldLimit::Sentence))
        return *bad;
    if (auto bad = checkText(QStringLiteral("reason only the customer can do it"), whyOnlyCustomer,
                             FieldLimit::Sentence))
        return *bad;
    Result<qint64> asked = m_database->write<qint64>([&]() -> Result<qint64> {
        NewLogEntry entry;
        entry.incidentId = incidentId;
        entry.author = by;
        entry.kind = LogKind::Ask;
        entry.text = QStringLiteral("%1 (Only the customer can: %2)")
                         .arg(what.trimmed(), whyOnlyCustomer.trimmed());
        const Result<LogEntry> logged = insertLogEntry(entry);
        if (!logged)
            return logged.failure();
        auto ran = m_database->run(
            QStringLiteral("INSERT INTO customer_asks (incident_id, log_entry_id, created_at, "
                           "asked_by, what, why_only_customer) VALUES (?, ?, ?, ?, ?, ?) "
                           "RETURNING id"),
            {incidentId, logged->id, Rows::time(m_clock.now()), by.trimmed(), what.trimmed(),
             whyOnlyCustomer.trimmed()});
        if (!ran)
            return ran.failure();
        ran->next();
        return ran->value(0).toLongLong();
    });
    return asked;
}

Result<QList<CustomerAsk>> IncidentStore::customerAsks(qint64 incidentId) const
{
    return m_database->list(kAskQuery.arg(Rows::askColumns, QStringLiteral("a.incident_id = ?")),
                            {incidentId}, &Rows::ask);
}

Outcome IncidentStore::markAskSent(qint64 askId, const QString &by)
{
    return recordAskEvent(askId, QStringLiteral("sent"), by, {});
}

Outcome IncidentStore::markAskAnswered(qint64 askId, const QString &answer, const QString &by)
{
    if (auto bad = checkText(QStringLiteral("customer's answer"), answer, FieldLimit::Text))
        return *bad;
    return recordAskEvent(askId, QStringLiteral("answered"), by, answer.trimmed());
}

Outcome IncidentStore::recordAskEvent(qint64 askId, const QString &kind, const QString &by,
                                      const QString &note)
{
    if (auto bad = checkText(QStringLiteral("name of who records it"), by, FieldLimit::Name))
        return *bad;
    const bool answer = kind == u"answered";
    Outcome recorded = m_database->write<Done>([&]() -> Outcome {
        const auto asks = m_database->list(
            kAskQuery.arg(Rows::askColumns, QStringLiteral("a.id = ?")), {askId}, &Rows::ask);
        if (!asks)
            return asks.failure();
        if (asks->isEmpty())
            return Failure{QStringLiteral("There is no customer ask %1.").arg(askId)};
        const CustomerAsk &ask = asks->constFirst();
        if ((answer ? ask.answeredAt : ask.sentAt).isValid())
            return Failure{QStringLiteral("That ask was already %1.").arg(kind)};
        const auto inserted = m_database->run(
            QStringLiteral("INSERT INTO customer_ask_events (incident_id, ask_id, kind, at, "
                           "by_name, note) VALUES (?, ?, ?, ?, ?, ?)"),
            {ask.incidentId, askId, kind, Rows::time(m_clock.now()), by.trimmed(), note});
        if (!inserted)
            return inserted.failure();
        const auto logged =
            answer ? insertEvent(ask.incidentId, by, LogEvent::AskAnswered,
                                 EventText::askAnswered(ask, note))
                   : insertEvent(ask.incidentId, by, LogEvent::AskSent, EventText::askSent(ask));
        if (!logged)
            return logged.failure();
        return done();
    });
    return recorded;
}

Result<StatusChange> IncidentStore::changeStatus(const NewStatusChange &request)
{
    if (request.to == IncidentStatus::Resolved)
        return Failure{QStringLiteral("Resolving needs a resolution report: what caused the "
                                      "problem, what was done, what remains, whether it is fully "
                                      "solved, and whether it can happen again.")};
    Result<StatusChange> changed = m_database->write<StatusChange>([&]() -> Result<StatusChange> {
        if (request.to == IncidentStatus::Closed) {
            const auto debriefed = debrief(request.incidentId);
            if (!debriefed)
                return debriefed.failure();
            if (!debriefed->has_value())
                return Failure{QStringLiteral("Closing needs a debrief: what went well and badly, "
                                              "the customer's feedback, lessons learned.")};
        }
        return insertStatusChange(request);
    });
    return changed;
}

Result<StatusChange> IncidentStore::insertStatusChange(const NewStatusChange &request)
{
    const Result<Incident> current = incident(request.incidentId);
    if (!current)
        return current.failure();
    const QDateTime now = m_clock.now();
    if (Outcome allowed = checkStatusChange(current->status, request, now); !allowed)
        return allowed.failure();
    StatusChange change;
    change.incidentId = request.incidentId;
    change.at = now;
    change.by = request.by.trimmed();
    change.from = current->status;
    change.to = request.to;
    change.doing = request.doing.trimmed();
    change.nextCheckpointAt = request.nextCheckpointAt;
    change.nextCheckpointWhy = request.nextCheckpointWhy.trimmed();
    auto ran = m_database->run(
        QStringLiteral("INSERT INTO status_changes (incident_id, at, by_name, from_status, "
                       "to_status, doing, next_checkpoint_at, next_checkpoint_why) VALUES (?, "
                       "?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {change.incidentId, Rows::time(now), change.by, statusName(change.from),
         statusName(change.to), change.doing, Rows::time(change.nextCheckpointAt),
         change.nextCheckpointWhy});
    if (!ran)
        return ran.failure();
    ran->next();
    change.id = ran->value(0).toLongLong();

    // Resolving stamps the time; falling back to investigating clears it.
    QVariant resolvedAt = Rows::time(current->resolvedAt);
    if (change.to == IncidentStatus::Resolved)
        resolvedAt = Rows::time(now);
    else if (change.to == IncidentStatus::Investigating)
        resolvedAt = QVariant();
    if (Outcome bumped =
            bumpIncident(change.incidentId, QStringLiteral("status = ?, resolved_at = ?"),
                         {statusName(change.to), resolvedAt});
        !bumped)
        return bumped.failure();

    const auto drafted = m_database->run(
        QStringLiteral("INSERT INTO notices (incident_id, status_change_id, drafted_at, body) "
                       "VALUES (?, ?, ?, ?)"),
        {change.incidentId, change.id, Rows::time(now), draftNotice(*current, request)});
    if (!drafted)
        return drafted.failure();
    if (auto logged = insertEvent(change.incidentId, change.by, LogEvent::StatusChanged,
                                  EventText::statusChanged(change));
        !logged)
        return logged.failure();
    return change;
}

Result<QList<StatusChange>> IncidentStore::statusChanges(qint64 incidentId) const
{
    return m_database->list(
        QStringLiteral("SELECT %1 FROM status_changes WHERE incident_id = ? ORDER BY id")
            .arg(Rows::statusChangeColumns),
        {incidentId}, &Rows::statusChange);
}

Result<QList<Notice>> IncidentStore::notices(qint64 incidentId) const
{
    return m_database->list(
        QStringLiteral("SELECT %1 FROM notices n %2 WHERE n.incident_id = ? ORDER BY n.id")
            .arg(Rows::noticeColumns, Rows::noticeJoins),
        {incidentId}, &Rows::notice);
}

Result<IncidentStore::NoticeAtHand> IncidentStore::noticeAtHand(qint64 noticeId) const
{
    auto ran = m_database->run(QStringLiteral("SELECT %1 FROM notices n %2 WHERE n.id = ?")
                                   .arg(Rows::noticeColumns, Rows::noticeJoins),
                               {noticeId});
    if (!ran)
        return ran.failure();
    if (!ran->next())
        return Failure{QStringLiteral("There is no notice %1.").arg(noticeId)};
    NoticeAtHand at;
    at.notice = Rows::notice(*ran);
    if (at.notice.isSent())
        return Failure{QStringLiteral("That notice was already sent; what was sent stands.")};
    const Result<Incident> incident = this->incident(at.notice.incidentId);
    if (!incident)
        return incident.failure();
    at.incident = *incident;
    auto change = m_database->run(
        QStringLiteral("SELECT %1 FROM status_changes WHERE id = ?").arg(Rows::statusChangeColumns),
        {at.notice.statusChangeId});
    if (!change)
        return change.failure();
    if (change->next())
        at.change = Rows::statusChange(*change);
    return at;
}

Outcome IncidentStore::editNotice(qint64 noticeId, const QString &text, const QString &by)
{
    if (auto bad = checkText(QStringLiteral("notice"), text, FieldLimit::Text, false))
        return *bad;
    if (auto bad = checkText(QStringLiteral("name of who edits it"), by, FieldLimit::Name))
        return *bad;
    return m_database->write<Done>([&]() -> Outcome {
        const auto at = noticeAtHand(noticeId);
        if (!at)
            return at.failure();
        // Back to the draft (or the same text as the draft): it follows the state again.
        const QString edited = text.trimmed();
        const bool following =
            edited.isEmpty() || edited == noticeText({}, at->incident, at->change).trimmed();
        const QString stored = following ? QString() : edited;
        if (stored == at->notice.editedText)
            return Failure{QStringLiteral("The notice already says that.")};
        const auto inserted = m_database->run(
            QStringLiteral("INSERT INTO notice_edits (incident_id, notice_id, at, by_name, body) "
                           "VALUES (?, ?, ?, ?, ?)"),
            {at->notice.incidentId, noticeId, Rows::time(m_clock.now()), by.trimmed(), stored});
        if (!inserted)
            return inserted.failure();
        return done();
    });
}

Outcome IncidentStore::markNoticeSent(qint64 noticeId, const QString &by, const QString &text)
{
    if (auto bad = checkText(QStringLiteral("name of who sent it"), by, FieldLimit::Name))
        return *bad;
    if (auto bad = checkText(QStringLiteral("notice"), text, FieldLimit::Text, false))
        return *bad;
    Outcome sent = m_database->write<Done>([&]() -> Outcome {
        const auto at = noticeAtHand(noticeId);
        if (!at)
            return at.failure();
        // What the customer got: the text the sender had in front of them, or the notice as it
        // stands now.
        const QString body = text.trimmed().isEmpty()
                                 ? noticeText(at->notice, at->incident, at->change)
                                 : text.trimmed();
        const auto inserted = m_database->run(
            QStringLiteral("INSERT INTO notice_sends (incident_id, notice_id, at, by_name, body) "
                           "VALUES (?, ?, ?, ?, ?)"),
            {at->notice.incidentId, noticeId, Rows::time(m_clock.now()), by.trimmed(), body});
        if (!inserted)
            return inserted.failure();
        if (auto logged = insertEvent(at->notice.incidentId, by, LogEvent::NoticeSent,
                                      EventText::noticeSent(at->change.to));
            !logged)
            return logged.failure();
        return done();
    });
    return sent;
}

Outcome IncidentStore::setCustomerTimeZone(qint64 incidentId, const QString &zoneId,
                                           const QString &by)
{
    const QString zone = zoneId.trimmed();
    if (zone.isEmpty())
        return Failure{QStringLiteral("Name the customer's time zone, e.g. Europe/Berlin.")};
    if (auto bad = ZonedTime::checkTimeZone(zone))
        return *bad;
    if (auto bad =
            checkText(QStringLiteral("name of who sets the time zone"), by, FieldLimit::Name))
        return *bad;
    return m_database->write<Done>([&]() -> Outcome {
        const Result<Incident> current = incident(incidentId);
        if (!current)
            return current.failure();
        if (current->customerTimeZone == zone)
            return Failure{QStringLiteral("The customer's time zone is already %1.").arg(zone)};
        if (Outcome bumped =
                bumpIncident(incidentId, QStringLiteral("customer_time_zone = ?"), {zone});
            !bumped)
            return bumped;
        if (auto logged = insertEvent(
                incidentId, by.trimmed(), LogEvent::CustomerZoneSet,
                EventText::customerZoneSet(current->customerTimeZone, zone, m_clock.now()));
            !logged)
            return logged.failure();
        return done();
    });
}
