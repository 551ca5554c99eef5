#pragma once

#include <QDateTime>
#include <QWidget>

class Clock;
class QLabel;
class QLineEdit;

// Above the log, opened by Ctrl+G: a moment of the incident to go to ("14:30", "-2h",
// "yesterday 23:10"), read back as it is typed ("= today 14:30 CET"), and where the log went.
// Says what the reader wants; going there is the log's.
class LogTimeBar : public QWidget
{
    Q_OBJECT
public:
    LogTimeBar(const Clock &clock, QWidget *parent = nullptr);

    // Shows the bar with the time selected, ready to be typed over.
    void open();
    // Where the log went: entry number seq, written at `at`, for the moment asked.
    void showArrival(const QDateTime &asked, const QDateTime &at, qint64 seq);
    void showNothingToShow();
    void showFailure(const QString &message);

signals:
    void timeWanted(const QDateTime &when);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void preview();
    void go();
    // What the bar says beside the time; in the alarm colour when it went wrong.
    void say(const QString &text, bool alarming = false);
    void close();

    const Clock &m_clock;
    QLineEdit *m_time;
    QLabel *m_said;
};
