#pragma once

#include "storage/incidentstore.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <utility>

class QThread;

// A war room's store on a thread of its own, so that a window never waits on its database: a
// slow disk or a stalled server holds up this thread, never typing, the countdowns or the
// alerts. Work runs on the store's thread in the order it was given; each answer comes back on
// the asker's thread, in the same order, and is dropped if the asker is gone by then. Changes,
// the store's own and those the server announces, arrive through changed() in the same way.
class StoreThread : public QObject
{
    Q_OBJECT
public:
    // Opens the war room on a new thread; the caller waits for the opening only.
    static Result<std::unique_ptr<StoreThread>> open(const WarRoomAddress &address, OpenMode mode,
                                                     const Clock &clock);
    // A store that stays on the caller's thread, its answers still coming through the event
    // loop: for tests that also write to a desktop's file around the window (one connection
    // per process and thread).
    static std::unique_ptr<StoreThread> onThisThread(IncidentStore &store);
    // Finishes the work already given (an entry typed just before closing is kept), then
    // closes the store on its thread.
    ~StoreThread() override;

    const WarRoomAddress &address() const { return m_address; }
    QString location() const { return m_location; }
    // The role the store's connection signed in as on a shared war room; empty on a file.
    QString signedInAs() const { return m_signedInAs; }
    // Whether work is queued or running: the window says so when an answer is slow.
    int pending() const { return m_pending; }

    // Runs work(IncidentStore &) on the store's thread, then answer(result) on this object's
    // thread unless asker is gone. asker lives on this object's thread.
    template <typename Work, typename Answer>
    void run(const QObject *asker, Work work, Answer answer)
    {
        QPointer<const QObject> alive(asker);
        ++m_pending;
        post([this, alive, work = std::move(work), answer = std::move(answer)]() mutable {
            auto result = work(*m_store);
            reply([this, alive, answer, result]() mutable {
                --m_pending;
                if (alive)
                    answer(std::move(result));
            });
        });
    }
    // Runs work and waits for its result: for opening a war room and for tests, never for a
    // window's own work. This thread is blocked meanwhile: the work must not wait for it.
    template <typename Work>
    auto runAndWait(Work work) -> decltype(work(std::declval<IncidentStore &>()))
    {
        using Answer = decltype(work(std::declval<IncidentStore &>()));
        std::optional<Answer> answer;
        postAndWait([&] { answer.emplace(work(*m_store)); });
        return std::move(*answer);
    }

signals:
    void changed(ChangeTopic topic, qint64 incidentId);

private:
    explicit StoreThread(const WarRoomAddress &address);
    void adopt(IncidentStore &store);
    void post(std::function<void()> job);
    void postAndWait(const std::function<void()> &job);
    void reply(std::function<void()> answer);

    WarRoomAddress m_address;
    QString m_location;
    QString m_signedInAs;
    int m_pending = 0;
    QThread *m_thread = nullptr;            // none for a store on the caller's thread
    QObject *m_worker = nullptr;            // lives where the store does
    std::unique_ptr<IncidentStore> m_owned; // created, used and deleted on m_thread
    IncidentStore *m_store = nullptr;
};
