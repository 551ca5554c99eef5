#pragma once

#include "rules/quickentry.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QTimer;

// The line under the technical log: type, Enter, done. A prefix picks the kind, and the
// kind that will be used shows beside the box while typing.
class QuickEntryBar : public QWidget
{
    Q_OBJECT
public:
    explicit QuickEntryBar(QWidget *parent = nullptr);

    QString author() const;
    // After a failed write the text stays in the box and the reason shows under it.
    void showFailure(const QString &message);
    void clearAfterSuccess();
    // The line as typed, prefix included.
    QString typedText() const;
    // Puts the cursor in the line, ready to type.
    void focusText();
    // How many entries are on their way to the store (0: back to the help text).
    void showSending(int waiting);
    // An entry the store refused comes back into the box (or, if the next one is being typed,
    // into the message) with the reason.
    void returnUnsent(const QString &typed, const QString &why);

signals:
    void submitted(const QuickEntry &entry, const QString &author);

private:
    void updatePreview();
    void showWaiting();
    void clearMessage();
    void submit();

    QLineEdit *m_author;
    QLineEdit *m_text;
    QLabel *m_kind;
    QLabel *m_message;
    // "Adding…" shows only when the store is slow to answer, not after every entry.
    QTimer *m_slowAnswer;
    int m_waiting = 0;
};
