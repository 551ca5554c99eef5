#include "scratchwarroom.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

QDateTime scratchStartTime()
{
    return QDateTime(QDate(2026, 3, 14), QTime(9, 0), Qt::UTC);
}

ScratchWarRoom::ScratchWarRoom()
    : m_path(m_dir.filePath(QStringLiteral("warroom.sqlite"))),
      m_address(WarRoomAddress::sqliteFile(m_path)), m_clock(scratchStartTime())
{
    if (!m_dir.isValid())
        qFatal("cannot create a temporary folder");
    auto opened = IncidentStore::open(m_address, OpenMode::CreateIfMissing, m_clock);
    if (!opened)
        qFatal("cannot open a scratch war room: %s", qPrintable(opened.error()));
    m_store = opened.take();
}

ScratchWarRoom::ScratchWarRoom(const WarRoomAddress &address)
    : m_address(address), m_clock(scratchStartTime())
{
    auto opened = IncidentStore::open(m_address, OpenMode::CreateIfMissing, m_clock);
    if (!opened)
        qFatal("cannot open a scratch war room: %s", qPrintable(opened.error()));
    m_store = opened.take();
}

qint64 ScratchWarRoom::addIncident(const QString &title)
{
    NewIncident incident;
    incident.title = title;
    incident.customer = QStringLiteral("Acme Retail");
    incident.severity = Severity::Sev2;
    incident.inChargeName = QStringLiteral("Ann Lee");
    incident.inChargePhone = QStringLiteral("+1 555 0100");
    const auto created = m_store->createIncident(incident);
    if (!created)
        qFatal("cannot create an incident: %s", qPrintable(created.error()));
    return *created;
}

LogEntry ScratchWarRoom::addLog(qint64 incidentId, const QString &text, LogKind kind)
{
    const auto added = m_store->appendLogEntry({incidentId, QStringLiteral("Ann Lee"), kind, text});
    if (!added)
        qFatal("cannot append to the log: %s", qPrintable(added.error()));
    return *added;
}

void ScratchWarRoom::recordOneOfEverything(qint64 incidentId)
{
    const auto require = [](const auto &result) {
        if (!result)
            qFatal("cannot fill the war room: %s", qPrintable(result.error()));
    };
    IncidentStore &store = *m_store;
    const QDateTime now = m_clock.now();
    addLog(incidentId, QStringLiteral("first"));
    const auto commitment =
        store.commit({incidentId, QStringLiteral("Roll back"), QStringLiteral("Bob"),
                      now.addSecs(600), QStringLiteral("fast fix"), QStringLiteral("Ann")});
    require(commitment);
    require(store.markMet(*commitment, QStringLiteral("Bob")));
    NewBriefing briefing;
    briefing.incidentId = incidentId;
    briefing.author = QStringLiteral("Ann");
    briefing.headline = QStringLiteral("Orders fail for some customers.");
    briefing.nextUpdateAt = now.addSecs(1800);
    briefing.nextUpdateWhy = QStringLiteral("The rollback completes by then.");
    require(store.publishBriefing(briefing));
    require(store.handOver(incidentId, QStringLiteral("Kim"), QStringLiteral("+1 555 0199"),
                           QStringLiteral("night shift"), QStringLiteral("Ann")));
    require(store.frame(incidentId, QStringLiteral("Restore checkout"), QStringLiteral("Kim")));
    const auto statement =
        store.restateProblem(incidentId, QStringLiteral("Checkout fails"), QStringLiteral("Kim"));
    require(statement);
    require(store.confirmProblem(*statement, QStringLiteral("Jo"), QStringLiteral("phone"),
                                 QStringLiteral("Kim")));
    const auto ask =
        store.askCustomer(incidentId, QStringLiteral("Send logs"),
                          QStringLiteral("only they have them"), QStringLiteral("Kim"));
    require(ask);
    require(store.markAskSent(*ask, QStringLiteral("Kim")));
    require(store.changeStatus({incidentId, QStringLiteral("Kim"), IncidentStatus::Investigating,
                                QStringLiteral("Reading logs"), now.addSecs(900),
                                QStringLiteral("logs arrive by then")}));
    require(store.markNoticeSent(store.notices(incidentId)->first().id, QStringLiteral("Kim")));
}

void ScratchWarRoom::reopenStore()
{
    m_windowStore.reset();
    m_store.reset();
    m_store = openSecondStore();
}

std::unique_ptr<IncidentStore> ScratchWarRoom::openSecondStore()
{
    auto opened = IncidentStore::open(m_address, OpenMode::MustExist, m_clock);
    if (!opened)
        qFatal("cannot open a second store: %s", qPrintable(opened.error()));
    return opened.take();
}

QString runStatements(QSqlDatabase db, const QStringList &statements)
{
    if (!db.open())
        return db.lastError().text();
    QString refused;
    QSqlQuery query(db);
    for (const QString &sql : statements) {
        if (!query.exec(sql)) {
            refused = sql + QStringLiteral(": ") + query.lastError().text();
            break;
        }
    }
    query.finish();
    db.close();
    return refused;
}

QString runForeignSql(const QString &path, const QStringList &statements)
{
    const QString name = QStringLiteral("foreign-program");
    QString refused;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        refused = runStatements(db, statements);
    }
    QSqlDatabase::removeDatabase(name);
    return refused;
}

QString runForeignSql(const WarRoomAddress &address, const QStringList &statements)
{
    const QString name = QStringLiteral("foreign-client");
    QString refused;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(address.host);
        db.setPort(address.port);
        db.setDatabaseName(address.database);
        db.setUserName(address.user);
        db.setPassword(address.password);
        refused = runStatements(db, statements);
    }
    QSqlDatabase::removeDatabase(name);
    return refused;
}

QString builtExecutable(const char *variable)
{
    const QString path = qEnvironmentVariable(variable);
    if (path.isEmpty() || !QFile::exists(path))
        qFatal("%s does not name a built program (run the tests through ctest)", variable);
    return path;
}

QString warroomExecutable()
{
    return builtExecutable("WARROOM_EXECUTABLE");
}

QByteArray fileDigest(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
}
