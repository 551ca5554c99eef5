#include "domain/logsearch.h"

#include <algorithm>

namespace {
bool isWordCharacter(QChar c)
{
    return c.isLetterOrNumber() || c.isMark();
}
} // namespace

LogSearch::LogSearch(const QString &typed)
{
    QString word;
    const auto keep = [&] {
        if (!word.isEmpty() && !m_words.contains(word) && m_words.size() < kMaxWords)
            m_words.append(word.left(kMaxWordLength));
        word.clear();
    };
    for (const QChar c : typed) {
        if (isWordCharacter(c))
            word += c.toLower();
        else
            keep();
    }
    keep();
    // A longer word highlights before a word it starts with ("disk" before "d").
    std::stable_sort(m_words.begin(), m_words.end(),
                     [](const QString &a, const QString &b) { return a.size() > b.size(); });
}

QList<std::pair<qsizetype, qsizetype>> LogSearch::spansIn(const QString &text) const
{
    QList<std::pair<qsizetype, qsizetype>> spans;
    if (m_words.isEmpty())
        return spans;
    for (qsizetype at = 0; at < text.size();) {
        const bool startsWord =
            isWordCharacter(text.at(at)) && (at == 0 || !isWordCharacter(text.at(at - 1)));
        if (startsWord) {
            const auto found =
                std::find_if(m_words.cbegin(), m_words.cend(), [&](const QString &w) {
                    return QStringView(text).mid(at, w.size()).compare(w, Qt::CaseInsensitive) == 0;
                });
            if (found != m_words.cend()) {
                spans.append({at, found->size()});
                at += found->size();
                continue;
            }
        }
        ++at;
    }
    return spans;
}
