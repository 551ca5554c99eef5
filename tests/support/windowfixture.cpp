#include "windowfixture.h"

#include "dialogs/modalhook.h"
#include "mainwindow.h"
#include "useridentity.h"

#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>

WindowFixture::WindowFixture()
{
    QStandardPaths::setTestModeEnabled(true);
    UserIdentity::setName(QStringLiteral("Dana"));
    m_room = std::make_unique<ScratchWarRoom>();
    m_incident = m_room->addIncident();
    m_window = std::make_unique<MainWindow>(m_room->windowStore(), m_room->clock());
    m_window->show();
    if (!QTest::qWaitForWindowExposed(m_window.get()))
        qFatal("the window was never shown");
    m_room->settle();
    ModalHook::setMessageHandler(
        [this](const QString &, const QString &text) { m_errors.append(text); });
    // A real file dialog would wait for a person: a test that wants a file says which.
    ModalHook::setFileNameHandler([](const QString &) { return QString(); });
}

WindowFixture::~WindowFixture()
{
    ModalHook::setDialogHandler({});
    ModalHook::setMessageHandler({});
    ModalHook::setFileNameHandler({});
    m_window.reset();
    m_room.reset();
}

void WindowFixture::answer(const QHash<QString, Answer> &answers)
{
    ModalHook::setDialogHandler([this, answers](QDialog &dialog) {
        const auto found = answers.constFind(dialog.windowTitle());
        if (found == answers.cend()) {
            m_unanswered.append(dialog.windowTitle());
            return int(QDialog::Rejected);
        }
        return (*found)(dialog);
    });
}

QObject *WindowFixture::findNamed(const QMetaObject &type, const QString &name) const
{
    const QList<QObject *> named = m_window->findChildren<QObject *>(name);
    for (QObject *object : named) {
        if (object->metaObject()->inherits(&type))
            return object;
    }
    qFatal("no %s named %s", type.className(), qPrintable(name));
}

void WindowFixture::fill(QDialog &dialog, const QHash<QString, QString> &fields)
{
    for (auto it = fields.cbegin(); it != fields.cend(); ++it) {
        if (auto *line = dialog.findChild<QLineEdit *>(it.key() + QStringLiteral("LineEdit")))
            line->setText(it.value());
        else if (auto *text =
                     dialog.findChild<QPlainTextEdit *>(it.key() + QStringLiteral("TextEdit")))
            text->setPlainText(it.value());
        else if (auto *combo = dialog.findChild<QComboBox *>(it.key() + QStringLiteral("ComboBox")))
            combo->setCurrentIndex(combo->findText(it.value()));
        else
            qFatal("dialog has no field %s", qPrintable(it.key()));
    }
}

int WindowFixture::submit(QDialog &dialog)
{
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("submitButton")),
                      Qt::LeftButton);
    waitForAnswer(dialog);
    return dialog.result();
}

WindowFixture::Answer WindowFixture::filledAndSubmitted(const QHash<QString, QString> &fields)
{
    return [fields](QDialog &dialog) {
        fill(dialog, fields);
        return submit(dialog);
    };
}

void WindowFixture::waitForAnswer(QDialog &dialog)
{
    while (dialog.property("waitingForAnswer").toBool())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
}

void WindowFixture::shoot(QWidget &widget, const QString &name)
{
    if (const QByteArray folder = qgetenv("WARROOM_SHOTS"); !folder.isEmpty())
        widget.grab().save(QString::fromLocal8Bit(folder) + u'/' + name + QStringLiteral(".png"));
}
