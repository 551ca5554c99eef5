#pragma once

#include "storage/warroomaddress.h"

#include <QStringList>

// The war rooms this person opened, newest first, for File > Open recent. Personal, so kept in
// the settings; as addresses without passwords (WarRoomAddress::display()).
namespace RecentWarRooms {
QStringList list();
void remember(const WarRoomAddress &address);
void forget(const QString &display);
} // namespace RecentWarRooms
