#pragma once

#include "domain/commitment.h"
#include "widgets/incidentpanel.h"

class Clock;
class IncidentActions;
class LogActions;
class QPushButton;

// Every commitment of the incident: the open ones first by due time, then the history, with
// met and missed counted. Missed ones are red here and in the log.
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

    const Clock &m_clock;
    QList<Commitment> m_commitments;
    QPushButton *m_met;
    QPushButton *m_supersede;
    QPushButton *m_confirmed;
    QPushButton *m_dropped;
};
