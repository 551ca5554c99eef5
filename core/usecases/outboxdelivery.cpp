#include "usecases/outboxdelivery.h"

#include "storage/incidentstore.h"
#include "usecases/queuedwrite.h"

QString DeliveryReport::describe() const
{
    QStringList parts;
    if (delivered > 0)
        parts.append(QStringLiteral("delivered %1 waiting write%2")
                         .arg(delivered)
                         .arg(delivered == 1 ? "" : "s"));
    if (alreadyThere > 0)
        parts.append(
            QStringLiteral("%1 had arrived already (not written again)").arg(alreadyThere));
    for (const OutboxItem &item : refused)
        parts.append(QStringLiteral("refused and kept in the outbox (item %1, %2): %3")
                         .arg(item.id)
                         .arg(item.summary, item.conflict));
    if (!stoppedBecause.isEmpty())
        parts.append(QStringLiteral("%1 still waiting: %2").arg(waiting).arg(stoppedBecause));
    return parts.join(QStringLiteral("; "));
}

namespace OutboxDelivery {
Result<DeliveryReport> deliver(Outbox &outbox, IncidentStore &store)
{
    const QString warRoom = store.address().display();
    const Result<QList<OutboxItem>> items = outbox.items(warRoom);
    if (!items)
        return items.failure();
    DeliveryReport report;
    for (const OutboxItem &item : *items) {
        if (!item.conflict.isEmpty())
            continue; // a person decides
        const Result<QueuedWrite> write = QueuedWrite::fromItem(item);
        Result<IncidentStore::Delivery> delivered =
            write ? store.deliverOnce(item.key, [&] { return write->applyTo(store); })
                  : Result<IncidentStore::Delivery>(write.failure());
        if (delivered.unreachable()) {
            report.stoppedBecause = delivered.error();
            break;
        }
        if (!delivered) {
            if (Outcome kept = outbox.markConflict(item.id, delivered.error()); !kept)
                return kept.failure();
            OutboxItem refused = item;
            refused.conflict = delivered.error();
            report.refused.append(refused);
            continue;
        }
        // Gone from the outbox only once the war room has it: a crash in between delivers
        // it again, and the war room answers "earlier".
        if (Outcome removed = outbox.remove(item.id); !removed)
            return removed.failure();
        ++(delivered->earlier ? report.alreadyThere : report.delivered);
    }
    const Result<qint64> left = outbox.count(warRoom);
    if (!left)
        return left.failure();
    report.waiting = int(*left);
    return report;
}

Result<DeliveryReport> deliverWaiting(IncidentStore &store)
{
    auto outbox = Outbox::openIfKept();
    if (!outbox)
        return outbox.failure();
    if (!*outbox)
        return DeliveryReport();
    return deliver(**outbox, store);
}
} // namespace OutboxDelivery
