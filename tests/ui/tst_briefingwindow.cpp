#include "dialogs/awaitedsubmit.h"
#include "dialogs/briefingcomposer.h"
#include "dialogs/modalhook.h"
#include "export/briefingpdf.h"
#include "incidentactions.h"
#include "livewarroom.h"
#include "mainwindow.h"
#include "rules/cadence.h"
#include "rules/plainlanguage.h"
#include "scratchwarroom.h"
#include "useridentity.h"
#include "widgets/countdownwidget.h"
#include "windowfixture.h"

#include <QAction>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QUrl>

// The business channel through the real window, offscreen.
class TestBriefingWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void composerRefusesWithoutNextUpdateAndWhy();
    void findingsAreCountedOnPublish();
    void briefingCountdownGoesOverdue();
    void correctionNamesTheBriefing();
    void exportWritesPdfWhereChosen();
    void cadenceAndJargonAreSettings();
    void publishingShowsTheCustomersPageFirst();

public slots:
    // Stands in for the desktop's file manager.
    void openedUrl(const QUrl &url) { m_opened = url; }

private:
    QUrl m_opened;
    template <typename T> static T *in(QDialog &dialog, const QString &name)
    {
        T *widget = dialog.findChild<T *>(name);
        if (!widget)
            qFatal("composer has no %s", qPrintable(name));
        return widget;
    }
    void publish(const QString &headline);
    static void fillComposer(QDialog &composer, const QString &headline);
    // The preview of what the customer reads, answered "Publish".
    static int confirmPreview(QDialog &preview)
    {
        QTest::mouseClick(in<QPushButton>(preview, QStringLiteral("confirmPublishButton")),
                          Qt::LeftButton);
        return preview.result();
    }

    std::unique_ptr<ScratchWarRoom> m_room;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_incident = 0;
};

void TestBriefingWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestBriefingWindow::init()
{
    UserIdentity::setName(QStringLiteral("Dana"));
    m_room = std::make_unique<ScratchWarRoom>();
    m_incident = m_room->addIncident(); // SEV2: an update every hour
    ImpactAssessment a;
    a.incidentId = m_incident;
    a.by = QStringLiteral("Ann");
    a.affectedUsers = 1234;
    a.totalUsers = 40000;
    a.functions = {{QStringLiteral("Ordering"), FunctionState::Down}};
    a.workaround = true;
    QVERIFY(m_room->store().assessImpact(a, {}));
    m_room->store().setSeverity(m_incident, Severity::Sev2, QStringLiteral("peak season"),
                                QStringLiteral("Dana"), {});
    m_window = std::make_unique<MainWindow>(m_room->windowStore(), m_room->clock());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_room->settle();
}

void TestBriefingWindow::cleanup()
{
    ModalHook::setDialogHandler({});
    ModalHook::setFileNameHandler({});
    m_window.reset();
    m_room.reset();
}

void TestBriefingWindow::fillComposer(QDialog &composer, const QString &headline)
{
    in<QPlainTextEdit>(composer, QStringLiteral("headlineTextEdit"))->setPlainText(headline);
    in<QPlainTextEdit>(composer, QStringLiteral("doingTextEdit"))
        ->setPlainText(QStringLiteral("We are moving orders to the standby system."));
    in<QLineEdit>(composer, QStringLiteral("nextUpdateLineEdit"))->setText(QStringLiteral("+30m"));
    in<QPlainTextEdit>(composer, QStringLiteral("whyTextEdit"))
        ->setPlainText(QStringLiteral("the move completes then"));
}

void TestBriefingWindow::publish(const QString &headline)
{
    ModalHook::setDialogHandler([&](QDialog &dialog) {
        if (dialog.objectName() == u"publishPreview")
            return confirmPreview(dialog);
        fillComposer(dialog, headline);
        QTest::mouseClick(in<QPushButton>(dialog, QStringLiteral("publishButton")), Qt::LeftButton);
        return dialog.result();
    });
    m_window->incidentActions()->newBriefingAction()->trigger();
    m_room->settle(); // the window shows it
}

