#include "storage/schema.h"
#include "storage/sqldialect.h"

QString SqliteDialect::driverName() const
{
    return QStringLiteral("QSQLITE");
}

QString SqliteDialect::idColumn() const
{
    // Rows are never deleted, so plain rowid keys are never reused.
    return QStringLiteral("id INTEGER PRIMARY KEY");
}

QStringList SqliteDialect::beginWrite() const
{
    return {QStringLiteral("BEGIN IMMEDIATE")};
}

QStringList SqliteDialect::appendOnlyGuards(const QString &table) const
{
    const QString message =
        QStringLiteral("%1 is append-only: record a correction instead").arg(table);
    return {
        QStringLiteral("CREATE TRIGGER %1_no_update BEFORE UPDATE ON %1 "
                       "BEGIN SELECT RAISE(ABORT, '%2'); END")
            .arg(table, message),
        QStringLiteral("CREATE TRIGGER %1_no_delete BEFORE DELETE ON %1 "
                       "BEGIN SELECT RAISE(ABORT, '%2'); END")
            .arg(table, message),
    };
}

QStringList SqliteDialect::replaceGuards(const QString &table, const QStringList &uniqueKeys) const
{
    // NEW.id is -1 in a BEFORE INSERT trigger when the row gets a fresh id: no match.
    QStringList collisions{
        QStringLiteral("EXISTS (SELECT 1 FROM %1 WHERE id = NEW.id)").arg(table)};
    for (const QString &key : uniqueKeys) {
        QStringList same;
        for (const QString &column : key.split(u',', Qt::SkipEmptyParts))
            same.append(QStringLiteral("%1 = NEW.%1").arg(column.trimmed()));
        collisions.append(
            QStringLiteral("EXISTS (SELECT 1 FROM %1 WHERE %2)").arg(table, same.join(u" AND ")));
    }
    return {QStringLiteral("CREATE TRIGGER %1_no_replace BEFORE INSERT ON %1 WHEN %2 "
                           "BEGIN SELECT RAISE(ABORT, '%1 is append-only: a row with this key "
                           "exists; record a correction instead'); END")
                .arg(table, collisions.join(u" OR "))};
}

QStringList SqliteDialect::incidentGuards() const
{
    const QString message =
        QStringLiteral("incidents keep their title, customer and opening time, and are never "
                       "deleted or replaced (append-only identity)");
    return {
        QStringLiteral("CREATE TRIGGER incidents_keep_identity BEFORE UPDATE ON incidents WHEN "
                       "NEW.id IS NOT OLD.id OR NEW.title IS NOT OLD.title OR NEW.customer IS NOT "
                       "OLD.customer OR NEW.opened_at IS NOT OLD.opened_at "
                       "BEGIN SELECT RAISE(ABORT, '%1'); END")
            .arg(message),
        QStringLiteral("CREATE TRIGGER incidents_no_delete BEFORE DELETE ON incidents "
                       "BEGIN SELECT RAISE(ABORT, '%1'); END")
            .arg(message),
        QStringLiteral("CREATE TRIGGER incidents_no_replace BEFORE INSERT ON incidents WHEN "
                       "EXISTS (SELECT 1 FROM incidents WHERE id = NEW.id) "
                       "BEGIN SELECT RAISE(ABORT, '%1'); END")
            .arg(message),
    };
}

QStringList SqliteDialect::beforeFirstRead() const
{
    // One process owns the file (see OwnerLock): it keeps its locks for as long as it has the
    // file open, and the write-ahead log's index lives in its memory, not in a -shm file.
    return {QStringLiteral("PRAGMA locking_mode = EXCLUSIVE")};
}

QString SqliteDialect::ownershipProbe() const
{
    return QStringLiteral("SELECT (SELECT application_id FROM pragma_application_id()), "
                          "(SELECT count(*) FROM sqlite_master)");
}

QVariant SqliteDialect::ownMark() const
{
    return kSqliteApplicationId;
}

QStringList SqliteDialect::markAsOurs() const
{
    return {QStringLiteral("PRAGMA application_id = %1").arg(kSqliteApplicationId)};
}

QStringList SqliteDialect::connectionSetup() const
{
    return {
        QStringLiteral("PRAGMA foreign_keys = ON"),
        QStringLiteral("PRAGMA journal_mode = WAL"),
        // An entry Warroom acknowledged survives a power cut, not only a crash.
        QStringLiteral("PRAGMA synchronous = FULL"),
    };
}

QString SqliteDialect::changeCounter() const
{
    return QStringLiteral("PRAGMA data_version");
}

QString SqliteDialect::notificationChannel() const
{
    return {};
}

QStringList SqliteDialect::announcers(const QString &) const
{
    // Other processes see commits through changeCounter().
    return {};
}

QStringList SqliteDialect::beginCopy() const
{
    return {};
}

QStringList SqliteDialect::endCopy() const
{
    return {};
}

QStringList SqliteDialect::signedInColumn(const QString &table) const
{
    return {QStringLiteral("ALTER TABLE %1 ADD COLUMN signed_in_as TEXT NOT NULL DEFAULT ''")
                .arg(table)};
}

QStringList SqliteDialect::afterExplicitIds(const QString &) const
{
    // An INTEGER PRIMARY KEY's next value is always past the highest one in the table.
    return {};
}
