#include "storage/defaultlocation.h"

#include <QStandardPaths>

QString defaultDatabasePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/warroom.sqlite");
}
