#include "throwawaypostgres.h"

#include "scratchwarroom.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QTcpServer>

#include <pwd.h>
#include <unistd.h>

namespace {
// Debian keeps each major version's programs in its own folder; the newest one installed.
QString serverPrograms()
{
    const QDir versions(QStringLiteral("/usr/lib/postgresql"));
    QStringList found = versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (auto it = found.crbegin(); it != found.crend(); ++it) {
        const QString bin = versions.filePath(*it + QStringLiteral("/bin"));
        if (QFile::exists(bin + QStringLiteral("/initdb")))
            return bin;
    }
    return {};
}

int freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        qFatal("no free port on 127.0.0.1");
    return probe.serverPort();
}
} // namespace

bool ThrowawayPostgres::available()
{
    return !serverPrograms().isEmpty();
}

ThrowawayPostgres::ThrowawayPostgres() : m_bin(serverPrograms())
{
    if (m_bin.isEmpty())
        qFatal("PostgreSQL's server programs are missing (scripts/install-deps.sh installs them)");
    if (!m_dir.isValid())
        qFatal("cannot create a folder for the test server");
    // initdb refuses root: as root, the cluster belongs to the postgres user.
    if (::geteuid() == 0) {
        const passwd *postgres = ::getpwnam("postgres");
        if (!postgres)
            qFatal("running as root, but there is no postgres user to run the test server");
        if (::chown(QFile::encodeName(m_dir.path()).constData(), postgres->pw_uid,
                    postgres->pw_gid) != 0)
            qFatal("cannot hand the test server's folder to the postgres user");
    }
    const QString data = m_dir.filePath(QStringLiteral("data"));
    if (!runAsServerUser({m_bin + QStringLiteral("/initdb"), QStringLiteral("-D"), data,
                          QStringLiteral("-U"), QStringLiteral("postgres"),
                          QStringLiteral("--auth-local=trust"),
                          QStringLiteral("--auth-host=scram-sha-256"), QStringLiteral("-E"),
                          QStringLiteral("UTF8"), QStringLiteral("--locale=C.UTF-8")}))
        qFatal("initdb failed");
    m_port = freePort();
    start();
    const QString created =
        administer(QStringLiteral("postgres"),
                   {QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2'").arg(user(), password())});
    if (!created.isEmpty())
        qFatal("cannot create the test role: %s", qPrintable(created));
}

ThrowawayPostgres::~ThrowawayPostgres()
{
    if (m_running)
        runAsServerUser({m_bin + QStringLiteral("/pg_ctl"), QStringLiteral("-D"),
                         m_dir.filePath(QStringLiteral("data")), QStringLiteral("-m"),
                         QStringLiteral("immediate"), QStringLiteral("-w"),
                         QStringLiteral("stop")});
}

void ThrowawayPostgres::start()
{
    const QString options = QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off")
                                .arg(m_port)
                                .arg(m_dir.path());
    if (!runAsServerUser({m_bin + QStringLiteral("/pg_ctl"), QStringLiteral("-D"),
                          m_dir.filePath(QStringLiteral("data")), QStringLiteral("-l"),
                          m_dir.filePath(QStringLiteral("server.log")), QStringLiteral("-w"),
                          QStringLiteral("-o"), options, QStringLiteral("start")}))
        qFatal("pg_ctl could not start the test server (see %s)",
               qPrintable(m_dir.filePath(QStringLiteral("server.log"))));
    m_running = true;
}

void ThrowawayPostgres::stop()
{
    if (!runAsServerUser({m_bin + QStringLiteral("/pg_ctl"), QStringLiteral("-D"),
                          m_dir.filePath(QStringLiteral("data")), QStringLiteral("-m"),
                          QStringLiteral("fast"), QStringLiteral("-w"), QStringLiteral("stop")}))
        qFatal("pg_ctl could not stop the test server");
    m_running = false;
}

std::optional<QByteArray> ThrowawayPostgres::runAsServerUser(const QStringList &command) const
{
    QStringList program = command;
    if (::geteuid() == 0)
        program = QStringList{QStringLiteral("runuser"), QStringLiteral("-u"),
                              QStringLiteral("postgres"), QStringLiteral("--")} +
                  command;
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(program.first(), program.mid(1));
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0)
        return std::nullopt;
    return process.readAllStandardOutput();
}

QByteArray ThrowawayPostgres::dump(const QString &database) const
{
    const auto dumped =
        runAsServerUser({m_bin + QStringLiteral("/pg_dump"), QStringLiteral("-h"), m_dir.path(),
                         QStringLiteral("-p"), QString::number(m_port), database});
    if (!dumped)
        qFatal("pg_dump %s failed", qPrintable(database));
    return *dumped;
}

QByteArray ThrowawayPostgres::serverLog() const
{
    QFile log(m_dir.filePath(QStringLiteral("server.log")));
    return log.open(QIODevice::ReadOnly) ? log.readAll() : QByteArray();
}

QString ThrowawayPostgres::administer(const QString &database, const QStringList &statements)
{
    const QString name = QStringLiteral("throwaway-postgres-admin");
    QString refused;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(m_dir.path()); // the socket folder
        db.setPort(m_port);
        db.setDatabaseName(database);
        db.setUserName(QStringLiteral("postgres"));
        refused = runStatements(db, statements);
    }
    QSqlDatabase::removeDatabase(name);
    return refused;
}

WarRoomAddress ThrowawayPostgres::newDatabase()
{
    const QString name = QStringLiteral("warroom_%1").arg(++m_databases);
    const QString created =
        administer(QStringLiteral("postgres"),
                   {QStringLiteral("CREATE DATABASE %1 OWNER %2").arg(name, user())});
    if (!created.isEmpty())
        qFatal("cannot create a test database: %s", qPrintable(created));
    auto address = WarRoomAddress::parse(url(name));
    if (!address)
        qFatal("%s", qPrintable(address.error()));
    return *address;
}

QString ThrowawayPostgres::url(const QString &database, const QString &secret) const
{
    return QStringLiteral("postgresql://%1:%2@127.0.0.1:%3/%4")
        .arg(user(), secret)
        .arg(m_port)
        .arg(database);
}

QString ThrowawayPostgres::url(const WarRoomAddress &address)
{
    return QStringLiteral("postgresql://%1:%2@%3:%4/%5")
        .arg(address.user, address.password, address.host)
        .arg(address.port)
        .arg(address.database);
}

qint64 ThrowawayPostgres::serverPid() const
{
    QFile pidFile(m_dir.filePath(QStringLiteral("data/postmaster.pid")));
    if (!pidFile.open(QIODevice::ReadOnly))
        return 0;
    return pidFile.readLine().trimmed().toLongLong();
}
