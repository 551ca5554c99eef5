// Keeps log entries in an outbox as fast as it can, as a command does while the server is away.
// Prints each kept item's id on a line of its own, flushed at once, so a test that kills it
// knows exactly which items were acknowledged.
// Usage: outboxfiller OUTBOX WAR_ROOM INCIDENT COUNT
#include "rules/clock.h"
#include "storage/outbox.h"
#include "usecases/queuedwrite.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5) {
        fprintf(stderr, "usage: outboxfiller OUTBOX WAR_ROOM INCIDENT COUNT\n");
        return 2;
    }
    auto outbox = Outbox::open(args.at(1));
    if (!outbox) {
        fprintf(stderr, "%s\n", qPrintable(outbox.error()));
        return 1;
    }
    SystemClock clock;
    const int count = args.at(4).toInt();
    for (int i = 1; i <= count; ++i) {
        const NewLogEntry entry{args.at(3).toLongLong(), QStringLiteral("filler"),
                                LogKind::Observation, QStringLiteral("kept offline %1").arg(i)};
        const auto kept =
            (*outbox)->add(QueuedWrite::logEntry(entry).toItem(args.at(2), clock.now()));
        if (!kept) {
            fprintf(stderr, "%s\n", qPrintable(kept.error()));
            return 1;
        }
        printf("%lld\n", static_cast<long long>(kept->id));
        fflush(stdout);
    }
    return 0;
}
