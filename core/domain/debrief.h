#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

// What the team learned, written after resolution. Each save is a new version; the latest is
// the debrief. Lessons are one per line, so each can become a known problem.
struct Debrief
{
    qint64 id = 0;
    qint64 incidentId = 0;
    QDateTime at;
    QString by;
    QString wentWell;
    QString wentBadly;
    QString customerFeedback;
    QString lessons;

    QStringList lessonList() const;
};

struct NewDebrief
{
    qint64 incidentId = 0;
    QString by;
    QString wentWell;
    QString wentBadly;
    QString customerFeedback;
    QString lessons;
};

// A record of the incident (a log entry, a briefing, a resolution report) marked as a moment
// that mattered, for the debrief's timeline. Unmarking is a later row saying so.
struct RecordRef
{
    QString table; // "log_entries", "briefings", "resolution_reports"
    qint64 id = 0;
    bool operator==(const RecordRef &other) const = default;
};

inline size_t qHash(const RecordRef &ref, size_t seed = 0)
{
    return qHashMulti(seed, ref.table, ref.id);
}
