#pragma once

#include <QList>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QString>

// Checks business text for what a customer's manager should not read from us: hedging,
// technical jargon, blame or argument, and emotion or shouting. A pure function of the text,
// so the composer, the CLI and the tests share it. The word lists are per language;
// English is the first.

enum class FindingCategory
{
    Hedge,
    Jargon,
    Blame,
    Emotion
};

QString findingCategoryName(FindingCategory category); // "hedge", "jargon", "blame", "emotion"

struct Finding
{
    int start = 0; // in UTF-16 code units, like QString indices
    int end = 0;   // one past the last
    FindingCategory category = FindingCategory::Hedge;
    QString phrase; // as written in the text
    QString suggestion;

    bool operator==(const Finding &) const = default;
};

struct PhraseRule
{
    QString phrase; // matched whole-word, ignoring case
    FindingCategory category;
    QString suggestion;
};

// What a glossary cannot list: a shape of text (snake_case, a host name, a version, blame
// aimed at a named person). The whole match is the finding.
struct PatternRule
{
    QRegularExpression pattern;
    FindingCategory category;
    QString suggestion;
};

// One language's lists. Jargon comes from a glossary (term -> plain alternative): the one
// shipped with Warroom plus the terms the user added; technical shapes are found by patterns.
struct PlainLanguageProfile
{
    QString language;
    QList<PhraseRule> phrases;     // hedge, blame and emotional words
    QMap<QString, QString> jargon; // lower-case term -> plain alternative
    QList<PatternRule> patterns;   // blame aimed at anyone, technical shapes
    // Short capitals a manager reads without help (SLA, IT, UTC): not flagged as acronyms.
    QSet<QString> plainAcronyms;
    QString acronymSuggestion;
    QString shoutingSuggestion;
    QString exclamationSuggestion;

    static PlainLanguageProfile english(const QMap<QString, QString> &userJargon = {});
};

// Reads "TERM<TAB>PLAIN" lines; lines starting with # and blank lines are skipped.
QMap<QString, QString> parseGlossary(const QString &text);

// Findings in text order, never overlapping (the longest phrase wins where two would).
QList<Finding> checkPlainLanguage(const QString &text, const PlainLanguageProfile &profile);

// "12-20 hedge "I think" -> state what you know..." as `warroom check-text` prints it.
QString formatFinding(const Finding &finding);
