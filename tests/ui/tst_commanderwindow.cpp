#include "aftermathactions.h"
#include "dialogs/modalhook.h"
#include "incidentactions.h"
#include "livewarroom.h"
#include "mainwindow.h"
#include "rules/statusrules.h"
#include "windowfixture.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTest>
#include <QTextEdit>

// The commander's window where users stumbled under pressure, driven through the real window,
// offscreen.
class TestCommanderWindow : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void everyDialogOpensOnItsFirstField();
    void changeStatusOpensOnTheNextStatusForward();

private:
    std::unique_ptr<WindowFixture> m_fixture;
};

void TestCommanderWindow::init()
{
    m_fixture = std::make_unique<WindowFixture>();
}

void TestCommanderWindow::cleanup()
{
    m_fixture.reset();
}

namespace {
bool takesTyping(const QWidget *widget)
{
    return qobject_cast<const QLineEdit *>(widget) ||
           qobject_cast<const QPlainTextEdit *>(widget) ||
           qobject_cast<const QTextEdit *>(widget) || qobject_cast<const QComboBox *>(widget) ||
           qobject_cast<const QAbstractSpinBox *>(widget);
}
} // namespace

void TestCommanderWindow::everyDialogOpensOnItsFirstField()
{
    // Something for the dialogs that need a subject: a theory to timebox, a stated problem.
    WindowFixture &f = *m_fixture;
    IncidentStore &store = f.room().store();
    QVERIFY(store.restateProblem(f.incident(), QStringLiteral("Orders cannot be paid since 09:00."),
                                 QStringLiteral("Dana")));
    f.room().settle();

    QHash<QString, QString> focusedIn; // dialog title -> what had the focus
    ModalHook::setDialogHandler([&focusedIn](QDialog &dialog) {
        dialog.show();
        if (!QTest::qWaitForWindowActive(&dialog))
            qWarning("%s never became active", qPrintable(dialog.windowTitle()));
        QWidget *focused = dialog.focusWidget();
        focusedIn.insert(dialog.windowTitle(),
                         focused ? QString::fromLatin1(focused->metaObject()->className()) + u' ' +
                                       focused->objectName()
                                 : QStringLiteral("nothing"));
        // Typing goes into the field; a Space typed first submits nothing.
        if (focused && takesTyping(focused))
            QTest::keyClick(focused, Qt::Key_Space);
        const bool stillOpen = dialog.isVisible();
        dialog.reject();
        return stillOpen ? int(QDialog::Rejected) : int(QDialog::Accepted);
    });
    QList<QAction *> actions = f.window().incidentActions()->all();
    const AftermathActions &after = *f.window().aftermathActions();
    actions << after.resolveAction() << after.knownProblemsAction()
            << f.window().newIncidentAction();
    for (const char *setting :
         {"severityRulesAction", "briefingCadenceAction", "jargonTermsAction"})
        actions << f.find<QAction>(QString::fromLatin1(setting));
    for (QAction *action : std::as_const(actions)) {
        if (action->isEnabled())
            action->trigger();
        f.room().settle();
    }
    QVERIFY2(focusedIn.size() >= 19, qPrintable(QStringList(focusedIn.keys()).join(u", ")));
    qInfo("dialogs: %s", qPrintable(QStringList(focusedIn.keys()).join(u", ")));
    QStringList wrong;
    for (auto it = focusedIn.cbegin(); it != focusedIn.cend(); ++it) {
        if (!it.value().contains(QStringLiteral("LineEdit")) &&
            !it.value().contains(QStringLiteral("TextEdit")) &&
            !it.value().contains(QStringLiteral("ComboBox")))
            wrong << it.key() + QStringLiteral(": ") + it.value();
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u"; ")));
}

void TestCommanderWindow::changeStatusOpensOnTheNextStatusForward()
{
    WindowFixture &f = *m_fixture;
    for (IncidentStatus status : {IncidentStatus::Investigating, IncidentStatus::Identified}) {
        QVERIFY(f.room().store().changeStatus(
            {f.incident(), QStringLiteral("Dana"), status,
             QStringLiteral("We are looking at the payment service."),
             f.room().clock().now().addSecs(1800), QStringLiteral("the next test run ends")}));
    }
    f.room().settle();
    QTRY_COMPARE(f.window().live().incident().incident.status, IncidentStatus::Identified);
    QString offered;
    f.answer(
        {{QStringLiteral("Change status"), [&offered](QDialog &dialog) {
              offered =
                  dialog.findChild<QComboBox *>(QStringLiteral("statusComboBox"))->currentText();
              return int(QDialog::Rejected);
          }}});
    f.window().incidentActions()->changeStatusAction()->trigger();
    QCOMPARE(offered, statusName(IncidentStatus::Mitigating));
    QCOMPARE(nextStatusForward(IncidentStatus::Closed), IncidentStatus::Closed);
}

QTEST_MAIN(TestCommanderWindow)
#include "tst_commanderwindow.moc"
