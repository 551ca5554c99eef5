#include "useridentity.h"

#include "dialogs/modalhook.h"

#include <QCoreApplication>
#include <QSettings>

namespace {
const QString kKey = QStringLiteral("identity/name");
}

namespace UserIdentity {
QString name()
{
    const QString saved = QSettings().value(kKey).toString().trimmed();
    return saved.isEmpty() ? qEnvironmentVariable("USER") : saved;
}

void setName(const QString &name)
{
    QSettings().setValue(kKey, name.trimmed());
}

std::optional<QString> nameOrAsk(QWidget *dialogParent)
{
    const QString current = name();
    if (!current.isEmpty())
        return current;
    ModalHook::showError(dialogParent, QCoreApplication::translate("UserIdentity", "Who are you?"),
                         QCoreApplication::translate(
                             "UserIdentity", "Type your name in the box under the log first: "
                                             "every decision in the war room says who made it."));
    return std::nullopt;
}
} // namespace UserIdentity
