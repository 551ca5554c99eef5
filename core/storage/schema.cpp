#include "storage/schema.h"

namespace {
// The record's tables as they stood at version 8: a later version's tables get their
// announcers and signatures in the step that creates them.
QStringList recordTablesOfVersion8()
{
    return {QStringLiteral("log_entries"),         QStringLiteral("commitments"),
            QStringLiteral("commitment_outcomes"), QStringLiteral("briefings"),
            QStringLiteral("handovers"),           QStringLiteral("framings"),
            QStringLiteral("problem_statements"),  QStringLiteral("problem_confirmations"),
            QStringLiteral("customer_asks"),       QStringLiteral("customer_ask_events"),
            QStringLiteral("status_changes"),      QStringLiteral("notices"),
            QStringLiteral("notice_sends"),        QStringLiteral("impact_assessments"),
            QStringLiteral("severity_changes")};
}

QStringList version1(const StorageEngine &d)
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
// Crisis discipline: theory timeboxes, people in charge, framing, problem statements,
// open questions, customer asks, status changes and the notices they draft.
QStringList version2(const StorageEngine &d)
{
    QStringList sql{
        // A commitment may be the timebox of a theory (a hypothesis entry).
        QStringLiteral("ALTER TABLE commitments ADD COLUMN hypothesis_entry_id BIGINT "
                       "REFERENCES log_entries(id)"),
        // How a timebox ended on time: the theory was confirmed or dropped.
        QStringLiteral("ALTER TABLE commitment_outcomes ADD COLUMN verdict TEXT NOT NULL "
                       "DEFAULT ''"),
        // Whom a question is put to; which question an answer answers; which commitment and
        // which of its events an entry the app writes records (one entry per event).
        QStringLiteral("ALTER TABLE log_entries ADD COLUMN addressee TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE log_entries ADD COLUMN answers_id BIGINT "
                       "REFERENCES log_entries(id)"),
        QStringLiteral("ALTER TABLE log_entries ADD COLUMN commitment_id BIGINT "
                       "REFERENCES commitments(id)"),
        QStringLiteral("ALTER TABLE log_entries ADD COLUMN event TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("CREATE UNIQUE INDEX log_entries_one_event_per_commitment ON "
                       "log_entries (commitment_id, event)"),
        QStringLiteral("CREATE INDEX log_entries_answers ON log_entries (answers_id)"),
        QStringLiteral("CREATE INDEX log_entries_questions ON log_entries (incident_id, kind)"),
        QStringLiteral("CREATE TABLE handovers (%1, "
                       "incident_id BIGINT NOT NULL REFERENCES incidents(id), "
                       "at BIGINT NOT NULL, by_name TEXT NOT NULL, "
                       "from_name TEXT NOT NULL, from_phone TEXT NOT NULL, "
                       "to_name TEXT NOT NULL, to_phone TEXT NOT NULL, note TEXT NOT NULL)")
            .arg(d.idColumn()),
        QStringLiteral("CREATE TABLE framings (%1, "
                       "incident_id BIGINT NOT NULL REFERENCES incidents(id), "
                       "at BIGINT NOT NULL, by_name TEXT NOT NULL, objective TEXT NOT NULL, "
                       "confirms_id BIGINT REFERENCES framings(id))")
            .arg(d.idColumn()),
        QStringLiteral("CREATE TABLE problem_statements (%1, "
                       "incident_id BIGINT NOT NULL REFERENCES incidents(id), "
                       "at BIGINT NOT NULL, by_name TEXT NOT NULL, body TEXT NOT NULL)")
            .arg(d.idColumn()),
        QStringLiteral("CREATE TABLE problem_confirmations (%1, "
                       "incident_id BIGINT NOT NULL REFERENCES incidents(id), "
                       "statement_id BIGINT NOT NULL UNIQUE REFERENCES problem_statements(id), "
                       "at BIGINT NOT NULL, confirmed_by TEXT NOT NULL, how TEXT NOT NULL, "
                       "recorded_by TEXT NOT NULL)")
            .arg(d.idColumn()),
        QStringLiteral("CREATE TABLE customer_asks (%1, "
                       "incident_id BIGINT NOT NULL REFERENCES incidents(id), "
                       "log_entry_id BIGINT REFERENCES log_entries(id), "
                       "created_at BIGINT NOT NULL, asked_by TEXT NOT NULL, what TEXT NOT NULL, "
                       "why_only_customer TEXT NOT NULL)")
            .arg(d.idColumn()),
        QStringLiteral("CREATE TABLE customer_ask_events (%1, "
                       "incident_id BIGINT NOT NULL REFERENCES incidents(id), "
                       "ask_id BIGINT NOT NULL REFERENCES customer_asks(id), "
                       "kind TEXT NOT NULL CHECK (kind IN ('sent', 'answered')), "
                       "at BIGINT NOT NULL, by_name TEXT NOT NULL, note TEXT NOT NULL, "
                       "UNIQUE (ask_id, kind))")
            .arg(d.idColumn()),
        QStringLiteral("CREATE TABLE status_changes (%1, "
                       "incident_id BIGINT NOT NULL REFERENCES incidents(id), "
                       "at BIGINT NOT NULL, by_name TEXT NOT NULL, "
                       "from_status TEXT NOT NULL, to_status TEXT NOT NULL, doing TEXT NOT NULL, "
                       "next_checkpoint_at BIGINT, next_checkpoint_why TEXT NOT NULL)")
            .arg(d.idColumn()),
        QStringLiteral("CREATE TABLE notices (%1, "
                       "incident_id BIGINT NOT NULL REFERENCES incidents(id), "
                       "status_change_id BIGINT REFERENCES status_changes(id), "
                       "drafted_at BIGINT NOT NULL, body TEXT NOT NULL)")
            .arg(d.idColumn()),
        QStringLiteral("CREATE TABLE notice_sends (%1, "
                       "incident_id BIGINT NOT NULL REFERENCES incidents(id), "
                       "notice_id BIGINT NOT NULL UNIQUE REFERENCES notices(id), "
                       "at BIGINT NOT NULL, by_name TEXT NOT NULL)")
            .arg(d.idColumn()),
        // What an incident said about itself before version 2 becomes its first statement.
        QStringLiteral("INSERT INTO problem_statements (incident_id, at, by_name, body) "
                       "SELECT id, opened_at, in_charge_name, problem_statement FROM incidents "
                       "WHERE problem_statement <> ''"),
    };
    for (const char *table :
         {"handovers", "framings", "problem_statements", "problem_confirmations", "customer_asks",
          "customer_ask_events", "status_changes", "notices", "notice_sends"})
        sql += d.appendOnlyGuards(QString::fromLatin1(table));
    return sql;
}
// Impact assessments over time, and severity changes with their reasons.
QStringList version3(const StorageEngine &d)
{
    QStringList sql{
        // Functions and regions are short lists written and read whole: JSON text keeps them
        // in the row on both SQLite and PostgreSQL.
        QStringLiteral("CREATE TABLE impact_assessments (%1, "
                       "incident_id BIGINT NOT NULL REFERENCES incidents(id), "
                       "at BIGINT NOT NULL, by_name TEXT NOT NULL, "
                       "affected_users BIGINT NOT NULL CHECK (affected_users >= 0), "
                       "total_users BIGINT NOT NULL CHECK (total_users > 0), "
                       "functions TEXT NOT NULL, regions TEXT NOT NULL, "
                       "workaround INTEGER, cost_per_hour DOUBLE PRECISION, "
                       "currency TEXT NOT NULL, key_account INTEGER NOT NULL, "
                       "confidence TEXT NOT NULL, notes TEXT NOT NULL)")
            .arg(d.idColumn()),
        QStringLiteral("CREATE INDEX impact_by_incident ON impact_assessments (incident_id, id)"),
        QStringLiteral("CREATE TABLE severity_changes (%1, "
                       "incident_id BIGINT NOT NULL REFERENCES incidents(id), "
                       "at BIGINT NOT NULL, by_name TEXT NOT NULL, "
                       "from_severity TEXT NOT NULL, to_severity TEXT NOT NULL, "
                       "assessed_severity TEXT, reason TEXT NOT NULL)")
            .arg(d.idColumn()),
    };
    for (const char *table : {"impact_assessments", "severity_changes"})
        sql += d.appendOnlyGuards(QString::fromLatin1(table));
    return sql;
}
// A briefing keeps what it promised: the open commitments and the asks of the customer as
// they stood when it was published (JSON lists), so the PDF of an old briefing stays true.
QStringList version4(const StorageEngine &)
{
    return {
        QStringLiteral("ALTER TABLE briefings ADD COLUMN commitments TEXT NOT NULL DEFAULT '[]'"),
        QStringLiteral("ALTER TABLE briefings ADD COLUMN asks TEXT NOT NULL DEFAULT '[]'"),
    };
}
// The record cannot be rewritten by any client: REPLACE is refused on every append-only table
// (it deletes without firing delete triggers), incidents keep their identity and are never
// deleted; and a retrying script's post carries a key that makes it idempotent.
QStringList version5(const StorageEngine &d)
{
    QStringList sql{
        QStringLiteral("ALTER TABLE log_entries ADD COLUMN post_key TEXT"),
        QStringLiteral("CREATE UNIQUE INDEX log_entries_post_key ON log_entries "
                       "(incident_id, post_key) WHERE post_key IS NOT NULL"),
    };
    const QList<std::pair<const char *, QStringList>> uniqueKeys{
        {"log_entries",
         {QStringLiteral("incident_id, seq"), QStringLiteral("commitment_id, event"),
          QStringLiteral("incident_id, post_key")}},
        {"commitments", {}},
        {"commitment_outcomes", {QStringLiteral("commitment_id")}},
        {"briefings", {QStringLiteral("incident_id, seq")}},
        {"handovers", {}},
        {"framings", {}},
        {"problem_statements", {}},
        {"problem_confirmations", {QStringLiteral("statement_id")}},
        {"customer_asks", {}},
        {"customer_ask_events", {QStringLiteral("ask_id, kind")}},
        {"status_changes", {}},
        {"notices", {}},
        {"notice_sends", {QStringLiteral("notice_id")}},
        {"impact_assessments", {}},
        {"severity_changes", {}},
    };
    for (const auto &[table, keys] : uniqueKeys)
        sql += d.replaceGuards(QString::fromLatin1(table), keys);
    sql += d.incidentGuards();
    return sql;
}
// Tamper evidence: each record is linked into its incident's hash chain (see RecordChain);
// the rows already there are linked by the migration itself, once.
QStringList version6(const StorageEngine &d)
{
    QStringList sql{
        QStringLiteral("CREATE TABLE record_chain (%1, "
                       "incident_id BIGINT NOT NULL REFERENCES incidents(id), "
                       "table_name TEXT NOT NULL, row_id BIGINT NOT NULL, "
                       "columns TEXT NOT NULL, hash TEXT NOT NULL, "
                       "UNIQUE (table_name, row_id))")
            .arg(d.idColumn()),
        QStringLiteral("CREATE INDEX record_chain_by_incident ON record_chain (incident_id, id)"),
    };
    sql += d.appendOnlyGuards(QStringLiteral("record_chain"));
    sql += d.replaceGuards(QStringLiteral("record_chain"), {QStringLiteral("table_name, row_id")});
    return sql;
}
// A briefing keeps the state it told the customer (status, severity, person in charge), so an
// export of an old briefing does not show today's.
QStringList version7(const StorageEngine &)
{
    return {
        QStringLiteral("ALTER TABLE briefings ADD COLUMN published_status TEXT NOT NULL "
                       "DEFAULT ''"),
        QStringLiteral("ALTER TABLE briefings ADD COLUMN published_severity TEXT NOT NULL "
                       "DEFAULT ''"),
        QStringLiteral("ALTER TABLE briefings ADD COLUMN published_in_charge TEXT NOT NULL "
                       "DEFAULT ''"),
    };
}
// A shared war room announces what each commit added, naming the incident and the new rows, so
// every desktop reads only those (on one desktop's file there is no one to tell).
QStringList version8(const StorageEngine &d)
{
    QStringList sql = d.announcers(QStringLiteral("incidents"));
    for (const QString &table : recordTablesOfVersion8())
        sql += d.announcers(table);
    return sql;
}
// Two channels, two owners: the business liaison is named (with phone) and handed over like the
// person in charge, and a briefing keeps who the customer's contact was.
QStringList version9(const StorageEngine &)
{
    return {
        QStringLiteral("ALTER TABLE incidents ADD COLUMN liaison_name TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE incidents ADD COLUMN liaison_phone TEXT NOT NULL DEFAULT ''"),
        QStringLiteral("ALTER TABLE handovers ADD COLUMN role TEXT NOT NULL DEFAULT 'in_charge' "
                       "CHECK (role IN ('in_charge', 'liaison'))"),
        QStringLiteral("ALTER TABLE briefings ADD COLUMN published_contact TEXT NOT NULL "
                       "DEFAULT ''"),
    };
}
// Who wrote what, as the database knows it: on a shared server every row carries the role that
// signed in, set by the server; each person names themselves once for everyone to read.
QStringList version10(const StorageEngine &d)
{
    QStringList sql;
    for (const QString &table : recordTablesOfVersion8())
        sql += d.signedInColumn(table);
    sql += QStringLiteral("CREATE TABLE display_names (%1, at BIGINT NOT NULL, name TEXT NOT NULL)")
               .arg(d.idColumn());
    sql += d.signedInColumn(QStringLiteral("display_names"));
    sql += QStringLiteral("CREATE INDEX display_names_by_role ON display_names (signed_in_as, id)");
    sql += d.appendOnlyGuards(QStringLiteral("display_names"));
    sql += d.replaceGuards(QStringLiteral("display_names"), {});
    return sql;
}
// The war room's policy (severity table, briefing cadence, jargon) lives in the war room, so
// every desktop computes the same severity and the same next-briefing time; each change is a
// new version.
QStringList version11(const StorageEngine &d)
{
    QStringList sql{
        QStringLiteral("CREATE TABLE policies (%1, at BIGINT NOT NULL, by_name TEXT NOT NULL, "
                       "body TEXT NOT NULL)")
            .arg(d.idColumn()),
    };
    sql += d.signedInColumn(QStringLiteral("policies"));
    sql += d.appendOnlyGuards(QStringLiteral("policies"));
    sql += d.replaceGuards(QStringLiteral("policies"), {});
    sql += d.announcers(QStringLiteral("policies"));
    return sql;
}
// What was written offline and delivered later (Outbox): each delivery's key, written in the
// same transaction as what it delivered, so a retry after a lost answer writes nothing twice.
QStringList version12(const StorageEngine &d)
{
    QStringList sql{
        QStringLiteral("CREATE TABLE deliveries (%1, delivery_key TEXT NOT NULL UNIQUE, at BIGINT "
                       "NOT NULL, answer TEXT NOT NULL)")
            .arg(d.idColumn()),
    };
    sql += d.signedInColumn(QStringLiteral("deliveries"));
    sql += d.appendOnlyGuards(QStringLiteral("deliveries"));
    sql += d.replaceGuards(QStringLiteral("deliveries"), {QStringLiteral("delivery_key")});
    return sql;
}
// After the crisis: the options offered to the customer and the one chosen, the resolution
// report and the work that remains, the debrief with its key moments, and the war room's book of
// known problems with the incidents where each appeared.
QStringList version13(const StorageEngine &d)
{
    QStringList sql{
        QStringLiteral("CREATE TABLE solution_options (%1, "
                       "incident_id BIGINT NOT NULL REFERENCES incidents(id), "
                       "at BIGINT NOT NULL, by_name TEXT NOT NULL, title TEXT NOT NULL, "
                       "pros TEXT NOT NULL, cons TEXT NOT NULL)")
            .arg(d.idColumn()),
        // The latest choice of an incident is its choice; an earlier one stays in the record.
        QStringLiteral("CREATE TABLE option_choices (%1, "
                       "incident_id BIGINT NOT NULL REFERENCES incidents(id), "
                       "option_id BIGINT NOT NULL REFERENCES solution_options(id), "
                       "at BIGINT NOT NULL, by_name TEXT NOT NULL, why TEXT NOT NULL)")
            .arg(d.idColumn()),
        QStringLiteral("CREATE TABLE resolution_reports (%1, "
                       "incident_id BIGINT NOT NULL REFERENCES incidents(id), "
                       "status_change_id BIGINT NOT NULL UNIQUE REFERENCES status_changes(id), "
                       "at BIGINT NOT NULL, by_name TEXT NOT NULL, cause TEXT NOT NULL, "
                       "done TEXT NOT NULL, fully_solved INTEGER NOT NULL CHECK (fully_solved "
                       "IN (0, 1)), recurrence TEXT NOT NULL)")
            .arg(d.idColumn()),
        QStringLiteral("CREATE TABLE action_items (%1, "
                       "incident_id BIGINT NOT NULL REFERENCES incidents(id), "
                       "at BIGINT NOT NULL, by_name TEXT NOT NULL, what TEXT NOT NULL, "
                       "owner TEXT NOT NULL, due_at BIGINT NOT NULL, "
                       "source TEXT NOT NULL CHECK (source IN ('report', 'debrief')), "
                       "report_id BIGINT REFERENCES resolution_reports(id))")
            .arg(d.idColumn()),
        QStringLiteral("CREATE TABLE action_items_done (%1, "
                       "incident_id BIGINT NOT NULL REFERENCES incidents(id), "
                       "action_item_id BIGINT NOT NULL UNIQUE REFERENCES action_items(id), "
                       "at BIGINT NOT NULL, by_name TEXT NOT NULL, note TEXT NOT NULL)")
            .arg(d.idColumn()),
        QStringLiteral("CREATE TABLE debriefs (%1, "
                       "incident_id BIGINT NOT NULL REFERENCES incidents(id), "
                       "at BIGINT NOT NULL, by_name TEXT NOT NULL, went_well TEXT NOT NULL, "
                       "went_badly TEXT NOT NULL, customer_feedback TEXT NOT NULL, "
                       "lessons TEXT NOT NULL)")
            .arg(d.idColumn()),
        // Marking and unmarking are rows; the latest for a record says whether it is key.
        QStringLiteral("CREATE TABLE key_moments (%1, "
                       "incident_id BIGINT NOT NULL REFERENCES incidents(id), "
                       "at BIGINT NOT NULL, by_name TEXT NOT NULL, record_table TEXT NOT NULL, "
                       "record_id BIGINT NOT NULL, is_key INTEGER NOT NULL CHECK (is_key IN "
                       "(0, 1)))")
            .arg(d.idColumn()),
        // The book belongs to the war room, not to one incident (from_incident_id names where
        // it was learned, without a reference: the book is copied before the incidents).
        QStringLiteral("CREATE TABLE known_problems (%1, "
                       "at BIGINT NOT NULL, by_name TEXT NOT NULL, symptom TEXT NOT NULL, "
                       "product TEXT NOT NULL, workaround TEXT NOT NULL, cause TEXT NOT NULL, "
                       "fix_status TEXT NOT NULL CHECK (fix_status IN ('none', 'planned', "
                       "'fixed')), from_incident_id BIGINT)")
            .arg(d.idColumn()),
        QStringLiteral("CREATE TABLE known_problem_updates (%1, "
                       "known_problem_id BIGINT NOT NULL REFERENCES known_problems(id), "
                       "at BIGINT NOT NULL, by_name TEXT NOT NULL, "
                       "fix_status TEXT NOT NULL CHECK (fix_status IN ('none', 'planned', "
                       "'fixed')), note TEXT NOT NULL)")
            .arg(d.idColumn()),
        QStringLiteral("CREATE TABLE known_problem_sightings (%1, "
                       "incident_id BIGINT NOT NULL REFERENCES incidents(id), "
                       "known_problem_id BIGINT NOT NULL REFERENCES known_problems(id), "
                       "at BIGINT NOT NULL, by_name TEXT NOT NULL, "
                       "how TEXT NOT NULL CHECK (how IN ('suggested', 'dismissed', 'linked')), "
                       "UNIQUE (incident_id, known_problem_id, how))")
            .arg(d.idColumn()),
        QStringLiteral("CREATE INDEX solution_options_by_incident ON solution_options "
                       "(incident_id, id)"),
        QStringLiteral("CREATE INDEX action_items_by_incident ON action_items (incident_id, id)"),
        QStringLiteral("CREATE INDEX debriefs_by_incident ON debriefs (incident_id, id)"),
        QStringLiteral("CREATE INDEX sightings_by_problem ON known_problem_sightings "
                       "(known_problem_id, incident_id)"),
        // A briefing keeps the options it put to the customer, as it put them.
        QStringLiteral("ALTER TABLE briefings ADD COLUMN options TEXT NOT NULL DEFAULT '[]'"),
    };
    const QList<std::pair<const char *, QStringList>> tables{
        {"solution_options", {}},
        {"option_choices", {}},
        {"resolution_reports", {QStringLiteral("status_change_id")}},
        {"action_items", {}},
        {"action_items_done", {QStringLiteral("action_item_id")}},
        {"debriefs", {}},
        {"key_moments", {}},
        {"known_problems", {}},
        {"known_problem_updates", {}},
        {"known_problem_sightings", {QStringLiteral("incident_id, known_problem_id, how")}},
    };
    for (const auto &[name, keys] : tables) {
        const QString table = QString::fromLatin1(name);
        sql += d.appendOnlyGuards(table);
        sql += d.replaceGuards(table, keys);
        sql += d.signedInColumn(table);
        sql += d.announcers(table);
    }
    return sql;
}
// A log page says which of its entries were corrected: found through the entry corrected.
QStringList version14(const StorageEngine &)
{
    return {QStringLiteral("CREATE INDEX log_entries_corrections ON log_entries (corrects_id)")};
}
// "People only" hides what scripts posted: each entry says whether a script's command wrote it.
// Entries written before have 0; a script's keyed posts are known by their key.
QStringList version15(const StorageEngine &)
{
    return {QStringLiteral("ALTER TABLE log_entries ADD COLUMN by_script INTEGER NOT NULL "
                           "DEFAULT 0 CHECK (by_script IN (0, 1))")};
}
// Customer documents write times where the customer reads them: each incident names the
// customer's time zone (an IANA id; empty for incidents from before, whose documents say UTC).
// Each change of it is an event in the log.
QStringList version16(const StorageEngine &)
{
    return {QStringLiteral("ALTER TABLE incidents ADD COLUMN customer_time_zone TEXT NOT NULL "
                           "DEFAULT ''")};
}
// An unsent notice follows the incident until a person words it: each edit is kept, the latest
// stands; and a send keeps the exact text the customer got.
QStringList version17(const StorageEngine &d)
{
    QStringList sql{
        QStringLiteral("CREATE TABLE notice_edits (%1, "
                       "incident_id BIGINT NOT NULL REFERENCES incidents(id), "
                       "notice_id BIGINT NOT NULL REFERENCES notices(id), "
                       "at BIGINT NOT NULL, by_name TEXT NOT NULL, body TEXT NOT NULL)")
            .arg(d.idColumn()),
        QStringLiteral("CREATE INDEX notice_edits_by_notice ON notice_edits (notice_id, id)"),
        QStringLiteral("ALTER TABLE notice_sends ADD COLUMN body TEXT"),
    };
    const QString table = QStringLiteral("notice_edits");
    sql += d.appendOnlyGuards(table);
    sql += d.replaceGuards(table, {});
    sql += d.signedInColumn(table);
    sql += d.announcers(table);
    return sql;
}
// Open questions are read, in seq order, on every change of the log: found by an index that
// gives them in that order, not by walking the incident. Who is in charge since when is read
// with every incident: found by incident, not by walking every handover.
QStringList version18(const StorageEngine &)
{
    return {
        QStringLiteral("CREATE INDEX log_entries_by_kind ON log_entries (incident_id, kind, seq)"),
        QStringLiteral("DROP INDEX log_entries_questions"),
        QStringLiteral("CREATE INDEX handovers_by_incident ON handovers (incident_id, role, at)"),
    };
}
// Search over the log: every entry's text indexed by word, by each engine's own text index.
QStringList version19(const StorageEngine &d)
{
    return d.logTextIndex();
}
// Going to a moment of the log: entries found by their time, whatever order they arrived in.
QStringList version20(const StorageEngine &)
{
    return {QStringLiteral("CREATE INDEX log_entries_by_time ON log_entries (incident_id, at)")};
}
// The log's authors, for its filter: found one after another by index, with whether each wrote
// anything by hand, instead of grouping every entry of the incident (2 s at a million).
QStringList version21(const StorageEngine &)
{
    return {QStringLiteral(
        "CREATE INDEX log_entries_by_author ON log_entries (incident_id, author, by_script)")};
}
} // namespace