void TestBriefingWindow::composerRefusesWithoutNextUpdateAndWhy()
{
    QString impact;
    QString afterNoTime;
    QString afterNoWhy;
    bool stillOpen = false;
    ModalHook::setDialogHandler([&](QDialog &dialog) {
        if (dialog.objectName() == u"publishPreview")
            return confirmPreview(dialog);
        impact = in<QPlainTextEdit>(dialog, QStringLiteral("impactTextEdit"))->toPlainText();
        in<QPlainTextEdit>(dialog, QStringLiteral("headlineTextEdit"))
            ->setPlainText(QStringLiteral("Orders fail for 3 % of customers."));
        in<QLineEdit>(dialog, QStringLiteral("nextUpdateLineEdit"))->clear();
        auto *publish = in<QPushButton>(dialog, QStringLiteral("publishButton"));
        QTest::mouseClick(publish, Qt::LeftButton);
        afterNoTime = in<QLabel>(dialog, QStringLiteral("errorLabel"))->text();
        in<QLineEdit>(dialog, QStringLiteral("nextUpdateLineEdit"))
            ->setText(QStringLiteral("+30m"));
        QTest::mouseClick(publish, Qt::LeftButton);
        // Refused by the store, on its thread: the answer comes through the event loop.
        if (!QTest::qWaitFor(
                [&] { return !dialog.property(AwaitedSubmit::kWaitingProperty).toBool(); }))
            qWarning("no answer to the second publish");
        afterNoWhy = in<QLabel>(dialog, QStringLiteral("errorLabel"))->text();
        stillOpen = dialog.result() != QDialog::Accepted;
        return dialog.result();
    });
    m_window->incidentActions()->newBriefingAction()->trigger();
    QTRY_COMPARE(impact, QStringLiteral("About 1,200 of 40,000 users (3 %) cannot use Ordering; a "
                                        "workaround exists."));
    QTRY_VERIFY2(afterNoTime.contains(QStringLiteral("required")), qPrintable(afterNoTime));
    QTRY_VERIFY2(afterNoWhy.contains(QStringLiteral("reason for the next update")),
                 qPrintable(afterNoWhy));
    QTRY_VERIFY(stillOpen);
    QTRY_VERIFY(m_room->store().briefings(m_incident)->isEmpty());
}

void TestBriefingWindow::findingsAreCountedOnPublish()
{
    QString clean;
    QString flagged;
    QStringList findings;
    ModalHook::setDialogHandler([&](QDialog &dialog) {
        auto *headline = in<QPlainTextEdit>(dialog, QStringLiteral("headlineTextEdit"));
        auto *publish = in<QPushButton>(dialog, QStringLiteral("publishButton"));
        headline->setPlainText(QStringLiteral("Orders fail for 3 % of customers."));
        in<QPlainTextEdit>(dialog, QStringLiteral("impactTextEdit"))->clear();
        clean = publish->text();
        headline->setPlainText(QStringLiteral("Maybe fixed soon after the OOM!!!"));
        flagged = publish->text();
        auto *list = in<QListWidget>(dialog, QStringLiteral("findingsList"));
        for (int i = 0; i < list->count(); ++i)
            findings << list->item(i)->text();
        return int(QDialog::Rejected);
    });
    m_window->incidentActions()->newBriefingAction()->trigger();
    QTRY_COMPARE(clean, QStringLiteral("Publish"));
    QTRY_COMPARE(flagged, QStringLiteral("Publish (4 findings)"));
    QTRY_COMPARE(findings.size(), 4);
    QTRY_VERIFY2(findings.at(2).contains(QStringLiteral("jargon \"OOM\"")),
                 qPrintable(findings.join(u'|')));
    QTRY_VERIFY(findings.at(2).contains(QStringLiteral("the server ran out of memory")));
}

