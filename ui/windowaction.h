#pragma once

#include <QAction>
#include <QKeySequence>

#include <functional>

// An action of the main window, owned by owner: named for tests, its shortcut live wherever the
// focus is in the window, run when triggered from a menu, the toolbar or a panel's button.
inline QAction *makeWindowAction(QObject *owner, const QString &text, const QString &objectName,
                                 std::function<void()> run, const QKeySequence &shortcut = {})
{
    auto *action = new QAction(text, owner);
    action->setObjectName(objectName);
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WindowShortcut);
    QObject::connect(action, &QAction::triggered, owner, std::move(run));
    return action;
}
