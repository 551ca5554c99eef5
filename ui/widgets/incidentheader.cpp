#include "widgets/incidentheader.h"

#include "colors.h"
#include "domain/zonedtime.h"
#include "rules/clock.h"
#include "timeformat.h"
#include "widgets/countdownwidget.h"
#include "wording.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QTimer>
#include <QVBoxLayout>

namespace {
QLabel *chip(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setMargin(4);
    label->setAutoFillBackground(true);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

void paintChip(QLabel *label, const QColor &background, const QColor &foreground)
{
    QPalette pal = label->palette();
    pal.setColor(QPalette::Window, background);
    pal.setColor(QPalette::WindowText, foreground);
    label->setPalette(pal);
}

QColor severityColor(Severity severity)
{
    switch (severity) {
    case Severity::Sev1:
        return QColor(0xb7, 0x1c, 0x1c);
    case Severity::Sev2:
        return QColor(0xe6, 0x51, 0x00);
    case Severity::Sev3:
        return QColor(0xf9, 0xa8, 0x25);
    case Severity::Sev4:
        return QColor(0x54, 0x6e, 0x7a);
    }
    return {};
}
} // namespace

IncidentHeader::IncidentHeader(const Clock &clock, QWidget *parent)
    : QWidget(parent), m_clock(clock), m_clocks(new QLabel(this)), m_title(new QLabel(this)),
      m_customer(new QLabel(this)), m_status(chip(QStringLiteral("statusLabel"), this)),
      m_severity(chip(QStringLiteral("severityLabel"), this)), m_inCharge(new QLabel(this)),
      m_liaison(new QLabel(this)), m_presence(new QLabel(this)),
      m_problem(chip(QStringLiteral("problemLabel"), this)),
      m_questions(chip(QStringLiteral("openQuestionsLabel"), this)),
      m_asks(chip(QStringLiteral("outstandingAsksLabel"), this)),
      m_countdown(new CountdownWidget(clock, this)),
      m_briefingCountdown(new CountdownWidget(clock, this))
{
    setObjectName(QStringLiteral("incidentHeader"));
    m_title->setObjectName(QStringLiteral("incidentTitleLabel"));
    m_customer->setObjectName(QStringLiteral("customerLabel"));
    m_inCharge->setObjectName(QStringLiteral("inChargeLabel"));
    m_liaison->setObjectName(QStringLiteral("liaisonLabel"));
    m_presence->setObjectName(QStringLiteral("presenceLabel"));
    m_presence->setTextFormat(Qt::PlainText);
    m_presence->setWordWrap(true);
    m_presence->hide(); // a desktop's own file has nobody else
    m_clocks->setObjectName(QStringLiteral("clocksLabel"));
    m_clocks->setTextFormat(Qt::PlainText);
    auto *tick = new QTimer(this);
    tick->setInterval(1000);
    connect(tick, &QTimer::timeout, this, &IncidentHeader::refreshClocks);
    connect(&m_clock, &Clock::jumped, this, &IncidentHeader::refreshClocks);
    tick->start();
    for (QLabel *label : {m_title, m_customer, m_inCharge, m_liaison}) {
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    QFont inChargeFont = m_inCharge->font();
    inChargeFont.setPointSizeF(inChargeFont.pointSizeF() * 1.15);
    m_inCharge->setFont(inChargeFont);

    auto *chips = new QHBoxLayout;
    chips->addWidget(m_severity);
    chips->addWidget(m_status);
    chips->addWidget(m_customer);
    chips->addStretch();
    chips->addWidget(m_clocks);

    auto *gaps = new QHBoxLayout;
    gaps->addWidget(m_problem);
    gaps->addWidget(m_questions);
    gaps->addWidget(m_asks);
    gaps->addStretch();

    auto *left = new QVBoxLayout;
    left->addWidget(m_title);
    left->addLayout(chips);
    left->addWidget(m_inCharge);
    left->addWidget(m_liaison);
    left->addWidget(m_presence);
    left->addLayout(gaps);
    left->addStretch();

    auto *layout = new QHBoxLayout(this);
    // An override's reason can be long: wrap it rather than push the countdowns off screen.
    m_severity->setWordWrap(true);
    m_severity->setMaximumWidth(460);
    m_briefingCountdown->setObjectName(QStringLiteral("briefingCountdownWidget"));
    m_briefingCountdown->setMinimumWidth(200);
    m_countdown->setMinimumWidth(260);
    layout->addLayout(left, 1);
    layout->addWidget(m_briefingCountdown);
    layout->addWidget(m_countdown);
}

void IncidentHeader::setShowUtc(bool show)
{
    m_showUtc = show;
    refreshClocks();
}

void IncidentHeader::refreshClocks()
{
    const QDateTime now = m_clock.now();
    QStringList clocks{tr("Now %1").arg(TimeFormat::inZone(now, now))};
    const QTimeZone here = TimeFormat::here();
    const QTimeZone customer = ZonedTime::zoneOrUtc(m_customerZone);
    if (customer.offsetFromUtc(now) != here.offsetFromUtc(now) ||
        ZonedTime::zoneName(now, customer) != ZonedTime::zoneName(now, here))
        clocks << tr("customer %1").arg(ZonedTime::dayAndTimeInZone(now, now, customer));
    if (m_showUtc && here.offsetFromUtc(now) != 0 && customer.offsetFromUtc(now) != 0)
        clocks << TimeFormat::utc(now);
    const QString text = clocks.join(QStringLiteral(" · "));
    if (m_clocks->text() != text)
        m_clocks->setText(text);
    m_clocks->setToolTip(
        m_customerZone.isEmpty()
            ? tr("The customer's time zone was never said: their notices and documents say UTC. "
                 "Set it under Incident > Customer's time zone.")
            : tr("The customer reads times in %1: their notices and documents use it.")
                  .arg(m_customerZone));
}

void IncidentHeader::setIncident(const Incident &incident)
{
    m_customerZone = incident.customerTimeZone;
    refreshClocks();
    m_title->setText(incident.title);
    m_customer->setText(tr("Customer: %1").arg(incident.customer));
    m_status->setText(statusName(incident.status).toUpper());
    paintChip(m_status, QColor(0x26, 0x32, 0x38), Qt::white);
    m_severity->setText(severityName(incident.severity));
    paintChip(m_severity, severityColor(incident.severity),
              incident.severity == Severity::Sev3 ? QColor(Qt::black) : QColor(Qt::white));
    if (incident.inChargeName.isEmpty()) {
        m_inCharge->setText(tr("Nobody is in charge: name one person, with a phone number."));
        WarroomColors::setTextColor(m_inCharge, WarroomColors::alarm());
    } else {
        m_inCharge->setText(tr("In charge: %1 · %2 · since %3")
                                .arg(incident.inChargeName, incident.inChargePhone,
                                     TimeFormat::clock(incident.inChargeSince, m_clock.now())));
        m_inCharge->setPalette(palette());
    }
    // Not an alarm: a small crisis may be run by one person; the header says who talks to
    // the customer either way.
    if (incident.liaisonName.isEmpty())
        m_liaison->setText(tr("Business liaison: none named (the person in charge speaks to the "
                              "customer)"));
    else
        m_liaison->setText(tr("Business liaison: %1 · %2 · since %3")
                               .arg(incident.liaisonName, incident.liaisonPhone,
                                    TimeFormat::clock(incident.liaisonSince, m_clock.now())));
}

void IncidentHeader::setCommitments(const QList<Commitment> &commitments)
{
    m_countdown->setCommitments(commitments);
}

void IncidentHeader::setProblem(const std::optional<ProblemStatement> &problem)
{
    if (!problem) {
        m_problem->setText(tr("no problem statement"));
        paintChip(m_problem, WarroomColors::alarm(), Qt::white);
        m_problem->setToolTip(tr("Write down the problem as we understand it and repeat it back "
                                 "to the customer."));
    } else if (!problem->confirmation) {
        m_problem->setText(tr("problem statement not confirmed"));
        paintChip(m_problem, WarroomColors::alarm(), Qt::white);
        m_problem->setToolTip(problem->text);
    } else {
        m_problem->setText(tr("problem confirmed by %1").arg(problem->confirmation->confirmedBy));
        paintChip(m_problem, WarroomColors::onTrack(), Qt::white);
        m_problem->setToolTip(tr("%1\n\nConfirmed %2 (%3)")
                                  .arg(problem->text, TimeFormat::full(problem->confirmation->at),
                                       problem->confirmation->how));
    }
}

void IncidentHeader::setOpenCounts(int openQuestions, int outstandingAsks)
{
    m_questions->setText(countOf(openQuestions, tr("open question"), tr("open questions")));
    paintChip(m_questions,
              openQuestions > 0 ? QColor(0x6a, 0x1b, 0x9a) : palette().color(QPalette::Mid),
              Qt::white);
    m_asks->setText(
        countOf(outstandingAsks, tr("customer ask outstanding"), tr("customer asks outstanding")));
    paintChip(m_asks,
              outstandingAsks > 0 ? QColor(0xad, 0x14, 0x57) : palette().color(QPalette::Mid),
              Qt::white);
}

void IncidentHeader::setSeverityText(const QString &text, bool assessed)
{
    m_severity->setText(text);
    m_severity->setToolTip(assessed ? tr("Severity follows the latest impact assessment unless "
                                         "overridden with a reason.")
                                    : tr("Not assessed: assess the impact (Ctrl+I) before "
                                         "trusting this severity."));
}

void IncidentHeader::setNextBriefing(const BriefingDue &due)
{
    CountdownWidget::Target target;
    target.due = due.due;
    target.caption = tr("Next briefing due");
    target.detail = tr("at %1").arg(TimeFormat::inZone(due.due, m_clock.now()));
    target.tooltip = due.why;
    target.late = tr("OVERDUE by %1");
    target.none = tr("no briefing cadence");
    m_briefingCountdown->setTarget(target);
}

void IncidentHeader::setPresence(const QStringList &others)
{
    m_presence->setText(others.isEmpty()
                            ? tr("Nobody else has this war room open.")
                            : tr("Also here: %1").arg(others.join(QStringLiteral(", "))));
    m_presence->show();
}
