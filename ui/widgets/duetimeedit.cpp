#include "widgets/duetimeedit.h"

#include "colors.h"
#include "rules/clock.h"
#include "rules/countdown.h"
#include "rules/duetime.h"
#include "timeformat.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

DueTimeEdit::DueTimeEdit(const Clock &clock, QWidget *parent)
    : QWidget(parent), m_clock(clock), m_edit(new QLineEdit(this)), m_preview(new QLabel(this))
{
    m_edit->setPlaceholderText(tr("+25m, +2h, 14:30"));
    m_edit->setMaximumWidth(170);
    m_preview->setTextFormat(Qt::PlainText);
    m_preview->setObjectName(QStringLiteral("duePreviewLabel"));
    m_preview->setMinimumWidth(170);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit);
    for (const char *step : {"+15m", "+30m", "+1h"}) {
        auto *button = new QToolButton(this);
        button->setText(QString::fromLatin1(step));
        button->setObjectName(QStringLiteral("due%1Button").arg(QString::fromLatin1(step + 1)));
        connect(button, &QToolButton::clicked, this,
                [this, step] { m_edit->setText(QString::fromLatin1(step)); });
        layout->addWidget(button);
    }
    layout->addWidget(m_preview, 1);
    connect(m_edit, &QLineEdit::textChanged, this, &DueTimeEdit::updatePreview);
    connect(&m_clock, &Clock::jumped, this, &DueTimeEdit::updatePreview);
    updatePreview();
}

void DueTimeEdit::setText(const QString &text)
{
    m_edit->setText(text);
}

QString DueTimeEdit::text() const
{
    return m_edit->text();
}

Result<QDateTime> DueTimeEdit::dueTime() const
{
    return parseDueTime(m_edit->text(), m_clock.now());
}

void DueTimeEdit::updatePreview()
{
    if (m_edit->text().trimmed().isEmpty()) {
        m_preview->clear();
        return;
    }
    const auto due = dueTime();
    if (!due) {
        m_preview->setText(tr("not a time yet"));
        WarroomColors::setTextColor(m_preview, WarroomColors::alarm());
        return;
    }
    const QDateTime now = m_clock.now();
    m_preview->setText(
        tr("= %1 (in %2)").arg(TimeFormat::inZone(*due, now), formatDuration(now.secsTo(*due))));
    WarroomColors::setTextColor(m_preview, palette().color(QPalette::WindowText));
}
