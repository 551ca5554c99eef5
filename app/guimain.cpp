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
Outcome seedDemoIfEmpty(const QString &path)
{
    const QDateTime realNow = QDateTime::currentDateTimeUtc();
    ManualClock storyClock(realNow);
    auto store = IncidentStore::openSqlite(path, OpenMode::CreateIfMissing, storyClock);
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
        QStringLiteral("The Warroom database file (default: %1).").arg(defaultDatabasePath()),
        QStringLiteral("PATH"));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QStringLiteral("Seed a realistic demo incident into an empty "
                                                 "database."));
    parser.addOptions({database, demo});
    parser.process(app);

    const QString path = canonicalDatabasePath(parser.isSet(database) ? parser.value(database)
                                                                      : defaultDatabasePath());
    // One process owns a war room (OwnerLock says why). If a window already has this one, it
    // comes to the front instead; a command-line run that has it finishes in moments.
    ForwardedCommand activate;
    activate.kind = ForwardedCommand::Kind::Activate;
    auto claim = claimOrForward(path, activate, std::chrono::seconds(10), true);
    if (!claim) {
        QMessageBox::critical(
            nullptr, QStringLiteral("Warroom"),
            QStringLiteral("Warroom cannot open its database.\n\n%1").arg(claim.error()));
        return 1;
    }
    if (claim->reply) {
        fprintf(stderr,
                "warroom: %s is already open in another Warroom window; showing that "
                "one.\n",
                qPrintable(path));
        return 0;
    }

    if (parser.isSet(demo)) {
        if (Outcome seeded = seedDemoIfEmpty(path); !seeded) {
            QMessageBox::critical(nullptr, QStringLiteral("Warroom"), seeded.error());
            return 1;
        }
    }

    SystemClock clock;
    auto store = IncidentStore::openSqlite(path, OpenMode::CreateIfMissing, clock);
    if (!store) {
        QMessageBox::critical(
            nullptr, QStringLiteral("Warroom"),
            QStringLiteral("Warroom cannot open its database.\n\n%1").arg(store.error()));
        return 1;
    }
    MainWindow window(**store, clock);
    OwnerServer server(claim->lock, &Cli::runForwarded);
    QObject::connect(&server, &OwnerServer::activationRequested, &window, [&window] {
        window.setWindowState((window.windowState() & ~Qt::WindowMinimized) | Qt::WindowActive);
        window.raise();
        window.activateWindow();
    });
    if (Outcome listening = server.listen(); !listening) {
        QMessageBox::critical(nullptr, QStringLiteral("Warroom"), listening.error());
        return 1;
    }
    window.show();
    return app.exec();
}
