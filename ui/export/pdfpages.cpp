#include "export/pdfpages.h"

#include "storage/exportpath.h"
#include "usecases/documenttext.h"

#include <QAbstractTextDocumentLayout>
#include <QTextBlock>
#include <QTextDocument>

namespace {
constexpr qreal kLogicalDpi = 96; // lay out as on screen, then scale to the printer
constexpr qreal kFooterHeight = 28;
} // namespace

PdfPages::PdfPages(const QString &path, const QString &title, const QPageSize &pageSize,
                   const QDateTime &generatedAt, const QTimeZone &zone)
    : m_path(path), m_file(path), m_title(title), m_pageSize(pageSize),
      m_generatedAt(generatedAt.isValid() ? generatedAt : QDateTime::currentDateTimeUtc()),
      m_zone(zone)
{}

PdfPages::~PdfPages()
{
    if (m_painter.isActive())
        m_painter.end();
    // An unfinished file is never committed: QSaveFile drops it.
}

Outcome PdfPages::open()
{
    if (Outcome allowed = checkExportPath(m_path); !allowed)
        return allowed;
    if (!m_file.open(QIODevice::WriteOnly))
        return Failure{QObject::tr("Cannot write %1: %2").arg(m_path, m_file.errorString())};
    m_writer = std::make_unique<QPdfWriter>(&m_file);
    m_writer->setPageSize(m_pageSize);
    m_writer->setPageMargins(QMarginsF(18, 16, 18, 14), QPageLayout::Millimeter);
    m_writer->setResolution(300);
    m_writer->setTitle(m_title);
    m_writer->setCreator(QStringLiteral("Warroom"));
    const QRectF paint = m_writer->pageLayout().paintRect(QPageLayout::Inch);
    m_page = QSizeF(paint.width() * kLogicalDpi, paint.height() * kLogicalDpi);
    return done();
}

qreal PdfPages::bodyHeight() const
{
    return m_page.height() - kFooterHeight;
}

std::unique_ptr<QTextDocument> PdfPages::layout(const QString &html) const
{
    auto document = std::make_unique<QTextDocument>();
    // Page size and font before the text: a change after it would lay it out again.
    document->setDocumentMargin(0);
    document->setDefaultFont(QFont(QStringLiteral("DejaVu Sans"), 10));
    document->setPageSize(QSizeF(m_page.width(), bodyHeight()));
    document->setHtml(html);
    return document;
}

qreal PdfPages::usedOnLastPage(const QTextDocument &document) const
{
    // The bottom of the last block, not the document size: that is whole pages.
    const qreal bottom =
        document.documentLayout()->blockBoundingRect(document.lastBlock()).bottom();
    return bottom - (document.pageCount() - 1) * bodyHeight();
}

Outcome PdfPages::startPainting(int totalPages)
{
    m_totalPages = totalPages;
    if (!m_painter.begin(m_writer.get()))
        return Failure{
            QObject::tr("Cannot write %1: the folder may not exist or be writable.").arg(m_path)};
    m_painter.scale(m_writer->resolution() / kLogicalDpi, m_writer->resolution() / kLogicalDpi);
    return done();
}

void PdfPages::drawTextPage(QTextDocument &document, int index, qreal top)
{
    m_painter.save();
    m_painter.translate(0, top - index * bodyHeight());
    document.drawContents(&m_painter,
                          QRectF(0, index * bodyHeight(), m_page.width(), bodyHeight() - top));
    m_painter.restore();
}

void PdfPages::finishPage()
{
    ++m_pageNumber;
    m_painter.save();
    // Pixels of the 96-dpi layout: a point size would be taken at the printer's 300 dpi and
    // then scaled again.
    QFont small(QStringLiteral("DejaVu Sans"));
    small.setPixelSize(11);
    m_painter.setFont(small);
    m_painter.setPen(QColor(0x60, 0x7d, 0x8b));
    const QRectF footer(0, m_page.height() - kFooterHeight + 8, m_page.width(), kFooterHeight - 8);
    m_painter.drawLine(QPointF(0, footer.top() - 4), QPointF(m_page.width(), footer.top() - 4));
    m_painter.drawText(footer, Qt::AlignLeft | Qt::AlignVCenter,
                       QObject::tr("Page %1 of %2").arg(m_pageNumber).arg(m_totalPages));
    m_painter.drawText(footer, Qt::AlignRight | Qt::AlignVCenter,
                       QObject::tr("Generated %1").arg(DocumentText::when(m_generatedAt, m_zone)));
    m_painter.restore();
    if (m_pageNumber < m_totalPages)
        m_writer->newPage();
}

Outcome PdfPages::finish()
{
    if (!m_painter.end() || m_file.error() != QFileDevice::NoError || !m_file.commit())
        return Failure{QObject::tr("Cannot write %1: %2. Any earlier file there is unchanged.")
                           .arg(m_path, m_file.errorString())};
    return done();
}
