#include "widgets/plainlanguagecheck.h"

#include "widgets/plainlanguagehighlighter.h"
#include "wording.h"

#include <QPlainTextEdit>

PlainLanguageCheck::PlainLanguageCheck(PlainLanguageProfile profile, QWidget *parent)
    : QListWidget(parent), m_profile(std::move(profile))
{
    setObjectName(QStringLiteral("findingsList"));
    setMaximumHeight(110);
    setWordWrap(true);
    recheck();
}

QPlainTextEdit *PlainLanguageCheck::addField(const QString &key, const QString &label, int lines,
                                             const QString &placeholder)
{
    auto *edit = new QPlainTextEdit(parentWidget());
    edit->setObjectName(key + QStringLiteral("TextEdit"));
    edit->setPlaceholderText(placeholder);
    edit->setTabChangesFocus(true);
    edit->setFixedHeight(edit->fontMetrics().lineSpacing() * lines + 14);
    new PlainLanguageHighlighter(m_profile, edit->document());
    connect(edit, &QPlainTextEdit::textChanged, this, &PlainLanguageCheck::recheck);
    m_fields.append({withoutMnemonic(label).remove(u':'), edit});
    return edit;
}

QStringList PlainLanguageCheck::findingTexts() const
{
    QStringList texts;
    for (int i = 0; i < m_findingCount; ++i)
        texts << item(i)->text();
    return texts;
}

void PlainLanguageCheck::recheck()
{
    clear();
    m_findingCount = 0;
    for (const auto &[label, edit] : std::as_const(m_fields)) {
        for (const Finding &f : checkPlainLanguage(edit->toPlainText(), m_profile)) {
            auto *item = new QListWidgetItem(
                tr("%1 · %2 \"%3\": %4")
                    .arg(label, findingCategoryName(f.category), f.phrase, f.suggestion),
                this);
            item->setForeground(PlainLanguageHighlighter::colorFor(f.category));
            ++m_findingCount;
        }
    }
    if (m_findingCount == 0)
        addItem(tr("Plain and clear: nothing to flag."));
    emit checked(m_findingCount);
}
