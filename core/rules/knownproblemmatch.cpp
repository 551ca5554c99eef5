#include "rules/knownproblemmatch.h"

#include <QSet>

#include <algorithm>

namespace KnownProblemMatch {
namespace {
constexpr double kSuggestAt = 0.6;

bool isSmallWord(const QString &word)
{
    static const QSet<QString> small{
        QStringLiteral("a"),     QStringLiteral("an"),    QStringLiteral("and"),
        QStringLiteral("are"),   QStringLiteral("as"),    QStringLiteral("at"),
        QStringLiteral("be"),    QStringLiteral("been"),  QStringLiteral("but"),
        QStringLiteral("by"),    QStringLiteral("can"),   QStringLiteral("for"),
        QStringLiteral("from"),  QStringLiteral("has"),   QStringLiteral("have"),
        QStringLiteral("in"),    QStringLiteral("into"),  QStringLiteral("is"),
        QStringLiteral("it"),    QStringLiteral("its"),   QStringLiteral("of"),
        QStringLiteral("on"),    QStringLiteral("or"),    QStringLiteral("our"),
        QStringLiteral("that"),  QStringLiteral("the"),   QStringLiteral("their"),
        QStringLiteral("then"),  QStringLiteral("there"), QStringLiteral("they"),
        QStringLiteral("this"),  QStringLiteral("to"),    QStringLiteral("was"),
        QStringLiteral("we"),    QStringLiteral("were"),  QStringLiteral("when"),
        QStringLiteral("while"), QStringLiteral("with"),  QStringLiteral("after"),
        QStringLiteral("some"),  QStringLiteral("all"),   QStringLiteral("out"),
        QStringLiteral("up"),    QStringLiteral("do"),    QStringLiteral("does"),
        QStringLiteral("not"),   QStringLiteral("no"),    QStringLiteral("very"),
    };
    return small.contains(word);
}

// A light stemmer for English: enough that plural, past and -ing forms meet ("caches", "cached",
// "caching" and "cache" all become "cach").
QString stem(QString word)
{
    if (word.size() >= 5 && word.endsWith(u"ies")) {
        word.chop(3);
        word.append(u'y');
    } else if (word.size() >= 6 && word.endsWith(u"ing")) {
        word.chop(3);
    } else if (word.size() >= 5 && word.endsWith(u"ed")) {
        word.chop(2);
    } else if (word.size() >= 4 && word.endsWith(u's') && !word.endsWith(u"ss")) {
        word.chop(1); // not "loss", "access"
    }
    if (word.size() >= 4 && word.endsWith(u'e'))
        word.chop(1);
    return word;
}

QSet<QString> termSet(const QString &text)
{
    const QStringList list = terms(text);
    return QSet<QString>(list.cbegin(), list.cend());
}

QString searchableText(const KnownProblem &problem)
{
    return problem.symptom + u' ' + problem.product + u' ' + problem.workaround + u' ' +
           problem.cause;
}
} // namespace

QStringList terms(const QString &text)
{
    QStringList found;
    QString word;
    auto finish = [&] {
        if (word.size() >= 2 && !isSmallWord(word)) {
            const QString stemmed = stem(word);
            if (!found.contains(stemmed))
                found.append(stemmed);
        }
        word.clear();
    };
    for (const QChar c : text) {
        if (c.isLetterOrNumber())
            word.append(c.toLower());
        else
            finish();
    }
    finish();
    return found;
}

QList<Match> suggestionsFor(const QList<KnownProblem> &book, const QString &text)
{
    const QSet<QString> present = termSet(text);
    QList<Match> matches;
    for (const KnownProblem &problem : book) {
        const QStringList symptom = terms(problem.symptom);
        if (symptom.isEmpty())
            continue;
        Match match{problem, {}, 0};
        for (const QString &term : symptom) {
            if (present.contains(term))
                match.matched.append(term);
        }
        match.score = double(match.matched.size()) / double(symptom.size());
        const qsizetype needed = std::min<qsizetype>(2, symptom.size());
        if (match.score >= kSuggestAt && match.matched.size() >= needed)
            matches.append(match);
    }
    std::stable_sort(matches.begin(), matches.end(),
                     [](const Match &a, const Match &b) { return a.score > b.score; });
    return matches;
}

QList<Match> search(const QList<KnownProblem> &book, const QString &query)
{
    const QStringList wanted = terms(query);
    QList<Match> matches;
    if (wanted.isEmpty())
        return matches;
    for (const KnownProblem &problem : book) {
        const QSet<QString> all = termSet(searchableText(problem));
        if (!std::all_of(wanted.cbegin(), wanted.cend(),
                         [&](const QString &term) { return all.contains(term); }))
            continue;
        const QSet<QString> symptom = termSet(problem.symptom);
        Match match{problem, wanted, 0};
        const auto inSymptom = std::count_if(wanted.cbegin(), wanted.cend(),
                                             [&](const QString &t) { return symptom.contains(t); });
        match.score = double(inSymptom) / double(wanted.size());
        matches.append(match);
    }
    std::stable_sort(matches.begin(), matches.end(),
                     [](const Match &a, const Match &b) { return a.score > b.score; });
    return matches;
}
} // namespace KnownProblemMatch
