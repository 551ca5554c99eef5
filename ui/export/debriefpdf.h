#pragma once

#include "domain/result.h"
#include "export/briefingpdf.h"
#include "usecases/debriefdocument.h"

// The debrief as a PDF for the team: the figures, the deadlines met and missed over the
// incident's life as a chart, the sections, the action items and the timeline.
namespace DebriefPdf {
Outcome write(const DebriefDocument &document, const QString &path,
              const BriefingPdf::Options &options = {});
} // namespace DebriefPdf
