#pragma once

#include "domain/result.h"
#include "rules/knownproblemmatch.h"

#include <QList>

class IncidentStore;

// The known problems an incident looks like and that nobody has been told of yet: its title,
// problem statement and the latest entries people wrote are matched against each symptom; a
// problem already suggested, dismissed or linked there is not suggested again.
namespace KnownProblemSuggestions {
// How many of the newest log entries are read: a suggestion matters early in an incident, and a
// long log must not make the window wait.
constexpr int kEntriesRead = 500;

Result<QList<KnownProblemMatch::Match>> pending(const IncidentStore &store, qint64 incidentId);
} // namespace KnownProblemSuggestions
