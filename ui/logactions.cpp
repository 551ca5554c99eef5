#include "logactions.h"

#include "dialogs/formdialog.h"
#include "dialogs/modalhook.h"
#include "timeformat.h"
#include "usecases/queuedwrite.h"
#include "windowaction.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>

LogActions::LogActions(LiveWarRoom &live, const Clock &clock, QWidget *dialogParent)
    : QObject(dialogParent), m_writer(live, dialogParent), m_clock(clock)
{
    m_timeboxTheory = makeWindowAction(
        this, tr("&Timebox theory…"), QStringLiteral("timeboxTheoryAction"),
        [this] { timeboxSelected(); }, QKeySequence(tr("Ctrl+T")));
    m_askTeam = makeWindowAction(
        this, tr("Ask the &team…"), QStringLiteral("askTeamAction"), [this] { askTeam(); },
        QKeySequence(tr("Ctrl+Shift+T")));
    setIncident(0);
}

void LogActions::setIncident(qint64 incidentId)
{
    m_incidentId = incidentId;
    m_timeboxTheory->setEnabled(incidentId > 0);
    m_askTeam->setEnabled(incidentId > 0);
}

void LogActions::setSelectedEntry(std::function<std::optional<LogEntry>()> selected)
{
    m_selectedEntry = std::move(selected);
}

void LogActions::settleTheory(qint64 timeboxId, TimeboxVerdict verdict)
{
    if (const auto by = m_writer.who())
        m_writer.write([timeboxId, verdict, by = *by](IncidentStore &store) {
            return store.settleTheory(timeboxId, verdict, by);
        });
}

void LogActions::timeboxSelected()
{
    const std::optional<LogEntry> selected = m_selectedEntry ? m_selectedEntry() : std::nullopt;
    if (!selected || selected->kind != LogKind::Hypothesis) {
        ModalHook::showError(m_writer.dialogParent(), tr("Timebox a theory"),
                             tr("Select a hypothesis in the technical log first."));
        return;
    }
    timeboxTheory(*selected);
}

void LogActions::timeboxTheory(const LogEntry &theory)
{
    const auto by = m_writer.who();
    if (!by)
        return;
    const qint64 hypothesisEntryId = theory.id;
    FormDialog form(
        tr("Timebox a theory"),
        tr("Theory: %1\nWhen the time is up it is confirmed or dropped.").arg(theory.text),
        m_writer.dialogParent());
    form.addDue(QStringLiteral("due"), tr("Confirm or drop &by:"), m_clock, QStringLiteral("+15m"));
    form.addLine(QStringLiteral("why"), tr("&Why this long:"), {},
                 tr("e.g. one test run takes ten minutes"));
    form.setSend(tr("Timebox"),
                 [this, by, hypothesisEntryId](const FormDialog &f, FormDialog::Answer answered) {
                     const auto due = f.due(QStringLiteral("due"));
                     if (!due)
                         return answered(due.failure());
                     m_writer.write(
                         [hypothesisEntryId, due = *due, why = f.text(QStringLiteral("why")),
                          by = *by](IncidentStore &store) {
                             return store.timeboxTheory(hypothesisEntryId, due, why, by);
                         },
                         answered);
                 });
    ModalHook::exec(form);
}

bool LogActions::askTeam(const QString &question)
{
    const auto by = m_writer.who();
    if (!by)
        return false;
    FormDialog form(tr("Ask the team"),
                    tr("A gap in understanding. It stays in the open questions until answered."),
                    m_writer.dialogParent());
    form.addLine(QStringLiteral("question"), tr("&Question:"), question);
    form.addLine(QStringLiteral("to"), tr("&To whom:"), {}, tr("a person or team; empty: anyone"));
    form.setSend(tr("Ask"), [this, by](const FormDialog &f, FormDialog::Answer answered) {
        const NewLogEntry entry{m_incidentId,
                                *by,
                                LogKind::Question,
                                f.text(QStringLiteral("question")),
                                0,
                                f.text(QStringLiteral("to"))};
        m_writer.writeOrKeep(QueuedWrite::logEntry(entry), answered);
    });
    return ModalHook::exec(form) == QDialog::Accepted;
}

void LogActions::answerQuestion(qint64 questionEntryId)
{
    const auto by = m_writer.who();
    if (!by)
        return;
    const QList<LogEntry> &open = m_writer.live().incident().openQuestions;
    const auto question = std::find_if(open.cbegin(), open.cend(),
                                       [&](const LogEntry &q) { return q.id == questionEntryId; });
    if (question == open.cend())
        return m_writer.report(Failure{tr("That question is answered already.")});
    FormDialog form(tr("Answer"), tr("Question: %1").arg(question->text), m_writer.dialogParent());
    form.addText(QStringLiteral("answer"), tr("&Answer:"));
    form.setSend(tr("Record answer"), [this, by, questionEntryId](const FormDialog &f,
                                                                  FormDialog::Answer answered) {
        m_writer.write(
            [questionEntryId, answer = f.text(QStringLiteral("answer")), by = *by](
                IncidentStore &store) { return store.answerQuestion(questionEntryId, answer, by); },
            answered);
    });
    ModalHook::exec(form);
}

void LogActions::correctEntry(const LogEntry &original)
{
    const auto by = m_writer.who();
    if (!by)
        return;
    FormDialog form(tr("Correct an entry"),
                    tr("Nothing in the log is rewritten: the original stays, marked as corrected, "
                       "and your correction is added as a new entry."),
                    m_writer.dialogParent());
    form.addText(QStringLiteral("text"), tr("&What is right:"), original.text);
    form.setSend(tr("Add correction"), [this, by, original](const FormDialog &f,
                                                            FormDialog::Answer answered) {
        const QString text = f.text(QStringLiteral("text"));
        if (text.trimmed() == original.text.trimmed())
            return answered(Failure{tr("The text is unchanged: say what is right.")});
        m_writer.writeOrKeep(
            QueuedWrite::logEntry({m_incidentId, *by, original.kind, text, original.id}), answered);
    });
    ModalHook::exec(form);
}

void LogActions::pinEntry(const LogEntry &entry, bool pinned)
{
    const auto by = m_writer.who();
    if (!by)
        return;
    m_writer.write([id = entry.id, pinned, by = *by](IncidentStore &store) {
        return store.pinLogEntry(id, pinned, by);
    });
}

void LogActions::copyEntry(const LogEntry &entry)
{
    QGuiApplication::clipboard()->setText(
        QStringLiteral("%1 %2 (%3): %4")
            .arg(TimeFormat::full(entry.at), entry.author, logKindName(entry.kind), entry.text));
}
