// Issue 13's figures: a million-entry incident, a thousand incidents, ten thousand commitments,
// each figure beside a baseline measured in the same run, one tab-separated line each:
//   figure NAME  warroom VALUE UNIT  baseline NAME VALUE UNIT  ratio R
// R is Warroom's value over the baseline's (below 1: faster). A baseline tool that is not
// installed is named and its line skipped; nothing is installed. Not a test: run it by hand,
//   build/tests/bench_scale [--entries N]
// (N defaults to 1,000,000; the data is generated the same way on every run).
#include "scalecorpus.h"

#include "rules/clock.h"
#include "storage/incidentstore.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

namespace {
QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

void figure(const QString &name, double value, const QString &unit, const QString &baseline,
            double baselineValue, const QString &baselineUnit)
{
    out() << "figure\t" << name << "\twarroom " << QString::number(value, 'f', 2) << ' ' << unit
          << "\tbaseline " << baseline << ' ' << QString::number(baselineValue, 'f', 2) << ' '
          << baselineUnit << "\tratio " << QString::number(value / baselineValue, 'f', 3)
          << Qt::endl;
}

void skipped(const QString &name, const QString &why)
{
    out() << "skipped\t" << name << '\t' << why << Qt::endl;
}

double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

[[noreturn]] void die(const QString &why)
{
    out() << "bench_scale: " << why << Qt::endl;
    std::exit(1);
}

template <typename T> T need(Result<T> result, const char *what)
{
    if (!result)
        die(QStringLiteral("%1: %2").arg(QLatin1String(what), result.error()));
    return result.take();
}

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
    QFile inputFile(inputPath);
    if (!inputFile.open(QIODevice::WriteOnly) || inputFile.write(input) != input.size())
        die(QStringLiteral("cannot write %1").arg(inputPath));
    inputFile.close();

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
    QFile scriptFile(scriptPath);
    if (!scriptFile.open(QIODevice::WriteOnly) || scriptFile.write(script) != script.size())
        die(QStringLiteral("cannot write %1").arg(scriptPath));
    scriptFile.close();
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
} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
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
    QTemporaryDir dir;
    appendFigure(dir.path(), warroom, std::min(entries / 10, 100000));
    return 0;
}
