// Prints how long the window's event loop stalls when the shared war room's server stops
// answering (every server process stopped with SIGSTOP for 3 s) while someone types entries,
// against the same typing with the server running, measured in the same run; and whether every
// entry typed arrived once the server resumed.
// The target (issue 9): no stall over 50 ms. Not a test: run it by hand as root
// (build/tests/bench_serverstall); it starts a throwaway PostgreSQL.
#include "mainwindow.h"
#include "rules/clock.h"
#include "stallmeter.h"
#include "storage/incidentstore.h"
#include "storage/storethread.h"
#include "throwawaypostgres.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QTest>
#include <QTextStream>
#include <QTimer>

#include <csignal>
#include <thread>

namespace {
// The postmaster and every process it started (the backends serving each connection).
QList<pid_t> serverProcesses(pid_t postmaster)
{
    QList<pid_t> pids{postmaster};
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool numeric = false;
        const pid_t pid = entry.toInt(&numeric);
        if (!numeric)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        // pid (comm) state ppid ...: comm may hold spaces, so read after the last ')'.
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields.at(1).toInt() == postmaster)
            pids.append(pid);
    }
    return pids;
}

void signalAll(const QList<pid_t> &pids, int signal)
{
    for (pid_t pid : pids)
        ::kill(pid, signal);
}

void typeEntry(QLineEdit *line, const QString &text)
{
    line->setText(text);
    QTest::keyClick(line, Qt::Key_Return);
}
} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTextStream out(stdout);
    constexpr int kEntries = 3;

    ThrowawayPostgres server;
    const WarRoomAddress address = server.newDatabase();
    SystemClock clock;
    auto store = IncidentStore::open(address, OpenMode::CreateIfMissing, clock);
    if (!store)
        qFatal("%s", qPrintable(store.error()));
    const auto incident = (*store)->createIncident(
        {QStringLiteral("Stall probe"), QStringLiteral("Bench"), {}, Severity::Sev2, {}, {}});
    if (!incident)
        qFatal("%s", qPrintable(incident.error()));
    // The window's store on its own thread, as the application opens it.
    auto windowStore = StoreThread::open(address, OpenMode::MustExist, clock);
    if (!windowStore)
        qFatal("%s", qPrintable(windowStore.error()));
    MainWindow window(**windowStore, clock);
    window.show();
    QTest::qWait(500);
    auto *line = window.findChild<QLineEdit *>(QStringLiteral("quickEntryLineEdit"));
    auto *author = window.findChild<QLineEdit *>(QStringLiteral("authorLineEdit"));
    if (!line || !author)
        qFatal("no quick-entry line in the window");
    author->setText(QStringLiteral("Ann"));

    StallMeter meter;
    auto typeFor = [&](const QString &tag) {
        meter.start();
        for (int i = 1; i <= kEntries; ++i) {
            typeEntry(line, QStringLiteral("%1 entry %2").arg(tag).arg(i));
            QTest::qWait(1000);
        }
        return meter.longestMs();
    };

    const double running = typeFor(QStringLiteral("running"));

    const QList<pid_t> processes = serverProcesses(pid_t(server.serverPid()));
    signalAll(processes, SIGSTOP);
    // Resumed from another thread: this one may be the one stuck.
    std::thread resume([&] {
        std::this_thread::sleep_for(std::chrono::seconds(3));
        signalAll(processes, SIGCONT);
    });
    const double stopped = typeFor(QStringLiteral("stopped"));
    resume.join();
    QTest::qWait(1000);

    const qint64 arrived = *(*store)->logEntryCount(*incident);
    out << "Longest event-loop stall while " << kEntries << " entries are typed a second apart ("
        << processes.size() << " server processes)" << Qt::endl;
    out << QStringLiteral("  server running:               %1 ms\n").arg(running, 8, 'f', 1);
    out << QStringLiteral("  server stopped for 3 s:       %1 ms (target: under 50 ms)\n")
               .arg(stopped, 8, 'f', 1);
    out << QStringLiteral("  entries in the war room after it resumed: %1 of %2\n")
               .arg(arrived)
               .arg(2 * kEntries);
    out.flush();
    return arrived == 2 * kEntries ? 0 : 1;
}
