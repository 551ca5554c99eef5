// Prints how long Warroom takes to export a typical briefing and a 50-briefing --all export,
// and how long LibreOffice (headless, from the same content as HTML) takes in the same run,
// as ratios. Target: Warroom at least 20x faster. Run by hand:
//   build/tests/bench_briefingpdf        (needs soffice: apt-get install libreoffice-writer-nogui)
#include "charts/chartrenderer.h"
#include "charts/impactcharts.h"
#include "export/briefingpdf.h"
#include "rules/clock.h"
#include "rules/impacttimeline.h"
#include "storage/incidentstore.h"
#include "usecases/demoincident.h"

#include <QApplication>
#include <QChart>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <memory>

namespace {
QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

template <typename Run> double medianMs(int times, Run run)
{
    QList<double> ms;
    for (int i = 0; i < times; ++i) {
        QElapsedTimer timer;
        timer.start();
        if (!run())
            return -1;
        ms.append(timer.nsecsElapsed() / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return ms.at(ms.size() / 2);
}

bool libreOffice(const QString &soffice, const QString &profile, const QString &html,
                 const QString &outDir)
{
    QProcess p;
    p.start(soffice, {QStringLiteral("-env:UserInstallation=file://") + profile,
                      QStringLiteral("--headless"), QStringLiteral("--convert-to"),
                      QStringLiteral("pdf:writer_web_pdf_Export"), QStringLiteral("--outdir"),
                      outDir, html});
    return p.waitForFinished(300000) && p.exitCode() == 0;
}
} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-3 * 3600);
    ManualClock clock(start);
    auto opened = IncidentStore::openSqlite(dir.filePath(QStringLiteral("bench.sqlite")),
                                            OpenMode::CreateIfMissing, clock);
    if (!opened)
        return 1;
    IncidentStore &store = **opened;
    const qint64 id = *seedDemoIncident(store, clock, start.addSecs(3600));
    // 50 briefings in all, each a realistic half page with a commitment and an ask.
    for (int i = store.briefings(id)->size(); i < 50; ++i) {
        clock.advanceSecs(120);
        NewBriefing b{id,
                      QStringLiteral("Dana Whitfield"),
                      QStringLiteral("Update %1: orders fail for about 1 % of web-shop customers "
                                     "in Europe.")
                          .arg(i + 1),
                      QStringLiteral("About 2,300 of 38,000 users (6 %) cannot use Checkout in "
                                     "EU-West; a workaround exists."),
                      QStringLiteral("The fresh database copy is in service and we are watching "
                                     "failures fall. We keep the old copy until the evening peak "
                                     "has passed, so that we can switch back at once."),
                      QStringLiteral("Failures fell from 6 % to 1 %."),
                      clock.now().addSecs(1800),
                      QStringLiteral("the evening peak will have passed by then"),
                      0};
        if (!store.publishBriefing(b))
            return 1;
    }
    const auto briefings = store.briefings(id);
    QList<qint64> all;
    for (const Briefing &b : *briefings)
        all.append(b.id);
    out() << "incident with " << all.size() << " briefings" << Qt::endl;

    const QString pdf = dir.filePath(QStringLiteral("warroom.pdf"));
    auto exportOne = [&] {
        return BriefingPdf::write(store, id, {}, pdf).ok();
    };
    auto exportAll = [&] {
        return BriefingPdf::write(store, id, all, pdf).ok();
    };
    exportOne(); // warm-up: fonts, plugins
    const double oneMs = medianMs(9, exportOne);
    const double allMs = medianMs(3, exportAll);
    out() << "warroom, typical briefing: " << oneMs << " ms (median of 9)" << Qt::endl;
    out() << "warroom, 50 briefings (--all): " << allMs << " ms (median of 3)" << Qt::endl;

    const QString soffice = QStandardPaths::findExecutable(QStringLiteral("soffice"));
    if (soffice.isEmpty()) {
        out() << "soffice not found: install libreoffice-writer-nogui to compare" << Qt::endl;
        return 0;
    }
    // The same content for LibreOffice: the HTML, with the chart as an image made beforehand.
    const QString chartPng = dir.filePath(QStringLiteral("chart.png"));
    {
        std::unique_ptr<QChart> chart(ImpactCharts::impactOverTime(buildImpactTimeline(
            *store.impactAssessments(id), *store.statusChanges(id), *store.commitments(id),
            store.incident(id)->openedAt, clock.now())));
        QImage image(1800, 960, QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        ChartRenderer::render(*chart, painter, QRectF(0, 0, 1800, 960));
        painter.end();
        image.save(chartPng);
    }
    auto writeHtml = [&](const QList<qint64> &ids, const QString &name) {
        const QString path = dir.filePath(name);
        QFile file(path);
        file.open(QIODevice::WriteOnly);
        file.write(BriefingPdf::html(store, id, ids, chartPng)->toUtf8());
        return path;
    };
    const QString oneHtml = writeHtml({all.last()}, QStringLiteral("one.html"));
    const QString allHtml = writeHtml(all, QStringLiteral("all.html"));
    const QString profile = dir.filePath(QStringLiteral("lo-profile"));
    const QString loOut = dir.filePath(QStringLiteral("lo"));
    libreOffice(soffice, profile, oneHtml, loOut); // warm-up: LibreOffice's first start
    const double loOneMs =
        medianMs(3, [&] { return libreOffice(soffice, profile, oneHtml, loOut); });
    const double loAllMs =
        medianMs(3, [&] { return libreOffice(soffice, profile, allHtml, loOut); });
    out() << "libreoffice headless, typical briefing: " << loOneMs << " ms (median of 3)"
          << Qt::endl;
    out() << "libreoffice headless, 50 briefings: " << loAllMs << " ms (median of 3)" << Qt::endl;
    out() << "ratio, typical briefing: " << loOneMs / oneMs << "x (target >= 20x)" << Qt::endl;
    out() << "ratio, 50 briefings: " << loAllMs / allMs << "x (target >= 20x)" << Qt::endl;
    return 0;
}
