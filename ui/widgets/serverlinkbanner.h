#pragma once

#include <QFrame>

class Clock;
class QLabel;
class QPushButton;
class ServerLink;

// Says, above everything, that the shared war room's server cannot be reached: since when,
// that what is shown may be stale, how many writes wait on this computer, and when the next
// try is; "Retry now" tries at once. Once back, it stays while writes the war room refused wait
// for a person's decision ("Not yet shared…" lists them). Hidden otherwise.
class ServerLinkBanner : public QFrame
{
    Q_OBJECT
public:
    ServerLinkBanner(ServerLink &link, const Clock &clock, QWidget *parent = nullptr);

    QString text() const;

signals:
    // "Not yet shared…": the list of what waits.
    void reviewRequested();

private:
    void refresh();

    ServerLink &m_link;
    const Clock &m_clock;
    QLabel *m_label;
    QPushButton *m_retry;
    QPushButton *m_review;
};
