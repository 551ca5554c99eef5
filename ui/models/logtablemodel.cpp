#include "models/logtablemodel.h"

#include "colors.h"
#include "rules/clock.h"
#include "storage/storethread.h"
#include "timeformat.h"

#include <QColor>
#include <QFont>
#include <QTimeZone>

namespace {
// What one look at the log found since the last: new rows (or matches) and corrections.
struct LogGrowth
{
    LogMatches matches;
    QList<LogCorrection> corrections;
};

QColor kindColor(LogKind kind)
{
    switch (kind) {
    case LogKind::Observation:
        return QColor(0x37, 0x47, 0x4f);
    case LogKind::Hypothesis:
        return QColor(0xb2, 0x6a, 0x00);
    case LogKind::Action:
        return QColor(0x1b, 0x5e, 0x20);
    case LogKind::Result:
        return QColor(0x0d, 0x47, 0xa1);
    case LogKind::Question:
        return QColor(0x6a, 0x1b, 0x9a);
    case LogKind::Ask:
        return QColor(0xad, 0x14, 0x57);
    case LogKind::Answer:
        return QColor(0x00, 0x69, 0x5c);
    case LogKind::Event:
        return QColor(0x54, 0x6e, 0x7a);
    }
    return {};
}
} // namespace

LogTableModel::LogTableModel(StoreThread &store, QObject *parent)
    : QAbstractTableModel(parent), m_store(store)
{
    connect(&m_store, &StoreThread::changed, this, [this](ChangeTopic topic, qint64 incidentId) {
        if (incidentId != m_incidentId)
            return;
        if (topic == ChangeTopic::Log)
            readCount();
        else if (topic == ChangeTopic::Debrief)
            readPinned(); // pins are the incident's key moments
    });
}

void LogTableModel::setIncident(qint64 incidentId)
{
    beginResetModel();
    m_incidentId = incidentId;
    ++m_generation;
    m_pages.clear();
    m_pagesAsked.clear();
    m_pageProblems.clear();
    m_displayNames.clear(); // names may have changed meanwhile
    m_rowCount = 0;
    m_matches.clear();
    m_matchedThrough = 0;
    m_entryCount = 0;
    m_pinned.clear();
    m_pendingItems.clear();
    m_pending.clear();
    endResetModel();
    emit entryCountChanged();
    if (incidentId > 0) {
        readCount();
        readPinned();
    }
}

void LogTableModel::setFilter(const LogFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    readRowsAgain();
}

void LogTableModel::readRowsAgain()
{
    // The rows are different entries now: read afresh, keeping what waits in the outbox.
    const QList<qint64> pendingItems = std::exchange(m_pendingItems, {});
    const QList<LogEntry> pending = std::exchange(m_pending, {});
    beginResetModel();
    ++m_generation;
    m_pages.clear();
    m_pagesAsked.clear();
    m_pageProblems.clear();
    m_rowCount = 0;
    m_matches.clear();
    m_matchedThrough = 0;
    endResetModel();
    setPending(pendingItems, pending);
    emit entryCountChanged();
    if (m_incidentId > 0)
        readCount();
}

void LogTableModel::readPinned()
{
    const qint64 incidentId = m_incidentId;
    m_store.run(
        this, [incidentId](IncidentStore &store) { return store.pinnedLogEntries(incidentId); },
        [this, incidentId](const Result<QSet<qint64>> &pinned) {
            if (incidentId != m_incidentId || !pinned || *pinned == m_pinned)
                return;
            m_pinned = *pinned;
            if (m_filter.pinnedOnly) {
                readRowsAgain(); // which entries are rows changed
            } else if (m_rowCount > 0) {
                emit dataChanged(index(0, 0), index(m_rowCount - 1, ColumnCount - 1));
            }
        });
}

