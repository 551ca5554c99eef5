#include "widgets/serverlinkbanner.h"

#include "colors.h"
#include "rules/clock.h"
#include "serverlink.h"
#include "timeformat.h"
#include "wording.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>

ServerLinkBanner::ServerLinkBanner(ServerLink &link, const Clock &clock, QWidget *parent)
    : QFrame(parent), m_link(link), m_clock(clock), m_label(new QLabel(this)),
      m_retry(new QPushButton(tr("&Retry now"), this)),
      m_review(new QPushButton(tr("Not yet &shared…"), this))
{
    setObjectName(QStringLiteral("serverLinkBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_label->setObjectName(QStringLiteral("serverLinkText"));
    m_label->setTextFormat(Qt::PlainText);
    m_label->setWordWrap(true);
    m_retry->setObjectName(QStringLiteral("retryNowButton"));
    m_review->setObjectName(QStringLiteral("reviewOutboxButton"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_review);
    layout->addWidget(m_retry);
    connect(m_retry, &QPushButton::clicked, &m_link, &ServerLink::retryNow);
    connect(m_review, &QPushButton::clicked, this, &ServerLinkBanner::reviewRequested);
    connect(&m_link, &ServerLink::stateChanged, this, &ServerLinkBanner::refresh);
    // "Since", "for" and "next try in" move with the clock.
    auto *tick = new QTimer(this);
    tick->setInterval(1000);
    tick->start();
    connect(tick, &QTimer::timeout, this, &ServerLinkBanner::refresh);
    refresh();
}

QString ServerLinkBanner::text() const
{
    return isVisibleTo(parentWidget()) ? m_label->text() : QString();
}

void ServerLinkBanner::refresh()
{
    const int refused = m_link.refusedCount();
    const int waiting = int(m_link.waiting().size()) - refused;
    const QString waitingText =
        waiting > 0
            ? tr("%1 not yet shared: kept on this computer, sent once the server is back.")
                  .arg(countOf(waiting, tr("write"), tr("writes")))
            : tr("Log entries, deadlines, briefings, asks and status changes made meanwhile "
                 "are kept on this computer and sent once it is back.");
    const QString refusedText = refused > 0
                                    ? tr("%1 refused by the war room: kept here until you decide.")
                                          .arg(countOf(refused, tr("write"), tr("writes")))
                                    : QString();
    QStringList parts;
    const bool away = !m_link.reachable();
    if (away) {
        const QDateTime now = m_clock.now();
        parts << tr("SERVER UNREACHABLE since %1 (%2).")
                     .arg(TimeFormat::clockSeconds(m_link.lostSince(), now),
                          TimeFormat::span(m_link.lostSince().secsTo(now)))
              << tr("What you see may be stale; deadlines count down from the last state read.")
              << waitingText;
        if (!refusedText.isEmpty())
            parts << refusedText;
        if (m_link.trying())
            parts << tr("Trying to reach it…");
        else if (m_link.nextTry().isValid())
            parts << tr("Next try in %1.").arg(TimeFormat::span(now.secsTo(m_link.nextTry()) + 1));
    } else if (refused > 0) {
        parts << refusedText;
    } else if (waiting > 0) {
        parts << tr("%1 waiting to be delivered.").arg(countOf(waiting, tr("write"), tr("writes")));
    }
    setVisible(!parts.isEmpty());
    if (parts.isEmpty())
        return;
    m_label->setText(parts.join(u' '));
    m_label->setToolTip(m_link.lostBecause());
    m_retry->setVisible(away || waiting > 0);
    m_retry->setEnabled(!m_link.trying());
    m_review->setVisible(!m_link.waiting().isEmpty());
    m_review->setText(tr("Not yet &shared (%1)…").arg(m_link.waiting().size()));
    QPalette pal = palette();
    pal.setColor(QPalette::Window, away ? WarroomColors::alarm() : WarroomColors::warning());
    pal.setColor(QPalette::WindowText, away ? QColor(Qt::white) : QColor(Qt::black));
    setPalette(pal);
}
