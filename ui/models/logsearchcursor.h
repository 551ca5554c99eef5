#pragma once

#include "domain/logsearch.h"

#include <QObject>
#include <QTimer>

class LogTableModel;
class StoreThread;

// Walks a search's hits through a log view: the store finds the next or previous hit from an
// entry by its text index (never by reading the log), and the view's model says which row shows
// it. Only the newest question counts: an answer to an older one is dropped. Counting all hits
// is kept up as the log grows, at most about once a second.
class LogSearchCursor : public QObject
{
    Q_OBJECT
public:
    LogSearchCursor(StoreThread &store, LogTableModel &model, QObject *parent = nullptr);

    const LogSearch &search() const { return m_search; }
    // Looks for the words from the entry shown in fromRow (-1: none, which finds the newest
    // hit); an empty search ends the walk.
    void setSearch(const LogSearch &search, int fromRow);
    // The nearest hit after (or before) the entry in fromRow, going round at the end.
    void next(int fromRow);
    void previous(int fromRow);

signals:
    // The hit is in this row; it is number ordinal of total, and the walk went round to get
    // there when wrapped.
    void found(int row, qint64 ordinal, qint64 total, bool wrapped);
    void nothingFound();
    // How many hits there are now, the log having grown or the filter changed.
    void totalChanged(qint64 ordinal, qint64 total);
    void failed(const QString &message);

private:
    // From the entry with this id (0: an end) to the nearest hit that way, going round.
    void step(qint64 fromId, SearchDirection direction);
    void recount();
    qint64 idInRow(int row) const;

    StoreThread &m_store;
    LogTableModel &m_model;
    LogSearch m_search;
    int m_generation = 0;
    qint64 m_currentId = 0; // the hit shown, for its ordinal as the count changes
    QTimer m_recount;
};
