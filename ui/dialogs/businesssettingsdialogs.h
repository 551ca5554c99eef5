#pragma once

#include <QString>

class LiveWarRoom;
class QWidget;

// The business channel's settings: how often each severity's customer hears from us, and the
// team's own jargon terms for the plain-language check, both in the war room's policy (by: who
// changes it); the paper size, this desktop's own. Each returns whether it saved.
namespace BusinessSettingsDialogs {
bool editCadence(const LiveWarRoom &live, const QString &by, QWidget *parent);
bool editJargon(const LiveWarRoom &live, const QString &by, QWidget *parent);
bool editPaper(QWidget *parent);
} // namespace BusinessSettingsDialogs
