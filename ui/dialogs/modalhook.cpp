#include "dialogs/modalhook.h"

#include "dialogs/awaitedsubmit.h"

#include <QCoreApplication>
#include <QDialog>
#include <QEventLoop>
#include <QFileDialog>
#include <QMessageBox>

namespace {
ModalHook::DialogHandler &dialogHandler()
{
    static ModalHook::DialogHandler handler;
    return handler;
}

ModalHook::MessageHandler &messageHandler()
{
    static ModalHook::MessageHandler handler;
    return handler;
}
ModalHook::FileNameHandler &fileNameHandler()
{
    static ModalHook::FileNameHandler handler;
    return handler;
}
} // namespace

namespace ModalHook {
QString saveFileName(QWidget *parent, const QString &title, const QString &suggested,
                     const QString &filter)
{
    if (fileNameHandler())
        return fileNameHandler()(suggested);
    return QFileDialog::getSaveFileName(parent, title, suggested, filter);
}

QString openFileName(QWidget *parent, const QString &title, const QString &folder,
                     const QString &filter)
{
    if (fileNameHandler())
        return fileNameHandler()(folder);
    return QFileDialog::getOpenFileName(parent, title, folder, filter);
}

void setFileNameHandler(FileNameHandler handler)
{
    fileNameHandler() = std::move(handler);
}

int exec(QDialog &dialog)
{
    if (!dialogHandler())
        return dialog.exec();
    const int answered = dialogHandler()(dialog);
    // A submit that writes on the store's thread answers later: the handler sees the outcome a
    // person would, once the answer has come.
    if (!dialog.property(AwaitedSubmit::kWaitingProperty).toBool())
        return answered;
    while (dialog.property(AwaitedSubmit::kWaitingProperty).toBool())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    return dialog.result();
}

void showError(QWidget *parent, const QString &title, const QString &text)
{
    if (messageHandler())
        return messageHandler()(title, text);
    QMessageBox::critical(parent, title, text);
}

void setDialogHandler(DialogHandler handler)
{
    dialogHandler() = std::move(handler);
}

void setMessageHandler(MessageHandler handler)
{
    messageHandler() = std::move(handler);
}
} // namespace ModalHook
