// Appends entries to one war room as fast as it can, as a busy script or window would: while
// it owns the war room it also runs what other processes hand over, otherwise it hands its
// posts to the owner. Prints each acknowledged entry id on a line of its own, flushed at once,
// so a test that kills it knows exactly what was acknowledged.
// On a shared (PostgreSQL) war room there is no owner: it keeps its own connection open and
// runs each post itself, as every desktop does.
// Usage: appender DATABASE INCIDENT COUNT TAG
#include "cli.h"
#include "rules/clock.h"
#include "storage/incidentstore.h"
#include "storage/ownerchannel.h"

#include <QCoreApplication>

#include <chrono>
#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5) {
        fprintf(stderr, "usage: appender DATABASE INCIDENT COUNT TAG\n");
        return 2;
    }
    const auto address = WarRoomAddress::parse(args.at(1));
    if (!address) {
        fprintf(stderr, "%s\n", qPrintable(address.error()));
        return 2;
    }
    // A file by its canonical path; a server without the password (the posts share the
    // connection opened below with it).
    const QString database = address->display();
    const QString &incident = args.at(2);
    const int count = args.at(3).toInt();
    const QString &tag = args.at(4);

    SystemClock clock;
    std::shared_ptr<OwnerLock> lock;
    std::unique_ptr<IncidentStore> store;
    std::unique_ptr<OwnerServer> server;
    if (address->isShared()) {
        auto opened = IncidentStore::open(*address, OpenMode::MustExist, clock);
        if (!opened) {
            fprintf(stderr, "%s\n", qPrintable(opened.error()));
            return 1;
        }
        store = opened.take(); // the posts below share its connection
    }
    for (int i = 1; i <= count; ++i) {
        ForwardedCommand post;
        post.user = tag;
        post.arguments = {QStringLiteral("warroom"),
                          QStringLiteral("log"),
                          QStringLiteral("--database"),
                          database,
                          QStringLiteral("--incident"),
                          incident,
                          QStringLiteral("--key"),
                          QStringLiteral("%1-%2").arg(tag).arg(i),
                          QStringLiteral("%1 entry %2").arg(tag).arg(i)};
        CommandReply reply;
        if (address->isShared()) {
            reply = Cli::runForwarded(post);
        } else if (!lock) {
            auto claim = claimOrForward(database, post, std::chrono::seconds(60), true);
            if (!claim) {
                fprintf(stderr, "%s\n", qPrintable(claim.error()));
                return 1;
            }
            if (claim->reply) {
                reply = *claim->reply;
            } else {
                lock = claim->lock;
                auto opened = IncidentStore::openSqlite(database, OpenMode::MustExist, clock);
                if (!opened) {
                    fprintf(stderr, "%s\n", qPrintable(opened.error()));
                    return 1;
                }
                store = opened.take();
                server = std::make_unique<OwnerServer>(lock, &Cli::runForwarded);
                if (const Outcome listening = server->listen(); !listening) {
                    fprintf(stderr, "%s\n", qPrintable(listening.error()));
                    return 1;
                }
                reply = Cli::runForwarded(post);
            }
        } else {
            reply = Cli::runForwarded(post);
        }
        if (reply.exitCode != 0) {
            fprintf(stderr, "%s", reply.err.constData());
            return 1;
        }
        fwrite(reply.out.constData(), 1, size_t(reply.out.size()), stdout);
        fflush(stdout);
        if (server)
            QCoreApplication::processEvents(); // run what the others handed over
    }
    server.reset(); // answers what has arrived, then no more
    store.reset();
    return 0;
}
