#include "storage/warroomcopy.h"

#include "storage/database.h"
#include "storage/recordchain.h"
#include "storage/rows.h"

#include <QSet>
#include <QSqlRecord>

namespace WarRoomCopy {
namespace {
// What belongs to the war room as a whole rather than to an incident's record, so outside the
// chain: the team's policy versions, each person's display name, the book of known problems.
const QStringList &warRoomWideTables()
{
    static const QStringList tables{QStringLiteral("policies"), QStringLiteral("display_names"),
                                    QStringLiteral("known_problems"),
                                    QStringLiteral("known_problem_updates")};
    return tables;
}

// Every table of the record, the chain itself, and the war room's own.
QStringList copiedTables()
{
    return RecordChain::chainedTables() + QStringList{QStringLiteral("record_chain")} +
           warRoomWideTables();
}

Result<qint64> countRows(const Database &database, const QString &table)
{
    const auto counted = database.scalar(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table));
    if (!counted)
        return counted.failure();
    return counted->toLongLong();
}

// Inserts the source's row table#id into the target with the same id and values.
Outcome copyRow(const Database &source, Database &target, const QString &table, qint64 id)
{
    auto read = source.run(QStringLiteral("SELECT * FROM %1 WHERE id = ?").arg(table), {id});
    if (!read)
        return read.failure();
    if (!read->next())
        return Failure{QStringLiteral("the record names %1 #%2, which the source does not hold")
                           .arg(table)
                           .arg(id)};
    const QSqlRecord row = read->record();
    QStringList columns;
    QVariantList values;
    for (int i = 0; i < row.count(); ++i) {
        columns.append(row.fieldName(i));
        // A NULL as NULL: the driver's typed "null" of one engine can reach the other as ''.
        values.append(read->isNull(i) ? QVariant() : read->value(i));
    }
    const auto written =
        target.runVerbatim(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                               .arg(table, columns.join(u", "), Rows::placeholders(row.count())),
                           values);
    if (!written)
        return Failure{QStringLiteral("%1 #%2: %3").arg(table).arg(id).arg(written.error())};
    return done();
}

// The war room's own rows first (an incident's record may name a known problem), then every
// row of the record in the order it was written, each link of the chain after its row.
Outcome copyInWrittenOrder(const Database &source, Database &target)
{
    for (const QString &table : warRoomWideTables()) {
        auto ids = source.run(QStringLiteral("SELECT id FROM %1 ORDER BY id").arg(table));
        if (!ids)
            return ids.failure();
        while (ids->next()) {
            if (Outcome row = copyRow(source, target, table, ids->value(0).toLongLong()); !row)
                return row;
        }
    }
    auto links = source.run(QStringLiteral("SELECT * FROM record_chain ORDER BY id"));
    if (!links)
        return links.failure();
    QSet<QPair<QString, qint64>> copied;
    while (links->next()) {
        const QSqlRecord link = links->record();
        const QString table = link.value(QStringLiteral("table_name")).toString();
        const qint64 rowId = link.value(QStringLiteral("row_id")).toLongLong();
        if (!copied.contains({table, rowId})) {
            if (Outcome row = copyRow(source, target, table, rowId); !row)
                return row;
            copied.insert({table, rowId});
        }
        if (Outcome chained = copyRow(source, target, QStringLiteral("record_chain"),
                                      link.value(QStringLiteral("id")).toLongLong());
            !chained)
            return chained;
    }
    return done();
}
} // namespace

Result<Summary> copy(const Database &source, Database &target)
{
    RecordChain::Cursor sourceCursor;
    const auto sourceChain = RecordChain::verify(source, 0, sourceCursor);
    if (!sourceChain)
        return sourceChain.failure();
    if (!sourceChain->intact)
        return Failure{QStringLiteral("The record of %1 does not match its hash chain (%2), so it "
                                      "is not copied: a copy would vouch for it. Nothing was "
                                      "written.")
                           .arg(source.location(), sourceChain->problem)};
    if (sourceChain->records == 0)
        return Failure{QStringLiteral("%1 holds no incidents: there is nothing to copy. Nothing "
                                      "was written.")
                           .arg(source.location())};
    const auto present = countRows(target, QStringLiteral("incidents"));
    if (!present)
        return present.failure();
    if (*present > 0)
        return Failure{QStringLiteral("%1 already holds %2 incident(s). A war room is copied only "
                                      "into an empty one, so that no record is mixed into "
                                      "another. Nothing was written.")
                           .arg(target.location())
                           .arg(*present)};

    return target.write<Summary>([&]() -> Result<Summary> {
        // One announcement for the whole copy instead of one per row.
        for (const QString &statement : target.engine().beginCopy()) {
            if (auto ran = target.runVerbatim(statement); !ran)
                return ran.failure();
        }
        if (Outcome copied = copyInWrittenOrder(source, target); !copied)
            return copied.failure();
        Summary summary;
        for (const QString &table : copiedTables()) {
            for (const QString &statement : target.engine().afterExplicitIds(table)) {
                if (auto ran = target.runVerbatim(statement); !ran)
                    return ran.failure();
            }
            const auto had = countRows(source, table);
            const auto has = countRows(target, table);
            if (!had || !has)
                return Failure{had ? has.error() : had.error()};
            if (*had != *has)
                return Failure{QStringLiteral("%1 holds %2 row(s) of %3 after the copy, the "
                                              "source %4 (rows outside the record chain?). "
                                              "Nothing was written.")
                                   .arg(target.location())
                                   .arg(*has)
                                   .arg(table)
                                   .arg(*had)};
            if (*had > 0 && table != u"record_chain")
                summary.rowsPerTable.append({table, *had});
        }
        RecordChain::Cursor targetCursor;
        const auto targetChain = RecordChain::verify(target, 0, targetCursor);
        if (!targetChain)
            return targetChain.failure();
        if (!targetChain->intact || targetChain->records != sourceChain->records)
            return Failure{QStringLiteral("The copy's hash chains do not recompute (%1; %2 of %3 "
                                          "records). Nothing was written.")
                               .arg(targetChain->problem)
                               .arg(targetChain->records)
                               .arg(sourceChain->records)};
        summary.records = targetChain->records;
        for (const QString &statement : target.engine().endCopy()) {
            if (auto ran = target.runVerbatim(statement); !ran)
                return ran.failure();
        }
        return summary;
    });
}
} // namespace WarRoomCopy
