#pragma once

#include "domain/incident.h"

#include <QDateTime>
#include <QString>

struct StatusChange
{
    qint64 id = 0;
    qint64 incidentId = 0;
    QDateTime at;
    QString by;
    IncidentStatus from = IncidentStatus::Reported;
    IncidentStatus to = IncidentStatus::Reported;
    QString doing;
    QDateTime nextCheckpointAt; // invalid once there is none (closed)
    QString nextCheckpointWhy;
};

struct NewStatusChange
{
    qint64 incidentId = 0;
    QString by;
    IncidentStatus to = IncidentStatus::Reported;
    QString doing;
    QDateTime nextCheckpointAt;
    QString nextCheckpointWhy;
};

// A message to the customer drafted at a status change, for the liaison to send. Until it is
// sent it follows the incident (a new contact, the customer's zone) unless a person edited it;
// once sent it is exactly what was sent.
struct Notice
{
    qint64 id = 0;
    qint64 incidentId = 0;
    qint64 statusChangeId = 0;
    QDateTime draftedAt;
    QString text;       // the draft as first written
    QString editedText; // a person's latest edit; empty while it follows the state
    QString editedBy;
    QDateTime editedAt;
    QDateTime sentAt; // invalid until sent
    QString sentBy;
    QString sentText; // what was sent; empty for notices sent before Warroom kept it

    bool isSent() const { return sentAt.isValid(); }
    bool isEdited() const { return !editedText.isEmpty(); }
};
