#include "guimain.h"

#include "mainwindow.h"
#include "services/clock.h"
#include "services/defaultlocation.h"
#include "services/demoincident.h"
#include "storage/incidentstore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QMessageBox>

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

    const QString path = parser.isSet(database) ? parser.value(database) : defaultDatabasePath();
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
    window.show();
    return app.exec();
}
