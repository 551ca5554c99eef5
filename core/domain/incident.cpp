#include "domain/incident.h"

#include "domain/enumnames.h"

namespace {
const EnumNames<IncidentStatus> &statusNames()
{
    static const EnumNames<IncidentStatus> names{{
        {IncidentStatus::Reported, QStringLiteral("reported")},
        {IncidentStatus::Acknowledged, QStringLiteral("acknowledged")},
        {IncidentStatus::Investigating, QStringLiteral("investigating")},
        {IncidentStatus::Identified, QStringLiteral("identified")},
        {IncidentStatus::Mitigating, QStringLiteral("mitigating")},
        {IncidentStatus::Monitoring, QStringLiteral("monitoring")},
        {IncidentStatus::Resolved, QStringLiteral("resolved")},
        {IncidentStatus::Closed, QStringLiteral("closed")},
    }};
    return names;
}

const EnumNames<Severity> &severityNames()
{
    static const EnumNames<Severity> names{{
        {Severity::Sev1, QStringLiteral("SEV1")},
        {Severity::Sev2, QStringLiteral("SEV2")},
        {Severity::Sev3, QStringLiteral("SEV3")},
        {Severity::Sev4, QStringLiteral("SEV4")},
    }};
    return names;
}
} // namespace

QString severityName(Severity severity)
{
    return severityNames().name(severity);
}

std::optional<Severity> parseSeverity(QStringView text)
{
    return severityNames().parse(text);
}

QString statusName(IncidentStatus status)
{
    return statusNames().name(status);
}

std::optional<IncidentStatus> parseStatus(QStringView text)
{
    return statusNames().parse(text);
}

const QList<IncidentStatus> &allStatuses()
{
    return statusNames().values();
}

QString Incident::customerContact() const
{
    if (!liaisonName.isEmpty())
        return liaisonName + QStringLiteral(", ") + liaisonPhone;
    if (!inChargeName.isEmpty())
        return inChargeName + QStringLiteral(", ") + inChargePhone;
    return {};
}
