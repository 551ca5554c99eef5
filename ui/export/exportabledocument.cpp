#include "export/exportabledocument.h"

#include "export/debriefpdf.h"
#include "export/reportpdf.h"
#include "storage/exportpath.h"
#include "usecases/debriefdocument.h"
#include "usecases/resolutiondocument.h"

Outcome ExportableDocument::write(const QString &path, const BriefingPdf::Options &options) const
{
    return isMarkdownPath(path) ? writeTextExport(path, markdown) : writePdf(path, options);
}

bool ExportableDocument::isMarkdownPath(const QString &path)
{
    return path.endsWith(QStringLiteral(".md"), Qt::CaseInsensitive);
}

Result<ExportableDocument> ExportableDocument::resolutionReport(const IncidentStore &store,
                                                                qint64 incidentId)
{
    const auto document = ResolutionDocument::load(store, incidentId);
    if (!document)
        return document.failure();
    return ExportableDocument{
        document->title(), document->markdown(),
        [document = *document](const QString &path, const BriefingPdf::Options &options) {
            return ReportPdf::write(document, path, options);
        }};
}

Result<ExportableDocument> ExportableDocument::debrief(const IncidentStore &store,
                                                       qint64 incidentId, const QDateTime &now)
{
    const auto document = DebriefDocument::load(store, incidentId, now);
    if (!document)
        return document.failure();
    if (int(document->incident.status) < int(IncidentStatus::Resolved))
        return Failure{QStringLiteral("Incident %1 is %2: the debrief comes once it is resolved.")
                           .arg(incidentId)
                           .arg(statusName(document->incident.status))};
    return ExportableDocument{
        document->title(), document->markdown(),
        [document = *document](const QString &path, const BriefingPdf::Options &options) {
            return DebriefPdf::write(document, path, options);
        }};
}
