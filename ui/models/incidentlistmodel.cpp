#include "models/incidentlistmodel.h"

#include "storage/incidentstore.h"

IncidentListModel::IncidentListModel(IncidentStore &store, QObject *parent)
    : QAbstractListModel(parent), m_store(store)
{
    connect(&m_store, &IncidentStore::incidentsChanged, this, &IncidentListModel::reload);
    reload();
}

void IncidentListModel::reload()
{
    const auto incidents = m_store.incidents();
    if (!incidents) {
        emit loadFailed(incidents.error());
        return;
    }
    // Incidents are few (tens), so a reset is cheap; the view restores its selection by id.
    beginResetModel();
    m_incidents = *incidents;
    endResetModel();
}

int IncidentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_incidents.size());
}

QVariant IncidentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Incident &incident = m_incidents.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1\n%2 · %3 · %4")
            .arg(incident.title, incident.customer, severityName(incident.severity),
                 statusName(incident.status));
    case Qt::ToolTipRole:
        return incident.problemStatement.isEmpty() ? incident.title : incident.problemStatement;
    case IncidentIdRole:
        return incident.id;
    }
    return {};
}

int IncidentListModel::rowOf(qint64 incidentId) const
{
    for (int row = 0; row < m_incidents.size(); ++row) {
        if (m_incidents.at(row).id == incidentId)
            return row;
    }
    return -1;
}
