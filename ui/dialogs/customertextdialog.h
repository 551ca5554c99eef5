#pragma once

#include "rules/plainlanguage.h"

#include <QDialog>

class AwaitedSubmit;
class Clock;
class LiveWarRoom;
class PlainLanguageCheck;
class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QVBoxLayout;

// A dialog whose text goes to the customer (a briefing, the resolution report): its fields are
// checked for plain language as they are typed, the send button counts what was found, and the
// store's answer is awaited with everything typed kept when it refuses.
class CustomerTextDialog : public QDialog
{
    Q_OBJECT
public:
    int findingCount() const;
    QStringList findingTexts() const;

protected:
    // Written by `by` for the incident the window shows, checked against the war room's jargon.
    CustomerTextDialog(const LiveWarRoom &live, const Clock &clock, QString by, QWidget *parent);

    PlainLanguageCheck *check() const { return m_check; }
    // A text field for the customer, checked as it is typed, as a row of form.
    QPlainTextEdit *addCheckedRow(QFormLayout *form, const QString &key, const QString &label,
                                  int lines, const QString &placeholder);
    // Under the fields: the check's findings, the line that says why a send was refused, and
    // the buttons; send reads sendText, with the findings counted when there are any.
    void addFooter(QVBoxLayout *layout, const QString &sendText, const QString &sendObjectName);
    void showError(const QString &problem);

    const LiveWarRoom &m_live;
    const Clock &m_clock;
    const qint64 m_incidentId;
    const QString m_by;
    QPushButton *m_send = nullptr;
    QLabel *m_error = nullptr;
    AwaitedSubmit *m_awaited = nullptr;

private:
    PlainLanguageCheck *m_check;
    QString m_sendText;
    bool m_firstRowAdded = false;
};
