#pragma once

#include "domain/result.h"

#include <QObject>

#include <functional>

class QDialog;
class QLabel;
class QPushButton;
class QTimer;

// A dialog whose submit is written on the store's thread: while the answer is awaited the
// submit button waits, the dialog stays responsive with everything typed, and a slow answer is
// said; a refusal shows in the dialog, success closes it. If the dialog was closed meanwhile,
// a refusal comes as a message: closing never takes the write back.
class AwaitedSubmit : public QObject
{
    Q_OBJECT
public:
    // The dynamic property of the dialog that is true while an answer is awaited: ModalHook
    // waits on it for a test's answer to a dialog.
    static constexpr const char *kWaitingProperty = "waitingForAnswer";

    AwaitedSubmit(QDialog &dialog, QPushButton &submit, QLabel &message);

    bool isWaiting() const;
    // Starts waiting; hand the result to the write. succeeded runs before the dialog closes.
    std::function<void(const Outcome &)> begin(std::function<void()> succeeded = {});

private:
    void setWaiting(bool waiting);
    void showRefusal(const QString &why);

    QDialog &m_dialog;
    QPushButton &m_submit;
    QLabel &m_message;
    QTimer *m_slowAnswer;
};
