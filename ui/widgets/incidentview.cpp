#include "widgets/incidentview.h"
#include "colors.h"

#include "services/countdown.h"
#include "storage/incidentstore.h"
#include "widgets/briefingpanel.h"
#include "widgets/incidentheader.h"
#include "widgets/technicallogpanel.h"

#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

IncidentView::IncidentView(IncidentStore &store, const Clock &clock, QWidget *parent)
    : QWidget(parent), m_store(store), m_header(new IncidentHeader(clock, this)),
      m_problem(new QLabel(this)), m_log(new TechnicalLogPanel(store, this)),
      m_briefings(new BriefingPanel(clock, this))
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

    auto *channels = new QSplitter(Qt::Horizontal, this);
    channels->setObjectName(QStringLiteral("channelSplitter"));
    channels->addWidget(m_log);
    channels->addWidget(m_briefings);
    channels->setStretchFactor(0, 3);
    channels->setStretchFactor(1, 2);
    channels->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_problem);
    layout->addWidget(channels, 1);

    connect(&m_store, &IncidentStore::incidentsChanged, this, &IncidentView::reloadIncident);
    connect(&m_store, &IncidentStore::commitmentsChanged, this, [this](qint64 id) {
        if (id == m_incidentId)
            reloadCommitments();
    });
    connect(&m_store, &IncidentStore::briefingsChanged, this, [this](qint64 id) {
        if (id == m_incidentId)
            reloadBriefings();
    });
}

void IncidentView::showIncident(qint64 incidentId)
{
    m_incidentId = incidentId;
    m_problem->hide();
    reloadIncident();
    reloadCommitments();
    reloadBriefings();
    m_log->setIncident(incidentId);
}

void IncidentView::reloadIncident()
{
    if (m_incidentId <= 0)
        return;
    const auto incident = m_store.incident(m_incidentId);
    if (!incident)
        return showProblem(incident.error());
    m_header->setIncident(*incident);
}

void IncidentView::reloadCommitments()
{
    const auto commitments = m_store.commitments(m_incidentId);
    if (!commitments)
        return showProblem(commitments.error());
    m_header->setNextDeadline(nextDeadline(*commitments));
}

void IncidentView::reloadBriefings()
{
    const auto briefings = m_store.briefings(m_incidentId);
    if (!briefings)
        return showProblem(briefings.error());
    m_briefings->setBriefings(*briefings);
}

void IncidentView::showProblem(const QString &message)
{
    m_problem->setText(tr("Cannot read from the database: %1").arg(message));
    m_problem->show();
}
