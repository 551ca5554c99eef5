// IncidentStore: commitments (written deadlines) and theory timeboxes.
#include "storage/incidentstore.h"

#include "domain/fieldcheck.h"
#include "rules/clock.h"
#include "rules/duetime.h"
#include "rules/eventtext.h"
#include "rules/timebox.h"
#include "storage/rows.h"

namespace {
std::optional<Failure> checkDue(const QDateTime &due, const QDateTime &now)
{
    if (!due.isValid())
        return Failure{QStringLiteral("The deadline needs a due time.")};
    if (due <= now)
        return Failure{
            QStringLiteral("The due time has already passed; a deadline must be ahead.")};
    return checkHorizon(due, now, QStringLiteral("due time"));
}

QString verdictName(TimeboxVerdict verdict)
{
    switch (verdict) {
    case TimeboxVerdict::Confirmed:
        return QStringLiteral("confirmed");
    case TimeboxVerdict::Dropped:
        return QStringLiteral("dropped");
    case TimeboxVerdict::None:
        break;
    }
    return {};
}

Failure alreadyEnded(const Commitment &c, const QDateTime &now)
{
    return Failure{QStringLiteral("Commitment %1 has already ended (%2).")
                       .arg(c.id)
                       .arg(commitmentStateName(c.stateAt(now)))};
}
} // namespace

Result<qint64> IncidentStore::commit(const NewCommitment &commitment)
{
    Result<qint64> created = m_database->write<qint64>([&]() -> Result<qint64> {
        const Result<qint64> id = insertCommitment(commitment, 0);
        if (!id)
            return id;
        const auto c = this->commitment(*id);
        if (!c)
            return c.failure();
        if (auto logged = insertEvent(c->incidentId, c->createdBy, LogEvent::Committed,
                                      EventText::committed(*c), c->id);
            !logged)
            return logged.failure();
        return id;
    });
    return created;
}

Result<qint64> IncidentStore::insertCommitment(const NewCommitment &commitment,
                                               qint64 hypothesisEntryId)
{
    if (auto bad = checkText(QStringLiteral("next step"), commitment.what, FieldLimit::Sentence))
        return *bad;
    if (auto bad = checkText(QStringLiteral("owner"), commitment.owner, FieldLimit::Name))
        return *bad;
    if (auto bad = checkText(QStringLiteral("reason for this deadline"), commitment.why,
                             FieldLimit::Sentence))
        return *bad;
    if (auto bad = checkText(QStringLiteral("name of who commits"), commitment.createdBy,
                             FieldLimit::Name))
        return *bad;
    const QDateTime now = m_clock.now();
    if (auto bad = checkDue(commitment.due, now))
        return *bad;
    if (Outcome exists = requireIncident(commitment.incidentId); !exists)
        return exists.failure();
    auto ran = m_database->run(
        QStringLiteral("INSERT INTO commitments (incident_id, what, owner, due_at, why, "
                       "created_at, created_by, hypothesis_entry_id) VALUES (?, ?, ?, ?, ?, ?, ?, "
                       "?) RETURNING id"),
        {commitment.incidentId, commitment.what.trimmed(), commitment.owner.trimmed(),
         Rows::time(commitment.due), commitment.why.trimmed(), Rows::time(now),
         commitment.createdBy.trimmed(), Rows::optionalId(hypothesisEntryId)});
    if (!ran)
        return ran.failure();
    ran->next();
    return ran->value(0).toLongLong();
}

Outcome IncidentStore::insertOutcome(const Commitment &commitment, const QString &kind,
                                     const QString &by, const QString &reason,
                                     qint64 supersededById, const QString &verdict)
{
    const auto ran = m_database->run(
        QStringLiteral("INSERT INTO commitment_outcomes (commitment_id, kind, at, by_name, reason, "
                       "superseded_by, verdict) VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {commitment.id, kind, Rows::time(m_clock.now()), by.trimmed(), reason.trimmed(),
         Rows::optionalId(supersededById), verdict});
    if (!ran)
        return ran.failure();
    return done();
}