void TestBriefingWindow::briefingCountdownGoesOverdue()
{
    auto *countdown =
        m_window->findChild<CountdownWidget *>(QStringLiteral("briefingCountdownWidget"));
    QTRY_VERIFY(countdown);
    QTRY_COMPARE(countdown->timeText(), QStringLiteral("1 h 0 min left")); // SEV2, no briefing yet
    publish(QStringLiteral("Orders fail for 3 % of customers."));
    QTRY_COMPARE(m_room->store().briefings(m_incident)->size(), 1);
    QTRY_COMPARE(countdown->timeText(), QStringLiteral("30 min 0 s left")); // the promise is sooner
    QTRY_VERIFY(m_window->findChild<QTextBrowser *>(QStringLiteral("briefingTextBrowser"))
                    ->toPlainText()
                    .contains(QStringLiteral("Orders fail for 3 % of customers.")));
    m_room->clock().advanceSecs(31 * 60);
    QTRY_COMPARE(countdown->urgency(), CountdownUrgency::Missed);
    QTRY_COMPARE(countdown->timeText(), QStringLiteral("OVERDUE by 1 min 0 s"));
    QTRY_COMPARE(countdown->palette().color(QPalette::Window), QColor(0xc6, 0x28, 0x28));
}

void TestBriefingWindow::correctionNamesTheBriefing()
{
    publish(QStringLiteral("Orders fail for 6 % of customers."));
    QString prefilled;
    ModalHook::setDialogHandler([&](QDialog &dialog) {
        if (dialog.objectName() == u"publishPreview")
            return confirmPreview(dialog);
        auto *headline = in<QPlainTextEdit>(dialog, QStringLiteral("headlineTextEdit"));
        prefilled = headline->toPlainText();
        headline->setPlainText(QStringLiteral("Correction: 3 % of customers, not 6 %."));
        in<QLineEdit>(dialog, QStringLiteral("nextUpdateLineEdit"))
            ->setText(QStringLiteral("+30m"));
        QTest::mouseClick(in<QPushButton>(dialog, QStringLiteral("publishButton")), Qt::LeftButton);
        return dialog.result();
    });
    m_window->findChild<QPushButton *>(QStringLiteral("correctBriefingButton"))->click();
    QTRY_VERIFY2(prefilled.startsWith(QStringLiteral("Correction to briefing #1")),
                 qPrintable(prefilled));
    const auto briefings = m_room->store().briefings(m_incident);
    QTRY_COMPARE(briefings->size(), 2);
    QTRY_COMPARE(briefings->last().correctsId, briefings->first().id);
    QTRY_COMPARE(briefings->first().headline, QStringLiteral("Orders fail for 6 % of customers."));
}

void TestBriefingWindow::exportWritesPdfWhereChosen()
{
    publish(QStringLiteral("Orders fail for 3 % of customers."));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("briefing.pdf"));
    QString suggested;
    ModalHook::setFileNameHandler([&](const QString &proposal) {
        suggested = proposal;
        return path;
    });
    // Read on the store's thread, then drawn and written: exported() says when.
    QSignalSpy exported(m_window->incidentActions(), &IncidentActions::exported);
    m_window->findChild<QPushButton *>(QStringLiteral("exportBriefingButton"))->click();
    QTRY_COMPARE(exported.count(), 1);
    QVERIFY2(suggested.endsWith(QStringLiteral(".pdf")), qPrintable(suggested));
    QFile pdf(path);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");
    pdf.close();
    // The window says where it saved, and opens the folder on request.
    auto *notice = m_window->findChild<QWidget *>(QStringLiteral("exportNotice"));
    QVERIFY(notice->isVisible());
    WindowFixture::shoot(*m_window, QStringLiteral("export-notice"));
    QCOMPARE(notice->findChild<QLabel *>(QStringLiteral("exportNoticeText"))->text(),
             QStringLiteral("Saved briefing.pdf in %1").arg(QDir::toNativeSeparators(dir.path())));
    QDesktopServices::setUrlHandler(QStringLiteral("file"), this, "openedUrl");
    notice->findChild<QPushButton *>(QStringLiteral("openExportFolderButton"))->click();
    QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
    QCOMPARE(m_opened, QUrl::fromLocalFile(dir.path()));

    // The paper chosen in the settings is used by the window's export.
    ModalHook::setDialogHandler([](QDialog &dialog) {
        auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("paperComboBox"));
        combo->setCurrentIndex(combo->findText(QStringLiteral("Letter")));
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("submitButton")),
                          Qt::LeftButton);
        return dialog.result();
    });
    m_window->findChild<QAction *>(QStringLiteral("paperSizeAction"))->trigger();
    QCOMPARE(BriefingPdf::savedPaper(), BriefingPdf::Paper::Letter);
    m_window->findChild<QPushButton *>(QStringLiteral("exportBriefingButton"))->click();
    QTRY_COMPARE(exported.count(), 2);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY2(pdf.readAll().contains("/MediaBox [0 0 612.000000 792.000000]"), "not US Letter");
    BriefingPdf::savePaper(BriefingPdf::Paper::FromLocale);
}

