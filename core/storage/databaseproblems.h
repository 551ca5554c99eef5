#pragma once

#include <QSqlError>
#include <QString>

struct WarRoomAddress;

// What the database engine said, in words that tell the user what to do.
namespace DatabaseProblems {
// The driver's own text, without its decorations.
QString detail(const QSqlError &error);

// A SQLite file that cannot be read as it stands, with the recipe to save what it holds.
QString damaged(const QString &path, const QString &detail);
// Whether the error is one of the file's (full, read-only, damaged, …) rather than a statement's.
bool isSqliteFileProblem(const QSqlError &error);
QString sqlite(const QString &path, const QSqlError &error);

// Whether the server wants a password and none was given (a wrong one is refused otherwise).
bool asksForPassword(const QSqlError &error);
// Whether the server or the connection to it went away, rather than one statement failing.
bool isPostgresConnectionProblem(const QSqlError &error);
// Whether the server could not be reached at all, or went away: worth trying again later.
bool isPostgresUnreachable(const QSqlError &error);
QString postgres(const WarRoomAddress &address, const QSqlError &error);
} // namespace DatabaseProblems
