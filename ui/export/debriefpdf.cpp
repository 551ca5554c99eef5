#include "export/debriefpdf.h"

#include "charts/chartrenderer.h"
#include "charts/impactcharts.h"
#include "export/pdfpages.h"
#include "rules/impacttimeline.h"

#include <QChart>
#include <QTextDocument>

#include <memory>

namespace {
constexpr qreal kChartAspect = 0.42;
constexpr qreal kGap = 12;
} // namespace

namespace DebriefPdf {
Outcome write(const DebriefDocument &document, const QString &path,
              const BriefingPdf::Options &options)
{
    PdfPages pdf(path, document.title(), BriefingPdf::pageSize(options.paper), options.generatedAt,
                 document.incident.customerZone());
    if (Outcome opened = pdf.open(); !opened)
        return opened;
    // The figures, then the chart under them (or atop the next page), then the rest.
    const auto head = pdf.layout(document.htmlBeforeChart());
    const auto rest = pdf.layout(document.htmlAfterChart());
    const qreal chartHeight = pdf.page().width() * kChartAspect;
    const qreal used = pdf.usedOnLastPage(*head);
    const bool chartOnNextPage = used + kGap + chartHeight > pdf.bodyHeight();
    const int headPages = head->pageCount() + (chartOnNextPage ? 1 : 0);
    if (Outcome painting = pdf.startPainting(headPages + rest->pageCount()); !painting)
        return painting;
    for (int p = 0; p < head->pageCount(); ++p) {
        pdf.drawTextPage(*head, p);
        if (p < head->pageCount() - 1 || chartOnNextPage)
            pdf.finishPage();
    }
    const QDateTime end = document.incident.resolvedAt.isValid() ? document.incident.resolvedAt
                                                                 : QDateTime::currentDateTimeUtc();
    std::unique_ptr<QChart> chart(ImpactCharts::commitmentsMetMissed(
        buildCommitmentTally(document.commitments, document.incident.openedAt, end)));
    const qreal chartTop = chartOnNextPage ? 0 : used + kGap;
    ChartRenderer::render(*chart, pdf.painter(),
                          QRectF(0, chartTop, pdf.page().width(), chartHeight));
    pdf.finishPage();
    for (int p = 0; p < rest->pageCount(); ++p) {
        pdf.drawTextPage(*rest, p);
        pdf.finishPage();
    }
    return pdf.finish();
}
} // namespace DebriefPdf
