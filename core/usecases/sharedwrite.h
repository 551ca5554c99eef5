#pragma once

#include "domain/result.h"
#include "storage/outbox.h"
#include "usecases/outboxdelivery.h"

#include <QDateTime>
#include <QString>

#include <optional>

class IncidentStore;
class QueuedWrite;

// How a write reaches a war room whose server may be away, for the window and the commands
// alike: written at once, exactly once, or kept in this user's outbox until the server is back.
namespace SharedWrite {
// Writes it; on a shared war room exactly once, so that an answer lost on the way back does not
// make a retry write it twice (IncidentStore::deliverOnce).
Result<QString> apply(IncidentStore &store, const QueuedWrite &write);

// Keeps it in the outbox for the war room (WarRoomAddress::display()), as written now.
Result<OutboxItem> keep(const QueuedWrite &write, const QString &warRoom, const QDateTime &now);

struct Answer
{
    QString answer;                 // what the war room answered (an id, a number)
    std::optional<OutboxItem> kept; // or: kept in the outbox, the server being away
    QString unreachableBecause;     // why it was kept
    DeliveryReport deliveredFirst;  // what waited in the outbox and was delivered before it
};

// Delivers what waits in the outbox first (order per author holds), then applies it; when the
// server cannot be reached, keeps it instead, behind what waits. Fails when the war room
// refuses it, or when it could neither be written nor kept.
Result<Answer> applyOrKeep(IncidentStore &store, const QueuedWrite &write, const QDateTime &now);

// What waits in the outbox for the war room (none when this desktop never kept anything).
Result<QList<OutboxItem>> waiting(const QString &warRoom);
} // namespace SharedWrite
