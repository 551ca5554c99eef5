// Issue 13's figures: a million-entry incident, a thousand incidents, ten thousand commitments,
// each figure beside a baseline measured in the same run, one tab-separated line each:
//   figure NAME  warroom VALUE UNIT  baseline NAME VALUE UNIT  ratio R
// R is Warroom's value over the baseline's (below 1: faster). A baseline tool that is not
// installed is named and its line skipped; nothing is installed. Not a test: run it by hand,
//   build/tests/bench_scale [--entries N] [--keep DIR] [--window [memory,type,stream,deadlines]]
//                           [--postgres | --pdf]
// (N defaults to 1,000,000; the data is generated the same way on every run; about eight
// minutes and 1 GB of temporary disk on a 2-core machine). --keep DIR keeps the big war room
// in DIR for the next run; --window measures only the window on it (all four parts, or those
// named); --postgres only the search on a throwaway PostgreSQL server; --pdf only the briefing
// PDFs against LibreOffice and wkhtmltopdf.
#include "benchoutput.h"
#include "pdffigures.h"
#include "scalecorpus.h"
#include "windowfigures.h"

#include "models/logtablemodel.h"
#include "rules/clock.h"
#include "storage/incidentstore.h"
#include "storage/rows.h"
#include "storage/storethread.h"
#include "throwawaypostgres.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSaveFile>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

