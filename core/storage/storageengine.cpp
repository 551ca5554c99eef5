#include "storage/storageengine.h"

#include "storage/postgresengine.h"
#include "storage/sqliteengine.h"
#include "storage/warroomaddress.h"

std::unique_ptr<StorageEngine> StorageEngine::forAddress(const WarRoomAddress &address)
{
    switch (address.engine) {
    case WarRoomAddress::Engine::Sqlite:
        return std::make_unique<SqliteEngine>(address.path);
    case WarRoomAddress::Engine::Postgres:
        return std::make_unique<PostgresEngine>(address);
    }
    Q_UNREACHABLE();
    return nullptr;
}
