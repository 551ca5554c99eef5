#include "rules/timebox.h"

int timeboxExtensions(const QList<Commitment> &commitments, qint64 hypothesisEntryId)
{
    int boxes = 0;
    for (const Commitment &c : commitments)
        boxes += c.hypothesisEntryId == hypothesisEntryId;
    return std::max(0, boxes - 1);
}

QList<Commitment> expiredTimeboxes(const QList<Commitment> &commitments, const QDateTime &now)
{
    QList<Commitment> expired;
    for (const Commitment &c : commitments) {
        if (c.isTimebox() && c.isOutstanding() && now > c.due)
            expired.append(c);
    }
    return expired;
}
