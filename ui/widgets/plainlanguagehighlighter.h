#pragma once

#include "rules/plainlanguage.h"

#include <QSyntaxHighlighter>

// Underlines, as the user types, what the plain-language check finds: hedging amber, jargon
// blue, blame and emotion red. The suggestions are listed beside the editor.
class PlainLanguageHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT
public:
    PlainLanguageHighlighter(const PlainLanguageProfile &profile, QTextDocument *document);

    static QColor colorFor(FindingCategory category);

protected:
    void highlightBlock(const QString &text) override;

private:
    const PlainLanguageProfile &m_profile;
};
