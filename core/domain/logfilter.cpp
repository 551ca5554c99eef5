#include "domain/logfilter.h"

#include <QStringList>

QString LogFilter::describe() const
{
    if (isEmpty())
        return QStringLiteral("every entry");
    QStringList kindWords;
    for (LogKind kind : kinds)
        kindWords.append(logKindName(kind));
    QStringList parts;
    const QString whose = author.isEmpty() ? QString() : QStringLiteral("by %1").arg(author);
    if (!kindWords.isEmpty() || !whose.isEmpty())
        parts.append(QStringList{kindWords.join(u", "), whose}.join(u' ').trimmed());
    if (peopleOnly)
        parts.append(QStringLiteral("people only"));
    if (pinnedOnly)
        parts.append(QStringLiteral("pinned only"));
    return parts.join(u", ");
}