void TestBriefingWindow::cadenceAndJargonAreSettings()
{
    IncidentStore &store = m_room->store();
    auto answer = [](const QString &field, const QString &value) {
        ModalHook::setDialogHandler([=](QDialog &dialog) {
            if (auto *line = dialog.findChild<QLineEdit *>(field + QStringLiteral("LineEdit")))
                line->setText(value);
            else
                in<QPlainTextEdit>(dialog, field + QStringLiteral("TextEdit"))->setPlainText(value);
            QTest::mouseClick(in<QPushButton>(dialog, QStringLiteral("submitButton")),
                              Qt::LeftButton);
            return dialog.result();
        });
    };
    auto *countdown =
        m_window->findChild<CountdownWidget *>(QStringLiteral("briefingCountdownWidget"));
    QTRY_COMPARE(countdown->timeText(), QStringLiteral("1 h 0 min left"));
    answer(QStringLiteral("sev2"), QStringLiteral("45"));
    m_window->findChild<QAction *>(QStringLiteral("briefingCadenceAction"))->trigger();
    QTRY_COMPARE(store.policy()->cadence.sev2Secs, 45 * 60);
    QTRY_COMPARE(store.policy()->version, 1);
    QTRY_COMPARE(countdown->timeText(), QStringLiteral("45 min 0 s left"));

    answer(QStringLiteral("terms"),
           QStringLiteral("blue-green switch = move to the standby system"));
    m_window->findChild<QAction *>(QStringLiteral("jargonTermsAction"))->trigger();
    QTRY_COMPARE(store.policy()->jargon.value(QStringLiteral("blue-green switch")),
                 QStringLiteral("move to the standby system"));
    // Each change is a new version of the whole policy: the cadence stays as set.
    QTRY_COMPARE(store.policy()->version, 2);
    QTRY_COMPARE(store.policy()->cadence.sev2Secs, 45 * 60);
    answer(QStringLiteral("terms"), QStringLiteral("no equals sign here"));
    m_window->findChild<QAction *>(QStringLiteral("jargonTermsAction"))->trigger();
    QTRY_COMPARE(store.policy()->jargon.size(), 1); // refused, nothing lost
    QTRY_COMPARE(store.policy()->version, 2);
    // The composer checks against the war room's terms.
    QTRY_COMPARE(m_window->live().policy().version, 2);
    BriefingComposer composer(m_window->live(), m_room->clock(), QStringLiteral("Ann"), 0);
    in<QPlainTextEdit>(composer, QStringLiteral("headlineTextEdit"))
        ->setPlainText(QStringLiteral("We made the blue-green switch."));
    auto *findings = in<QListWidget>(composer, QStringLiteral("findingsList"));
    QTRY_VERIFY(
        !findings->findItems(QStringLiteral("move to the standby system"), Qt::MatchContains)
             .isEmpty());
}

