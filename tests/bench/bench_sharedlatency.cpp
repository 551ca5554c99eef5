// Prints how long an entry appended on one desktop takes to reach another desktop's log view,
// on a shared PostgreSQL war room (a throwaway server on 127.0.0.1) and on a desktop's SQLite
// file written by a second process, beside what a naive client polling once a second would
// see of the same entries in the same run.
//
// A second process of this program (--write) appends COUNT entries, each stamped with the
// system-wide monotonic clock just before the append is made; this process has the war room
// open in a LogTableModel and notes, for each row the model gains, how long ago its stamp was.
// A one-second timer in the same process reads the log as a poller would and notes the same.
// Not a test: run it by hand (build/tests/bench_sharedlatency [COUNT]); PostgreSQL needs root.
#include "cli.h"
#include "models/logtablemodel.h"
#include "rules/clock.h"
#include "storage/incidentstore.h"
#include "storage/ownerchannel.h"
#include "storage/ownerlock.h"
#include "storage/storethread.h"
#include "throwawaypostgres.h"

#include <QApplication>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace {
constexpr auto kPause = std::chrono::milliseconds(5); // between two appends of the writer
const QString kStampPrefix = QStringLiteral("latency probe ");

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// The stamp an entry's text carries, or 0.
qint64 stampOf(const QString &text)
{
    if (!text.startsWith(kStampPrefix))
        return 0;
    return text.mid(kStampPrefix.size()).section(u' ', 0, 0).toLongLong();
}

struct Figures
{
    QList<double> ms;

    double percentile(double p) const
    {
        if (ms.isEmpty())
            return 0;
        QList<double> sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        const auto at = qsizetype(p / 100.0 * double(sorted.size() - 1) + 0.5);
        return sorted.at(std::clamp<qsizetype>(at, 0, sorted.size() - 1));
    }
};

// The writer: appends count stamped entries, one at a time, as a script or a colleague would.
int write(const QString &database, qint64 incident, int count)
{
    const auto address = WarRoomAddress::parse(database);
    if (!address) {
        fprintf(stderr, "%s\n", qPrintable(address.error()));
        return 2;
    }
    SystemClock clock;
    std::unique_ptr<IncidentStore> store;
    if (address->isShared()) {
        auto opened = IncidentStore::open(*address, OpenMode::MustExist, clock);
        if (!opened) {
            fprintf(stderr, "%s\n", qPrintable(opened.error()));
            return 1;
        }
        store = opened.take();
    }
    Figures appends; // how long the append itself took, commit included
    for (int i = 1; i <= count; ++i) {
        const qint64 started = nowNs();
        const QString text =
            kStampPrefix + QString::number(started) + QStringLiteral(" #%1").arg(i);
        if (store) {
            NewLogEntry entry;
            entry.incidentId = incident;
            entry.author = QStringLiteral("probe");
            entry.kind = LogKind::Observation;
            entry.text = text;
            if (const auto appended = store->appendLogEntry(entry); !appended) {
                fprintf(stderr, "%s\n", qPrintable(appended.error()));
                return 1;
            }
        } else {
            // A file war room has one owner, the window: the append is handed over to it.
            ForwardedCommand post;
            post.user = QStringLiteral("probe");
            post.arguments = {QStringLiteral("warroom"),
                              QStringLiteral("log"),
                              QStringLiteral("--database"),
                              address->path,
                              QStringLiteral("--incident"),
                              QString::number(incident),
                              text};
            const auto claim = claimOrForward(address->path, post, std::chrono::seconds(10), true);
            if (!claim || !claim->reply || claim->reply->exitCode != 0) {
                fprintf(stderr, "the owner did not take entry %d\n", i);
                return 1;
            }
        }
        appends.ms.append(double(nowNs() - started) / 1e6);
        QThread::msleep(kPause.count());
    }
    // For the parent's report: the part of the latency that is the writer's own commit.
    printf("%.2f %.2f\n", appends.percentile(50), appends.percentile(99));
    return 0;
}

