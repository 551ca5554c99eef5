#pragma once

#include "domain/result.h"

#include <QString>

#include <functional>

class LiveWarRoom;
struct TeamPolicy;

// What the Settings dialogs share when they change the war room's policy.
namespace PolicyEdit {
// "For everyone who opens this war room; policy version 3, by Ann at …"
QString versionText(const TeamPolicy &policy);
// Applies edit to the latest version of the policy and writes it as a new version, on the
// store's thread; answered says how it went.
void change(const LiveWarRoom &live, const QString &by, std::function<void(TeamPolicy &)> edit,
            std::function<void(const Outcome &)> answered);
} // namespace PolicyEdit
