#pragma once

#include "domain/actionitem.h"
#include "domain/resolutionreport.h"
#include "domain/result.h"

#include <QDateTime>
#include <QString>

// Work that remains may be planned further out than a war room's next steps, but not beyond a
// year: past that it is a typo or a wish, not a plan.
constexpr qint64 kActionHorizonDays = 366;

// Why an action item cannot be recorded (what, owner, due ahead of now and within the horizon).
Outcome checkActionItem(const NewActionItem &item, const QDateTime &now);

// A resolution report answers every question the customer asks at the end: the cause, what was
// done, what remains (or that nothing does), whether it is fully solved (partly needs what
// remains), and whether it can happen again.
Outcome checkResolutionReport(const NewResolutionReport &report, const QDateTime &now);

// Reads the due date of an action item: a date ("2026-12-15", end of that day, local time) or a
// due time as parseDueTime reads it.
Result<QDateTime> parseActionDue(const QString &text, const QDateTime &now);

// Reads one remaining item as typed on a command line: "WHAT; OWNER; DUE", the due as
// parseActionDue reads it.
Result<NewActionItem> parseActionItem(const QString &text, const QDateTime &now);
