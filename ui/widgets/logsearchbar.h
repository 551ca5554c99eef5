#pragma once

#include "domain/logsearch.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QTimer;
class QToolButton;

// Above the log, opened by Ctrl+F: the words to find, where the current hit stands among all
// ("3 of 120"), and the way to the next and previous one (Enter, Shift+Enter, the arrows).
// Says what the reader wants; finding is the log's.
class LogSearchBar : public QWidget
{
    Q_OBJECT
public:
    explicit LogSearchBar(QWidget *parent = nullptr);

    // Shows the bar with the words selected, ready to be typed over.
    void open();
    LogSearch search() const;
    // The hit shown is number ordinal (from 1) of total; 0 of total: none shown yet.
    void showPosition(qint64 ordinal, qint64 total, bool wrapped);
    void showNothingFound();
    void showFailure(const QString &message);

signals:
    // The words changed (after a pause in typing); empty when cleared or closed.
    void searchChanged(const LogSearch &search);
    void nextWanted();
    void previousWanted();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void sayWords();
    void close();

    QLineEdit *m_words;
    QLabel *m_position;
    QToolButton *m_previous;
    QToolButton *m_next;
    QTimer *m_typing;
    LogSearch m_said; // what searchChanged last said
};
