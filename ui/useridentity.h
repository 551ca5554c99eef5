#pragma once

#include <QObject>
#include <QString>

#include <optional>

class QWidget;

// Says that the name at this keyboard changed, wherever it was typed, so that every box that
// shows it follows.
class UserIdentityNotifier : public QObject
{
    Q_OBJECT
signals:
    void nameChanged(const QString &name);
};

// Who is at this keyboard: every entry and every decision says who made it. Kept in the
// user's settings; the system login name until they type their own.
namespace UserIdentity {
QString name();
void setName(const QString &name);
// The name for "who did it". When none is known yet it is asked for here, kept, and the act
// goes on; nothing when the user cancels.
std::optional<QString> nameOrAsk(QWidget *dialogParent);
UserIdentityNotifier &notifier();
} // namespace UserIdentity
