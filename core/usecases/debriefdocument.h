#pragma once

#include "domain/actionitem.h"
#include "domain/debrief.h"
#include "domain/incident.h"
#include "domain/resolutionreport.h"
#include "domain/result.h"
#include "rules/debrieffigures.h"
#include "usecases/incidenttimeline.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

class IncidentStore;

// Reads what the debrief's figures are computed from.
Result<DebriefRecord> loadDebriefRecord(const IncidentStore &store, qint64 incidentId);

// The team's debrief as one document: the figures, the sections, the action items (the
// resolution report's included) and the timeline of both channels.
struct DebriefDocument
{
    Incident incident;
    std::optional<Debrief> debrief; // not written yet, while empty
    std::optional<ResolutionReport> report;
    DebriefFigures figures;
    QList<ActionItem> actions;
    QList<TimelineItem> timeline;  // every item; exports keep belongsInExport() ones
    QList<Commitment> commitments; // for the met/missed chart

    static Result<DebriefDocument> load(const IncidentStore &store, qint64 incidentId,
                                        const QDateTime &now);
    QString title() const;
    QString markdown() const;
    // For the PDF; the met/missed chart is drawn where the page says "chart".
    QString htmlBeforeChart() const;
    QString htmlAfterChart() const;
    QJsonObject json() const; // the figures, for `warroom debrief --json`
};
