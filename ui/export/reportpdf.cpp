#include "export/reportpdf.h"

#include "export/pdfpages.h"

#include <QTextDocument>

namespace ReportPdf {
Outcome write(const ResolutionDocument &document, const QString &path,
              const BriefingPdf::Options &options)
{
    PdfPages pdf(path, document.title(), BriefingPdf::pageSize(options.paper), options.generatedAt,
                 document.incident.customerZone());
    if (Outcome opened = pdf.open(); !opened)
        return opened;
    const auto text = pdf.layout(document.html());
    if (Outcome painting = pdf.startPainting(text->pageCount()); !painting)
        return painting;
    for (int p = 0; p < text->pageCount(); ++p) {
        pdf.drawTextPage(*text, p);
        pdf.finishPage();
    }
    return pdf.finish();
}
} // namespace ReportPdf
