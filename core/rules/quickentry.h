#pragma once

#include "domain/logentry.h"

#include <QString>

struct QuickEntry
{
    LogKind kind = LogKind::Observation;
    QString text;
};

// Reads one line typed into the quick-entry box. A leading prefix picks the kind:
// "obs:" / "o:", "hyp:" / "h:", "act:" / "a:", "res:" / "r:", "q:" / "?", "ask:",
// or a kind's full name followed by a colon. Without one, the line is of defaultKind.
QuickEntry parseQuickEntry(const QString &line, LogKind defaultKind = LogKind::Observation);

// The prefixes, for the hint under the box.
QString quickEntryHelp();
