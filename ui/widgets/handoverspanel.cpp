#include "widgets/handoverspanel.h"

#include "incidentactions.h"
#include "livewarroom.h"
#include "timeformat.h"
#include "wording.h"

#include <QTreeWidget>

HandoversPanel::HandoversPanel(const LiveWarRoom &live, IncidentActions &actions, QWidget *parent)
    : IncidentPanel(live, QStringLiteral("handoversPanel"), parent)
{
    setColumns({tr("When"), tr("Role"), tr("From"), tr("To"), tr("Phone"), tr("Handover note")});
    addActionButton(actions.handOverAction());
    addActionButton(actions.handOverLiaisonAction());
    reloadOn(ChangeTopic::Handovers);
    reloadOn(ChangeTopic::Incidents);
}

void HandoversPanel::reload()
{
    tree()->clear();
    if (m_incidentId <= 0)
        return;
    const Incident *incident = &m_live.incident().incident;
    const QList<Handover> *handovers = &m_live.incident().handovers;
    for (auto it = handovers->crbegin(); it != handovers->crend(); ++it)
        addRow({TimeFormat::clock(it->at, now()),
                it->role == Role::Liaison ? tr("Business liaison") : tr("In charge"), it->fromName,
                it->toName, it->toPhone, it->note},
               it->id);
    const QString inCharge = incident->inChargeName.isEmpty()
                                 ? tr("Nobody is in charge.")
                                 : tr("In charge: %1, %2, since %3.")
                                       .arg(incident->inChargeName, incident->inChargePhone,
                                            TimeFormat::full(incident->inChargeSince));
    const QString liaison = incident->liaisonName.isEmpty()
                                ? tr("No business liaison named.")
                                : tr("Business liaison: %1, %2, since %3.")
                                      .arg(incident->liaisonName, incident->liaisonPhone,
                                           TimeFormat::full(incident->liaisonSince));
    setSummary(
        QStringLiteral("%1 %2 %3.")
            .arg(inCharge, liaison, countOf(handovers->size(), tr("handover"), tr("handovers"))));
}