// Runs the writer against the war room this process has open and measures both ways of
// learning of its entries.
struct Measured
{
    Figures announced;
    Figures polled;
    QString appendP50;
    QString appendP99;
    bool ok = false;
};

Measured measure(StoreThread &store, const QString &database, qint64 incident, int count,
                 const QProcessEnvironment &environment)
{
    Measured measured;
    LogTableModel model(store);
    model.setIncident(incident);
    // A row counts once its text is in the model: asked for when the row arrives, read on the
    // store's thread, filled in by dataChanged.
    QSet<int> seen;
    auto note = [&](int first, int last) {
        const qint64 now = nowNs();
        for (int row = first; row <= last; ++row) {
            if (seen.contains(row))
                continue;
            const qint64 stamp =
                stampOf(model.data(model.index(row, LogTableModel::TextColumn)).toString());
            if (stamp > 0) {
                seen.insert(row);
                measured.announced.ms.append(double(now - stamp) / 1e6);
            }
        }
    };
    QObject::connect(&model, &QAbstractItemModel::rowsInserted, &model,
                     [&](const QModelIndex &, int first, int last) { note(first, last); });
    QObject::connect(
        &model, &QAbstractItemModel::dataChanged, &model,
        [&](const QModelIndex &from, const QModelIndex &to) { note(from.row(), to.row()); });

    // The naive client: every second, whatever is new since the last look.
    qint64 polledUpTo = store.runAndWait(
        [incident](IncidentStore &store) { return store.logEntryCount(incident).valueOr(0); });
    QTimer poll;
    poll.setInterval(1000);
    QObject::connect(&poll, &QTimer::timeout, &poll, [&] {
        store.run(
            &poll,
            [incident, from = polledUpTo + 1](IncidentStore &store) {
                return store.logEntries(incident, from, 100000);
            },
            [&](const Result<QList<LogEntry>> &entries) {
                const qint64 now = nowNs();
                if (!entries)
                    return;
                for (const LogEntry &entry : *entries) {
                    if (const qint64 stamp = stampOf(entry.text); stamp > 0)
                        measured.polled.ms.append(double(now - stamp) / 1e6);
                    polledUpTo = std::max(polledUpTo, entry.seq);
                }
            });
    });
    poll.start();

    QProcess writer;
    writer.setProcessEnvironment(environment);
    writer.setProcessChannelMode(QProcess::SeparateChannels);
    writer.start(
        QCoreApplication::applicationFilePath(),
        {QStringLiteral("--write"), database, QString::number(incident), QString::number(count)});
    QEventLoop wait;
    QObject::connect(&writer, &QProcess::finished, &wait, &QEventLoop::quit);
    wait.exec();
    // The last announcements and the poller's last look.
    QTimer::singleShot(1200, &wait, &QEventLoop::quit);
    wait.exec();
    const QStringList appendFigures =
        QString::fromLatin1(writer.readAllStandardOutput()).split(u' ', Qt::SkipEmptyParts);
    if (appendFigures.size() == 2) {
        measured.appendP50 = appendFigures.at(0).trimmed();
        measured.appendP99 = appendFigures.at(1).trimmed();
    }
    measured.ok = writer.exitCode() == 0 && measured.announced.ms.size() == count &&
                  measured.polled.ms.size() == count;
    if (!measured.ok)
        fprintf(stderr, "writer exit %d; %lld announced, %lld polled of %d\n", writer.exitCode(),
                qlonglong(measured.announced.ms.size()), qlonglong(measured.polled.ms.size()),
                count);
    return measured;
}

void print(QTextStream &out, const QString &what, const Figures &figures)
{
    out << QStringLiteral("  %1 %2 %3 %4 %5\n")
               .arg(what, -34)
               .arg(figures.percentile(50), 9, 'f', 2)
               .arg(figures.percentile(90), 9, 'f', 2)
               .arg(figures.percentile(99), 9, 'f', 2)
               .arg(figures.percentile(100), 9, 'f', 2);
}

