#include "domain/actionitem.h"

#include "domain/enumnames.h"

namespace {
const EnumNames<ActionSource> &sourceNames()
{
    static const EnumNames<ActionSource> names{{
        {ActionSource::ResolutionReport, QStringLiteral("report")},
        {ActionSource::Debrief, QStringLiteral("debrief")},
    }};
    return names;
}
} // namespace

QString actionSourceName(ActionSource source)
{
    return sourceNames().name(source);
}

std::optional<ActionSource> parseActionSource(QStringView text)
{
    return sourceNames().parse(text);
}
