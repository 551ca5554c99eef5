#pragma once

#include "domain/knownproblem.h"

#include <QList>
#include <QString>
#include <QStringList>

// Finding a known problem again by its words: a full-text match that ignores case, small words
// and word endings ("timeouts" meets "timeout", "failing" meets "failed"), the same on every war
// room whatever its database.
namespace KnownProblemMatch {
// The words that carry meaning, reduced to their stems, each once, in order.
QStringList terms(const QString &text);

struct Match
{
    KnownProblem problem;
    QStringList matched; // the problem's terms found
    double score = 0;    // the share of its symptom's terms found, 0..1
};

// The known problems whose symptom the text describes: most of the symptom's terms (at least
// 60%, and two when it has two) appear in it. Best first.
QList<Match> suggestionsFor(const QList<KnownProblem> &book, const QString &text);

// The known problems holding every term of the query, in symptom, product, workaround or cause.
// Those matching in the symptom first.
QList<Match> search(const QList<KnownProblem> &book, const QString &query);
} // namespace KnownProblemMatch
