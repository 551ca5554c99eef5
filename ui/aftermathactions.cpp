#include "aftermathactions.h"

#include "dialogs/debriefdialog.h"
#include "dialogs/formdialog.h"
#include "dialogs/knownproblemsdialog.h"
#include "dialogs/modalhook.h"
#include "dialogs/resolutioncomposer.h"
#include "export/documentexport.h"
#include "export/exportabledocument.h"
#include "livewarroom.h"
#include "usecases/queuedwrite.h"
#include "windowaction.h"

#include <QAction>

AftermathActions::AftermathActions(LiveWarRoom &live, const Clock &clock, QWidget *dialogParent)
    : QObject(dialogParent), m_writer(live, dialogParent), m_live(live), m_clock(clock),
      m_dialogParent(dialogParent)
{
    m_resolve = makeWindowAction(this, tr("&Resolve…"), QStringLiteral("resolveAction"),
                                 [this] { resolve(); });
    m_exportReport =
        makeWindowAction(this, tr("Export resolution &report…"),
                         QStringLiteral("exportReportAction"), [this] { exportReport(); });
    m_debrief = makeWindowAction(this, tr("&Debrief…"), QStringLiteral("debriefAction"),
                                 [this] { debrief(); });
    m_close = makeWindowAction(this, tr("C&lose incident…"), QStringLiteral("closeIncidentAction"),
                               [this] { close(); });
    m_knownProblems = makeWindowAction(
        this, tr("&Known problems…"), QStringLiteral("knownProblemsAction"),
        [this] { knownProblems(); }, QKeySequence(tr("Ctrl+K")));
    connect(&m_live, &LiveWarRoom::incidentChanged, this, &AftermathActions::updateEnabled);
    updateEnabled();
}

void AftermathActions::updateEnabled()
{
    const bool shown = m_live.incidentId() > 0 && m_live.incidentLoaded();
    const IncidentStatus status = m_live.incident().incident.status;
    const bool resolved = shown && int(status) >= int(IncidentStatus::Resolved);
    m_resolve->setEnabled(shown && !resolved);
    m_exportReport->setEnabled(shown && m_live.incident().report.has_value());
    m_debrief->setEnabled(resolved);
    m_close->setEnabled(shown && status == IncidentStatus::Resolved);
}

void AftermathActions::resolve()
{
    const auto by = m_writer.who();
    if (!by)
        return;
    ResolutionComposer composer(m_live, m_clock, *by, m_dialogParent);
    ModalHook::exec(composer);
}

void AftermathActions::exportReport()
{
    DocumentExport::run(
        m_dialogParent, m_live, tr("Export resolution report"), tr("resolution report"),
        [incidentId = m_live.incidentId()](IncidentStore &store) {
            return ExportableDocument::resolutionReport(store, incidentId);
        },
        [this](const QString &path) { emit exported(path); });
}

void AftermathActions::debrief()
{
    DebriefDialog dialog(m_live, m_clock, m_dialogParent);
    ModalHook::exec(dialog);
}

void AftermathActions::close()
{
    const auto by = m_writer.who();
    if (!by)
        return;
    if (!m_live.incident().debrief) {
        ModalHook::showError(m_dialogParent, tr("Close incident"),
                             tr("Closing needs the debrief: what went well and badly, the "
                                "customer's feedback and the lessons (Incident > Debrief…)."));
        return;
    }
    FormDialog form(tr("Close the incident"),
                    tr("Closing ends the incident: the customer is told it is closed, and the "
                       "record stays as it is. Open action items stay tracked."),
                    m_dialogParent);
    form.addLine(QStringLiteral("doing"), tr("Closing &note:"), {},
                 tr("e.g. the customer confirmed the service is stable"));
    form.setSend(tr("Close incident"), [this, by](const FormDialog &f,
                                                  FormDialog::Answer answered) {
        const NewStatusChange change{
            m_live.incidentId(), *by,      IncidentStatus::Closed, f.text(QStringLiteral("doing")),
            QDateTime(),         QString()};
        m_writer.writeOrKeep(QueuedWrite::statusChange(change), answered);
    });
    ModalHook::exec(form);
}

void AftermathActions::knownProblems()
{
    KnownProblemsDialog dialog(m_live, m_dialogParent);
    ModalHook::exec(dialog);
}
