#pragma once

#include "domain/result.h"
#include "storage/change.h"

#include <QObject>

// Tells of the rows any connection commits to a war room, as (topic, incident): this
// connection's, another store's in this process, another process's or another desktop's. One
// per connection (Database::changes()); each engine knows commits its own way.
class ChangeSource : public QObject
{
    Q_OBJECT
public:
    // Looks for commits not told of yet; for after writing around the store. Cheap when nothing
    // changed (one PRAGMA on a file, nothing at all on a server, which tells of every commit).
    virtual void look() = 0;
    // The connection was opened again after it was lost: follows again, and tells of what was
    // committed meanwhile. Fails when it cannot follow.
    virtual Outcome resume() = 0;

signals:
    void changed(ChangeTopic topic, qint64 incidentId);
};
