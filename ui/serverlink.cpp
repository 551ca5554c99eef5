#include "serverlink.h"

#include "rules/clock.h"
#include "storage/storethread.h"
#include "usecases/sharedwrite.h"

#include <QTimer>

struct ServerLink::Look
{
    bool reachable = true;
    QString why;                          // why not
    std::optional<DeliveryReport> report; // what was delivered, when anything was tried
    std::optional<QList<OutboxItem>> waiting;
};

namespace {
// Delivers what waits, then reads what is left; the server being away is a look, not a failure.
ServerLink::Look deliverAndLook(IncidentStore &store, bool reconnect)
{
    ServerLink::Look look;
    Outcome connected = reconnect ? store.reconnect() : done();
    if (connected) {
        const auto report = OutboxDelivery::deliverWaiting(store);
        if (report) {
            look.report = *report;
            if (!report->stoppedBecause.isEmpty()) {
                look.reachable = false;
                look.why = report->stoppedBecause;
            }
        } else {
            connected = report.failure();
        }
    }
    if (!connected) {
        look.reachable = !connected.unreachable();
        look.why = connected.error();
    }
    if (const auto waiting = SharedWrite::waiting(store.address().display()))
        look.waiting = *waiting;
    return look;
}
} // namespace

ServerLink::ServerLink(StoreThread &store, const Clock &clock, QObject *parent)
    : QObject(parent), m_store(store), m_clock(clock), m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &ServerLink::tryNow);
}

int ServerLink::refusedCount() const
{
    return int(std::count_if(m_waiting.cbegin(), m_waiting.cend(),
                             [](const OutboxItem &item) { return !item.conflict.isEmpty(); }));
}

void ServerLink::noteLost(const QString &why)
{
    if (!m_store.address().isShared())
        return;
    m_lostBecause = why;
    if (m_reachable) {
        m_reachable = false;
        m_lostSince = m_clock.now();
        m_backoff.reset();
        scheduleTry();
    }
    emit stateChanged();
}

void ServerLink::noteKept(const QString &why)
{
    noteLost(why);
    readWaiting();
}

void ServerLink::retryNow()
{
    if (!m_trying)
        tryNow();
}

void ServerLink::deliver()
{
    if (!m_store.address().isShared() || m_trying)
        return;
    m_trying = true;
    m_store.run(
        this, [](IncidentStore &store) { return deliverAndLook(store, false); },
        [this](const Look &look) { take(look); });
}

void ServerLink::scheduleTry()
{
    const auto wait = m_backoff.next();
    m_nextTry = m_clock.now().addMSecs(wait.count());
    m_timer->start(wait);
}

void ServerLink::tryNow()
{
    m_timer->stop();
    m_nextTry = {};
    m_trying = true;
    emit stateChanged();
    const bool reconnect = !m_reachable;
    m_store.run(
        this, [reconnect](IncidentStore &store) { return deliverAndLook(store, reconnect); },
        [this](const Look &look) { take(look); });
}

void ServerLink::take(const Look &look)
{
    m_trying = false;
    if (look.waiting)
        m_waiting = *look.waiting;
    if (look.report)
        m_lastDelivery = *look.report;
    const bool wasLost = !m_reachable;
    if (look.reachable) {
        m_reachable = true;
        m_lostSince = {};
        m_lostBecause.clear();
        m_nextTry = {};
        m_backoff.reset();
        m_timer->stop();
    } else {
        m_lostBecause = look.why;
        if (m_reachable) {
            m_reachable = false;
            m_lostSince = m_clock.now();
        }
        scheduleTry();
    }
    emit stateChanged();
    if (wasLost && m_reachable)
        emit reconnected();
}

void ServerLink::readWaiting()
{
    if (m_readingWaiting)
        return;
    m_readingWaiting = true;
    const QString warRoom = m_store.address().display();
    m_store.run(
        this, [warRoom](IncidentStore &) { return SharedWrite::waiting(warRoom); },
        [this](const Result<QList<OutboxItem>> &waiting) {
            m_readingWaiting = false;
            if (waiting) {
                m_waiting = *waiting;
                emit stateChanged();
            }
        });
}

void ServerLink::retryItem(qint64 itemId)
{
    settle(itemId, [](Outbox &outbox, qint64 id) { return outbox.clearConflict(id); });
}

void ServerLink::discardItem(qint64 itemId)
{
    settle(itemId, [](Outbox &outbox, qint64 id) { return outbox.remove(id); });
}

void ServerLink::settle(qint64 itemId, Outcome (*decision)(Outbox &, qint64))
{
    m_store.run(
        this,
        [itemId, decision](IncidentStore &) -> Outcome {
            auto outbox = Outbox::open();
            if (!outbox)
                return outbox.failure();
            return decision(**outbox, itemId);
        },
        [this](const Outcome &settled) {
            if (!settled)
                emit failed(settled.error());
            // A write to try again goes at once when the server is there.
            if (m_reachable && settled)
                deliver();
            else
                readWaiting();
        });
}
