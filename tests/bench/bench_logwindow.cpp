// Prints how long the log view's windowed reads take on a million-entry incident, against
// the baseline of reading the whole incident, measured in the same run on the same file.
// Not a test: run it by hand (build/tests/bench_logwindow [ROWS]).
#include "models/logtablemodel.h"
#include "rules/clock.h"
#include "storage/incidentstore.h"
#include "storage/storethread.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

namespace {
double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// Takes events until done() holds: the model's answers come through the event loop.
template <typename Done> void spinUntil(Done done)
{
    while (!done())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
}

bool isShown(const QVariant &text)
{
    return text.isValid() && text.toString() != QStringLiteral("…");
}
} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int rows = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 1000000;
    QTextStream out(stdout);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bench.sqlite"));
    ManualClock clock(QDateTime::currentDateTimeUtc());
    auto opened = IncidentStore::openSqlite(path, OpenMode::CreateIfMissing, clock);
    if (!opened) {
        out << "cannot open: " << opened.error() << Qt::endl;
        return 1;
    }
    IncidentStore &store = **opened;
    const qint64 id = *store.createIncident(
        {QStringLiteral("Bench"), QStringLiteral("Bench"), {}, Severity::Sev1, {}, {}});

    QElapsedTimer timer;
    timer.start();
    {
        auto db = Database::openSqlite(path, OpenMode::MustExist);
        QSqlDatabase conn = (*db)->connection();
        conn.transaction();
        QSqlQuery insert(conn);
        insert.prepare(QStringLiteral("INSERT INTO log_entries (incident_id, seq, at, author, "
                                      "kind, body) VALUES (?, ?, ?, 'bench', 'observation', ?)"));
        for (int i = 1; i <= rows; ++i) {
            insert.addBindValue(id);
            insert.addBindValue(i);
            insert.addBindValue(qint64(i) * 1000);
            insert.addBindValue(QStringLiteral("entry %1: order-service p99 latency %2 ms on "
                                               "eu-west-1 pods, 503 rate climbing")
                                    .arg(i)
                                    .arg(i % 9000));
            insert.exec();
        }
        conn.commit();
    }
    out << "filled " << rows << " entries in " << msSince(timer) << " ms" << Qt::endl;

    // The model's work runs where the window's does, answering through the event loop.
    auto windowStore = StoreThread::onThisThread(store);
    LogTableModel model(*windowStore);
    timer.restart();
    model.setIncident(id);
    spinUntil([&] { return model.rowCount() == rows; });
    spinUntil([&] { return isShown(model.index(rows - 1, LogTableModel::TextColumn).data()); });
    const QVariant newest = model.index(rows - 1, LogTableModel::TextColumn).data();
    const double openMs = msSince(timer);
    out << "windowed, open incident and show newest row: " << openMs << " ms (pages read "
        << model.pagesLoaded() << ")" << Qt::endl;

    // Baseline: what a view that loads the whole incident would pay before showing anything.
    timer.restart();
    const qsizetype wholeRows = store.logEntries(id, 1, rows)->size();
    const double wholeMs = msSince(timer);
    out << "baseline, read whole incident (" << wholeRows << " rows): " << wholeMs << " ms"
        << Qt::endl;

    timer.restart();
    const int jumps = 200;
    for (int i = 0; i < jumps; ++i) {
        const QModelIndex row = model.index(
            int((qint64(i) * 7919 * LogTableModel::kPageSize) % rows), LogTableModel::TextColumn);
        spinUntil([&] { return isShown(row.data()); });
    }
    const double jumpMs = msSince(timer) / jumps;
    out << "windowed, random jump to an unread page: " << jumpMs << " ms each" << Qt::endl;

    // The first write after the bulk fill also checkpoints the filler's write-ahead log into
    // the file, a one-off; steady-state appends are what a live crisis pays.
    timer.restart();
    store.appendLogEntry({id, QStringLiteral("bench"), LogKind::Action, QStringLiteral("first")});
    out << "first append after the fill (includes WAL checkpoint): " << msSince(timer) << " ms"
        << Qt::endl;
    const int appends = 100;
    timer.restart();
    for (int i = 0; i < appends; ++i) {
        store.appendLogEntry({id, QStringLiteral("bench"), LogKind::Action, QStringLiteral("new")});
        spinUntil([&] { return model.rowCount() == rows + 2 + i; });
    }
    out << "append one entry, shown live in the model: " << msSince(timer) / appends
        << " ms each, model rows " << model.rowCount() << Qt::endl;

    out << "ratio, whole-incident read / windowed open: " << wholeMs / openMs << "x" << Qt::endl;
    return newest.isValid() ? 0 : 1;
}
