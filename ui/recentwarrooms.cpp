#include "recentwarrooms.h"

#include <QSettings>

namespace RecentWarRooms {
namespace {
const QString kKey = QStringLiteral("warRooms/recent");
constexpr qsizetype kKept = 8;
} // namespace

QStringList list()
{
    return QSettings().value(kKey).toStringList();
}

void remember(const WarRoomAddress &address)
{
    QStringList recent = list();
    const QString shown = address.display();
    recent.removeAll(shown);
    recent.prepend(shown);
    QSettings().setValue(kKey, recent.mid(0, kKept));
}

void forget(const QString &display)
{
    QStringList recent = list();
    recent.removeAll(display);
    QSettings().setValue(kKey, recent);
}
} // namespace RecentWarRooms
