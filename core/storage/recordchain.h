#pragma once

#include "domain/result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

class Database;

// Tamper evidence for the war room's record. Every row Warroom adds to the record (each
// append-only table, and an incident's identity: id, title, customer, opening time) is linked
// into its incident's chain: hash = SHA-256(the incident's previous hash, the table, the row's
// columns as written). Editing a row, deleting one, or slipping one in around Warroom (raw SQL
// with the database's guards dropped) shows on recomputation. There is no secret: someone who
// recomputes every later link is not caught, so the chain is evidence against quiet edits,
// not a signature.
namespace RecordChain {
// The tables whose rows are chained.
const QStringList &chainedTables();

struct RowRef
{
    QString table;
    qint64 id = 0;
};

// Links rows written in the current transaction, in the order given.
Outcome seal(const Database &database, const QList<RowRef> &rows);
// Links every row not linked yet, oldest first: once, when a war room gets its chain.
Outcome sealAll(const Database &database);

// Where a check got to, so that the next check of the same incident reads only what is new.
struct Cursor
{
    qint64 lastLinkId = 0;
    QByteArray lastHash;
    qint64 records = 0;
    QHash<QString, qint64> lastRowIds; // per table: rows up to here are known to be linked
};

struct Report
{
    qint64 records = 0; // checked, up to where the check got
    bool intact = true;
    QString problem; // the first record that does not match, in words
    // False when the check stopped at its share of work: intact so far, and the next check
    // goes on from where this one stopped.
    bool complete = true;
};

// The first row of a table past the cursor's mark (the first value) and up to an id (the
// second) that is in no chain; with oneIncident, of the incident bound third. Public so that
// a test can read its query plan.
QString unlinkedRowSql(const QString &table, bool oneIncident);

// Recomputes one incident's chain from the cursor on (incidentId 0: every incident's chain,
// from the start), and looks for rows of the record that are in no chain. Advances the cursor
// while intact. slices > 0: of one incident, at most that many slices of work (a slice: some
// thousands of links, or some tens of thousands of rows looked at for a link), so that a long
// record is checked a share at a time between other work; the report says whether it got to
// the end.
Result<Report> verify(const Database &database, qint64 incidentId, Cursor &cursor, int slices = 0);
} // namespace RecordChain
