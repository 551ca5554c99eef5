#include "widgets/quickentrybar.h"
#include "colors.h"

#include "domain/fieldcheck.h"
#include "useridentity.h"

#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>

QuickEntryBar::QuickEntryBar(QWidget *parent)
    : QWidget(parent), m_author(new QLineEdit(this)), m_text(new QLineEdit(this)),
      m_kind(new QLabel(this)), m_message(new QLabel(this))
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
    connect(m_author, &QLineEdit::textEdited, this, &UserIdentity::setName);
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

void QuickEntryBar::clearAfterSuccess()
{
    m_text->clear();
    m_message->setText(quickEntryHelp());
    WarroomColors::setTextColor(m_message, palette().color(QPalette::PlaceholderText));
}
