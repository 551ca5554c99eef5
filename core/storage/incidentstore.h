#pragma once

#include "domain/briefing.h"
#include "domain/commitment.h"
#include "domain/incident.h"
#include "domain/logentry.h"
#include "domain/result.h"
#include "storage/database.h"

#include <QList>
#include <QObject>

#include <memory>
#include <optional>

class Clock;

// The war room's records: incidents, the technical log, commitments and briefings.
// Writes are single transactions; log entries, commitments, their outcomes and briefings are
// append-only (the database refuses UPDATE and DELETE on them). Every change, whether written
// here, by another store in this process or by another process, is announced by a signal.
class IncidentStore : public QObject
{
    Q_OBJECT
public:
    static Result<std::unique_ptr<IncidentStore>>
    openSqlite(const QString &path, OpenMode mode, const Clock &clock, QObject *parent = nullptr);

    IncidentStore(std::unique_ptr<Database> database, const Clock &clock,
                  QObject *parent = nullptr);
    ~IncidentStore() override;

    QString location() const { return m_database->location(); }
    const Clock &clock() const { return m_clock; }

    Result<qint64> createIncident(const NewIncident &incident);
    Result<QList<Incident>> incidents() const;
    Result<Incident> incident(qint64 incidentId) const;

    Result<LogEntry> appendLogEntry(const NewLogEntry &entry);
    // Entries number 1..count within an incident, so a view can fetch any window by seq.
    Result<qint64> logEntryCount(qint64 incidentId) const;
    Result<QList<LogEntry>> logEntries(qint64 incidentId, qint64 firstSeq, int maxCount) const;

    Result<qint64> commit(const NewCommitment &commitment);
    Outcome markMet(qint64 commitmentId, const QString &by);
    Result<QList<Commitment>> commitments(qint64 incidentId) const;
    Result<Commitment> commitment(qint64 commitmentId) const;

    Result<qint64> publishBriefing(const NewBriefing &briefing);
    Result<QList<Briefing>> briefings(qint64 incidentId) const;

    // Looks for rows other connections wrote since the last look and announces them.
    // Cheap when nothing changed: one PRAGMA.
    void checkForExternalChanges();

signals:
    void incidentsChanged();
    void logEntriesAppended(qint64 incidentId);
    void commitmentsChanged(qint64 incidentId);
    void briefingsChanged(qint64 incidentId);

private:
    struct Markers
    {
        qint64 incidentsRevision = 0;
        qint64 lastLogId = 0;
        qint64 lastCommitmentId = 0;
        qint64 lastOutcomeId = 0;
        qint64 lastBriefingId = 0;
    };

    Outcome requireIncident(qint64 incidentId) const;
    // Emits one signal per kind of change and incident since the markers, then moves them.
    void announceChanges();
    Result<QList<qint64>> incidentsWithNewRows(const QString &sql, qint64 sinceId,
                                               qint64 &newMaxId) const;
    Result<QList<Commitment>> queryCommitments(const QString &where,
                                               const QVariantList &values) const;

    std::unique_ptr<Database> m_database;
    const Clock &m_clock;
    Markers m_markers;
    qint64 m_dataVersion = -1;
};
