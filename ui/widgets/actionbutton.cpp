#include "widgets/actionbutton.h"

#include <QAction>
#include <QPushButton>

QPushButton *buttonForAction(QAction *action, QWidget *parent)
{
    auto *button = new QPushButton(action->text().remove(QLatin1Char('&')), parent);
    button->setObjectName(
        action->objectName().replace(QStringLiteral("Action"), QStringLiteral("Button")));
    button->setToolTip(action->shortcut().toString(QKeySequence::NativeText));
    QObject::connect(button, &QPushButton::clicked, action, &QAction::trigger);
    return button;
}
