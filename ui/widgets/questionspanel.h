#pragma once

#include "widgets/incidentpanel.h"

class Clock;
class LogActions;
class QPushButton;
class QuestionsModel;

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
    void tick();

    const Clock &m_clock;
    QuestionsModel *m_model;
    QPushButton *m_answer;
};
