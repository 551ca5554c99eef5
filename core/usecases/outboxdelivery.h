#pragma once

#include "domain/result.h"
#include "storage/outbox.h"

#include <QList>
#include <QString>

class IncidentStore;

// What one delivery of a war room's outbox did.
struct DeliveryReport
{
    int delivered = 0;         // written now
    int alreadyThere = 0;      // written by an earlier delivery whose answer was lost: not again
    QList<OutboxItem> refused; // refused now: kept in the outbox with why (conflict)
    int waiting = 0;           // still in the outbox afterwards, refused ones included
    // Why delivery stopped before the end (the server went away), or empty.
    QString stoppedBecause;

    bool isEmpty() const { return delivered == 0 && alreadyThere == 0 && refused.isEmpty(); }
    // "delivered 3 waiting writes; 1 refused and kept: …", or empty when nothing happened.
    QString describe() const;
};

namespace OutboxDelivery {
// Delivers what waits in the outbox for the store's war room, in the order it was written,
// each item exactly once (IncidentStore::deliverOnce). An item the war room refuses is kept
// with why, and the rest go on; when the server cannot be reached, delivery stops and the rest
// waits. Items refused earlier wait for a person (Outbox::clearConflict, Outbox::remove).
Result<DeliveryReport> deliver(Outbox &outbox, IncidentStore &store);
// As deliver(), with this user's outbox; nothing to do when this desktop never kept anything.
Result<DeliveryReport> deliverWaiting(IncidentStore &store);
} // namespace OutboxDelivery
