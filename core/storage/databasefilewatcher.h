#pragma once

#include <QFileSystemWatcher>
#include <QObject>
#include <QString>
#include <QTimer>

// Says when another process may have written to a SQLite file: it watches the file, its
// write-ahead log and their folder. Bursts of writes are folded into one signal. Where the
// system cannot watch, it falls back to a slow timer; the receiver checks cheaply
// (PRAGMA data_version) whether anything really changed.
class DatabaseFileWatcher : public QObject
{
    Q_OBJECT
public:
    explicit DatabaseFileWatcher(const QString &databasePath, QObject *parent = nullptr);

    bool isWatching() const { return !m_watcher.directories().isEmpty(); }

signals:
    void mayHaveChanged();

private:
    void watchFiles();

    QString m_databasePath;
    QFileSystemWatcher m_watcher;
    QTimer m_settle;
    QTimer m_fallbackPoll;
};
