#include "widgets/deadlinespanel.h"

#include "incidentactions.h"
#include "livewarroom.h"
#include "logactions.h"
#include "models/deadlinesmodel.h"
#include "rules/clock.h"

#include <QPushButton>
#include <QTimer>
#include <QTreeView>

DeadlinesPanel::DeadlinesPanel(const LiveWarRoom &live, IncidentActions &actions, LogActions &log,
                               const Clock &clock, QWidget *parent)
    : IncidentPanel(live, QStringLiteral("deadlinesPanel"), parent, new DeadlinesModel),
      m_clock(clock), m_model(static_cast<DeadlinesModel *>(view()->model()))
{
    addActionButton(actions.commitDeadline());
    m_met = addButton(tr("Met"), QStringLiteral("metButton"),
                      [this, &actions] { actions.markMet(selectedId()); });
    m_supersede = addButton(tr("Supersede…"), QStringLiteral("supersedeButton"),
                            [this, &actions] { actions.supersede(selectedId()); });
    m_confirmed =
        addButton(tr("Theory confirmed"), QStringLiteral("confirmedButton"),
                  [this, &log] { log.settleTheory(selectedId(), TimeboxVerdict::Confirmed); });
    m_dropped = addButton(tr("Theory dropped"), QStringLiteral("droppedButton"), [this, &log] {
        log.settleTheory(selectedId(), TimeboxVerdict::Dropped);
    });
    actions.setSelectedCommitment([this] { return selectedId(); });
    reloadOn(ChangeTopic::Commitments);
    // Open turns into missed as time passes, with no write to announce it.
    auto *everyFewSeconds = new QTimer(this);
    everyFewSeconds->setInterval(15 * 1000);
    everyFewSeconds->start();
    connect(everyFewSeconds, &QTimer::timeout, this, &DeadlinesPanel::tick);
    connect(&m_clock, &Clock::jumped, this, &DeadlinesPanel::tick);
}

void DeadlinesPanel::reload()
{
    const qint64 keep = selectedId();
    m_model->setCommitments(m_incidentId > 0 ? m_live.incident().commitments : QList<Commitment>(),
                            m_clock.now());
    showCounts();
    reselectRow(m_model->rowOf(keep));
    updateButtons();
}

void DeadlinesPanel::tick()
{
    m_model->setNow(m_clock.now());
    showCounts();
    updateButtons(); // a deadline that just passed may no longer be met
}

void DeadlinesPanel::showCounts()
{
    const auto counts = m_model->countsByState();
    setSummary(tr("%1 open · %2 met · %3 missed · %4 superseded")
                   .arg(counts[size_t(CommitmentState::Open)])
                   .arg(counts[size_t(CommitmentState::Met)])
                   .arg(counts[size_t(CommitmentState::Missed)])
                   .arg(counts[size_t(CommitmentState::Superseded)]));
}

const Commitment *DeadlinesPanel::selected() const
{
    return m_model->commitment(selectedId());
}

void DeadlinesPanel::updateButtons()
{
    const Commitment *c = selected();
    const bool outstanding = c && c->isOutstanding();
    const bool timebox = outstanding && c->isTimebox();
    m_met->setEnabled(outstanding && !timebox);
    m_supersede->setEnabled(outstanding);
    m_supersede->setText(timebox ? tr("Extend…") : tr("Supersede…"));
    m_confirmed->setEnabled(timebox);
    m_dropped->setEnabled(timebox);
}
