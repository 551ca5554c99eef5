#include "actionwriter.h"

#include "dialogs/modalhook.h"
#include "useridentity.h"

ActionWriter::ActionWriter(LiveWarRoom &live, QWidget *dialogParent)
    : m_live(live), m_dialogParent(dialogParent)
{}

std::optional<QString> ActionWriter::who() const
{
    return UserIdentity::nameOrAsk(m_dialogParent);
}

void ActionWriter::report(const Outcome &outcome) const
{
    if (outcome.unreachable())
        ModalHook::showError(m_dialogParent, tr("Not recorded"),
                             tr("%1\n\nLog entries, deadlines and their outcomes, briefings, "
                                "customer asks and status changes wait on this computer while "
                                "the server is away; this change cannot. Make it again once "
                                "the server is back.")
                                 .arg(outcome.error()));
    else if (!outcome)
        ModalHook::showError(m_dialogParent, tr("Not recorded"), outcome.error());
}

void ActionWriter::writeOrKeep(const QueuedWrite &write,
                               const std::function<void(const Outcome &)> &answered) const
{
    // A form is answered by the war room, not the dialog: the dialog says itself whether it
    // is still there.
    m_live.writeOrKeep(
        &m_live, write, answered ? answered : [this](const Outcome &outcome) { report(outcome); });
}
