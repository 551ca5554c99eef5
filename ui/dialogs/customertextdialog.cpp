#include "dialogs/customertextdialog.h"

#include "colors.h"
#include "dialogs/awaitedsubmit.h"
#include "livewarroom.h"
#include "widgets/plainlanguagecheck.h"
#include "wording.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

CustomerTextDialog::CustomerTextDialog(const LiveWarRoom &live, const Clock &clock, QString by,
                                       QWidget *parent)
    : QDialog(parent), m_live(live), m_clock(clock), m_incidentId(live.incidentId()),
      m_by(std::move(by)),
      m_check(new PlainLanguageCheck(PlainLanguageProfile::english(live.policy().jargon), this))
{}

QStringList CustomerTextDialog::findingTexts() const
{
    return m_check->findingTexts();
}

int CustomerTextDialog::findingCount() const
{
    return m_check->findingCount();
}

QPlainTextEdit *CustomerTextDialog::addCheckedRow(QFormLayout *form, const QString &key,
                                                  const QString &label, int lines,
                                                  const QString &placeholder)
{
    QPlainTextEdit *edit = m_check->addField(key, label, lines, placeholder);
    // The first text takes what is typed, not the findings list made before it.
    if (!m_firstRowAdded)
        edit->setFocus();
    m_firstRowAdded = true;
    form->addRow(label, edit);
    return edit;
}

void CustomerTextDialog::addFooter(QVBoxLayout *layout, const QString &sendText,
                                   const QString &sendObjectName)
{
    m_sendText = sendText;
    layout->addWidget(new QLabel(tr("Plain-language check:"), this));
    layout->addWidget(m_check);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    WarroomColors::setTextColor(m_error, WarroomColors::alarm());
    m_error->hide();
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_send = buttons->button(QDialogButtonBox::Ok);
    m_send->setObjectName(sendObjectName);
    connect(buttons, &QDialogButtonBox::accepted, this, &CustomerTextDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &CustomerTextDialog::reject);
    layout->addWidget(buttons);
    m_awaited = new AwaitedSubmit(*this, *m_send, *m_error);
    const auto countFindings = [this](int findings) {
        m_send->setText(
            findings == 0
                ? m_sendText
                : tr("%1 (%2)").arg(m_sendText, countOf(findings, tr("finding"), tr("findings"))));
    };
    connect(m_check, &PlainLanguageCheck::checked, this, countFindings);
    countFindings(m_check->findingCount());
}

void CustomerTextDialog::showError(const QString &problem)
{
    m_error->setText(problem);
    m_error->show();
}
