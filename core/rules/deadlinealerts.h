#pragma once

#include "domain/commitment.h"

#include <QList>
#include <QPair>
#include <QSet>

enum class DeadlineAlertKind
{
    Approaching,
    Due
};

struct DeadlineAlert
{
    DeadlineAlertKind kind;
    Commitment commitment;
    QString title;
    QString text;
};

constexpr qint64 kApproachingAlertSecs = 10 * 60;

// Decides when to raise a desktop alert for a deadline: once when ten minutes are left and
// once when it falls due unmet. Remembers what it raised, so each alert comes once however
// often it is asked.
class DeadlineAlerts
{
public:
    QList<DeadlineAlert> check(const QList<Commitment> &commitments, const QDateTime &now);

private:
    QSet<QPair<qint64, int>> m_raised;
};
