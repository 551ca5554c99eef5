#pragma once

#include <QMainWindow>

class Clock;
class IncidentActions;
class IncidentListPanel;
class IncidentStore;
class IncidentView;
class QStackedWidget;
class WelcomePage;

// Composes the war room: incident list, the selected incident's view, or the welcome page
// when there is no incident. The panels do their own work; this only wires them.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(IncidentStore &store, const Clock &clock, QWidget *parent = nullptr);

    IncidentStore &store() const { return m_store; }
    IncidentView *incidentView() const { return m_incidentView; }
    IncidentListPanel *incidentList() const { return m_incidentList; }
    QAction *newIncidentAction() const { return m_newIncident; }
    IncidentActions *incidentActions() const { return m_incidentActions; }

    void newIncident();

signals:
    // File menu: another war room was asked for (WarRoomOpener answers).
    void connectToSharedRequested();
    void openLocalRequested();
    void openRecentRequested(const QString &address);

private:
    void createActions();
    void showCurrent();

    IncidentStore &m_store;
    IncidentActions *m_incidentActions = nullptr;
    QAction *m_newIncident = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_about = nullptr;
    IncidentListPanel *m_incidentList = nullptr;
    QStackedWidget *m_pages = nullptr;
    WelcomePage *m_welcome = nullptr;
    IncidentView *m_incidentView = nullptr;
};
