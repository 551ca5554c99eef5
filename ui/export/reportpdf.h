#pragma once

#include "domain/result.h"
#include "export/briefingpdf.h"
#include "usecases/resolutiondocument.h"

// The resolution report as a PDF for the customer, in the briefings' look.
namespace ReportPdf {
Outcome write(const ResolutionDocument &document, const QString &path,
              const BriefingPdf::Options &options = {});
} // namespace ReportPdf
