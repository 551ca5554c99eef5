#pragma once

#include "domain/statuschange.h"
#include "widgets/incidentpanel.h"

class IncidentActions;
class QLabel;
class QPlainTextEdit;
class QPushButton;

// The customer notices drafted at each status change, for the liaison to word, copy and send,
// and the time it took to send the first one (time to acknowledge). An unsent notice follows the
// incident (a new contact, the customer's zone) until someone words it here.
class NoticesPanel : public IncidentPanel
{
    Q_OBJECT
public:
    NoticesPanel(const LiveWarRoom &live, IncidentActions &actions, QWidget *parent = nullptr);

    // Selects the newest notice once it has been read, with the cursor in its text: a status
    // change has just drafted it.
    void showNewest();

protected:
    void reload() override;
    void updateButtons() override;

private:
    const Notice *selected() const;
    const StatusChange *changeOf(const Notice &notice) const;
    // What the selected notice says now (sent, worded, or its draft for the incident as it is).
    QString currentText() const;
    // The text in the editor differs from what the notice says: words not saved yet.
    bool isReworded() const;
    void showSelected();

    QList<Notice> m_notices;
    QLabel *m_state;
    QPlainTextEdit *m_text;
    qint64 m_shownId = 0; // the notice whose text the editor holds
    bool m_newestWanted = false;
    QPushButton *m_copy;
    QPushButton *m_save;
    QPushButton *m_followDraft;
    QPushButton *m_sent;
};
