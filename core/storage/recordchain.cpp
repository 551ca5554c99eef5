#include "storage/recordchain.h"

#include "storage/database.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QSet>
#include <QSqlRecord>

#include <algorithm>

namespace {
const QStringList kIncidentIdentity{QStringLiteral("customer"), QStringLiteral("id"),
                                    QStringLiteral("opened_at"), QStringLiteral("title")};

// The columns a new link covers: all of the table's (sorted, so the order of ALTER TABLEs does
// not matter), or an incident's identity. A link keeps its list: later columns don't break it.
QStringList columnsToSeal(const Database &database, const QString &table)
{
    if (table == u"incidents")
        return kIncidentIdentity;
    const QSqlRecord record = database.connection().record(table);
    QStringList columns;
    for (int i = 0; i < record.count(); ++i)
        columns.append(record.fieldName(i));
    columns.sort();
    return columns;
}

QByteArray canonical(const QVariant &value)
{
    if (value.isNull())
        return QByteArrayLiteral("n");
    switch (value.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::ULongLong:
    case QMetaType::UInt:
        return 'i' + QByteArray::number(value.toLongLong());
    case QMetaType::Double:
        return 'r' + QByteArray::number(value.toDouble(), 'g', 17);
    case QMetaType::QByteArray:
        return 'b' + value.toByteArray().toHex();
    default:
        return 's' + value.toString().toUtf8();
    }
}

struct RowContent
{
    bool found = false;
    qint64 incidentId = 0;
    QByteArray canonical;
};

// The row's columns (from firstColumn on, in the order of columns) as they are hashed.
RowContent contentOf(const QSqlQuery &q, int firstColumn, const QStringList &columns)
{
    RowContent row;
    row.found = true;
    for (int i = 0; i < columns.size(); ++i) {
        const QVariant value = q.value(firstColumn + i);
        row.canonical += columns.at(i).toUtf8() + '=' + canonical(value) + '\x1e';
        if (columns.at(i) == u"incident_id")
            row.incidentId = value.toLongLong();
    }
    return row;
}

// Where the incident is not a column of the row itself.
Outcome findIncident(const Database &database, const QString &table, qint64 id, RowContent &row)
{
    if (table == u"incidents") {
        row.incidentId = id;
    } else if (table == u"commitment_outcomes") {
        const auto incident = database.scalar(
            QStringLiteral("SELECT c.incident_id FROM commitment_outcomes o JOIN commitments c ON "
                           "c.id = o.commitment_id WHERE o.id = ?"),
            {id});
        if (!incident)
            return incident.failure();
        row.incidentId = incident->toLongLong();
    }
    return done();
}

// The rows' contents, read a run of neighbouring ids at a time: a script's batch of entries
// is one query, not one per entry. Rows not there are left out.
Result<QHash<qint64, RowContent>> readRows(const Database &database, const QString &table,
                                           QList<qint64> ids, const QStringList &columns)
{
    constexpr qint64 kLargestGap = 64; // rows between two wanted ones are read and skipped
    std::sort(ids.begin(), ids.end());
    const QSet<qint64> wanted(ids.cbegin(), ids.cend());
    const QString sql =
        QStringLiteral("SELECT id, %1 FROM %2 WHERE id >= ? AND id <= ? ORDER BY id")
            .arg(columns.join(u", "), table);
    QHash<qint64, RowContent> rows;
    for (qsizetype first = 0; first < ids.size();) {
        qsizetype last = first;
        while (last + 1 < ids.size() && ids.at(last + 1) - ids.at(last) <= kLargestGap)
            ++last;
        const Outcome read =
            database.each(sql, {ids.at(first), ids.at(last)}, [&](const QSqlQuery &q) {
                const qint64 id = q.value(0).toLongLong();
                if (wanted.contains(id))
                    rows.insert(id, contentOf(q, 1, columns));
            });
        if (!read)
            return read.failure();
        first = last + 1;
    }
    for (auto row = rows.begin(); row != rows.end(); ++row) {
        if (Outcome found = findIncident(database, table, row.key(), *row); !found)
            return found.failure();
    }
    return rows;
}

// Inserts links into the chain, many in one statement.
class LinkWriter
{
public:
    explicit LinkWriter(const Database &database) : m_database(database) {}

