#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

// The war room's book of problems seen before: the symptom to recognise one by, and the
// workaround in plain language. Shared by all incidents; found again by its symptom.
enum class FixStatus
{
    None,    // no fix planned
    Planned, // a fix is planned
    Fixed    // fixed (in a version, a change)
};

QString fixStatusName(FixStatus status); // "none", "planned", "fixed"
std::optional<FixStatus> parseFixStatus(QStringView text);

struct KnownProblem
{
    qint64 id = 0;
    QDateTime at;
    QString by;
    QString symptom;
    QString product; // the affected product or version; may be empty
    QString workaround;
    QString cause; // may be empty until known
    FixStatus fixStatus = FixStatus::None;
    QString fixNote;           // the latest update's note ("fixed in 4.2")
    qint64 fromIncidentId = 0; // the incident it was learned in, if any
    QList<qint64> incidents;   // where it appeared (suggested or linked), oldest first
};

struct NewKnownProblem
{
    QString by;
    QString symptom;
    QString product;
    QString workaround;
    QString cause;
    FixStatus fixStatus = FixStatus::None;
    qint64 fromIncidentId = 0;
};

// How a known problem met an incident: the window suggested it, a person dismissed the
// suggestion, or a person linked it (it applies here).
enum class Sighting
{
    Suggested,
    Dismissed,
    Linked
};

QString sightingName(Sighting sighting);
std::optional<Sighting> parseSighting(QStringView text);

struct KnownProblemSighting
{
    qint64 id = 0;
    qint64 incidentId = 0;
    qint64 knownProblemId = 0;
    QDateTime at;
    QString by;
    Sighting how = Sighting::Suggested;
};
