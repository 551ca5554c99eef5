#include "windowfigures.h"

#include "benchoutput.h"
#include "cli.h"
#include "livewarroom.h"
#include "mainwindow.h"
#include "models/logtablemodel.h"
#include "rules/clock.h"
#include "stallmeter.h"
#include "warroomopener.h"
#include "widgets/incidentlistpanel.h"
#include "widgets/incidentview.h"
#include "widgets/technicallogpanel.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QProcess>
#include <QTabWidget>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include <algorithm>

using namespace BenchOutput;

namespace {
template <typename Done> void spinUntil(Done done, int timeoutMs = 120000)
{
    QElapsedTimer waited;
    waited.start();
    // Waits for events rather than spinning: a spinning loop takes a core from the store's
    // thread and the script on a 2-core machine, which the real window never does. The timer
    // makes sure the condition is looked at again even when nothing else happens.
    QTimer wake;
    wake.start(10);
    while (!done()) {
        if (waited.elapsed() > timeoutMs)
            die(QStringLiteral("the window did not get there in %1 s").arg(timeoutMs / 1000));
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents);
    }
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(std::clamp<qsizetype>(qsizetype(p / 100.0 * double(values.size() - 1) + 0.5),
                                           0, values.size() - 1));
}
} // namespace

WindowFigures::WindowFigures(const QString &path, ManualClock &clock)
    : m_path(path), m_clock(clock),
      m_opener(std::make_unique<WarRoomOpener>(clock, &Cli::runForwarded))
{
    const auto opened = m_opener->open(WarRoomAddress::sqliteFile(path), OpenMode::MustExist);
    if (!opened || *opened != WarRoomOpener::Opened::Here)
        die(QStringLiteral("the window could not open %1: %2")
                .arg(path, opened ? QStringLiteral("another window has it") : opened.error()));
    m_window = m_opener->window();
    m_window->show();
    QTest::qWait(200);
}

WindowFigures::~WindowFigures() = default;

void WindowFigures::show(qint64 incident)
{
    QElapsedTimer opening;
    opening.start();
    m_window->incidentList()->selectIncident(incident);
    const LogTableModel *model = m_window->incidentView()->technicalLog()->model();
    double rowsMs = -1;
    double stateMs = -1;
    spinUntil([&] {
        const bool rowsIn =
            model->incidentId() == incident && model->rowCount() > 0 &&
            model->rowCount() == model->entryCount() &&
            model->index(model->rowCount() - 1, LogTableModel::TextColumn).data().isValid();
        const bool stateIn =
            m_window->live().incidentLoaded() && m_window->live().incidentId() == incident;
        if (rowsIn && rowsMs < 0)
            rowsMs = double(opening.nsecsElapsed()) / 1e6;
        if (stateIn && stateMs < 0)
            stateMs = double(opening.nsecsElapsed()) / 1e6;
        return rowsIn && stateIn;
    });
    // The first check of a long record's chain goes on a share at a time after that; the
    // figures that follow are of a window that has done it.
    spinUntil([&] { return m_window->live().incident().chain.complete; });
    const double chainMs = double(opening.nsecsElapsed()) / 1e6;
    out() << "# window: incident " << incident << " (" << model->entryCount()
          << " entries): newest rows in " << rowsMs << " ms, header and panels in " << stateMs
          << " ms, record chain checked in " << chainMs << " ms" << Qt::endl;
    QTest::qWait(300); // what the first read of the incident set off settles
}

