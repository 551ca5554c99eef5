#include "usecases/knownproblemsuggestions.h"

#include "storage/incidentstore.h"

namespace KnownProblemSuggestions {
Result<QList<KnownProblemMatch::Match>> pending(const IncidentStore &store, qint64 incidentId)
{
    const auto book = store.knownProblems();
    if (!book)
        return book.failure();
    if (book->isEmpty())
        return QList<KnownProblemMatch::Match>();
    const auto incident = store.incident(incidentId);
    const auto problem = store.currentProblem(incidentId);
    const auto count = store.logEntryCount(incidentId);
    const auto seen = store.sightings(incidentId);
    if (!incident || !problem || !count || !seen)
        return Failure{incident.error() + problem.error() + count.error() + seen.error()};
    QString text = incident->title + u'\n' + incident->problemStatement;
    if (problem->has_value())
        text += u'\n' + (*problem)->text;
    const qint64 first = std::max<qint64>(1, *count - kEntriesRead + 1);
    const auto entries = store.logEntries(incidentId, first, kEntriesRead);
    if (!entries)
        return entries.failure();
    for (const LogEntry &entry : *entries) {
        if (entry.kind != LogKind::Event) // the app's own sentences would match themselves
            text += u'\n' + entry.text;
    }
    QList<KnownProblemMatch::Match> matches = KnownProblemMatch::suggestionsFor(*book, text);
    matches.removeIf([&](const KnownProblemMatch::Match &match) {
        return std::any_of(seen->cbegin(), seen->cend(), [&](const KnownProblemSighting &s) {
            return s.knownProblemId == match.problem.id;
        });
    });
    return matches;
}
} // namespace KnownProblemSuggestions
