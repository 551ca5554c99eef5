#include "widgets/incidentview.h"

#include "colors.h"
#include "incidentactions.h"
#include "livewarroom.h"
#include "rules/cadence.h"
#include "rules/clock.h"
#include "rules/countdown.h"
#include "rules/severitycalibration.h"
#include "widgets/alertbanner.h"
#include "widgets/askspanel.h"
#include "widgets/briefingpanel.h"
#include "widgets/deadlinespanel.h"
#include "widgets/framingbar.h"
#include "widgets/handoverspanel.h"
#include "widgets/impactpanel.h"
#include "widgets/incidentheader.h"
#include "widgets/knownproblembanner.h"
#include "widgets/noticespanel.h"
#include "widgets/optionspanel.h"
#include "widgets/questionspanel.h"
#include "widgets/technicallogpanel.h"
#include "widgets/timeboxprompt.h"
#include "windowaction.h"

#include <QApplication>
#include <QLabel>
#include <QLocale>
#include <QSplitter>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

IncidentView::IncidentView(LiveWarRoom &live, const Clock &clock, IncidentActions &actions,
                           LogActions &log, QWidget *parent)
    : QWidget(parent), m_live(live), m_clock(clock), m_header(new IncidentHeader(clock, this)),
      m_framing(new FramingBar(actions, clock, this)),
      m_timeboxPrompt(new TimeboxPrompt(actions, log, clock, this)),
      m_alertBanner(new AlertBanner(this)), m_knownProblem(new KnownProblemBanner(live, this)),
      m_problem(new QLabel(this)), m_chainState(new QLabel(this)),
      m_log(new TechnicalLogPanel(live, actions, log, this)),
      m_briefings(new BriefingPanel(clock, actions, this)), m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("incidentView"));
    m_problem->setObjectName(QStringLiteral("storageProblemLabel"));
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);
    m_problem->setAutoFillBackground(true);
    QPalette pal = m_problem->palette();
    pal.setColor(QPalette::Window, WarroomColors::problemBackground());
    pal.setColor(QPalette::WindowText, WarroomColors::alarm());
    m_problem->setPalette(pal);
    m_problem->hide();

    m_chainState->setObjectName(QStringLiteral("chainStateLabel"));
    m_chainState->setTextFormat(Qt::PlainText);
    m_chainState->setWordWrap(true);
    m_chainState->setAutoFillBackground(true);

    m_tabs->setObjectName(QStringLiteral("disciplineTabs"));
    // Each panel follows the live incident by itself. Short names, so that every tab shows
    // whole beside the briefings; the tooltip says what each holds.
    const auto addPanel = [this](QWidget *panel, const QString &name, const QString &holds) {
        m_tabs->setTabToolTip(m_tabs->addTab(panel, name), holds);
    };
    addPanel(new DeadlinesPanel(live, actions, log, clock, this), tr("Deadlines"),
             tr("Every deadline committed: open, met, missed, superseded"));
    m_impact = new ImpactPanel(live, actions, clock, this);
    addPanel(m_impact, tr("Impact"), tr("Who and what is affected, and the severity it calls for"));
    addPanel(new QuestionsPanel(live, log, clock, this), tr("Questions"),
             tr("Open questions of the team, until answered"));
    addPanel(new AsksPanel(live, actions, this), tr("Asks"),
             tr("What we asked of the customer, and why"));
    auto *notices = new NoticesPanel(live, actions, this);
    addPanel(notices, tr("Notices"), tr("What the customer is told at each status change"));
    // A status change shows its notice at once, ready to be worded and sent.
    connect(&actions, &IncidentActions::noticeDrafted, this, [this, notices] {
        m_tabs->setCurrentWidget(notices);
        notices->showNewest();
    });
    addPanel(new HandoversPanel(live, actions, this), tr("In charge"),
             tr("Who is in charge and who speaks to the customer, and each handover"));
    addPanel(new OptionsPanel(live, actions, this), tr("Options"),
             tr("Solution options offered to the customer, and the one chosen"));

    m_navigation.append(makeWindowAction(
        this, tr("Write in the &log"), QStringLiteral("focusLogEntryAction"),
        [this] { m_log->focusEntry(); }, QKeySequence(tr("Ctrl+L"))));
    m_navigation.append(makeWindowAction(
        this, tr("&Find in the log"), QStringLiteral("findInLogAction"),
        [this] { m_log->openSearch(); }, QKeySequence::Find));
    m_navigation.append(makeWindowAction(
        this, tr("&Go to time in the log"), QStringLiteral("goToTimeInLogAction"),
        [this] { m_log->openTimeJump(); }, QKeySequence(tr("Ctrl+G"))));
    for (int i = 0; i < m_tabs->count() && i < 9; ++i) {
        m_navigation.append(makeWindowAction(
            this, m_tabs->tabText(i), QStringLiteral("showTab%1Action").arg(i + 1),
            [this, i] {
                m_tabs->setCurrentIndex(i);
                m_tabs->currentWidget()->setFocus(Qt::ShortcutFocusReason);
            },
            QKeySequence(tr("Ctrl+%1").arg(i + 1))));
    }

    auto *businessSide = new QSplitter(Qt::Vertical, this);
    businessSide->addWidget(m_briefings);
    businessSide->addWidget(m_tabs);
    businessSide->setStretchFactor(0, 3);
    businessSide->setStretchFactor(1, 2);
    // Stretch factors share only the room beyond the size hints: set the split itself.
    businessSide->setSizes({3000, 2000});

    auto *channels = new QSplitter(Qt::Horizontal, this);
    channels->setObjectName(QStringLiteral("channelSplitter"));
    channels->addWidget(m_log);
    channels->addWidget(businessSide);
    channels->setStretchFactor(0, 3);
    channels->setStretchFactor(1, 2);
    channels->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_framing);
    layout->addWidget(m_timeboxPrompt);
    layout->addWidget(m_alertBanner);
    layout->addWidget(m_knownProblem);
    layout->addWidget(m_problem);
    layout->addWidget(channels, 1);
    layout->addWidget(m_chainState);

    connect(&m_live, &LiveWarRoom::incidentChanged, this, &IncidentView::onIncidentChanged);
    connect(&m_live, &LiveWarRoom::warRoomChanged, this, &IncidentView::onWarRoomChanged);
    connect(&m_live, &LiveWarRoom::chainChanged, this, &IncidentView::reloadChain);
    connect(&m_live, &LiveWarRoom::presenceChanged, m_header, &IncidentHeader::setPresence);
    connect(&m_live, &LiveWarRoom::readFailed, this, &IncidentView::showProblem);

    auto *tick = new QTimer(this);
    tick->setInterval(1000);
    tick->start();
    connect(tick, &QTimer::timeout, this, &IncidentView::checkDeadlines);
    connect(&m_clock, &Clock::jumped, this, &IncidentView::checkDeadlines);
}

