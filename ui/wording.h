#pragma once

#include <QRegularExpression>
#include <QString>

// "Commit &deadline…" as read aloud: "Commit deadline…" ("&&" stays one "&").
inline QString withoutMnemonic(QString text)
{
    static const QRegularExpression marker(QStringLiteral("&(?!&)"));
    return text.remove(marker);
}

// "1 open question", "3 open questions": counts read as sentences, without "(s)".
inline QString countOf(qint64 n, const QString &singular, const QString &plural)
{
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? singular : plural);
}