Outcome IncidentStore::markMet(qint64 commitmentId, const QString &by)
{
    if (auto bad = checkText(QStringLiteral("name of who marks it met"), by, FieldLimit::Name))
        return *bad;
    Outcome marked = m_database->write<Done>([&]() -> Outcome {
        const Result<Commitment> existing = commitment(commitmentId);
        if (!existing)
            return existing.failure();
        const QDateTime now = m_clock.now();
        if (existing->outcome)
            return alreadyEnded(*existing, now);
        if (existing->isTimebox())
            return Failure{QStringLiteral("Commitment %1 is a theory's timebox: say whether the "
                                          "theory was confirmed or dropped.")
                               .arg(commitmentId)};
        if (Outcome ended = insertOutcome(*existing, QStringLiteral("met"), by, {}, 0, {}); !ended)
            return ended;
        const auto logged =
            insertEvent(existing->incidentId, by, LogEvent::Met,
                        EventText::met(*existing, by, now > existing->due), existing->id);
        if (!logged)
            return logged.failure();
        return done();
    });
    return marked;
}

Result<qint64> IncidentStore::supersede(qint64 commitmentId, const QDateTime &newDue,
                                        const QString &whyNotKept, const QString &by)
{
    if (auto bad = checkText(QStringLiteral("reason the deadline was not kept"), whyNotKept,
                             FieldLimit::Sentence))
        return *bad;
    Result<qint64> replaced = m_database->write<qint64>([&]() -> Result<qint64> {
        const Result<Commitment> old = commitment(commitmentId);
        if (!old)
            return old.failure();
        if (old->outcome)
            return alreadyEnded(*old, m_clock.now());
        NewCommitment next{old->incidentId, old->what, old->owner, newDue, whyNotKept, by};
        const Result<qint64> nextId = insertCommitment(next, old->hypothesisEntryId);
        if (!nextId)
            return nextId;
        if (Outcome ended =
                insertOutcome(*old, QStringLiteral("superseded"), by, whyNotKept, *nextId, {});
            !ended)
            return ended.failure();
        QString text;
        if (old->isTimebox()) {
            const auto all = commitments(old->incidentId);
            if (!all)
                return all.failure();
            const auto theory = logEntry(old->hypothesisEntryId);
            text = EventText::timeboxExtended(theory ? theory->text : old->what, newDue,
                                              timeboxExtensions(*all, old->hypothesisEntryId),
                                              whyNotKept);
        } else {
            text = EventText::superseded(*old, newDue, whyNotKept);
        }
        if (auto logged = insertEvent(old->incidentId, by, LogEvent::Superseded, text, old->id);
            !logged)
            return logged.failure();
        return nextId;
    });
    return replaced;
}

Result<QList<Commitment>> IncidentStore::queryCommitments(const QString &where,
                                                          const QVariantList &values) const
{
    return m_database->list(
        QStringLiteral("SELECT %1 FROM commitments c LEFT JOIN commitment_outcomes o ON "
                       "o.commitment_id = c.id WHERE %2 ORDER BY c.due_at, c.id")
            .arg(Rows::commitmentColumns, where),
        values, &Rows::commitment);
}

Result<QList<Commitment>> IncidentStore::commitments(qint64 incidentId) const
{
    return queryCommitments(QStringLiteral("c.incident_id = ?"), {incidentId});
}

Result<Commitment> IncidentStore::commitment(qint64 commitmentId) const
{
    const auto found = queryCommitments(QStringLiteral("c.id = ?"), {commitmentId});
    if (!found)
        return found.failure();
    if (found->isEmpty())
        return Failure{QStringLiteral("There is no commitment %1.").arg(commitmentId)};
    return found->constFirst();
}

