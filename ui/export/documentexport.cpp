#include "export/documentexport.h"

#include "dialogs/modalhook.h"
#include "livewarroom.h"

#include <QObject>
#include <QRegularExpression>

namespace DocumentExport {
void run(QWidget *parent, const LiveWarRoom &live, const QString &title, const QString &what,
         std::function<Result<ExportableDocument>(IncidentStore &store)> read,
         std::function<void(const QString &path)> written)
{
    const Incident &incident = live.incident().incident;
    QString suggested = QStringLiteral("%1 - %2 - %3").arg(incident.customer, incident.title, what);
    suggested.replace(QRegularExpression(QStringLiteral("[^\\w .-]+")), QStringLiteral("_"));
    QString path =
        ModalHook::saveFileName(parent, title, suggested.left(100) + QStringLiteral(".pdf"),
                                QObject::tr("PDF (*.pdf);;Markdown for an e-mail (*.md)"));
    if (path.isEmpty())
        return;
    if (!ExportableDocument::isMarkdownPath(path) &&
        !path.endsWith(QStringLiteral(".pdf"), Qt::CaseInsensitive))
        path += QStringLiteral(".pdf");
    BriefingPdf::Options options;
    options.paper = BriefingPdf::savedPaper();
    const auto report = [parent, title](const Outcome &outcome) {
        if (!outcome)
            ModalHook::showError(parent, title, outcome.error());
    };
    live.store().run(&live, std::move(read),
                     [report, path, options, written](const Result<ExportableDocument> &document) {
                         if (!document)
                             return report(document.failure());
                         const Outcome outcome = document->write(path, options);
                         report(outcome);
                         if (outcome && written)
                             written(path);
                     });
}
} // namespace DocumentExport
