#include "storage/schema.h"

namespace {
QStringList version1(const SqlDialect &d)
{
    QStringList sql{
        QStringLiteral("CREATE TABLE warroom_schema (version INTEGER NOT NULL)"),
        QStringLiteral("INSERT INTO warroom_schema (version) VALUES (0)"),
        // Incidents change (status, severity, person in charge); revision counts every write
        // so that other processes can tell an incident changed without comparing columns.
        QStringLiteral("CREATE TABLE incidents ("
                       "%1, "
                       "title TEXT NOT NULL, "
                       "customer TEXT NOT NULL, "
                       "problem_statement TEXT NOT NULL DEFAULT '', "
                       "status TEXT NOT NULL, "
                       "severity TEXT NOT NULL, "
                       "in_charge_name TEXT NOT NULL DEFAULT '', "
                       "in_charge_phone TEXT NOT NULL DEFAULT '', "
                       "opened_at BIGINT NOT NULL, "
                       "resolved_at BIGINT, "
                       "revision INTEGER NOT NULL DEFAULT 1)")
            .arg(d.idColumn()),
        // seq numbers each incident's entries 1..n without gaps: row r of a view is seq r+1,
        // which lets a view fetch any window of a long log through the index alone.
        QStringLiteral("CREATE TABLE log_entries ("
                       "%1, "
                       "incident_id BIGINT NOT NULL REFERENCES incidents(id), "
                       "seq BIGINT NOT NULL, "
                       "at BIGINT NOT NULL, "
                       "author TEXT NOT NULL, "
                       "kind TEXT NOT NULL, "
                       "body TEXT NOT NULL, "
                       "corrects_id BIGINT REFERENCES log_entries(id), "
                       "UNIQUE (incident_id, seq))")
            .arg(d.idColumn()),
        QStringLiteral("CREATE TABLE commitments ("
                       "%1, "
                       "incident_id BIGINT NOT NULL REFERENCES incidents(id), "
                       "what TEXT NOT NULL, "
                       "owner TEXT NOT NULL, "
                       "due_at BIGINT NOT NULL, "
                       "why TEXT NOT NULL, "
                       "created_at BIGINT NOT NULL, "
                       "created_by TEXT NOT NULL)")
            .arg(d.idColumn()),
        QStringLiteral("CREATE INDEX commitments_by_incident ON commitments (incident_id, due_at)"),
        // One outcome per commitment at most; "missed" is never stored, the clock decides it.
        QStringLiteral("CREATE TABLE commitment_outcomes ("
                       "%1, "
                       "commitment_id BIGINT NOT NULL UNIQUE REFERENCES commitments(id), "
                       "kind TEXT NOT NULL CHECK (kind IN ('met', 'superseded')), "
                       "at BIGINT NOT NULL, "
                       "by_name TEXT NOT NULL, "
                       "reason TEXT NOT NULL DEFAULT '', "
                       "superseded_by BIGINT REFERENCES commitments(id))")
            .arg(d.idColumn()),
        QStringLiteral("CREATE TABLE briefings ("
                       "%1, "
                       "incident_id BIGINT NOT NULL REFERENCES incidents(id), "
                       "seq BIGINT NOT NULL, "
                       "published_at BIGINT NOT NULL, "
                       "author TEXT NOT NULL, "
                       "headline TEXT NOT NULL, "
                       "impact TEXT NOT NULL DEFAULT '', "
                       "doing TEXT NOT NULL DEFAULT '', "
                       "changed TEXT NOT NULL DEFAULT '', "
                       "next_update_at BIGINT NOT NULL, "
                       "next_update_why TEXT NOT NULL, "
                       "corrects_id BIGINT REFERENCES briefings(id), "
                       "UNIQUE (incident_id, seq))")
            .arg(d.idColumn()),
    };
    for (const char *table : {"log_entries", "commitments", "commitment_outcomes", "briefings"})
        sql += d.appendOnlyGuards(QString::fromLatin1(table));
    return sql;
}
} // namespace

const QList<Migration> &migrations()
{
    static const QList<Migration> all{
        {1, QStringLiteral("incidents, technical log, commitments, briefings"), &version1},
    };
    return all;
}

int latestSchemaVersion()
{
    return migrations().constLast().version;
}
