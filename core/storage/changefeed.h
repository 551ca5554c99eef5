#pragma once

#include "domain/result.h"
#include "storage/change.h"

#include <QHash>
#include <QList>
#include <QString>

class Database;

// Tells which incidents gained rows since the last look, whoever wrote them. Every table but
// incidents is append-only, so "new" means "id past the highest id seen"; incidents carry a
// revision counter instead. Each look reads only the new rows, by key.
class ChangeFeed
{
public:
    explicit ChangeFeed(const Database &database);

    // The changes since the previous call, incidents first, each (topic, incident) once.
    // On failure the markers stay put, so the next call reports the changes again.
    Result<QList<Change>> takeNew();

private:
    struct Source
    {
        QString table;
        ChangeTopic topic;
        QString newRowsSql; // (incident_id, max id) of rows with id > ?
    };

    const Database &m_database;
    QList<Source> m_sources;
    QHash<QString, qint64> m_lastIds;
    qint64 m_incidentsRevision = 0;
};
