#include "incidentactions.h"

#include "dialogs/briefingcomposer.h"
#include "dialogs/formdialog.h"
#include "dialogs/modalhook.h"
#include "domain/zonedtime.h"
#include "export/briefingpdf.h"
#include "livewarroom.h"
#include "rules/clock.h"
#include "rules/countdown.h"
#include "rules/severitycalibration.h"
#include "rules/statusrules.h"
#include "rules/timebox.h"
#include "timeformat.h"
#include "usecases/queuedwrite.h"
#include "useridentity.h"
#include "widgets/timezonefield.h"
#include "windowaction.h"
#include "wording.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLocale>
#include <QRegularExpression>

IncidentActions::IncidentActions(LiveWarRoom &live, const Clock &clock, QWidget *dialogParent)
    : QObject(dialogParent), m_writer(live, dialogParent), m_live(live), m_clock(clock),
      m_dialogParent(dialogParent)
{
    m_commitDeadline = makeWindowAction(
        this, tr("Commit &deadline…"), QStringLiteral("commitDeadlineAction"),
        [this] { commitNew(); }, QKeySequence(tr("Ctrl+D")));
    m_handOver = makeWindowAction(
        this, tr("&Hand over…"), QStringLiteral("handOverAction"),
        [this] { handOver(Role::InCharge); }, QKeySequence(tr("Ctrl+Shift+H")));
    m_handOverLiaison =
        makeWindowAction(this, tr("Business &liaison…"), QStringLiteral("handOverLiaisonAction"),
                         [this] { handOver(Role::Liaison); });
    m_customerZone =
        makeWindowAction(this, tr("Customer's time &zone…"), QStringLiteral("customerZoneAction"),
                         [this] { setCustomerZone(); });
    m_frame = makeWindowAction(
        this, tr("&Frame…"), QStringLiteral("frameAction"), [this] { frame(); },
        QKeySequence(tr("Ctrl+Shift+F")));
    m_confirmFraming =
        makeWindowAction(this, tr("Confirm &objective unchanged"),
                         QStringLiteral("confirmFramingAction"), [this] { confirmFraming(); });
    m_restateProblem =
        makeWindowAction(this, tr("&Restate problem…"), QStringLiteral("restateProblemAction"),
                         [this] { restateProblem(); });
    m_confirmProblem =
        makeWindowAction(this, tr("Customer &confirmed the problem…"),
                         QStringLiteral("confirmProblemAction"), [this] { confirmProblem(); });
    m_askCustomer = makeWindowAction(
        this, tr("Ask the c&ustomer…"), QStringLiteral("askCustomerAction"),
        [this] { askCustomer(); }, QKeySequence(tr("Ctrl+Shift+A")));
    m_changeStatus = makeWindowAction(
        this, tr("Change &status…"), QStringLiteral("changeStatusAction"),
        [this] { changeStatus(); }, QKeySequence(tr("Ctrl+Shift+S")));
    m_assessImpact = makeWindowAction(
        this, tr("Assess &impact…"), QStringLiteral("assessImpactAction"),
        [this] { assessImpact(); }, QKeySequence(tr("Ctrl+I")));
    m_setSeverity = makeWindowAction(
        this, tr("Set se&verity…"), QStringLiteral("setSeverityAction"), [this] { setSeverity(); });
    m_newBriefing = makeWindowAction(
        this, tr("New &briefing…"), QStringLiteral("newBriefingAction"),
        [this] { composeBriefing(); }, QKeySequence(tr("Ctrl+B")));
    m_addOption = makeWindowAction(this, tr("Add solution &option…"),
                                   QStringLiteral("addOptionAction"), [this] { addOption(); });
    const auto atHand = [this](void (IncidentActions::*act)(qint64)) {
        return [this, act] {
            if (const auto id = deadlineAtHand())
                (this->*act)(*id);
            else
                m_writer.report(Failure{tr("No open deadline: commit one first.")});
        };
    };
    m_markMet = makeWindowAction(this, tr("Mark deadline &met"), QStringLiteral("markMetAction"),
                                 atHand(&IncidentActions::markMet), QKeySequence(tr("Ctrl+M")));
    m_supersede =
        makeWindowAction(this, tr("Su&persede deadline…"), QStringLiteral("supersedeAction"),
                         atHand(&IncidentActions::supersede), QKeySequence(tr("Ctrl+Shift+D")));
    m_exportPdf = makeWindowAction(
        this, tr("&Export briefings as PDF…"), QStringLiteral("exportPdfAction"),
        [this] { exportBriefings({}); }, QKeySequence(tr("Ctrl+E")));
    setIncident(0);
}

