#pragma once

#include "domain/incident.h"

#include <QAbstractListModel>
#include <QSet>

class Clock;
class LiveWarRoom;

// The incidents in a war room, newest first, from the window's live copy of it.
class IncidentListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role
    {
        IncidentIdRole = Qt::UserRole + 1,
        HasMissedDeadlineRole // a deadline passed unmet: marked in red in the list
    };

    IncidentListModel(const LiveWarRoom &live, const Clock &clock, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    int rowOf(qint64 incidentId) const; // -1 when absent
    void reload();

private:
    // Which incidents have a missed deadline now; says whether that changed.
    bool reloadMisses();
    void missesMayHaveChanged();

    const LiveWarRoom &m_live;
    const Clock &m_clock;
    QList<Incident> m_incidents;
    QSet<qint64> m_withMisses;
};
