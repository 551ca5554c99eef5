#include "export/briefingpdf.h"

#include "charts/chartrenderer.h"
#include "charts/impactcharts.h"
#include "export/pdfpages.h"
#include "rules/impacttimeline.h"
#include "rules/severitycalibration.h"
#include "storage/incidentstore.h"
#include "usecases/documenttext.h"

#include <QChart>
#include <QGraphicsScene>
#include <QPainter>
#include <QSettings>
#include <QTextDocument>

#include <memory>
#include <vector>

namespace {
constexpr qreal kChartAspect = 0.5;

QString esc(const QString &text)
{
    return DocumentText::html(text);
}

// In the customer's zone: the customer reads it.
QString when(const QDateTime &time, const Incident &incident)
{
    return DocumentText::when(time, incident.customerZone());
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
    QString html = DocumentText::htmlStart();
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
                                         .arg(when(b.publishedAt, incident), b.author)));
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
                        .arg(esc(when(c.due, incident)), esc(c.what), esc(c.why));
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
    if (!b.options.isEmpty()) {
        html +=
            QStringLiteral("<h3>%1</h3><ul>").arg(QObject::tr("Options for you to choose from"));
        for (const ListedOption &o : b.options) {
            html += QStringLiteral("<li><b>%1</b>").arg(esc(o.title));
            if (o.chosen)
                html +=
                    QStringLiteral(" (%1)").arg(esc(QObject::tr("chosen: %1").arg(o.chosenWhy)));
            html += QStringLiteral("<br><span class='label'>%1</span></li>")
                        .arg(esc(QObject::tr("For: %1. Against: %2.").arg(o.pros, o.cons)));
        }
        html += QStringLiteral("</ul>");
    }
    html += QStringLiteral("<h3>%1</h3><p><b>%2</b><br>%3</p>")
                .arg(QObject::tr("Next update"), esc(when(b.nextUpdateAt, incident)),
                     esc(QObject::tr("Why then: %1").arg(b.nextUpdateWhy)));
    html += QStringLiteral("</body></html>");
    return html;
}

} // namespace

namespace BriefingPdf {
QString pageHtml(const Incident &incident, const Briefing &briefing, const QList<Briefing> &all)
{
    return briefingHtml(incident, briefing, all);
}

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
    PdfPages pdf(path, QObject::tr("%1: briefing").arg(incident->title), pageSize(options.paper),
                 options.generatedAt, incident->customerZone());
    if (Outcome opened = pdf.open(); !opened)
        return opened;
    const QSizeF page = pdf.page();
    const qreal bodyHeight = pdf.bodyHeight();
    const qreal chartHeight = page.width() * kChartAspect;

    // First pass: lay everything out, so the footer can say "page x of y".
    std::vector<LaidOut> laidOut; // move-only: QList would copy
    int totalPages = 0;
    for (const Briefing &b : std::as_const(data.chosen)) {
        LaidOut l;
        l.document = pdf.layout(briefingHtml(*incident, b, data.briefings));
        l.textPages = l.document->pageCount();
        QList<ImpactAssessment> known;
        for (const ImpactAssessment &a : data.assessments) {
            if (a.at <= b.publishedAt)
                known.append(a);
        }
        if (!known.isEmpty()) {
            l.timeline = buildImpactTimeline(known, data.statuses, data.commitments,
                                             incident->openedAt, b.publishedAt);
            const qreal used = pdf.usedOnLastPage(*l.document);
            // A somewhat smaller chart under the text reads better than a page of its own.
            const qreal room = bodyHeight - used - 16;
            l.chartOnOwnPage = room < chartHeight * 0.6;
            l.chartTop = l.chartOnOwnPage ? 0 : used + 16;
            l.chartHeight = l.chartOnOwnPage ? chartHeight : std::min(room, chartHeight);
        }
        totalPages += l.pages();
        laidOut.push_back(std::move(l));
    }

    if (Outcome painting = pdf.startPainting(totalPages); !painting)
        return painting;
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
        ChartRenderer::renderPlaced(scene, *chart, pdf.painter(), target);
    };
    for (LaidOut &l : laidOut) {
        for (int p = 0; p < l.textPages; ++p) {
            pdf.drawTextPage(*l.document, p);
            const bool last = p == l.textPages - 1;
            if (last && l.timeline && !l.chartOnOwnPage)
                drawChart(*l.timeline, QRectF(0, l.chartTop, page.width(), l.chartHeight));
            pdf.finishPage();
        }
        if (l.timeline && l.chartOnOwnPage) {
            drawChart(*l.timeline, QRectF(0, 0, page.width(), chartHeight));
            pdf.finishPage();
        }
    }
    return pdf.finish();
}
} // namespace BriefingPdf
