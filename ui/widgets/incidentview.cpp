#include "widgets/incidentview.h"

#include "colors.h"
#include "rules/cadence.h"
#include "rules/clock.h"
#include "rules/countdown.h"
#include "rules/severitycalibration.h"
#include "storage/incidentstore.h"
#include "usecases/incidentsnapshot.h"
#include "widgets/alertbanner.h"
#include "widgets/askspanel.h"
#include "widgets/briefingpanel.h"
#include "widgets/deadlinespanel.h"
#include "widgets/framingbar.h"
#include "widgets/handoverspanel.h"
#include "widgets/impactpanel.h"
#include "widgets/incidentheader.h"
#include "widgets/noticespanel.h"
#include "widgets/questionspanel.h"
#include "widgets/technicallogpanel.h"
#include "widgets/timeboxprompt.h"

#include <QApplication>
#include <QLabel>
#include <QSplitter>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

IncidentView::IncidentView(IncidentStore &store, const Clock &clock, IncidentActions &actions,
                           QWidget *parent)
    : QWidget(parent), m_store(store), m_clock(clock), m_header(new IncidentHeader(clock, this)),
      m_framing(new FramingBar(actions, clock, this)),
      m_timeboxPrompt(new TimeboxPrompt(actions, clock, this)),
      m_alertBanner(new AlertBanner(this)), m_problem(new QLabel(this)),
      m_chainState(new QLabel(this)), m_log(new TechnicalLogPanel(store, actions, this)),
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
    auto addPanel = [this](IncidentPanel *panel, const QString &title) {
        m_panels.append(panel);
        m_tabs->addTab(panel, title);
    };
    addPanel(new DeadlinesPanel(store, actions, clock, this), tr("Deadlines"));
    m_impact = new ImpactPanel(store, actions, clock, this);
    m_tabs->addTab(m_impact, tr("Impact"));
    addPanel(new QuestionsPanel(store, actions, clock, this), tr("Open questions"));
    addPanel(new AsksPanel(store, actions, this), tr("Customer asks"));
    addPanel(new NoticesPanel(store, actions, this), tr("Notices"));
    addPanel(new HandoversPanel(store, actions, this), tr("In charge"));

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
    layout->addWidget(m_problem);
    layout->addWidget(channels, 1);
    layout->addWidget(m_chainState);

    connect(&m_store, &IncidentStore::changed, this, &IncidentView::onChanged);

    auto *tick = new QTimer(this);
    tick->setInterval(1000);
    tick->start();
    connect(tick, &QTimer::timeout, this, &IncidentView::checkDeadlines);
    connect(&m_clock, &Clock::jumped, this, &IncidentView::checkDeadlines);

    // Nobody announces opening or closing a window: look now and then.
    if (m_store.address().isShared()) {
        auto *presence = new QTimer(this);
        presence->setInterval(kPresenceIntervalMs);
        presence->start();
        connect(presence, &QTimer::timeout, this, &IncidentView::reloadPresence);
    }
}

void IncidentView::reloadPresence()
{
    if (!m_store.address().isShared())
        return;
    // A failed look leaves the last one: the log and the alerts say when the server is away.
    if (const auto others = m_store.othersPresent())
        m_header->setPresence(*others);
}

void IncidentView::showIncident(qint64 incidentId)
{
    m_incidentId = incidentId;
    m_alertBanner->hide();
    m_problem->hide();
    reloadIncident(); // also the framing, whose staleness depends on the severity
    reloadCommitments();
    reloadBriefings();
    reloadProblem();
    reloadCounts();
    reloadPresence();
    m_log->setIncident(incidentId);
    for (IncidentPanel *panel : std::as_const(m_panels))
        panel->setIncident(incidentId);
    m_impact->setIncident(incidentId);
    reloadChain();
}

void IncidentView::onChanged(ChangeTopic topic, qint64 incidentId)
{
    if (topic == ChangeTopic::Incidents) {
        reloadIncident();
        return;
    }
    if (topic == ChangeTopic::Policy) {
        // The severity the rules suggest and the briefing cadence may both have changed.
        if (m_incidentId > 0)
            showIncident(m_incidentId);
        return;
    }
    if (incidentId != m_incidentId)
        return;
    switch (topic) {
    case ChangeTopic::Commitments:
        reloadCommitments();
        break;
    case ChangeTopic::Briefings:
        reloadBriefings();
        break;
    case ChangeTopic::Framing:
        reloadFraming();
        break;
    case ChangeTopic::Problem:
        reloadProblem();
        break;
    case ChangeTopic::Log:
    case ChangeTopic::Asks:
        reloadCounts();
        break;
    case ChangeTopic::Impact:
        reloadSeverity();
        break;
    default:
        break;
    }
    // Every change of an incident's record writes at least one entry to its log.
    if (topic == ChangeTopic::Log || topic == ChangeTopic::Briefings ||
        topic == ChangeTopic::Impact || topic == ChangeTopic::Asks)
        reloadChain();
}

