#include "dialogs/policyedit.h"

#include "storage/incidentstore.h"
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

Outcome change(IncidentStore &store, const QString &by,
               const std::function<void(TeamPolicy &)> &edit)
{
    // The latest version, not the one the dialog opened with: someone may have changed
    // another part of it meanwhile.
    Result<TeamPolicy> policy = store.policy();
    if (!policy)
        return Failure{policy.error()};
    edit(*policy);
    const auto written = store.setPolicy(*policy, by);
    if (!written)
        return Failure{written.error()};
    return done();
}
} // namespace PolicyEdit