QList<QAction *> IncidentActions::all() const
{
    return {m_commitDeadline, m_handOver,       m_handOverLiaison, m_customerZone, m_frame,
            m_confirmFraming, m_restateProblem, m_confirmProblem,  m_askCustomer,  m_changeStatus,
            m_assessImpact,   m_setSeverity,    m_newBriefing,     m_addOption,    m_markMet,
            m_supersede,      m_exportPdf};
}

void IncidentActions::setIncident(qint64 incidentId)
{
    m_incidentId = incidentId;
    for (QAction *action : all())
        action->setEnabled(incidentId > 0);
}

void IncidentActions::setSelectedCommitment(std::function<qint64()> selected)
{
    m_selectedCommitment = std::move(selected);
}

std::optional<qint64> IncidentActions::deadlineAtHand() const
{
    const QList<Commitment> &all = m_live.incident().commitments;
    const qint64 chosen = m_selectedCommitment ? m_selectedCommitment() : 0;
    for (const Commitment &c : all) {
        if (c.id == chosen && c.isOutstanding())
            return c.id;
    }
    if (const auto next = earliestOutstanding(all))
        return next->id;
    return std::nullopt;
}

void IncidentActions::commitNew()
{
    const auto by = m_writer.who();
    if (!by)
        return;
    FormDialog form(tr("Commit a deadline"),
                    tr("A written deadline for the next step. Once committed it cannot be edited: "
                       "it is met, missed, or superseded with a reason."),
                    m_dialogParent);
    form.addLine(QStringLiteral("what"), tr("Next &step:"), {},
                 tr("What will be done, checkable by anyone"));
    form.addLine(QStringLiteral("owner"), tr("&Owner:"), *by);
    form.addDue(QStringLiteral("due"), tr("&Due:"), m_clock, QStringLiteral("+30m"));
    form.addLine(QStringLiteral("why"), tr("&Why this time:"), {},
                 tr("e.g. the customer's peak starts at 12:00"));
    form.setSend(tr("Commit"), [this, by](const FormDialog &f, FormDialog::Answer answered) {
        const auto due = f.due(QStringLiteral("due"));
        if (!due)
            return answered(due.failure());
        const NewCommitment commitment{
            m_incidentId, f.text(QStringLiteral("what")), f.text(QStringLiteral("owner")),
            *due,         f.text(QStringLiteral("why")),  *by};
        m_writer.writeOrKeep(QueuedWrite::commitment(commitment), answered);
    });
    ModalHook::exec(form);
}

void IncidentActions::markMet(qint64 commitmentId)
{
    if (const auto by = m_writer.who())
        m_writer.writeOrKeep(QueuedWrite::met(commitmentId, *by));
}

