#include "widgets/impactpanel.h"

#include "charts/impactcharts.h"
#include "incidentactions.h"
#include "rules/clock.h"
#include "rules/impacttimeline.h"
#include "rules/severitycalibration.h"
#include "storage/incidentstore.h"
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
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

ImpactPanel::ImpactPanel(IncidentStore &store, IncidentActions &actions, const Clock &clock,
                         QWidget *parent)
    : QWidget(parent), m_store(store), m_clock(clock), m_summary(new QLabel(this)),
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
    m_chartView->setMinimumHeight(150);
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

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(m_chartView, 1);
    layout->addWidget(m_history);
    layout->addLayout(buttons);

    connect(&m_store, &IncidentStore::changed, this, [this](ChangeTopic topic, qint64 id) {
        const bool shown = topic == ChangeTopic::Impact || topic == ChangeTopic::Commitments ||
                           topic == ChangeTopic::Status;
        if ((shown && id == m_incidentId) || topic == ChangeTopic::Policy)
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

void ImpactPanel::setIncident(qint64 incidentId)
{
    m_incidentId = incidentId;
    reload();
}

void ImpactPanel::reload()
{
    if (m_incidentId <= 0)
        return;
    const auto incident = m_store.incident(m_incidentId);
    const auto assessments = m_store.impactAssessments(m_incidentId);
    const auto changes = m_store.severityChanges(m_incidentId);
    const auto statuses = m_store.statusChanges(m_incidentId);
    const auto commitments = m_store.commitments(m_incidentId);
    const QString error = incident.error() + assessments.error() + changes.error() +
                          statuses.error() + commitments.error();
    if (!error.isEmpty()) {
        m_summary->setText(tr("Cannot read the impact: %1").arg(error));
        return;
    }
    const SeverityRules rules = m_store.policyOrDefaults().severity;
    const SeverityStatus status = severityStatus(incident->severity, *assessments, *changes, rules);
    if (assessments->isEmpty()) {
        m_summary->setText(tr("Impact not assessed yet. Assess scope and scale before calibrating "
                              "the severity (now %1).")
                               .arg(status.text()));
    } else {
        const ImpactAssessment &last = assessments->constLast();
        m_summary->setText(tr("%1\nSuggested %2. Severity: %3. Assessed %4 by %5 (%6).")
                               .arg(impactSentence(last), calibrate(last, rules).reason,
                                    status.text(), TimeFormat::clock(last.at), last.by,
                                    confidenceName(last.confidence)));
    }

    const QDateTime now = m_clock.now();
    QChart *chart = m_chartChoice->currentIndex() == 0
                        ? ImpactCharts::impactOverTime(buildImpactTimeline(
                              *assessments, *statuses, *commitments, incident->openedAt, now))
                        : ImpactCharts::commitmentsMetMissed(
                              buildCommitmentTally(*commitments, incident->openedAt, now));
    QChart *old = m_chartView->chart();
    m_chartView->setChart(chart); // the view owns the new chart
    delete old;

    m_history->clear();
    const QLocale english(QLocale::English);
    for (auto it = assessments->crbegin(); it != assessments->crend(); ++it) {
        auto *item = new QTreeWidgetItem(
            m_history, {TimeFormat::clock(it->at), english.toString(it->affectedUsers),
                        QStringLiteral("%1 %").arg(it->userShare() * 100, 0, 'f', 1),
                        formatFunctions(it->functions), it->by, confidenceName(it->confidence)});
        item->setToolTip(0, impactSentence(*it) +
                                (it->notes.isEmpty() ? QString() : u"\n\n" + it->notes));
    }
}
