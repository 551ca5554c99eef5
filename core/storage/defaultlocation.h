#pragma once

#include <QString>

// The embedded war room: a SQLite file under the user's data folder
// (~/.local/share/warroom/warroom.sqlite on Linux).
QString defaultDatabasePath();
