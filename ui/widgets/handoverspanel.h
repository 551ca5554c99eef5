#pragma once

#include "widgets/incidentpanel.h"

class IncidentActions;

// Who has been in charge, when it changed hands, and the handover notes.
class HandoversPanel : public IncidentPanel
{
    Q_OBJECT
public:
    HandoversPanel(const LiveWarRoom &live, IncidentActions &actions, QWidget *parent = nullptr);

protected:
    void reload() override;
};
