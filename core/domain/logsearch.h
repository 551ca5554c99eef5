#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

// What a reader looks for in the log: words, each the start of a word in an entry's text, in
// any order and any case ("disk ful" finds "Full disk on db-2"). Punctuation separates words as
// the databases' text indexes split them, so "db-2" is the two words "db" and "2".
class LogSearch
{
public:
    // Enough for any sentence a person types; a pasted page is cut, not refused.
    static constexpr int kMaxWords = 16;
    static constexpr int kMaxWordLength = 64;

    LogSearch() = default;
    explicit LogSearch(const QString &typed);

    const QStringList &words() const { return m_words; }
    bool isEmpty() const { return m_words.isEmpty(); }
    // The words as one line, the way a view says what it looked for.
    QString text() const { return m_words.join(u' '); }
    // Where the words start words in text, as (position, length), in order and not
    // overlapping: what a view highlights.
    QList<std::pair<qsizetype, qsizetype>> spansIn(const QString &text) const;

    bool operator==(const LogSearch &other) const = default;

private:
    QStringList m_words; // lower case, longest first, no repeats
};

// An entry a search found: its id (the order of the text index) and its seq (the row of an
// unfiltered view).
struct LogHit
{
    qint64 id = 0;
    qint64 seq = 0;
    bool operator==(const LogHit &other) const = default;
};

// Which way from an entry the next hits are looked for.
enum class SearchDirection
{
    Forward, // entries after it, oldest first
    Backward // entries before it, newest first
};
