#include "storage/databasefilewatcher.h"

#include <QFileInfo>

namespace {
constexpr int kSettleMs = 15;
constexpr int kFallbackPollMs = 1000;
} // namespace

DatabaseFileWatcher::DatabaseFileWatcher(const QString &databasePath, QObject *parent)
    : QObject(parent), m_databasePath(QFileInfo(databasePath).absoluteFilePath())
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(kSettleMs);
    connect(&m_settle, &QTimer::timeout, this, &DatabaseFileWatcher::mayHaveChanged);

    auto onActivity = [this] {
        watchFiles(); // a removed or newly created -wal file needs watching again
        m_settle.start();
    };
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, onActivity);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, onActivity);

    if (m_watcher.addPath(QFileInfo(m_databasePath).absolutePath())) {
        watchFiles();
    } else {
        m_fallbackPoll.setInterval(kFallbackPollMs);
        connect(&m_fallbackPoll, &QTimer::timeout, this, &DatabaseFileWatcher::mayHaveChanged);
        m_fallbackPoll.start();
    }
}

void DatabaseFileWatcher::watchFiles()
{
    const QStringList watched = m_watcher.files();
    for (const QString &path : {m_databasePath, QString(m_databasePath + u"-wal")}) {
        if (!watched.contains(path) && QFileInfo::exists(path))
            m_watcher.addPath(path);
    }
}
