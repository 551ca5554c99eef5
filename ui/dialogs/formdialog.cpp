#include "dialogs/formdialog.h"

#include "colors.h"
#include "dialogs/awaitedsubmit.h"
#include "widgets/duetimeedit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

FormDialog::FormDialog(const QString &title, const QString &intro, QWidget *parent)
    : QDialog(parent), m_form(new QFormLayout), m_error(new QLabel(this)),
      m_preview(new QLabel(this))
{
    m_preview->setObjectName(QStringLiteral("previewLabel"));
    m_preview->setTextFormat(Qt::PlainText);
    m_preview->setWordWrap(true);
    m_preview->hide();
    setWindowTitle(title);
    auto *introLabel = new QLabel(intro, this);
    introLabel->setWordWrap(true);
    introLabel->setTextFormat(Qt::PlainText);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    WarroomColors::setTextColor(m_error, WarroomColors::alarm());
    m_error->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *buttons = m_buttons;
    m_submitButton = buttons->button(QDialogButtonBox::Ok);
    m_submitButton->setObjectName(QStringLiteral("submitButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &FormDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &FormDialog::reject);

    auto *layout = new QVBoxLayout(this);
    if (!intro.isEmpty())
        layout->addWidget(introLabel);
    else
        introLabel->hide();
    layout->addLayout(m_form);
    layout->addWidget(m_preview);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(560);
}

QLineEdit *FormDialog::addLine(const QString &key, const QString &label, const QString &text,
                               const QString &placeholder)
{
    auto *edit = new QLineEdit(text, this);
    edit->setObjectName(key + QStringLiteral("LineEdit"));
    edit->setPlaceholderText(placeholder);
    addField(key, label, edit);
    connect(edit, &QLineEdit::textChanged, this, &FormDialog::fieldEdited);
    return edit;
}

QPlainTextEdit *FormDialog::addText(const QString &key, const QString &label, const QString &text,
                                    const QString &placeholder)
{
    auto *edit = new QPlainTextEdit(text, this);
    edit->setObjectName(key + QStringLiteral("TextEdit"));
    edit->setPlaceholderText(placeholder);
    edit->setTabChangesFocus(true);
    edit->setMinimumHeight(80);
    addField(key, label, edit);
    connect(edit, &QPlainTextEdit::textChanged, this, &FormDialog::fieldEdited);
    return edit;
}

DueTimeEdit *FormDialog::addDue(const QString &key, const QString &label, const Clock &clock,
                                const QString &text)
{
    auto *edit = new DueTimeEdit(clock, this);
    edit->setObjectName(key + QStringLiteral("DueEdit"));
    edit->lineEdit()->setObjectName(key + QStringLiteral("LineEdit"));
    edit->setText(text);
    addField(key, label, edit);
    connect(edit->lineEdit(), &QLineEdit::textChanged, this, &FormDialog::fieldEdited);
    return edit;
}

QComboBox *FormDialog::addChoice(const QString &key, const QString &label,
                                 const QList<QPair<QString, QVariant>> &choices)
{
    auto *combo = new QComboBox(this);
    combo->setObjectName(key + QStringLiteral("ComboBox"));
    for (const auto &[text, value] : choices)
        combo->addItem(text, value);
    addField(key, label, combo);
    connect(combo, &QComboBox::currentIndexChanged, this, &FormDialog::fieldEdited);
    return combo;
}

QCheckBox *FormDialog::addCheck(const QString &key, const QString &label, bool checked)
{
    auto *box = new QCheckBox(this);
    box->setObjectName(key + QStringLiteral("CheckBox"));
    box->setChecked(checked);
    addField(key, label, box);
    connect(box, &QCheckBox::toggled, this, &FormDialog::fieldEdited);
    return box;
}

void FormDialog::addField(const QString &key, const QString &label, QWidget *field)
{
    // The first field takes what is typed: the buttons were made first, so Qt would otherwise
    // give the focus to the submit button, and a Space would submit.
    if (m_fields.isEmpty())
        field->setFocus();
    m_form->addRow(label, field);
    m_fields.insert(key, field);
}

bool FormDialog::checked(const QString &key) const
{
    auto *box = qobject_cast<QCheckBox *>(m_fields.value(key));
    return box && box->isChecked();
}

void FormDialog::setPreview(std::function<QString(const FormDialog &)> preview)
{
    m_previewText = std::move(preview);
    m_preview->show();
    updatePreview();
}

void FormDialog::fieldEdited()
{
    // A refusal speaks of what was submitted; once the fields change it no longer applies, and
    // left up it reads as if the fix had not worked. Submitting again shows it if it still does.
    if (!m_awaited || !m_awaited->isWaiting())
        showProblem({});
    updatePreview();
}

void FormDialog::updatePreview()
{
    if (m_previewText)
        m_preview->setText(m_previewText(*this));
}

void FormDialog::setSubmit(const QString &buttonText, Submit submit)
{
    m_submitButton->setText(buttonText);
    m_submit = std::move(submit);
}

QString FormDialog::text(const QString &key) const
{
    QWidget *field = m_fields.value(key);
    if (auto *line = qobject_cast<QLineEdit *>(field))
        return line->text();
    if (auto *text = qobject_cast<QPlainTextEdit *>(field))
        return text->toPlainText();
    if (auto *due = qobject_cast<DueTimeEdit *>(field))
        return due->text();
    if (auto *combo = qobject_cast<QComboBox *>(field))
        return combo->currentText();
    return {};
}

Result<QDateTime> FormDialog::due(const QString &key) const
{
    if (auto *edit = qobject_cast<DueTimeEdit *>(m_fields.value(key)))
        return edit->dueTime();
    return Failure{QStringLiteral("no time field %1").arg(key)};
}

QVariant FormDialog::choice(const QString &key) const
{
    if (auto *combo = qobject_cast<QComboBox *>(m_fields.value(key)))
        return combo->currentData();
    return {};
}

QPushButton *FormDialog::addAlternative(const QString &buttonText, int resultCode)
{
    QPushButton *button = m_buttons->addButton(buttonText, QDialogButtonBox::ActionRole);
    connect(button, &QPushButton::clicked, this, [this, resultCode] { done(resultCode); });
    return button;
}

void FormDialog::showProblem(const QString &problem)
{
    m_error->setText(problem);
    m_error->setVisible(!problem.isEmpty());
}

void FormDialog::setSend(const QString &buttonText, Send send)
{
    m_submitButton->setText(buttonText);
    m_send = std::move(send);
}

void FormDialog::accept()
{
    if (m_send) {
        if (!m_awaited)
            m_awaited = new AwaitedSubmit(*this, *m_submitButton, *m_error);
        if (!m_awaited->isWaiting())
            m_send(*this, m_awaited->begin());
        return;
    }
    const Outcome submitted = m_submit ? m_submit(*this) : ::done();
    if (!submitted) {
        showProblem(submitted.error());
        return;
    }
    QDialog::accept();
}
