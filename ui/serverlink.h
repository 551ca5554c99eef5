#pragma once

#include "rules/reconnectbackoff.h"
#include "storage/outbox.h"
#include "usecases/outboxdelivery.h"

#include <QDateTime>
#include <QList>
#include <QObject>

class Clock;
class QTimer;
class StoreThread;

// Whether the window's war room can be reached, and what waits on this computer to reach it.
// Told of every call that failed because the server is away; then tries to connect again, 1 s
// after, doubling to 30 s (at once on retryNow()), and once back delivers what waits in the
// outbox, in the order it was written, before anything else is written. A desktop's own file is
// always reachable.
class ServerLink : public QObject
{
    Q_OBJECT
public:
    ServerLink(StoreThread &store, const Clock &clock, QObject *parent = nullptr);

    // What one try on the store's thread found.
    struct Look;

    bool reachable() const { return m_reachable; }
    // Since when the server has been away (null while reachable), and what was said.
    QDateTime lostSince() const { return m_lostSince; }
    QString lostBecause() const { return m_lostBecause; }
    // When the next try is due, while away and no try is on its way.
    QDateTime nextTry() const { return m_nextTry; }
    bool trying() const { return m_trying; }
    // What waits in the outbox for this war room, in order, refused items included.
    const QList<OutboxItem> &waiting() const { return m_waiting; }
    int refusedCount() const;
    // What the last delivery did (to say so once).
    const DeliveryReport &lastDelivery() const { return m_lastDelivery; }

    // A call failed because the server could not be reached.
    void noteLost(const QString &why);
    // A write was kept in the outbox instead of written.
    void noteKept(const QString &why);
    // Tries to connect (and deliver) now, not at the next try.
    void retryNow();
    // Delivers what waits (at start: what earlier sessions and commands kept).
    void deliver();
    // A person's decision about a refused item: try it again, or drop it for good.
    void retryItem(qint64 itemId);
    void discardItem(qint64 itemId);

signals:
    // Reachability, the next try, or what waits changed.
    void stateChanged();
    // The server is back after being away: what was read before may be stale.
    void reconnected();
    // A person's decision could not be carried out.
    void failed(const QString &why);

private:
    void scheduleTry();
    void tryNow();
    void readWaiting();
    void take(const Look &look);
    // Carries out a person's decision about an item on the store's thread, then looks again.
    void settle(qint64 itemId, Outcome (*decision)(Outbox &, qint64));

    StoreThread &m_store;
    const Clock &m_clock;
    QTimer *m_timer;
    ReconnectBackoff m_backoff;
    bool m_reachable = true;
    bool m_trying = false;
    bool m_readingWaiting = false;
    QDateTime m_lostSince;
    QString m_lostBecause;
    QDateTime m_nextTry;
    QList<OutboxItem> m_waiting;
    DeliveryReport m_lastDelivery;
};
