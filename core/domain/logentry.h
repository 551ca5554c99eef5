#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

// What an entry in the technical channel is: the kinds keep observations apart from guesses.
// Answer closes a question; Event is written by the app when the state of the incident
// changes (a deadline committed, met or missed, a handover, a status change...).
enum class LogKind
{
    Observation,
    Hypothesis,
    Action,
    Result,
    Question,
    Ask,
    Answer,
    Event
};

QString logKindName(LogKind kind);
std::optional<LogKind> parseLogKind(QStringView text);
const QList<LogKind> &allLogKinds();
QStringList logKindNames();

struct LogEntry
{
    qint64 id = 0;
    qint64 incidentId = 0;
    qint64 seq = 0; // 1, 2, 3... within the incident, with no gaps
    QDateTime at;
    QString author;
    LogKind kind = LogKind::Observation;
    QString text;
    qint64 correctsId = 0;    // the entry this one corrects, 0 when none
    qint64 correctedById = 0; // the newest entry that corrects this one, 0 when none (as read)
    QString addressee;        // whom a question is put to; empty means the team
    qint64 answersId = 0;     // the question this entry answers
    qint64 commitmentId = 0;  // the commitment an event entry records
    QString event;            // what an event entry records, e.g. "missed"; see LogEvent
    // The database role that wrote it, set by a shared war room's server; empty on a desktop's
    // own file. The author above is the name given with the entry.
    QString signedInAs;
    bool byScript = false; // posted by a script's command, not typed by a person
};

// The events the app records in the log, as stored in log_entries.event.
namespace LogEvent {
inline const QString Committed = QStringLiteral("committed");
inline const QString Met = QStringLiteral("met");
inline const QString Missed = QStringLiteral("missed");
inline const QString Superseded = QStringLiteral("superseded");
inline const QString TimeboxSet = QStringLiteral("timebox");
inline const QString TheoryConfirmed = QStringLiteral("confirmed");
inline const QString TheoryDropped = QStringLiteral("dropped");
inline const QString Handover = QStringLiteral("handover");
inline const QString Framed = QStringLiteral("framed");
inline const QString ProblemStated = QStringLiteral("problem-stated");
inline const QString ProblemConfirmed = QStringLiteral("problem-confirmed");
inline const QString AskSent = QStringLiteral("ask-sent");
inline const QString AskAnswered = QStringLiteral("ask-answered");
inline const QString StatusChanged = QStringLiteral("status");
inline const QString NoticeSent = QStringLiteral("notice-sent");
inline const QString ImpactAssessed = QStringLiteral("impact");
inline const QString SeverityChanged = QStringLiteral("severity");
inline const QString OptionAdded = QStringLiteral("option");
inline const QString OptionChosen = QStringLiteral("option-chosen");
inline const QString ResolutionReported = QStringLiteral("resolution-report");
inline const QString ActionAdded = QStringLiteral("action");
inline const QString ActionDone = QStringLiteral("action-done");
inline const QString Debriefed = QStringLiteral("debrief");
inline const QString KnownProblemSeen = QStringLiteral("known-problem");
inline const QString CustomerZoneSet = QStringLiteral("customer-zone");
} // namespace LogEvent

struct NewLogEntry
{
    qint64 incidentId = 0;
    QString author;
    LogKind kind = LogKind::Observation;
    QString text;
    qint64 correctsId = 0;
    QString addressee = {};
    // A retrying script's idempotency key: a second post with the same key in the same
    // incident writes nothing and gets the first entry back.
    QString postKey = {};
    // When it was written, if before it reached the war room (kept offline in the Outbox);
    // never later than when it arrives.
    QDateTime writtenAt = {};
    // Posted by a script's command (`warroom log`): "people only" hides it.
    bool byScript = false;
};
