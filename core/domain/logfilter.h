#pragma once

#include "domain/logentry.h"

#include <QDateTime>
#include <QList>
#include <QString>

// Which of an incident's log entries a reader wants to see: a burst of monitor alerts must not
// bury a person's hypothesis. Every condition narrows; an empty filter shows everything.
struct LogFilter
{
    QList<LogKind> kinds;    // none: every kind
    QString author;          // empty: everyone
    bool peopleOnly = false; // hides what scripts posted (`warroom log` and keyed posts)
    bool pinnedOnly = false; // only the entries pinned as key moments

    bool isEmpty() const
    {
        return kinds.isEmpty() && author.isEmpty() && !peopleOnly && !pinnedOnly;
    }
    bool operator==(const LogFilter &other) const = default;
    // In words, for the line that says what is hidden: "hypotheses by Alice, people only".
    QString describe() const;
};

// An entry that a later one corrects: a view strikes it through, wherever the correction is.
struct LogCorrection
{
    qint64 correctedId = 0;
    qint64 correctionId = 0;
};

// The entries of an incident a filter lets through, by seq, up to the newest entry that was
// looked at (so that the next look starts after it, not after the last match).
struct LogMatches
{
    QList<qint64> seqs;
    qint64 throughSeq = 0;
};

// An entry found by its time: where a view goes when asked for a moment of the incident.
struct LogMoment
{
    qint64 seq = 0;
    QDateTime at;
};
