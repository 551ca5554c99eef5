#include "widgets/quickentrybar.h"
#include "colors.h"

#include "domain/fieldcheck.h"
#include "useridentity.h"

#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QTimer>

QuickEntryBar::QuickEntryBar(QWidget *parent)
    : QWidget(parent), m_author(new QLineEdit(this)), m_text(new QLineEdit(this)),
      m_kind(new QLabel(this)), m_message(new QLabel(this)), m_slowAnswer(new QTimer(this))
{
    setObjectName(QStringLiteral("quickEntryBar"));
    m_author->setObjectName(QStringLiteral("authorLineEdit"));
    m_text->setObjectName(QStringLiteral("quickEntryLineEdit"));
    m_kind->setObjectName(QStringLiteral("quickEntryKindLabel"));
    m_message->setObjectName(QStringLiteral("quickEntryMessageLabel"));

    m_author->setPlaceholderText(tr("Your name"));
    m_author->setMaxLength(FieldLimit::Name);
    m_author->setText(UserIdentity::name());
    m_author->setMaximumWidth(150);
    m_text->setPlaceholderText(tr("What did you see, suspect or do? Enter adds it to the log"));
    m_text->setMaxLength(FieldLimit::Text);
    m_text->setClearButtonEnabled(true);
    m_kind->setMinimumWidth(90);
    m_kind->setTextFormat(Qt::PlainText);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setText(quickEntryHelp());
    WarroomColors::setTextColor(m_message, palette().color(QPalette::PlaceholderText));

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_author, 0, 0);
    layout->addWidget(m_kind, 0, 1);
    layout->addWidget(m_text, 0, 2);
    layout->addWidget(m_message, 1, 0, 1, 3);
    layout->setColumnStretch(2, 1);

    connect(m_text, &QLineEdit::textChanged, this, &QuickEntryBar::updatePreview);
    connect(m_text, &QLineEdit::returnPressed, this, &QuickEntryBar::submit);
    m_slowAnswer->setSingleShot(true);
    m_slowAnswer->setInterval(400);
    connect(m_slowAnswer, &QTimer::timeout, this, &QuickEntryBar::showWaiting);
    connect(m_author, &QLineEdit::textEdited, this, &UserIdentity::setName);
    // A name given elsewhere (asked for by an act) shows here, unless it is being typed here.
    connect(&UserIdentity::notifier(), &UserIdentityNotifier::nameChanged, this,
            [this](const QString &name) {
                if (!m_author->hasFocus())
                    m_author->setText(name);
            });
    updatePreview();
}

QString QuickEntryBar::author() const
{
    return m_author->text().trimmed();
}

void QuickEntryBar::updatePreview()
{
    m_kind->setText(QStringLiteral("[%1]").arg(logKindName(parseQuickEntry(m_text->text()).kind)));
}

void QuickEntryBar::submit()
{
    const QuickEntry entry = parseQuickEntry(m_text->text());
    if (entry.text.isEmpty())
        return;
    if (author().isEmpty()) {
        showFailure(tr("Type your name on the left first: every entry says who wrote it."));
        m_author->setFocus();
        return;
    }
    emit submitted(entry, author());
}

void QuickEntryBar::showFailure(const QString &message)
{
    m_message->setText(tr("Not added: %1").arg(message));
    WarroomColors::setTextColor(m_message, WarroomColors::alarm());
}

QString QuickEntryBar::typedText() const
{
    return m_text->text();
}

void QuickEntryBar::focusText()
{
    m_text->setFocus(Qt::ShortcutFocusReason);
}

void QuickEntryBar::showSending(int waiting)
{
    const bool wasWaiting = m_waiting > 0;
    m_waiting = waiting;
    if (waiting <= 0) {
        m_slowAnswer->stop();
        if (wasWaiting && !m_message->text().startsWith(tr("Not added")))
            clearMessage();
        return;
    }
    if (m_slowAnswer->isActive())
        return;
    if (m_message->text().startsWith(tr("Adding")))
        showWaiting(); // already slow: the count follows
    else
        m_slowAnswer->start();
}

void QuickEntryBar::showWaiting()
{
    if (m_waiting <= 0)
        return;
    m_message->setText(m_waiting == 1 ? tr("Adding 1 entry… keep typing.")
                                      : tr("Adding %1 entries… keep typing: they go in the order "
                                           "typed.")
                                            .arg(m_waiting));
    WarroomColors::setTextColor(m_message, palette().color(QPalette::PlaceholderText));
}

void QuickEntryBar::clearMessage()
{
    m_message->setText(quickEntryHelp());
    WarroomColors::setTextColor(m_message, palette().color(QPalette::PlaceholderText));
}

void QuickEntryBar::returnUnsent(const QString &typed, const QString &why)
{
    if (m_text->text().isEmpty()) {
        m_text->setText(typed);
        showFailure(why);
        return;
    }
    showFailure(tr("%1\nNot added: “%2”").arg(why, typed));
}

void QuickEntryBar::clearAfterSuccess()
{
    m_text->clear();
    clearMessage();
}
