#pragma once

#include <QString>

#include <memory>

class ManualClock;
class MainWindow;
class WarRoomOpener;

// Issue 13's figures for the window itself, opened on a war room file as the application
// opens it (its store on a thread of its own, the owner of the file answering other processes'
// commands): the longest the event loop cannot answer while a person types, while another
// process posts a stream of entries, and while the deadlines panel follows ten thousand
// commitments; each beside the same on a small incident in the same run.
class WindowFigures
{
public:
    WindowFigures(const QString &path, ManualClock &clock);
    ~WindowFigures();

    // Entries typed into the log a quarter of a second apart with `big` shown, beside `small`.
    void typing(qint64 big, qint64 small, const QString &size);
    // perSecond entries a second for seconds, from `warroom log --lines` in another process:
    // the longest stall, how far behind the view fell, and whether every entry arrived.
    void stream(qint64 incident, int perSecond, int seconds);
    // The deadlines panel on an incident of many commitments: shown, told of a new one, and
    // refreshed as time passes; beside an incident of few.
    void deadlines(qint64 many, qint64 few);

private:
    void show(qint64 incident);
    // The longest stall while a person types count entries.
    double typeEntries(int count, const QString &tag);

    QString m_path;
    ManualClock &m_clock;
    std::unique_ptr<WarRoomOpener> m_opener;
    MainWindow *m_window = nullptr;
};
