#pragma once

#include "serverlink.h"
#include "storage/storethread.h"
#include "usecases/incidentstate.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

#include <functional>

class Clock;
class QTimer;
class QueuedWrite;

// The window's live copy of the war room: the incident on screen and the war room around it,
// read on the store's thread and kept current from its changes, so that views and dialogs read
// memory, never the database. Writes go to the store's thread too; each says how it went.
class LiveWarRoom : public QObject
{
    Q_OBJECT
public:
    LiveWarRoom(StoreThread &store, const Clock &clock, QObject *parent = nullptr);

    StoreThread &store() const { return m_store; }
    const Clock &clock() const { return m_clock; }
    const WarRoomAddress &address() const { return m_store.address(); }
    QString location() const { return m_store.location(); }

    // Starts reading an incident (0: none); incidentChanged(all) once it has been read.
    void showIncident(qint64 incidentId);
    qint64 incidentId() const { return m_incidentId; }
    // The incident on screen; an empty state until the first read of it has come back.
    const IncidentState &incident() const { return m_incident; }
    bool incidentLoaded() const { return m_incidentLoaded; }
    const WarRoomState &warRoom() const { return m_warRoom; }
    const TeamPolicy &policy() const { return m_warRoom.policy; }
    // The title of any incident of the war room, for alerts about one not on screen.
    QString incidentTitle(qint64 incidentId) const;
    // Who else has the war room open in a window (a shared war room's server says).
    QStringList othersPresent() const { return m_othersPresent; }

    // Whether a shared war room's server can be reached, and what waits for it here.
    ServerLink &link() const { return *m_link; }

    // Runs a write on the store's thread; done(outcome) back here unless asker is gone.
    template <typename Work>
    void write(const QObject *asker, Work work,
               std::function<void(const Outcome &)> done = {}) const
    {
        m_store.run(
            this, [work](IncidentStore &store) { return asOutcome(work(store)); },
            [this, alive = QPointer<const QObject>(asker), done](const Outcome &outcome) {
                noteOutcome(outcome);
                if (done && alive)
                    done(outcome);
            });
    }
    // A write that can wait: when the server is away it is kept in this computer's outbox
    // (done answers success), shown as not yet shared, and delivered once the server is back.
    void writeOrKeep(const QObject *asker, const QueuedWrite &write,
                     std::function<void(const Outcome &)> done = {}) const;

signals:
    // Parts of incident() were read anew (all of them after showIncident()).
    void incidentChanged(ChangeTopics topics);
    // The check of the incident's record chain got further, or to its end (incident().chain).
    void chainChanged();
    void warRoomChanged(ChangeTopics topics);
    void presenceChanged(const QStringList &others);
    // A read failed; the last good state stays on screen.
    void readFailed(const QString &problem);
    // Rows were added to an incident's record (the log model follows its own).
    void changed(ChangeTopic topic, qint64 incidentId);

private:
    // Tells the link when the server was not reached.
    void noteOutcome(const Outcome &outcome) const;
    // The server is back: everything shown may be stale.
    void readEverythingAgain();
    void onChanged(ChangeTopic topic, qint64 incidentId);
    void readWhatIsStale();
    void readIncident();
    void readWarRoom();
    void readPresence();
    // Writes the "missed" event of a deadline that has just passed; the store writes each once.
    void recordNewMisses();

    static constexpr int kPresenceIntervalMs = 15 * 1000;

    StoreThread &m_store;
    const Clock &m_clock;
    ServerLink *m_link;
    qint64 m_incidentId = 0;
    IncidentState m_incident;
    bool m_incidentLoaded = false;
    WarRoomState m_warRoom;
    QStringList m_othersPresent;
    ChangeTopics m_incidentStale;
    bool m_chainUnfinished = false; // the last read checked only a share of the chain
    ChangeTopics m_warRoomStale = ChangeTopics::all();
    bool m_readingIncident = false;
    bool m_readingWarRoom = false;
    bool m_readingPresence = false;
    QSet<qint64> m_missesAsked; // deadlines whose miss was handed to the store to write
};
