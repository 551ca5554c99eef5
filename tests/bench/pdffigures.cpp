#include "pdffigures.h"

#include "benchoutput.h"

#include "charts/chartrenderer.h"
#include "charts/impactcharts.h"
#include "export/briefingpdf.h"
#include "rules/clock.h"
#include "rules/impacttimeline.h"
#include "storage/incidentstore.h"
#include "usecases/demoincident.h"

#include <QChart>
#include <QDir>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>
#include <memory>

using namespace BenchOutput;

namespace {
struct Sample
{
    int briefings;
    qint64 incidentId;
    QString html; // the same briefings for the other tools
};

// The demo incident, with realistic half-page briefings published on until it has count.
qint64 incidentWithBriefings(IncidentStore &store, ManualClock &clock, int count)
{
    const qint64 id = need(seedDemoIncident(store, clock, clock.now().addSecs(3600)), "demo");
    for (qsizetype i = need(store.briefings(id), "briefings").size(); i < count; ++i) {
        clock.advanceSecs(120);
        const NewBriefing briefing{
            id,
            QStringLiteral("Dana Whitfield"),
            QStringLiteral("Update %1: orders fail for about 1 % of web-shop customers in Europe.")
                .arg(i + 1),
            QStringLiteral("About 2,300 of 38,000 users (6 %) cannot use Checkout in EU-West; a "
                           "workaround exists."),
            QStringLiteral("The fresh database copy is in service and we are watching failures "
                           "fall. We keep the old copy until the evening peak has passed, so that "
                           "we can switch back at once."),
            QStringLiteral("Failures fell from 6 % to 1 %."),
            clock.now().addSecs(1800),
            QStringLiteral("the evening peak will have passed by then"),
            0};
        need(store.publishBriefing(briefing), "publish a briefing");
    }
    return id;
}

// The incident's chart as the PDF draws it, as an image file the HTML can show.
QString chartImage(const IncidentStore &store, qint64 id, const QDateTime &now, const QString &path)
{
    std::unique_ptr<QChart> chart(ImpactCharts::impactOverTime(buildImpactTimeline(
        need(store.impactAssessments(id), "assessments"), need(store.statusChanges(id), "status"),
        need(store.commitments(id), "commitments"), need(store.incident(id), "incident").openedAt,
        now)));
    QImage image(1800, 960, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    ChartRenderer::render(*chart, painter, QRectF(0, 0, 1800, 960));
    painter.end();
    if (!image.save(path))
        die(QStringLiteral("cannot write %1").arg(path));
    return path;
}

void writeFile(const QString &path, const QByteArray &content)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit())
        die(QStringLiteral("cannot write %1").arg(path));
}

// Median of three runs of a program, whole process; it must succeed and write out.
double medianRunMs(const QString &program, const QStringList &arguments, const QString &out)
{
    QList<double> ms;
    for (int run = 0; run < 3; ++run) {
        QFile::remove(out);
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        process.setProcessEnvironment(environment);
        QElapsedTimer timer;
        timer.start();
        process.start(program, arguments);
        if (!process.waitForFinished(600000) || process.exitStatus() != QProcess::NormalExit ||
            process.exitCode() != 0 || !QFile::exists(out))
            die(QStringLiteral("%1 %2 failed: %3")
                    .arg(program, arguments.join(u' '),
                         QString::fromLocal8Bit(process.readAllStandardError())));
        ms.append(msSince(timer));
    }
    std::sort(ms.begin(), ms.end());
    return ms.at(1);
}
} // namespace