void IncidentActions::supersede(qint64 commitmentId)
{
    const auto by = m_writer.who();
    if (!by)
        return;
    const QList<Commitment> &all = m_live.incident().commitments;
    const auto old = std::find_if(all.cbegin(), all.cend(), [commitmentId](const Commitment &c) {
        return c.id == commitmentId;
    });
    if (old == all.cend())
        return m_writer.report(
            Failure{tr("Deadline %1 is not one of this incident's.").arg(commitmentId)});
    const bool timebox = old->isTimebox();
    const int extensions = timebox ? timeboxExtensions(all, old->hypothesisEntryId) : 0;
    const QString intro =
        timebox ? tr("Extend the timebox of: %1\nExtended %2 already. \"Ten more minutes\", "
                     "repeated, is the drift timeboxing exists to stop.")
                      .arg(old->what, countOf(extensions, tr("time"), tr("times")))
                : tr("Replace: %1 (due %2). The old deadline stays on record as superseded.")
                      .arg(old->what, TimeFormat::clock(old->due, m_clock.now()));
    FormDialog form(timebox ? tr("Extend timebox") : tr("Supersede deadline"), intro,
                    m_dialogParent);
    form.addDue(QStringLiteral("due"), tr("New &due:"), m_clock, QStringLiteral("+15m"));
    form.addLine(QStringLiteral("why"), timebox ? tr("&Why extend:") : tr("&Why it was not kept:"));
    form.setSend(timebox ? tr("Extend") : tr("Supersede"),
                 [this, by, commitmentId](const FormDialog &f, FormDialog::Answer answered) {
                     const auto due = f.due(QStringLiteral("due"));
                     if (!due)
                         return answered(due.failure());
                     m_writer.writeOrKeep(QueuedWrite::supersede(commitmentId, *due,
                                                                 f.text(QStringLiteral("why")),
                                                                 *by),
                                          answered);
                 });
    ModalHook::exec(form);
}

void IncidentActions::handOver(Role role)
{
    const auto by = m_writer.who();
    if (!by)
        return;
    const bool liaison = role == Role::Liaison;
    FormDialog form(liaison ? tr("Business liaison") : tr("Hand over"),
                    liaison ? tr("The business liaison owns the business channel: the briefings, "
                                 "the notices and the customer's calls, so that the person in "
                                 "charge can run the fix. Named with a phone number; the handover "
                                 "and its note go into the log.")
                            : tr("One named person is in charge until it is fixed. The handover "
                                 "and its note go into the log."),
                    m_dialogParent);
    form.addLine(QStringLiteral("name"),
                 liaison ? tr("Business &liaison:") : tr("New person in &charge:"));
    form.addLine(QStringLiteral("phone"), tr("&Phone:"));
    form.addText(QStringLiteral("note"), tr("Handover &note:"), {},
                 tr("What is in flight, what is promised, what to watch"));
    form.setSend(
        tr("Hand over"), [this, by, role](const FormDialog &f, FormDialog::Answer answered) {
            m_writer.write(
                [incidentId = m_incidentId, name = f.text(QStringLiteral("name")),
                 phone = f.text(QStringLiteral("phone")), note = f.text(QStringLiteral("note")),
                 by = *by, role](IncidentStore &store) {
                    return store.handOver(incidentId, name, phone, note, by, role);
                },
                answered);
        });
    ModalHook::exec(form);
}

void IncidentActions::setCustomerZone()
{
    const auto by = m_writer.who();
    if (!by)
        return;
    const Incident &incident = m_live.incident().incident;
    FormDialog form(tr("Customer's time zone"),
                    tr("Where %1 reads times. Their notices, briefings and resolution report "
                       "write every time in this zone, named; the window keeps this desktop's. "
                       "The change goes into the log.")
                        .arg(incident.customer),
                    m_dialogParent);
    TimeZoneField::offerZones(form.addLine(QStringLiteral("zone"), tr("Time &zone:"),
                                           incident.customerTimeZone.isEmpty()
                                               ? ZonedTime::systemZoneId()
                                               : incident.customerTimeZone));
    form.setPreview([this](const FormDialog &f) {
        const QString zone = f.text(QStringLiteral("zone")).trimmed();
        if (!ZonedTime::isKnownZone(zone))
            return tr("Not a zone this computer knows yet: Region/City, e.g. Europe/Berlin.");
        const QDateTime now = m_clock.now();
        return tr("It is %1 there now.")
            .arg(ZonedTime::dayAndTimeInZone(now, now, ZonedTime::zoneOrUtc(zone)));
    });
    form.setSend(tr("Set time zone"), [this, by](const FormDialog &f, FormDialog::Answer answered) {
        m_writer.write(
            [incidentId = m_incidentId, zone = f.text(QStringLiteral("zone")), by = *by](
                IncidentStore &store) { return store.setCustomerTimeZone(incidentId, zone, by); },
            answered);
    });
    ModalHook::exec(form);
}

