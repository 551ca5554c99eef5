#pragma once

#include "storage/storageengine.h"

#include <QList>
#include <QStringList>

// Numbered schema steps. Never edit a released step: add the next one.
struct Migration
{
    int version;
    QString summary;
    QStringList (*statements)(const StorageEngine &engine);
};

const QList<Migration> &migrations();
int latestSchemaVersion();

// From this version on, every record is linked into its incident's hash chain (RecordChain).
constexpr int kFirstChainedVersion = 6;

// Marks a SQLite file as Warroom's ("WROM"), so a stranger's database is never mistaken for one.
constexpr qint32 kSqliteApplicationId = 0x57524F4D;
