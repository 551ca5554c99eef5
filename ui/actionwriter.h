#pragma once

#include "domain/result.h"
#include "livewarroom.h"

#include <QObject>

#include <functional>
#include <optional>

class QueuedWrite;
class QWidget;

// How the window's actions write: signed with the user's name, run on the store's thread, a
// refusal shown to the user (or answered to the form that asked). Each family of actions holds
// one, so that a refusal reads the same wherever it came from; answers to a family's own writes
// end with it.
class ActionWriter : public QObject
{
    Q_OBJECT
public:
    ActionWriter(LiveWarRoom &live, QWidget *dialogParent);

    LiveWarRoom &live() const { return m_live; }
    QWidget *dialogParent() const { return m_dialogParent; }

    // The user's name for "who did it", asked for when none is known; nothing if cancelled.
    std::optional<QString> who() const;
    void report(const Outcome &outcome) const;
    // A one-click write: a refusal is shown.
    template <typename Work> void write(Work work) const
    {
        m_live.write(this, std::move(work), [this](const Outcome &outcome) { report(outcome); });
    }
    // A form's submit: work's outcome answers the form.
    template <typename Work>
    void write(Work work, const std::function<void(const Outcome &)> &answered) const
    {
        // Asked by the war room, not the dialog: the dialog says itself whether it is there.
        m_live.write(&m_live, std::move(work), answered);
    }
    // A write that waits in the outbox while the server is away; refusals reported, or answered.
    void writeOrKeep(const QueuedWrite &write,
                     const std::function<void(const Outcome &)> &answered = {}) const;

private:
    LiveWarRoom &m_live;
    QWidget *m_dialogParent;
};
