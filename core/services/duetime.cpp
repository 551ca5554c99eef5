#include "services/duetime.h"

#include <QRegularExpression>
#include <QTime>

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
        const qint64 seconds = match.captured(1).toLongLong() * 86400 +
                               match.captured(2).toLongLong() * 3600 +
                               match.captured(3).toLongLong() * 60 + match.captured(4).toLongLong();
        if (seconds <= 0 || seconds > 366LL * 86400)
            return Failure{QStringLiteral("\"%1\" is not a sensible time from now.").arg(input)};
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
    return iso.toUTC();
}
