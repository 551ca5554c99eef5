#pragma once

#include "domain/actionitem.h"

#include <QDateTime>
#include <QList>
#include <QString>

// The customer's answer to "is it over?": every section must be answered before an incident is
// resolved. Business language only; the technical log never appears in it.
struct ResolutionReport
{
    qint64 id = 0;
    qint64 incidentId = 0;
    QDateTime at;
    QString by;
    QString cause;             // what caused the problem
    QString done;              // what was done to solve it
    bool fullySolved = false;  // yes, or partly (what remains is in remains)
    QString recurrence;        // can it happen again, and how it is avoided
    QList<ActionItem> remains; // what else needs to be done, each with owner and due date
};

struct NewResolutionReport
{
    qint64 incidentId = 0;
    QString by;
    QString cause;
    QString done;
    // "Nothing remains" is an answer: set noneRemains instead of listing items.
    QList<NewActionItem> remains;
    bool noneRemains = false;
    std::optional<bool> fullySolved; // unanswered until set
    QString recurrence;
};