Result<qint64> IncidentStore::timeboxTheory(qint64 hypothesisEntryId, const QDateTime &due,
                                            const QString &why, const QString &by)
{
    Result<qint64> boxed = m_database->write<qint64>([&]() -> Result<qint64> {
        const Result<LogEntry> theory = logEntry(hypothesisEntryId);
        if (!theory)
            return theory.failure();
        if (theory->kind != LogKind::Hypothesis)
            return Failure{QStringLiteral("Only a hypothesis can be timeboxed; entry %1 is an %2.")
                               .arg(hypothesisEntryId)
                               .arg(logKindName(theory->kind))};
        const auto existing = commitments(theory->incidentId);
        if (!existing)
            return existing.failure();
        for (const Commitment &c : *existing) {
            if (c.hypothesisEntryId == hypothesisEntryId && c.isOutstanding())
                return Failure{QStringLiteral("This theory already has a timebox, due %1; extend "
                                              "it instead, with a reason.")
                                   .arg(EventText::utcTime(c.due))};
        }
        NewCommitment box{theory->incidentId,
                          QStringLiteral("Confirm or drop the theory: %1")
                              .arg(theory->text.left(FieldLimit::Sentence - 40)),
                          theory->author,
                          due,
                          why,
                          by};
        const Result<qint64> id = insertCommitment(box, hypothesisEntryId);
        if (!id)
            return id;
        if (auto logged = insertEvent(theory->incidentId, by, LogEvent::TimeboxSet,
                                      EventText::timeboxed(theory->text, due, why), *id);
            !logged)
            return logged.failure();
        return id;
    });
    return boxed;
}

Outcome IncidentStore::settleTheory(qint64 timeboxId, TimeboxVerdict verdict, const QString &by)
{
    if (verdict == TimeboxVerdict::None)
        return Failure{QStringLiteral("Say whether the theory was confirmed or dropped.")};
    if (auto bad =
            checkText(QStringLiteral("name of who settles the theory"), by, FieldLimit::Name))
        return *bad;
    Outcome settled = m_database->write<Done>([&]() -> Outcome {
        const Result<Commitment> box = commitment(timeboxId);
        if (!box)
            return box.failure();
        const QDateTime now = m_clock.now();
        if (!box->isTimebox())
            return Failure{
                QStringLiteral("Commitment %1 is not a theory's timebox.").arg(timeboxId)};
        if (box->outcome)
            return alreadyEnded(*box, now);
        if (Outcome ended =
                insertOutcome(*box, QStringLiteral("met"), by, {}, 0, verdictName(verdict));
            !ended)
            return ended;
        const auto theory = logEntry(box->hypothesisEntryId);
        const QString event = verdict == TimeboxVerdict::Confirmed ? LogEvent::TheoryConfirmed
                                                                   : LogEvent::TheoryDropped;
        const auto logged = insertEvent(
            box->incidentId, by, event,
            EventText::theorySettled(theory ? theory->text : box->what, verdict, now > box->due),
            box->id);
        if (!logged)
            return logged.failure();
        return done();
    });
    return settled;
}

Result<QList<Commitment>> IncidentStore::missedDeadlines() const
{
    return queryCommitments(QStringLiteral("o.id IS NULL AND c.due_at <= ?"),
                            {Rows::time(m_clock.now())});
}

Result<QList<Commitment>> IncidentStore::outstandingCommitments() const
{
    return queryCommitments(QStringLiteral("o.id IS NULL"), {});
}

Result<int> IncidentStore::recordMissedDeadlines(qint64 incidentId)
{
    // Looked up before any write: the window asks every second, and nearly always nothing
    // new has passed.
    const QString unrecorded =
        QStringLiteral(
            "o.id IS NULL AND c.due_at <= ? AND NOT EXISTS (SELECT 1 FROM log_entries l WHERE "
            "l.commitment_id = c.id AND l.event = ?)%1")
            .arg(incidentId > 0 ? QStringLiteral(" AND c.incident_id = ?") : QString());
    QVariantList values{Rows::time(m_clock.now()), LogEvent::Missed};
    if (incidentId > 0)
        values.append(incidentId);
    const auto passed = queryCommitments(unrecorded, values);
    if (!passed)
        return passed.failure();
    if (passed->isEmpty())
        return 0;
    return m_database->write<int>([&]() -> Result<int> {
        int written = 0;
        for (const Commitment &c : *passed) {
            // Stamped with the deadline it missed, and written by Warroom, not by the owner.
            const auto logged = insertEvent(c.incidentId, QStringLiteral("Warroom"),
                                            LogEvent::Missed, EventText::missed(c), c.id, c.due);
            if (logged)
                ++written;
            else if (logged.error() != kAlreadyRecorded)
                return logged.failure();
        }
        return written;
    });
}
