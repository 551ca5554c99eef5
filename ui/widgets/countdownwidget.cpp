#include "widgets/countdownwidget.h"
#include "colors.h"

#include "rules/clock.h"
#include "timeformat.h"

#include <QLabel>
#include <QVBoxLayout>

CountdownWidget::CountdownWidget(const Clock &clock, QWidget *parent)
    : QFrame(parent), m_clock(clock), m_caption(new QLabel(this)), m_time(new QLabel(this)),
      m_detail(new QLabel(this))
{
    setObjectName(QStringLiteral("countdownWidget"));
    m_caption->setObjectName(QStringLiteral("countdownCaptionLabel"));
    m_time->setObjectName(QStringLiteral("countdownTimeLabel"));
    m_detail->setObjectName(QStringLiteral("countdownDetailLabel"));
    setAutoFillBackground(true);
    setFrameShape(QFrame::StyledPanel);
    setMinimumWidth(300);

    QFont timeFont = m_time->font();
    timeFont.setPointSizeF(timeFont.pointSizeF() * 2.4);
    timeFont.setBold(true);
    m_time->setFont(timeFont);
    m_time->setAlignment(Qt::AlignCenter);
    m_caption->setAlignment(Qt::AlignCenter);
    m_detail->setAlignment(Qt::AlignCenter);
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::PlainText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 6, 12, 6);
    layout->setSpacing(2);
    layout->addWidget(m_caption);
    layout->addWidget(m_time);
    layout->addWidget(m_detail);

    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &CountdownWidget::refresh);
    connect(&m_clock, &Clock::jumped, this, &CountdownWidget::refresh);
    m_tick.start();
    refresh();
}

void CountdownWidget::setDeadline(const std::optional<Commitment> &deadline)
{
    Target target;
    target.caption = tr("Next deadline");
    target.late = tr("MISSED %1 ago");
    target.none = tr("no deadline committed");
    if (deadline) {
        target.due = deadline->due;
        target.detail = tr("%1\n%2 · due %3")
                            .arg(deadline->what, deadline->owner, TimeFormat::clock(deadline->due));
        target.tooltip = tr("Why this time: %1").arg(deadline->why);
    } else {
        target.detail = tr("Commit the next step with an owner and a due time.");
    }
    setTarget(target);
}

void CountdownWidget::setTarget(const Target &target)
{
    m_target = target;
    refresh();
}

QString CountdownWidget::timeText() const
{
    return m_time->text();
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
    m_reading = readCountdownTo(m_target.due, m_clock.now(), m_target.late, m_target.none);
    m_time->setText(m_reading.text);
    m_caption->setText(m_target.caption);
    m_detail->setText(m_target.detail);
    setToolTip(m_target.tooltip);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, backgroundFor(m_reading.urgency));
    pal.setColor(QPalette::WindowText, foregroundFor(m_reading.urgency));
    setPalette(pal);
}
