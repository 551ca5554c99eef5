#pragma once

#include "domain/incident.h"
#include "domain/people.h"

#include <QFrame>

#include <optional>

class Clock;
class IncidentActions;
class QLabel;

// The current objective in one line, above both channels. Red when nothing is framed; amber
// and marked stale once it is older than the briefing cadence, asking to re-frame or confirm.
class FramingBar : public QFrame
{
    Q_OBJECT
public:
    FramingBar(IncidentActions &actions, const Clock &clock, QWidget *parent = nullptr);

    void setFraming(const std::optional<Framing> &framing, Severity severity);
    bool isStale() const { return m_stale; }
    QString objectiveText() const;

private:
    void refresh();

    const Clock &m_clock;
    std::optional<Framing> m_framing;
    Severity m_severity = Severity::Sev3;
    bool m_stale = false;
    QLabel *m_objective;
    QLabel *m_state;
};
