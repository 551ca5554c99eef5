#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

// What an entry in the technical channel is: the kinds keep observations apart from guesses.
enum class LogKind
{
    Observation,
    Hypothesis,
    Action,
    Result,
    Question,
    Ask
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
    qint64 correctsId = 0; // the entry this one corrects, 0 when none
};

struct NewLogEntry
{
    qint64 incidentId = 0;
    QString author;
    LogKind kind = LogKind::Observation;
    QString text;
    qint64 correctsId = 0;
};