void LogTableModel::readCount()
{
    if (m_readingCount) {
        m_countStale = true; // asked again when the answer comes
        return;
    }
    m_readingCount = true;
    const int generation = m_generation;
    const bool filtered = !m_filter.isEmpty();
    // Where the last look ended: what was written since is new. Its corrections are told even
    // when the filter hides them or nobody has scrolled down to them; the first look reads
    // them with its pages.
    const qint64 after = filtered ? m_matchedThrough : m_entryCount;
    m_store.run(
        this,
        [incidentId = m_incidentId, filter = m_filter, filtered,
         after](IncidentStore &store) -> Result<LogGrowth> {
            LogGrowth grown;
            if (filtered) {
                const auto matches = store.logMatches(incidentId, filter, after);
                if (!matches)
                    return matches.failure();
                grown.matches = *matches;
            } else {
                const auto count = store.logEntryCount(incidentId);
                if (!count)
                    return count.failure();
                grown.matches.throughSeq = *count;
            }
            if (after > 0) {
                const auto corrections =
                    store.logCorrections(incidentId, after, grown.matches.throughSeq);
                if (!corrections)
                    return corrections.failure();
                grown.corrections = *corrections;
            }
            return grown;
        },
        [this, generation, filtered](const Result<LogGrowth> &grown) {
            m_readingCount = false;
            if (generation == m_generation) {
                if (!grown) {
                    emit loadFailed(grown.error());
                } else {
                    if (filtered)
                        showMatches(grown->matches);
                    else
                        showCount(grown->matches.throughSeq);
                    markCorrections(grown->corrections);
                }
            }
            // Shown if still current, then asked again if something changed meanwhile.
            if (std::exchange(m_countStale, false) || generation != m_generation)
                readCount();
        });
}

void LogTableModel::showCount(qint64 count)
{
    if (count > m_entryCount) {
        m_entryCount = count;
        emit entryCountChanged();
    }
    showRows(int(count));
}

void LogTableModel::showMatches(const LogMatches &matches)
{
    if (matches.throughSeq <= m_matchedThrough)
        return; // already shown: the same change can be announced twice
    m_matchedThrough = matches.throughSeq;
    m_matches += matches.seqs;
    m_entryCount = std::max(m_entryCount, matches.throughSeq);
    showRows(int(m_matches.size()));
    emit entryCountChanged();
}

void LogTableModel::showRows(int rowCount)
{
    if (rowCount <= m_rowCount)
        return;
    // The last page was partial and is now stale; full pages never change.
    m_pages.remove(m_rowCount / kPageSize);
    beginInsertRows({}, m_rowCount, rowCount - 1);
    m_rowCount = rowCount;
    endInsertRows();
}

QList<qint64> LogTableModel::seqsOfPage(int page) const
{
    const int first = page * kPageSize;
    if (!m_filter.isEmpty())
        return m_matches.mid(first, kPageSize);
    QList<qint64> seqs;
    for (int row = first; row < std::min(m_rowCount, first + kPageSize); ++row)
        seqs.append(row + 1); // row r is the entry with seq r + 1
    return seqs;
}

std::optional<int> LogTableModel::rowOfSeq(qint64 seq) const
{
    if (m_filter.isEmpty()) {
        if (seq < 1 || seq > m_rowCount)
            return std::nullopt;
        return int(seq - 1); // row r is the entry with seq r + 1
    }
    const auto found = std::lower_bound(m_matches.cbegin(), m_matches.cend(), seq);
    if (found == m_matches.cend() || *found != seq)
        return std::nullopt;
    return int(found - m_matches.cbegin());
}

int LogTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount + int(m_pending.size());
}

void LogTableModel::setPending(const QList<qint64> &itemIds, const QList<LogEntry> &entries)
{
    if (itemIds == m_pendingItems)
        return;
    if (!m_pending.isEmpty()) {
        beginRemoveRows({}, m_rowCount, m_rowCount + int(m_pending.size()) - 1);
        m_pending.clear();
        m_pendingItems.clear();
        endRemoveRows();
    }
    if (entries.isEmpty())
        return;
    beginInsertRows({}, m_rowCount, m_rowCount + int(entries.size()) - 1);
    m_pending = entries;
    m_pendingItems = itemIds;
    endInsertRows();
}

int LogTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const LogEntry *LogTableModel::entryAt(int row) const
{
    if (row >= m_rowCount)
        return &m_pending.at(row - m_rowCount);
    const int page = row / kPageSize;
    const int offset = row % kPageSize;
    if (const QList<LogEntry> *entries = m_pages.object(page)) {
        if (offset < entries->size())
            return &entries->at(offset);
        m_pages.remove(page); // read before the row was written: read it again
    }
    self()->readPage(page);
    return nullptr;
}

