#pragma once

#include "domain/commitment.h"
#include "domain/incident.h"
#include "domain/people.h"
#include "rules/cadence.h"

#include <QWidget>

#include <optional>

class Clock;
class CountdownWidget;
class QLabel;

// Above both channels: what the incident is, who is in charge and how to reach them, and the
// countdown to the next deadline.
class IncidentHeader : public QWidget
{
    Q_OBJECT
public:
    explicit IncidentHeader(const Clock &clock, QWidget *parent = nullptr);

    void setIncident(const Incident &incident);
    // Who else has a shared war room open in a window; shown only once called.
    void setPresence(const QStringList &others);
    void setCommitments(const QList<Commitment> &commitments);
    void setProblem(const std::optional<ProblemStatement> &problem);
    void setOpenCounts(int openQuestions, int outstandingAsks);
    // "SEV2 (assessed SEV3, overridden: regulatory deadline today)"
    void setSeverityText(const QString &text, bool assessed);
    CountdownWidget *countdown() const { return m_countdown; }
    CountdownWidget *briefingCountdown() const { return m_briefingCountdown; }
    void setNextBriefing(const BriefingDue &due);
    // Shows UTC beside this desktop's time (a setting of the window).
    void setShowUtc(bool show);

private:
    // Now, here and where the customer is (and in UTC when asked), so that a time said on the
    // phone is never converted in one's head.
    void refreshClocks();

    const Clock &m_clock;
    QString m_customerZone;
    bool m_showUtc = false;
    QLabel *m_clocks;
    QLabel *m_title;
    QLabel *m_customer;
    QLabel *m_status;
    QLabel *m_severity;
    QLabel *m_inCharge;
    QLabel *m_liaison;
    QLabel *m_presence;
    QLabel *m_problem;
    QLabel *m_questions;
    QLabel *m_asks;
    CountdownWidget *m_countdown;
    CountdownWidget *m_briefingCountdown;
};
