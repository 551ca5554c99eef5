#include "rules/logtime.h"

#include "rules/duetime.h"

#include <QRegularExpression>
#include <QTime>

namespace {
// Far enough back for any incident, short enough that "-99999999h" cannot wrap around.
constexpr qint64 kLongestLookBackSecs = qint64(10) * 366 * 86400;

QTime clockTime(const QString &text)
{
    for (const QString &format : {QStringLiteral("H:mm"), QStringLiteral("H:mm:ss")}) {
        const QTime time = QTime::fromString(text, format);
        if (time.isValid())
            return time;
    }
    return {};
}

Result<QDateTime> backFromNow(const QRegularExpressionMatch &match, const QString &input,
                              const QDateTime &now)
{
    const std::optional<qint64> seconds = spanSeconds(match, kLongestLookBackSecs);
    if (!seconds)
        return Failure{QStringLiteral("\"%1\" is further back than any incident.").arg(input)};
    return now.addSecs(-*seconds).toUTC();
}
} // namespace

Result<QDateTime> parseLogTime(const QString &text, const QDateTime &now)
{
    const QString input = text.trimmed().toLower();
    if (input.isEmpty())
        return Failure{QStringLiteral("Type a time to go to, such as 14:30 or -2h.")};
    const Failure unreadable{
        QStringLiteral("\"%1\" is not a time: use 14:30, yesterday 23:10, -25m, 2h ago or "
                       "2026-11-23T14:30.")
            .arg(text.trimmed())};

    // "-1h30m", "1h30m ago", "25 min ago": back from now.
    static const QString parts = QStringLiteral(
        "(?:(\\d+)\\s*d(?:ays?)?)?\\s*(?:(\\d+)\\s*h(?:ours?|rs?)?)?\\s*"
        "(?:(\\d+)\\s*m(?:in(?:utes?|s)?)?)?\\s*(?:(\\d+)\\s*s(?:ec(?:onds?|s)?)?)?");
    static const QRegularExpression minus(QStringLiteral("^-\\s*%1$").arg(parts));
    static const QRegularExpression ago(QStringLiteral("^%1\\s+ago$").arg(parts));
    for (const QRegularExpression *back : {&minus, &ago}) {
        const auto match = back->match(input);
        if (!match.hasMatch())
            continue;
        for (int part = 1; part <= 4; ++part) {
            if (!match.captured(part).isEmpty())
                return backFromNow(match, text.trimmed(), now);
        }
        return unreadable; // "-" or "ago" alone
    }

    const QDateTime local = now.toLocalTime();
    // "14:30": the latest 14:30 that has been; "yesterday 14:30": the one before today's.
    static const QRegularExpression yesterday(QStringLiteral("^yesterday\\s+(\\S+)$"));
    const auto dayBefore = yesterday.match(input);
    const QTime clock = clockTime(dayBefore.hasMatch() ? dayBefore.captured(1) : input);
    if (clock.isValid()) {
        QDateTime at(local.date(), clock, Qt::LocalTime);
        if (dayBefore.hasMatch())
            at = QDateTime(local.date().addDays(-1), clock, Qt::LocalTime);
        else if (at > local)
            at = at.addDays(-1);
        return at.toUTC();
    }
    if (dayBefore.hasMatch())
        return unreadable;

    QDateTime at = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
    if (!at.isValid()) {
        const QDate date = QDate::fromString(text.trimmed(), Qt::ISODate);
        if (!date.isValid())
            return unreadable;
        at = QDateTime(date, QTime(0, 0), Qt::LocalTime);
    }
    if (at.toUTC() > now.toUTC())
        return Failure{QStringLiteral("\"%1\" has not happened yet: the log holds only what has.")
                           .arg(text.trimmed())};
    if (at.toUTC() < now.toUTC().addSecs(-kLongestLookBackSecs))
        return Failure{
            QStringLiteral("\"%1\" is further back than any incident.").arg(text.trimmed())};
    return at.toUTC();
}
