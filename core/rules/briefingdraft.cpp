#include "rules/briefingdraft.h"

Briefing briefingAsPublished(const NewBriefing &draft, const Incident &incident,
                             const QList<Commitment> &commitments, const QList<CustomerAsk> &asks,
                             const QList<SolutionOption> &options, const QDateTime &now)
{
    Briefing b;
    b.incidentId = draft.incidentId;
    b.publishedAt = now;
    b.author = draft.author.trimmed();
    b.headline = draft.headline.trimmed();
    b.impact = draft.impact.trimmed();
    b.doing = draft.doing.trimmed();
    b.changed = draft.changed.trimmed();
    b.nextUpdateAt = draft.nextUpdateAt;
    b.nextUpdateWhy = draft.nextUpdateWhy.trimmed();
    b.correctsId = draft.correctsId;
    for (const Commitment &c : commitments) {
        if (c.isPromisedToCustomer(now))
            b.commitments.append({c.what, c.owner, c.due, c.why});
    }
    for (const CustomerAsk &a : asks) {
        if (a.isOutstanding())
            b.asks.append({a.what, a.whyOnlyCustomer});
    }
    for (const SolutionOption &o : options)
        b.options.append({o.title, o.pros, o.cons, o.isChosen(), o.chosenWhy});
    b.publishedStatus = statusName(incident.status);
    b.publishedSeverity = severityName(incident.severity);
    b.publishedInCharge =
        incident.inChargeName.isEmpty()
            ? QString()
            : incident.inChargeName + QStringLiteral(", ") + incident.inChargePhone;
    b.publishedContact = incident.customerContact();
    return b;
}
