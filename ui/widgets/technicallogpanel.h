#pragma once

#include <QWidget>

class IncidentActions;
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
    TechnicalLogPanel(IncidentStore &store, IncidentActions &actions, QWidget *parent = nullptr);

    void setIncident(qint64 incidentId);
    LogTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }

private:
    bool isAtNewest() const;
    void showContextMenu(const QPoint &position);

    IncidentStore &m_store;
    IncidentActions &m_actions;
    LogTableModel *m_model;
    QTableView *m_view;
    QuickEntryBar *m_entry;
    bool m_followNewest = true;
};
