#include "rules/duetime.h"

#include <QRegularExpression>
#include <QTime>

std::optional<Failure> checkHorizon(const QDateTime &when, const QDateTime &now,
                                    const QString &what)
{
    if (!when.isValid())
        return Failure{QStringLiteral("The %1 needs a time.").arg(what)};
    if (when <= now)
        return Failure{
            QStringLiteral("The %1 has already passed; it must be ahead of now.").arg(what)};
    if (when > now.addDays(kHorizonDays))
        return Failure{QStringLiteral("The %1 is more than %2 days ahead; promise the next step, "
                                      "not a distant one.")
                           .arg(what)
                           .arg(kHorizonDays)};
    return std::nullopt;
}

std::optional<qint64> spanSeconds(const QRegularExpressionMatch &match, qint64 mostSeconds)
{
    const qint64 unitSeconds[] = {86400, 3600, 60, 1};
    qint64 seconds = 0;
    for (int part = 0; part < 4; ++part) {
        const QString digits = match.captured(part + 1);
        if (digits.isEmpty())
            continue;
        bool ok = false;
        const qint64 value = digits.size() > 9 ? -1 : digits.toLongLong(&ok);
        if (!ok || value < 0 || value > mostSeconds / unitSeconds[part])
            return std::nullopt;
        seconds += value * unitSeconds[part];
    }
    if (seconds > mostSeconds)
        return std::nullopt;
    return seconds;
}

Result<QDateTime> parseDueTime(const QString &text, const QDateTime &now)
{
    const QString input = text.trimmed();
    const Failure unreadable{QStringLiteral("\"%1\" is not a time: use +25m, +2h, 14:30 or "
                                            "2026-11-23T14:30.")
                                 .arg(input)};
    if (input.isEmpty())
        return Failure{QStringLiteral("A due time is required.")};

    if (input.startsWith(u'+')) {
        static const QRegularExpression relative(
            QStringLiteral("^\\+(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m(?:in)?)?(?:(\\d+)s)?$"),
            QRegularExpression::CaseInsensitiveOption);
        const auto match = relative.match(input);
        if (!match.hasMatch() || input.size() < 3)
            return unreadable;
        const std::optional<qint64> span = spanSeconds(match, kHorizonDays * 86400);
        if (!span)
            return Failure{QStringLiteral("\"%1\" is more than %2 days ahead; promise the "
                                          "next step, not a distant one.")
                               .arg(input)
                               .arg(kHorizonDays)};
        const qint64 seconds = *span;
        if (seconds <= 0)
            return Failure{QStringLiteral("\"%1\" is not a time ahead of now.").arg(input)};
        if (auto far = checkHorizon(now.addSecs(seconds), now, QStringLiteral("time")))
            return *far;
        return now.addSecs(seconds);
    }

    const QTime clock = QTime::fromString(input, QStringLiteral("H:mm"));
    if (clock.isValid()) {
        QDateTime local = now.toLocalTime();
        QDateTime due(local.date(), clock, Qt::LocalTime);
        if (due <= local)
            due = due.addDays(1);
        return due.toUTC();
    }

    QDateTime iso = QDateTime::fromString(input, Qt::ISODate);
    if (!iso.isValid())
        iso = QDateTime::fromString(input, Qt::ISODateWithMs);
    if (!iso.isValid())
        return unreadable;
    // A past time is the caller's to refuse (it says what it is for); a far one is refused here.
    if (iso.toUTC() > now.addDays(kHorizonDays))
        return Failure{QStringLiteral("\"%1\" is more than %2 days ahead; promise the next step, "
                                      "not a distant one.")
                           .arg(input)
                           .arg(kHorizonDays)};
    return iso.toUTC();
}
