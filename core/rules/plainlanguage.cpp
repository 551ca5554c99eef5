#include "rules/plainlanguage.h"

#include <QFile>
#include <QRegularExpression>

#include <algorithm>

namespace {

QList<PhraseRule> englishPhrases()
{
    const auto hedge = FindingCategory::Hedge;
    const auto blame = FindingCategory::Blame;
    const auto emotion = FindingCategory::Emotion;
    const QString unsure = QStringLiteral("say what is known; if it is not known yet, say what "
                                          "we are doing to find out and by when");
    const QString giveTime = QStringLiteral("give a time, e.g. \"by 14:30 UTC\"");
    const QString neutral = QStringLiteral("describe what happened and what is being done, "
                                           "without assigning blame");
    const QString calm = QStringLiteral("state the impact in numbers and what is being done");
    return {
        {QStringLiteral("I think"), hedge, unsure},
        {QStringLiteral("we think"), hedge, unsure},
        {QStringLiteral("I guess"), hedge, unsure},
        {QStringLiteral("maybe"), hedge, unsure},
        {QStringLiteral("perhaps"), hedge, unsure},
        {QStringLiteral("probably"), hedge, unsure},
        {QStringLiteral("possibly"), hedge, unsure},
        {QStringLiteral("might"), hedge, unsure},
        {QStringLiteral("could be"), hedge, unsure},
        {QStringLiteral("we believe"), hedge, QStringLiteral("state the fact and how we know it")},
        {QStringLiteral("hopefully"), hedge,
         QStringLiteral("say what will happen and when; hope is not a plan")},
        {QStringLiteral("we hope"), hedge,
         QStringLiteral("say what will happen and when; hope is not a plan")},
        {QStringLiteral("should work"), hedge,
         QStringLiteral("say what was verified, or when it will be")},
        {QStringLiteral("should be fixed"), hedge,
         QStringLiteral("say what was verified, or when it will be")},
        {QStringLiteral("as soon as possible"), hedge, giveTime},
        {QStringLiteral("ASAP"), hedge, giveTime},
        {QStringLiteral("soon"), hedge, giveTime},
        {QStringLiteral("shortly"), hedge, giveTime},
        {QStringLiteral("your fault"), blame, neutral},
        {QStringLiteral("you should have"), blame, neutral},
        {QStringLiteral("you failed to"), blame, neutral},
        {QStringLiteral("user error"), blame, neutral},
        {QStringLiteral("as we already told you"), blame,
         QStringLiteral("restate the information plainly, once")},
        {QStringLiteral("as previously stated"), blame,
         QStringLiteral("restate the information plainly, once")},
        {QStringLiteral("as I said"), blame,
         QStringLiteral("restate the information plainly, once")},
        {QStringLiteral("per my last"), blame,
         QStringLiteral("restate the information plainly, once")},
        {QStringLiteral("obviously"), blame, QStringLiteral("leave it out")},
        {QStringLiteral("disaster"), emotion, calm},
        {QStringLiteral("catastrophe"), emotion, calm},
        {QStringLiteral("catastrophic"), emotion, calm},
        {QStringLiteral("nightmare"), emotion, calm},
        {QStringLiteral("terrible"), emotion, calm},
        {QStringLiteral("horrible"), emotion, calm},
        {QStringLiteral("awful"), emotion, calm},
        {QStringLiteral("unacceptable"), emotion, calm},
        {QStringLiteral("panic"), emotion, calm},
        {QStringLiteral("furious"), emotion, calm},
        {QStringLiteral("so sorry"), emotion,
         QStringLiteral("apologise once, plainly: \"We apologise for the disruption.\"")},
    };
}

// Whole words only: "might" must not match "mighty", "503" not "15030".
bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

bool boundedAt(const QString &text, qsizetype start, qsizetype length)
{
    const bool before = start == 0 || !isWordChar(text.at(start - 1));
    const qsizetype after = start + length;
    return before && (after >= text.size() || !isWordChar(text.at(after)));
}
} // namespace

QString findingCategoryName(FindingCategory category)
{
    switch (category) {
    case FindingCategory::Hedge:
        return QStringLiteral("hedge");
    case FindingCategory::Jargon:
        return QStringLiteral("jargon");
    case FindingCategory::Blame:
        return QStringLiteral("blame");
    case FindingCategory::Emotion:
        return QStringLiteral("emotion");
    }
    return {};
}

