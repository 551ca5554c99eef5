#pragma once

#include "scratchwarroom.h"

#include <QDialog>
#include <QHash>
#include <QStringList>

#include <functional>
#include <memory>

class MainWindow;

// The real window on a scratch war room, offscreen, with one incident in it; the dialogs and
// messages it opens are answered by the test instead of blocking.
class WindowFixture
{
public:
    using Answer = std::function<int(QDialog &)>;

    WindowFixture();
    ~WindowFixture();

    ScratchWarRoom &room() { return *m_room; }
    MainWindow &window() { return *m_window; }
    qint64 incident() const { return m_incident; }
    // The error messages the window showed, in order.
    const QStringList &errors() const { return m_errors; }
    // Dialogs that opened with no answer given (they were cancelled).
    const QStringList &unanswered() const { return m_unanswered; }

    // Answers each dialog by its window title; a dialog without an answer is cancelled and
    // noted in unanswered().
    void answer(const QHash<QString, Answer> &answers);

    template <typename T> T *find(const QString &name) const
    {
        return static_cast<T *>(findNamed(T::staticMetaObject, name));
    }

    // Fills fields by object name ("<key>LineEdit", "<key>TextEdit", "<key>ComboBox").
    static void fill(QDialog &dialog, const QHash<QString, QString> &fields);
    // Presses the dialog's submit button and waits for the store's answer.
    static int submit(QDialog &dialog);
    static Answer filledAndSubmitted(const QHash<QString, QString> &fields);
    static void waitForAnswer(QDialog &dialog);
    // Pictures for people, when WARROOM_SHOTS names a folder.
    static void shoot(QWidget &widget, const QString &name);

private:
    QObject *findNamed(const QMetaObject &type, const QString &name) const;

    std::unique_ptr<ScratchWarRoom> m_room;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_incident = 0;
    QStringList m_errors;
    QStringList m_unanswered;
};
