#include "usecases/resolutiondocument.h"

#include "storage/incidentstore.h"
#include "usecases/documenttext.h"

namespace {
QString fullySolvedAnswer(const ResolutionReport &report)
{
    return report.fullySolved
               ? QStringLiteral("Yes.")
               : QStringLiteral("Partly. What remains is listed under \"What else still needs "
                                "to be done\".");
}

QString optionLine(const SolutionOption &option)
{
    return QStringLiteral("For: %1. Against: %2.").arg(option.pros, option.cons);
}
} // namespace

Result<ResolutionDocument> ResolutionDocument::load(const IncidentStore &store, qint64 incidentId)
{
    const auto incident = store.incident(incidentId);
    const auto report = store.resolutionReport(incidentId);
    const auto options = store.options(incidentId);
    if (!incident || !report || !options)
        return Failure{incident.error() + report.error() + options.error()};
    if (!report->has_value())
        return Failure{QStringLiteral("Incident %1 has no resolution report: it was never "
                                      "resolved.")
                           .arg(incidentId)};
    return ResolutionDocument{*incident, **report, *options};
}

QString ResolutionDocument::title() const
{
    return QStringLiteral("Resolution report: %1").arg(incident.title);
}

QString ResolutionDocument::markdown() const
{
    using DocumentText::markdown;
    QStringList md;
    md << QStringLiteral("# Resolution report: %1").arg(markdown(incident.title)) << QString();
    md << QStringLiteral("**Customer:** %1  ").arg(markdown(incident.customer));
    md << QStringLiteral("**Incident:** #%1  ").arg(incident.id);
    md << QStringLiteral("**Resolved:** %1 by %2  ")
              .arg(DocumentText::when(report.at, incident.customerZone()), markdown(report.by));
    if (const QString contact = incident.customerContact(); !contact.isEmpty())
        md << QStringLiteral("**Your contact:** %1  ").arg(markdown(contact));
    md << QString();
    auto section = [&](const QString &heading, const QString &body) {
        md << QStringLiteral("## %1").arg(heading) << QString() << body << QString();
    };
    section(QStringLiteral("What caused the problem"), markdown(report.cause));
    section(QStringLiteral("What we did to solve it"), markdown(report.done));
    section(QStringLiteral("Is it fully solved now?"), fullySolvedAnswer(report));
    QStringList remains;
    if (report.remains.isEmpty()) {
        remains << QStringLiteral("Nothing remains to be done.");
    } else {
        for (const ActionItem &item : report.remains)
            remains << QStringLiteral("- %1 (owner: %2; due %3)")
                           .arg(markdown(item.what), markdown(item.owner),
                                DocumentText::when(item.due, incident.customerZone()));
    }
    section(QStringLiteral("What else still needs to be done"), remains.join(u'\n'));
    section(QStringLiteral("Can it happen again?"), markdown(report.recurrence));
    if (!options.isEmpty()) {
        QStringList list;
        for (const SolutionOption &option : options) {
            QString line = QStringLiteral("- **%1**").arg(markdown(option.title));
            if (option.isChosen())
                line += QStringLiteral(" (chosen: %1)").arg(markdown(option.chosenWhy));
            list << line + QStringLiteral("  \n  ") + markdown(optionLine(option));
        }
        section(QStringLiteral("The options we weighed"), list.join(u'\n'));
    }
    return md.join(u'\n');
}

QString ResolutionDocument::html() const
{
    using DocumentText::html;
    QString page = DocumentText::htmlStart();
    page += QStringLiteral("<h1>%1</h1>")
                .arg(html(incident.customer + QStringLiteral(": ") + incident.title));
    page += QStringLiteral("<table class='meta' width='100%' cellspacing='0'>");
    auto row = [&](const QString &label, const QString &value) {
        page += QStringLiteral("<tr><td class='label' width='28%'>%1</td><td>%2</td></tr>")
                    .arg(html(label), html(value));
    };
    row(QStringLiteral("Customer"), incident.customer);
    row(QStringLiteral("Incident"), QStringLiteral("#%1 %2").arg(incident.id).arg(incident.title));
    row(QStringLiteral("Resolved"),
        QStringLiteral("%1 by %2")
            .arg(DocumentText::when(report.at, incident.customerZone()), report.by));
    if (const QString contact = incident.customerContact(); !contact.isEmpty())
        row(QStringLiteral("Your contact"), contact);
    page += QStringLiteral("</table><h2>Resolution report</h2>");
    auto section = [&](const QString &heading, const QString &bodyHtml) {
        page += QStringLiteral("<h3>%1</h3>%2").arg(html(heading), bodyHtml);
    };
    auto paragraph = [](const QString &text) {
        return QStringLiteral("<p>%1</p>").arg(html(text));
    };
    section(QStringLiteral("What caused the problem"), paragraph(report.cause));
    section(QStringLiteral("What we did to solve it"), paragraph(report.done));
    section(QStringLiteral("Is it fully solved now?"), paragraph(fullySolvedAnswer(report)));
    if (report.remains.isEmpty()) {
        section(QStringLiteral("What else still needs to be done"),
                paragraph(QStringLiteral("Nothing remains to be done.")));
    } else {
        QString table = QStringLiteral("<table width='100%' cellspacing='0'><tr><th>What</th>"
                                       "<th>Owner</th><th>Due</th></tr>");
        for (const ActionItem &item : report.remains)
            table += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                         .arg(html(item.what), html(item.owner),
                              html(DocumentText::when(item.due, incident.customerZone())));
        section(QStringLiteral("What else still needs to be done"),
                table + QStringLiteral("</table>"));
    }
    section(QStringLiteral("Can it happen again?"), paragraph(report.recurrence));
    if (!options.isEmpty()) {
        QString list = QStringLiteral("<ul>");
        for (const SolutionOption &option : options) {
            list += QStringLiteral("<li><b>%1</b>").arg(html(option.title));
            if (option.isChosen())
                list += QStringLiteral(" (chosen: %1)").arg(html(option.chosenWhy));
            list += QStringLiteral("<br>%1</li>").arg(html(optionLine(option)));
        }
        section(QStringLiteral("The options we weighed"), list + QStringLiteral("</ul>"));
    }
    return page + QStringLiteral("</body></html>");
}
