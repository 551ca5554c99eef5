#pragma once

#include "domain/result.h"

#include <QDateTime>
#include <QDialog>
#include <QHash>
#include <QVariant>

#include <functional>

class Clock;
class DueTimeEdit;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class AwaitedSubmit;
class QPushButton;

// The small decision dialogs of the war room (commit a deadline, hand over, frame, ask...),
// built from fields. Submitting runs the action; if the store refuses, the dialog stays open
// with everything typed and shows why, so nothing typed in a hurry is lost. An action that
// answers later (a write on the store's thread) leaves the dialog responsive but waiting.
// Field widgets are named "<key>LineEdit", "<key>TextEdit", "<key>DueEdit", "<key>ComboBox".
class FormDialog : public QDialog
{
    Q_OBJECT
public:
    using Submit = std::function<Outcome(const FormDialog &form)>;
    using Answer = std::function<void(const Outcome &outcome)>;
    using Send = std::function<void(const FormDialog &form, Answer answered)>;

    FormDialog(const QString &title, const QString &intro, QWidget *parent = nullptr);

    QLineEdit *addLine(const QString &key, const QString &label, const QString &text = {},
                       const QString &placeholder = {});
    QPlainTextEdit *addText(const QString &key, const QString &label, const QString &text = {},
                            const QString &placeholder = {});
    DueTimeEdit *addDue(const QString &key, const QString &label, const Clock &clock,
                        const QString &text = {});
    QComboBox *addChoice(const QString &key, const QString &label,
                         const QList<QPair<QString, QVariant>> &choices);
    QCheckBox *addCheck(const QString &key, const QString &label, bool checked = false);
    void setSubmit(const QString &buttonText, Submit submit);
    // As setSubmit, for an action that answers later: the dialog closes when it succeeds, shows
    // why when it is refused, and says so when the answer is slow. Closing it meanwhile does
    // not take the action back; a refusal then comes as a message.
    void setSend(const QString &buttonText, Send send);
    // Another way out beside submit and cancel: the dialog closes with resultCode.
    QPushButton *addAlternative(const QString &buttonText, int resultCode);
    // Shows why the last attempt failed, as a refused submit does.
    void showProblem(const QString &problem);
    // A line under the fields, recomputed whenever any field changes.
    void setPreview(std::function<QString(const FormDialog &form)> preview);

    QString text(const QString &key) const;
    Result<QDateTime> due(const QString &key) const;
    QVariant choice(const QString &key) const;
    bool checked(const QString &key) const;

    void accept() override;

private:
    void addField(const QString &key, const QString &label, QWidget *field);
    void fieldEdited();
    void updatePreview();

    QFormLayout *m_form;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    QPushButton *m_submitButton;
    Submit m_submit;
    Send m_send;
    AwaitedSubmit *m_awaited = nullptr;
    QLabel *m_preview;
    std::function<QString(const FormDialog &)> m_previewText;
    QHash<QString, QWidget *> m_fields;
};
