#pragma once

#include "domain/logentry.h"
#include "domain/logfilter.h"

#include <QAbstractTableModel>
#include <QCache>
#include <QHash>
#include <QSet>

#include <optional>

class Clock;
class StoreThread;

// One incident's technical log as a table. A log can reach a million rows, so rows are read
// from the store in pages on demand, on the store's thread, and only a bounded number of pages
// are kept; a row whose page is on its way shows as such and fills in when it arrives.
// New entries from any writer arrive through the store's signal and are inserted at the end.
// With a filter, the rows are the entries it lets through: the store finds their seqs (a list
// of numbers, small even for a million entries) and pages are read by seq as before.
class LogTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        TimeColumn,
        AuthorColumn,
        KindColumn,
        TextColumn,
        ColumnCount
    };
    enum Role
    {
        KindRole = Qt::UserRole + 1,
        EntryIdRole,
        SeqRole,
        PendingRole, // true for a row not yet shared: written here, waiting in the outbox
        PinnedRole   // true for an entry pinned as a key moment
    };

    static constexpr int kPageSize = 200;
    static constexpr int kMaxCachedPages = 40;

    explicit LogTableModel(StoreThread &store, QObject *parent = nullptr);

    void setIncident(qint64 incidentId);
    qint64 incidentId() const { return m_incidentId; }
    // Shows only the entries the filter lets through (an empty filter shows all).
    void setFilter(const LogFilter &filter);
    const LogFilter &filter() const { return m_filter; }
    // How many entries the incident has, shown or not.
    qint64 entryCount() const { return m_entryCount; }
    bool isPinned(qint64 entryId) const { return m_pinned.contains(entryId); }
    // Days are told relative to this clock's now ("yesterday 23:59:10"); the system's until set.
    void setClock(const Clock *clock) { m_clock = clock; }
    // Shows UTC beside this desktop's time in the time column (a setting of the window).
    void setShowUtc(bool show);
    bool showsUtc() const { return m_showUtc; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // How many pages were read from the store so far; lets tests and benchmarks see that a
    // long log is not read whole.
    int pagesLoaded() const { return m_pagesLoaded; }

    // The row that shows the entry with this seq, if the view shows it (the filter lets it
    // through and it has arrived).
    std::optional<int> rowOfSeq(qint64 seq) const;
    // The entry in a row, if its page has been read; not for a pending row.
    std::optional<LogEntry> entry(int row) const;

    // Entries written here that wait in the outbox for the server, by outbox item: shown after
    // the war room's own, marked "not yet shared", until they arrive.
    void setPending(const QList<qint64> &itemIds, const QList<LogEntry> &entries);
    int pendingCount() const { return int(m_pending.size()); }

signals:
    void loadFailed(const QString &message);
    // The incident's entry count or the rows shown changed.
    void entryCountChanged();

private:
    // Asks how many entries the incident has; rows are added when the answer comes.
    void readCount();
    void showCount(qint64 count);
    void showMatches(const LogMatches &matches);
    void showRows(int rowCount);
    void readPinned();
    void readRowsAgain();
    // The seqs on a page: a range when every entry is shown, the matches' when filtered.
    QList<qint64> seqsOfPage(int page) const;
    // The entry, or nullptr while its page is being read (it is asked for).
    const LogEntry *entryAt(int row) const;
    // Asking for what is not there yet does not change what the model shows: callable from
    // data(), through self().
    void readPage(int page);
    void showPage(int page, const QList<LogEntry> &entries);
    // An entry on a page already read was corrected by a newer one.
    void markCorrected(qint64 entryId, qint64 correctionId);
    void markCorrections(const QList<LogCorrection> &corrections);
    void readDisplayNames();
    LogTableModel *self() const { return const_cast<LogTableModel *>(this); }

    StoreThread &m_store;
    const Clock *m_clock = nullptr;
    bool m_showUtc = false;
    qint64 m_incidentId = 0;
    int m_generation = 0; // answers about an incident no longer shown are dropped
    int m_rowCount = 0;
    bool m_readingCount = false;
    bool m_countStale = false;
    mutable QCache<int, QList<LogEntry>> m_pages{kMaxCachedPages};
    QSet<int> m_pagesAsked;
    QHash<int, QString> m_pageProblems;
    mutable int m_pagesLoaded = 0;
    // Signed-in roles' display names on a shared war room, read again for a role not known yet.
    mutable QHash<QString, QString> m_displayNames;
    bool m_readingNames = false;
    LogFilter m_filter;
    QList<qint64> m_matches; // when filtered: the seq of each row
    qint64 m_matchedThrough = 0;
    qint64 m_entryCount = 0;
    QSet<qint64> m_pinned;        // entry ids
    QList<qint64> m_pendingItems; // the outbox items of m_pending
    QList<LogEntry> m_pending;

    QString authorShown(const LogEntry &entry) const;
    QString textShown(const LogEntry &entry) const;
    QString timeShown(const QDateTime &at) const;
    bool utcBeside(const QDateTime &at) const;
};
