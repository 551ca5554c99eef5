#pragma once

#include "domain/statuschange.h"
#include "widgets/incidentpanel.h"

class QPlainTextEdit;
class QPushButton;

// The customer notices drafted at each status change, for the liaison to copy and send, and
// the time it took to send the first one (time to acknowledge).
class NoticesPanel : public IncidentPanel
{
    Q_OBJECT
public:
    NoticesPanel(const LiveWarRoom &live, IncidentActions &actions, QWidget *parent = nullptr);

protected:
    void reload() override;
    void updateButtons() override;

private:
    const Notice *selected() const;

    QList<Notice> m_notices;
    QPlainTextEdit *m_text;
    QPushButton *m_copy;
    QPushButton *m_sent;
};