double WindowFigures::typeEntries(int count, const QString &tag)
{
    auto *line = m_window->findChild<QLineEdit *>(QStringLiteral("quickEntryLineEdit"));
    auto *author = m_window->findChild<QLineEdit *>(QStringLiteral("authorLineEdit"));
    if (!line || !author)
        die(QStringLiteral("no quick-entry line in the window"));
    author->setText(QStringLiteral("Ann Lee"));
    const LogTableModel *model = m_window->incidentView()->technicalLog()->model();
    const int before = model->rowCount();
    StallMeter meter;
    meter.start();
    for (int i = 1; i <= count; ++i) {
        line->setText(QStringLiteral("h: %1 typed entry %2").arg(tag).arg(i));
        QTest::keyClick(line, Qt::Key_Return);
        QTest::qWait(250);
    }
    spinUntil([&] { return model->rowCount() >= before + count && model->pendingCount() == 0; });
    QTest::qWait(300);
    meter.stop();
    return meter.longestMs();
}

void WindowFigures::typing(qint64 big, qint64 small, const QString &size)
{
    constexpr int kTyped = 20;
    show(small);
    const double smallStall = typeEntries(kTyped, QStringLiteral("small"));
    show(big);
    out() << "# typing into the big incident" << Qt::endl; // a profiler can attach now
    const double bigStall = typeEntries(kTyped, QStringLiteral("big"));
    figure(QStringLiteral("type-%1").arg(size), bigStall, QStringLiteral("ms-longest-stall"),
           QStringLiteral("small-incident"), smallStall, QStringLiteral("ms-longest-stall"));
}

void WindowFigures::stream(qint64 incident, int perSecond, int seconds)
{
    show(incident);
    LogTableModel *model = m_window->incidentView()->technicalLog()->model();
    const int before = model->rowCount();
    const int total = perSecond * seconds;
    const QString warroom =
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../app/warroom"));
    QProcess script;
    script.setProgram(warroom);
    script.setArguments({QStringLiteral("log"), QStringLiteral("--database"), m_path,
                         QStringLiteral("--incident"), QString::number(incident),
                         QStringLiteral("--author"), QStringLiteral("probe-eu"),
                         QStringLiteral("--lines")});
    script.setStandardOutputFile(QProcess::nullDevice());
    script.start();
    if (!script.waitForStarted())
        die(QStringLiteral("cannot start %1").arg(warroom));

    // Every 10 ms the script's lines for those 10 ms go into its standard input; each line's
    // moment is noted, and each time the view gains rows, how long ago its newest was sent.
    QList<qint64> sentAtNs;
    sentAtNs.reserve(total);
    QList<double> behindMs;
    QList<double> mostBehindBySecond; // when in the stream the view fell behind
    QElapsedTimer clock;
    clock.start();
    const int perTick = perSecond / 100;
    QTimer feed;
    feed.setTimerType(Qt::PreciseTimer);
    feed.setInterval(10);
    QObject::connect(&feed, &QTimer::timeout, [&] {
        // As many as are due by now, so a late tick catches up rather than slowing the rate.
        const qint64 due = std::min<qint64>(total, clock.nsecsElapsed() / 10000000 * perTick);
        QByteArray lines;
        while (sentAtNs.size() < due) {
            lines += QByteArray("stream entry ") + QByteArray::number(sentAtNs.size() + 1) +
                     " from the monitor, p99 at 4.2 s\n";
            sentAtNs.append(clock.nsecsElapsed());
        }
        script.write(lines);
        if (sentAtNs.size() >= total) {
            feed.stop();
            script.closeWriteChannel();
        }
    });
    const auto connection = QObject::connect(
        model, &QAbstractItemModel::rowsInserted, [&](const QModelIndex &, int, int last) {
            const qsizetype arrived = std::min<qsizetype>(last + 1 - before, sentAtNs.size());
            if (arrived > 0) {
                const qint64 now = clock.nsecsElapsed();
                behindMs.append(double(now - sentAtNs.at(arrived - 1)) / 1e6);
                const qsizetype second = qsizetype(now / 1000000000);
                if (mostBehindBySecond.size() <= second)
                    mostBehindBySecond.resize(second + 1, 0.0);
                mostBehindBySecond[second] =
                    std::max(mostBehindBySecond.at(second), behindMs.last());
            }
        });
    out() << "# streaming into the big incident" << Qt::endl; // a profiler can attach now
    StallMeter meter;
    meter.start();
    feed.start();
    spinUntil([&] { return sentAtNs.size() >= total && model->rowCount() >= before + total; },
              (seconds + 120) * 1000);
    meter.stop();
    QObject::disconnect(connection);
    script.waitForFinished(-1);
    const int arrived = model->rowCount() - before;
    out() << "# stream: " << total << " entries sent in " << seconds << " s, " << arrived
          << " in the view; behind p50 " << percentile(behindMs, 50) << " ms, p99 "
          << percentile(behindMs, 99) << " ms, most " << percentile(behindMs, 100)
          << " ms; script exit " << script.exitCode() << Qt::endl;
    out() << "# most behind in each second (ms):";
    for (double most : std::as_const(mostBehindBySecond))
        out() << ' ' << qRound(most);
    out() << Qt::endl;
    if (arrived != total || script.exitCode() != 0)
        die(QStringLiteral("stream: %1 of %2 entries arrived (the script said: %3)")
                .arg(arrived)
                .arg(total)
                .arg(QString::fromLocal8Bit(script.readAllStandardError())));
    const QString name = QStringLiteral("stream-%1k-per-s").arg(perSecond / 1000);
    // Beside it: the same window on the same incident with nobody posting.
    StallMeter idle;
    idle.start();
    QTest::qWait(seconds * 1000);
    idle.stop();
    figure(name, meter.longestMs(), QStringLiteral("ms-longest-stall"), QStringLiteral("idle"),
           idle.longestMs(), QStringLiteral("ms-longest-stall"));
    figure(name + QStringLiteral("-behind"), percentile(behindMs, 100), QStringLiteral("ms-most"),
           QStringLiteral("p50"), percentile(behindMs, 50), QStringLiteral("ms"));
}

