#pragma once

#include <QString>

// Who is at this keyboard: every entry and every decision says who made it. Kept in the
// user's settings; the system login name until they type their own.
namespace UserIdentity {
QString name();
void setName(const QString &name);
} // namespace UserIdentity
