#pragma once

#include <QWidget>

class Clock;
class IncidentActions;
class IncidentStore;
class QChartView;
class QComboBox;
class QLabel;
class QTreeWidget;

// Impact at a glance: the latest assessment in one sentence with the severity it suggests,
// the chart of impact over time (or commitments met and missed), and every assessment.
class ImpactPanel : public QWidget
{
    Q_OBJECT
public:
    ImpactPanel(IncidentStore &store, IncidentActions &actions, const Clock &clock,
                QWidget *parent = nullptr);

    void setIncident(qint64 incidentId);
    QChartView *chartView() const { return m_chartView; }

private:
    void reload();

    IncidentStore &m_store;
    const Clock &m_clock;
    qint64 m_incidentId = 0;
    QLabel *m_summary;
    QComboBox *m_chartChoice;
    QChartView *m_chartView;
    QTreeWidget *m_history;
};
