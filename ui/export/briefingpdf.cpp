#include "export/briefingpdf.h"

#include "charts/chartrenderer.h"
#include "charts/impactcharts.h"
#include "rules/impacttimeline.h"
#include "rules/severitycalibration.h"
#include "storage/exportpath.h"
#include "storage/incidentstore.h"

#include <QAbstractTextDocumentLayout>
#include <QChart>
#include <QGraphicsScene>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSettings>
#include <QTextBlock>
#include <QTextDocument>

#include <memory>
#include <vector>

namespace {
constexpr qreal kLogicalDpi = 96; // lay out as on screen, then scale to the printer
constexpr qreal kFooterHeight = 28;
constexpr qreal kChartAspect = 0.5;

QString esc(const QString &text)
{
    return text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
}

QString when(const QDateTime &time)
{
    return time.toLocalTime().toString(QStringLiteral("ddd d MMM yyyy, HH:mm t"));
}

QString section(const QString &heading, const QString &body)
{
    if (body.trimmed().isEmpty())
        return {};
    return QStringLiteral("<h3>%1</h3><p>%2</p>").arg(heading.toHtmlEscaped(), esc(body));
}

// One briefing, everything the customer's managers need and nothing from the technical log.
QString briefingHtml(const Incident &incident, const Briefing &b, const QList<Briefing> &all)
{
    // The state the customer was told when the briefing was published; a briefing from before
    // Warroom kept it shows today's, and never the internal reasoning behind a severity.
    const QString severity =
        b.publishedSeverity.isEmpty() ? severityName(incident.severity) : b.publishedSeverity;
    const QString status =
        b.publishedStatus.isEmpty() ? statusName(incident.status) : b.publishedStatus;
    const QString inCharge =
        !b.publishedInCharge.isEmpty() ? b.publishedInCharge
        : incident.inChargeName.isEmpty()
            ? QString()
            : incident.inChargeName + QStringLiteral(", ") + incident.inChargePhone;
    const QString contact =
        !b.publishedContact.isEmpty() ? b.publishedContact : incident.customerContact();
    QString html =
        QStringLiteral("<html><head><style>"
                       "body { font-family: 'DejaVu Sans'; font-size: 10pt; color: #1a1a1a; }"
                       "h1 { font-size: 17pt; margin: 0 0 4px 0; }"
                       "h2 { font-size: 13pt; margin: 10px 0 4px 0; }"
                       "h3 { font-size: 11pt; color: #37474f; margin: 12px 0 2px 0; }"
                       "p { margin: 0 0 4px 0; }"
                       "td, th { padding: 3px 6px; vertical-align: top; }"
                       "th { text-align: left; background-color: #eceff1; }"
                       ".meta td { border-bottom: 1px solid #cfd8dc; }"
                       ".label { color: #546e7a; }"
                       "</style></head><body>");
    html += QStringLiteral("<h1>%1</h1>")
                .arg(esc(incident.customer + QStringLiteral(": ") + incident.title));
    html += QStringLiteral("<table class='meta' width='100%' cellspacing='0'>");
    auto row = [&](const QString &label, const QString &value) {
        html += QStringLiteral("<tr><td class='label' width='28%'>%1</td><td>%2</td></tr>")
                    .arg(label.toHtmlEscaped(), value);
    };
    row(QObject::tr("Customer"), esc(incident.customer));
    row(QObject::tr("Incident"),
        esc(QStringLiteral("#%1 %2").arg(incident.id).arg(incident.title)));
    row(QObject::tr("Severity"), esc(severity));
    row(QObject::tr("Status"), esc(status));
    row(QObject::tr("Person in charge"),
        inCharge.isEmpty() ? QObject::tr("nobody named") : esc(inCharge));
    if (!contact.isEmpty() && contact != inCharge)
        row(QObject::tr("Your contact (business liaison)"), esc(contact));
    row(QObject::tr("Briefing"), esc(QObject::tr("#%1 of %2, published %3 by %4")
                                         .arg(b.seq)
                                         .arg(all.size())
                                         .arg(when(b.publishedAt), b.author)));
    html += QStringLiteral("</table>");

    if (b.correctsId > 0) {
        for (const Briefing &other : all) {
            if (other.id == b.correctsId)
                html +=
                    QStringLiteral("<p><b>%1</b></p>")
                        .arg(esc(
                            QObject::tr("This briefing corrects briefing #%1.").arg(other.seq)));
        }
    }
    html += QStringLiteral("<h2>%1</h2>").arg(esc(b.headline));
    html += section(QObject::tr("Customer impact"), b.impact);
    html += section(QObject::tr("What we are doing now"), b.doing);
    html += section(QObject::tr("What changed since the last briefing"), b.changed);

    html += QStringLiteral("<h3>%1</h3>").arg(QObject::tr("Our open commitments"));
    if (b.commitments.isEmpty()) {
        html +=
            QStringLiteral("<p>%1</p>").arg(QObject::tr("None open at the time of this briefing."));
    } else {
        html += QStringLiteral("<table width='100%' cellspacing='0'><tr><th>%1</th><th>%2</th>"
                               "<th>%3</th></tr>")
                    .arg(QObject::tr("Due"), QObject::tr("What"), QObject::tr("Why then"));
        for (const PromisedCommitment &c : b.commitments)
            html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                        .arg(esc(when(c.due)), esc(c.what), esc(c.why));
        html += QStringLiteral("</table>");
    }
    if (!b.asks.isEmpty()) {
        html += QStringLiteral("<h3>%1</h3><ul>").arg(QObject::tr("What we need from you"));
        for (const ListedAsk &a : b.asks)
            html +=
                QStringLiteral("<li>%1 <span class='label'>(%2)</span></li>")
                    .arg(esc(a.what), esc(QObject::tr("only you can: %1").arg(a.whyOnlyCustomer)));
        html += QStringLiteral("</ul>");
    }
    html += QStringLiteral("<h3>%1</h3><p><b>%2</b><br>%3</p>")
                .arg(QObject::tr("Next update"), esc(when(b.nextUpdateAt)),
                     esc(QObject::tr("Why then: %1").arg(b.nextUpdateWhy)));
    html += QStringLiteral("</body></html>");
    return html;
}

} // namespace