namespace PdfFigures {
void run(const QString &dir, const QString &warroom)
{
    const QDir scratch(dir);
    const QString database = scratch.filePath(QStringLiteral("briefings.sqlite"));
    QFile::remove(database);
    ManualClock clock(QDateTime::currentDateTimeUtc().addSecs(-48 * 3600));
    QList<Sample> samples;
    {
        auto store = need(IncidentStore::openSqlite(database, OpenMode::CreateIfMissing, clock),
                          "open the briefings' war room");
        for (const int count : {1, 50, 200}) {
            const qint64 id = incidentWithBriefings(*store, clock, count);
            QList<qint64> ids;
            for (const Briefing &briefing : need(store->briefings(id), "briefings"))
                ids.append(briefing.id);
            if (count == 1)
                ids = {ids.constLast()}; // the latest, as export-briefing writes it by default
            const QString chart =
                chartImage(*store, id, clock.now(),
                           scratch.filePath(QStringLiteral("chart-%1.png").arg(count)));
            const QString html = scratch.filePath(QStringLiteral("briefings-%1.html").arg(count));
            writeFile(html, need(BriefingPdf::html(*store, id, ids, chart), "html").toUtf8());
            samples.append({count, id, html});
        }
    } // the commands own the file from here

    const QString soffice = QStandardPaths::findExecutable(QStringLiteral("soffice"));
    const QString wkhtmltopdf = QStandardPaths::findExecutable(QStringLiteral("wkhtmltopdf"));
    const QString profile = scratch.filePath(QStringLiteral("libreoffice-profile"));
    const QString converted = scratch.filePath(QStringLiteral("libreoffice"));
    const auto libreOfficeArguments = [&](const QString &html) {
        return QStringList{QStringLiteral("-env:UserInstallation=file://") + profile,
                           QStringLiteral("--headless"),
                           QStringLiteral("--convert-to"),
                           QStringLiteral("pdf:writer_web_pdf_Export"),
                           QStringLiteral("--outdir"),
                           converted,
                           html};
    };
    const auto libreOfficeOut = [&](const QString &html) {
        return QDir(converted).filePath(QFileInfo(html).completeBaseName() +
                                        QStringLiteral(".pdf"));
    };
    if (!soffice.isEmpty()) // its first start sets up the profile: not what a conversion costs
        medianRunMs(soffice, libreOfficeArguments(samples.constFirst().html),
                    libreOfficeOut(samples.constFirst().html));
    for (const Sample &sample : std::as_const(samples)) {
        const QString name = QStringLiteral("pdf-%1").arg(sample.briefings);
        const QString pdf =
            scratch.filePath(QStringLiteral("warroom-%1.pdf").arg(sample.briefings));
        QStringList arguments{QStringLiteral("export-briefing"),
                              QStringLiteral("--database"),
                              database,
                              QStringLiteral("--incident"),
                              QString::number(sample.incidentId),
                              QStringLiteral("--out"),
                              pdf};
        if (sample.briefings > 1)
            arguments.append(QStringLiteral("--all"));
        const double ours = medianRunMs(warroom, arguments, pdf);
        out() << "# " << name << ": " << sample.briefings << " briefings, "
              << QFileInfo(pdf).size() / 1024 << " KiB" << Qt::endl;
        if (soffice.isEmpty()) {
            skipped(name + QStringLiteral("-libreoffice"),
                    QStringLiteral("soffice is not installed (apt-get install "
                                   "libreoffice-writer-nogui)"));
        } else {
            const double theirs = medianRunMs(soffice, libreOfficeArguments(sample.html),
                                              libreOfficeOut(sample.html));
            figure(name, ours, QStringLiteral("ms"), QStringLiteral("libreoffice"), theirs,
                   QStringLiteral("ms"));
        }
        if (wkhtmltopdf.isEmpty()) {
            skipped(name + QStringLiteral("-wkhtmltopdf"),
                    QStringLiteral("wkhtmltopdf is not installed (apt-get install wkhtmltopdf)"));
        } else {
            const QString theirPdf =
                scratch.filePath(QStringLiteral("wkhtmltopdf-%1.pdf").arg(sample.briefings));
            const double theirs =
                medianRunMs(wkhtmltopdf,
                            {QStringLiteral("--quiet"),
                             QStringLiteral("--enable-local-file-access"), sample.html, theirPdf},
                            theirPdf);
            figure(name, ours, QStringLiteral("ms"), QStringLiteral("wkhtmltopdf"), theirs,
                   QStringLiteral("ms"));
        }
    }
}
} // namespace PdfFigures
