// IncidentStore: the war room's policy.
#include "storage/incidentstore.h"

#include "domain/fieldcheck.h"
#include "rules/clock.h"
#include "storage/rows.h"

Result<TeamPolicy> IncidentStore::policy() const
{
    auto ran = m_database->run(
        QStringLiteral("SELECT id, at, by_name, body FROM policies ORDER BY id DESC LIMIT 1"));
    if (!ran)
        return ran.failure();
    if (!ran->next())
        return TeamPolicy();
    Result<TeamPolicy> policy = TeamPolicy::fromJson(ran->value(3).toString());
    if (!policy)
        return policy;
    policy->version = ran->value(0).toLongLong();
    policy->at = Rows::time(ran->value(1));
    policy->by = ran->value(2).toString();
    return policy;
}

Result<qint64> IncidentStore::setPolicy(const TeamPolicy &policy, const QString &by)
{
    if (Outcome usable = policy.check(); !usable)
        return usable.failure();
    if (auto bad =
            checkText(QStringLiteral("name of who changes the policy"), by, FieldLimit::Name))
        return *bad;
    Result<qint64> written = m_database->write<qint64>([&]() -> Result<qint64> {
        auto ran = m_database->run(
            QStringLiteral(
                "INSERT INTO policies (at, by_name, body) VALUES (?, ?, ?) RETURNING id"),
            {Rows::time(m_clock.now()), by.trimmed(), policy.toJson()});
        if (!ran)
            return ran.failure();
        ran->next();
        return ran->value(0).toLongLong();
    });
    return written;
}
