#include "useridentity.h"

#include "dialogs/formdialog.h"
#include "dialogs/modalhook.h"

#include <QCoreApplication>
#include <QSettings>

namespace {
const QString kKey = QStringLiteral("identity/name");

QString tr(const char *text)
{
    return QCoreApplication::translate("UserIdentity", text);
}
} // namespace

namespace UserIdentity {
QString name()
{
    const QString saved = QSettings().value(kKey).toString().trimmed();
    return saved.isEmpty() ? qEnvironmentVariable("USER") : saved;
}

void setName(const QString &name)
{
    const QString before = UserIdentity::name();
    QSettings().setValue(kKey, name.trimmed());
    if (UserIdentity::name() != before)
        emit notifier().nameChanged(UserIdentity::name());
}

std::optional<QString> nameOrAsk(QWidget *dialogParent)
{
    if (const QString current = name(); !current.isEmpty())
        return current;
    FormDialog form(tr("Who are you?"),
                    tr("Every entry and every decision in the war room says who made it. Your "
                       "name is kept on this computer; change it in the box under the log."),
                    dialogParent);
    form.addLine(QStringLiteral("name"), tr("Your &name:"), {}, tr("e.g. Dana Whitfield"));
    form.setSubmit(tr("Continue"), [](const FormDialog &f) -> Outcome {
        if (f.text(QStringLiteral("name")).trimmed().isEmpty())
            return Failure{tr("Type your name: the war room records who did what.")};
        return done();
    });
    if (ModalHook::exec(form) != QDialog::Accepted)
        return std::nullopt;
    setName(form.text(QStringLiteral("name")));
    return name();
}

UserIdentityNotifier &notifier()
{
    static UserIdentityNotifier notifier;
    return notifier;
}
} // namespace UserIdentity
