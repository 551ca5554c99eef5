#pragma once

#include "domain/solutionoption.h"
#include "widgets/incidentpanel.h"

class IncidentActions;
class QPushButton;

// The ways out put to the customer, each with what speaks for and against it, and the one
// chosen with why. A later choice replaces the earlier one; both stay on record.
class OptionsPanel : public IncidentPanel
{
    Q_OBJECT
public:
    OptionsPanel(const LiveWarRoom &live, IncidentActions &actions, QWidget *parent = nullptr);

protected:
    void reload() override;
    void updateButtons() override;

private:
    QList<SolutionOption> m_options;
    QPushButton *m_choose;
};
