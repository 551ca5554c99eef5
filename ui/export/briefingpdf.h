#pragma once

#include "domain/briefing.h"
#include "domain/commitment.h"
#include "domain/impact.h"
#include "domain/incident.h"
#include "domain/result.h"
#include "domain/statuschange.h"

#include <QDateTime>
#include <QList>
#include <QLocale>
#include <QPageSize>
#include <QString>

class IncidentStore;

// Writes briefings as a PDF for the customer's managers: business-channel content only (never
// the technical log), user text printed literally, the impact chart as vectors, page numbers and
// the generation time with its zone. Needs a QApplication (the chart is a graphics item), but no
// display: the command line runs it on the offscreen platform.
namespace BriefingPdf {
enum class Paper
{
    FromLocale,
    A4,
    Letter
};

struct Options
{
    Paper paper = Paper::FromLocale;
    QDateTime generatedAt; // now, when invalid
};

// Letter where the locale's country uses it (the Americas' Letter countries), A4 elsewhere.
QPageSize pageSize(Paper paper, const QLocale &locale = QLocale());
std::optional<Paper> parsePaper(QStringView text);
// The user's choice for exports from the window (Settings), FromLocale until set.
Paper savedPaper();
void savePaper(Paper paper);

// What an export reads from the store, once (on the store's thread, for the window).
struct Content
{
    Incident incident;
    QList<Briefing> briefings; // all of the incident's, for "#2 of 5" and corrections
    QList<Briefing> chosen;
    QList<ImpactAssessment> assessments;
    QList<StatusChange> statuses;
    QList<Commitment> commitments;
};
// briefingIds empty: the latest briefing.
Result<Content> read(const IncidentStore &store, qint64 incidentId,
                     const QList<qint64> &briefingIds);

// One briefing's page as the customer reads it (all: the incident's briefings, for "#2 of 5"
// and corrections); the composer's preview shows a draft this way before it is published.
QString pageHtml(const Incident &incident, const Briefing &briefing, const QList<Briefing> &all);

// The same briefings as one HTML page (for other tools, e.g. the benchmark's comparison),
// with an optional chart image file shown under each.
Result<QString> html(const IncidentStore &store, qint64 incidentId,
                     const QList<qint64> &briefingIds, const QString &chartImage = {});

// briefingIds empty: the latest briefing. Each briefing starts on a new page.
Outcome write(const IncidentStore &store, qint64 incidentId, const QList<qint64> &briefingIds,
              const QString &path, const Options &options = {});
Outcome write(const Content &content, const QString &path, const Options &options = {});
} // namespace BriefingPdf