namespace {
using namespace BenchOutput;

std::unique_ptr<IncidentStore> newWarRoom(const QString &path, const Clock &clock)
{
    return need(IncidentStore::openSqlite(path, OpenMode::CreateIfMissing, clock), "open");
}

qint64 newIncident(IncidentStore &store, const QString &title)
{
    return need(
        store.createIncident({title, QStringLiteral("Bench customer"),
                              QStringLiteral("Checkout fails for every customer."), Severity::Sev1,
                              QStringLiteral("Ann Lee"), QStringLiteral("+49 30 1234567")}),
        "create incident");
}

QString sqlText(const QVariant &value)
{
    if (value.isNull())
        return QStringLiteral("NULL");
    if (value.typeId() == QMetaType::LongLong || value.typeId() == QMetaType::Int)
        return QString::number(value.toLongLong());
    return u'\'' + value.toString().replace(u'\'', QStringLiteral("''")) + u'\'';
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        die(QStringLiteral("cannot write %1").arg(path));
}

// The rows a war room holds in these tables past the given ids, as one INSERT each: what the
// sqlite3 tool replays.
QByteArray insertsOf(const Database &database, const QList<std::pair<QString, qint64>> &tables)
{
    QByteArray script;
    for (const auto &[table, afterId] : tables) {
        const QSqlRecord columns = database.connection().record(table);
        QStringList names;
        for (int i = 0; i < columns.count(); ++i)
            names.append(columns.fieldName(i));
        const QString head =
            QStringLiteral("INSERT INTO %1 (%2) VALUES (").arg(table, names.join(u", "));
        QSqlQuery rows(database.connection());
        rows.exec(QStringLiteral("SELECT %1 FROM %2 WHERE id > %3 ORDER BY id")
                      .arg(names.join(u", "), table)
                      .arg(afterId));
        while (rows.next()) {
            QStringList values;
            for (int i = 0; i < names.size(); ++i)
                values.append(sqlText(rows.value(i)));
            script += (head + values.join(u", ") + QStringLiteral(");\n")).toUtf8();
        }
    }
    return script;
}

// --- append-100k: a script's batch, through `warroom log --jsonl`, against the sqlite3 tool
// inserting the same rows (the entries and their links in the record chain) into a war room
// of the same schema, in one transaction.
void appendFigure(const QString &dir, const QString &warroom, int entries)
{
    const QString name = QStringLiteral("append-%1k").arg(entries / 1000);
    const QString sqlite3 = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    ManualClock clock(QDateTime(QDate(2026, 11, 25), QTime(9, 0), Qt::UTC));
    const QString ours = dir + QStringLiteral("/append.sqlite");
    const QString theirs = dir + QStringLiteral("/append-baseline.sqlite");
    qint64 incident = 0;
    QList<std::pair<QString, qint64>> before; // each table's last id before the append
    for (const QString &path : {ours, theirs}) {
        auto store = newWarRoom(path, clock);
        incident = newIncident(*store, QStringLiteral("Append"));
        before.clear();
        for (const QString &table : {QStringLiteral("log_entries"), QStringLiteral("record_chain")})
            before.append(
                {table, need(store->database()->scalar(
                                 QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM %1").arg(table)),
                             "read ids")
                            .toLongLong()});
    }
    QByteArray input;
    ScaleCorpus corpus;
    for (int n = 1; n <= entries; ++n)
        input += corpus.jsonLine(n);
    const QString inputPath = dir + QStringLiteral("/append.jsonl");
    writeFile(inputPath, input);

    QProcess process;
    process.setStandardInputFile(inputPath);
    process.setStandardOutputFile(QProcess::nullDevice());
    QElapsedTimer timer;
    timer.start();
    process.start(warroom, {QStringLiteral("log"), QStringLiteral("--database"), ours,
                            QStringLiteral("--incident"), QString::number(incident),
                            QStringLiteral("--jsonl")});
    process.waitForFinished(-1);
    const double ourMs = msSince(timer);
    out() << "# " << name << ": warroom log --jsonl took " << ourMs << " ms" << Qt::endl;
    if (process.exitCode() != 0)
        die(QStringLiteral("warroom log --jsonl failed: %1")
                .arg(QString::fromLocal8Bit(process.readAllStandardError())));

    if (sqlite3.isEmpty())
        return skipped(name, QStringLiteral("baseline sqlite3 is not installed (apt-get install "
                                            "sqlite3)"));
    QByteArray script = "PRAGMA synchronous = FULL;\nBEGIN;\n";
    {
        auto store = need(IncidentStore::openSqlite(ours, OpenMode::MustExist, clock), "reopen");
        script += insertsOf(*store->database(), before);
    }
    script += "COMMIT;\n";
    const QString scriptPath = dir + QStringLiteral("/append.sql");
    writeFile(scriptPath, script);
    QProcess baseline;
    baseline.setStandardInputFile(scriptPath);
    timer.restart();
    baseline.start(sqlite3, {theirs});
    baseline.waitForFinished(-1);
    const double theirMs = msSince(timer);
    if (baseline.exitCode() != 0)
        die(QStringLiteral("sqlite3 failed: %1")
                .arg(QString::fromLocal8Bit(baseline.readAllStandardError())));
    figure(name, ourMs, QStringLiteral("ms"), QStringLiteral("sqlite3"), theirMs,
           QStringLiteral("ms"));
}
// Writes count entries through the store's batch path, ten thousand to a transaction, one every
// quarter of a second up to now (a million: the last three days).
void fill(IncidentStore &store, qint64 incident, qint64 count)
{
    ScaleCorpus corpus;
    constexpr qint64 kBatch = 10000;
    constexpr qint64 kApartMs = 250;
    const QDateTime first = store.clock().now().addMSecs(-count * kApartMs);
    for (qint64 done = 0; done < count;) {
        QList<NewLogEntry> batch;
        for (qint64 n = done + 1; n <= std::min(count, done + kBatch); ++n) {
            batch.append(corpus.entry(incident, n));
            batch.last().writtenAt = first.addMSecs((n - 1) * kApartMs);
        }
        const auto written = need(store.appendLogEntries(batch), "fill");
        for (const auto &entry : written) {
            if (!entry)
                die(QStringLiteral("fill: %1").arg(entry.error()));
        }
        done += batch.size();
    }
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

// The log view on an incident: until its newest row shows, and then a step to any page.
struct ViewTimes
{
    double openMs = 0;
    double jumpMs = 0;
};

ViewTimes viewTimes(StoreThread &store, qint64 incident, qint64 rows)
{
    ViewTimes times;
    LogTableModel model(store);
    QElapsedTimer timer;
    timer.start();
    model.setIncident(incident);
    spinUntil([&] { return model.rowCount() == rows; });
    spinUntil(
        [&] { return isShown(model.index(int(rows - 1), LogTableModel::TextColumn).data()); });
    times.openMs = msSince(timer);
    constexpr int kJumps = 200;
    timer.restart();
    for (int i = 0; i < kJumps; ++i) {
        const QModelIndex row = model.index(
            int((qint64(i) * 7919 * LogTableModel::kPageSize) % rows), LogTableModel::TextColumn);
        spinUntil([&] { return isShown(row.data()); });
    }
    times.jumpMs = msSince(timer) / kJumps;
    return times;
}

// --- search, two words: the first page of hits (and their entries, as a view or `warroom
// search` shows them) by the text index, beside a LIKE scan of the incident for the same
// words. "owns shipping" is rare (a question now and then, about one service of eight): a scan
// reads most of the incident to find 200; "checkout timeout" is common, and found early by
// both.
void searchFigures(IncidentStore &store, qint64 incident, const QString &size,
                   const QString &engine)
{
    for (const auto &[suffix, typed] :
         {std::pair{QString(), QStringLiteral("owns shipping")},
          std::pair{QStringLiteral("-common"), QStringLiteral("checkout timeout")}}) {
        const LogSearch search(typed);
        constexpr int kFirst = 200;
        const auto show = [&](const QList<qint64> &seqs) {
            need(store.logEntriesAt(incident, seqs), "entries of the hits");
        };
        qsizetype found = 0;
        const double indexed = bestOf(5, [&] {
            const auto hits =
                need(store.searchLog(incident, search, {}, 0, SearchDirection::Forward, kFirst),
                     "search");
            QList<qint64> seqs;
            for (const LogHit &hit : hits)
                seqs.append(hit.seq);
            show(seqs);
            found = seqs.size();
        });
        QString like = QStringLiteral("SELECT seq FROM log_entries WHERE incident_id = ?");
        QVariantList values{incident};
        for (const QString &word : search.words()) {
            like += QStringLiteral(" AND lower(body) LIKE ?");
            values.append(QString(u'%' + word + u'%'));
        }
        like += QStringLiteral(" ORDER BY seq LIMIT %1").arg(kFirst);
        const double scanned = bestOf(3, [&] {
            QList<qint64> seqs;
            need(store.database()->each(
                     like, values,
                     [&](const QSqlQuery &row) { seqs.append(row.value(0).toLongLong()); }),
                 "like scan");
            show(seqs);
        });
        const double counted =
            bestOf(3, [&] { need(store.countLogHits(incident, search, {}), "count"); });
        out() << "# search \"" << typed << "\" on " << engine << ": " << found << " shown, "
              << need(store.countLogHits(incident, search, {}), "count") << " in all, counted in "
              << counted << " ms" << Qt::endl;
        figure(QStringLiteral("search%1-%2-%3").arg(suffix, size, engine), indexed,
               QStringLiteral("ms"), QStringLiteral("like-scan"), scanned, QStringLiteral("ms"));
    }
}

// Deadlines a day ahead, one a minute apart, each with an owner and a reason.
void commitMany(IncidentStore &store, qint64 incident, int count)
{
    const QDateTime now = store.clock().now();
    for (int n = 1; n <= count; ++n)
        need(store.commit({incident, QStringLiteral("Step %1 of the recovery").arg(n),
                           QStringLiteral("Bo Jensen"), now.addSecs(3600 + n * 60),
                           QStringLiteral("the batch %1 finishes then").arg(n),
                           QStringLiteral("Ann Lee")}),
             "commit");
}

// --- go to time: the entry nearest each of 200 moments spread over the incident's span.
double goToTimeMs(IncidentStore &store, qint64 incident)
{
    const auto first = need(store.logEntries(incident, 1, 1), "first entry");
    const QDateTime from = first.constFirst().at;
    const qint64 spanMs = from.msecsTo(store.clock().now());
    constexpr int kSteps = 200;
    return bestOf(3,
                  [&] {
                      for (int i = 0; i < kSteps; ++i) {
                          const QDateTime when =
                              from.addMSecs(spanMs * ((i * 7919) % kSteps) / kSteps);
                          if (!need(store.logEntryNear(incident, when, {}), "go to time"))
                              die(QStringLiteral("go to time found nothing"));
                      }
                  }) /
           kSteps;
}

// --- peak memory of the window's own process: `warroom --database FILE` shows the war room's
// newest incident (the million entries here), read from /proc once the process has settled:
// its resident size steady and its CPU nearly idle for 5 s (the first check of a long record's
// chain runs on for a while after the rows are shown).
qint64 procField(qint64 pid, const QString &name)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(QByteArray(name.toLatin1() + ':')))
            return line.mid(name.size() + 1).trimmed().split(' ').value(0).toLongLong(); // kB
    }
    return -1;
}

