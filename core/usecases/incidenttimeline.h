#pragma once

#include "domain/debrief.h"
#include "domain/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

class IncidentStore;

// The incident's story from both channels in one list, oldest first: what the team wrote and
// what the app recorded in the technical log (commitments made, met, missed and superseded,
// handovers, status changes, impact assessments, asks...), and what the customer was told
// (briefings, notices sent, options, the resolution report).
struct TimelineItem
{
    enum class Channel
    {
        Technical,
        Business
    };
    QDateTime at;
    Channel channel = Channel::Technical;
    QString kind; // "observation", "deadline missed", "briefing", ...
    QString who;
    QString text;
    RecordRef record; // what a key-moment mark points at
    bool key = false;
    bool isPersonEntry = false; // something a person or script wrote, not a recorded event

    // A debrief's printed timeline keeps every recorded event and business item, and of the
    // people's entries only the key moments.
    bool belongsInExport() const { return key || !isPersonEntry; }
};

QString channelName(TimelineItem::Channel channel); // "technical", "business"

Result<QList<TimelineItem>> loadTimeline(const IncidentStore &store, qint64 incidentId);
