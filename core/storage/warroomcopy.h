#pragma once

#include "domain/result.h"

#include <QList>
#include <QPair>
#include <QString>

class Database;

// Moves a war room between engines (a desktop's SQLite file to a team's server, or back): every
// row with the id it had, every link of the record chain as it was, in one transaction on the
// target. Rows go over in the order they were written (the chain's order), so every row finds
// the rows it refers to already there. Committed only when the target holds as many rows of
// every table as the source and its chains recompute intact; the source is never written.
namespace WarRoomCopy {
struct Summary
{
    QList<QPair<QString, qint64>> rowsPerTable; // tables with rows, in the schema's order
    qint64 records = 0;                         // links of the record chain, verified
};

// Refuses a target that already holds an incident, and a source whose chain is broken.
Result<Summary> copy(const Database &source, Database &target);
} // namespace WarRoomCopy
