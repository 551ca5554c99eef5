#pragma once

#include "storage/warroomaddress.h"

#include <QTemporaryDir>

#include <optional>

// A PostgreSQL server of the test's own: a new cluster (initdb) in a temporary folder, started
// with pg_ctl on 127.0.0.1 and a free port, stopped and removed when the object goes. Clients
// sign in over TCP with a password (SCRAM), as desktops do; the test's administration goes
// through the server's socket in the folder. Fails the test run loudly when it cannot start:
// a test that needs a real server must not pass without one.
class ThrowawayPostgres
{
public:
    ThrowawayPostgres();
    // Whether PostgreSQL's server programs are installed (a benchmark skips what needs them).
    static bool available();
    ~ThrowawayPostgres();
    ThrowawayPostgres(const ThrowawayPostgres &) = delete;
    ThrowawayPostgres &operator=(const ThrowawayPostgres &) = delete;

    static QString user() { return QStringLiteral("warroom_tester"); }
    static QString password() { return QStringLiteral("tester-secret"); }

    // A new empty database owned by user(), and its address (password in the URL).
    WarRoomAddress newDatabase();
    // The URL a client types for a database on this server, password included.
    QString url(const QString &database, const QString &secret = password()) const;
    static QString url(const WarRoomAddress &address);
    // Runs statements as the server's superuser in a database; the first error, or empty.
    QString administer(const QString &database, const QStringList &statements);

    int port() const { return m_port; }
    // The database as pg_dump writes it (schema and every row), and the server's log so far.
    QByteArray dump(const QString &database) const;
    QByteArray serverLog() const;
    // The postmaster's process id, to stop and continue the whole server in tests.
    qint64 serverPid() const;
    // Shuts the server down (every client's connection ends) and starts it again, on the same
    // port with the same databases: a server that goes away and comes back.
    void stop();
    void start();

private:
    // The command's standard output, or nothing when it failed.
    std::optional<QByteArray> runAsServerUser(const QStringList &command) const;

    QTemporaryDir m_dir;
    QString m_bin;
    int m_port = 0;
    int m_databases = 0;
    bool m_running = false;
};
