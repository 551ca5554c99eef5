#pragma once

#include "domain/result.h"
#include "export/briefingpdf.h"

#include <QDateTime>
#include <QString>

#include <functional>

class IncidentStore;

// A document of the incident that exports as Markdown (ready to paste into an e-mail) or as a
// PDF, by the file's extension. Read on the store's thread; a PDF is drawn on the application's
// thread, where fonts and charts live. The window and the command line export the same way.
struct ExportableDocument
{
    QString title;
    QString markdown;
    std::function<Outcome(const QString &path, const BriefingPdf::Options &options)> writePdf;

    // ".md" writes Markdown; anything else a PDF.
    Outcome write(const QString &path, const BriefingPdf::Options &options) const;
    static bool isMarkdownPath(const QString &path);

    // The customer's resolution report; refused when the incident was never resolved.
    static Result<ExportableDocument> resolutionReport(const IncidentStore &store,
                                                       qint64 incidentId);
    // The team's debrief; refused before the incident is resolved.
    static Result<ExportableDocument> debrief(const IncidentStore &store, qint64 incidentId,
                                              const QDateTime &now);
};
