#include "rules/deadlinealerts.h"

#include "rules/countdown.h"

QList<DeadlineAlert> DeadlineAlerts::check(const QList<Commitment> &commitments,
                                           const QDateTime &now)
{
    QList<DeadlineAlert> alerts;
    for (const Commitment &c : commitments) {
        if (!c.isOutstanding())
            continue;
        // In milliseconds: whole seconds would call a deadline due up to a second early, before
        // the store (which compares milliseconds) records it missed.
        const qint64 leftMs = now.msecsTo(c.due);
        auto raise = [&](DeadlineAlertKind kind, const QString &title, const QString &text) {
            const QPair<qint64, int> key{c.id, int(kind)};
            if (m_raised.contains(key))
                return;
            m_raised.insert(key);
            alerts.append({kind, c, title, text});
        };
        if (leftMs <= 0) {
            // Falling due also covers the ten-minute warning: one alert is enough.
            m_raised.insert({c.id, int(DeadlineAlertKind::Approaching)});
            raise(DeadlineAlertKind::Due, QStringLiteral("Deadline due: %1").arg(c.what),
                  QStringLiteral("%1 owes it now. Mark it met, or supersede it and say why it "
                                 "was not kept.")
                      .arg(c.owner));
        } else if (leftMs <= kApproachingAlertSecs * 1000) {
            raise(DeadlineAlertKind::Approaching,
                  QStringLiteral("%1 left: %2").arg(formatDuration(leftMs / 1000), c.what),
                  QStringLiteral("Owner %1. Why this time: %2").arg(c.owner, c.why));
        }
    }
    return alerts;
}
