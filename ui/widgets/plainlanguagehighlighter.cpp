#include "widgets/plainlanguagehighlighter.h"

#include "colors.h"

PlainLanguageHighlighter::PlainLanguageHighlighter(const PlainLanguageProfile &profile,
                                                   QTextDocument *document)
    : QSyntaxHighlighter(document), m_profile(profile)
{}

QColor PlainLanguageHighlighter::colorFor(FindingCategory category)
{
    switch (category) {
    case FindingCategory::Hedge:
        return QColor(0xe6, 0x8a, 0x00);
    case FindingCategory::Jargon:
        return QColor(0x15, 0x65, 0xc0);
    case FindingCategory::Blame:
    case FindingCategory::Emotion:
        return WarroomColors::alarm();
    }
    return {};
}

void PlainLanguageHighlighter::highlightBlock(const QString &text)
{
    for (const Finding &finding : checkPlainLanguage(text, m_profile)) {
        QTextCharFormat format;
        format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        format.setUnderlineColor(colorFor(finding.category));
        format.setToolTip(finding.suggestion);
        setFormat(finding.start, finding.end - finding.start, format);
    }
}
