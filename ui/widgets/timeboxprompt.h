#pragma once

#include "domain/commitment.h"

#include <QFrame>

class Clock;
class IncidentActions;
class LogActions;
class QLabel;
class QPushButton;

// Asks about a theory whose timebox has passed: confirmed, dropped, or extended with a
// reason. Shows how often it was extended already. Hidden while no timebox has expired.
class TimeboxPrompt : public QFrame
{
    Q_OBJECT
public:
    TimeboxPrompt(IncidentActions &actions, LogActions &log, const Clock &clock,
                  QWidget *parent = nullptr);

    void setCommitments(const QList<Commitment> &commitments);
    qint64 askingAbout() const { return m_timeboxId; }

private:
    void refresh();

    IncidentActions &m_actions;
    LogActions &m_log;
    const Clock &m_clock;
    QList<Commitment> m_commitments;
    qint64 m_timeboxId = 0;
    QLabel *m_question;
};
