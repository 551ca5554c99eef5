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

QString SqliteDialect::beginWrite() const
{
    return QStringLiteral("BEGIN IMMEDIATE");
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

QStringList SqliteDialect::connectionSetup() const
{
    return {
        QStringLiteral("PRAGMA foreign_keys = ON"),
        QStringLiteral("PRAGMA journal_mode = WAL"),
        QStringLiteral("PRAGMA synchronous = NORMAL"),
    };
}
