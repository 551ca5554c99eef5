#include "guimain.h"

#include "cli.h"
#include "mainwindow.h"
#include "services/clock.h"
#include "services/defaultlocation.h"
#include "services/demoincident.h"
#include "storage/incidentstore.h"
#include "storage/ownerchannel.h"
#include "storage/ownerlock.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>

#include <chrono>
#include <cstdio>

namespace {
// Seeds the demo through a store of its own that runs on a story clock, so its entries carry
// times spread over the past hour; the window's store sees them like any other change.
Outcome seedDemoIfEmpty(const WarRoomAddress &address)
{
    const QDateTime realNow = QDateTime::currentDateTimeUtc();
    ManualClock storyClock(realNow);
    auto store = IncidentStore::open(address, OpenMode::CreateIfMissing, storyClock);
    if (!store)
        return Failure{store.error()};
    const auto existing = (*store)->incidents();
    if (!existing)
        return Failure{existing.error()};
    if (!existing->isEmpty())
        return done();
    if (auto seeded = seedDemoIncident(**store, storyClock, realNow); !seeded)
        return Failure{QStringLiteral("Cannot create the demo incident: %1").arg(seeded.error())};
    return done();
}
} // namespace

int runGui(int &argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationDisplayName(QStringLiteral("Warroom"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/warroom.svg")));
    QApplication::setDesktopFileName(QStringLiteral("org.warroom.Warroom"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("A war room for running a customer crisis."));
    const QCommandLineOption database(
        QStringLiteral("database"),
        QStringLiteral("The war room: a database file (default: %1) or a shared server, "
                       "postgresql://USER@HOST:PORT/DATABASE.")
            .arg(defaultDatabasePath()),
        QStringLiteral("PATH|URL"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Seed a realistic demo incident into an empty "
                                                 "database."));
    parser.addOptions({database, demo});
    parser.process(app);

    auto cannotOpen = [](const QString &why) {
        QMessageBox::critical(nullptr, QStringLiteral("Warroom"),
                              QStringLiteral("Warroom cannot open its database.\n\n%1").arg(why));
        return 1;
    };
    const auto address = WarRoomAddress::parse(parser.isSet(database) ? parser.value(database)
                                                                      : defaultDatabasePath());
    if (!address)
        return cannotOpen(address.error());

    // One process owns a SQLite war room (OwnerLock says why). If a window already has this
    // one, it comes to the front instead; a command-line run that has it finishes in moments.
    // A shared war room has no owner: every desktop has its own connection to the server.
    std::shared_ptr<OwnerLock> ownership;
    if (!address->isShared()) {
        ForwardedCommand activate;
        activate.kind = ForwardedCommand::Kind::Activate;
        auto claim = claimOrForward(address->path, activate, std::chrono::seconds(10), true);
        if (!claim)
            return cannotOpen(claim.error());
        if (claim->reply) {
            fprintf(stderr,
                    "warroom: %s is already open in another Warroom window; showing that "
                    "one.\n",
                    qPrintable(address->path));
            return 0;
        }
        ownership = claim->lock;
    }

    if (parser.isSet(demo)) {
        if (Outcome seeded = seedDemoIfEmpty(*address); !seeded) {
            QMessageBox::critical(nullptr, QStringLiteral("Warroom"), seeded.error());
            return 1;
        }
    }

    SystemClock clock;
    auto store = IncidentStore::open(*address, OpenMode::CreateIfMissing, clock);
    if (!store)
        return cannotOpen(store.error());
    MainWindow window(**store, clock);
    std::unique_ptr<OwnerServer> server;
    if (ownership) {
        server = std::make_unique<OwnerServer>(ownership, &Cli::runForwarded);
        QObject::connect(server.get(), &OwnerServer::activationRequested, &window, [&window] {
            window.setWindowState((window.windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
            window.raise();
            window.activateWindow();
        });
        if (Outcome listening = server->listen(); !listening) {
            QMessageBox::critical(nullptr, QStringLiteral("Warroom"), listening.error());
            return 1;
        }
    }
    window.show();
    return app.exec();
}