    Outcome add(qint64 incidentId, const QString &table, qint64 rowId, const QString &columns,
                const QByteArray &hash)
    {
        m_values << incidentId << table << rowId << columns << QString::fromLatin1(hash);
        if (m_values.size() < kPerStatement * kColumns)
            return done();
        return flush();
    }

    Outcome flush()
    {
        if (m_values.isEmpty())
            return done();
        const qsizetype links = m_values.size() / kColumns;
        QStringList rows(links, QStringLiteral("(?, ?, ?, ?, ?)"));
        const Outcome written = m_database.exec(
            QStringLiteral("INSERT INTO record_chain (incident_id, table_name, row_id, columns, "
                           "hash) VALUES %1")
                .arg(rows.join(u", ")),
            m_values);
        m_values.clear();
        return written;
    }

private:
    static constexpr qsizetype kColumns = 5;
    static constexpr qsizetype kPerStatement = 64;
    const Database &m_database;
    QVariantList m_values;
};

QByteArray linkHash(const QByteArray &previous, const QString &table, const QByteArray &row)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(previous);
    hash.addData(QByteArrayView("\n"));
    hash.addData(table.toUtf8());
    hash.addData(QByteArrayView("\n"));
    hash.addData(row);
    return hash.result().toHex();
}

Result<QByteArray> headOf(const Database &database, qint64 incidentId)
{
    const auto head = database.scalar(QStringLiteral("SELECT hash FROM record_chain WHERE "
                                                     "incident_id = ? ORDER BY id DESC LIMIT 1"),
                                      {incidentId}, QByteArray());
    if (!head)
        return head.failure();
    return head->toByteArray();
}

} // namespace

