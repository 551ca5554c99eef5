#include "dialogs/awaitedsubmit.h"

#include "colors.h"
#include "dialogs/modalhook.h"

#include <QDialog>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QTimer>

AwaitedSubmit::AwaitedSubmit(QDialog &dialog, QPushButton &submit, QLabel &message)
    : QObject(&dialog), m_dialog(dialog), m_submit(submit), m_message(message),
      m_slowAnswer(new QTimer(this))
{
    // A quick answer closes the dialog before anyone could read a "waiting" line.
    m_slowAnswer->setSingleShot(true);
    m_slowAnswer->setInterval(400);
    connect(m_slowAnswer, &QTimer::timeout, this, [this] {
        m_message.setText(tr("Waiting for the war room's database to answer. Everything typed "
                             "stays here."));
        WarroomColors::setTextColor(&m_message,
                                    m_message.palette().color(QPalette::PlaceholderText));
        m_message.show();
    });
}

bool AwaitedSubmit::isWaiting() const
{
    return m_dialog.property(kWaitingProperty).toBool();
}

void AwaitedSubmit::setWaiting(bool waiting)
{
    m_dialog.setProperty(kWaitingProperty, waiting);
    m_submit.setEnabled(!waiting);
    if (waiting) {
        m_slowAnswer->start();
        return;
    }
    m_slowAnswer->stop();
    m_message.hide();
}

void AwaitedSubmit::showRefusal(const QString &why)
{
    m_message.setText(why);
    WarroomColors::setTextColor(&m_message, WarroomColors::alarm());
    m_message.show();
}

std::function<void(const Outcome &)> AwaitedSubmit::begin(std::function<void()> succeeded)
{
    setWaiting(true);
    QPointer<AwaitedSubmit> self(this);
    const QString title = m_dialog.windowTitle();
    return [self, title, succeeded](const Outcome &outcome) {
        if (!self) {
            if (!outcome)
                ModalHook::showError(nullptr, tr("%1: not recorded").arg(title), outcome.error());
            return;
        }
        self->setWaiting(false);
        if (!outcome) {
            self->showRefusal(outcome.error());
            return;
        }
        if (succeeded)
            succeeded();
        self->m_dialog.QDialog::accept(); // not a subclass's accept(), which would submit again
    };
}
