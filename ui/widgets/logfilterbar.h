#pragma once

#include "domain/logfilter.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;

// Above the log: which entries to show (a kind, an author, people only, pinned only) and how
// many are shown of how many there are. Says when the filter changes; the log does the rest.
class LogFilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit LogFilterBar(QWidget *parent = nullptr);

    LogFilter filter() const;
    // Everyone who wrote in the log, and whether a script posted it; keeps the author chosen.
    void setAuthors(const QList<std::pair<QString, bool>> &authors);
    void setCounts(int shown, qint64 total);
    // Shows every entry again.
    void clear();

signals:
    void filterChanged(const LogFilter &filter);
    // The author list is about to be opened: a good moment to read it again.
    void authorsWanted();

private:
    QComboBox *m_kind;
    QComboBox *m_author;
    QCheckBox *m_peopleOnly;
    QCheckBox *m_pinnedOnly;
    QLabel *m_counts;
    QPushButton *m_clear;
};
