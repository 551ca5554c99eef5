#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

// The two channels have two owners: the person in charge runs the crisis and the technical
// channel; the business liaison owns the business channel, the customer's one contact.
enum class Role
{
    InCharge,
    Liaison
};

QString roleName(Role role);  // as stored: "in_charge", "liaison"
QString roleTitle(Role role); // as read: "person in charge", "business liaison"
std::optional<Role> parseRole(QStringView text);

// A change of the person in one of the two roles. The history is kept; the incident shows the
// latest.
struct Handover
{
    qint64 id = 0;
    qint64 incidentId = 0;
    Role role = Role::InCharge;
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
