#include "widgets/framingbar.h"

#include "colors.h"
#include "incidentactions.h"
#include "rules/cadence.h"
#include "rules/clock.h"
#include "rules/countdown.h"
#include "timeformat.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QTimer>
#include <QToolButton>

FramingBar::FramingBar(IncidentActions &actions, const Clock &clock, QWidget *parent)
    : QFrame(parent), m_clock(clock), m_objective(new QLabel(this)), m_state(new QLabel(this))
{
    setObjectName(QStringLiteral("framingBar"));
    m_objective->setObjectName(QStringLiteral("objectiveLabel"));
    m_state->setObjectName(QStringLiteral("framingStateLabel"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    for (QLabel *label : {m_objective, m_state})
        label->setTextFormat(Qt::PlainText);
    m_objective->setWordWrap(true);
    QFont objectiveFont = m_objective->font();
    objectiveFont.setPointSizeF(objectiveFont.pointSizeF() * 1.15);
    objectiveFont.setBold(true);
    m_objective->setFont(objectiveFont);

    auto *frame = new QToolButton(this);
    frame->setDefaultAction(actions.frameAction());
    auto *confirm = new QToolButton(this);
    confirm->setDefaultAction(actions.confirmFramingAction());
    confirm->setObjectName(QStringLiteral("confirmFramingButton"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_objective, 1);
    layout->addWidget(m_state);
    layout->addWidget(frame);
    layout->addWidget(confirm);

    auto *tick = new QTimer(this);
    tick->setInterval(30 * 1000);
    tick->start();
    connect(tick, &QTimer::timeout, this, &FramingBar::refresh);
    connect(&m_clock, &Clock::jumped, this, &FramingBar::refresh);
}

void FramingBar::setFraming(const std::optional<Framing> &framing, Severity severity)
{
    m_framing = framing;
    m_severity = severity;
    refresh();
}

QString FramingBar::objectiveText() const
{
    return m_objective->text();
}

void FramingBar::refresh()
{
    QPalette pal = palette();
    m_stale = isFramingStale(m_framing, m_severity, m_clock.now());
    if (!m_framing) {
        m_objective->setText(tr("No objective framed: say in one line what we are trying to do "
                                "now."));
        m_state->clear();
        pal.setColor(QPalette::Window, WarroomColors::problemBackground());
        pal.setColor(QPalette::WindowText, WarroomColors::alarm());
    } else {
        m_objective->setText(tr("Objective: %1").arg(m_framing->objective));
        const QString age = formatDuration(m_framing->at.secsTo(m_clock.now()));
        m_state->setText(
            m_stale ? tr("STALE: set %1 ago by %2; re-frame or confirm").arg(age, m_framing->by)
                    : tr("set %1 by %2")
                          .arg(TimeFormat::clock(m_framing->at, m_clock.now()), m_framing->by));
        pal.setColor(QPalette::Window,
                     m_stale ? WarroomColors::warning().lighter(160) : QColor(0xe8, 0xf5, 0xe9));
        pal.setColor(QPalette::WindowText, QColor(Qt::black));
    }
    setPalette(pal);
}
