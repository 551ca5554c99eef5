#pragma once

class QWidget;

// The business channel's settings: how often each severity's customer hears from us, and the
// team's own jargon terms for the plain-language check. Each returns whether it saved.
namespace BusinessSettingsDialogs {
bool editCadence(QWidget *parent);
bool editJargon(QWidget *parent);
bool editPaper(QWidget *parent);
} // namespace BusinessSettingsDialogs
