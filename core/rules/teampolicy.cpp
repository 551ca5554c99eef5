#include "rules/teampolicy.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>

namespace {
// Where desktops kept these before the war room did; read once, for the first version.
const QString kLegacySeverityKey = QStringLiteral("severity/rules");
const QString kLegacyCadenceKey = QStringLiteral("briefing/cadence");
const QString kLegacyJargonKey = QStringLiteral("plainLanguage/userJargon");
} // namespace

Outcome TeamPolicy::check() const
{
    if (Outcome usable = severity.check(); !usable)
        return usable;
    if (Outcome usable = cadence.check(); !usable)
        return usable;
    for (auto it = jargon.cbegin(); it != jargon.cend(); ++it) {
        if (it.key().trimmed().isEmpty() || it.value().trimmed().isEmpty())
            return Failure{QStringLiteral("Each jargon term needs its plain words.")};
    }
    return done();
}

QString TeamPolicy::toJson() const
{
    QVariantMap terms;
    for (auto it = jargon.cbegin(); it != jargon.cend(); ++it)
        terms.insert(it.key(), it.value());
    const QJsonObject object{
        {QStringLiteral("severity"), QJsonObject::fromVariantMap(severity.toMap())},
        {QStringLiteral("cadence"), QJsonObject::fromVariantMap(cadence.toMap())},
        {QStringLiteral("jargon"), QJsonObject::fromVariantMap(terms)},
    };
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

Result<TeamPolicy> TeamPolicy::fromJson(const QString &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (!document.isObject())
        return Failure{
            QStringLiteral("The war room's policy cannot be read (%1).").arg(error.errorString())};
    const QJsonObject object = document.object();
    TeamPolicy policy;
    policy.severity =
        SeverityRules::fromMap(object.value(QStringLiteral("severity")).toObject().toVariantMap());
    policy.cadence =
        BriefingCadence::fromMap(object.value(QStringLiteral("cadence")).toObject().toVariantMap());
    const QVariantMap terms = object.value(QStringLiteral("jargon")).toObject().toVariantMap();
    for (auto it = terms.cbegin(); it != terms.cend(); ++it)
        policy.jargon.insert(it.key().toLower(), it.value().toString());
    if (Outcome usable = policy.check(); !usable)
        return Failure{
            QStringLiteral("The war room's policy is not usable: %1").arg(usable.error())};
    return policy;
}

std::optional<TeamPolicy> TeamPolicy::fromDesktopSettings()
{
    const QSettings settings;
    if (!settings.contains(kLegacySeverityKey) && !settings.contains(kLegacyCadenceKey) &&
        !settings.contains(kLegacyJargonKey))
        return std::nullopt;
    TeamPolicy policy;
    const SeverityRules rules = SeverityRules::fromMap(settings.value(kLegacySeverityKey).toMap());
    if (rules.check())
        policy.severity = rules;
    const BriefingCadence cadence =
        BriefingCadence::fromMap(settings.value(kLegacyCadenceKey).toMap());
    if (cadence.check())
        policy.cadence = cadence;
    const QVariantMap terms = settings.value(kLegacyJargonKey).toMap();
    for (auto it = terms.cbegin(); it != terms.cend(); ++it) {
        if (!it.key().trimmed().isEmpty() && !it.value().toString().trimmed().isEmpty())
            policy.jargon.insert(it.key().trimmed().toLower(), it.value().toString().trimmed());
    }
    if (policy.toJson() == TeamPolicy().toJson())
        return std::nullopt;
    return policy;
}
