#include "rules/cadence.h"

#include "rules/countdown.h"

namespace {

QDateTime nextBusinessDay(const QDateTime &from, int startHour)
{
    QDate day = from.toLocalTime().date().addDays(1);
    while (day.dayOfWeek() > 5)
        day = day.addDays(1);
    return QDateTime(day, QTime(startHour, 0), Qt::LocalTime).toUTC();
}
} // namespace

Outcome BriefingCadence::check() const
{
    for (qint64 secs : {sev1Secs, sev2Secs, sev3Secs}) {
        if (secs < 5 * 60 || secs > 7 * 86400)
            return Failure{QStringLiteral("Each interval must be between 5 minutes and 7 days.")};
    }
    if (!(sev1Secs <= sev2Secs && sev2Secs <= sev3Secs))
        return Failure{QStringLiteral("A more severe incident needs updates at least as often: "
                                      "SEV1 <= SEV2 <= SEV3.")};
    if (businessDayStartHour < 0 || businessDayStartHour > 23)
        return Failure{QStringLiteral("The business day starts at an hour from 0 to 23.")};
    return done();
}

QVariantMap BriefingCadence::toMap() const
{
    return {{QStringLiteral("sev1Secs"), sev1Secs},
            {QStringLiteral("sev2Secs"), sev2Secs},
            {QStringLiteral("sev3Secs"), sev3Secs},
            {QStringLiteral("businessDayStartHour"), businessDayStartHour}};
}

BriefingCadence BriefingCadence::fromMap(const QVariantMap &map)
{
    BriefingCadence c;
    c.sev1Secs = map.value(QStringLiteral("sev1Secs"), c.sev1Secs).toLongLong();
    c.sev2Secs = map.value(QStringLiteral("sev2Secs"), c.sev2Secs).toLongLong();
    c.sev3Secs = map.value(QStringLiteral("sev3Secs"), c.sev3Secs).toLongLong();
    c.businessDayStartHour =
        map.value(QStringLiteral("businessDayStartHour"), c.businessDayStartHour).toInt();
    return c;
}

QDateTime cadenceDue(Severity severity, const QDateTime &from, const BriefingCadence &cadence)
{
    switch (severity) {
    case Severity::Sev1:
        return from.addSecs(cadence.sev1Secs);
    case Severity::Sev2:
        return from.addSecs(cadence.sev2Secs);
    case Severity::Sev3:
        return from.addSecs(cadence.sev3Secs);
    case Severity::Sev4:
        return nextBusinessDay(from, cadence.businessDayStartHour);
    }
    return from;
}

QString cadenceText(Severity severity, const BriefingCadence &cadence)
{
    if (severity == Severity::Sev4)
        return QStringLiteral("next business day at %1:00")
            .arg(cadence.businessDayStartHour, 2, 10, QChar(u'0'));
    const qint64 secs = severity == Severity::Sev1   ? cadence.sev1Secs
                        : severity == Severity::Sev2 ? cadence.sev2Secs
                                                     : cadence.sev3Secs;
    if (secs % 3600 == 0)
        return QStringLiteral("every %1 h").arg(secs / 3600);
    return QStringLiteral("every %1 min").arg(secs / 60);
}

BriefingDue nextBriefingDue(const Incident &incident, const std::optional<Briefing> &last,
                            const BriefingCadence &cadence)
{
    const QDateTime from = last ? last->publishedAt : incident.openedAt;
    BriefingDue due{
        cadenceDue(incident.severity, from, cadence),
        QStringLiteral("%1 cadence: %2")
            .arg(severityName(incident.severity), cadenceText(incident.severity, cadence))};
    if (!last)
        due.why += QStringLiteral(", counted from the opening; no briefing yet");
    if (last && last->nextUpdateAt.isValid() && last->nextUpdateAt < due.due)
        due = {
            last->nextUpdateAt,
            QStringLiteral("promised in briefing #%1: %2").arg(last->seq).arg(last->nextUpdateWhy)};
    return due;
}

bool isFramingStale(const std::optional<Framing> &framing, Severity severity, const QDateTime &now,
                    const BriefingCadence &cadence)
{
    if (!framing)
        return false; // absent is its own warning, not staleness
    return now > cadenceDue(severity, framing->at, cadence);
}
