#pragma once

#include "domain/result.h"

#include <QString>

// Where a war room lives: a SQLite file on this desktop, or a database on a PostgreSQL server
// that a team shares. Read from what the user typed before any driver sees it: QSQLITE would
// take "postgresql://…" as a file name and quietly create a folder "postgresql:".
struct WarRoomAddress
{
    enum class Engine
    {
        Sqlite,
        Postgres
    };

    Engine engine = Engine::Sqlite;
    QString path; // SQLite: the file, absolute

    // PostgreSQL
    QString host;
    int port = 5432;
    QString database;
    QString user;
    QString sslMode; // libpq's sslmode; empty means libpq's default ("prefer")
    // Only when the URL itself carried one (discouraged). Otherwise libpq's own sources apply
    // (PGPASSWORD, ~/.pgpass) and then the keychain. Never shown by display().
    QString password;

    // "postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME[?sslmode=MODE]" (or "postgres://"),
    // otherwise a file path. Refuses other URL schemes and incomplete server addresses.
    static Result<WarRoomAddress> parse(const QString &text);
    static WarRoomAddress sqliteFile(const QString &path);

    bool isShared() const { return engine == Engine::Postgres; }
    // The path, or the URL without any password: safe for titles, messages and logs, and what
    // identifies the war room within a process.
    QString display() const;
};