// A briefing with findings left does not go out on a quick Enter: the preview shows the
// customer's page exactly, names what is still flagged, and Enter goes back to editing.
void TestBriefingWindow::publishingShowsTheCustomersPageFirst()
{
    QString page;
    QString findings;
    QString publishText;
    bool enterWentBack = false;
    bool cleanDefaultsToPublish = false;
    int previews = 0;
    ModalHook::setDialogHandler([&](QDialog &dialog) {
        if (dialog.objectName() == u"publishPreview") {
            ++previews;
            auto *publish = in<QPushButton>(dialog, QStringLiteral("confirmPublishButton"));
            if (previews == 1) {
                page = in<QTextBrowser>(dialog, QStringLiteral("publishPreviewBrowser"))
                           ->toPlainText();
                findings = in<QLabel>(dialog, QStringLiteral("publishPreviewFindings"))->text();
                publishText = publish->text();
                dialog.show(); // a hidden dialog's buttons take no Enter
                if (!QTest::qWaitForWindowExposed(&dialog))
                    qWarning("preview not shown");
                WindowFixture::shoot(dialog, QStringLiteral("publish-preview"));
                QTest::keyClick(&dialog, Qt::Key_Return);
                enterWentBack = dialog.result() == QDialog::Rejected;
                return dialog.result();
            }
            if (previews == 2) // the user looks again and publishes anyway, deliberately
                return confirmPreview(dialog);
            cleanDefaultsToPublish =
                publish->isDefault() &&
                !dialog.findChild<QLabel *>(QStringLiteral("publishPreviewFindings"));
            return confirmPreview(dialog);
        }
        fillComposer(dialog, previews == 0
                                 ? QStringLiteral("Bob broke the load balancer config.")
                                 : QStringLiteral("Orders work again for all customers."));
        auto *headline = in<QPlainTextEdit>(dialog, QStringLiteral("headlineTextEdit"));
        auto *publish = in<QPushButton>(dialog, QStringLiteral("publishButton"));
        QTest::mouseClick(publish, Qt::LeftButton);
        // Back from the preview: nothing published, everything typed still there.
        if (previews == 1 && dialog.result() != QDialog::Accepted &&
            headline->toPlainText() == u"Bob broke the load balancer config." &&
            m_room->store().briefings(m_incident)->isEmpty())
            QTest::mouseClick(publish, Qt::LeftButton);
        if (!QTest::qWaitFor(
                [&] { return !dialog.property(AwaitedSubmit::kWaitingProperty).toBool(); }))
            qWarning("no answer to publish");
        return dialog.result();
    });
    m_window->incidentActions()->newBriefingAction()->trigger();
    QTRY_COMPARE(previews, 2);
    QVERIFY2(page.contains(QStringLiteral("Bob broke the load balancer config.")),
             qPrintable(page));
    QVERIFY(page.contains(QStringLiteral("We are moving orders to the standby system.")));
    QVERIFY2(page.contains(QStringLiteral("#1 of 1")), qPrintable(page));
    QVERIFY(page.contains(QStringLiteral("Why then: the move completes then")));
    QVERIFY2(findings.startsWith(QStringLiteral("3 plain-language findings remain:")),
             qPrintable(findings));
    QVERIFY(findings.contains(QStringLiteral("blame \"Bob broke the\"")));
    QCOMPARE(publishText, QStringLiteral("Publish with 3 findings"));
    QVERIFY(enterWentBack);
    const auto briefings = m_room->store().briefings(m_incident);
    QTRY_COMPARE(m_room->store().briefings(m_incident)->size(), 1);
    QCOMPARE(m_room->store().briefings(m_incident)->first().headline,
             QStringLiteral("Bob broke the load balancer config."));

    // A clean briefing: the preview's Enter publishes.
    m_window->incidentActions()->newBriefingAction()->trigger();
    QTRY_COMPARE(previews, 3);
    QVERIFY(cleanDefaultsToPublish);
    QTRY_COMPARE(m_room->store().briefings(m_incident)->size(), 2);
}

QTEST_MAIN(TestBriefingWindow)
#include "tst_briefingwindow.moc"
