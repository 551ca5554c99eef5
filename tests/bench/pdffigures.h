#pragma once

#include <QString>

// Issue 13's briefing PDF figures: `warroom export-briefing`, the whole process, for 1, 50 and
// 200 briefings, beside LibreOffice headless and wkhtmltopdf turning the same content (the
// briefings as HTML, the chart as an image made beforehand) into a PDF. A tool that is not
// installed is named and its lines skipped.
namespace PdfFigures {
// dir: where the war room and the PDFs are written; warroom: the command.
void run(const QString &dir, const QString &warroom);
} // namespace PdfFigures
