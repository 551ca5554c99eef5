#include "widgets/deadlinespanel.h"

#include "colors.h"
#include "incidentactions.h"
#include "livewarroom.h"
#include "logactions.h"
#include "rules/clock.h"
#include "rules/countdown.h"
#include "rules/timebox.h"
#include "timeformat.h"
#include "wording.h"

#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>

#include <algorithm>

DeadlinesPanel::DeadlinesPanel(const LiveWarRoom &live, IncidentActions &actions, LogActions &log,
                               const Clock &clock, QWidget *parent)
    : IncidentPanel(live, QStringLiteral("deadlinesPanel"), parent), m_clock(clock)
{
    setColumns({tr("Due"), tr("State"), tr("Next step"), tr("Owner"), tr("Why this time")});
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
    auto *tick = new QTimer(this);
    tick->setInterval(15 * 1000);
    tick->start();
    connect(tick, &QTimer::timeout, this, &DeadlinesPanel::refresh);
    connect(&m_clock, &Clock::jumped, this, &DeadlinesPanel::refresh);
}

void DeadlinesPanel::reload()
{
    const qint64 keep = selectedId();
    tree()->clear();
    m_commitments.clear();
    if (m_incidentId <= 0)
        return;
    const QList<Commitment> *commitments = &m_live.incident().commitments;
    m_commitments = *commitments;
    const QDateTime now = m_clock.now();
    // Outstanding first (soonest on top), then the ended ones, latest first.
    std::stable_sort(m_commitments.begin(), m_commitments.end(),
                     [](const Commitment &a, const Commitment &b) {
                         if (a.isOutstanding() != b.isOutstanding())
                             return a.isOutstanding();
                         return a.isOutstanding() ? a.due < b.due : a.due > b.due;
                     });
    int counts[4] = {0, 0, 0, 0};
    for (const Commitment &c : std::as_const(m_commitments)) {
        const CommitmentState state = c.stateAt(now);
        ++counts[int(state)];
        QString stateText = commitmentStateName(state);
        if (c.outcome && c.outcome->verdict != TimeboxVerdict::None)
            stateText = c.outcome->verdict == TimeboxVerdict::Confirmed ? tr("theory confirmed")
                                                                        : tr("theory dropped");
        else if (state == CommitmentState::Open)
            stateText = tr("open, %1 left").arg(formatDuration(now.secsTo(c.due)));
        if (c.isTimebox()) {
            const int extensions = timeboxExtensions(*commitments, c.hypothesisEntryId);
            if (extensions > 0)
                stateText += tr(" · extended %1×").arg(extensions);
        }
        QTreeWidgetItem *item =
            addRow({TimeFormat::clock(c.due, now), stateText, c.what, c.owner, c.why}, c.id);
        QColor color;
        switch (state) {
        case CommitmentState::Missed:
            color = WarroomColors::alarm();
            break;
        case CommitmentState::Met:
            color = WarroomColors::onTrack();
            break;
        case CommitmentState::Superseded:
            color = palette().color(QPalette::PlaceholderText);
            break;
        case CommitmentState::Open:
            if (now.secsTo(c.due) < kSoonThresholdSecs)
                color = QColor(0xb2, 0x6a, 0x00);
            break;
        }
        if (color.isValid()) {
            item->setForeground(0, color);
            item->setForeground(1, color);
        }
        if (c.isOutstanding()) {
            QFont bold = item->font(2);
            bold.setBold(true);
            item->setFont(2, bold);
        }
    }
    setSummary(tr("%1 open · %2 met · %3 missed · %4 superseded")
                   .arg(counts[int(CommitmentState::Open)])
                   .arg(counts[int(CommitmentState::Met)])
                   .arg(counts[int(CommitmentState::Missed)])
                   .arg(counts[int(CommitmentState::Superseded)]));
    reselect(keep);
    updateButtons();
}

const Commitment *DeadlinesPanel::selected() const
{
    const qint64 id = selectedId();
    for (const Commitment &c : m_commitments) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
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
