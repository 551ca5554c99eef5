#include "widgets/questionspanel.h"

#include "livewarroom.h"
#include "logactions.h"
#include "models/questionsmodel.h"
#include "rules/clock.h"
#include "wording.h"

#include <QPushButton>
#include <QTimer>
#include <QTreeView>

QuestionsPanel::QuestionsPanel(const LiveWarRoom &live, LogActions &actions, const Clock &clock,
                               QWidget *parent)
    : IncidentPanel(live, QStringLiteral("questionsPanel"), parent, new QuestionsModel),
      m_clock(clock), m_model(static_cast<QuestionsModel *>(view()->model()))
{
    addActionButton(actions.askTeamAction());
    m_answer = addButton(tr("Answer…"), QStringLiteral("answerButton"),
                         [this, &actions] { actions.answerQuestion(selectedId()); });
    reloadOn(ChangeTopic::Log);
    // How long each has been open grows with no write to announce it.
    auto *everyFewSeconds = new QTimer(this);
    everyFewSeconds->setInterval(15 * 1000);
    everyFewSeconds->start();
    connect(everyFewSeconds, &QTimer::timeout, this, &QuestionsPanel::tick);
    connect(&m_clock, &Clock::jumped, this, &QuestionsPanel::tick);
}

void QuestionsPanel::reload()
{
    const qint64 keep = selectedId();
    const QList<LogEntry> questions =
        m_incidentId > 0 ? m_live.incident().openQuestions : QList<LogEntry>();
    m_model->setQuestions(questions, m_clock.now());
    setSummary(questions.isEmpty() ? tr("No open questions.")
                                   : tr("%1: each stays here until answered.")
                                         .arg(countOf(questions.size(), tr("open question"),
                                                      tr("open questions"))));
    reselectRow(m_model->rowOf(keep));
    updateButtons();
}

void QuestionsPanel::tick()
{
    m_model->setNow(m_clock.now());
}

void QuestionsPanel::updateButtons()
{
    m_answer->setEnabled(selectedId() > 0);
}
