#include "storage/storethread.h"

#include "storage/passwordkeychain.h"

#include <QThread>

StoreThread::StoreThread(const WarRoomAddress &address)
    : m_address(address), m_location(address.display())
{}

Result<std::unique_ptr<StoreThread>> StoreThread::open(const WarRoomAddress &address, OpenMode mode,
                                                       const Clock &clock)
{
    std::unique_ptr<StoreThread> thread(new StoreThread(address));
    thread->m_thread = new QThread(thread.get());
    thread->m_thread->setObjectName(QStringLiteral("warroom-store"));
    thread->m_worker = new QObject; // deleted on its thread when the thread finishes
    thread->m_worker->moveToThread(thread->m_thread);
    connect(thread->m_thread, &QThread::finished, thread->m_worker, &QObject::deleteLater);
    thread->m_thread->start();

    // QtKeychain answers on the application's thread only: a kept password is looked up here,
    // before the store's thread signs in with it (a failed look leaves libpq's own sources).
    WarRoomAddress signingIn = address;
    if (address.isShared() && address.password.isEmpty()) {
        if (const auto kept = PasswordKeychain::read(address); kept && *kept)
            signingIn.password = **kept;
    }
    QString problem;
    thread->postAndWait([&] {
        auto store = IncidentStore::open(signingIn, mode, clock);
        if (store)
            thread->m_owned = store.take();
        else
            problem = store.error();
    });
    if (!thread->m_owned)
        return Failure{problem}; // the destructor stops the thread
    thread->adopt(*thread->m_owned);
    return thread;
}

std::unique_ptr<StoreThread> StoreThread::onThisThread(IncidentStore &store)
{
    std::unique_ptr<StoreThread> thread(new StoreThread(store.address()));
    thread->m_worker = new QObject(thread.get());
    thread->adopt(store);
    return thread;
}

void StoreThread::adopt(IncidentStore &store)
{
    m_store = &store;
    m_location = store.location();
    m_signedInAs = store.signedInAs();
    // Across threads, queued: a change arrives after the answers to work given before it.
    connect(&store, &IncidentStore::changed, this, &StoreThread::changed);
}

StoreThread::~StoreThread()
{
    if (!m_thread)
        return;
    if (m_thread->isRunning()) {
        // Queued work runs first: nothing typed is dropped by closing the window.
        postAndWait([this] { m_owned.reset(); });
        m_thread->quit();
        m_thread->wait();
    }
}

void StoreThread::post(std::function<void()> job)
{
    QMetaObject::invokeMethod(m_worker, std::move(job), Qt::QueuedConnection);
}

void StoreThread::postAndWait(const std::function<void()> &job)
{
    if (!m_thread) {
        job();
        return;
    }
    QMetaObject::invokeMethod(m_worker, job, Qt::BlockingQueuedConnection);
}

void StoreThread::reply(std::function<void()> answer)
{
    QMetaObject::invokeMethod(this, std::move(answer), Qt::QueuedConnection);
}
