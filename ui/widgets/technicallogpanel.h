#pragma once

#include "domain/logsearch.h"
#include "rules/quickentry.h"

#include <QWidget>

class IncidentActions;
class LogActions;
class LiveWarRoom;
class LogEntryDetail;
class LogFilterBar;
class LogSearchBar;
class LogSearchCursor;
class LogTimeBar;
class LogTableModel;
class QPushButton;
class QTableView;
class QuickEntryBar;
class SearchHighlightDelegate;

// The technical channel: the live log table, the selected entry in full under it, and the
// quick-entry line. The view follows the newest entry unless the reader has scrolled up to
// read something older.
class TechnicalLogPanel : public QWidget
{
    Q_OBJECT
public:
    TechnicalLogPanel(LiveWarRoom &live, IncidentActions &actions, LogActions &log,
                      QWidget *parent = nullptr);

    void setIncident(qint64 incidentId);
    LogTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    LogEntryDetail *detail() const { return m_detail; }
    LogFilterBar *filterBar() const { return m_filterBar; }
    LogSearchBar *searchBar() const { return m_searchBar; }
    // Opens the search over the log (Ctrl+F), its words ready to be typed.
    void openSearch();
    LogTimeBar *timeBar() const { return m_timeBar; }
    // Opens "Go to time" (Ctrl+G), its time ready to be typed.
    void openTimeJump();
    // Puts the cursor in the entry line.
    void focusEntry();
    // What would be lost by quitting now: a line typed and not added, and how many entries are
    // on their way to the store.
    QString unsentText() const;
    int sendingCount() const { return m_sending; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool isAtNewest() const;
    // Entries that arrived while the reader was further up: counted on a button over the
    // log's foot that jumps to them.
    void showUnseen(int count);
    void jumpToNewest();
    void placeNewEntriesButton();
    // What was written here and waits for the server, in place at the end of the log.
    void showPending();
    void showContextMenu(const QPoint &position);
    void showSelectedInDetail();
    void readAuthors();
    void showCounts();
    // The search's words marked in the view, and its hit made the current row.
    void showSearch(const LogSearch &search);
    void showHit(int row);
    // Goes to the entry nearest a moment, among those the filter shows.
    void goToTime(const QDateTime &when);
    // Sends a typed line to the store; the box is free for the next one at once.
    void send(const QuickEntry &entry, const QString &author);

    LiveWarRoom &m_live;
    IncidentActions &m_actions;
    LogActions &m_log;
    LogTableModel *m_model;
    QTableView *m_view;
    LogEntryDetail *m_detail;
    LogFilterBar *m_filterBar;
    LogSearchBar *m_searchBar;
    LogTimeBar *m_timeBar;
    LogSearchCursor *m_searchCursor;
    SearchHighlightDelegate *m_highlight;
    QuickEntryBar *m_entry;
    QPushButton *m_newEntries;
    bool m_followNewest = true;
    int m_unseen = 0;
    int m_sending = 0; // entries given to the store and not yet answered
};
