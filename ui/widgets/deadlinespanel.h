#pragma once

#include "domain/commitment.h"
#include "widgets/incidentpanel.h"

class Clock;
class DeadlinesModel;
class IncidentActions;
class LogActions;
class QPushButton;

// Every commitment of the incident: the open ones first by due time, then the history, with
// met and missed counted. Missed ones are red here and in the log. Ten thousand of them cost
// a view only the rows it shows.
class DeadlinesPanel : public IncidentPanel
{
    Q_OBJECT
public:
    DeadlinesPanel(const LiveWarRoom &live, IncidentActions &actions, LogActions &log,
                   const Clock &clock, QWidget *parent = nullptr);

protected:
    void reload() override;
    void updateButtons() override;

private:
    const Commitment *selected() const;
    // Time passed: states, colours and counts follow, without reading anything.
    void tick();
    void showCounts();

    const Clock &m_clock;
    DeadlinesModel *m_model;
    QPushButton *m_met;
    QPushButton *m_supersede;
    QPushButton *m_confirmed;
    QPushButton *m_dropped;
};
