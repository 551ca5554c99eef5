#include "useridentity.h"

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
} // namespace UserIdentity
