#include "widgets/countdownwidget.h"
#include "colors.h"

#include "rules/clock.h"
#include "timeformat.h"

#include <QFontMetrics>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

CountdownWidget::CountdownWidget(const Clock &clock, QWidget *parent)
    : QFrame(parent), m_clock(clock), m_caption(new QLabel(this)), m_time(new QLabel(this)),
      m_detail(new QLabel(this)), m_missed(new QLabel(this))
{
    setObjectName(QStringLiteral("countdownWidget"));
    m_caption->setObjectName(QStringLiteral("countdownCaptionLabel"));
    m_time->setObjectName(QStringLiteral("countdownTimeLabel"));
    m_detail->setObjectName(QStringLiteral("countdownDetailLabel"));
    m_missed->setObjectName(QStringLiteral("missedDeadlinesLabel"));
    setAutoFillBackground(true);
    setFrameShape(QFrame::StyledPanel);
    setMinimumWidth(300);

    QFont timeFont = m_time->font();
    m_largestPointSize = timeFont.pointSizeF() * 2.4;
    timeFont.setPointSizeF(m_largestPointSize);
    timeFont.setBold(true);
    m_time->setFont(timeFont);
    // The label takes the width it is given and fitTimeText() makes the text fit it; its height
    // stays that of the largest size so the header does not jump when the text shrinks.
    m_time->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_time->setMinimumHeight(QFontMetrics(timeFont).height());
    m_time->setAlignment(Qt::AlignCenter);
    m_caption->setAlignment(Qt::AlignCenter);
    m_detail->setAlignment(Qt::AlignCenter);
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::PlainText);
    m_missed->setTextFormat(Qt::PlainText);
    m_missed->setWordWrap(true);
    m_missed->setAutoFillBackground(true);
    m_missed->setMargin(4);
    QPalette missedPalette = m_missed->palette();
    missedPalette.setColor(QPalette::Window, WarroomColors::alarm());
    missedPalette.setColor(QPalette::WindowText, Qt::white);
    m_missed->setPalette(missedPalette);
    m_missed->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 6, 12, 6);
    layout->setSpacing(2);
    layout->addWidget(m_caption);
    layout->addWidget(m_time);
    layout->addWidget(m_detail);
    layout->addWidget(m_missed);

    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &CountdownWidget::refresh);
    connect(&m_clock, &Clock::jumped, this, &CountdownWidget::refresh);
    m_tick.start();
    refresh();
}

void CountdownWidget::setCommitments(const QList<Commitment> &commitments)
{
    m_commitments = commitments;
    refresh();
}

void CountdownWidget::followCommitments()
{
    const QDateTime now = m_clock.now();
    const std::optional<Commitment> next = nextDeadline(*m_commitments, now);
    const QList<Commitment> missed = missedAwaitingSupersede(*m_commitments, now);

    Target target;
    target.caption = tr("Next deadline");
    target.late = tr("MISSED %1 ago");
    target.none = missed.isEmpty() ? tr("no deadline committed") : tr("no open deadline");
    if (next) {
        target.due = next->due;
        target.detail =
            tr("%1\n%2 · due %3").arg(next->what, next->owner, TimeFormat::inZone(next->due, now));
        target.tooltip = tr("Why this time: %1").arg(next->why);
    } else if (missed.isEmpty()) {
        target.detail = tr("Commit the next step with an owner and a due time.");
    } else {
        target.detail = tr("Supersede the missed deadline with a new one, and say why.");
    }
    m_target = target;

    constexpr int kShown = 3;
    QStringList lines;
    QStringList reasons;
    for (const Commitment &c : missed) {
        if (lines.size() < kShown)
            lines << tr("MISSED %1 ago: %2 (%3), due %4")
                         .arg(formatDuration(c.due.secsTo(now)), c.what, c.owner,
                              TimeFormat::clock(c.due, now));
        reasons << tr("%1: %2").arg(c.what, c.why);
    }
    if (missed.size() > kShown)
        lines << tr("and %n more missed", nullptr, int(missed.size() - kShown));
    m_missed->setText(lines.join(u'\n'));
    m_missed->setToolTip(reasons.isEmpty()
                             ? QString()
                             : tr("Awaiting a supersede (new time and why) or a late met.\n%1")
                                   .arg(reasons.join(u'\n')));
    m_missed->setVisible(!missed.isEmpty());
}

void CountdownWidget::setTarget(const Target &target)
{
    m_commitments.reset();
    m_target = target;
    refresh();
}

void CountdownWidget::resizeEvent(QResizeEvent *event)
{
    QFrame::resizeEvent(event);
    fitTimeText();
}

void CountdownWidget::fitTimeText()
{
    const int room = m_time->contentsRect().width();
    if (room <= 0)
        return;
    QFont font = m_time->font();
    const qreal smallest = m_largestPointSize / 2.4;
    qreal size = m_largestPointSize;
    font.setPointSizeF(size);
    while (size > smallest && QFontMetrics(font).horizontalAdvance(m_time->text()) > room) {
        size = std::max(smallest, size - 1);
        font.setPointSizeF(size);
    }
    if (font != m_time->font())
        m_time->setFont(font);
}

QString CountdownWidget::timeText() const
{
    return m_time->text();
}

QString CountdownWidget::missedText() const
{
    return m_missed->isVisibleTo(this) ? m_missed->text() : QString();
}

QColor CountdownWidget::backgroundFor(CountdownUrgency urgency)
{
    switch (urgency) {
    case CountdownUrgency::Comfortable:
        return WarroomColors::onTrack();
    case CountdownUrgency::Soon:
        return WarroomColors::warning();
    case CountdownUrgency::Missed:
    case CountdownUrgency::NoDeadline:
        return WarroomColors::alarm();
    }
    return {};
}

QColor CountdownWidget::foregroundFor(CountdownUrgency urgency)
{
    return urgency == CountdownUrgency::Soon ? QColor(Qt::black) : QColor(Qt::white);
}

void CountdownWidget::refresh()
{
    if (m_commitments)
        followCommitments();
    m_reading = readCountdownTo(m_target.due, m_clock.now(), m_target.late, m_target.none);
    if (m_time->text() != m_reading.text) {
        m_time->setText(m_reading.text);
        fitTimeText();
    }
    m_caption->setText(m_target.caption);
    m_detail->setText(m_target.detail);
    setToolTip(m_target.tooltip);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, backgroundFor(m_reading.urgency));
    pal.setColor(QPalette::WindowText, foregroundFor(m_reading.urgency));
    setPalette(pal);
}