void IncidentView::reloadIncident()
{
    if (m_incidentId <= 0)
        return;
    const auto incident = m_store.incident(m_incidentId);
    if (!incident)
        return showProblem(incident.error());
    m_header->setIncident(*incident);
    reloadFraming();
    reloadSeverity();
    reloadBriefingDue(); // the cadence follows the severity
}

void IncidentView::reloadSeverity()
{
    const auto status =
        loadSeverityStatus(m_store, m_incidentId, m_store.policyOrDefaults().severity);
    if (!status)
        return showProblem(status.error());
    m_header->setSeverityText(status->text(), status->assessed.has_value());
}

void IncidentView::reloadCommitments()
{
    const auto commitments = m_store.commitments(m_incidentId);
    if (!commitments)
        return showProblem(commitments.error());
    m_commitments = *commitments;
    m_header->setNextDeadline(nextDeadline(m_commitments));
    m_timeboxPrompt->setCommitments(m_commitments);
    checkDeadlines();
}

void IncidentView::reloadBriefings()
{
    const auto briefings = m_store.briefings(m_incidentId);
    if (!briefings)
        return showProblem(briefings.error());
    m_briefings->setBriefings(*briefings);
    reloadBriefingDue();
}

void IncidentView::reloadBriefingDue()
{
    const auto incident = m_store.incident(m_incidentId);
    const auto briefings = m_store.briefings(m_incidentId);
    if (!incident || !briefings)
        return showProblem(incident.error() + briefings.error());
    const std::optional<Briefing> last =
        briefings->isEmpty() ? std::nullopt : std::optional<Briefing>(briefings->constLast());
    m_header->setNextBriefing(nextBriefingDue(*incident, last, m_store.policyOrDefaults().cadence));
}

void IncidentView::reloadFraming()
{
    const auto framing = m_store.currentFraming(m_incidentId);
    const auto incident = m_store.incident(m_incidentId);
    if (!framing || !incident)
        return showProblem(framing.error() + incident.error());
    m_framing->setFraming(*framing, incident->severity);
}

void IncidentView::reloadProblem()
{
    const auto problem = m_store.currentProblem(m_incidentId);
    if (!problem)
        return showProblem(problem.error());
    m_header->setProblem(*problem);
}

void IncidentView::reloadCounts()
{
    const auto questions = m_store.openQuestions(m_incidentId);
    const auto asks = m_store.customerAsks(m_incidentId);
    if (!questions || !asks)
        return showProblem(questions.error() + asks.error());
    int outstanding = 0;
    for (const CustomerAsk &ask : *asks)
        outstanding += ask.isOutstanding();
    m_header->setOpenCounts(int(questions->size()), outstanding);
}

void IncidentView::checkDeadlines()
{
    // Every incident's deadlines, not only the one on screen: a miss elsewhere is still a miss.
    const auto outstanding = m_store.outstandingCommitments();
    if (!outstanding)
        return;
    for (DeadlineAlert alert : m_alerts.check(*outstanding, m_clock.now())) {
        if (alert.commitment.incidentId != m_incidentId) {
            const auto other = m_store.incident(alert.commitment.incidentId);
            alert.title = tr("%1 (incident #%2): %3")
                              .arg(other ? other->title : tr("another incident"))
                              .arg(alert.commitment.incidentId)
                              .arg(alert.title);
        }
        raise(alert);
    }
    m_store.recordMissedDeadlines(); // cheap when nothing new has passed
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
    m_chainState->setVisible(m_incidentId > 0);
    if (m_incidentId <= 0)
        return;
    const auto report = m_store.checkRecordChain(m_incidentId);
    QPalette pal = m_chainState->palette();
    if (report && report->intact) {
        m_chainState->setText(report->records == 1
                                  ? tr("Record chain intact: 1 record.")
                                  : tr("Record chain intact: %1 records, each linked to the one "
                                       "before.")
                                        .arg(report->records));
        pal.setColor(QPalette::Window, palette().color(QPalette::Window));
        pal.setColor(QPalette::WindowText, WarroomColors::onTrack());
    } else {
        const QString why = report ? report->problem : report.error();
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
