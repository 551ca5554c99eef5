#pragma once

#include <QString>

// "1 open question", "3 open questions": counts read as sentences, without "(s)".
inline QString countOf(qint64 n, const QString &singular, const QString &plural)
{
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? singular : plural);
}
