#pragma once

#include <QDateTime>
#include <QMutex>
#include <QObject>

// Where "now" comes from. Deadlines, countdowns and cadence read it instead of the system
// time so that tests move time rather than sleep. now() may be called from any thread (a
// window's store has its own).
class Clock : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    virtual QDateTime now() const = 0;

signals:
    // Time moved other than by ticking (a test set it); readers refresh at once.
    void jumped();
};

class SystemClock final : public Clock
{
    Q_OBJECT
public:
    using Clock::Clock;
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

// A clock that stands still until told to move; for tests and reproducible demos.
class ManualClock final : public Clock
{
    Q_OBJECT
public:
    explicit ManualClock(QDateTime start, QObject *parent = nullptr)
        : Clock(parent), m_now(start.toUTC())
    {}
    QDateTime now() const override
    {
        QMutexLocker locked(&m_mutex);
        return m_now;
    }
    void setNow(const QDateTime &now)
    {
        {
            QMutexLocker locked(&m_mutex);
            m_now = now.toUTC();
        }
        emit jumped();
    }
    void advanceSecs(qint64 seconds) { setNow(this->now().addSecs(seconds)); }

private:
    mutable QMutex m_mutex;
    QDateTime m_now;
};