void LogTableModel::readPage(int page)
{
    if (m_pagesAsked.contains(page))
        return;
    m_pagesAsked.insert(page);
    const qint64 incidentId = m_incidentId;
    const int generation = m_generation;
    // Unfiltered, row r is the entry with seq r + 1 and a page is one index range scan.
    const bool filtered = !m_filter.isEmpty();
    m_store.run(
        this,
        [incidentId, page, filtered,
         seqs = filtered ? seqsOfPage(page) : QList<qint64>()](IncidentStore &store) {
            return filtered ? store.logEntriesAt(incidentId, seqs)
                            : store.logEntries(incidentId, qint64(page) * kPageSize + 1, kPageSize);
        },
        [this, page, generation](const Result<QList<LogEntry>> &entries) {
            if (generation != m_generation)
                return;
            m_pagesAsked.remove(page);
            if (!entries) {
                m_pageProblems.insert(page, entries.error());
                emit loadFailed(entries.error());
            } else {
                m_pageProblems.remove(page);
                showPage(page, *entries);
            }
        });
}

void LogTableModel::showPage(int page, const QList<LogEntry> &entries)
{
    for (const LogEntry &entry : entries) {
        if (entry.correctsId > 0)
            markCorrected(entry.correctsId, entry.id);
    }
    m_pages.insert(page, new QList<LogEntry>(entries));
    ++m_pagesLoaded;
    const int first = page * kPageSize;
    const int last = std::min(m_rowCount, first + int(entries.size())) - 1;
    if (last >= first)
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
}

void LogTableModel::markCorrections(const QList<LogCorrection> &corrections)
{
    for (const LogCorrection &correction : corrections)
        markCorrected(correction.correctedId, correction.correctionId);
}

void LogTableModel::markCorrected(qint64 entryId, qint64 correctionId)
{
    // A page read before the correction was written does not know it yet.
    const QList<int> pages = m_pages.keys();
    for (int page : pages) {
        QList<LogEntry> *entries = m_pages.object(page);
        for (int offset = 0; offset < entries->size(); ++offset) {
            LogEntry &entry = (*entries)[offset];
            if (entry.id != entryId || entry.correctedById >= correctionId)
                continue;
            entry.correctedById = correctionId;
            const int row = page * kPageSize + offset;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            return;
        }
    }
}

std::optional<LogEntry> LogTableModel::entry(int row) const
{
    if (row < 0 || row >= m_rowCount)
        return std::nullopt; // a pending row is no entry of the war room yet
    const LogEntry *found = entryAt(row);
    return found ? std::optional<LogEntry>(*found) : std::nullopt;
}

QVariant LogTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LogEntry *entry = entryAt(index.row());
    if (!entry) {
        if (role != Qt::DisplayRole || index.column() != TextColumn)
            return {};
        return m_pageProblems.contains(index.row() / kPageSize)
                   ? tr("(this entry could not be read)")
                   : tr("…");
    }
    const bool pending = index.row() >= m_rowCount;
    if (pending) {
        switch (role) {
        case Qt::DisplayRole:
            if (index.column() == TextColumn)
                return tr("[not yet shared] %1")
                    .arg(QString(entry->text).replace(QLatin1Char('\n'), QStringLiteral(" ⏎ ")));
            break;
        case Qt::ToolTipRole:
            return tr("Not yet shared: written here at %1 and kept on this computer while the "
                      "server is away; sent, in this order, once it is back.\n\n%2")
                .arg(timeShown(entry->at), entry->text);
        case Qt::ForegroundRole:
            return WarroomColors::pending();
        case Qt::BackgroundRole:
            return WarroomColors::pendingBackground();
        case Qt::FontRole: {
            QFont font;
            font.setItalic(true);
            return font;
        }
        case PendingRole:
            return true;
        case EntryIdRole:
        case SeqRole:
            return {};
        }
    }
    switch (role) {
    case PendingRole:
        return pending;
    case PinnedRole:
        return m_pinned.contains(entry->id);
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return timeShown(entry->at);
        case AuthorColumn:
            return authorShown(*entry);
        case KindColumn:
            return logKindName(entry->kind);
        case TextColumn:
            return QString((m_pinned.contains(entry->id) ? tr("★ ") : QString()) +
                           textShown(*entry));
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == TextColumn || index.column() == TimeColumn)
            return tr("#%1 · %2 · %3 · %4\n\n%5%6")
                .arg(entry->seq)
                .arg(TimeFormat::full(entry->at), entry->author, logKindName(entry->kind),
                     entry->text,
                     (entry->correctedById > 0
                          ? tr("\n\nCorrected by a later entry: this text no longer stands.")
                          : QString()) +
                         (m_pinned.contains(entry->id) ? tr("\n\n★ Pinned as a key moment.")
                                                       : QString()));
        break;
    case Qt::ForegroundRole:
        // A missed deadline is red across the row: it must not scroll by unnoticed.
        if (entry->event == LogEvent::Missed)
            return WarroomColors::alarm();
        if (index.column() == KindColumn)
            return kindColor(entry->kind);
        if (entry->kind == LogKind::Event)
            return kindColor(LogKind::Event);
        break;
    case Qt::FontRole:
        if (index.column() == KindColumn || entry->event == LogEvent::Missed) {
            QFont font;
            font.setBold(true);
            return font;
        }
        if (entry->kind == LogKind::Event || entry->correctedById > 0) {
            QFont font;
            font.setItalic(entry->kind == LogKind::Event);
            font.setStrikeOut(entry->correctedById > 0 && index.column() == TextColumn);
            return font;
        }
        break;
    case KindRole:
        return int(entry->kind);
    case EntryIdRole:
        return entry->id;
    case SeqRole:
        return entry->seq;
    }
    return {};
}

