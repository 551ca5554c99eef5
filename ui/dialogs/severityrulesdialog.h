#pragma once

class QWidget;

// Edits the team's severity table (the thresholds that turn an impact assessment into a
// suggested severity). Returns whether the table was changed.
namespace SeverityRulesDialog {
bool edit(QWidget *parent);
}