void IncidentView::showIncident(qint64 incidentId)
{
    m_incidentId = incidentId;
    m_alertBanner->hide();
    m_problem->hide();
    m_log->setIncident(incidentId);
    m_live.showIncident(incidentId);
    m_knownProblem->setIncident(incidentId);
}

void IncidentView::onIncidentChanged(ChangeTopics topics)
{
    if (!m_live.incidentLoaded() || m_live.incidentId() != m_incidentId) {
        reloadChain();
        return; // the parts come when they have been read
    }
    m_problem->hide(); // read again: whatever failed before works now
    if (IncidentState::touchesIncident(topics))
        reloadIncident(); // also the framing, the severity and the briefing cadence
    if (topics.has(ChangeTopic::Commitments))
        reloadCommitments();
    if (topics.has(ChangeTopic::Briefings))
        reloadBriefings();
    if (topics.has(ChangeTopic::Framing))
        reloadFraming();
    if (topics.has(ChangeTopic::Problem))
        reloadProblem();
    if (topics.hasAny({ChangeTopic::Log, ChangeTopic::Asks}))
        reloadCounts();
}

void IncidentView::onWarRoomChanged(ChangeTopics topics)
{
    // The severity the rules suggest and the briefing cadence follow the policy.
    if (topics.has(ChangeTopic::Policy) && m_live.incidentLoaded())
        reloadIncident();
    if (topics.has(ChangeTopic::Commitments))
        checkDeadlines(); // another incident's deadlines are alerted too
}

void IncidentView::reloadIncident()
{
    m_header->setIncident(m_live.incident().incident);
    reloadFraming();
    reloadSeverity();
    reloadBriefingDue(); // the cadence follows the severity
}