namespace BriefingPdf {
Result<Content> read(const IncidentStore &store, qint64 incidentId,
                     const QList<qint64> &briefingIds)
{
    const auto incident = store.incident(incidentId);
    const auto briefings = store.briefings(incidentId);
    const auto assessments = store.impactAssessments(incidentId);
    const auto statuses = store.statusChanges(incidentId);
    const auto commitments = store.commitments(incidentId);
    const QString error = incident.error() + briefings.error() + assessments.error() +
                          statuses.error() + commitments.error();
    if (!error.isEmpty())
        return Failure{error};
    if (briefings->isEmpty())
        return Failure{QObject::tr("Incident %1 has no briefing to export.").arg(incidentId)};
    Content data{*incident, *briefings, {}, *assessments, *statuses, *commitments};
    // Briefings published before timeboxes were kept out of them may still list one: a theory
    // is the technical channel's, never the customer's.
    for (Briefing &b : data.briefings) {
        b.commitments.removeIf([&](const PromisedCommitment &p) {
            return std::any_of(commitments->cbegin(), commitments->cend(),
                               [&](const Commitment &c) {
                                   return c.isTimebox() && c.what == p.what && c.due == p.due;
                               });
        });
    }
    if (briefingIds.isEmpty()) {
        data.chosen.append(data.briefings.constLast());
    } else {
        for (qint64 id : briefingIds) {
            const auto found = std::find_if(data.briefings.cbegin(), data.briefings.cend(),
                                            [id](const Briefing &b) { return b.id == id; });
            if (found == data.briefings.cend())
                return Failure{QObject::tr("Briefing %1 is not one of incident %2's.")
                                   .arg(id)
                                   .arg(incidentId)};
            data.chosen.append(*found);
        }
    }
    return data;
}

} // namespace BriefingPdf

namespace {

// A briefing laid out on pages, with its chart (if any) after the text.
struct LaidOut
{
    std::unique_ptr<QTextDocument> document;
    std::optional<ImpactTimeline> timeline; // the impact known when it was published
    int textPages = 0;
    qreal chartTop = 0; // on the last text page, or 0 on a page of its own
    qreal chartHeight = 0;
    bool chartOnOwnPage = false;
    int pages() const { return textPages + (timeline && chartOnOwnPage ? 1 : 0); }
};
} // namespace

