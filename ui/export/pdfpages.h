#pragma once

#include "domain/result.h"

#include <QDateTime>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QString>
#include <QTimeZone>

#include <memory>

class QTextDocument;

// A PDF for people outside the war room, drawn page by page: laid out at 96 dpi as on screen,
// with "Page x of y" and the generation time with its zone in every footer, and written through
// QSaveFile, so a failure leaves any earlier file untouched. Lay everything out first (so the
// total is known), then paint, finishing each page.
class PdfPages
{
public:
    // The footer says when it was generated in the zone its reader reads times in.
    PdfPages(const QString &path, const QString &title, const QPageSize &pageSize,
             const QDateTime &generatedAt, const QTimeZone &zone);
    ~PdfPages();

    // Refuses a path that would overwrite a war room, and opens the file.
    Outcome open();
    QSizeF page() const { return m_page; }
    qreal bodyHeight() const; // the page above the footer

    // A text document laid out to the body's width and height, in the documents' font.
    std::unique_ptr<QTextDocument> layout(const QString &html) const;
    // Where the text of a laid-out document ends on its last page.
    qreal usedOnLastPage(const QTextDocument &document) const;

    Outcome startPainting(int totalPages);
    QPainter &painter() { return m_painter; }
    // Draws the document's page `index` with its top at `top` on the current page.
    void drawTextPage(QTextDocument &document, int index, qreal top = 0);
    // The footer; then a new page unless this was the last.
    void finishPage();
    Outcome finish();

private:
    QString m_path;
    QSaveFile m_file;
    std::unique_ptr<QPdfWriter> m_writer;
    QPainter m_painter;
    QString m_title;
    QPageSize m_pageSize;
    QDateTime m_generatedAt;
    QTimeZone m_zone;
    QSizeF m_page;
    int m_totalPages = 0;
    int m_pageNumber = 0;
};
