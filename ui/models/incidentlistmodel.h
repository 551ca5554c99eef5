#pragma once

#include "domain/incident.h"

#include <QAbstractListModel>
#include <QSet>

class IncidentStore;

// The incidents in a database, newest first; follows the store's changes.
class IncidentListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role
    {
        IncidentIdRole = Qt::UserRole + 1,
        HasMissedDeadlineRole // a deadline passed unmet: marked in red in the list
    };

    explicit IncidentListModel(IncidentStore &store, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    int rowOf(qint64 incidentId) const; // -1 when absent
    void reload();

signals:
    void loadFailed(const QString &message);

private:
    // Which incidents have a missed deadline now; says whether that changed.
    bool reloadMisses();

    IncidentStore &m_store;
    QList<Incident> m_incidents;
    QSet<qint64> m_withMisses;
};
