#pragma once

#include "domain/logentry.h"

#include <QAbstractTableModel>
#include <QCache>

#include <optional>

class IncidentStore;

// One incident's technical log as a table. A log can reach a million rows, so rows are read
// from the store in pages on demand and only a bounded number of pages are kept.
// New entries from any writer arrive through the store's signal and are inserted at the end.
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
        SeqRole
    };

    static constexpr int kPageSize = 200;
    static constexpr int kMaxCachedPages = 40;

    explicit LogTableModel(IncidentStore &store, QObject *parent = nullptr);

    void setIncident(qint64 incidentId);
    qint64 incidentId() const { return m_incidentId; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // How many pages were read from the store so far; lets tests and benchmarks see that a
    // long log is not read whole.
    int pagesLoaded() const { return m_pagesLoaded; }

    std::optional<LogEntry> entry(int row) const;

signals:
    void loadFailed(const QString &message);

private:
    void onEntriesAppended(qint64 incidentId);
    const LogEntry *entryAt(int row) const;

    IncidentStore &m_store;
    qint64 m_incidentId = 0;
    int m_rowCount = 0;
    mutable QCache<int, QList<LogEntry>> m_pages{kMaxCachedPages};
    mutable int m_pagesLoaded = 0;
    // Signed-in roles' display names on a shared war room, read again for a role not known yet.
    mutable QHash<QString, QString> m_displayNames;

    QString authorShown(const LogEntry &entry) const;
};
