#include "rules/severitycalibration.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace {
Severity severityAt(int level)
{
    return Severity(std::clamp(level, 1, 4));
}

QString percent(double share)
{
    const double pct = share * 100;
    if (pct > 0 && pct < 0.1)
        return QStringLiteral("under 0.1 %");
    if (pct > 0 && pct < 1)
        return QLocale(QLocale::English).toString(pct, 'f', 1) + QStringLiteral(" %");
    return QString::number(std::lround(pct)) + QStringLiteral(" %");
}

// Estimates are said as "about" with two significant figures; measurements exactly.
QString count(qint64 n, bool estimated)
{
    const QLocale english(QLocale::English);
    if (!estimated || n < 100)
        return english.toString(n);
    const double magnitude = std::pow(10.0, std::floor(std::log10(double(n))) - 1);
    return english.toString(qint64(std::llround(n / magnitude) * magnitude));
}

QString listed(const QStringList &items)
{
    if (items.size() <= 1)
        return items.join(QString());
    return items.mid(0, items.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" and ") +
           items.last();
}
} // namespace

Outcome SeverityRules::check() const
{
    if (!(sev3UserShare > 0 && sev3UserShare < sev2UserShare && sev2UserShare < sev1UserShare &&
          sev1UserShare <= 1))
        return Failure{QStringLiteral("The user shares must rise from SEV3 to SEV1, between 0 and "
                                      "100 %.")};
    if (sev1FunctionsDown < 1 || sev1FunctionsDown > 50)
        return Failure{QStringLiteral("The functions down for SEV1 must be between 1 and 50.")};
    if (!(sev2CostPerHour > 0 && sev2CostPerHour < sev1CostPerHour))
        return Failure{QStringLiteral("The cost per hour for SEV1 must be above that for SEV2, "
                                      "and both above 0.")};
    return done();
}

QVariantMap SeverityRules::toMap() const
{
    return {{QStringLiteral("sev1UserShare"), sev1UserShare},
            {QStringLiteral("sev2UserShare"), sev2UserShare},
            {QStringLiteral("sev3UserShare"), sev3UserShare},
            {QStringLiteral("sev1FunctionsDown"), sev1FunctionsDown},
            {QStringLiteral("sev1CostPerHour"), sev1CostPerHour},
            {QStringLiteral("sev2CostPerHour"), sev2CostPerHour}};
}

SeverityRules SeverityRules::fromMap(const QVariantMap &map)
{
    SeverityRules rules;
    auto read = [&map](const char *key, auto &field) {
        const QVariant value = map.value(QString::fromLatin1(key));
        if (value.isValid())
            field = value.value<std::decay_t<decltype(field)>>();
    };
    read("sev1UserShare", rules.sev1UserShare);
    read("sev2UserShare", rules.sev2UserShare);
    read("sev3UserShare", rules.sev3UserShare);
    read("sev1FunctionsDown", rules.sev1FunctionsDown);
    read("sev1CostPerHour", rules.sev1CostPerHour);
    read("sev2CostPerHour", rules.sev2CostPerHour);
    return rules;
}