void IncidentActions::frame()
{
    const auto by = m_writer.who();
    if (!by)
        return;
    const std::optional<Framing> &current = m_live.incident().framing;
    FormDialog form(tr("Frame the situation"),
                    tr("The current objective in one line, shown above both channels."),
                    m_dialogParent);
    form.addLine(QStringLiteral("objective"), tr("&Objective:"),
                 current ? current->objective : QString(),
                 tr("e.g. Restore order intake; the database failover is the next most likely "
                    "fix"));
    form.setSend(tr("Frame"), [this, by](const FormDialog &f, FormDialog::Answer answered) {
        m_writer.write(
            [incidentId = m_incidentId, objective = f.text(QStringLiteral("objective")),
             by = *by](IncidentStore &store) { return store.frame(incidentId, objective, by); },
            answered);
    });
    ModalHook::exec(form);
}

void IncidentActions::confirmFraming()
{
    if (const auto by = m_writer.who())
        m_writer.write([incidentId = m_incidentId, by = *by](IncidentStore &store) {
            return store.confirmFraming(incidentId, by);
        });
}

void IncidentActions::restateProblem()
{
    const auto by = m_writer.who();
    if (!by)
        return;
    const std::optional<ProblemStatement> &current = m_live.incident().problem;
    FormDialog form(tr("Restate the problem"),
                    tr("The problem as we understand it, to repeat back to the customer. A new "
                       "statement needs their confirmation again."),
                    m_dialogParent);
    form.addText(QStringLiteral("statement"), tr("&Problem statement:"),
                 current ? current->text : QString());
    form.setSend(tr("Restate"), [this, by](const FormDialog &f, FormDialog::Answer answered) {
        m_writer.write(
            [incidentId = m_incidentId, statement = f.text(QStringLiteral("statement")), by = *by](
                IncidentStore &store) { return store.restateProblem(incidentId, statement, by); },
            answered);
    });
    ModalHook::exec(form);
}

void IncidentActions::confirmProblem()
{
    const auto by = m_writer.who();
    if (!by)
        return;
    const std::optional<ProblemStatement> &current = m_live.incident().problem;
    if (!current)
        return m_writer.report(
            Failure{tr("Write the problem statement first (Restate problem…).")});
    FormDialog form(tr("Customer confirmed the problem"), tr("Statement: %1").arg(current->text),
                    m_dialogParent);
    form.addLine(QStringLiteral("confirmedBy"), tr("Confirmed &by (customer):"));
    form.addLine(QStringLiteral("how"), tr("&How:"), {}, tr("phone call, e-mail, meeting"));
    const qint64 statementId = current->id;
    form.setSend(tr("Record confirmation"),
                 [this, by, statementId](const FormDialog &f, FormDialog::Answer answered) {
                     m_writer.write(
                         [statementId, confirmedBy = f.text(QStringLiteral("confirmedBy")),
                          how = f.text(QStringLiteral("how")), by = *by](IncidentStore &store) {
                             return store.confirmProblem(statementId, confirmedBy, how, by);
                         },
                         answered);
                 });
    ModalHook::exec(form);
}

bool IncidentActions::askCustomer(const QString &what)
{
    const auto by = m_writer.who();
    if (!by)
        return false;
    FormDialog form(tr("Ask the customer"),
                    tr("Every ask costs the customer effort: take the heavy lifting yourself and "
                       "ask only what only they can do."),
                    m_dialogParent);
    form.addLine(QStringLiteral("what"), tr("&What we need:"), what);
    form.addLine(QStringLiteral("why"), tr("Why &only they can:"));
    form.setSend(tr("Record ask"), [this, by](const FormDialog &f, FormDialog::Answer answered) {
        m_writer.writeOrKeep(QueuedWrite::ask(m_incidentId, f.text(QStringLiteral("what")),
                                              f.text(QStringLiteral("why")), *by),
                             answered);
    });
    return ModalHook::exec(form) == QDialog::Accepted;
}

