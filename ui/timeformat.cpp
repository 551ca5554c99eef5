#include "timeformat.h"

namespace TimeFormat {
QString clock(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("HH:mm")) : QString();
}

QString clockSeconds(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("HH:mm:ss")) : QString();
}

QString full(const QDateTime &time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("ddd d MMM HH:mm"))
                          : QString();
}
} // namespace TimeFormat
