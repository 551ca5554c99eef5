#include "domain/incident.h"

#include "domain/enumnames.h"
#include "domain/fieldcheck.h"
#include "domain/zonedtime.h"

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

QTimeZone Incident::customerZone() const
{
    return ZonedTime::zoneOrUtc(customerTimeZone);
}

QString Incident::customerContact() const
{
    if (!liaisonName.isEmpty())
        return liaisonName + QStringLiteral(", ") + liaisonPhone;
    if (!inChargeName.isEmpty())
        return inChargeName + QStringLiteral(", ") + inChargePhone;
    return {};
}

QStringList NewIncident::problems() const
{
    QStringList found;
    const auto note = [&found](const std::optional<Failure> &bad) {
        if (bad)
            found << bad->message;
    };
    note(checkText(QStringLiteral("title"), title, FieldLimit::Title));
    note(checkText(QStringLiteral("customer"), customer, FieldLimit::Title));
    note(checkText(QStringLiteral("problem statement"), problemStatement, FieldLimit::Text, false));
    const bool hasName = !inChargeName.trimmed().isEmpty();
    const bool hasPhone = !inChargePhone.trimmed().isEmpty();
    if (hasName != hasPhone)
        found << QStringLiteral("The person in charge needs both a name and a phone number, so "
                                "that anyone can reach them.");
    if (hasName)
        note(checkText(QStringLiteral("name of the person in charge"), inChargeName,
                       FieldLimit::Name));
    if (hasPhone)
        note(checkPhone(inChargePhone.trimmed()));
    note(ZonedTime::checkTimeZone(customerTimeZone));
    return found;
}
