#pragma once

#include "domain/logentry.h"

#include <QFrame>

#include <optional>

class QLabel;
class QPlainTextEdit;
class StoreThread;

// The log entry the reader selected, in full: the table keeps one line per entry (fixed row
// heights for a million rows), so long alerts and stack traces are read here, with what the
// entry corrects and every correction made to it since.
class LogEntryDetail : public QFrame
{
    Q_OBJECT
public:
    explicit LogEntryDetail(StoreThread &store, QWidget *parent = nullptr);

    // nullopt: nothing selected. Reads the corrections on the store's thread.
    void showEntry(const std::optional<LogEntry> &entry);
    std::optional<qint64> shownEntryId() const;
    QString historyText() const;

private:
    void readHistory(const LogEntry &entry);

    StoreThread &m_store;
    std::optional<LogEntry> m_entry;
    QLabel *m_heading;
    QPlainTextEdit *m_text;
    QPlainTextEdit *m_history; // not a label: a long unbroken line must not widen the window
    int m_generation = 0;      // answers for an entry no longer shown are dropped
};
