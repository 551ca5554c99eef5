#include "domain/knownproblem.h"

#include "domain/enumnames.h"

namespace {
const EnumNames<FixStatus> &fixStatusNames()
{
    static const EnumNames<FixStatus> names{{
        {FixStatus::None, QStringLiteral("none")},
        {FixStatus::Planned, QStringLiteral("planned")},
        {FixStatus::Fixed, QStringLiteral("fixed")},
    }};
    return names;
}

const EnumNames<Sighting> &sightingNames()
{
    static const EnumNames<Sighting> names{{
        {Sighting::Suggested, QStringLiteral("suggested")},
        {Sighting::Dismissed, QStringLiteral("dismissed")},
        {Sighting::Linked, QStringLiteral("linked")},
    }};
    return names;
}
} // namespace

QString fixStatusName(FixStatus status)
{
    return fixStatusNames().name(status);
}

std::optional<FixStatus> parseFixStatus(QStringView text)
{
    return fixStatusNames().parse(text);
}

QString sightingName(Sighting sighting)
{
    return sightingNames().name(sighting);
}

std::optional<Sighting> parseSighting(QStringView text)
{
    return sightingNames().parse(text);
}
