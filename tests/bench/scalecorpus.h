#pragma once

#include "domain/logentry.h"

#include <QList>
#include <QString>

// The log of a long crisis, the same on every run: kinds, authors and lengths as engineers and
// monitoring scripts write them (most entries observations, three questions in a thousand;
// lines from a dozen people and three scripts; from a few words to a stack-trace excerpt).
class ScaleCorpus
{
public:
    explicit ScaleCorpus(quint32 seed = 20261125) : m_state(seed) {}

    // The next entry for the incident; n numbers it within the corpus.
    NewLogEntry entry(qint64 incidentId, qint64 n);
    // A JSON object per line, as a script feeds `warroom log --jsonl`.
    QByteArray jsonLine(qint64 n);

private:
    quint32 next();
    template <typename T, qsizetype N> const T &pick(const T (&items)[N])
    {
        return items[next() % N];
    }

    quint32 m_state;
};
