#pragma once

#include <QWidget>

class IncidentListModel;
class Clock;
class LiveWarRoom;
class QListView;
class QPushButton;

// The incidents in this war room, to switch between them, and "New incident…".
class IncidentListPanel : public QWidget
{
    Q_OBJECT
public:
    IncidentListPanel(const LiveWarRoom &live, const Clock &clock, QAction *newIncidentAction,
                      QWidget *parent = nullptr);

    qint64 currentIncidentId() const;
    void selectIncident(qint64 incidentId);
    int incidentCount() const;

signals:
    void incidentSelected(qint64 incidentId);
    void incidentsChanged();

private:
    IncidentListModel *m_model;
    QListView *m_view;
    qint64 m_current = 0;
    qint64 m_wanted = 0; // to select when it is listed
};
