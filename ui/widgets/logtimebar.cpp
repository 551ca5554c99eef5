#include "widgets/logtimebar.h"

#include "colors.h"
#include "rules/clock.h"
#include "rules/logtime.h"
#include "timeformat.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QToolButton>

LogTimeBar::LogTimeBar(const Clock &clock, QWidget *parent)
    : QWidget(parent), m_clock(clock), m_time(new QLineEdit(this)), m_said(new QLabel(this))
{
    setObjectName(QStringLiteral("logTimeBar"));
    m_time->setObjectName(QStringLiteral("logTimeEdit"));
    m_time->setPlaceholderText(tr("14:30, yesterday 23:10, -25m, 2h ago"));
    m_time->setMaxLength(100);
    m_time->setMaximumWidth(260);
    m_time->setClearButtonEnabled(true);
    m_time->installEventFilter(this);
    m_said->setObjectName(QStringLiteral("logTimeSaid"));
    m_said->setTextFormat(Qt::PlainText);
    auto *go = new QToolButton(this);
    go->setObjectName(QStringLiteral("logTimeGo"));
    go->setText(tr("Go"));
    go->setToolTip(tr("Go to the first entry at or after this time (Enter)"));
    auto *close = new QToolButton(this);
    close->setText(QStringLiteral("✕"));
    close->setToolTip(tr("Close (Esc)"));
    close->setAutoRaise(true);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Go to time:"), this));
    layout->addWidget(m_time);
    layout->addWidget(go);
    layout->addWidget(m_said, 1);
    layout->addWidget(close);
    connect(m_time, &QLineEdit::textChanged, this, &LogTimeBar::preview);
    connect(go, &QToolButton::clicked, this, &LogTimeBar::go);
    connect(close, &QToolButton::clicked, this, &LogTimeBar::close);
    hide();
}

void LogTimeBar::open()
{
    show();
    m_time->setFocus(Qt::ShortcutFocusReason);
    m_time->selectAll();
}

void LogTimeBar::preview()
{
    if (m_time->text().trimmed().isEmpty())
        return say({});
    const QDateTime now = m_clock.now();
    const auto when = parseLogTime(m_time->text(), now);
    if (!when)
        return say(when.error(), true);
    say(tr("= %1").arg(TimeFormat::inZone(*when, now)));
}

void LogTimeBar::go()
{
    const auto when = parseLogTime(m_time->text(), m_clock.now());
    if (!when) {
        preview(); // says why
        return;
    }
    emit timeWanted(*when);
}

void LogTimeBar::showArrival(const QDateTime &asked, const QDateTime &at, qint64 seq)
{
    const QDateTime now = m_clock.now();
    const QString entry = tr("entry %1").arg(QLocale().toString(seq));
    if (at < asked)
        say(tr("Nothing since %1: the last before it, %2, %3")
                .arg(TimeFormat::inZone(asked, now), TimeFormat::clockSeconds(at, now), entry));
    else
        say(tr("%1, %2").arg(TimeFormat::inZone(at, now), entry));
}

void LogTimeBar::showNothingToShow()
{
    say(tr("The log shows no entries to go to."));
}

void LogTimeBar::showFailure(const QString &message)
{
    say(tr("Could not go there: %1").arg(message), true);
}

void LogTimeBar::say(const QString &text, bool alarming)
{
    m_said->setText(text);
    m_said->setStyleSheet(alarming ? QStringLiteral("color: %1").arg(WarroomColors::alarm().name())
                                   : QString());
}

void LogTimeBar::close()
{
    hide();
    say({});
}

bool LogTimeBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_time && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape) {
            close();
            return true;
        }
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            go();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}
