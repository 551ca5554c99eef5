#pragma once

#include <QString>

#include <optional>

class QWidget;

// Who is at this keyboard: every entry and every decision says who made it. Kept in the
// user's settings; the system login name until they type their own.
namespace UserIdentity {
QString name();
void setName(const QString &name);
// The name for "who did it", or nothing after telling the user to set it first.
std::optional<QString> nameOrAsk(QWidget *dialogParent);
} // namespace UserIdentity
