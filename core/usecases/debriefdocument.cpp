#include "usecases/debriefdocument.h"

#include "domain/zonedtime.h"

#include "storage/incidentstore.h"
#include "usecases/documenttext.h"

#include <QJsonArray>

namespace {
struct Section
{
    QString heading;
    QString body;
};

QList<Section> sections(const std::optional<Debrief> &debrief)
{
    const QString missing = QStringLiteral("(not written yet)");
    if (!debrief)
        return {{QStringLiteral("What went well"), missing},
                {QStringLiteral("What went badly"), missing},
                {QStringLiteral("The customer's feedback"), missing},
                {QStringLiteral("Lessons learned"), missing}};
    return {{QStringLiteral("What went well"), debrief->wentWell},
            {QStringLiteral("What went badly"), debrief->wentBadly},
            {QStringLiteral("The customer's feedback"), debrief->customerFeedback},
            {QStringLiteral("Lessons learned"), debrief->lessons}};
}

QString actionState(const ActionItem &item, const QTimeZone &zone)
{
    return item.isDone() ? QStringLiteral("done %1").arg(DocumentText::when(item.doneAt, zone))
                         : QStringLiteral("open");
}

QString sourceText(ActionSource source)
{
    return source == ActionSource::ResolutionReport ? QStringLiteral("resolution report")
                                                    : QStringLiteral("debrief");
}
} // namespace

Result<DebriefRecord> loadDebriefRecord(const IncidentStore &store, qint64 incidentId)
{
    const auto incident = store.incident(incidentId);
    const auto statuses = store.statusChanges(incidentId);
    const auto briefings = store.briefings(incidentId);
    const auto commitments = store.commitments(incidentId);
    const auto asks = store.customerAsks(incidentId);
    const auto handovers = store.handovers(incidentId);
    const auto severity = store.severityChanges(incidentId);
    const auto notices = store.notices(incidentId);
    const auto policy = store.policy();
    for (const QString &error :
         {incident.error(), statuses.error(), briefings.error(), commitments.error(), asks.error(),
          handovers.error(), severity.error(), notices.error(), policy.error()}) {
        if (!error.isEmpty())
            return Failure{error};
    }
    return DebriefRecord{*incident,  *statuses, *briefings, *commitments,   *asks,
                         *handovers, *severity, *notices,   policy->cadence};
}

Result<DebriefDocument> DebriefDocument::load(const IncidentStore &store, qint64 incidentId,
                                              const QDateTime &now)
{
    const auto record = loadDebriefRecord(store, incidentId);
    if (!record)
        return record.failure();
    const auto debrief = store.debrief(incidentId);
    const auto report = store.resolutionReport(incidentId);
    const auto actions = store.actionItems(incidentId);
    const auto timeline = loadTimeline(store, incidentId);
    if (!debrief || !report || !actions || !timeline)
        return Failure{debrief.error() + report.error() + actions.error() + timeline.error()};
    return DebriefDocument{record->incident,
                           *debrief,
                           *report,
                           computeDebriefFigures(*record, now),
                           *actions,
                           *timeline,
                           record->commitments};
}

QString DebriefDocument::title() const
{
    return QStringLiteral("Debrief: %1").arg(incident.title);
}

QString DebriefDocument::markdown() const
{
    using DocumentText::markdown;
    QStringList md;
    md << QStringLiteral("# Debrief: %1").arg(markdown(incident.title)) << QString();
    md << QStringLiteral("**Customer:** %1  ").arg(markdown(incident.customer));
    md << QStringLiteral("**Incident:** #%1, %2  ")
              .arg(incident.id)
              .arg(statusName(incident.status));
    md << QStringLiteral("**Opened:** %1  ")
              .arg(DocumentText::when(incident.openedAt, incident.customerZone()));
    if (incident.resolvedAt.isValid())
        md << QStringLiteral("**Resolved:** %1  ")
                  .arg(DocumentText::when(incident.resolvedAt, incident.customerZone()));
    md << QString() << QStringLiteral("## Figures") << QString();
    for (const QString &line : figures.lines())
        md << QStringLiteral("- %1").arg(line);
    md << QString();
    if (report)
        md << QStringLiteral("## Cause (from the resolution report)") << QString()
           << markdown(report->cause) << QString();
    for (const Section &section : sections(debrief))
        md << QStringLiteral("## %1").arg(section.heading) << QString() << markdown(section.body)
           << QString();
    md << QStringLiteral("## Action items") << QString();
    if (actions.isEmpty())
        md << QStringLiteral("None.");
    for (const ActionItem &item : actions)
        md << QStringLiteral("- %1 (owner: %2; due %3; %4; from the %5)")
                  .arg(markdown(item.what), markdown(item.owner),
                       DocumentText::when(item.due, incident.customerZone()),
                       actionState(item, incident.customerZone()), sourceText(item.source));
    md << QString() << QStringLiteral("## Timeline") << QString();
    md << QStringLiteral("Every recorded event and what the customer was told; of the team's own "
                         "entries, the key moments (marked ★).")
       << QString();
    for (const TimelineItem &item : timeline) {
        if (!item.belongsInExport())
            continue;
        md << QStringLiteral("- %1%2 · %3 · %4 (%5): %6")
                  .arg(item.key ? QStringLiteral("★ ") : QString(),
                       DocumentText::when(item.at, incident.customerZone()),
                       channelName(item.channel), item.kind, markdown(item.who),
                       markdown(item.text));
    }
    return md.join(u'\n');
}