void report(QTextStream &out, const QString &engine, const Measured &measured)
{
    out << engine << Qt::endl;
    out << QStringLiteral("  %1 %2 %3 %4 %5\n")
               .arg(QString(), -34)
               .arg(QStringLiteral("p50 ms"), 9)
               .arg(QStringLiteral("p90 ms"), 9)
               .arg(QStringLiteral("p99 ms"), 9)
               .arg(QStringLiteral("max ms"), 9);
    print(out, QStringLiteral("announced, into the log model"), measured.announced);
    print(out, QStringLiteral("naive client polling every 1 s"), measured.polled);
    out << QStringLiteral("  of which the writer's own append (commit included): p50 %1 ms, "
                          "p99 %2 ms\n")
               .arg(measured.appendP50, measured.appendP99);
    const double announcedP50 = measured.announced.percentile(50);
    if (announcedP50 > 0)
        out << QStringLiteral("  polling p50 / announced p50: %1x\n")
                   .arg(measured.polled.percentile(50) / announcedP50, 0, 'f', 0);
    out.flush();
}

qint64 newIncident(IncidentStore &store)
{
    const auto id = store.createIncident(
        {QStringLiteral("Latency probe"), QStringLiteral("Bench"), {}, Severity::Sev2, {}, {}});
    if (!id)
        qFatal("cannot create the incident: %s", qPrintable(id.error()));
    return *id;
}
} // namespace

int main(int argc, char *argv[])
{
    if (argc == 5 && qstrcmp(argv[1], "--write") == 0) {
        QCoreApplication app(argc, argv);
        return write(QString::fromLocal8Bit(argv[2]), QByteArray(argv[3]).toLongLong(),
                     QByteArray(argv[4]).toInt());
    }
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int count = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 1000;
    QTextStream out(stdout);
    out << "Latency from an append in another process to this desktop's log model, " << count
        << " appends " << kPause.count() << " ms apart" << Qt::endl;
    SystemClock clock;
    bool ok = true;

    {
        ThrowawayPostgres server;
        const WarRoomAddress address = server.newDatabase();
        // The window's store, on a thread of its own.
        auto store = StoreThread::open(address, OpenMode::CreateIfMissing, clock);
        if (!store)
            qFatal("%s", qPrintable(store.error()));
        const qint64 incident = (*store)->runAndWait(newIncident);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("PGPASSWORD"), address.password);
        WarRoomAddress withoutPassword = address;
        withoutPassword.password.clear();
        const Measured measured =
            measure(**store, withoutPassword.display(), incident, count, environment);
        report(out, QStringLiteral("PostgreSQL 15, loopback, LISTEN/NOTIFY"), measured);
        ok = ok && measured.ok;
    }
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("latency.warroom"));
        // This process owns the file, as the window does, and runs what the writer hands over
        // on the store's thread.
        const OwnerLock::Attempt held = OwnerLock::tryAcquire(canonicalDatabasePath(path));
        auto store =
            StoreThread::open(WarRoomAddress::sqliteFile(path), OpenMode::CreateIfMissing, clock);
        if (!store)
            qFatal("%s", qPrintable(store.error()));
        const qint64 incident = (*store)->runAndWait(newIncident);
        std::unique_ptr<OwnerServer> owner;
        const Outcome listening = (*store)->runAndWait([&](IncidentStore &) {
            owner = std::make_unique<OwnerServer>(held.lock, &Cli::runForwarded);
            return owner->listen();
        });
        if (!listening)
            qFatal("%s", qPrintable(listening.error()));
        const Measured measured =
            measure(**store, path, incident, count, QProcessEnvironment::systemEnvironment());
        report(out, QStringLiteral("SQLite file, a second process handing over its appends"),
               measured);
        ok = ok && measured.ok;
        (*store)->runAndWait([&](IncidentStore &) {
            owner.reset(); // on the thread it lives on
            return 0;
        });
    }
    return ok ? 0 : 1;
}