void WindowFigures::deadlines(qint64 many, qint64 few)
{
    QTabWidget *tabs = m_window->incidentView()->panels();
    tabs->setCurrentIndex(0); // Deadlines
    struct Stalls
    {
        double opening = 0; // the incident chosen in the list, until its deadlines show
        double living = 0;  // a deadline committed elsewhere, then time passing
    };
    const auto stallsFor = [&](qint64 incident) {
        Stalls stalls;
        StallMeter meter;
        meter.start();
        show(incident);
        const auto *tree = m_window->findChild<QTreeView *>(QStringLiteral("deadlinesPanelTree"));
        const qsizetype count = m_window->live().incident().commitments.size();
        spinUntil([&] { return tree && tree->model()->rowCount() == count; });
        meter.stop();
        stalls.opening = meter.longestMs();
        meter.start();
        m_window->live().write(m_window, [incident, this](IncidentStore &store) {
            return store.commit({incident, QStringLiteral("One more step"),
                                 QStringLiteral("Bo Jensen"), m_clock.now().addSecs(1800),
                                 QStringLiteral("the copy ends then"), QStringLiteral("Ann Lee")});
        });
        spinUntil([&] { return tree->model()->rowCount() == count + 1; });
        for (int i = 0; i < 3; ++i) {
            m_clock.advanceSecs(15);
            QTest::qWait(200);
        }
        meter.stop();
        stalls.living = meter.longestMs();
        return stalls;
    };
    const Stalls fewStalls = stallsFor(few);
    out() << "# the panel with ten thousand deadlines" << Qt::endl; // a profiler can attach now
    const Stalls manyStalls = stallsFor(many);
    figure(QStringLiteral("deadlines-10k"), manyStalls.living, QStringLiteral("ms-longest-stall"),
           QStringLiteral("10-deadlines"), fewStalls.living, QStringLiteral("ms-longest-stall"));
    figure(QStringLiteral("deadlines-10k-opening"), manyStalls.opening,
           QStringLiteral("ms-longest-stall"), QStringLiteral("10-deadlines"), fewStalls.opening,
           QStringLiteral("ms-longest-stall"));
}
