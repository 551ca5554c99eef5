#include "rules/quickentry.h"

#include <array>
#include <utility>

namespace {
struct Prefix
{
    QStringView text;
    LogKind kind;
};

// Longest first, so that "ask:" is not read as "a:" followed by "sk:".
constexpr std::array<Prefix, 17> kPrefixes{{
    {u"observation:", LogKind::Observation},
    {u"hypothesis:", LogKind::Hypothesis},
    {u"question:", LogKind::Question},
    {u"action:", LogKind::Action},
    {u"result:", LogKind::Result},
    {u"obs:", LogKind::Observation},
    {u"hyp:", LogKind::Hypothesis},
    {u"act:", LogKind::Action},
    {u"res:", LogKind::Result},
    {u"ask:", LogKind::Ask},
    {u"o:", LogKind::Observation},
    {u"h:", LogKind::Hypothesis},
    {u"a:", LogKind::Action},
    {u"r:", LogKind::Result},
    {u"q:", LogKind::Question},
    {u"?", LogKind::Question},
    {u"!", LogKind::Action},
}};
} // namespace

QuickEntry parseQuickEntry(const QString &line, LogKind defaultKind)
{
    const QString trimmed = line.trimmed();
    for (const Prefix &prefix : kPrefixes) {
        if (trimmed.startsWith(prefix.text, Qt::CaseInsensitive)) {
            const QString rest = trimmed.mid(prefix.text.size()).trimmed();
            if (!rest.isEmpty())
                return {prefix.kind, rest};
        }
    }
    return {defaultKind, trimmed};
}

QString quickEntryHelp()
{
    return QStringLiteral(
        "Prefix picks the kind: o: observation · h: hypothesis · a: or ! action · "
        "r: result · q: or ? question · ask: ask of the customer");
}
