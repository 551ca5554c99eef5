#pragma once

#include "domain/commitment.h"
#include "rules/deadlinealerts.h"
#include "storage/change.h"

#include <QWidget>

class AlertBanner;
class BriefingPanel;
class Clock;
class FramingBar;
class IncidentActions;
class LogActions;
class IncidentHeader;
class KnownProblemBanner;
class ImpactPanel;
class LiveWarRoom;
class QLabel;
class QSystemTrayIcon;
class QTabWidget;
class TechnicalLogPanel;
class TimeboxPrompt;

// One incident's war room: the header with its countdown and the framing above the two
// channels, the technical log on the left, the business briefings and the discipline panels
// (deadlines, questions, asks, notices, handovers) on the right. Shows the window's live copy
// of the incident as its parts are read, and raises deadline alerts as time passes.
class IncidentView : public QWidget
{
    Q_OBJECT
public:
    IncidentView(LiveWarRoom &live, const Clock &clock, IncidentActions &actions, LogActions &log,
                 QWidget *parent = nullptr);

    void showIncident(qint64 incidentId);
    qint64 incidentId() const { return m_incidentId; }

    IncidentHeader *header() const { return m_header; }
    TechnicalLogPanel *technicalLog() const { return m_log; }
    BriefingPanel *briefings() const { return m_briefings; }
    FramingBar *framing() const { return m_framing; }
    QTabWidget *panels() const { return m_tabs; }
    KnownProblemBanner *knownProblemBanner() const { return m_knownProblem; }
    // Moving around by keyboard: the log's entry line (Ctrl+L) and each tab (Ctrl+1...).
    QList<QAction *> navigationActions() const { return m_navigation; }

private:
    void onIncidentChanged(ChangeTopics topics);
    void onWarRoomChanged(ChangeTopics topics);
    void reloadIncident();
    void reloadCommitments();
    void reloadBriefings();
    void reloadFraming();
    void reloadProblem();
    void reloadCounts();
    void reloadSeverity();
    void reloadBriefingDue();
    void checkDeadlines();
    void raise(const DeadlineAlert &alert);
    void showProblem(const QString &message);
    void reloadChain();

    LiveWarRoom &m_live;
    const Clock &m_clock;
    qint64 m_incidentId = 0;
    DeadlineAlerts m_alerts;
    IncidentHeader *m_header;
    FramingBar *m_framing;
    TimeboxPrompt *m_timeboxPrompt;
    AlertBanner *m_alertBanner;
    KnownProblemBanner *m_knownProblem;
    QSystemTrayIcon *m_tray = nullptr;
    QLabel *m_problem;
    QLabel *m_chainState; // the record chain: intact, or where it was changed
    TechnicalLogPanel *m_log;
    BriefingPanel *m_briefings;
    QTabWidget *m_tabs;
    ImpactPanel *m_impact;
    QList<QAction *> m_navigation;
};
