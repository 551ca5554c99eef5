#include "storage/incidentstore.h"

#include "domain/fieldcheck.h"
#include "rules/clock.h"
#include "storage/changesource.h"
#include "storage/rows.h"

Result<std::unique_ptr<IncidentStore>>
IncidentStore::openSqlite(const QString &path, OpenMode mode, const Clock &clock, QObject *parent)
{
    if (path.isEmpty())
        return Failure{QStringLiteral("No database file was given.")};
    return open(WarRoomAddress::sqliteFile(path), mode, clock, parent);
}

Result<std::unique_ptr<IncidentStore>> IncidentStore::open(const WarRoomAddress &address,
                                                           OpenMode mode, const Clock &clock,
                                                           QObject *parent)
{
    Result<std::shared_ptr<Database>> database = Database::open(address, mode);
    if (!database)
        return database.failure();
    // Whoever opens the war room, window or command, records the misses it finds. A
    // connection this process had open already was looked through when it opened, and is
    // looked after since by the window that holds it (LiveWarRoom records each deadline as it
    // passes): a script's command run there, batch after batch, does not look through every
    // missed deadline again (10,000 of them took a quarter of the store's time).
    const bool openedNow = database->use_count() == 1; // Database::open keeps no strong hold
    auto store = std::make_unique<IncidentStore>(database.take(), clock, parent);
    if (openedNow) {
        if (const auto recorded = store->recordMissedDeadlines(); !recorded)
            return recorded.failure();
    }
    return store;
}

IncidentStore::IncidentStore(std::shared_ptr<Database> database, const Clock &clock,
                             QObject *parent)
    : QObject(parent), m_database(std::move(database)), m_clock(clock)
{
    m_signedInAs = m_database->engine().signedInRole(*m_database).valueOr({});
    connect(&m_database->changes(), &ChangeSource::changed, this, &IncidentStore::changed);
}

IncidentStore::~IncidentStore() = default;

Result<qint64> IncidentStore::createIncident(const NewIncident &incident, const QString &by)
{
    if (const QStringList problems = incident.problems(); !problems.isEmpty())
        return Failure{problems.join(u'\n')};
    const QString author = !by.trimmed().isEmpty()            ? by.trimmed()
                           : !incident.inChargeName.isEmpty() ? incident.inChargeName.trimmed()
                                                              : QStringLiteral("warroom");

    Result<qint64> created = m_database->write<qint64>([&]() -> Result<qint64> {
        const QDateTime now = m_clock.now();
        auto ran = m_database->run(
            QStringLiteral("INSERT INTO incidents (title, customer, problem_statement, status, "
                           "severity, in_charge_name, in_charge_phone, opened_at, "
                           "customer_time_zone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
            {incident.title.trimmed(), incident.customer.trimmed(),
             incident.problemStatement.trimmed(), statusName(IncidentStatus::Reported),
             severityName(incident.severity), incident.inChargeName.trimmed(),
             incident.inChargePhone.trimmed(), Rows::time(now),
             incident.customerTimeZone.trimmed()});
        if (!ran)
            return ran.failure();
        ran->next();
        const qint64 id = ran->value(0).toLongLong();
        if (!incident.problemStatement.trimmed().isEmpty()) {
            const auto stated = m_database->run(
                QStringLiteral("INSERT INTO problem_statements (incident_id, at, by_name, body) "
                               "VALUES (?, ?, ?, ?)"),
                {id, Rows::time(now), author, incident.problemStatement.trimmed()});
            if (!stated)
                return stated.failure();
        }
        return id;
    });
    return created;
}

Result<QList<Incident>> IncidentStore::incidents() const
{
    return m_database->list(
        QStringLiteral("SELECT %1 FROM incidents ORDER BY opened_at DESC, id DESC")
            .arg(Rows::incidentColumns),
        {}, &Rows::incident);
}

Result<Incident> IncidentStore::incident(qint64 incidentId) const
{
    auto ran = m_database->run(
        QStringLiteral("SELECT %1 FROM incidents WHERE id = ?").arg(Rows::incidentColumns),
        {incidentId});
    if (!ran)
        return ran.failure();
    if (!ran->next())
        return noSuchIncident(incidentId);
    return Rows::incident(*ran);
}

Failure IncidentStore::noSuchIncident(qint64 incidentId)
{
    return Failure{QStringLiteral("There is no incident %1.").arg(incidentId)};
}

Outcome IncidentStore::requireIncident(qint64 incidentId) const
{
    const auto found =
        m_database->scalar(QStringLiteral("SELECT 1 FROM incidents WHERE id = ?"), {incidentId});
    if (!found)
        return found.failure();
    if (!found->isValid())
        return noSuchIncident(incidentId);
    return done();
}

Outcome IncidentStore::bumpIncident(qint64 incidentId, const QString &assignments,
                                    const QVariantList &values)
{
    // The revision tells other processes that this row changed.
    const auto ran = m_database->run(
        QStringLiteral("UPDATE incidents SET %1, revision = revision + 1 WHERE id = ?")
            .arg(assignments),
        QVariantList(values) << incidentId);
    if (!ran)
        return ran.failure();
    return done();
}

Result<RecordChain::Report> IncidentStore::checkRecordChain(qint64 incidentId, int slices)
{
    if (incidentId <= 0) {
        RecordChain::Cursor fresh;
        return RecordChain::verify(*m_database, 0, fresh);
    }
    RecordChain::Cursor &cursor = m_chainChecked[incidentId];
    return RecordChain::verify(*m_database, incidentId, cursor, slices);
}

void IncidentStore::checkForExternalChanges()
{
    m_database->changes().look();
}

Outcome IncidentStore::reconnect()
{
    if (Outcome connected = m_database->reconnect(); !connected)
        return connected;
    if (const auto recorded = recordMissedDeadlines(); !recorded)
        return recorded.failure();
    return done();
}
