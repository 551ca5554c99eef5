#include "dialogs/newincidentdialog.h"
#include "colors.h"
#include "dialogs/awaitedsubmit.h"

#include "domain/fieldcheck.h"
#include "domain/zonedtime.h"
#include "widgets/timezonefield.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

NewIncidentDialog::NewIncidentDialog(Create create, QWidget *parent)
    : QDialog(parent), m_create(std::move(create)), m_title(new QLineEdit(this)),
      m_customer(new QLineEdit(this)), m_severity(new QComboBox(this)),
      m_inCharge(new QLineEdit(this)), m_phone(new QLineEdit(this)),
      m_problem(new QPlainTextEdit(this)), m_customerZone(new QLineEdit(this)),
      m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("newIncidentDialog"));
    setWindowTitle(tr("New incident"));
    m_title->setObjectName(QStringLiteral("titleLineEdit"));
    m_customer->setObjectName(QStringLiteral("customerLineEdit"));
    m_severity->setObjectName(QStringLiteral("severityComboBox"));
    m_inCharge->setObjectName(QStringLiteral("inChargeLineEdit"));
    m_phone->setObjectName(QStringLiteral("phoneLineEdit"));
    m_problem->setObjectName(QStringLiteral("problemPlainTextEdit"));
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_customerZone->setObjectName(QStringLiteral("customerZoneLineEdit"));
    // Most customers are where their war room is; the commander changes it when not.
    m_customerZone->setText(ZonedTime::systemZoneId());
    m_customerZone->setToolTip(tr("Where the customer reads times: their notices, briefings "
                                  "and report write times in this zone."));
    TimeZoneField::offerZones(m_customerZone);

    m_title->setMaxLength(FieldLimit::Title);
    m_customer->setMaxLength(FieldLimit::Title);
    m_inCharge->setMaxLength(FieldLimit::Name);
    m_phone->setMaxLength(FieldLimit::Phone);
    m_title->setPlaceholderText(tr("What is broken, in a few words"));
    m_problem->setPlaceholderText(
        tr("The problem as the customer describes it: what fails, for whom, since when"));
    m_problem->setTabChangesFocus(true);
    for (Severity s : {Severity::Sev1, Severity::Sev2, Severity::Sev3, Severity::Sev4})
        m_severity->addItem(severityName(s), int(s));
    m_severity->setCurrentIndex(2);
    m_severity->setToolTip(tr("Assess the impact first; severity follows from scope and scale."));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    WarroomColors::setTextColor(m_error, WarroomColors::alarm());
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Title:"), m_title);
    form->addRow(tr("&Customer:"), m_customer);
    form->addRow(tr("&Severity:"), m_severity);
    form->addRow(tr("&In charge:"), m_inCharge);
    form->addRow(tr("&Phone:"), m_phone);
    form->addRow(tr("P&roblem statement:"), m_problem);
    form->addRow(tr("Customer's time &zone:"), m_customerZone);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Open incident"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("openIncidentButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &NewIncidentDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &NewIncidentDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    m_awaited = new AwaitedSubmit(*this, *buttons->button(QDialogButtonBox::Ok), *m_error);
    // What was refused no longer applies once a field changes; left up, it reads as if the fix
    // had not worked. Opening again shows whatever still stands.
    const auto edited = [this] {
        if (!m_awaited->isWaiting())
            m_error->hide();
    };
    for (QLineEdit *line : {m_title, m_customer, m_inCharge, m_phone, m_customerZone})
        connect(line, &QLineEdit::textChanged, this, edited);
    connect(m_problem, &QPlainTextEdit::textChanged, this, edited);
    resize(520, 380);
}

NewIncident NewIncidentDialog::incident() const
{
    NewIncident incident;
    incident.title = m_title->text();
    incident.customer = m_customer->text();
    incident.severity = Severity(m_severity->currentData().toInt());
    incident.inChargeName = m_inCharge->text();
    incident.inChargePhone = m_phone->text();
    incident.problemStatement = m_problem->toPlainText();
    incident.customerTimeZone = m_customerZone->text();
    return incident;
}

void NewIncidentDialog::accept()
{
    if (m_awaited->isWaiting())
        return;
    // Every problem at once, before anything is sent.
    if (const QStringList problems = incident().problems(); !problems.isEmpty()) {
        m_error->setText(problems.join(u'\n'));
        m_error->show();
        return;
    }
    // The answer reaches the dialog only while it is there (AwaitedSubmit drops it after).
    auto answered = m_awaited->begin();
    QPointer<NewIncidentDialog> self(this);
    m_create(incident(), [self, answered](const Result<qint64> &created) {
        if (self && created)
            self->m_createdId = *created;
        answered(asOutcome(created));
    });
}