qint64 cpuTicks(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    return fields.value(11).toLongLong() + fields.value(12).toLongLong();
}

double windowPeakMb(const QString &warroom, const QString &path)
{
    QProcess window;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    window.setProcessEnvironment(environment);
    window.start(warroom, {QStringLiteral("--database"), path});
    if (!window.waitForStarted())
        die(QStringLiteral("cannot start %1").arg(warroom));
    const qint64 pid = window.processId();
    QElapsedTimer running;
    running.start();
    qint64 steadyRss = -1, steadyTicks = -1, steadySinceMs = 0;
    while (running.elapsed() < 180000) {
        QThread::msleep(500);
        if (window.state() != QProcess::Running)
            die(QStringLiteral("the window quit: %1")
                    .arg(QString::fromLocal8Bit(window.readAllStandardError())));
        const qint64 rss = procField(pid, QStringLiteral("VmRSS"));
        const qint64 ticks = cpuTicks(pid);
        if (std::abs(rss - steadyRss) > 1024 || ticks - steadyTicks > 25) { // 1 MB, 0.25 s
            steadyRss = rss;
            steadyTicks = ticks;
            steadySinceMs = running.elapsed();
        } else if (running.elapsed() - steadySinceMs >= 5000) {
            break;
        }
    }
    const qint64 peakKb = procField(pid, QStringLiteral("VmHWM"));
    window.terminate();
    if (!window.waitForFinished(10000))
        window.kill();
    window.waitForFinished(5000);
    if (peakKb <= 0)
        die(QStringLiteral("no peak memory for the window's process"));
    return double(peakKb) / 1024.0;
}