void IncidentActions::markAskSent(qint64 askId)
{
    if (const auto by = m_writer.who())
        m_writer.writeOrKeep(QueuedWrite::askSent(askId, *by));
}

void IncidentActions::recordAskAnswer(qint64 askId)
{
    const auto by = m_writer.who();
    if (!by)
        return;
    FormDialog form(tr("The customer answered"), {}, m_dialogParent);
    form.addText(QStringLiteral("answer"), tr("&Answer:"));
    form.setSend(tr("Record answer"), [this, by, askId](const FormDialog &f,
                                                        FormDialog::Answer answered) {
        m_writer.writeOrKeep(QueuedWrite::askAnswered(askId, f.text(QStringLiteral("answer")), *by),
                             answered);
    });
    ModalHook::exec(form);
}

void IncidentActions::markNoticeSent(qint64 noticeId, const QString &text)
{
    if (const auto by = m_writer.who())
        m_writer.write([noticeId, text, by = *by](IncidentStore &store) {
            return store.markNoticeSent(noticeId, by, text);
        });
}

void IncidentActions::editNotice(qint64 noticeId, const QString &text)
{
    if (const auto by = m_writer.who())
        m_writer.write([noticeId, text, by = *by](IncidentStore &store) {
            return store.editNotice(noticeId, text, by);
        });
}

void IncidentActions::copyNotice(const QString &text)
{
    QApplication::clipboard()->setText(text);
}

void IncidentActions::changeStatus()
{
    const auto by = m_writer.who();
    if (!by)
        return;
    const Incident *incident = &m_live.incident().incident;
    QList<QPair<QString, QVariant>> choices;
    for (IncidentStatus status : allStatuses()) {
        if (checkStatusMove(incident->status, status))
            choices.append({statusName(status), int(status)});
    }
    if (choices.isEmpty())
        return m_writer.report(Failure{tr("A closed incident does not change status.")});
    FormDialog form(tr("Change status"),
                    tr("Now %1. Every change drafts a notice for the customer: the status, what "
                       "we are doing, and when they hear next.")
                        .arg(statusName(incident->status)),
                    m_dialogParent);
    QComboBox *statuses = form.addChoice(QStringLiteral("status"), tr("New &status:"), choices);
    // A quick Enter moves it forward, never back to investigating.
    statuses->setCurrentIndex(
        std::max(0, statuses->findData(int(nextStatusForward(incident->status)))));
    form.addLine(QStringLiteral("doing"), tr("What we are &doing:"));
    form.addDue(QStringLiteral("next"), tr("&Next checkpoint:"), m_clock, QStringLiteral("+30m"));
    form.addLine(QStringLiteral("why"), tr("&Why then:"));
    bool resolving = false;
    form.setSend(tr("Change status"), [this, by, &resolving](const FormDialog &f,
                                                             FormDialog::Answer answered) {
        const auto status = IncidentStatus(f.choice(QStringLiteral("status")).toInt());
        if (status == IncidentStatus::Resolved) {
            resolving = true; // the resolution report says what the customer needs to hear
            return answered(done());
        }
        QDateTime next;
        if (status != IncidentStatus::Closed) {
            const auto due = f.due(QStringLiteral("next"));
            if (!due)
                return answered(due.failure());
            next = *due;
        }
        const NewStatusChange change{m_incidentId, *by,
                                     status,       f.text(QStringLiteral("doing")),
                                     next,         f.text(QStringLiteral("why"))};
        m_writer.writeOrKeep(
            QueuedWrite::statusChange(change), [this, answered, status](const Outcome &outcome) {
                answered(outcome);
                // Kept here while the server is away, the change has no
                // notice yet: it is drafted when the change arrives.
                if (outcome && status != IncidentStatus::Closed && m_live.link().reachable())
                    emit noticeDrafted();
            });
    });
    // What the customer will read, as it is typed: the notice this change drafts.
    form.setPreview([this](const FormDialog &f) {
        const auto status = IncidentStatus(f.choice(QStringLiteral("status")).toInt());
        if (status == IncidentStatus::Resolved || status == IncidentStatus::Closed)
            return QString();
        const auto due = f.due(QStringLiteral("next"));
        const NewStatusChange change{m_incidentId,
                                     {},
                                     status,
                                     f.text(QStringLiteral("doing")),
                                     due ? *due : QDateTime(),
                                     f.text(QStringLiteral("why"))};
        return tr("The customer will read:\n%1")
            .arg(draftNotice(m_live.incident().incident, change));
    });
    ModalHook::exec(form);
    if (resolving)
        emit resolveRequested();
}