QVariant LogTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn: {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        return utcBeside(now) ? tr("Time (%1 · UTC)").arg(TimeFormat::zone(now))
                              : tr("Time (%1)").arg(TimeFormat::zone(now));
    }
    case AuthorColumn:
        return tr("Author");
    case KindColumn:
        return tr("Kind");
    case TextColumn:
        return tr("What was seen, thought or done");
    }
    return {};
}

void LogTableModel::setShowUtc(bool show)
{
    if (show == m_showUtc)
        return;
    m_showUtc = show;
    emit headerDataChanged(Qt::Horizontal, TimeColumn, TimeColumn);
    if (rowCount() > 0)
        emit dataChanged(index(0, TimeColumn), index(rowCount() - 1, TimeColumn),
                         {Qt::DisplayRole});
}

bool LogTableModel::utcBeside(const QDateTime &at) const
{
    // Beside a zone that is UTC already it would say the same twice.
    return m_showUtc && TimeFormat::here().offsetFromUtc(at) != 0;
}

QString LogTableModel::timeShown(const QDateTime &at) const
{
    const QDateTime now = m_clock ? m_clock->now() : QDateTime::currentDateTimeUtc();
    const QString local = TimeFormat::clockSeconds(at, now);
    return utcBeside(at) ? tr("%1 (%2)").arg(local, at.toUTC().toString(QStringLiteral("HH:mm:ss")))
                         : local;
}

QString LogTableModel::textShown(const LogEntry &entry) const
{
    if (entry.correctsId > 0)
        return tr("[correction] %1").arg(entry.text);
    if (entry.correctedById > 0)
        return tr("[corrected below] %1").arg(entry.text);
    if (entry.kind == LogKind::Question && !entry.addressee.isEmpty())
        return tr("[to %1] %2").arg(entry.addressee, entry.text);
    // One line per row keeps a million rows fast; the detail pane has the rest.
    return QString(entry.text).replace(QLatin1Char('\n'), QStringLiteral(" ⏎ "));
}

QString LogTableModel::authorShown(const LogEntry &entry) const
{
    if (entry.signedInAs.isEmpty())
        return entry.author; // a desktop's own file: every entry is its owner's
    if (entry.kind == LogKind::Event && entry.author == u"Warroom")
        return entry.author; // written by Warroom itself, whichever desktop noticed first
    if (!m_displayNames.contains(entry.signedInAs))
        self()->readDisplayNames();
    // A role that never named itself (a script's) is shown as the role.
    const QString signedIn = m_displayNames.value(entry.signedInAs, entry.signedInAs);
    // A name typed for an entry never hides who signed in to write it.
    if (entry.author.isEmpty() || entry.author == signedIn)
        return signedIn;
    return tr("%1 (signed in as %2)").arg(entry.author, signedIn);
}

void LogTableModel::readDisplayNames()
{
    if (m_readingNames)
        return;
    m_readingNames = true;
    m_store.run(
        this, [](IncidentStore &store) { return store.displayNames(); },
        [this](const Result<QHash<QString, QString>> &names) {
            m_readingNames = false;
            if (!names)
                return;
            m_displayNames = *names;
            // Roles that never named themselves (a script's) are not asked for again and again.
            for (int page : m_pages.keys()) {
                for (const LogEntry &entry : *m_pages.object(page))
                    if (!entry.signedInAs.isEmpty() && !m_displayNames.contains(entry.signedInAs))
                        m_displayNames.insert(entry.signedInAs, entry.signedInAs);
            }
            if (m_rowCount > 0)
                emit dataChanged(index(0, AuthorColumn), index(m_rowCount - 1, AuthorColumn));
        });
}