void peakMemoryFigure(const QString &dir, const QString &path, const QString &size,
                      const Clock &clock)
{
    // Beside it: the window on a war room whose newest incident has a thousand entries.
    const QString smallPath = dir + QStringLiteral("/small-1000.sqlite");
    QFile::remove(smallPath);
    {
        auto smallRoom = newWarRoom(smallPath, clock);
        fill(*smallRoom, newIncident(*smallRoom, QStringLiteral("A thousand entries")), 1000);
    }
    const QString warroom =
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../app/warroom"));
    figure(QStringLiteral("peak-rss-open-%1").arg(size), windowPeakMb(warroom, path),
           QStringLiteral("MB"), QStringLiteral("small-incident"), windowPeakMb(warroom, smallPath),
           QStringLiteral("MB"));
}

// --- the million-entry incident: opening it, jumping in it, its open questions; each beside
// the same on an incident of a thousand entries in the same war room.
void bigIncidentFigures(const QString &dir, qint64 entries, const QStringList &windowOnly)
{
    ManualClock clock(QDateTime(QDate(2026, 11, 25), QTime(9, 0), Qt::UTC));
    const QString path = dir + QStringLiteral("/big-%1.sqlite").arg(entries);
    const bool kept = QFile::exists(path);
    auto store = kept ? need(IncidentStore::openSqlite(path, OpenMode::MustExist, clock), "reopen")
                      : newWarRoom(path, clock);
    qint64 fewDeadlines = 0, manyDeadlines = 0, small = 0, big = 0;
    if (kept) {
        out() << "# reusing " << path << Qt::endl;
        for (const Incident &incident : need(store->incidents(), "incidents")) {
            qint64 &id = incident.title == QStringLiteral("Ten deadlines") ? fewDeadlines
                         : incident.title == QStringLiteral("Ten thousand deadlines")
                             ? manyDeadlines
                         : incident.title == QStringLiteral("A thousand entries") ? small
                                                                                  : big;
            id = incident.id;
        }
    } else {
        // The newest incident is the one a window opens on: the big one.
        fewDeadlines = newIncident(*store, QStringLiteral("Ten deadlines"));
        manyDeadlines = newIncident(*store, QStringLiteral("Ten thousand deadlines"));
        small = newIncident(*store, QStringLiteral("A thousand entries"));
        big = newIncident(*store, QStringLiteral("A million entries"));
        QElapsedTimer timer;
        timer.start();
        commitMany(*store, manyDeadlines, 10000);
        commitMany(*store, fewDeadlines, 10);
        out() << "# committed 10,010 deadlines in " << msSince(timer) / 1000 << " s" << Qt::endl;
        timer.start();
        fill(*store, big, entries);
        fill(*store, small, 1000);
        out() << "# filled " << entries + 1000 << " entries through the batch path in "
              << msSince(timer) / 1000 << " s" << Qt::endl;
    }
    const QString size =
        entries == 1000000 ? QStringLiteral("1m") : QStringLiteral("%1k").arg(entries / 1000);
    if (!windowOnly.isEmpty()) {
        store.reset();
        if (windowOnly.contains(QStringLiteral("memory")))
            peakMemoryFigure(dir, path, size, clock);
        WindowFigures window(path, clock);
        if (windowOnly.contains(QStringLiteral("type")))
            window.typing(big, small, size);
        if (windowOnly.contains(QStringLiteral("stream")))
            window.stream(big, 10000, 10);
        if (windowOnly.contains(QStringLiteral("deadlines")))
            window.deadlines(manyDeadlines, fewDeadlines);
        return;
    }
    const qint64 bigRows = *store->logEntryCount(big);
    const qint64 smallRows = *store->logEntryCount(small);

    // Before schema 18, SQLite found the questions by walking the incident's (incident, seq)
    // index, for their order: that plan, forced here.
    const QString walked =
        QStringLiteral(
            "SELECT %1 FROM log_entries q INDEXED BY sqlite_autoindex_log_entries_1 WHERE "
            "incident_id = ? AND kind = 'question' AND NOT EXISTS "
            "(SELECT 1 FROM log_entries a WHERE a.answers_id = q.id) ORDER BY seq")
            .arg(Rows::logColumns);
    const double questions = bestOf(5, [&] { need(store->openQuestions(big), "questions"); });
    const double questionsWalked = bestOf(5, [&] {
        need(store->database()->list(walked, {big}, &Rows::logEntry), "questions walked");
    });
    figure(QStringLiteral("open-questions-%1").arg(size), questions, QStringLiteral("ms"),
           QStringLiteral("seq-order-walk"), questionsWalked, QStringLiteral("ms"));

    // Before schema 21, the log's authors were found by grouping every entry of the incident.
    const QString grouped = QStringLiteral("SELECT author, MIN(CASE WHEN %1 THEN 1 ELSE 0 END) "
                                           "FROM log_entries WHERE incident_id = ? GROUP BY "
                                           "author ORDER BY author")
                                .arg(Rows::logByScript);
    const double authors = bestOf(5, [&] { need(store->logAuthors(big), "authors"); });
    const double authorsGrouped = bestOf(3, [&] {
        auto rows = need(store->database()->run(grouped, {big}), "authors grouped");
        while (rows.next()) {
        }
    });
    figure(QStringLiteral("log-authors-%1").arg(size), authors, QStringLiteral("ms"),
           QStringLiteral("group-by-scan"), authorsGrouped, QStringLiteral("ms"));

    searchFigures(*store, big, size, QStringLiteral("sqlite"));

    auto windowStore = StoreThread::onThisThread(*store);
    viewTimes(*windowStore, small, smallRows); // warms what any first open pays
    const ViewTimes bigView = viewTimes(*windowStore, big, bigRows);
    const ViewTimes smallView = viewTimes(*windowStore, small, smallRows);
    figure(QStringLiteral("open-%1").arg(size), bigView.openMs, QStringLiteral("ms"),
           QStringLiteral("small-incident"), smallView.openMs, QStringLiteral("ms"));
    figure(QStringLiteral("jump-%1").arg(size), bigView.jumpMs, QStringLiteral("ms/step"),
           QStringLiteral("small-incident"), smallView.jumpMs, QStringLiteral("ms/step"));
    figure(QStringLiteral("goto-time-%1").arg(size), goToTimeMs(*store, big),
           QStringLiteral("ms/step"), QStringLiteral("small-incident"), goToTimeMs(*store, small),
           QStringLiteral("ms/step"));
    windowStore.reset();
    store.reset(); // the window's process owns the file from here
    peakMemoryFigure(dir, path, size, clock);

    WindowFigures window(path, clock);
    window.typing(big, small, size);
    window.stream(big, 10000, 10);
    window.deadlines(manyDeadlines, fewDeadlines);
}

