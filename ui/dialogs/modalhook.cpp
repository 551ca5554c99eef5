#include "dialogs/modalhook.h"

#include <QDialog>
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
} // namespace

namespace ModalHook {
int exec(QDialog &dialog)
{
    if (dialogHandler())
        return dialogHandler()(dialog);
    return dialog.exec();
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
