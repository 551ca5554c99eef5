#pragma once

#include "domain/commitment.h"

#include <QList>

// How many times a theory's timebox was extended: every timebox after the first is one more
// "ten more minutes", the drift that timeboxing exists to stop.
int timeboxExtensions(const QList<Commitment> &commitments, qint64 hypothesisEntryId);

// Timeboxes that have passed with no verdict: the commander must confirm, drop or extend.
QList<Commitment> expiredTimeboxes(const QList<Commitment> &commitments, const QDateTime &now);
