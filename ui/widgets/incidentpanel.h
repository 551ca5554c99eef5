#pragma once

#include "storage/change.h"

#include <QWidget>

#include <functional>

class LiveWarRoom;
class QAbstractItemModel;
class QAction;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QTreeView;
class QTreeWidget;
class QTreeWidgetItem;

// A list of one kind of record for the selected incident (deadlines, questions, asks...),
// with a one-line summary and the buttons that act on it. Subclasses fill the list in
// reload() from the window's live copy of the incident, when another incident is shown or the
// parts of it they show were read anew: as items of a tree widget, or (a list that can grow
// to thousands) through a model of their own given at construction.
class IncidentPanel : public QWidget
{
    Q_OBJECT
public:
    IncidentPanel(const LiveWarRoom &live, const QString &objectName, QWidget *parent = nullptr,
                  QAbstractItemModel *model = nullptr);
    ~IncidentPanel() override;

    qint64 incidentId() const { return m_incidentId; }
    // The list; a tree widget unless the panel has a model of its own (then null).
    QTreeWidget *tree() const { return m_tree; }
    QTreeView *view() const { return m_view; }

protected:
    // Fills the list; runs through refresh(), which then fits the columns and buttons.
    virtual void reload() = 0;
    void refresh();
    // Enables the buttons that need a selection; called when the selection changes.
    virtual void updateButtons() {}

    void setColumns(const QStringList &headers);
    QPushButton *addButton(const QString &text, const QString &objectName,
                           std::function<void()> onClick);
    QPushButton *addActionButton(QAction *action);
    void setSummary(const QString &text);
    // Reloads when this part of the incident was read anew.
    void reloadOn(ChangeTopic topic);
    // The id stored in the selected row (column 0, Qt::UserRole), or 0.
    qint64 selectedId() const;
    QTreeWidgetItem *addRow(const QStringList &columns, qint64 id);
    // Restores the selection by id after a reload; a panel whose model knows the row at once
    // selects it by row.
    void reselect(qint64 id);
    void reselectRow(int row);
    // Now, by the window's clock.
    QDateTime now() const;

    const LiveWarRoom &m_live;
    qint64 m_incidentId = 0; // the incident shown, 0 until it has been read

private:
    static constexpr int kFittedRows = 200;

    ChangeTopics m_topics;
    bool m_columnsFitted = false;
    QTreeWidget *m_tree = nullptr;
    QTreeView *m_view;
    QLabel *m_summary;
    QHBoxLayout *m_buttons;
};
