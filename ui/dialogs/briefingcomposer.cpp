#include "dialogs/briefingcomposer.h"

#include "dialogs/awaitedsubmit.h"
#include "dialogs/modalhook.h"
#include "dialogs/publishpreview.h"
#include "export/briefingpdf.h"
#include "livewarroom.h"
#include "rules/briefingdraft.h"
#include "rules/cadence.h"
#include "rules/clock.h"
#include "rules/severitycalibration.h"
#include "timeformat.h"
#include "usecases/queuedwrite.h"
#include "widgets/duetimeedit.h"
#include "widgets/plainlanguagecheck.h"
#include "wording.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
QLabel *listLabel(const QStringList &items, const QString &empty, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    QStringList lines;
    for (const QString &item : items)
        lines << QStringLiteral("• ") + item;
    label->setText(items.isEmpty() ? empty : lines.join(u'\n'));
    return label;
}
} // namespace

BriefingComposer::BriefingComposer(const LiveWarRoom &live, const Clock &clock, QString by,
                                   qint64 correctsId, QWidget *parent)
    : CustomerTextDialog(live, clock, std::move(by), parent), m_correctsId(correctsId)
{
    const IncidentState &state = live.incident();
    const Incident *incident = &state.incident;
    setObjectName(QStringLiteral("briefingComposer"));
    setWindowTitle(correctsId ? tr("Correct a briefing") : tr("New briefing"));
    auto *form = new QFormLayout;
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("For the customer's managers: plain words, no technical log, no "
                                "blame. Say when they hear next, and why then."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addLayout(form);

    // The briefing goes out under the business liaison's name and phone.
    auto *contact = new QLabel(this);
    contact->setObjectName(QStringLiteral("customerContactLabel"));
    contact->setTextFormat(Qt::PlainText);
    contact->setWordWrap(true);
    if (!incident->liaisonName.isEmpty())
        contact->setText(
            tr("%1, %2 (business liaison)").arg(incident->liaisonName, incident->liaisonPhone));
    else if (!incident->inChargeName.isEmpty())
        contact->setText(tr("%1, %2 (in charge; no business liaison named: Incident > Business "
                            "liaison…)")
                             .arg(incident->inChargeName, incident->inChargePhone));
    else
        contact->setText(tr("nobody named: the customer has no one to call"));
    form->addRow(tr("Customer's contact:"), contact);

    const auto field = [&](const QString &key, const QString &label, int lines,
                           const QString &placeholder) {
        return addCheckedRow(form, key, label, lines, placeholder);
    };
    m_headline = field(QStringLiteral("headline"), tr("Status &headline:"), 2,
                       tr("One sentence: where things stand"));
    m_impact = field(QStringLiteral("impact"), tr("Customer &impact:"), 2,
                     tr("Who is affected, how many, where"));
    m_doing = field(QStringLiteral("doing"), tr("What we are &doing:"), 3, {});
    m_changed =
        field(QStringLiteral("changed"), tr("What &changed:"), 2, tr("Since the last briefing"));

    QStringList promised;
    for (const Commitment &c : state.commitments) {
        if (c.isPromisedToCustomer(clock.now()))
            promised << tr("%1: %2 (why then: %3)")
                            .arg(TimeFormat::clock(c.due, clock.now()), c.what, c.why);
    }
    QStringList listed;
    for (const CustomerAsk &a : state.asks) {
        if (a.isOutstanding())
            listed << tr("%1 (only you can: %2)").arg(a.what, a.whyOnlyCustomer);
    }
    form->addRow(tr("Open commitments:"),
                 listLabel(promised, tr("none open: commit the next step first?"), this));
    form->addRow(tr("We need from you:"), listLabel(listed, tr("nothing"), this));

    m_next = new DueTimeEdit(clock, this);
    m_next->setObjectName(QStringLiteral("nextUpdateDueEdit"));
    m_next->lineEdit()->setObjectName(QStringLiteral("nextUpdateLineEdit"));
    form->addRow(tr("&Next update at:"), m_next);
    m_why =
        field(QStringLiteral("why"), tr("&Why then:"), 1, tr("e.g. the failover completes then"));

    addFooter(layout, tr("Publish"), QStringLiteral("publishButton"));

    // Prefill: the latest impact in one sentence, the next update at the cadence's due time,
    // or, for a correction, everything the corrected briefing said.
    const QList<Briefing> *briefings = &state.briefings;
    if (!state.assessments.isEmpty())
        m_impact->setPlainText(impactSentence(state.assessments.constLast()));
    if (live.incidentLoaded()) {
        const std::optional<Briefing> last =
            briefings->isEmpty() ? std::nullopt : std::optional<Briefing>(briefings->constLast());
        const BriefingDue due = nextBriefingDue(*incident, last, live.policy().cadence);
        const qint64 minutes = std::max<qint64>(5, clock.now().secsTo(due.due) / 60);
        m_next->setText(QStringLiteral("+%1m").arg(minutes));
        for (const Briefing &b : *briefings) {
            if (b.id != correctsId)
                continue;
            m_headline->setPlainText(
                tr("Correction to briefing #%1: %2").arg(b.seq).arg(b.headline));
            m_impact->setPlainText(b.impact);
            m_doing->setPlainText(b.doing);
            m_changed->setPlainText(b.changed);
            m_why->setPlainText(b.nextUpdateWhy);
        }
    }
    resize(760, sizeHint().height());
}

void BriefingComposer::accept()
{
    const auto next = m_next->dueTime();
    if (!next) {
        showError(tr("Next update: %1").arg(next.error()));
        return;
    }
    NewBriefing b;
    b.incidentId = m_incidentId;
    b.author = m_by;
    b.headline = m_headline->toPlainText();
    b.impact = m_impact->toPlainText();
    b.doing = m_doing->toPlainText();
    b.changed = m_changed->toPlainText();
    b.nextUpdateAt = *next;
    b.nextUpdateWhy = m_why->toPlainText();
    b.correctsId = m_correctsId;
    if (m_awaited->isWaiting())
        return;
    if (!confirmedInPreview(b))
        return; // back to editing, everything typed kept
    // A correction names the briefing by its number, which is the same here and on the server.
    qint64 correctsSeq = 0;
    for (const Briefing &earlier : m_live.incident().briefings) {
        if (earlier.id == m_correctsId)
            correctsSeq = earlier.seq;
    }
    m_live.writeOrKeep(&m_live, QueuedWrite::briefing(b, correctsSeq), m_awaited->begin());
}

bool BriefingComposer::confirmedInPreview(const NewBriefing &typed)
{
    const IncidentState &state = m_live.incident();
    Briefing draft = briefingAsPublished(typed, state.incident, state.commitments, state.asks,
                                         state.options, m_clock.now());
    draft.seq = state.briefings.size() + 1;
    QList<Briefing> all = state.briefings;
    all.append(draft);
    PublishPreview preview(BriefingPdf::pageHtml(state.incident, draft, all), findingTexts(), this);
    return ModalHook::exec(preview) == QDialog::Accepted;
}
