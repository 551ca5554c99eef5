#pragma once

#include <QString>

class LiveWarRoom;
class QWidget;

// Edits the team's severity table (the thresholds that turn an impact assessment into a
// suggested severity), a part of the war room's policy. Returns whether the table was changed.
namespace SeverityRulesDialog {
bool edit(const LiveWarRoom &live, const QString &by, QWidget *parent);
}
