#pragma once

#include "domain/commitment.h"
#include "rules/countdown.h"

#include <QFrame>
#include <QTimer>

#include <optional>

class Clock;
class QLabel;

// The large countdown to the next committed deadline: what, who, when, and time left.
// Green while comfortable, amber under 15 minutes, red when nothing open is committed. A
// deadline that passed without an outcome leaves the countdown for a red line of its own,
// and stays there until someone supersedes it or records it met.
class CountdownWidget : public QFrame
{
    Q_OBJECT
public:
    explicit CountdownWidget(const Clock &clock, QWidget *parent = nullptr);

    // Follows the clock: when the next deadline passes, the one after it takes its place.
    void setCommitments(const QList<Commitment> &commitments);
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
    QString missedText() const; // empty when nothing awaits a supersede

    static QColor backgroundFor(CountdownUrgency urgency);
    static QColor foregroundFor(CountdownUrgency urgency);

    void refresh();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void followCommitments();
    // "no deadline committed" or "1 h 4 min left" must never be clipped: the big text shrinks
    // until it fits the width the header gives it.
    void fitTimeText();

    const Clock &m_clock;
    std::optional<QList<Commitment>> m_commitments; // set: counting down to deadlines
    Target m_target;
    CountdownReading m_reading;
    QLabel *m_caption;
    QLabel *m_time;
    QLabel *m_detail;
    QLabel *m_missed;
    QTimer m_tick;
    qreal m_largestPointSize = 0;
};