namespace BriefingPdf {
QPageSize pageSize(Paper paper, const QLocale &locale)
{
    if (paper == Paper::A4)
        return QPageSize(QPageSize::A4);
    if (paper == Paper::Letter)
        return QPageSize(QPageSize::Letter);
    switch (locale.territory()) {
    case QLocale::UnitedStates:
    case QLocale::Canada:
    case QLocale::Mexico:
    case QLocale::Chile:
    case QLocale::Colombia:
    case QLocale::Venezuela:
    case QLocale::Philippines:
        return QPageSize(QPageSize::Letter);
    default:
        return QPageSize(QPageSize::A4);
    }
}

Paper savedPaper()
{
    return parsePaper(QSettings().value(QStringLiteral("export/paper")).toString())
        .value_or(Paper::FromLocale);
}

void savePaper(Paper paper)
{
    const QString name = paper == Paper::A4       ? QStringLiteral("a4")
                         : paper == Paper::Letter ? QStringLiteral("letter")
                                                  : QStringLiteral("auto");
    QSettings().setValue(QStringLiteral("export/paper"), name);
}

std::optional<Paper> parsePaper(QStringView text)
{
    if (text.compare(u"a4", Qt::CaseInsensitive) == 0)
        return Paper::A4;
    if (text.compare(u"letter", Qt::CaseInsensitive) == 0)
        return Paper::Letter;
    if (text.compare(u"auto", Qt::CaseInsensitive) == 0)
        return Paper::FromLocale;
    return std::nullopt;
}

Result<QString> html(const IncidentStore &store, qint64 incidentId,
                     const QList<qint64> &briefingIds, const QString &chartImage)
{
    const Result<Content> loaded = read(store, incidentId, briefingIds);
    if (!loaded)
        return loaded.failure();
    QString pages;
    for (const Briefing &b : loaded->chosen) {
        QString one = briefingHtml(loaded->incident, b, loaded->briefings);
        one = one.mid(one.indexOf(QStringLiteral("<body>")) + 6);
        one.chop(QStringLiteral("</body></html>").size());
        if (!chartImage.isEmpty())
            one +=
                QStringLiteral("<p><img src='%1' width='640'></p>").arg(chartImage.toHtmlEscaped());
        pages += QStringLiteral("<div style='page-break-after: always'>%1</div>").arg(one);
    }
    const QString page =
        briefingHtml(loaded->incident, loaded->chosen.constFirst(), loaded->briefings);
    return QString(page.left(page.indexOf(QStringLiteral("<body>")) + 6) + pages +
                   QStringLiteral("</body></html>"));
}

Outcome write(const IncidentStore &store, qint64 incidentId, const QList<qint64> &briefingIds,
              const QString &path, const Options &options)
{
    const Result<Content> content = read(store, incidentId, briefingIds);
    if (!content)
        return content.failure();
    return write(*content, path, options);
}

Outcome write(const Content &data, const QString &path, const Options &options)
{
    const Incident *incident = &data.incident;
    const QList<Briefing> &chosen = data.chosen;
    const QDateTime generated =
        options.generatedAt.isValid() ? options.generatedAt : QDateTime::currentDateTimeUtc();

    if (Outcome allowed = checkExportPath(path); !allowed)
        return allowed;
    // Written completely, then renamed over the old file: a failure leaves that untouched.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Failure{QObject::tr("Cannot write %1: %2").arg(path, file.errorString())};
    QPdfWriter writer(&file);
    writer.setPageSize(pageSize(options.paper));
    writer.setPageMargins(QMarginsF(18, 16, 18, 14), QPageLayout::Millimeter);
    writer.setResolution(300);
    writer.setTitle(QObject::tr("%1: briefing").arg(incident->title));
    writer.setCreator(QStringLiteral("Warroom"));
    const QRectF paint = writer.pageLayout().paintRect(QPageLayout::Inch);
    const QSizeF page(paint.width() * kLogicalDpi, paint.height() * kLogicalDpi);
    const qreal bodyHeight = page.height() - kFooterHeight;
    const qreal chartHeight = page.width() * kChartAspect;

    // First pass: lay everything out, so the footer can say "page x of y".
    std::vector<LaidOut> laidOut; // move-only: QList would copy
    int totalPages = 0;
    for (const Briefing &b : std::as_const(chosen)) {
        LaidOut l;
        l.document = std::make_unique<QTextDocument>();
        // Page size and font before the text: a change after it would lay it out again.
        l.document->setDocumentMargin(0);
        l.document->setDefaultFont(QFont(QStringLiteral("DejaVu Sans"), 10));
        l.document->setPageSize(QSizeF(page.width(), bodyHeight));
        l.document->setHtml(briefingHtml(*incident, b, data.briefings));
        l.textPages = l.document->pageCount();
        QList<ImpactAssessment> known;
        for (const ImpactAssessment &a : data.assessments) {
            if (a.at <= b.publishedAt)
                known.append(a);
        }
        if (!known.isEmpty()) {
            l.timeline = buildImpactTimeline(known, data.statuses, data.commitments,
                                             incident->openedAt, b.publishedAt);
            // The bottom of the last block, not the document size: that is whole pages.
            const qreal bottom =
                l.document->documentLayout()->blockBoundingRect(l.document->lastBlock()).bottom();
            const qreal used = bottom - (l.textPages - 1) * bodyHeight;
            // A somewhat smaller chart under the text reads better than a page of its own.
            const qreal room = bodyHeight - used - 16;
            l.chartOnOwnPage = room < chartHeight * 0.6;
            l.chartTop = l.chartOnOwnPage ? 0 : used + 16;
            l.chartHeight = l.chartOnOwnPage ? chartHeight : std::min(room, chartHeight);
        }
        totalPages += l.pages();
        laidOut.push_back(std::move(l));
    }

    QPainter painter;
    if (!painter.begin(&writer))
        return Failure{
            QObject::tr("Cannot write %1: the folder may not exist or be writable.").arg(path)};
    painter.scale(writer.resolution() / kLogicalDpi, writer.resolution() / kLogicalDpi);
    const QString footerRight =
        QObject::tr("Generated %1")
            .arg(generated.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm t")));
    int pageNumber = 0;
    auto finishPage = [&] {
        ++pageNumber;
        painter.save();
        // Pixels of the 96-dpi layout: a point size would be taken at the printer's 300 dpi
        // and then scaled again.
        QFont small(QStringLiteral("DejaVu Sans"));
        small.setPixelSize(11);
        painter.setFont(small);
        painter.setPen(QColor(0x60, 0x7d, 0x8b));
        const QRectF footer(0, page.height() - kFooterHeight + 8, page.width(), kFooterHeight - 8);
        painter.drawLine(QPointF(0, footer.top() - 4), QPointF(page.width(), footer.top() - 4));
        painter.drawText(footer, Qt::AlignLeft | Qt::AlignVCenter,
                         QObject::tr("Page %1 of %2").arg(pageNumber).arg(totalPages));
        painter.drawText(footer, Qt::AlignRight | Qt::AlignVCenter, footerRight);
        painter.restore();
        if (pageNumber < totalPages)
            writer.newPage();
    };
    // One chart serves every briefing in turn: a new chart per page costs far more.
    // Every page's chart uses the same scales, so pages compare at a glance.
    std::optional<ImpactCharts::ChartRange> shared;
    for (const LaidOut &l : laidOut) {
        if (l.timeline)
            shared = shared ? ImpactCharts::unite(*shared, ImpactCharts::rangeOf(*l.timeline))
                            : ImpactCharts::rangeOf(*l.timeline);
    }
    // The chart lives in one scene for the whole export (the scene owns it): laid out once.
    QGraphicsScene scene;
    QChart *chart = nullptr;
    auto drawChart = [&](const ImpactTimeline &timeline, const QRectF &target) {
        if (chart) {
            ImpactCharts::showTimeline(*chart, timeline, *shared);
        } else {
            chart = ImpactCharts::impactOverTime(timeline, *shared);
            scene.addItem(chart);
            chart->setGeometry(QRectF(0, 0, 900, 480));
        }
        ChartRenderer::renderPlaced(scene, *chart, painter, target);
    };
    for (LaidOut &l : laidOut) {
        for (int p = 0; p < l.textPages; ++p) {
            painter.save();
            painter.translate(0, -p * bodyHeight);
            l.document->drawContents(&painter, QRectF(0, p * bodyHeight, page.width(), bodyHeight));
            painter.restore();
            const bool last = p == l.textPages - 1;
            if (last && l.timeline && !l.chartOnOwnPage)
                drawChart(*l.timeline, QRectF(0, l.chartTop, page.width(), l.chartHeight));
            finishPage();
        }
        if (l.timeline && l.chartOnOwnPage) {
            drawChart(*l.timeline, QRectF(0, 0, page.width(), chartHeight));
            finishPage();
        }
    }
    if (!painter.end() || file.error() != QFileDevice::NoError)
        return Failure{QObject::tr("Cannot write %1: %2. Any earlier file there is unchanged.")
                           .arg(path, file.errorString())};
    if (!file.commit())
        return Failure{QObject::tr("Cannot write %1: %2. Any earlier file there is unchanged.")
                           .arg(path, file.errorString())};
    return done();
}
} // namespace BriefingPdf
