#include "sharedwrites.h"

#include "commandsupport.h"

#include "rules/clock.h"
#include "rules/printable.h"
#include "storage/outbox.h"
#include "usecases/outboxdelivery.h"
#include "usecases/queuedwrite.h"
#include "usecases/sharedwrite.h"

namespace SharedWrites {
using namespace CommandSupport;

QCommandLineOption noQueueOption()
{
    return QCommandLineOption(QStringLiteral("no-queue"),
                              QStringLiteral("When the shared war room's server cannot be "
                                             "reached, fail (exit 75) instead of keeping the "
                                             "write in the outbox."));
}

Result<std::unique_ptr<IncidentStore>> open(CommandIo &io, const WarRoomAddress &address,
                                            OpenMode mode, const Clock &clock)
{
    auto store = IncidentStore::open(address, mode, clock);
    if (!store || !address.isShared())
        return store;
    const auto report = OutboxDelivery::deliverWaiting(**store);
    if (!report)
        tell(io, report.error()); // what waits keeps waiting; this command goes on
    else if (!report->isEmpty() || !report->stoppedBecause.isEmpty())
        tell(io, report->describe());
    return store;
}

int writeOrQueue(CommandIo &io, const QCommandLineParser &parser, const WarRoomAddress &address,
                 const QueuedWrite &write, const Clock &clock)
{
    Result<QString> answer = Failure{};
    auto store = open(io, address, OpenMode::MustExist, clock);
    if (store)
        answer = SharedWrite::apply(**store, write);
    const bool unreachable = store ? answer.unreachable() : store.unreachable();
    if (!unreachable) {
        if (!store)
            return fail(io, store.error());
        if (!answer)
            return fail(io, answer.error());
        if (!answer->isEmpty())
            io.out() << *answer << Qt::endl;
        return 0;
    }
    const QString why = store ? answer.error() : store.error();
    if (parser.isSet(QStringLiteral("no-queue")))
        return fail(io, why + QStringLiteral(" Nothing was kept (--no-queue)."), kExitUnreachable);
    const auto kept = SharedWrite::keep(write, address.display(), clock.now());
    if (!kept)
        return fail(io,
                    QStringLiteral("%1 It could not be kept either: %2").arg(why, kept.error()));
    tell(io,
         QStringLiteral("%1 Kept in the outbox as item %2; it is delivered when this war "
                        "room is reached (warroom sync, or any Warroom command that reaches it).")
             .arg(why)
             .arg(kept->id));
    io.out() << "queued: server unreachable, will be delivered" << Qt::endl;
    return 0;
}

int sync(CommandIo &io, QCommandLineParser &parser, const QStringList &arguments)
{
    const QCommandLineOption list(QStringLiteral("list"),
                                  QStringLiteral("List what waits, without delivering."));
    const QCommandLineOption retry(QStringLiteral("retry"),
                                   QStringLiteral("Try a refused item again on this sync."),
                                   QStringLiteral("ITEM"));
    const QCommandLineOption discard(QStringLiteral("discard"),
                                     QStringLiteral("Remove an item for good, without delivering "
                                                    "it."),
                                     QStringLiteral("ITEM"));
    parser.addOptions({list, retry, discard});
    if (const auto stop = parseOrStop(io, parser, arguments))
        return *stop;
    if (!parser.positionalArguments().isEmpty())
        return fail(io, QStringLiteral("sync takes no free text."), kExitUsage);
    const auto address = chosenAddress(parser);
    if (!address)
        return fail(io, address.error(), kExitUsage);
    auto outbox = Outbox::open();
    if (!outbox)
        return fail(io, outbox.error());
    const QString warRoom = address->display();

    const auto items = (*outbox)->items(warRoom);
    if (!items)
        return fail(io, items.error());
    const auto itemNamed = [&](const QCommandLineOption &option) -> Result<OutboxItem> {
        bool ok = false;
        const qint64 id = parser.value(option).toLongLong(&ok);
        for (const OutboxItem &item : *items) {
            if (ok && item.id == id)
                return item;
        }
        return Failure{QStringLiteral("The outbox holds no item %1 for %2 (warroom sync --list "
                                      "shows them).")
                           .arg(parser.value(option), warRoom)};
    };
    if (parser.isSet(discard)) {
        const auto item = itemNamed(discard);
        if (!item)
            return fail(io, item.error(), kExitUsage);
        if (Outcome removed = (*outbox)->remove(item->id); !removed)
            return fail(io, removed.error());
        io.out() << "discarded item " << item->id << ": " << printable(item->summary) << Qt::endl;
        return 0;
    }
    if (parser.isSet(list)) {
        for (const OutboxItem &item : *items) {
            io.out() << item.id << '\t' << item.writtenAt.toUTC().toString(Qt::ISODate) << '\t'
                     << (item.conflict.isEmpty() ? QStringLiteral("waiting")
                                                 : QStringLiteral("refused: ") + item.conflict)
                     << '\t' << printable(item.summary) << '\n';
        }
        io.out().flush();
        return 0;
    }
    if (parser.isSet(retry)) {
        const auto item = itemNamed(retry);
        if (!item)
            return fail(io, item.error(), kExitUsage);
        if (Outcome cleared = (*outbox)->clearConflict(item->id); !cleared)
            return fail(io, cleared.error());
    }

    if (!address->isShared()) {
        io.out() << "nothing waits for " << printable(warRoom)
                 << ": only writes to shared war rooms wait in the outbox" << Qt::endl;
        return 0;
    }
    SystemClock clock;
    auto store = IncidentStore::open(*address, OpenMode::MustExist, clock);
    if (!store)
        return fail(io, store.error(), store.unreachable() ? kExitUnreachable : kExitFailed);
    const auto report = OutboxDelivery::deliver(**outbox, **store);
    if (!report)
        return fail(io, report.error());
    io.out() << "delivered " << report->delivered << ", already there " << report->alreadyThere
             << ", refused " << report->refused.size() << ", still in the outbox "
             << report->waiting << Qt::endl;
    for (const OutboxItem &item : report->refused)
        io.out() << "refused item " << item.id << " (" << printable(item.summary)
                 << "): " << printable(item.conflict) << Qt::endl;
    if (!report->stoppedBecause.isEmpty())
        return fail(io, report->stoppedBecause, kExitUnreachable);
    return 0;
}
} // namespace SharedWrites
