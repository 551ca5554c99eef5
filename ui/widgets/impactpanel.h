#pragma once

#include <QWidget>

class Clock;
class IncidentActions;
class LiveWarRoom;
class QChart;
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
    ImpactPanel(const LiveWarRoom &live, IncidentActions &actions, const Clock &clock,
                QWidget *parent = nullptr);

    QChartView *chartView() const { return m_chartView; }

private:
    enum class ShownChart
    {
        None,
        ImpactOverTime,
        CommitmentsMetMissed
    };
    void reload();
    void showChart(QChart *chart);

    const LiveWarRoom &m_live;
    const Clock &m_clock;
    QLabel *m_summary;
    QComboBox *m_chartChoice;
    QChartView *m_chartView;
    QTreeWidget *m_history;
    ShownChart m_shown = ShownChart::None;
};
