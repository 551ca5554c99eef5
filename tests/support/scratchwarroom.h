#pragma once

#include "rules/clock.h"
#include "storage/incidentstore.h"
#include "storage/storethread.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QSqlDatabase>
#include <QTemporaryDir>

#include <memory>

// A war room in a temporary folder on a clock that moves only when told; removed afterwards.
class ScratchWarRoom
{
public:
    ScratchWarRoom();
    // The same on a database of its own on a test server (ThrowawayPostgres).
    explicit ScratchWarRoom(const WarRoomAddress &address);

    QString path() const { return m_path; }
    const WarRoomAddress &address() const { return m_address; }
    QString pathFor(const QString &fileName) const { return m_dir.filePath(fileName); }
    ManualClock &clock() { return m_clock; }
    IncidentStore &store() { return *m_store; }
    // The store as a window takes it: answers come through the event loop, but the work runs
    // on this thread, so that the test can also write to the file around the window (one
    // connection per process and thread). WarRoomOpener's tests and the server-stall test use
    // a real store thread.
    StoreThread &windowStore()
    {
        if (!m_windowStore)
            m_windowStore = StoreThread::onThisThread(*m_store);
        return *m_windowStore;
    }

    // An incident with a person in charge, for tests that need one to write into.
    qint64 addIncident(const QString &title = QStringLiteral("Checkout failing"));
    LogEntry addLog(qint64 incidentId, const QString &text, LogKind kind = LogKind::Observation);
    // One row in every append-only table, written through the store: a log entry "first", a
    // deadline met, a briefing, a handover, a framing, a confirmed problem statement, an ask
    // sent, a status change and its notice sent.
    void recordOneOfEverything(qint64 incidentId);
    // And what comes after the crisis, leaving the incident resolved: an option chosen, the
    // resolution report with one item remaining (then done), a debrief with a key moment, and a
    // known problem learned here (linked, with an update of its fix).
    void recordTheAftermath(qint64 incidentId);

    // A second, independent connection to the same file, as another window would have.
    std::unique_ptr<IncidentStore> openSecondStore();
    // Closes the store as a window does when it quits; the files stay for inspection.
    // Takes events until the window's store has answered everything asked of it (and what
    // those answers asked in turn).
    void settle()
    {
        while (m_windowStore && m_windowStore->pending() > 0)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    void closeStore()
    {
        m_windowStore.reset();
        m_store.reset();
    }
    // Opens it again, e.g. after a foreign program had the file to itself.
    void reopenStore();

private:
    QTemporaryDir m_dir;
    QString m_path;
    WarRoomAddress m_address;
    ManualClock m_clock;
    std::unique_ptr<IncidentStore> m_store;
    std::unique_ptr<StoreThread> m_windowStore; // goes before the store
};

// Runs statements on a file through a plain SQLite connection, as another program would (a
// Warroom process must not have it open). Returns the first refusal's message, or an empty
// string when every statement ran.
QString runForeignSql(const QString &path, const QStringList &statements);
// Opens a configured connection, runs statements until one is refused, closes it; the first
// refusal's message, or an empty string.
QString runStatements(QSqlDatabase db, const QStringList &statements);
// The same through a plain connection to a shared war room's server.
QString runForeignSql(const WarRoomAddress &address, const QStringList &statements);

// A program the build made, whose path CTest passes in the environment variable named.
QString builtExecutable(const char *variable);
// The built warroom executable (CTest passes its path in WARROOM_EXECUTABLE).
QString warroomExecutable();

// A fingerprint of a file's bytes, to prove that a refused file was left untouched.
QByteArray fileDigest(const QString &path);

// The time every scratch war room starts at: fixed, so tests read the same every run.
QDateTime scratchStartTime();
