#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

// A change of the one person in charge. The history is kept; the incident shows the latest.
struct Handover
{
    qint64 id = 0;
    qint64 incidentId = 0;
    QDateTime at;
    QString by;
    QString fromName;
    QString fromPhone;
    QString toName;
    QString toPhone;
    QString note;
};

// The current objective in one line. Confirming it unchanged is a new framing that points at
// the one it confirms, so the age of the framing restarts without losing the history.
struct Framing
{
    qint64 id = 0;
    qint64 incidentId = 0;
    QDateTime at;
    QString by;
    QString objective;
    qint64 confirmsId = 0;
};

struct ProblemConfirmation
{
    QDateTime at;
    QString confirmedBy; // the customer's person
    QString how;         // phone call, e-mail, meeting...
    QString recordedBy;
};

// The problem as we understand it, repeated back to the customer until they confirm it.
struct ProblemStatement
{
    qint64 id = 0;
    qint64 incidentId = 0;
    QDateTime at;
    QString by;
    QString text;
    std::optional<ProblemConfirmation> confirmation;
};
