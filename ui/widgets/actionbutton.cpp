#include "widgets/actionbutton.h"

#include "wording.h"

#include <QAction>
#include <QPushButton>

QPushButton *buttonForAction(QAction *action, QWidget *parent)
{
    auto *button = new QPushButton(withoutMnemonic(action->text()), parent);
    button->setObjectName(
        action->objectName().replace(QStringLiteral("Action"), QStringLiteral("Button")));
    button->setToolTip(action->shortcut().toString(QKeySequence::NativeText));
    QObject::connect(button, &QPushButton::clicked, action, &QAction::trigger);
    return button;
}
