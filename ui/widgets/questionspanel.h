#pragma once

#include "widgets/incidentpanel.h"

class Clock;
class LogActions;
class QPushButton;

// Gaps in understanding: every question nobody has answered yet, oldest first.
class QuestionsPanel : public IncidentPanel
{
    Q_OBJECT
public:
    QuestionsPanel(const LiveWarRoom &live, LogActions &actions, const Clock &clock,
                   QWidget *parent = nullptr);

protected:
    void reload() override;
    void updateButtons() override;

private:
    const Clock &m_clock;
    QPushButton *m_answer;
};