// --- search on a shared war room: the same incident on a PostgreSQL server of its own.
void postgresSearchFigures(qint64 entries)
{
    const QString size =
        entries == 1000000 ? QStringLiteral("1m") : QStringLiteral("%1k").arg(entries / 1000);
    if (!ThrowawayPostgres::available())
        return skipped(QStringLiteral("search-%1-postgres").arg(size),
                       QStringLiteral("PostgreSQL's server programs are not installed "
                                      "(apt-get install postgresql)"));
    ThrowawayPostgres server;
    ManualClock clock(QDateTime(QDate(2026, 11, 25), QTime(9, 0), Qt::UTC));
    auto store = need(IncidentStore::open(server.newDatabase(), OpenMode::CreateIfMissing, clock),
                      "open the server's war room");
    const qint64 big = newIncident(*store, QStringLiteral("A million entries"));
    QElapsedTimer timer;
    timer.start();
    // The first ten thousand are written through the store's batch path, the rest repeat them,
    // numbered on, by one statement on the server (the batch path would take minutes more).
    constexpr qint64 kThroughTheStore = 10000;
    fill(*store, big, std::min(entries, kThroughTheStore));
    out() << "# " << std::min(entries, kThroughTheStore)
          << " entries through the store's batch path to the server in " << msSince(timer) << " ms"
          << Qt::endl;
    need(store->database()->exec(
             QStringLiteral(
                 "INSERT INTO log_entries (incident_id, seq, at, author, kind, body, by_script) "
                 "SELECT incident_id, seq + k * %1, at, author, kind, body, by_script FROM "
                 "log_entries, generate_series(1, %2) AS k WHERE incident_id = ? ORDER BY k, seq")
                 .arg(kThroughTheStore)
                 .arg(entries / kThroughTheStore - 1),
             {big}),
         "repeat the entries");
    // What autovacuum does on its own after a load this size, done now rather than waited for:
    // the entries and their words (a text index the planner knows nothing of is not chosen
    // well, and a faster fill leaves autovacuum no time to get there first).
    need(store->database()->exec(QStringLiteral("ANALYZE log_entries, log_words")), "analyze");
    out() << "# filled " << *store->logEntryCount(big) << " entries on PostgreSQL in "
          << msSince(timer) / 1000 << " s" << Qt::endl;
    searchFigures(*store, big, size, QStringLiteral("postgres"));
}