QMap<QString, QString> parseGlossary(const QString &text)
{
    QMap<QString, QString> terms;
    for (const QString &rawLine : text.split(u'\n')) {
        const QString line = rawLine.trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const qsizetype tab = rawLine.indexOf(u'\t');
        if (tab <= 0)
            continue;
        const QString term = rawLine.left(tab).trimmed();
        const QString plain = rawLine.mid(tab + 1).trimmed();
        if (!term.isEmpty() && !plain.isEmpty())
            terms.insert(term.toLower(), plain);
    }
    return terms;
}

PlainLanguageProfile PlainLanguageProfile::english(const QMap<QString, QString> &userTerms)
{
    PlainLanguageProfile profile;
    profile.language = QStringLiteral("en");
    profile.phrases = englishPhrases();
    QFile shipped(QStringLiteral(":/warroom/glossary/jargon-en.tsv"));
    if (shipped.open(QIODevice::ReadOnly | QIODevice::Text))
        profile.jargon = parseGlossary(QString::fromUtf8(shipped.readAll()));
    for (auto it = userTerms.cbegin(); it != userTerms.cend(); ++it)
        profile.jargon.insert(it.key().toLower(), it.value());
    profile.shoutingSuggestion =
        QStringLiteral("write it in normal case; capitals read as shouting");
    profile.exclamationSuggestion = QStringLiteral("end the sentence with a full stop");
    return profile;
}

QList<Finding> checkPlainLanguage(const QString &text, const PlainLanguageProfile &profile)
{
    QList<Finding> candidates;
    // Searched in the text itself, folding case one code unit at a time: lower-casing the whole
    // text first can change its length ("İ" becomes two units), and the offsets would then
    // point past the words they name.
    auto findAll = [&](const QString &phrase, FindingCategory category, const QString &suggestion) {
        for (qsizetype at = text.indexOf(phrase, 0, Qt::CaseInsensitive); at >= 0;
             at = text.indexOf(phrase, at + 1, Qt::CaseInsensitive)) {
            if (boundedAt(text, at, phrase.size()))
                candidates.append({int(at), int(at + phrase.size()), category,
                                   text.mid(at, phrase.size()), suggestion});
        }
    };
    for (const PhraseRule &rule : profile.phrases)
        findAll(rule.phrase, rule.category, rule.suggestion);
    for (auto it = profile.jargon.cbegin(); it != profile.jargon.cend(); ++it)
        findAll(it.key(), FindingCategory::Jargon, QStringLiteral("say \"%1\"").arg(it.value()));

    // Shouting: a word of four or more capitals, in any script, that is not a known acronym.
    static const QRegularExpression capitals(QStringLiteral("\\b\\p{Lu}{4,}\\b"),
                                             QRegularExpression::UseUnicodePropertiesOption);
    for (auto match = capitals.globalMatch(text); match.hasNext();) {
        const auto m = match.next();
        if (!profile.jargon.contains(m.captured().toLower()))
            candidates.append({int(m.capturedStart()), int(m.capturedEnd()),
                               FindingCategory::Emotion, m.captured(), profile.shoutingSuggestion});
    }
    static const QRegularExpression exclamations(QStringLiteral("!{2,}|\\?!|!\\?"));
    for (auto match = exclamations.globalMatch(text); match.hasNext();) {
        const auto m = match.next();
        candidates.append({int(m.capturedStart()), int(m.capturedEnd()), FindingCategory::Emotion,
                           m.captured(), profile.exclamationSuggestion});
    }

    // Earliest first; at the same start the longest ("as soon as possible" over "soon").
    std::sort(candidates.begin(), candidates.end(), [](const Finding &a, const Finding &b) {
        return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
    QList<Finding> findings;
    for (const Finding &f : std::as_const(candidates)) {
        if (findings.isEmpty() || f.start >= findings.last().end)
            findings.append(f);
    }
    return findings;
}

QString formatFinding(const Finding &f)
{
    return QStringLiteral("%1-%2 %3 \"%4\" -> %5")
        .arg(f.start)
        .arg(f.end)
        .arg(findingCategoryName(f.category), f.phrase, f.suggestion);
}
