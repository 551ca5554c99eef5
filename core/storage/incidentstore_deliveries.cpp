// IncidentStore: deliveries of what was written offline, each once.
#include "storage/incidentstore.h"

#include "domain/fieldcheck.h"
#include "rules/clock.h"
#include "storage/rows.h"

Result<IncidentStore::Delivery>
IncidentStore::deliverOnce(const QString &key, const std::function<Result<QString>()> &write)
{
    if (auto bad = checkText(QStringLiteral("delivery key"), key, FieldLimit::Name))
        return *bad;
    return m_database->write<Delivery>([&]() -> Result<Delivery> {
        // The war room's one write lock is held: no other delivery of this key can interleave.
        const auto earlier = m_database->scalar(
            QStringLiteral("SELECT answer FROM deliveries WHERE delivery_key = ?"), {key});
        if (!earlier)
            return earlier.failure();
        if (earlier->isValid())
            return Delivery{earlier->toString(), true};
        const Result<QString> answer = write();
        if (!answer)
            return answer.failure();
        const auto noted = m_database->run(
            QStringLiteral("INSERT INTO deliveries (delivery_key, at, answer) VALUES (?, ?, ?)"),
            {key, Rows::time(m_clock.now()), *answer});
        if (!noted)
            return noted.failure();
        return Delivery{*answer, false};
    });
}
