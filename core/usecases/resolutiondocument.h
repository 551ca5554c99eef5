#pragma once

#include "domain/incident.h"
#include "domain/resolutionreport.h"
#include "domain/result.h"
#include "domain/solutionoption.h"

#include <QList>
#include <QString>

class IncidentStore;

// The resolution report as the customer reads it: the answers, the work that remains with
// owners and dates, and the options that were weighed. Business content only: nothing from the
// technical log.
struct ResolutionDocument
{
    Incident incident;
    ResolutionReport report;
    QList<SolutionOption> options;

    // Refused when the incident was never resolved.
    static Result<ResolutionDocument> load(const IncidentStore &store, qint64 incidentId);
    // Ready to paste into an e-mail.
    QString markdown() const;
    // For the PDF, in the briefings' look.
    QString html() const;
    QString title() const;
};
