#pragma once

#include <QMainWindow>

class AftermathActions;
class Clock;
class IncidentActions;
class LogActions;
class IncidentListPanel;
class LiveWarRoom;
class StoreThread;
class IncidentView;
class QStackedWidget;
class ServerLinkBanner;
class WelcomePage;

// Composes the war room: incident list, the selected incident's view, or the welcome page
// when there is no incident. The panels do their own work; this only wires them.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // store: the war room's store on its own thread; the window reads and writes through it.
    MainWindow(StoreThread &store, const Clock &clock, QWidget *parent = nullptr);

    StoreThread &store() const { return m_store; }
    LiveWarRoom &live() const { return *m_live; }
    IncidentView *incidentView() const { return m_incidentView; }
    IncidentListPanel *incidentList() const { return m_incidentList; }
    QAction *newIncidentAction() const { return m_newIncident; }
    IncidentActions *incidentActions() const { return m_incidentActions; }
    LogActions *logActions() const { return m_logActions; }
    AftermathActions *aftermathActions() const { return m_aftermathActions; }

    void newIncident();
    ServerLinkBanner *serverLinkBanner() const { return m_serverLink; }
    // The list of what waits on this computer for the war room.
    void reviewOutbox();

signals:
    // File menu: another war room was asked for (WarRoomOpener answers).
    void connectToSharedRequested();
    void openLocalRequested();
    void openRecentRequested(const QString &address);

protected:
    // Writes not yet shared stay on this computer: quitting says so first.
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    // The menus and the toolbar, once the views whose actions they hold exist.
    void createMenus();
    void tellDelivered();
    void showCurrent();

    StoreThread &m_store;
    LiveWarRoom *m_live;
    IncidentActions *m_incidentActions = nullptr;
    LogActions *m_logActions = nullptr;
    AftermathActions *m_aftermathActions = nullptr;
    QAction *m_newIncident = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_about = nullptr;
    IncidentListPanel *m_incidentList = nullptr;
    QStackedWidget *m_pages = nullptr;
    WelcomePage *m_welcome = nullptr;
    IncidentView *m_incidentView = nullptr;
    ServerLinkBanner *m_serverLink = nullptr;
};
