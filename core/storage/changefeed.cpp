#include "storage/changefeed.h"

#include "storage/database.h"

namespace {
// The inner query walks only the new rows by key; a plain GROUP BY would let SQLite walk a
// whole (incident_id, ...) index instead (47 ms at a million log rows).
QString newRowsByIncident(const QString &table)
{
    return QStringLiteral("SELECT incident_id, MAX(id) FROM (SELECT incident_id, id FROM %1 "
                          "WHERE id > ? ORDER BY id) recent GROUP BY incident_id")
        .arg(table);
}

const QString kIncidentsRevision =
    QStringLiteral("SELECT COALESCE(SUM(revision), 0) FROM incidents");
} // namespace

ChangeFeed::ChangeFeed(const Database &database) : m_database(database)
{
    for (const Changes::Table &table : Changes::tables()) {
        const QString name = QString::fromLatin1(table.name);
        // Outcomes predate the habit of an incident_id on every table; they join their commitment.
        const QString newRows =
            name == u"commitment_outcomes"
                ? QStringLiteral("SELECT c.incident_id, MAX(o.id) FROM (SELECT id, commitment_id "
                                 "FROM commitment_outcomes WHERE id > ? ORDER BY id) o JOIN "
                                 "commitments c ON c.id = o.commitment_id GROUP BY c.incident_id")
                : newRowsByIncident(name);
        m_sources.append({name, table.topic, newRows});
    }
    // The war room's policy and its book of known problems belong to no incident.
    for (const QString &table : {QStringLiteral("policies"), QStringLiteral("known_problems"),
                                 QStringLiteral("known_problem_updates")}) {
        m_sources.append(
            {table, *Changes::topicOf(table),
             QStringLiteral("SELECT 0, MAX(id) FROM %1 WHERE id > ? HAVING COUNT(*) > 0")
                 .arg(table)});
    }

    // Start from what is there now: only later rows are news.
    for (const Source &source : std::as_const(m_sources)) {
        m_lastIds[source.table] =
            m_database
                .scalar(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM %1").arg(source.table))
                .valueOr(0)
                .toLongLong();
    }
    m_incidentsRevision = m_database.scalar(kIncidentsRevision).valueOr(0).toLongLong();
}

Result<QList<Change>> ChangeFeed::takeNew()
{
    QList<Change> changes;
    const auto revision = m_database.scalar(kIncidentsRevision);
    if (!revision)
        return revision.failure();
    if (revision->toLongLong() != m_incidentsRevision)
        changes.append({ChangeTopic::Incidents, 0});

    QHash<QString, qint64> lastIds = m_lastIds;
    for (const Source &source : std::as_const(m_sources)) {
        auto rows = m_database.run(source.newRowsSql, {m_lastIds.value(source.table)});
        if (!rows)
            return rows.failure();
        while (rows->next()) {
            const Change change{source.topic, rows->value(0).toLongLong()};
            if (!changes.contains(change))
                changes.append(change);
            lastIds[source.table] = std::max(lastIds[source.table], rows->value(1).toLongLong());
        }
    }
    m_lastIds = lastIds;
    m_incidentsRevision = revision->toLongLong();
    return changes;
}
