#include "dialogs/policyedit.h"

#include "livewarroom.h"
#include "timeformat.h"

#include <QObject>

namespace PolicyEdit {
QString versionText(const TeamPolicy &policy)
{
    if (policy.version == 0)
        return QObject::tr("For everyone who opens this war room; Warroom's defaults so far.");
    return QObject::tr("For everyone who opens this war room; policy version %1, by %2 at %3.")
        .arg(policy.version)
        .arg(policy.by, TimeFormat::full(policy.at));
}

void change(const LiveWarRoom &live, const QString &by, std::function<void(TeamPolicy &)> edit,
            std::function<void(const Outcome &)> answered)
{
    live.write(
        &live,
        [by, edit](IncidentStore &store) -> Result<qint64> {
            // The latest version, not the one the dialog opened with: someone may have changed
            // another part of it meanwhile.
            Result<TeamPolicy> policy = store.policy();
            if (!policy)
                return policy.failure();
            edit(*policy);
            return store.setPolicy(*policy, by);
        },
        std::move(answered));
}
} // namespace PolicyEdit
