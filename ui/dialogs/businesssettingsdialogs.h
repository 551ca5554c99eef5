#pragma once

#include "domain/result.h"

#include <QString>

#include <functional>

class IncidentStore;
class QWidget;
struct TeamPolicy;

// The business channel's settings: how often each severity's customer hears from us, and the
// team's own jargon terms for the plain-language check, both in the war room's policy (by: who
// changes it); the paper size, this desktop's own. Each returns whether it saved.
namespace BusinessSettingsDialogs {
bool editCadence(IncidentStore &store, const QString &by, QWidget *parent);
bool editJargon(IncidentStore &store, const QString &by, QWidget *parent);
bool editPaper(QWidget *parent);

// "For everyone who opens this war room; policy version 3, by Ann at …"
QString policyVersionText(const TeamPolicy &policy);
// Applies change to the latest version of the policy and writes it as a new version.
Outcome changePolicy(IncidentStore &store, const QString &by,
                     const std::function<void(TeamPolicy &)> &change);
} // namespace BusinessSettingsDialogs
