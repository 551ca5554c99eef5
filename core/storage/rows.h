#pragma once

#include "domain/actionitem.h"
#include "domain/briefing.h"
#include "domain/commitment.h"
#include "domain/customerask.h"
#include "domain/debrief.h"
#include "domain/impact.h"
#include "domain/incident.h"
#include "domain/knownproblem.h"
#include "domain/logentry.h"
#include "domain/people.h"
#include "domain/resolutionreport.h"
#include "domain/severitychange.h"
#include "domain/solutionoption.h"
#include "domain/statuschange.h"

#include <QDateTime>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

// How domain values are written to and read from rows. Times are stored as UTC milliseconds
// since the epoch: one integer type that SQLite and PostgreSQL order and compare alike.
namespace Rows {
QVariant time(const QDateTime &time);
QDateTime time(const QVariant &value);
QVariant optionalId(qint64 id);
// "?, ?, ?": one bound value each, for IN (...) and VALUES (...).
QString placeholders(qsizetype count);

// Each *Columns string lists the columns its reader expects, in order.
extern const QString incidentColumns;
Incident incident(const QSqlQuery &q);

extern const QString logColumns;
LogEntry logEntry(const QSqlQuery &q);
// The columns a new log entry is written with, in the order its values are bound.
extern const QString logInsertColumns;
// Whether a script posted the entry, as SQL: said so (by_script), or a retrying script's keyed
// post (also before schema 15 said so). LogEntry::byScript is read the same way.
extern const QString logByScript;

extern const QString commitmentColumns; // from "commitments c LEFT JOIN commitment_outcomes o"
Commitment commitment(const QSqlQuery &q);

extern const QString briefingColumns;
Briefing briefing(const QSqlQuery &q);
QString commitmentsJson(const QList<PromisedCommitment> &commitments);
QString asksJson(const QList<ListedAsk> &asks);
QString optionsJson(const QList<ListedOption> &options);

extern const QString handoverColumns;
Handover handover(const QSqlQuery &q);

extern const QString framingColumns;
Framing framing(const QSqlQuery &q);

extern const QString
    problemColumns; // from "problem_statements s LEFT JOIN problem_confirmations c"
ProblemStatement problem(const QSqlQuery &q);

extern const QString askColumns; // from customer_asks a with sent (s) and answered (r) events
CustomerAsk ask(const QSqlQuery &q);

extern const QString statusChangeColumns;
StatusChange statusChange(const QSqlQuery &q);

extern const QString noticeColumns; // from "notices n" and noticeJoins
extern const QString noticeJoins;   // after "FROM notices n"
Notice notice(const QSqlQuery &q);

extern const QString impactColumns;
ImpactAssessment impact(const QSqlQuery &q);
// Functions and regions as the JSON text stored in their columns.
QString functionsJson(const QList<AffectedFunction> &functions);
QString regionsJson(const QStringList &regions);

extern const QString severityChangeColumns;
SeverityChange severityChange(const QSqlQuery &q);

// After the crisis (rows_aftermath.cpp).
extern const QString optionColumns; // from "solution_options o LEFT JOIN option_choices c"
SolutionOption option(const QSqlQuery &q);

extern const QString reportColumns; // the report alone; its remains are action items
ResolutionReport report(const QSqlQuery &q);

extern const QString actionColumns; // from "action_items a LEFT JOIN action_items_done d"
ActionItem action(const QSqlQuery &q);

extern const QString debriefColumns;
Debrief debrief(const QSqlQuery &q);

extern const QString knownProblemColumns; // from "known_problems k" with its latest update "u"
KnownProblem knownProblem(const QSqlQuery &q);

extern const QString sightingColumns;
KnownProblemSighting sighting(const QSqlQuery &q);
} // namespace Rows
