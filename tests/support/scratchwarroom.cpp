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
    const qint64 notice = store.notices(incidentId)->first().id;
    require(store.editNotice(notice, QStringLiteral("Update: we are reading the logs."),
                             QStringLiteral("Kim")));
    require(store.markNoticeSent(notice, QStringLiteral("Kim")));
}

void ScratchWarRoom::recordTheAftermath(qint64 incidentId)
{
    const auto require = [](const auto &result) {
        if (!result)
            qFatal("cannot record the aftermath: %s", qPrintable(result.error()));
    };
    IncidentStore &store = *m_store;
    const QDateTime now = m_clock.now();
    const auto option = store.addOption(
        {incidentId, QStringLiteral("Kim"), QStringLiteral("Fail over to the second site"),
         QStringLiteral("back in ten minutes"), QStringLiteral("reports run slower for a day")});
    require(option);
    require(
        store.chooseOption(*option, QStringLiteral("speed matters most"), QStringLiteral("Jo")));
    NewResolutionReport report;
    report.incidentId = incidentId;
    report.by = QStringLiteral("Kim");
    report.cause = QStringLiteral("An expired certificate on the payment link.");
    report.done = QStringLiteral("We renewed the certificate.");
    report.remains = {{QStringLiteral("Alert before certificates expire"), QStringLiteral("Bob"),
                       now.addDays(7)}};
    report.fullySolved = true;
    report.recurrence = QStringLiteral("Not once the alert is in place.");
    const auto resolved = store.resolve(report);
    require(resolved);
    require(store.markActionDone(resolved->remains.constFirst().id, QStringLiteral("alert live"),
                                 QStringLiteral("Bob")));
    require(store.recordDebrief({incidentId, QStringLiteral("Kim"), QStringLiteral("Fast rollback"),
                                 QStringLiteral("Late first briefing"),
                                 QStringLiteral("Happy with the updates"),
                                 QStringLiteral("Watch certificate expiry")}));
    require(store.markKeyMoment(
        incidentId, {QStringLiteral("log_entries"), store.logEntries(incidentId, 1, 1)->first().id},
        true, QStringLiteral("Kim")));
    NewKnownProblem known;
    known.by = QStringLiteral("Kim");
    known.symptom = QStringLiteral("Payments fail with certificate errors");
    known.workaround = QStringLiteral("Renew the payment link's certificate.");
    known.fromIncidentId = incidentId;
    const auto problem = store.addKnownProblem(known);
    require(problem);
    require(store.updateKnownProblem(*problem, FixStatus::Fixed, QStringLiteral("alerting added"),
                                     QStringLiteral("Bob")));
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
