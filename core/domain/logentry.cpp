#include "domain/logentry.h"

#include "domain/enumnames.h"

namespace {
const EnumNames<LogKind> &kindNames()
{
    static const EnumNames<LogKind> names{{
        {LogKind::Observation, QStringLiteral("observation")},
        {LogKind::Hypothesis, QStringLiteral("hypothesis")},
        {LogKind::Action, QStringLiteral("action")},
        {LogKind::Result, QStringLiteral("result")},
        {LogKind::Question, QStringLiteral("question")},
        {LogKind::Ask, QStringLiteral("ask")},
        {LogKind::Answer, QStringLiteral("answer")},
        {LogKind::Event, QStringLiteral("event")},
    }};
    return names;
}
} // namespace

QString logKindName(LogKind kind)
{
    return kindNames().name(kind);
}

std::optional<LogKind> parseLogKind(QStringView text)
{
    return kindNames().parse(text);
}

const QList<LogKind> &allLogKinds()
{
    return kindNames().values();
}

QStringList logKindNames()
{
    return kindNames().names();
}