Calibration calibrate(const ImpactAssessment &a, const SeverityRules &rules)
{
    const double share = a.userShare();
    const int down = a.functionsDown();
    QStringList why;

    // Scope: how many are hit.
    int level = share >= rules.sev1UserShare   ? 1
                : share >= rules.sev2UserShare ? 2
                : share >= rules.sev3UserShare ? 3
                                               : 4;
    why << QStringLiteral("%1 of users affected").arg(percent(share));
    if (down == 0) {
        // Degradation alone, however wide, is not an all-hands emergency.
        level = std::max(level, 2);
        why << (a.functions.isEmpty() ? QStringLiteral("no business function named")
                                      : QStringLiteral("degraded, nothing down"));
    } else {
        why << QStringLiteral("%1 down").arg(down == 1 ? QStringLiteral("1 function")
                                                       : QStringLiteral("%1 functions").arg(down));
        if (down >= rules.sev1FunctionsDown && level <= 2) {
            level = 1;
        }
    }

    // Scale: who and how much.
    if (a.keyAccount) {
        const int floor = down > 0 ? 2 : 3; // a key account lifts, but never to SEV1 alone
        if (level > floor) {
            level = floor;
            why << QStringLiteral("a key account is hit");
        }
    }
    if (a.costPerHour) {
        const int byCost = *a.costPerHour >= rules.sev1CostPerHour   ? 1
                           : *a.costPerHour >= rules.sev2CostPerHour ? 2
                                                                     : 4;
        if (byCost < level) {
            level = byCost;
            const QString amount = QLocale(QLocale::English).toString(*a.costPerHour, 'f', 0);
            why << QStringLiteral("costs %1%2 per hour")
                       .arg(amount, a.currency.isEmpty() ? QString() : u' ' + a.currency);
        }
    }
    if (a.workaround.value_or(false)) {
        // A workaround takes the edge off an emergency; it does not make a fault minor.
        if (level <= 2) {
            ++level;
            why << QStringLiteral("a workaround exists");
        }
    } else if (a.workaround.has_value()) {
        why << QStringLiteral("no workaround");
    }

    const Severity severity = severityAt(level);
    return {severity, QStringLiteral("%1: %2").arg(severityName(severity), why.join(u"; "))};
}

QString impactSentence(const ImpactAssessment &a)
{
    const bool estimated = a.confidence == Confidence::Estimated;
    // "About 3" reads oddly: a handful of users is counted, not estimated.
    const bool about = estimated && a.affectedUsers >= 10;
    QString sentence =
        QStringLiteral("%1%2 of %3 users (%4)")
            .arg(about ? QStringLiteral("About ") : QString(), count(a.affectedUsers, estimated),
                 count(a.totalUsers, false), percent(a.userShare()));
    QStringList down;
    QStringList degraded;
    for (const AffectedFunction &f : a.functions)
        (f.state == FunctionState::Down ? down : degraded) << f.name;
    QStringList effects;
    if (!down.isEmpty())
        effects << QStringLiteral("cannot use %1").arg(listed(down));
    if (!degraded.isEmpty())
        effects << QStringLiteral("have slow or unreliable %1").arg(listed(degraded));
    sentence +=
        effects.isEmpty() ? QStringLiteral(" are affected") : u' ' + effects.join(u", and ");
    if (!a.regions.isEmpty())
        sentence += QStringLiteral(" in ") + listed(a.regions);
    if (a.workaround.has_value())
        sentence += *a.workaround ? QStringLiteral("; a workaround exists")
                                  : QStringLiteral("; there is no workaround yet");
    return sentence + u'.';
}

QString SeverityStatus::text() const
{
    const QString name = severityName(current);
    if (!assessed)
        return QStringLiteral("%1 (not assessed)").arg(name);
    if (!overridden())
        return QStringLiteral("%1 (assessed)").arg(name);
    if (overrideReason.isEmpty())
        return QStringLiteral("%1 (assessed %2 under the current rules: re-assess or set the "
                              "severity)")
            .arg(name, severityName(*assessed));
    return QStringLiteral("%1 (assessed %2, overridden: %3)")
        .arg(name, severityName(*assessed), overrideReason);
}

std::optional<SeverityChange> overrideInEffect(const QList<SeverityChange> &changes)
{
    if (changes.isEmpty() || !changes.constLast().assessed || !changes.constLast().isOverride())
        return std::nullopt;
    return changes.constLast();
}

SeverityStatus severityStatus(Severity current, const QList<ImpactAssessment> &assessments,
                              const QList<SeverityChange> &changes, const SeverityRules &rules)
{
    SeverityStatus status;
    status.current = current;
    if (!assessments.isEmpty())
        status.assessed = calibrate(assessments.constLast(), rules).severity;
    if (status.overridden()) {
        for (auto it = changes.crbegin(); it != changes.crend(); ++it) {
            if (it->to == current && !it->reason.isEmpty()) {
                status.overrideReason = it->reason;
                break;
            }
        }
    }
    return status;
}
