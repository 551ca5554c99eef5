#include "widgets/timeboxprompt.h"

#include "colors.h"
#include "incidentactions.h"
#include "logactions.h"
#include "rules/clock.h"
#include "rules/countdown.h"
#include "rules/timebox.h"
#include "timeformat.h"
#include "wording.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>

TimeboxPrompt::TimeboxPrompt(IncidentActions &actions, LogActions &log, const Clock &clock,
                             QWidget *parent)
    : QFrame(parent), m_actions(actions), m_log(log), m_clock(clock), m_question(new QLabel(this))
{
    setObjectName(QStringLiteral("timeboxPrompt"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, WarroomColors::warning().lighter(150));
    pal.setColor(QPalette::WindowText, QColor(Qt::black));
    setPalette(pal);
    m_question->setTextFormat(Qt::PlainText);
    m_question->setWordWrap(true);
    m_question->setObjectName(QStringLiteral("timeboxQuestionLabel"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_question, 1);
    auto button = [&](const QString &text, const QString &name, auto onClick) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(name);
        connect(b, &QPushButton::clicked, this, onClick);
        layout->addWidget(b);
    };
    button(tr("Confirmed"), QStringLiteral("timeboxConfirmedButton"),
           [this] { m_log.settleTheory(m_timeboxId, TimeboxVerdict::Confirmed); });
    button(tr("Dropped"), QStringLiteral("timeboxDroppedButton"),
           [this] { m_log.settleTheory(m_timeboxId, TimeboxVerdict::Dropped); });
    button(tr("Extend…"), QStringLiteral("timeboxExtendButton"),
           [this] { m_actions.supersede(m_timeboxId); });

    auto *tick = new QTimer(this);
    tick->setInterval(1000);
    tick->start();
    connect(tick, &QTimer::timeout, this, &TimeboxPrompt::refresh);
    connect(&m_clock, &Clock::jumped, this, &TimeboxPrompt::refresh);
    hide();
}

void TimeboxPrompt::setCommitments(const QList<Commitment> &commitments)
{
    m_commitments = commitments;
    refresh();
}

void TimeboxPrompt::refresh()
{
    const QDateTime now = m_clock.now();
    const QList<Commitment> expired = expiredTimeboxes(m_commitments, now);
    if (expired.isEmpty()) {
        m_timeboxId = 0;
        hide();
        return;
    }
    const Commitment &box = expired.first();
    m_timeboxId = box.id;
    const int extensions = timeboxExtensions(m_commitments, box.hypothesisEntryId);
    QString text = tr("Timebox passed %1 ago: %2. Confirmed, dropped, or extend with a reason?")
                       .arg(formatDuration(box.due.secsTo(now)), box.what);
    if (extensions > 0)
        text += QLatin1Char(' ') +
                tr("Already extended %1.").arg(countOf(extensions, tr("time"), tr("times")));
    if (expired.size() > 1)
        text += QLatin1Char(' ') + tr("(%1 more waiting)").arg(expired.size() - 1);
    m_question->setText(text);
    show();
}