void IncidentActions::addOption()
{
    const auto by = m_writer.who();
    if (!by)
        return;
    FormDialog form(tr("Add a solution option"),
                    tr("A way out the customer can choose, with what speaks for and against it. "
                       "Options appear in the next briefing and in the resolution report."),
                    m_dialogParent);
    form.addLine(QStringLiteral("title"), tr("&Option:"), {},
                 tr("e.g. Roll back to yesterday's release"));
    form.addText(QStringLiteral("pros"), tr("&For it:"), {}, tr("What the customer gains"));
    form.addText(QStringLiteral("cons"), tr("&Against it:"), {}, tr("What it costs them"));
    form.setSend(tr("Add option"), [this, by](const FormDialog &f, FormDialog::Answer answered) {
        m_writer.write(
            [option = NewSolutionOption{m_incidentId, *by, f.text(QStringLiteral("title")),
                                        f.text(QStringLiteral("pros")),
                                        f.text(QStringLiteral("cons"))}](IncidentStore &store) {
                return store.addOption(option);
            },
            answered);
    });
    ModalHook::exec(form);
}

void IncidentActions::chooseOption(qint64 optionId)
{
    const auto by = m_writer.who();
    if (!by)
        return;
    const QList<SolutionOption> &options = m_live.incident().options;
    const auto option =
        std::find_if(options.cbegin(), options.cend(),
                     [optionId](const SolutionOption &o) { return o.id == optionId; });
    if (option == options.cend())
        return m_writer.report(
            Failure{tr("Option %1 is not one of this incident's.").arg(optionId)});
    FormDialog form(tr("Choose an option"),
                    tr("Chosen: %1\nFor: %2\nAgainst: %3\nThe choice and why are recorded; a "
                       "later choice replaces it, and both stay on record.")
                        .arg(option->title, option->pros, option->cons),
                    m_dialogParent);
    form.addLine(QStringLiteral("why"), tr("&Why this one:"), {},
                 tr("e.g. the customer accepts an hour of read-only mode"));
    form.setSend(tr("Choose"), [this, by, optionId](const FormDialog &f,
                                                    FormDialog::Answer answered) {
        m_writer.write([optionId, why = f.text(QStringLiteral("why")), by = *by](
                           IncidentStore &store) { return store.chooseOption(optionId, why, by); },
                       answered);
    });
    ModalHook::exec(form);
}

namespace {
// The assessment the form describes, or why it does not yet describe one.
Result<ImpactAssessment> assessmentFrom(const FormDialog &f, qint64 incidentId, const QString &by)
{
    ImpactAssessment a;
    a.incidentId = incidentId;
    a.by = by;
    const QLocale english(QLocale::English);
    bool affectedOk = false;
    bool totalOk = false;
    a.affectedUsers = english.toLongLong(f.text(QStringLiteral("affected")).trimmed(), &affectedOk);
    a.totalUsers = english.toLongLong(f.text(QStringLiteral("total")).trimmed(), &totalOk);
    if (!affectedOk || !totalOk)
        return Failure{QObject::tr("Give the affected and total users as whole numbers.")};
    const FunctionsParse functions = parseFunctions(f.text(QStringLiteral("functions")));
    if (!functions.error.isEmpty())
        return Failure{functions.error};
    a.functions = functions.functions;
    for (const QString &region : f.text(QStringLiteral("regions")).split(u',', Qt::SkipEmptyParts))
        a.regions.append(region.trimmed());
    const int workaround = f.choice(QStringLiteral("workaround")).toInt();
    if (workaround >= 0)
        a.workaround = workaround == 1;
    const QString cost = f.text(QStringLiteral("cost")).trimmed();
    if (!cost.isEmpty()) {
        bool ok = false;
        a.costPerHour = english.toDouble(cost, &ok);
        if (!ok)
            return Failure{QObject::tr("The cost per hour is a number, e.g. 2500.")};
    }
    a.currency = f.text(QStringLiteral("currency")).trimmed();
    a.keyAccount = f.checked(QStringLiteral("keyAccount"));
    a.confidence = Confidence(f.choice(QStringLiteral("confidence")).toInt());
    a.notes = f.text(QStringLiteral("notes"));
    return a;
}
} // namespace

