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

QStringList SqliteDialect::beforeFirstRead() const
{
    // One process owns the file (see OwnerLock): it keeps its locks for as long as it has the
    // file open, and the write-ahead log's index lives in its memory, not in a -shm file.
    return {QStringLiteral("PRAGMA locking_mode = EXCLUSIVE")};
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
