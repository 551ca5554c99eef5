#include "mainwindow.h"

#include "aftermathactions.h"
#include "dialogs/businesssettingsdialogs.h"
#include "dialogs/modalhook.h"
#include "dialogs/newincidentdialog.h"
#include "dialogs/outboxdialog.h"
#include "dialogs/severityrulesdialog.h"
#include "dialogs/shortcutsdialog.h"
#include "incidentactions.h"
#include "livewarroom.h"
#include "logactions.h"
#include "models/logtablemodel.h"
#include "recentwarrooms.h"
#include "useridentity.h"
#include "widgets/exportnotice.h"
#include "widgets/incidentheader.h"
#include "widgets/incidentlistpanel.h"
#include "widgets/incidentview.h"
#include "widgets/serverlinkbanner.h"
#include "widgets/technicallogpanel.h"
#include "widgets/welcomepage.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

MainWindow::MainWindow(StoreThread &store, const Clock &clock, QWidget *parent)
    : QMainWindow(parent), m_store(store), m_live(new LiveWarRoom(store, clock, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    // Which war room, in the title: a shared one and a local one look alike otherwise.
    setWindowTitle(tr("%1 — Warroom").arg(store.location()));
    m_incidentActions = new IncidentActions(*m_live, clock, this);
    m_logActions = new LogActions(*m_live, clock, this);
    m_aftermathActions = new AftermathActions(*m_live, clock, this);
    connect(m_incidentActions, &IncidentActions::resolveRequested, m_aftermathActions,
            &AftermathActions::resolve);
    createActions();

    m_incidentList = new IncidentListPanel(*m_live, clock, m_newIncident, this);
    m_welcome = new WelcomePage(m_newIncident, this);
    m_incidentView = new IncidentView(*m_live, clock, *m_incidentActions, *m_logActions, this);
    m_pages = new QStackedWidget(this);
    m_pages->addWidget(m_welcome);
    m_pages->addWidget(m_incidentView);
    createMenus();

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_incidentList);
    splitter->addWidget(m_pages);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({240, 1200});
    m_serverLink = new ServerLinkBanner(m_live->link(), clock, this);
    connect(m_serverLink, &ServerLinkBanner::reviewRequested, this, &MainWindow::reviewOutbox);
    connect(&m_live->link(), &ServerLink::reconnected, this, &MainWindow::tellDelivered);
    auto *central = new QWidget(this);
    auto *column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(m_serverLink);
    column->addWidget(splitter, 1);
    setCentralWidget(central);

    statusBar()->showMessage(tr("War room: %1").arg(store.location()));
    auto *exportNotice = new ExportNotice(this);
    statusBar()->addPermanentWidget(exportNotice);
    connect(m_incidentActions, &IncidentActions::exported, exportNotice, &ExportNotice::showSaved);
    connect(m_aftermathActions, &AftermathActions::exported, exportNotice,
            &ExportNotice::showSaved);

    connect(m_incidentList, &IncidentListPanel::incidentSelected, this, [this](qint64 id) {
        m_incidentActions->setIncident(id);
        m_logActions->setIncident(id);
        m_incidentView->showIncident(id);
    });
    connect(m_incidentList, &IncidentListPanel::incidentsChanged, this, &MainWindow::showCurrent);
    showCurrent();
    resize(1440, 900);
}

