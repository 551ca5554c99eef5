#pragma once

class QAction;
class QPushButton;
class QWidget;

// A push button that triggers an action, for panels that show an act next to its list:
// the action's text (without the mnemonic), its shortcut as tooltip, and an objectName
// derived from the action's ("commitDeadlineAction" -> "commitDeadlineButton").
QPushButton *buttonForAction(QAction *action, QWidget *parent);
