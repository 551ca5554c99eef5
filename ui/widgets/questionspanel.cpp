#include "widgets/questionspanel.h"

#include "livewarroom.h"
#include "logactions.h"
#include "rules/clock.h"
#include "rules/countdown.h"
#include "timeformat.h"
#include "wording.h"

#include <QPushButton>
#include <QTreeWidget>

QuestionsPanel::QuestionsPanel(const LiveWarRoom &live, LogActions &actions, const Clock &clock,
                               QWidget *parent)
    : IncidentPanel(live, QStringLiteral("questionsPanel"), parent), m_clock(clock)
{
    setColumns({tr("Asked"), tr("Open for"), tr("Question"), tr("By"), tr("To")});
    addActionButton(actions.askTeamAction());
    m_answer = addButton(tr("Answer…"), QStringLiteral("answerButton"),
                         [this, &actions] { actions.answerQuestion(selectedId()); });
    reloadOn(ChangeTopic::Log);
}

void QuestionsPanel::reload()
{
    const qint64 keep = selectedId();
    tree()->clear();
    if (m_incidentId <= 0)
        return;
    const QList<LogEntry> *questions = &m_live.incident().openQuestions;
    const QDateTime now = m_clock.now();
    for (const LogEntry &q : *questions) {
        addRow({TimeFormat::clock(q.at, now), formatDuration(q.at.secsTo(now)), q.text, q.author,
                q.addressee.isEmpty() ? tr("anyone") : q.addressee},
               q.id);
    }
    setSummary(questions->isEmpty() ? tr("No open questions.")
                                    : tr("%1: each stays here until answered.")
                                          .arg(countOf(questions->size(), tr("open question"),
                                                       tr("open questions"))));
    reselect(keep);
    updateButtons();
}

void QuestionsPanel::updateButtons()
{
    m_answer->setEnabled(selectedId() > 0);
}