QString DebriefDocument::htmlBeforeChart() const
{
    using DocumentText::html;
    QString page = DocumentText::htmlStart();
    page += QStringLiteral("<h1>%1</h1>").arg(html(title()));
    page += QStringLiteral("<table class='meta' width='100%' cellspacing='0'>");
    auto row = [&](const QString &label, const QString &value) {
        page += QStringLiteral("<tr><td class='label' width='28%'>%1</td><td>%2</td></tr>")
                    .arg(html(label), html(value));
    };
    row(QStringLiteral("Customer"), incident.customer);
    row(QStringLiteral("Incident"), QStringLiteral("#%1 %2, %3")
                                        .arg(incident.id)
                                        .arg(incident.title, statusName(incident.status)));
    row(QStringLiteral("Opened"), DocumentText::when(incident.openedAt, incident.customerZone()));
    if (incident.resolvedAt.isValid())
        row(QStringLiteral("Resolved"),
            DocumentText::when(incident.resolvedAt, incident.customerZone()));
    page += QStringLiteral("</table><h2>Figures</h2><ul>");
    for (const QString &line : figures.lines())
        page += QStringLiteral("<li>%1</li>").arg(html(line));
    return page + QStringLiteral("</ul>");
}

QString DebriefDocument::htmlAfterChart() const
{
    using DocumentText::html;
    QString page = DocumentText::htmlStart();
    if (report)
        page += QStringLiteral("<h3>Cause (from the resolution report)</h3><p>%1</p>")
                    .arg(html(report->cause));
    for (const Section &section : sections(debrief))
        page +=
            QStringLiteral("<h3>%1</h3><p>%2</p>").arg(html(section.heading), html(section.body));
    page += QStringLiteral("<h3>Action items</h3>");
    if (actions.isEmpty()) {
        page += QStringLiteral("<p>None.</p>");
    } else {
        page += QStringLiteral("<table width='100%' cellspacing='0'><tr><th>What</th><th>Owner</th>"
                               "<th>Due</th><th>State</th><th>From</th></tr>");
        for (const ActionItem &item : actions)
            page +=
                QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td>%5</td></tr>")
                    .arg(html(item.what), html(item.owner),
                         html(DocumentText::when(item.due, incident.customerZone())),
                         html(actionState(item, incident.customerZone())),
                         html(sourceText(item.source)));
        page += QStringLiteral("</table>");
    }
    page += QStringLiteral("<h2>Timeline</h2><p class='label'>Every recorded event and what the "
                           "customer was told; of the team's own entries, the key moments "
                           "(marked ★, in bold).</p>");
    page += QStringLiteral("<table width='100%' cellspacing='0'><tr><th>When (%1)</th>"
                           "<th>Channel</th><th>What</th><th>Who</th><th>Text</th></tr>")
                .arg(html(ZonedTime::zoneName(incident.openedAt, incident.customerZone())));
    for (const TimelineItem &item : timeline) {
        if (!item.belongsInExport())
            continue;
        const QString cls = item.key                        ? QStringLiteral(" class='key'")
                            : item.kind.contains(u"missed") ? QStringLiteral(" class='missed'")
                                                            : QString();
        page +=
            QStringLiteral(
                "<tr%1><td nowrap>%2%3</td><td>%4</td><td>%5</td><td>%6</td><td>%7</td></tr>")
                .arg(cls, item.key ? QStringLiteral("★ ") : QString(),
                     html(DocumentText::shortWhen(item.at, incident.customerZone())),
                     channelName(item.channel), html(item.kind), html(item.who), html(item.text));
    }
    return page + QStringLiteral("</table></body></html>");
}

QJsonObject DebriefDocument::json() const
{
    QJsonObject object = figures.toJson();
    object.insert(QStringLiteral("incident"), incident.id);
    object.insert(QStringLiteral("status"), statusName(incident.status));
    object.insert(QStringLiteral("debrief_written"), debrief.has_value());
    int open = 0;
    for (const ActionItem &item : actions)
        open += item.isDone() ? 0 : 1;
    object.insert(QStringLiteral("action_items"), int(actions.size()));
    object.insert(QStringLiteral("action_items_open"), open);
    return object;
}
