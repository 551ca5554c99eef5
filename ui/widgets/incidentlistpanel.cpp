#include "widgets/incidentlistpanel.h"

#include "models/incidentlistmodel.h"

#include <QAction>
#include <QLabel>
#include <QListView>
#include <QToolButton>
#include <QVBoxLayout>

IncidentListPanel::IncidentListPanel(const LiveWarRoom &live, const Clock &clock,
                                     QAction *newIncidentAction, QWidget *parent)
    : QWidget(parent), m_model(new IncidentListModel(live, clock, this)),
      m_view(new QListView(this))
{
    setObjectName(QStringLiteral("incidentListPanel"));
    m_view->setObjectName(QStringLiteral("incidentListView"));
    m_view->setModel(m_model);
    m_view->setSpacing(2);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);

    auto *title = new QLabel(tr("Incidents"), this);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto *newButton = new QToolButton(this);
    newButton->setObjectName(QStringLiteral("newIncidentButton"));
    newButton->setDefaultAction(newIncidentAction);
    newButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    newButton->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_view, 1);
    layout->addWidget(newButton);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                const qint64 id = current.data(IncidentListModel::IncidentIdRole).toLongLong();
                if (id == m_current || id == 0)
                    return;
                m_current = id;
                emit incidentSelected(id);
            });
    // A reset (another process added an incident) drops the selection: put it back by id.
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_wanted > 0)
            selectIncident(m_wanted);
        else if (m_current > 0)
            selectIncident(m_current);
        emit incidentsChanged();
    });
}

qint64 IncidentListPanel::currentIncidentId() const
{
    return m_current;
}

int IncidentListPanel::incidentCount() const
{
    return m_model->rowCount();
}

void IncidentListPanel::selectIncident(qint64 incidentId)
{
    const int row = m_model->rowOf(incidentId);
    // One just opened is listed once the war room has been read again: selected then.
    m_wanted = row < 0 ? incidentId : 0;
    if (row < 0)
        return;
    m_view->setCurrentIndex(m_model->index(row));
    if (m_current != incidentId) {
        m_current = incidentId;
        emit incidentSelected(incidentId);
    }
}
