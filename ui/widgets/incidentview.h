#pragma once

#include <QWidget>

class BriefingPanel;
class Clock;
class IncidentHeader;
class IncidentStore;
class QLabel;
class TechnicalLogPanel;

// One incident's war room: the header with its countdown above the two channels, the
// technical log on the left and the business briefings on the right. Keeps itself current
// from the store's change signals for its incident.
class IncidentView : public QWidget
{
    Q_OBJECT
public:
    IncidentView(IncidentStore &store, const Clock &clock, QWidget *parent = nullptr);

    void showIncident(qint64 incidentId);
    qint64 incidentId() const { return m_incidentId; }

    IncidentHeader *header() const { return m_header; }
    TechnicalLogPanel *technicalLog() const { return m_log; }
    BriefingPanel *briefings() const { return m_briefings; }

private:
    void reloadIncident();
    void reloadCommitments();
    void reloadBriefings();
    void showProblem(const QString &message);

    IncidentStore &m_store;
    qint64 m_incidentId = 0;
    IncidentHeader *m_header;
    QLabel *m_problem;
    TechnicalLogPanel *m_log;
    BriefingPanel *m_briefings;
};
