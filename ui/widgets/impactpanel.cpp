#include "widgets/impactpanel.h"

#include "charts/impactcharts.h"
#include "incidentactions.h"
#include "livewarroom.h"
#include "rules/clock.h"
#include "rules/impacttimeline.h"
#include "rules/severitycalibration.h"
#include "timeformat.h"
#include "widgets/actionbutton.h"

#include <QAction>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

ImpactPanel::ImpactPanel(const LiveWarRoom &live, IncidentActions &actions, const Clock &clock,
                         QWidget *parent)
    : QWidget(parent), m_live(live), m_clock(clock), m_summary(new QLabel(this)),
      m_chartChoice(new QComboBox(this)), m_chartView(new QChartView(this)),
      m_history(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("impactPanel"));
    m_summary->setObjectName(QStringLiteral("impactSummaryLabel"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_chartChoice->setObjectName(QStringLiteral("chartComboBox"));
    m_chartChoice->addItems({tr("Impact over time"), tr("Commitments met and missed")});
    m_chartView->setObjectName(QStringLiteral("impactChartView"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    // Below this the axis titles and labels collapse to "…"; the panel scrolls instead.
    m_chartView->setMinimumHeight(280);
    m_history->setObjectName(QStringLiteral("impactHistoryTree"));
    m_history->setRootIsDecorated(false);
    m_history->setHeaderLabels(
        {tr("When"), tr("Users"), tr("Share"), tr("Functions"), tr("By"), tr("Confidence")});
    m_history->header()->setStretchLastSection(true);
    m_history->setFixedHeight(m_history->fontMetrics().height() * 4);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_chartChoice);
    buttons->addStretch();
    buttons->addWidget(buttonForAction(actions.assessImpactAction(), this));
    buttons->addWidget(buttonForAction(actions.setSeverityAction(), this));

    // The side tabs are short on a laptop screen: the content scrolls rather than squash the
    // chart; the buttons stay in sight below it.
    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(m_summary);
    contentLayout->addWidget(m_chartView, 1);
    contentLayout->addWidget(m_history);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("impactScrollArea"));
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(scroll, 1);
    layout->addLayout(buttons);

    connect(&m_live, &LiveWarRoom::incidentChanged, this, [this](ChangeTopics topics) {
        if (topics.hasAny({ChangeTopic::Incidents, ChangeTopic::Impact, ChangeTopic::Commitments,
                           ChangeTopic::Status}))
            reload();
    });
    connect(&m_live, &LiveWarRoom::warRoomChanged, this, [this](ChangeTopics topics) {
        if (topics.has(ChangeTopic::Policy))
            reload();
    });
    connect(m_chartChoice, &QComboBox::currentIndexChanged, this, &ImpactPanel::reload);
    // The time axis runs to now: stretch it now and then, not every second.
    auto *tick = new QTimer(this);
    tick->setInterval(60 * 1000);
    tick->start();
    connect(tick, &QTimer::timeout, this, &ImpactPanel::reload);
    connect(&m_clock, &Clock::jumped, this, &ImpactPanel::reload);
}

void ImpactPanel::reload()
{
    if (!m_live.incidentLoaded()) {
        m_summary->clear();
        m_history->clear();
        return;
    }
    const IncidentState &state = m_live.incident();
    const Incident *incident = &state.incident;
    const QList<ImpactAssessment> *assessments = &state.assessments;
    const QList<SeverityChange> *changes = &state.severityChanges;
    const QList<StatusChange> *statuses = &state.statusChanges;
    const QList<Commitment> *commitments = &state.commitments;
    const SeverityRules &rules = m_live.policy().severity;
    const SeverityStatus status = severityStatus(incident->severity, *assessments, *changes, rules);
    if (assessments->isEmpty()) {
        m_summary->setText(tr("Impact not assessed yet. Assess scope and scale before calibrating "
                              "the severity (now %1).")
                               .arg(status.text()));
    } else {
        const ImpactAssessment &last = assessments->constLast();
        m_summary->setText(tr("%1\nSuggested %2. Severity: %3. Assessed %4 by %5 (%6).")
                               .arg(impactSentence(last), calibrate(last, rules).reason,
                                    status.text(), TimeFormat::clock(last.at, m_clock.now()),
                                    last.by, confidenceName(last.confidence)));
    }

    const QDateTime now = m_clock.now();
    const auto shown = m_chartChoice->currentIndex() == 0 ? ShownChart::ImpactOverTime
                                                          : ShownChart::CommitmentsMetMissed;
    if (shown == ShownChart::ImpactOverTime) {
        const ImpactTimeline timeline =
            buildImpactTimeline(*assessments, *statuses, *commitments, incident->openedAt, now);
        // The chart shown is given the new data: building one anew costs far more.
        if (m_shown == shown)
            ImpactCharts::showTimeline(*m_chartView->chart(), timeline,
                                       ImpactCharts::rangeOf(timeline));
        else
            showChart(ImpactCharts::impactOverTime(timeline));
    } else {
        showChart(ImpactCharts::commitmentsMetMissed(
            buildCommitmentTally(*commitments, incident->openedAt, now)));
    }
    m_shown = shown;

    m_history->clear();
    const QLocale english(QLocale::English);
    for (auto it = assessments->crbegin(); it != assessments->crend(); ++it) {
        auto *item = new QTreeWidgetItem(
            m_history,
            {TimeFormat::clock(it->at, m_clock.now()), english.toString(it->affectedUsers),
             QStringLiteral("%1 %").arg(it->userShare() * 100, 0, 'f', 1),
             formatFunctions(it->functions), it->by, confidenceName(it->confidence)});
        item->setToolTip(0, impactSentence(*it) +
                                (it->notes.isEmpty() ? QString() : u"\n\n" + it->notes));
    }
}

void ImpactPanel::showChart(QChart *chart)
{
    QChart *old = m_chartView->chart();
    m_chartView->setChart(chart); // the view owns the new chart
    delete old;
}