const QList<Migration> &migrations()
{
    static const QList<Migration> all{
        {1, QStringLiteral("incidents, technical log, commitments, briefings"), &version1},
        {2,
         QStringLiteral("timeboxes, handovers, framing, problem statements, questions, "
                        "customer asks, status changes and notices"),
         &version2},
        {3, QStringLiteral("impact assessments and severity changes"), &version3},
        {4, QStringLiteral("briefings keep their commitments and asks"), &version4},
        {5, QStringLiteral("no REPLACE, incidents keep their identity, idempotent posts"),
         &version5},
        {6, QStringLiteral("every record linked into its incident's hash chain"), &version6},
        {7, QStringLiteral("briefings keep the state they told the customer"), &version7},
        {8, QStringLiteral("a shared war room announces each commit's new rows"), &version8},
        {9, QStringLiteral("the business liaison, handed over like the person in charge"),
         &version9},
        {10, QStringLiteral("every row signed by the role that wrote it; display names"),
         &version10},
        {11, QStringLiteral("the war room's policy, versioned"), &version11},
        {12, QStringLiteral("deliveries of what was written offline, each once"), &version12},
        {13,
         QStringLiteral("solution options, resolution reports, action items, debriefs, known "
                        "problems"),
         &version13},
        {14, QStringLiteral("corrections found by the entry they correct"), &version14},
        {15, QStringLiteral("log entries say whether a script posted them"), &version15},
        {16, QStringLiteral("the customer's time zone"), &version16},
        {17, QStringLiteral("notices worded by a person, and sent as they were"), &version17},
        {18, QStringLiteral("open questions and handovers found by index"), &version18},
        {19, QStringLiteral("the log's text indexed for search"), &version19},
        {20, QStringLiteral("log entries found by their time"), &version20},
        {21, QStringLiteral("the log's authors found by index"), &version21},
    };
    return all;
}

int latestSchemaVersion()
{
    return migrations().constLast().version;
}