void IncidentView::reloadSeverity()
{
    const IncidentState &state = m_live.incident();
    const SeverityStatus status = severityStatus(state.incident.severity, state.assessments,
                                                 state.severityChanges, m_live.policy().severity);
    m_header->setSeverityText(status.text(), status.assessed.has_value());
}

void IncidentView::reloadCommitments()
{
    const QList<Commitment> &commitments = m_live.incident().commitments;
    m_header->setCommitments(commitments);
    m_timeboxPrompt->setCommitments(commitments);
    checkDeadlines();
}

void IncidentView::reloadBriefings()
{
    m_briefings->setBriefings(m_live.incident().briefings);
    reloadBriefingDue();
}

void IncidentView::reloadBriefingDue()
{
    const IncidentState &state = m_live.incident();
    const std::optional<Briefing> last = state.briefings.isEmpty()
                                             ? std::nullopt
                                             : std::optional<Briefing>(state.briefings.constLast());
    m_header->setNextBriefing(nextBriefingDue(state.incident, last, m_live.policy().cadence));
}

void IncidentView::reloadFraming()
{
    m_framing->setFraming(m_live.incident().framing, m_live.incident().incident.severity);
}

void IncidentView::reloadProblem()
{
    m_header->setProblem(m_live.incident().problem);
}

void IncidentView::reloadCounts()
{
    int outstanding = 0;
    for (const CustomerAsk &ask : m_live.incident().asks)
        outstanding += ask.isOutstanding();
    m_header->setOpenCounts(int(m_live.incident().openQuestions.size()), outstanding);
}

void IncidentView::checkDeadlines()
{
    // Every incident's deadlines, not only the one on screen: a miss elsewhere is still a miss.
    for (DeadlineAlert alert : m_alerts.check(m_live.warRoom().outstanding, m_clock.now())) {
        if (alert.commitment.incidentId != m_incidentId) {
            const QString other = m_live.incidentTitle(alert.commitment.incidentId);
            alert.title = tr("%1 (incident #%2): %3")
                              .arg(other.isEmpty() ? tr("another incident") : other)
                              .arg(alert.commitment.incidentId)
                              .arg(alert.title);
        }
        raise(alert);
    }
}

void IncidentView::raise(const DeadlineAlert &alert)
{
    const bool urgent = alert.kind == DeadlineAlertKind::Due;
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
            m_tray->setToolTip(tr("Warroom"));
            m_tray->show();
        }
        m_tray->showMessage(alert.title, alert.text,
                            urgent ? QSystemTrayIcon::Critical : QSystemTrayIcon::Warning);
    } else {
        m_alertBanner->showAlert(alert.title, alert.text, urgent);
    }
    QApplication::alert(window());
}

void IncidentView::reloadChain()
{
    m_chainState->setVisible(m_live.incidentLoaded() && m_incidentId > 0);
    if (!m_chainState->isVisibleTo(this))
        return;
    const IncidentState &state = m_live.incident();
    const RecordChain::Report *report = state.chainProblem.isEmpty() ? &state.chain : nullptr;
    QPalette pal = m_chainState->palette();
    if (report && report->intact && !report->complete) {
        m_chainState->setText(tr("Checking the record chain: %1 records intact so far.")
                                  .arg(QLocale().toString(report->records)));
        pal.setColor(QPalette::Window, palette().color(QPalette::Window));
        pal.setColor(QPalette::WindowText, palette().color(QPalette::WindowText));
    } else if (report && report->intact) {
        m_chainState->setText(report->records == 1
                                  ? tr("Record chain intact: 1 record.")
                                  : tr("Record chain intact: %1 records, each linked to the one "
                                       "before.")
                                        .arg(report->records));
        pal.setColor(QPalette::Window, palette().color(QPalette::Window));
        pal.setColor(QPalette::WindowText, WarroomColors::onTrack());
    } else {
        const QString why = report ? report->problem : state.chainProblem;
        m_chainState->setText(tr("RECORD CHAIN BROKEN: %1. The war room's record was changed "
                                 "outside Warroom; run \"warroom verify\" and keep a copy of the "
                                 "file as evidence.")
                                  .arg(why));
        pal.setColor(QPalette::Window, WarroomColors::problemBackground());
        pal.setColor(QPalette::WindowText, WarroomColors::alarm());
    }
    m_chainState->setPalette(pal);
}

void IncidentView::showProblem(const QString &message)
{
    m_problem->setText(tr("Cannot read from the database: %1").arg(message));
    m_problem->show();
}
