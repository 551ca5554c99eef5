#include "widgets/askspanel.h"

#include "incidentactions.h"
#include "livewarroom.h"
#include "timeformat.h"
#include "wording.h"

#include <QPushButton>
#include <QTreeWidget>

AsksPanel::AsksPanel(const LiveWarRoom &live, IncidentActions &actions, QWidget *parent)
    : IncidentPanel(live, QStringLiteral("asksPanel"), parent)
{
    setColumns(
        {tr("Asked"), tr("Sent"), tr("Answered"), tr("What we need"), tr("Why only they can")});
    addActionButton(actions.askCustomerAction());
    m_sent = addButton(tr("Mark sent"), QStringLiteral("askSentButton"),
                       [this, &actions] { actions.markAskSent(selectedId()); });
    m_answered = addButton(tr("Record answer…"), QStringLiteral("askAnsweredButton"),
                           [this, &actions] { actions.recordAskAnswer(selectedId()); });
    reloadOn(ChangeTopic::Asks);
}

void AsksPanel::reload()
{
    const qint64 keep = selectedId();
    tree()->clear();
    m_asks.clear();
    if (m_incidentId <= 0)
        return;
    m_asks = m_live.incident().asks;
    int outstanding = 0;
    for (const CustomerAsk &ask : std::as_const(m_asks)) {
        outstanding += ask.isOutstanding();
        QTreeWidgetItem *item = addRow(
            {TimeFormat::clock(ask.createdAt, now()),
             ask.sentAt.isValid() ? TimeFormat::clock(ask.sentAt, now()) : tr("not sent"),
             ask.answeredAt.isValid() ? TimeFormat::clock(ask.answeredAt, now()) : tr("waiting"),
             ask.what, ask.whyOnlyCustomer},
            ask.id);
        if (ask.answeredAt.isValid())
            item->setToolTip(2, ask.answer);
    }
    setSummary(tr("%1 of %2 outstanding. Every ask costs the customer effort.")
                   .arg(outstanding)
                   .arg(countOf(m_asks.size(), tr("ask"), tr("asks"))));
    reselect(keep);
    updateButtons();
}

void AsksPanel::updateButtons()
{
    const qint64 id = selectedId();
    const CustomerAsk *ask = nullptr;
    for (const CustomerAsk &candidate : m_asks) {
        if (candidate.id == id)
            ask = &candidate;
    }
    m_sent->setEnabled(ask && !ask->sentAt.isValid());
    m_answered->setEnabled(ask && ask->isOutstanding());
}
