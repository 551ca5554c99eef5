#pragma once

#include "storage/change.h"

#include <QList>
#include <QObject>

class IncidentStore;

// Records every change a store announces, in order, for tests to ask about one topic.
class ChangeRecorder : public QObject
{
    Q_OBJECT
public:
    explicit ChangeRecorder(IncidentStore &store);

    // How often the topic was announced, for any incident.
    int count(ChangeTopic topic) const;
    // The incidents the topic was announced for, in order.
    QList<qint64> incidents(ChangeTopic topic) const;
    // Runs the event loop until the topic has been announced `times` times in all.
    bool waitFor(ChangeTopic topic, int times = 1, int timeoutMs = 5000);

private:
    QList<Change> m_changes;
};
