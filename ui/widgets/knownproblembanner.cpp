#include "widgets/knownproblembanner.h"

#include "colors.h"
#include "dialogs/modalhook.h"
#include "livewarroom.h"
#include "usecases/knownproblemsuggestions.h"
#include "useridentity.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

KnownProblemBanner::KnownProblemBanner(LiveWarRoom &live, QWidget *parent)
    : QFrame(parent), m_live(live), m_label(new QLabel(this))
{
    setObjectName(QStringLiteral("knownProblemBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, WarroomColors::pendingBackground());
    setPalette(pal);
    m_label->setObjectName(QStringLiteral("knownProblemLabel"));
    m_label->setTextFormat(Qt::PlainText);
    m_label->setWordWrap(true);
    auto *applies = new QToolButton(this);
    applies->setObjectName(QStringLiteral("knownProblemAppliesButton"));
    applies->setText(tr("It applies"));
    applies->setToolTip(tr("Link the known problem to this incident"));
    auto *dismiss = new QToolButton(this);
    dismiss->setObjectName(QStringLiteral("knownProblemDismissButton"));
    dismiss->setText(tr("Dismiss"));
    dismiss->setToolTip(tr("It does not apply here: recorded, and not suggested again"));
    connect(applies, &QToolButton::clicked, this, &KnownProblemBanner::applies);
    connect(dismiss, &QToolButton::clicked, this, &KnownProblemBanner::dismiss);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_label, 1);
    layout->addWidget(applies);
    layout->addWidget(dismiss);
    connect(&m_live, &LiveWarRoom::changed, this, &KnownProblemBanner::onChanged);
    hide();
}

void KnownProblemBanner::setIncident(qint64 incidentId)
{
    m_incidentId = incidentId;
    m_suggested = {};
    hide();
    look();
}

QString KnownProblemBanner::text() const
{
    return m_label->text();
}

void KnownProblemBanner::onChanged(ChangeTopic topic, qint64 incidentId)
{
    // New words in the incident, or a new problem in the book, may make a match.
    const bool ours =
        incidentId == m_incidentId && (topic == ChangeTopic::Log || topic == ChangeTopic::Problem ||
                                       topic == ChangeTopic::Incidents);
    if (ours || (topic == ChangeTopic::KnownProblems && incidentId == 0))
        look();
}

void KnownProblemBanner::look()
{
    if (m_incidentId <= 0 || m_suggested.problem.id > 0)
        return; // one suggestion at a time: the next comes once this one is decided
    if (m_looking) {
        m_lookAgain = true;
        return;
    }
    m_looking = true;
    m_live.store().run(
        this,
        [incidentId = m_incidentId](IncidentStore &store) {
            return KnownProblemSuggestions::pending(store, incidentId);
        },
        [this, incidentId = m_incidentId](const Result<QList<KnownProblemMatch::Match>> &found) {
            m_looking = false;
            // A failed look shows nothing: a suggestion helps, its absence harms no record.
            if (found && !found->isEmpty() && incidentId == m_incidentId)
                suggest(found->constFirst());
            if (std::exchange(m_lookAgain, false))
                look();
        });
}

void KnownProblemBanner::suggest(const KnownProblemMatch::Match &match)
{
    if (m_suggested.problem.id > 0)
        return;
    m_suggested = match;
    const KnownProblem &k = match.problem;
    m_label->setText(
        tr("This looks like a known problem: %1%2\nWorkaround: %3")
            .arg(k.symptom,
                 k.product.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(k.product),
                 k.workaround));
    show();
    // Suggested once: recorded now, so that no window suggests it here again.
    const QString by =
        UserIdentity::name().isEmpty() ? QStringLiteral("Warroom") : UserIdentity::name();
    m_live.write(this, [incidentId = m_incidentId, id = k.id, by](IncidentStore &store) {
        return store.recordSighting(incidentId, id, Sighting::Suggested, by);
    });
}

void KnownProblemBanner::applies()
{
    decide(Sighting::Linked);
}

void KnownProblemBanner::dismiss()
{
    decide(Sighting::Dismissed);
}

void KnownProblemBanner::decide(Sighting how)
{
    const auto by = UserIdentity::nameOrAsk(window());
    if (!by || m_suggested.problem.id <= 0)
        return;
    m_live.write(
        this,
        [incidentId = m_incidentId, id = m_suggested.problem.id, how,
         by = *by](IncidentStore &store) { return store.recordSighting(incidentId, id, how, by); },
        [this](const Outcome &outcome) {
            if (!outcome)
                ModalHook::showError(window(), tr("Known problem"), outcome.error());
        });
    m_suggested = {};
    hide();
    look(); // another problem may match too
}
