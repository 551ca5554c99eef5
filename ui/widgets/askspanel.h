#pragma once

#include "domain/customerask.h"
#include "widgets/incidentpanel.h"

class IncidentActions;
class QPushButton;

// What we asked of the customer, each with why only they can do it, and whether it was sent
// and answered. Fewer is better: the count shows.
class AsksPanel : public IncidentPanel
{
    Q_OBJECT
public:
    AsksPanel(const LiveWarRoom &live, IncidentActions &actions, QWidget *parent = nullptr);

protected:
    void reload() override;
    void updateButtons() override;

private:
    QList<CustomerAsk> m_asks;
    QPushButton *m_sent;
    QPushButton *m_answered;
};
