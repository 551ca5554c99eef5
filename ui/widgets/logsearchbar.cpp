#include "widgets/logsearchbar.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTimer>
#include <QToolButton>

namespace {
// Long enough that a word is not searched for letter by letter, short enough to feel at once.
constexpr int kTypingPauseMs = 150;
} // namespace

LogSearchBar::LogSearchBar(QWidget *parent)
    : QWidget(parent), m_words(new QLineEdit(this)), m_position(new QLabel(this)),
      m_previous(new QToolButton(this)), m_next(new QToolButton(this)), m_typing(new QTimer(this))
{
    setObjectName(QStringLiteral("logSearchBar"));
    m_words->setObjectName(QStringLiteral("logSearchWords"));
    m_words->setPlaceholderText(tr("Find in the log: words, each the start of a word"));
    m_words->setClearButtonEnabled(true);
    m_words->setMaxLength(1000);
    m_words->installEventFilter(this);
    m_position->setObjectName(QStringLiteral("logSearchPosition"));
    m_previous->setObjectName(QStringLiteral("logSearchPrevious"));
    m_previous->setText(QStringLiteral("▲"));
    m_previous->setToolTip(tr("Previous match (Shift+Enter)"));
    m_next->setObjectName(QStringLiteral("logSearchNext"));
    m_next->setText(QStringLiteral("▼"));
    m_next->setToolTip(tr("Next match (Enter)"));
    auto *close = new QToolButton(this);
    close->setText(QStringLiteral("✕"));
    close->setToolTip(tr("Close the search (Esc)"));
    close->setAutoRaise(true);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Find:"), this));
    layout->addWidget(m_words, 1);
    layout->addWidget(m_position);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);
    layout->addWidget(close);

    m_typing->setSingleShot(true);
    m_typing->setInterval(kTypingPauseMs);
    connect(m_words, &QLineEdit::textEdited, m_typing, qOverload<>(&QTimer::start));
    connect(m_words, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty())
            m_typing->start(0); // the clear button: at once
    });
    connect(m_typing, &QTimer::timeout, this, &LogSearchBar::sayWords);
    connect(m_previous, &QToolButton::clicked, this, &LogSearchBar::previousWanted);
    connect(m_next, &QToolButton::clicked, this, &LogSearchBar::nextWanted);
    connect(close, &QToolButton::clicked, this, &LogSearchBar::close);
    hide();
}

void LogSearchBar::open()
{
    show();
    m_words->setFocus(Qt::ShortcutFocusReason);
    m_words->selectAll();
}

LogSearch LogSearchBar::search() const
{
    return isVisible() ? LogSearch(m_words->text()) : LogSearch();
}

void LogSearchBar::showPosition(qint64 ordinal, qint64 total, bool wrapped)
{
    const QLocale locale;
    QString text = ordinal > 0
                       ? tr("%1 of %2").arg(locale.toString(ordinal), locale.toString(total))
                       : tr("%1 matches").arg(locale.toString(total));
    if (wrapped)
        text += tr(" (from the other end)");
    m_position->setText(text);
}

void LogSearchBar::showNothingFound()
{
    m_position->setText(tr("no entry has these words"));
}

void LogSearchBar::showFailure(const QString &message)
{
    m_position->setText(tr("search failed"));
    m_position->setToolTip(message);
}

void LogSearchBar::sayWords()
{
    m_typing->stop();
    const LogSearch wanted = search();
    if (wanted == m_said)
        return;
    m_said = wanted;
    m_position->clear();
    emit searchChanged(wanted);
}

void LogSearchBar::close()
{
    hide();
    m_typing->stop();
    m_position->clear();
    if (!m_said.isEmpty()) {
        m_said = {};
        emit searchChanged(m_said); // the highlights go with the bar
    }
}

bool LogSearchBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_words && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Escape) {
            close();
            return true;
        }
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter ||
            key->key() == Qt::Key_F3) {
            if (m_typing->isActive())
                sayWords(); // the words as typed, first
            if (key->modifiers() & Qt::ShiftModifier)
                emit previousWanted();
            else
                emit nextWanted();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}
