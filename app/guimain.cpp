#include "guimain.h"

#include "cli.h"
#include "mainwindow.h"
#include "rules/clock.h"
#include "storage/defaultlocation.h"
#include "storage/storethread.h"
#include "usecases/demoincident.h"
#include "warroomopener.h"

#include "storage/database.h"
#include "storage/postgresengine.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>

#include <cstdio>

namespace {
// Seeds the demo through a store of its own on the window's connection (on the store's
// thread) that runs on a story clock, so its entries carry times spread over the past hour;
// the window sees them like any other change.
Outcome seedDemoIfEmpty(StoreThread &windowStore)
{
    const QDateTime realNow = QDateTime::currentDateTimeUtc();
    ManualClock storyClock(realNow);
    return windowStore.runAndWait([&](IncidentStore &store) -> Outcome {
        IncidentStore story(store.database(), storyClock);
        const auto existing = story.incidents();
        if (!existing)
            return existing.failure();
        if (!existing->isEmpty())
            return done();
        if (auto seeded = seedDemoIncident(story, storyClock, realNow); !seeded)
            return Failure{
                QStringLiteral("Cannot create the demo incident: %1").arg(seeded.error())};
        return done();
    });
}
} // namespace

int runGui(int &argc, char **argv)
{
    QApplication app(argc, argv);
    PostgresEngine::setClientName(
        PostgresEngine::kWindowClient); // others on a shared war room see us
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

    SystemClock clock;
    WarRoomOpener opener(clock, &Cli::runForwarded);
    const auto opened = opener.open(*address, OpenMode::CreateIfMissing);
    if (!opened) {
        // A server that said no (a password, the network): ask, with the reason, or work on
        // the desktop's own war room instead.
        if (!address->isShared())
            return cannotOpen(opened.error());
        if (!opener.connectToShared(*address, opened.error(), true))
            return 1;
    } else if (*opened == WarRoomOpener::Opened::InAnotherWindow) {
        fprintf(stderr,
                "warroom: %s is already open in another Warroom window; showing that one.\n",
                qPrintable(address->display()));
        return 0;
    }

    if (parser.isSet(demo)) {
        if (Outcome seeded = seedDemoIfEmpty(opener.window()->store()); !seeded) {
            QMessageBox::critical(nullptr, QStringLiteral("Warroom"), seeded.error());
            return 1;
        }
    }
    opener.window()->show();
    return app.exec();
}
