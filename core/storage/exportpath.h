#pragma once

#include "domain/result.h"

#include <QString>

// Whether an export may write to path. A Warroom database, its write-ahead log, journal,
// shared-memory or lock file is refused (an export must never replace the war room), and so is
// a folder. Anything else may be replaced: the caller writes through QSaveFile, so the old file
// stays whole until the new one is complete.
Outcome checkExportPath(const QString &path);

// Writes a text export (Markdown) through QSaveFile after checkExportPath: a refused or failed
// write leaves any earlier file there unchanged.
Outcome writeTextExport(const QString &path, const QString &text);