void IncidentActions::assessImpact()
{
    const auto by = m_writer.who();
    if (!by)
        return;
    const QList<ImpactAssessment> &previous = m_live.incident().assessments;
    const ImpactAssessment last = previous.isEmpty() ? ImpactAssessment{} : previous.constLast();
    FormDialog form(tr("Assess impact"),
                    tr("Scope (how many, how badly) and scale (who, how costly). Severity follows "
                       "from the assessment, not from how loud the caller is."),
                    m_dialogParent);
    form.addLine(QStringLiteral("affected"), tr("&Affected users:"),
                 last.id ? QString::number(last.affectedUsers) : QString());
    form.addLine(QStringLiteral("total"), tr("&Total users:"),
                 last.id ? QString::number(last.totalUsers) : QString());
    form.addLine(QStringLiteral("functions"), tr("Business &functions:"),
                 formatFunctions(last.functions), tr("Ordering:down, Search:degraded"));
    form.addLine(QStringLiteral("regions"), tr("&Regions or sites:"), last.regions.join(u", "),
                 tr("EU-West, Berlin office"));
    form.addChoice(QStringLiteral("workaround"), tr("&Workaround:"),
                   {{tr("not known yet"), -1}, {tr("yes, one exists"), 1}, {tr("no"), 0}});
    form.addLine(QStringLiteral("cost"), tr("Cost per &hour:"), {}, tr("optional, e.g. 2500"));
    form.addLine(QStringLiteral("currency"), tr("C&urrency:"), last.currency, tr("e.g. EUR"));
    form.addCheck(QStringLiteral("keyAccount"), tr("&Key account affected:"), last.keyAccount);
    form.addChoice(QStringLiteral("confidence"), tr("&Confidence:"),
                   {{tr("estimated"), int(Confidence::Estimated)},
                    {tr("measured"), int(Confidence::Measured)}});
    form.addText(QStringLiteral("notes"), tr("&Notes:"));
    const SeverityRules rules = m_live.policy().severity;
    const Severity current = m_live.incident().incident.severity;
    // An override argued against the old assessment: this one ends it unless kept for a reason
    // that holds against the new figures.
    const std::optional<SeverityChange> override =
        overrideInEffect(m_live.incident().severityChanges);
    if (override)
        form.addLine(QStringLiteral("keepOverride"),
                     tr("&Keep %1 because:").arg(severityName(current)), {},
                     tr("empty: the override ends and the assessment sets the severity"));
    form.setPreview([&](const FormDialog &f) -> QString {
        const auto a = assessmentFrom(f, m_incidentId, *by);
        if (!a)
            return a.error();
        if (a->totalUsers <= 0 || a->affectedUsers > a->totalUsers)
            return tr("Affected users must be between 0 and the total.");
        const Calibration calibration = calibrate(*a, rules);
        QString text = tr("Suggested %1\n%2").arg(calibration.reason, impactSentence(*a));
        if (!override)
            return text;
        if (calibration.severity == current)
            return text + u'\n' +
                   tr("This agrees with %1: the override ends.").arg(severityName(current));
        if (f.text(QStringLiteral("keepOverride")).trimmed().isEmpty())
            return text + u'\n' +
                   tr("The override (%1: %2) ends and the severity becomes %3, unless you say "
                      "why %1 still holds.")
                       .arg(severityName(current), override->reason,
                            severityName(calibration.severity));
        return text + u'\n' +
               tr("%1 stays, overriding the assessed %2, for the reason you give.")
                   .arg(severityName(current), severityName(calibration.severity));
    });
    form.setSend(tr("Record assessment"), [this, by, rules](const FormDialog &f,
                                                            FormDialog::Answer answered) {
        const auto a = assessmentFrom(f, m_incidentId, *by);
        if (!a)
            return answered(a.failure());
        m_writer.write([a = *a, rules, keep = f.text(QStringLiteral("keepOverride"))](
                           IncidentStore &store) { return store.assessImpact(a, rules, keep); },
                       answered);
    });
    ModalHook::exec(form);
}

