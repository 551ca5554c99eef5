#include "storage/databaseproblems.h"

#include "storage/warroomaddress.h"

namespace DatabaseProblems {
QString detail(const QSqlError &error)
{
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.text().trimmed();
    // PostgreSQL prefixes its severity and may add context lines ("CONTEXT: PL/pgSQL …").
    if (text.startsWith(QStringLiteral("ERROR:")))
        text = text.mid(6).trimmed();
    if (const qsizetype context = text.indexOf(QStringLiteral("\nCONTEXT:")); context > 0)
        text = text.left(context).trimmed();
    // QPSQL appends the SQLSTATE: "… (42601)".
    const QString state = error.nativeErrorCode();
    if (!state.isEmpty() && text.endsWith(QStringLiteral(" (%1)").arg(state)))
        text.chop(state.size() + 3);
    return text;
}

QString damaged(const QString &path, const QString &detail)
{
    return QStringLiteral("%1 is damaged (%2). It was left as it is, and nothing was written. To "
                          "save what it holds, copy it and recover the copy: sqlite3 COPY "
                          "\".recover\" | sqlite3 RECOVERED.sqlite, then open RECOVERED.sqlite.")
        .arg(path, detail);
}

namespace {
// SQLite's primary result code, which QSQLITE reports as the native error code.
int sqliteCode(const QSqlError &error)
{
    return error.nativeErrorCode().toInt() & 0xff;
}
} // namespace

bool isSqliteFileProblem(const QSqlError &error)
{
    switch (sqliteCode(error)) {
    case 8:  // SQLITE_READONLY
    case 10: // SQLITE_IOERR
    case 11: // SQLITE_CORRUPT
    case 13: // SQLITE_FULL
    case 26: // SQLITE_NOTADB
        return true;
    default:
        return false;
    }
}

QString sqlite(const QString &path, const QSqlError &error)
{
    const QString why = detail(error);
    switch (sqliteCode(error)) {
    case 5: // SQLITE_BUSY
    case 6: // SQLITE_LOCKED
        return QStringLiteral("%1 is locked by another program (%2). Close the program that has "
                              "it open, then try again.")
            .arg(path, why);
    case 8: // SQLITE_READONLY
        return QStringLiteral("%1 cannot be written: the file or its folder is read-only (%2).")
            .arg(path, why);
    case 10: // SQLITE_IOERR
        return QStringLiteral("Reading or writing %1 failed (%2). Nothing was changed; check the "
                              "disk.")
            .arg(path, why);
    case 11: // SQLITE_CORRUPT
        return damaged(path, why);
    case 13: // SQLITE_FULL
        return QStringLiteral("The disk holding %1 is full (%2). Free some space; nothing was "
                              "written.")
            .arg(path, why);
    case 14: // SQLITE_CANTOPEN
        return QStringLiteral("%1 cannot be opened (%2). Check that its folder exists and that "
                              "you may write to it.")
            .arg(path, why);
    case 26: // SQLITE_NOTADB
        return QStringLiteral("%1 is not a Warroom database (it is not a database file at all). "
                              "It was left untouched.")
            .arg(path);
    default:
        return QStringLiteral("Cannot open %1: %2").arg(path, why);
    }
}

bool isPostgresConnectionProblem(const QSqlError &error)
{
    // SQLSTATE class 08 (connection exception) and 57P0x (the server is shutting down);
    // a connection lost mid-statement leaves no SQLSTATE, only the driver's words.
    const QString state = error.nativeErrorCode();
    if (state.startsWith(QStringLiteral("08")) || state.startsWith(QStringLiteral("57P0")))
        return true;
    const QString text = detail(error);
    return text.contains(QStringLiteral("server closed the connection")) ||
           text.contains(QStringLiteral("no connection to the server")) ||
           text.contains(QStringLiteral("connection to server")) ||
           text.contains(QStringLiteral("terminating connection"));
}

bool isPostgresUnreachable(const QSqlError &error)
{
    const QString why = detail(error);
    return why.contains(QStringLiteral("Connection refused")) ||
           why.contains(QStringLiteral("could not translate host name")) ||
           why.contains(QStringLiteral("timeout expired")) ||
           why.contains(QStringLiteral("No route to host")) || isPostgresConnectionProblem(error);
}

bool asksForPassword(const QSqlError &error)
{
    return detail(error).contains(QStringLiteral("no password supplied"));
}

QString postgres(const WarRoomAddress &address, const QSqlError &error)
{
    const QString why = detail(error);
    const QString where = QStringLiteral("%1:%2").arg(address.host).arg(address.port);
    if (asksForPassword(error))
        return QStringLiteral("The server at %1 wants a password for %2, and none is stored for "
                              "this war room. Sign in once with \"warroom login %3\" or File > "
                              "Connect to shared war room (the password is kept in your "
                              "keychain), or give it the PostgreSQL way: PGPASSWORD or ~/.pgpass.")
            .arg(where, address.user, address.display());
    if (why.contains(QStringLiteral("password authentication failed")) ||
        error.nativeErrorCode() == u"28P01")
        return QStringLiteral("The server at %1 refused the password for %2. Enter it again "
                              "(warroom login %3), or work on a local war room meanwhile.")
            .arg(where, address.user, address.display());
    if (why.contains(QStringLiteral("does not exist")) && why.contains(QStringLiteral("database")))
        return QStringLiteral("There is no database \"%1\" on the server at %2. Ask its "
                              "administrator to create it (createdb %1), or check the address.")
            .arg(address.database, where);
    if (why.contains(QStringLiteral("role")) && why.contains(QStringLiteral("does not exist")))
        return QStringLiteral("The server at %1 has no user \"%2\". Check the address, or ask its "
                              "administrator for an account.")
            .arg(where, address.user);
    if (isPostgresUnreachable(error))
        return QStringLiteral("Cannot reach the war room server at %1 (%2). Check the address "
                              "and that the server is running, then try again; or work on a "
                              "local war room meanwhile.")
            .arg(where, why);
    return QStringLiteral("Cannot open %1: %2").arg(address.display(), why);
}
} // namespace DatabaseProblems
