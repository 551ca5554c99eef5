#pragma once

#include <QWidget>

class IncidentStore;
class LogTableModel;
class QTableView;
class QuickEntryBar;

// The technical channel: the live log table and the quick-entry line under it. The view
// follows the newest entry unless the reader has scrolled up to read something older.
class TechnicalLogPanel : public QWidget
{
    Q_OBJECT
public:
    explicit TechnicalLogPanel(IncidentStore &store, QWidget *parent = nullptr);

    void setIncident(qint64 incidentId);
    LogTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

private:
    bool isAtNewest() const;

    IncidentStore &m_store;
    LogTableModel *m_model;
    QTableView *m_view;
    QuickEntryBar *m_entry;
    bool m_followNewest = true;
};