// --- the incident list: every incident with who is in charge since when, at a thousand
// incidents beside ten.
void incidentListFigure(const QString &dir)
{
    ManualClock clock(QDateTime(QDate(2026, 11, 25), QTime(9, 0), Qt::UTC));
    double listMs[2] = {};
    const int counts[2] = {1000, 10};
    for (int i = 0; i < 2; ++i) {
        auto store = newWarRoom(dir + QStringLiteral("/list%1.sqlite").arg(counts[i]), clock);
        for (int n = 1; n <= counts[i]; ++n) {
            const qint64 id = newIncident(*store, QStringLiteral("Incident %1").arg(n));
            need(store->handOver(id, QStringLiteral("Bo Jensen"), QStringLiteral("+49 30 7654321"),
                                 QStringLiteral("shift change"), QStringLiteral("Ann Lee")),
                 "hand over");
        }
        listMs[i] = bestOf(5, [&] { need(store->incidents(), "list"); });
    }
    figure(QStringLiteral("incident-list-1000"), listMs[0], QStringLiteral("ms"),
           QStringLiteral("10-incidents"), listMs[1], QStringLiteral("ms"));
}
} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    int entries = 1000000;
    if (const qsizetype at = arguments.indexOf(QStringLiteral("--entries")); at > 0)
        entries = arguments.value(at + 1).toInt();
    if (entries < 1000)
        die(QStringLiteral("--entries needs a number of at least 1000"));
    const QString warroom =
        QDir(app.applicationDirPath()).filePath(QStringLiteral("../app/warroom"));
    if (!QFile::exists(warroom))
        die(QStringLiteral("no warroom executable at %1: build it first").arg(warroom));
    // --keep DIR: the million-entry war room is kept there and reused on the next run (the
    // fill takes minutes); --window: only the figures of the window on it.
    QTemporaryDir scratch;
    QString dir = scratch.path();
    if (const qsizetype at = arguments.indexOf(QStringLiteral("--keep")); at > 0) {
        dir = arguments.value(at + 1);
        if (dir.isEmpty() || !QDir().mkpath(dir))
            die(QStringLiteral("--keep needs a directory it can write"));
    }
    if (arguments.contains(QStringLiteral("--postgres"))) { // only the server's figures
        postgresSearchFigures(entries);
        return 0;
    }
    if (arguments.contains(QStringLiteral("--pdf"))) { // only the briefing PDFs'
        PdfFigures::run(dir, warroom);
        return 0;
    }
    if (const qsizetype at = arguments.indexOf(QStringLiteral("--window")); at > 0) {
        QStringList parts = arguments.value(at + 1).split(u',', Qt::SkipEmptyParts);
        if (parts.isEmpty() || parts.first().startsWith(u'-'))
            parts = {QStringLiteral("memory"), QStringLiteral("type"), QStringLiteral("stream"),
                     QStringLiteral("deadlines")};
        bigIncidentFigures(dir, entries, parts);
        return 0;
    }
    appendFigure(scratch.path(), warroom, std::min(entries / 10, 100000));
    incidentListFigure(scratch.path());
    bigIncidentFigures(dir, entries, {});
    postgresSearchFigures(entries);
    PdfFigures::run(scratch.path(), warroom);
    return 0;
}
