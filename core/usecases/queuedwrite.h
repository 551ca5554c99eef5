#pragma once

#include "domain/briefing.h"
#include "domain/commitment.h"
#include "domain/logentry.h"
#include "domain/result.h"
#include "domain/statuschange.h"
#include "storage/outbox.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

class IncidentStore;

// A write to a war room in a form that can wait: applied at once when the war room can be
// reached, or kept in the Outbox and applied when it can (OutboxDelivery). What it answers
// (an entry's id, a briefing's number) is the same either way.
class QueuedWrite
{
public:
    enum class Kind
    {
        LogEntry,
        Commitment,
        Met,
        Supersede,
        Briefing,
        Ask,
        AskSent,
        AskAnswered,
        StatusChange
    };

    static QueuedWrite logEntry(const NewLogEntry &entry);
    static QueuedWrite commitment(const NewCommitment &commitment);
    static QueuedWrite met(qint64 commitmentId, const QString &by);
    static QueuedWrite supersede(qint64 commitmentId, const QDateTime &newDue,
                                 const QString &whyNotKept, const QString &by);
    // correctsSeq: the number of the briefing it corrects (0: none). Without impact, the
    // latest assessment's sentence when it reaches the war room.
    static QueuedWrite briefing(const NewBriefing &briefing, qint64 correctsSeq);
    static QueuedWrite ask(qint64 incidentId, const QString &what, const QString &whyOnlyCustomer,
                           const QString &by);
    static QueuedWrite askSent(qint64 askId, const QString &by);
    static QueuedWrite askAnswered(qint64 askId, const QString &answer, const QString &by);
    // Refused on delivery when the move no longer applies (someone moved the incident on).
    static QueuedWrite statusChange(const NewStatusChange &change);
    // An item the Outbox kept; refused when it is not one this Warroom knows.
    static Result<QueuedWrite> fromItem(const OutboxItem &item);

    Kind kind() const { return m_kind; }
    // The incident it writes to (0 for an outcome of a deadline, which names the deadline).
    qint64 incidentId() const;
    // What it writes, for showing it in place before it arrives; nullopt for another kind.
    std::optional<NewLogEntry> asLogEntry() const;
    std::optional<NewCommitment> asCommitment() const;
    // When it was written (kept in the outbox: when it was kept there).
    QDateTime writtenAt() const { return m_writtenAt; }
    // The war room writes each key once: a fresh one per write, or for a log entry with a
    // retry key, one made of it (so that a retried command queues and delivers it once).
    QString key() const { return m_key; }
    // The item to keep for the war room at warRoom (WarRoomAddress::display()), written now.
    OutboxItem toItem(const QString &warRoom, const QDateTime &now) const;
    // "log entry in incident 4: DB failover started", for lists of what waits.
    QString summary() const;

    // Writes it through the store; answers as the command prints it.
    Result<QString> applyTo(IncidentStore &store) const;

private:
    QueuedWrite(Kind kind, QJsonObject fields, QString key);

    Kind m_kind;
    QJsonObject m_fields;
    QString m_key;
    QDateTime m_writtenAt; // when it waited in the outbox: when it was written there
};
