#pragma once

#include <QString>

#include <functional>

class QDialog;
class QWidget;

// Every modal dialog and message box in the window goes through here, so a test can answer
// it instead of blocking on it.
namespace ModalHook {
using DialogHandler = std::function<int(QDialog &)>;
using MessageHandler = std::function<void(const QString &title, const QString &text)>;
using FileNameHandler = std::function<QString(const QString &suggested)>;

// Runs the dialog, or hands it to the test's handler when one is set.
int exec(QDialog &dialog);
void showError(QWidget *parent, const QString &title, const QString &text);

// Asks where to save; empty when cancelled.
QString saveFileName(QWidget *parent, const QString &title, const QString &suggested,
                     const QString &filter);

// Asks which existing file to open; empty when cancelled. Tests answer it through the same
// handler as saveFileName.
QString openFileName(QWidget *parent, const QString &title, const QString &folder,
                     const QString &filter);

void setDialogHandler(DialogHandler handler);
void setFileNameHandler(FileNameHandler handler);
void setMessageHandler(MessageHandler handler);
} // namespace ModalHook
