#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

// Watches the event loop: the longest time between two ticks of a 5 ms timer, less the 5 ms
// it waits anyway, is the longest the window could not answer.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_tick.setInterval(kTickMs);
        m_tick.setTimerType(Qt::PreciseTimer);
        connect(&m_tick, &QTimer::timeout, this, [this] {
            m_longest = std::max(m_longest, m_sinceLast.nsecsElapsed());
            m_sinceLast.restart();
        });
    }
    void start()
    {
        m_longest = 0;
        m_sinceLast.start();
        m_tick.start();
    }
    void stop() { m_tick.stop(); }
    double longestMs() const { return std::max(0.0, double(m_longest) / 1e6 - kTickMs); }

private:
    static constexpr int kTickMs = 5;
    QTimer m_tick;
    QElapsedTimer m_sinceLast;
    qint64 m_longest = 0;
};
