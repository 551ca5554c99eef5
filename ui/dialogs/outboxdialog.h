#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QTreeWidget;
class ServerLink;

// What waits on this computer for the war room: each write in the order it was written, and
// for each one the war room refused, why. A refused write is tried again or discarded only by a
// person's decision, never dropped silently.
class OutboxDialog : public QDialog
{
    Q_OBJECT
public:
    explicit OutboxDialog(ServerLink &link, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }
    QString detail() const;
    // Acts on the selected item.
    void retrySelected();
    void discardSelected();

private:
    void refresh();
    qint64 selectedRefusedItem() const;
    void updateButtons();

    ServerLink &m_link;
    QLabel *m_intro;
    QTreeWidget *m_list;
    QLabel *m_detail; // the selected write in full, and why it was refused
    QPushButton *m_retry;
    QPushButton *m_discard;
};
