#include "models/incidentlistmodel.h"

#include "colors.h"
#include "livewarroom.h"
#include "rules/clock.h"

IncidentListModel::IncidentListModel(const LiveWarRoom &live, const Clock &clock, QObject *parent)
    : QAbstractListModel(parent), m_live(live), m_clock(clock)
{
    connect(&m_live, &LiveWarRoom::warRoomChanged, this, [this](ChangeTopics topics) {
        if (topics.has(ChangeTopic::Incidents))
            reload();
        else if (topics.has(ChangeTopic::Commitments))
            missesMayHaveChanged(); // a met or superseded deadline ends a miss
    });
    // A deadline passes unannounced; the miss written to the log says it has.
    connect(&m_live, &LiveWarRoom::changed, this, [this](ChangeTopic topic) {
        if (topic == ChangeTopic::Log)
            missesMayHaveChanged();
    });
    connect(&m_clock, &Clock::jumped, this, &IncidentListModel::missesMayHaveChanged);
    reload();
}

void IncidentListModel::reload()
{
    // Incidents are few (tens), so a reset is cheap; the view restores its selection by id.
    beginResetModel();
    m_incidents = m_live.warRoom().incidents;
    reloadMisses();
    endResetModel();
}

void IncidentListModel::missesMayHaveChanged()
{
    if (reloadMisses() && !m_incidents.isEmpty())
        emit dataChanged(index(0), index(int(m_incidents.size()) - 1));
}

bool IncidentListModel::reloadMisses()
{
    const QDateTime now = m_clock.now();
    QSet<qint64> withMisses;
    for (const Commitment &c : m_live.warRoom().outstanding) {
        if (c.stateAt(now) == CommitmentState::Missed)
            withMisses.insert(c.incidentId);
    }
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
