#include "livewarroom.h"

#include "rules/clock.h"
#include "usecases/queuedwrite.h"
#include "usecases/sharedwrite.h"

#include <QTimer>

LiveWarRoom::LiveWarRoom(StoreThread &store, const Clock &clock, QObject *parent)
    : QObject(parent), m_store(store), m_clock(clock), m_link(new ServerLink(store, clock, this))
{
    connect(&m_store, &StoreThread::changed, this, &LiveWarRoom::onChanged);
    connect(m_link, &ServerLink::reconnected, this, &LiveWarRoom::readEverythingAgain);
    // A deadline passes with no write to announce it.
    auto *tick = new QTimer(this);
    tick->setInterval(1000);
    tick->start();
    connect(tick, &QTimer::timeout, this, &LiveWarRoom::recordNewMisses);
    connect(&m_clock, &Clock::jumped, this, &LiveWarRoom::recordNewMisses);
    // Nobody announces opening or closing a window: look now and then.
    if (address().isShared()) {
        auto *presence = new QTimer(this);
        presence->setInterval(kPresenceIntervalMs);
        presence->start();
        connect(presence, &QTimer::timeout, this, &LiveWarRoom::readPresence);
        readPresence();
        m_link->deliver(); // what earlier sessions and commands kept while it was away
    }
    readWhatIsStale();
}

void LiveWarRoom::writeOrKeep(const QObject *asker, const QueuedWrite &write,
                              std::function<void(const Outcome &)> done) const
{
    m_store.run(
        this,
        [write, now = m_clock.now()](IncidentStore &store) {
            return SharedWrite::applyOrKeep(store, write, now);
        },
        [this, alive = QPointer<const QObject>(asker),
         done](const Result<SharedWrite::Answer> &answer) {
            if (answer && answer->kept)
                m_link->noteKept(answer->unreachableBecause);
            else if (answer && !answer->deliveredFirst.isEmpty())
                m_link->deliver(); // what waited went first: the banner counts anew
            noteOutcome(asOutcome(answer));
            if (done && alive)
                done(asOutcome(answer));
        });
}

void LiveWarRoom::noteOutcome(const Outcome &outcome) const
{
    if (outcome.unreachable())
        m_link->noteLost(outcome.error());
}

void LiveWarRoom::readEverythingAgain()
{
    m_warRoomStale = ChangeTopics::all();
    if (m_incidentId > 0)
        m_incidentStale = ChangeTopics::all();
    readWhatIsStale();
    if (address().isShared())
        readPresence();
    recordNewMisses();
}

QString LiveWarRoom::incidentTitle(qint64 incidentId) const
{
    for (const Incident &incident : m_warRoom.incidents)
        if (incident.id == incidentId)
            return incident.title;
    return {};
}

void LiveWarRoom::showIncident(qint64 incidentId)
{
    m_incidentId = incidentId;
    m_incident = IncidentState();
    m_incident.incidentId = incidentId;
    m_incidentLoaded = false;
    m_incidentStale = incidentId > 0 ? ChangeTopics::all() : ChangeTopics();
    m_chainUnfinished = false;
    if (incidentId <= 0)
        emit incidentChanged(ChangeTopics::all());
    readWhatIsStale();
}

void LiveWarRoom::onChanged(ChangeTopic topic, qint64 incidentId)
{
    if (WarRoomState::touches({topic}))
        m_warRoomStale.add(topic);
    // The incident list says what changed in any incident's row; the policy changes them all.
    const bool ours = incidentId == m_incidentId || topic == ChangeTopic::Incidents ||
                      topic == ChangeTopic::Policy;
    if (ours && m_incidentId > 0)
        m_incidentStale.add(topic);
    readWhatIsStale();
    emit changed(topic, incidentId);
}

void LiveWarRoom::readWhatIsStale()
{
    if (!m_link->reachable())
        return; // the last state read stays on screen; all is read again once it is back
    // One read of each kind at a time: changes that come in meanwhile are read together after.
    if (!m_readingIncident && (!m_incidentStale.isEmpty() || m_chainUnfinished))
        readIncident();
    if (!m_readingWarRoom && !m_warRoomStale.isEmpty())
        readWarRoom();
}

void LiveWarRoom::readIncident()
{
    const ChangeTopics topics = std::exchange(m_incidentStale, {});
    // A long record's chain is checked a share per read, each read a task of its own, so that
    // the log's pages and the writes queued meanwhile are not held up behind the whole check.
    const bool continueChain = std::exchange(m_chainUnfinished, false);
    const qint64 id = m_incidentId;
    m_readingIncident = true;
    m_store.run(
        this,
        [id, topics, continueChain](IncidentStore &store) {
            return IncidentState::read(store, id, topics, continueChain);
        },
        [this, id, topics, continueChain](const Result<IncidentState> &read) {
            m_readingIncident = false;
            if (id == m_incidentId) { // not another incident chosen meanwhile
                if (read.unreachable()) {
                    m_incidentStale.add(topics); // read again once the server is back
                    m_chainUnfinished = m_chainUnfinished || continueChain;
                    noteOutcome(asOutcome(read));
                } else if (!read) {
                    emit readFailed(read.error());
                } else {
                    m_incident.update(*read, topics);
                    m_incidentLoaded = true;
                    m_chainUnfinished = read->chainUnfinished();
                    if (!topics.isEmpty())
                        emit incidentChanged(topics);
                    if (read->chainChecked)
                        emit chainChanged();
                }
            }
            readWhatIsStale();
        });
}

void LiveWarRoom::readWarRoom()
{
    const ChangeTopics topics = std::exchange(m_warRoomStale, {});
    m_readingWarRoom = true;
    m_store.run(
        this, [topics](IncidentStore &store) { return WarRoomState::read(store, topics); },
        [this, topics](const Result<WarRoomState> &read) {
            m_readingWarRoom = false;
            if (read.unreachable()) {
                m_warRoomStale.add(topics);
                noteOutcome(asOutcome(read));
            } else if (!read) {
                emit readFailed(read.error());
            } else {
                m_warRoom.update(*read, topics);
                emit warRoomChanged(topics);
                if (topics.has(ChangeTopic::Commitments))
                    recordNewMisses();
            }
            readWhatIsStale();
        });
}

void LiveWarRoom::readPresence()
{
    if (m_readingPresence || !m_link->reachable())
        return; // a server that has not answered the last look is not asked again
    m_readingPresence = true;
    m_store.run(
        this, [](IncidentStore &store) { return store.othersPresent(); },
        [this](const Result<QStringList> &others) {
            m_readingPresence = false;
            // A failed look leaves the last one: the log and the alerts say the server is away.
            if (others && *others != m_othersPresent) {
                m_othersPresent = *others;
                emit presenceChanged(m_othersPresent);
            }
        });
}

void LiveWarRoom::recordNewMisses()
{
    // Away, the countdowns and alerts go on from the last state; the store records the misses
    // when it is back (IncidentStore::reconnect).
    if (!m_link->reachable())
        return;
    const QDateTime now = m_clock.now();
    QList<qint64> passed;
    for (const Commitment &c : std::as_const(m_warRoom.outstanding)) {
        if (c.due <= now && !m_missesAsked.contains(c.id)) {
            m_missesAsked.insert(c.id);
            passed.append(c.id);
        }
    }
    if (passed.isEmpty())
        return;
    m_store.run(
        this, [](IncidentStore &store) { return store.recordMissedDeadlines(); },
        [this, passed](const Result<int> &recorded) {
            if (recorded)
                return;
            for (qint64 id : passed) // asked again at the next tick
                m_missesAsked.remove(id);
        });
}
