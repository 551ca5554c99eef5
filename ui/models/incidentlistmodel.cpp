#include "models/incidentlistmodel.h"

#include "colors.h"
#include "storage/incidentstore.h"

IncidentListModel::IncidentListModel(IncidentStore &store, QObject *parent)
    : QAbstractListModel(parent), m_store(store)
{
    // A miss is written to the log when found; a met or superseded deadline ends it.
    auto missesMayHaveChanged = [this] {
        if (reloadMisses() && !m_incidents.isEmpty())
            emit dataChanged(index(0), index(int(m_incidents.size()) - 1));
    };
    connect(&m_store, &IncidentStore::changed, this,
            [this, missesMayHaveChanged](ChangeTopic topic) {
                if (topic == ChangeTopic::Incidents)
                    reload();
                else if (topic == ChangeTopic::Log || topic == ChangeTopic::Commitments)
                    missesMayHaveChanged();
            });
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
    reloadMisses();
    endResetModel();
}

bool IncidentListModel::reloadMisses()
{
    const auto missed = m_store.missedDeadlines();
    if (!missed)
        return false;
    QSet<qint64> withMisses;
    for (const Commitment &c : *missed)
        withMisses.insert(c.incidentId);
    if (withMisses == m_withMisses)
        return false;
    m_withMisses = withMisses;
    return true;
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
        return tr("%1\n%2 · %3 · %4%5")
            .arg(incident.title, incident.customer, severityName(incident.severity),
                 statusName(incident.status),
                 m_withMisses.contains(incident.id) ? tr(" · DEADLINE MISSED") : QString());
    case Qt::ForegroundRole:
        if (m_withMisses.contains(incident.id))
            return WarroomColors::alarm();
        return {};
    case HasMissedDeadlineRole:
        return m_withMisses.contains(incident.id);
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
