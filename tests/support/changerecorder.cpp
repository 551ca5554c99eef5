#include "changerecorder.h"

#include "storage/incidentstore.h"

#include <QTest>

ChangeRecorder::ChangeRecorder(IncidentStore &store)
{
    connect(&store, &IncidentStore::changed, this, [this](ChangeTopic topic, qint64 incidentId) {
        m_changes.append({topic, incidentId});
    });
}

int ChangeRecorder::count(ChangeTopic topic) const
{
    return int(incidents(topic).size());
}

QList<qint64> ChangeRecorder::incidents(ChangeTopic topic) const
{
    QList<qint64> found;
    for (const Change &change : m_changes) {
        if (change.topic == topic)
            found.append(change.incidentId);
    }
    return found;
}

bool ChangeRecorder::waitFor(ChangeTopic topic, int times, int timeoutMs)
{
    return QTest::qWaitFor([&] { return count(topic) >= times; }, timeoutMs);
}