void MainWindow::createActions()
{
    m_newIncident = new QAction(tr("&New incident…"), this);
    m_newIncident->setObjectName(QStringLiteral("newIncidentAction"));
    m_newIncident->setShortcut(QKeySequence::New);
    connect(m_newIncident, &QAction::triggered, this, &MainWindow::newIncident);

    m_quit = new QAction(tr("&Quit"), this);
    m_quit->setObjectName(QStringLiteral("quitAction"));
    m_quit->setShortcuts(QKeySequence::Quit);
    if (m_quit->shortcut().isEmpty()) // some platforms bind none; Warroom's help lists Ctrl+Q
        m_quit->setShortcut(QKeySequence(tr("Ctrl+Q")));
    connect(m_quit, &QAction::triggered, qApp, &QApplication::closeAllWindows);

    m_about = new QAction(tr("&About Warroom"), this);
    connect(m_about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About Warroom"),
                           tr("<b>Warroom %1</b><p>A war room for running a customer crisis: one "
                              "person in charge, a live technical log, plain business "
                              "briefings and written deadlines.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newIncident);
    file->addSeparator();
    QAction *connectShared = file->addAction(tr("&Connect to shared war room…"));
    connectShared->setObjectName(QStringLiteral("connectSharedAction"));
    connect(connectShared, &QAction::triggered, this, &MainWindow::connectToSharedRequested);
    QAction *openLocal = file->addAction(tr("&Open local war room…"));
    openLocal->setObjectName(QStringLiteral("openLocalAction"));
    openLocal->setShortcut(QKeySequence::Open);
    connect(openLocal, &QAction::triggered, this, &MainWindow::openLocalRequested);
    QMenu *recent = file->addMenu(tr("Open &recent"));
    recent->setObjectName(QStringLiteral("recentMenu"));
    connect(recent, &QMenu::aboutToShow, this, [this, recent] {
        recent->clear();
        const QStringList addresses = RecentWarRooms::list();
        for (const QString &address : addresses) {
            QAction *item = recent->addAction(address);
            item->setEnabled(address != m_store.location());
            connect(item, &QAction::triggered, this,
                    [this, address] { emit openRecentRequested(address); });
        }
        if (addresses.isEmpty())
            recent->addAction(tr("(none yet)"))->setEnabled(false);
    });
    file->addSeparator();
    file->addAction(m_quit);

    const IncidentActions &a = *m_incidentActions;
    const LogActions &log = *m_logActions;
    QMenu *incident = menuBar()->addMenu(tr("&Incident"));
    incident->addActions({a.newBriefingAction(), a.exportPdfAction()});
    incident->addSeparator();
    incident->addActions(
        {a.commitDeadline(), a.markMetAction(), a.supersedeAction(), log.timeboxTheoryAction()});
    incident->addSeparator();
    incident->addActions({a.assessImpactAction(), a.setSeverityAction()});
    incident->addSeparator();
    incident->addActions({a.changeStatusAction(), a.handOverAction(), a.handOverLiaisonAction(),
                          a.customerZoneAction()});
    incident->addSeparator();
    incident->addActions({a.frameAction(), a.confirmFramingAction(), a.restateProblemAction(),
                          a.confirmProblemAction()});
    incident->addSeparator();
    incident->addActions({log.askTeamAction(), a.askCustomerAction()});
    const AftermathActions &after = *m_aftermathActions;
    incident->addSeparator();
    incident->addActions({a.addOptionAction(), after.resolveAction(), after.exportReportAction(),
                          after.debriefAction(), after.closeAction()});
    incident->addSeparator();
    incident->addAction(after.knownProblemsAction());

    QToolBar *toolbar = addToolBar(tr("Incident"));
    toolbar->setObjectName(QStringLiteral("incidentToolBar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->setMovable(false);
    toolbar->addActions({a.newBriefingAction(), a.commitDeadline(), log.timeboxTheoryAction(),
                         a.assessImpactAction(), a.changeStatusAction(), a.handOverAction(),
                         a.frameAction(), log.askTeamAction(), a.askCustomerAction(),
                         a.confirmProblemAction(), after.resolveAction()});
    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    QAction *rules = settings->addAction(tr("&Severity rules…"));
    rules->setObjectName(QStringLiteral("severityRulesAction"));
    // The views follow the war room's policy through the store's change signal.
    connect(rules, &QAction::triggered, this,
            [this] { SeverityRulesDialog::edit(live(), UserIdentity::name(), this); });
    QAction *cadence = settings->addAction(tr("Briefing &cadence…"));
    cadence->setObjectName(QStringLiteral("briefingCadenceAction"));
    connect(cadence, &QAction::triggered, this,
            [this] { BusinessSettingsDialogs::editCadence(live(), UserIdentity::name(), this); });
    QAction *jargon = settings->addAction(tr("&Jargon terms…"));
    jargon->setObjectName(QStringLiteral("jargonTermsAction"));
    connect(jargon, &QAction::triggered, this,
            [this] { BusinessSettingsDialogs::editJargon(live(), UserIdentity::name(), this); });
    // This desktop's reading of times; each person sets it for themselves.
    QAction *utc = settings->addAction(tr("Show &UTC beside local time"));
    utc->setObjectName(QStringLiteral("showUtcAction"));
    utc->setCheckable(true);
    connect(utc, &QAction::toggled, this, [this](bool show) {
        QSettings().setValue(QStringLiteral("display/showUtc"), show);
        m_incidentView->header()->setShowUtc(show);
        m_incidentView->technicalLog()->model()->setShowUtc(show);
    });
    utc->setChecked(QSettings().value(QStringLiteral("display/showUtc"), false).toBool());
    QAction *paper = settings->addAction(tr("PDF &paper size…"));
    paper->setObjectName(QStringLiteral("paperSizeAction"));
    connect(paper, &QAction::triggered, this, [this] { BusinessSettingsDialogs::editPaper(this); });
    QMenu *go = menuBar()->addMenu(tr("&Go"));
    go->addActions(m_incidentView->navigationActions());
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *shortcuts = help->addAction(tr("&Keyboard shortcuts"));
    shortcuts->setObjectName(QStringLiteral("shortcutsAction"));
    shortcuts->setShortcut(QKeySequence::HelpContents);
    connect(shortcuts, &QAction::triggered, this, [this] {
        ShortcutsDialog dialog(*menuBar(), this);
        ModalHook::exec(dialog);
    });
    help->addAction(m_about);
}

void MainWindow::showCurrent()
{
    if (m_incidentList->incidentCount() == 0) {
        m_pages->setCurrentWidget(m_welcome);
        return;
    }
    if (m_incidentList->currentIncidentId() == 0) {
        // Nothing chosen yet: the newest incident is the one most likely burning.
        const QList<Incident> &incidents = m_live->warRoom().incidents;
        if (!incidents.isEmpty())
            m_incidentList->selectIncident(incidents.constFirst().id);
    }
    m_pages->setCurrentWidget(m_incidentView);
}

void MainWindow::newIncident()
{
    NewIncidentDialog dialog(
        [this](const NewIncident &incident, auto answered) {
            m_store.run(
                this, [incident](IncidentStore &store) { return store.createIncident(incident); },
                answered);
        },
        this);
    if (ModalHook::exec(dialog) != QDialog::Accepted)
        return;
    m_incidentList->selectIncident(dialog.createdId());
    m_pages->setCurrentWidget(m_incidentView);
}

void MainWindow::reviewOutbox()
{
    OutboxDialog dialog(m_live->link(), this);
    ModalHook::exec(dialog);
}

void MainWindow::tellDelivered()
{
    const DeliveryReport &report = m_live->link().lastDelivery();
    statusBar()->showMessage(report.isEmpty()
                                 ? tr("The server is back.")
                                 : tr("The server is back: %1.").arg(report.describe()),
                             20000);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    const TechnicalLogPanel &log = *m_incidentView->technicalLog();
    const QString typed = log.unsentText();
    const int sending = log.sendingCount();
    const qsizetype waiting = m_live->link().waiting().size();
    if (typed.isEmpty() && sending == 0 && waiting == 0)
        return QMainWindow::closeEvent(event);
    // What quitting would lose goes first; what waits in the outbox is kept either way.
    QStringList said;
    if (!typed.isEmpty())
        said << tr("The log line \"%1\" was typed but not added: quitting drops it.")
                    .arg(typed.size() > 80 ? typed.left(79) + QChar(u'…') : typed);
    if (sending > 0)
        said << (sending == 1 ? tr("1 entry is still being written.")
                              : tr("%1 entries are still being written.").arg(sending));
    if (waiting > 0)
        said << tr("%1 written here %2 not reached the war room yet. They stay on this "
                   "computer and are sent the next time Warroom, or any warroom command, "
                   "reaches the server.")
                    .arg(waiting == 1 ? tr("1 write") : tr("%1 writes").arg(waiting),
                         waiting == 1 ? tr("has") : tr("have"));
    const bool losing = !typed.isEmpty() || sending > 0;
    QMessageBox ask(QMessageBox::Warning,
                    losing ? tr("Quit before it is recorded?")
                           : tr("Quit with writes not yet shared?"),
                    said.join(QStringLiteral("\n\n")), QMessageBox::NoButton, this);
    QPushButton *quit = ask.addButton(losing ? tr("&Quit anyway") : tr("&Quit, keep them here"),
                                      QMessageBox::AcceptRole);
    QPushButton *stay = ask.addButton(tr("&Stay open"), QMessageBox::RejectRole);
    ask.setDefaultButton(stay);
    ModalHook::exec(ask);
    if (ask.clickedButton() == quit)
        event->accept();
    else
        event->ignore();
}
