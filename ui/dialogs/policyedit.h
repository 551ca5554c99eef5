#pragma once

#include "domain/result.h"

#include <QString>

#include <functional>

class IncidentStore;
struct TeamPolicy;

// What the Settings dialogs share when they change the war room's policy.
namespace PolicyEdit {
// "For everyone who opens this war room; policy version 3, by Ann at …"
QString versionText(const TeamPolicy &policy);
// Applies edit to the latest version of the policy and writes it as a new version.
Outcome change(IncidentStore &store, const QString &by,
               const std::function<void(TeamPolicy &)> &edit);
} // namespace PolicyEdit
