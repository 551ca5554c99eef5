#include "usecases/sharedwrite.h"

#include "storage/incidentstore.h"
#include "usecases/queuedwrite.h"

namespace SharedWrite {
Result<QString> apply(IncidentStore &store, const QueuedWrite &write)
{
    if (!store.address().isShared())
        return write.applyTo(store); // one process owns the file: no answer gets lost
    const auto delivered = store.deliverOnce(write.key(), [&] { return write.applyTo(store); });
    if (!delivered)
        return delivered.failure();
    return delivered->answer;
}

Result<OutboxItem> keep(const QueuedWrite &write, const QString &warRoom, const QDateTime &now)
{
    auto outbox = Outbox::open();
    if (!outbox)
        return outbox.failure();
    return (*outbox)->add(write.toItem(warRoom, now));
}

Result<Answer> applyOrKeep(IncidentStore &store, const QueuedWrite &write, const QDateTime &now)
{
    Answer answer;
    Result<QString> applied = Failure{};
    if (store.address().isShared()) {
        const Result<DeliveryReport> before = OutboxDelivery::deliverWaiting(store);
        if (!before)
            return before.failure();
        answer.deliveredFirst = *before;
        if (!before->stoppedBecause.isEmpty())
            applied = Failure{before->stoppedBecause, Failure::Kind::Unreachable};
    }
    if (answer.deliveredFirst.stoppedBecause.isEmpty())
        applied = apply(store, write);
    if (applied) {
        answer.answer = *applied;
        return answer;
    }
    if (!applied.unreachable())
        return applied.failure();
    const Result<OutboxItem> kept = keep(write, store.address().display(), now);
    if (!kept)
        return Failure{QStringLiteral("%1 It could not be kept either: %2")
                           .arg(applied.error(), kept.error())};
    answer.kept = *kept;
    answer.unreachableBecause = applied.error();
    return answer;
}

Result<QList<OutboxItem>> waiting(const QString &warRoom)
{
    auto outbox = Outbox::openIfKept();
    if (!outbox)
        return outbox.failure();
    if (!*outbox)
        return QList<OutboxItem>();
    return (*outbox)->items(warRoom);
}
} // namespace SharedWrite
