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

QList<PatternRule> englishPatterns()
{
    const auto blame = FindingCategory::Blame;
    const auto jargon = FindingCategory::Jargon;
    const QString neutral = QStringLiteral("describe what happened and what is being done, "
                                           "without naming who is to blame");
    const QString internalName =
        QStringLiteral("name what it does for the customer, not its internal name");
    const auto rule = [](const QString &pattern, FindingCategory category,
                         const QString &suggestion) {
        return PatternRule{
            QRegularExpression(pattern, QRegularExpression::UseUnicodePropertiesOption), category,
            suggestion};
    };
    // What a person does wrong, said of someone. "Checkout failed to load" and "checkout broke
    // at 14:00" are about a system; "Bob broke the config" is about a person.
    const QString faultVerbs = QStringLiteral(
        "(?:broke\\s+(?:the|our|their|a|an|it)|forgot|misconfigured|messed\\s+up|screwed\\s+up|"
        "botched|neglected|overlooked|(?:is|was|are|were)\\s+(?:to\\s+blame|at\\s+fault)|"
        "made\\s+(?:a|an)\\s+(?:mistake|error))");
    return {
        // "Bob broke the config": a name, then what they did wrong.
        rule(QStringLiteral("\\b\\p{Lu}\\p{Ll}+\\s+(?i:%1)\\b").arg(faultVerbs), blame, neutral),
        // "the vendor caused it", "the network team forgot", "our engineer broke".
        rule(QStringLiteral(
                 "(?i)\\b(?:the\\s+(?:vendor|supplier|provider|contractor|customer|client|"
                 "developers?|engineers?|operators?|admins?|[\\w-]+\\s+team)|their\\s+\\w+|"
                 "our\\s+(?:engineers?|admins?|administrators?|operators?|developers?|staff|"
                 "team|colleagues?)|someone|somebody|an?\\s+(?:engineer|admin|administrator|"
                 "operator|developer|colleague))\\s+(?:caused|broke|failed\\s+to|%1)\\b")
                 .arg(faultVerbs),
             blame, neutral),
        rule(QStringLiteral("(?i)\\b(?:operator|human|admin|engineer|developer|vendor)\\s+"
                            "(?:error|mistake|failure)s?\\b"),
             blame, neutral),
        rule(QStringLiteral("(?i)\\b(?:at\\s+fault|to\\s+blame|the\\s+fault\\s+of|\\w+'s\\s+"
                            "(?:fault|mistake)|dropped\\s+the\\s+ball|negligen(?:t|ce)|"
                            "careless(?:ly|ness)?|incompeten(?:t|ce)|sloppy)\\b"),
             blame, neutral),
        // Technical shapes no glossary can list.
        rule(QStringLiteral("\\b\\w+_\\w+\\b"), jargon, internalName),
        rule(QStringLiteral("\\b\\d{1,3}(?:\\.\\d{1,3}){3}(?::\\d+)?\\b"), jargon,
             QStringLiteral("name the system, not its network address")),
        rule(QStringLiteral("\\b0x[0-9A-Fa-f]+\\b|\\b(?=[0-9a-f]*\\d)(?=[0-9a-f]*[a-f])"
                            "[0-9a-f]{7,40}\\b"),
             jargon, QStringLiteral("leave out internal codes")),
        // v2.4, 2.4.1, 2026.11.22-1; not a date like 25.11.2026.
        rule(QStringLiteral("\\bv\\d+(?:\\.\\d+)+(?:[-+][\\w.]+)?\\b|"
                            "\\b(?!(?:0?[1-9]|[12]\\d|3[01])\\.(?:0?[1-9]|1[0-2])\\.\\d{2,4}\\b)"
                            "\\d+\\.\\d+\\.\\d+(?:[-+]\\w+)*\\b"),
             jargon, QStringLiteral("say \"the latest version\" or \"this morning's change\"")),
        rule(QStringLiteral("(?i)\\bHTTP[ /-]?[1-5]\\d\\d\\b|\\b[1-5]\\d\\ds\\b|"
                            "\\b(?:error|status|code)\\s+[1-5]\\d\\d\\b"),
             jargon, QStringLiteral("say \"error page\" or \"failed requests\"")),
        // Hosts and machine names: db-2, eu-west-1, order-svc.internal.
        rule(QStringLiteral("\\b[a-z][a-z0-9]*(?:-[a-z0-9]+)*-\\d{1,3}[a-z]?\\b"), jargon,
             QStringLiteral("say what it is: \"a database server\", \"our European data "
                            "centre\"")),
        rule(
            QStringLiteral("\\b(?!www\\.)[A-Za-z][\\w-]+(?:\\.[A-Za-z_][\\w-]+){2,}\\b|"
                           "\\b(?!www\\.)[A-Za-z][\\w-]*\\.(?!(?:com|org|net|eu|de|fr|nl|uk|io)\\b)"
                           "[a-z][\\w-]+\\b"),
            jargon, internalName),
    };
}

QSet<QString> englishPlainAcronyms()
{
    return {"SLA", "IT",  "UTC", "GMT", "CET", "CEST", "EST", "EDT", "PST", "PDT", "BST",
            "EU",  "UK",  "US",  "USA", "CEO", "CFO",  "CTO", "CIO", "COO", "HR",  "PR",
            "FAQ", "PDF", "OK",  "AM",  "PM",  "ETA",  "ID",  "VAT", "EUR", "USD", "GBP",
            "CHF", "SMS", "TV",  "PC",  "VIP", "Q1",   "Q2",  "Q3",  "Q4",  "ASAP"};
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
    profile.patterns = englishPatterns();
    profile.plainAcronyms = englishPlainAcronyms();
    profile.acronymSuggestion = QStringLiteral("spell it out in plain words");
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
    for (const PatternRule &rule : profile.patterns) {
        for (auto match = rule.pattern.globalMatch(text); match.hasNext();) {
            const auto m = match.next();
            candidates.append({int(m.capturedStart()), int(m.capturedEnd()), rule.category,
                               m.captured(), rule.suggestion});
        }
    }
    // Acronyms a glossary does not know: two or three capitals, or capitals with digits (EC2).
    static const QRegularExpression acronyms(
        QStringLiteral("\\b(?:\\p{Lu}{2,3}|\\p{Lu}[\\p{Lu}\\d]*\\d[\\p{Lu}\\d]*)s?\\b"),
        QRegularExpression::UseUnicodePropertiesOption);
    for (auto match = acronyms.globalMatch(text); match.hasNext();) {
        const auto m = match.next();
        QString word = m.captured();
        if (word.endsWith(u's'))
            word.chop(1);
        if (!profile.plainAcronyms.contains(word) && !profile.jargon.contains(word.toLower()))
            candidates.append({int(m.capturedStart()), int(m.capturedEnd()),
                               FindingCategory::Jargon, m.captured(), profile.acronymSuggestion});
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
