#pragma once

#include "domain/commitment.h"
#include "rules/countdown.h"

#include <QFrame>
#include <QTimer>

#include <optional>

class Clock;
class QLabel;

// The large countdown to the next committed deadline: what, who, when, and time left.
// Green while comfortable, amber under 15 minutes, red and "MISSED" once passed, and red
// when nothing is committed at all.
class CountdownWidget : public QFrame
{
    Q_OBJECT
public:
    explicit CountdownWidget(const Clock &clock, QWidget *parent = nullptr);

    void setDeadline(const std::optional<Commitment> &deadline);
    // Any due time, worded by the caller: the briefing countdown uses this.
    struct Target
    {
        QDateTime due; // invalid: nothing due
        QString caption;
        QString detail;
        QString tooltip;
        QString late; // "OVERDUE by %1"
        QString none;
    };
    void setTarget(const Target &target);
    CountdownUrgency urgency() const { return m_reading.urgency; }
    QString timeText() const;

    static QColor backgroundFor(CountdownUrgency urgency);
    static QColor foregroundFor(CountdownUrgency urgency);

    void refresh();

private:
    const Clock &m_clock;
    Target m_target;
    CountdownReading m_reading;
    QLabel *m_caption;
    QLabel *m_time;
    QLabel *m_detail;
    QTimer m_tick;
};
