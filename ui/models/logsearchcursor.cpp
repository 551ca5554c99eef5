#include "models/logsearchcursor.h"

#include "models/logtablemodel.h"
#include "storage/storethread.h"

#include <optional>

namespace {
struct Count
{
    qint64 ordinal = 0; // of the current hit; 0: none
    qint64 total = 0;
};

struct Step
{
    std::optional<LogHit> hit;
    bool wrapped = false;
    Count count;
};

Result<Count> countHits(IncidentStore &store, qint64 incidentId, const LogSearch &search,
                        const LogFilter &filter, qint64 currentId)
{
    const auto total = store.countLogHits(incidentId, search, filter);
    if (!total)
        return total.failure();
    Count count{0, *total};
    if (currentId > 0) {
        const auto ordinal = store.countLogHits(incidentId, search, filter, currentId);
        if (!ordinal)
            return ordinal.failure();
        count.ordinal = *ordinal;
    }
    return count;
}

// Enough that counting never runs more than about once a second while entries pour in.
constexpr int kRecountMs = 1000;
} // namespace

LogSearchCursor::LogSearchCursor(StoreThread &store, LogTableModel &model, QObject *parent)
    : QObject(parent), m_store(store), m_model(model)
{
    m_recount.setSingleShot(true);
    m_recount.setInterval(kRecountMs);
    connect(&m_recount, &QTimer::timeout, this, &LogSearchCursor::recount);
    connect(&m_model, &LogTableModel::entryCountChanged, this, [this] {
        if (!m_search.isEmpty() && !m_recount.isActive())
            m_recount.start();
    });
    connect(&m_model, &QAbstractItemModel::modelReset, this, [this] {
        // Another incident or another filter: the hits are others.
        m_currentId = 0;
        if (!m_search.isEmpty())
            m_recount.start(0);
    });
}

void LogSearchCursor::setSearch(const LogSearch &search, int fromRow)
{
    m_search = search;
    m_currentId = 0;
    ++m_generation;
    m_recount.stop();
    if (search.isEmpty())
        return;
    // The entry shown, if it is a hit, or the next one; with none shown, the newest hit.
    const qint64 id = idInRow(fromRow);
    if (id > 0)
        step(id - 1, SearchDirection::Forward);
    else
        step(0, SearchDirection::Backward);
}

void LogSearchCursor::next(int fromRow)
{
    step(idInRow(fromRow), SearchDirection::Forward);
}

void LogSearchCursor::previous(int fromRow)
{
    step(idInRow(fromRow), SearchDirection::Backward);
}

void LogSearchCursor::step(qint64 fromId, SearchDirection direction)
{
    if (m_search.isEmpty() || m_model.incidentId() <= 0)
        return;
    const int generation = ++m_generation;
    m_store.run(
        this,
        [incidentId = m_model.incidentId(), search = m_search, filter = m_model.filter(), fromId,
         direction](IncidentStore &store) -> Result<Step> {
            Step step;
            auto hits = store.searchLog(incidentId, search, filter, fromId, direction, 1);
            if (hits && hits->isEmpty() && fromId > 0) {
                step.wrapped = true; // round from the other end
                hits = store.searchLog(incidentId, search, filter, 0, direction, 1);
            }
            if (!hits)
                return hits.failure();
            if (hits->isEmpty())
                return step;
            step.hit = hits->constFirst();
            const auto count = countHits(store, incidentId, search, filter, step.hit->id);
            if (!count)
                return count.failure();
            step.count = *count;
            return step;
        },
        [this, generation](const Result<Step> &step) {
            if (generation != m_generation)
                return;
            if (!step) {
                emit failed(step.error());
                return;
            }
            if (!step->hit) {
                m_currentId = 0;
                emit nothingFound();
                return;
            }
            m_currentId = step->hit->id;
            // A hit written a moment ago may not be a row yet: the count is still told.
            const std::optional<int> row = m_model.rowOfSeq(step->hit->seq);
            if (row)
                emit found(*row, step->count.ordinal, step->count.total, step->wrapped);
            else
                emit totalChanged(step->count.ordinal, step->count.total);
        });
}

void LogSearchCursor::recount()
{
    if (m_search.isEmpty() || m_model.incidentId() <= 0)
        return;
    const int generation = m_generation;
    m_store.run(
        this,
        [incidentId = m_model.incidentId(), search = m_search, filter = m_model.filter(),
         current = m_currentId](IncidentStore &store) {
            return countHits(store, incidentId, search, filter, current);
        },
        [this, generation](const Result<Count> &count) {
            if (generation != m_generation)
                return;
            if (!count)
                emit failed(count.error());
            else if (count->total == 0)
                emit nothingFound();
            else
                emit totalChanged(count->ordinal, count->total);
        });
}

qint64 LogSearchCursor::idInRow(int row) const
{
    if (row < 0)
        return 0;
    const auto entry = m_model.entry(row);
    return entry ? entry->id : 0;
}