void IncidentActions::setSeverity()
{
    const auto by = m_writer.who();
    if (!by)
        return;
    const QList<ImpactAssessment> *assessments = &m_live.incident().assessments;
    const SeverityRules rules = m_live.policy().severity;
    const QString intro =
        assessments->isEmpty()
            ? tr("No impact has been assessed yet: assess it first, or say why the severity is "
                 "set without one.")
            : tr("Assessed %1. Going against the assessment needs a written reason, shown in "
                 "the header.")
                  .arg(calibrate(assessments->constLast(), rules).reason);
    FormDialog form(tr("Set severity"), intro, m_dialogParent);
    QList<QPair<QString, QVariant>> choices;
    for (Severity s : {Severity::Sev1, Severity::Sev2, Severity::Sev3, Severity::Sev4})
        choices.append({severityName(s), int(s)});
    form.addChoice(QStringLiteral("severity"), tr("&Severity:"), choices);
    form.addLine(QStringLiteral("reason"), tr("&Reason:"), {},
                 tr("e.g. regulatory deadline today"));
    form.setSend(
        tr("Set severity"), [this, by, rules](const FormDialog &f, FormDialog::Answer answered) {
            m_writer.write(
                [incidentId = m_incidentId,
                 severity = Severity(f.choice(QStringLiteral("severity")).toInt()),
                 reason = f.text(QStringLiteral("reason")), by = *by, rules](IncidentStore &store) {
                    return store.setSeverity(incidentId, severity, reason, by, rules);
                },
                answered);
        });
    ModalHook::exec(form);
}

void IncidentActions::composeBriefing(qint64 correctsId)
{
    const auto by = m_writer.who();
    if (!by)
        return;
    BriefingComposer composer(m_live, m_clock, *by, correctsId, m_dialogParent);
    ModalHook::exec(composer);
}

void IncidentActions::exportBriefings(const QList<qint64> &briefingIds)
{
    const Incident *incident = &m_live.incident().incident;
    QList<qint64> ids = briefingIds;
    if (ids.isEmpty()) {
        for (const Briefing &b : m_live.incident().briefings)
            ids.append(b.id);
    }
    QString suggested = incident->customer + QStringLiteral(" - ") + incident->title;
    suggested.replace(QRegularExpression(QStringLiteral("[^\\w .-]+")), QStringLiteral("_"));
    const QString path =
        ModalHook::saveFileName(m_dialogParent, tr("Export briefing PDF"),
                                suggested.left(80) + QStringLiteral(".pdf"), tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    BriefingPdf::Options options;
    options.paper = BriefingPdf::savedPaper();
    // Read fresh on the store's thread; laid out and written here, where the fonts are.
    m_live.store().run(
        this,
        [incidentId = m_incidentId, ids](IncidentStore &store) {
            return BriefingPdf::read(store, incidentId, ids);
        },
        [this, path, options](const Result<BriefingPdf::Content> &content) {
            if (!content)
                return m_writer.report(content.failure());
            const Outcome written = BriefingPdf::write(*content, path, options);
            m_writer.report(written);
            if (written)
                emit exported(path);
        });
}
