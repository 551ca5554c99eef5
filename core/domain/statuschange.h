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

// A message to the customer drafted at a status change, for the liaison to send.
struct Notice
{
    qint64 id = 0;
    qint64 incidentId = 0;
    qint64 statusChangeId = 0;
    QDateTime draftedAt;
    QString text;
    QDateTime sentAt; // invalid until sent
    QString sentBy;
};
