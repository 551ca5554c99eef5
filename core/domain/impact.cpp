#include "domain/impact.h"

#include <QRegularExpression>

int ImpactAssessment::functionsDown() const
{
    int down = 0;
    for (const AffectedFunction &f : functions)
        down += f.state == FunctionState::Down;
    return down;
}

int ImpactAssessment::functionsDegraded() const
{
    return int(functions.size()) - functionsDown();
}

QString functionStateName(FunctionState state)
{
    return state == FunctionState::Down ? QStringLiteral("down") : QStringLiteral("degraded");
}

QString confidenceName(Confidence confidence)
{
    return confidence == Confidence::Measured ? QStringLiteral("measured")
                                              : QStringLiteral("estimated");
}

std::optional<Confidence> parseConfidence(QStringView text)
{
    if (text.trimmed().compare(u"measured", Qt::CaseInsensitive) == 0)
        return Confidence::Measured;
    if (text.trimmed().compare(u"estimated", Qt::CaseInsensitive) == 0)
        return Confidence::Estimated;
    return std::nullopt;
}

FunctionsParse parseFunctions(const QString &text)
{
    FunctionsParse result;
    static const QRegularExpression separators(QStringLiteral("[,;\\n]"));
    for (const QString &rawItem : text.split(separators, Qt::SkipEmptyParts)) {
        const QString item = rawItem.trimmed();
        if (item.isEmpty())
            continue;
        const qsizetype colon = item.lastIndexOf(u':');
        const QString name = colon > 0 ? item.left(colon).trimmed() : QString();
        const QString state = colon > 0 ? item.mid(colon + 1).trimmed().toLower() : QString();
        if (name.isEmpty() || (state != u"down" && state != u"degraded")) {
            result.error =
                QStringLiteral("\"%1\" needs the form NAME:down or NAME:degraded.").arg(item);
            return result;
        }
        result.functions.append(
            {name, state == u"down" ? FunctionState::Down : FunctionState::Degraded});
    }
    return result;
}

QString formatFunctions(const QList<AffectedFunction> &functions)
{
    QStringList items;
    for (const AffectedFunction &f : functions)
        items << f.name + u':' + functionStateName(f.state);
    return items.join(QStringLiteral(", "));
}