namespace RecordChain {
const QStringList &chainedTables()
{
    static const QStringList tables{
        QStringLiteral("incidents"),
        QStringLiteral("log_entries"),
        QStringLiteral("commitments"),
        QStringLiteral("commitment_outcomes"),
        QStringLiteral("briefings"),
        QStringLiteral("handovers"),
        QStringLiteral("framings"),
        QStringLiteral("problem_statements"),
        QStringLiteral("problem_confirmations"),
        QStringLiteral("customer_asks"),
        QStringLiteral("customer_ask_events"),
        QStringLiteral("status_changes"),
        QStringLiteral("notices"),
        QStringLiteral("notice_sends"),
        QStringLiteral("notice_edits"),
        QStringLiteral("impact_assessments"),
        QStringLiteral("severity_changes"),
        QStringLiteral("solution_options"),
        QStringLiteral("option_choices"),
        QStringLiteral("resolution_reports"),
        QStringLiteral("action_items"),
        QStringLiteral("action_items_done"),
        QStringLiteral("debriefs"),
        QStringLiteral("key_moments"),
        QStringLiteral("known_problem_sightings"),
    };
    return tables;
}

Outcome seal(const Database &database, const QList<RowRef> &rows)
{
    QHash<QString, QList<qint64>> idsByTable;
    for (const RowRef &ref : rows)
        idsByTable[ref.table].append(ref.id);
    QHash<QString, QString> columnsByTable; // as each link names them
    QHash<QString, QHash<qint64, RowContent>> contents;
    for (auto table = idsByTable.cbegin(); table != idsByTable.cend(); ++table) {
        const QStringList columns = columnsToSeal(database, table.key());
        auto read = readRows(database, table.key(), table.value(), columns);
        if (!read)
            return read.failure();
        columnsByTable.insert(table.key(), columns.join(u','));
        contents.insert(table.key(), read.take());
    }
    QHash<qint64, QByteArray> heads; // each incident's newest hash, once read or written here
    LinkWriter links(database);
    for (const RowRef &ref : rows) {
        const QHash<qint64, RowContent> &tableRows = *contents.constFind(ref.table);
        const auto row = tableRows.constFind(ref.id);
        if (row == tableRows.cend())
            continue; // not there after all (an insert that did nothing)
        auto head = heads.find(row->incidentId);
        if (head == heads.end()) {
            const auto previous = headOf(database, row->incidentId);
            if (!previous)
                return previous.failure();
            head = heads.insert(row->incidentId, *previous);
        }
        *head = linkHash(*head, ref.table, row->canonical);
        if (Outcome linked = links.add(row->incidentId, ref.table, ref.id,
                                       columnsByTable.value(ref.table), *head);
            !linked)
            return linked;
    }
    return links.flush();
}

Outcome sealAll(const Database &database)
{
    // Oldest first across tables, by time where the table has one, so each incident's chain
    // follows the order things happened in as closely as the rows tell.
    QList<RowRef> rows;
    const QStringList present = database.connection().tables();
    for (const QString &table : chainedTables()) {
        if (!present.contains(table))
            continue; // a later version's: linked as its rows are written
        auto ran = database.run(QStringLiteral("SELECT id FROM %1 ORDER BY id").arg(table));
        if (!ran)
            return ran.failure();
        while (ran->next())
            rows.append({table, ran->value(0).toLongLong()});
    }
    return seal(database, rows);
}

QString unlinkedRowSql(const QString &table, bool oneIncident)
{
    // The incident is compared, not looked up (unary +): with an index on incident_id, SQLite
    // would otherwise walk every row of a million-entry incident to find the few past the mark,
    // on every check, instead of the range of ids past it.
    QString incidentFilter;
    if (oneIncident) {
        incidentFilter = table == u"incidents" ? QStringLiteral(" AND t.id = ?")
                         : table == u"commitment_outcomes"
                             ? QStringLiteral(" AND t.commitment_id IN (SELECT "
                                              "id FROM commitments WHERE "
                                              "incident_id = ?)")
                             : QStringLiteral(" AND +t.incident_id = ?");
    }
    return QStringLiteral(
               "SELECT t.id FROM %1 t WHERE t.id > ? AND t.id <= ?%2 AND NOT EXISTS (SELECT 1 FROM "
               "record_chain c WHERE c.table_name = '%1' AND c.row_id = t.id) "
               "ORDER BY t.id LIMIT 1")
        .arg(table, incidentFilter);
}

Result<Report> verify(const Database &database, qint64 incidentId, Cursor &cursor, int slices)
{
    Report report;
    const bool oneIncident = incidentId > 0;
    // Slices of work left: none counted (-1) for a check of every incident.
    int slicesLeft = oneIncident && slices > 0 ? slices : -1;
    const auto spendSlice = [&slicesLeft] {
        if (slicesLeft > 0)
            --slicesLeft;
    };
    if (!oneIncident)
        cursor = Cursor{}; // every chain restarts from its head
    QHash<qint64, QByteArray> previousByIncident;
    if (oneIncident)
        previousByIncident.insert(incidentId, cursor.lastHash);
    Cursor advanced = cursor;
    // A chunk of links at a time, their rows read a run of ids at a time: a million-entry
    // incident is checked in bounded memory, not held whole in a query's cache.
    constexpr int kChunk = 5000;
    const QString sql =
        QStringLiteral("SELECT id, incident_id, table_name, row_id, columns, hash FROM "
                       "record_chain WHERE %1 ORDER BY incident_id, id LIMIT %2")
            .arg(oneIncident ? QStringLiteral("incident_id = ? AND id > ?")
                             : QStringLiteral("(incident_id > ? OR (incident_id = ? AND id > ?))"))
            .arg(kChunk);
    struct Link
    {
        qint64 id;
        qint64 incident;
        QString table;
        qint64 rowId;
        QString columns;
        QByteArray stored;
    };
    qint64 afterIncident = oneIncident ? incidentId : 0;
    qint64 afterLink = cursor.lastLinkId;
    // Where a check that ran out of slices stopped: intact so far.
    const auto unfinished = [&] {
        cursor = advanced;
        return Report{advanced.records, true, QString(), false};
    };
    for (;;) {
        if (slicesLeft == 0)
            return unfinished();
        QList<Link> links;
        links.reserve(kChunk);
        const QVariantList after = oneIncident
                                       ? QVariantList{afterIncident, afterLink}
                                       : QVariantList{afterIncident, afterIncident, afterLink};
        const Outcome read = database.each(sql, after, [&](const QSqlQuery &q) {
            links.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(),
                          q.value(3).toLongLong(), q.value(4).toString(),
                          q.value(5).toString().toLatin1()});
        });
        if (!read)
            return read.failure();
        if (links.isEmpty())
            break;
        if (links.size() == kChunk) // a short chunk is the last: the rows' look may follow
            spendSlice();
        // The rows of this chunk, by table and the columns they were written with.
        using Shape = std::pair<QString, QString>; // table, columns
        QHash<Shape, QList<qint64>> idsByShape;
        for (const Link &link : std::as_const(links))
            idsByShape[{link.table, link.columns}].append(link.rowId);
        QHash<Shape, QHash<qint64, RowContent>> rowsByShape;
        for (auto shape = idsByShape.cbegin(); shape != idsByShape.cend(); ++shape) {
            const auto rows = readRows(database, shape.key().first, shape.value(),
                                       shape.key().second.split(u','));
            if (!rows)
                return rows.failure();
            rowsByShape.insert(shape.key(), *rows);
        }
        for (const Link &link : std::as_const(links)) {
            const auto which = [&link] { // worded only for the record that fails
                return QStringLiteral("record %1 (%2 #%3 of incident %4)")
                    .arg(link.id)
                    .arg(link.table)
                    .arg(link.rowId)
                    .arg(link.incident);
            };
            const QHash<qint64, RowContent> &rows = rowsByShape[{link.table, link.columns}];
            const auto row = rows.constFind(link.rowId);
            if (row == rows.cend() || !row->found)
                return Report{advanced.records, false,
                              QStringLiteral("%1 has been deleted").arg(which())};
            const QByteArray expected =
                linkHash(previousByIncident.value(link.incident), link.table, row->canonical);
            if (expected != link.stored || row->incidentId != link.incident)
                return Report{advanced.records, false,
                              QStringLiteral("%1 does not match its hash: it was changed after "
                                             "it was written")
                                  .arg(which())};
            previousByIncident.insert(link.incident, link.stored);
            advanced.lastLinkId = link.id;
            advanced.lastHash = link.stored;
            ++advanced.records;
        }
        afterIncident = links.constLast().incident;
        afterLink = links.constLast().id;
        if (links.size() < kChunk)
            break;
    }
    // Rows in no chain, looked for past the ids already looked at, a window of ids at a time.
    // The highest id is read first: a row added meanwhile is looked at next time.
    constexpr qint64 kRowWindow = 50000;
    for (const QString &table : chainedTables()) {
        const auto last =
            database.scalar(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM %1").arg(table));
        if (!last)
            return last.failure();
        qint64 mark = advanced.lastRowIds.value(table);
        while (mark < last->toLongLong()) {
            if (slicesLeft == 0)
                return unfinished();
            spendSlice();
            const qint64 upTo =
                oneIncident ? std::min(last->toLongLong(), mark + kRowWindow) : last->toLongLong();
            QVariantList values{mark, upTo};
            if (oneIncident)
                values.append(incidentId);
            const auto unlinked = database.scalar(unlinkedRowSql(table, oneIncident), values);
            if (!unlinked)
                return unlinked.failure();
            if (unlinked->isValid() && !unlinked->isNull())
                return Report{advanced.records, false,
                              QStringLiteral("%1 #%2 is in no chain: it was added outside Warroom")
                                  .arg(table)
                                  .arg(unlinked->toLongLong())};
            mark = upTo;
            advanced.lastRowIds.insert(table, mark);
        }
    }
    if (!oneIncident)
        advanced.lastHash.clear();
    cursor = advanced;
    report.records = advanced.records;
    return report;
}
} // namespace RecordChain
