#include "rules/resolutionrules.h"

#include "domain/fieldcheck.h"
#include "rules/duetime.h"

Outcome checkActionItem(const NewActionItem &item, const QDateTime &now)
{
    if (auto bad = checkText(QStringLiteral("action item"), item.what, FieldLimit::Sentence))
        return *bad;
    if (auto bad = checkText(QStringLiteral("owner of \"%1\"").arg(item.what.trimmed()), item.owner,
                             FieldLimit::Name))
        return *bad;
    if (!item.due.isValid())
        return Failure{QStringLiteral("Say by when \"%1\" is done.").arg(item.what.trimmed())};
    if (item.due <= now)
        return Failure{QStringLiteral("The due date of \"%1\" must be ahead of now.")
                           .arg(item.what.trimmed())};
    if (item.due > now.addDays(kActionHorizonDays))
        return Failure{QStringLiteral("The due date of \"%1\" is more than a year ahead; plan "
                                      "a nearer step.")
                           .arg(item.what.trimmed())};
    return done();
}

Outcome checkResolutionReport(const NewResolutionReport &report, const QDateTime &now)
{
    if (auto bad =
            checkText(QStringLiteral("name of who resolves it"), report.by, FieldLimit::Name))
        return *bad;
    if (report.cause.trimmed().isEmpty())
        return Failure{QStringLiteral("The resolution report must say what caused the problem.")};
    if (report.done.trimmed().isEmpty())
        return Failure{QStringLiteral("The resolution report must say what was done to solve it.")};
    if (report.remains.isEmpty() && !report.noneRemains)
        return Failure{QStringLiteral("The resolution report must say what else still needs to "
                                      "be done (each with owner and due date), or that nothing "
                                      "does.")};
    if (!report.remains.isEmpty() && report.noneRemains)
        return Failure{QStringLiteral("The report lists work that remains and says nothing "
                                      "remains; say one.")};
    if (!report.fullySolved.has_value())
        return Failure{QStringLiteral("The resolution report must say whether it is fully "
                                      "solved now, or partly.")};
    if (!*report.fullySolved && report.remains.isEmpty())
        return Failure{QStringLiteral("Partly solved: list what remains, each with owner and due "
                                      "date.")};
    if (report.recurrence.trimmed().isEmpty())
        return Failure{QStringLiteral("The resolution report must say whether it can happen "
                                      "again and how to avoid it.")};
    for (const auto &[label, text] :
         {std::pair{QStringLiteral("cause"), report.cause},
          std::pair{QStringLiteral("what was done"), report.done},
          std::pair{QStringLiteral("whether it can happen again"), report.recurrence}}) {
        if (auto bad = checkText(label, text, FieldLimit::Text))
            return *bad;
    }
    for (const NewActionItem &item : report.remains) {
        if (Outcome ok = checkActionItem(item, now); !ok)
            return ok;
    }
    return done();
}

Result<QDateTime> parseActionDue(const QString &text, const QDateTime &now)
{
    const QDate date = QDate::fromString(text.trimmed(), Qt::ISODate);
    if (date.isValid())
        return QDateTime(date, QTime(23, 59), Qt::LocalTime).toUTC();
    return parseDueTime(text.trimmed(), now);
}

Result<NewActionItem> parseActionItem(const QString &text, const QDateTime &now)
{
    const QStringList parts = text.split(u';');
    if (parts.size() != 3)
        return Failure{QStringLiteral("\"%1\" is not WHAT; OWNER; DUE (three parts separated by "
                                      "semicolons).")
                           .arg(text)};
    NewActionItem item;
    item.what = parts.at(0).trimmed();
    item.owner = parts.at(1).trimmed();
    const auto due = parseActionDue(parts.at(2), now);
    if (!due)
        return Failure{QStringLiteral("\"%1\": %2").arg(item.what, due.error())};
    item.due = *due;
    if (Outcome ok = checkActionItem(item, now); !ok)
        return ok.failure();
    return item;
}
