#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <optional>

enum class Severity
{
    Sev1 = 1,
    Sev2,
    Sev3,
    Sev4
};

// The incident lifecycle, in the order an incident normally moves through it.
enum class IncidentStatus
{
    Reported,
    Acknowledged,
    Investigating,
    Identified,
    Mitigating,
    Monitoring,
    Resolved,
    Closed
};

QString severityName(Severity severity);
std::optional<Severity> parseSeverity(QStringView text);

QString statusName(IncidentStatus status);
std::optional<IncidentStatus> parseStatus(QStringView text);
const QList<IncidentStatus> &allStatuses();

struct Incident
{
    qint64 id = 0;
    QString title;
    QString customer;
    QString problemStatement;
    IncidentStatus status = IncidentStatus::Reported;
    Severity severity = Severity::Sev3;
    QString inChargeName;
    QString inChargePhone;
    QDateTime openedAt;
    QDateTime resolvedAt;    // invalid while unresolved
    QDateTime inChargeSince; // the last handover, or the opening
    // Who owns the business channel (empty until named), with phone, and since when.
    QString liaisonName;
    QString liaisonPhone;
    QDateTime liaisonSince;
    // Where the customer reads the time (an IANA id, "Europe/Berlin"); empty when never said,
    // and then the customer's documents say UTC.
    QString customerTimeZone;

    // The zone the customer's documents and notices write times in.
    QTimeZone customerZone() const;
    // The customer's one contact: the business liaison, or while none is named the person in
    // charge ("Name, phone"), or empty.
    QString customerContact() const;
};

struct NewIncident
{
    QString title;
    QString customer;
    QString problemStatement;
    Severity severity = Severity::Sev3;
    QString inChargeName;
    QString inChargePhone;
    QString customerTimeZone = {}; // IANA id; empty: UTC

    // Every reason it cannot be opened, one sentence each, so a person mends them all at once
    // rather than meeting them one by one; empty when it can be.
    QStringList problems() const;
};
