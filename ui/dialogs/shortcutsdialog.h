#pragma once

#include <QDialog>

class QMenuBar;

// Help → Keyboard shortcuts: every action of the window's menus that has a shortcut, under its
// menu, read from the menus themselves so the list never falls behind them.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    ShortcutsDialog(const QMenuBar &menus, QWidget *parent = nullptr);
};
