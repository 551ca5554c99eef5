#include "widgets/technicallogpanel.h"

#include "incidentactions.h"
#include "livewarroom.h"
#include "logactions.h"
#include "models/logsearchcursor.h"
#include "models/logtablemodel.h"
#include "usecases/queuedwrite.h"
#include "widgets/logentrydetail.h"
#include "widgets/logfilterbar.h"
#include "widgets/logsearchbar.h"
#include "widgets/logtimebar.h"
#include "widgets/quickentrybar.h"
#include "widgets/searchhighlightdelegate.h"

#include <QAction>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

TechnicalLogPanel::TechnicalLogPanel(LiveWarRoom &live, IncidentActions &actions, LogActions &log,
                                     QWidget *parent)
    : QWidget(parent), m_live(live), m_actions(actions), m_log(log),
      m_model(new LogTableModel(live.store(), this)), m_view(new QTableView(this)),
      m_detail(new LogEntryDetail(live.store(), this)), m_filterBar(new LogFilterBar(this)),
      m_searchBar(new LogSearchBar(this)), m_timeBar(new LogTimeBar(live.clock(), this)),
      m_searchCursor(new LogSearchCursor(live.store(), *m_model, this)),
      m_highlight(new SearchHighlightDelegate(this)), m_entry(new QuickEntryBar(this)),
      m_newEntries(new QPushButton(m_view->viewport()))
{
    setObjectName(QStringLiteral("technicalLogPanel"));
    m_view->setObjectName(QStringLiteral("logTableView"));
    m_model->setClock(&live.clock());
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(LogTableModel::TextColumn, m_highlight);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    // Fixed row heights: the view never measures a million rows.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    const int charWidth = m_view->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    m_view->setColumnWidth(LogTableModel::TimeColumn, charWidth * 10);
    m_view->setColumnWidth(LogTableModel::AuthorColumn, charWidth * 12);
    m_view->setColumnWidth(LogTableModel::KindColumn, charWidth * 11);

    auto *title = new QLabel(tr("Technical channel — live log"), this);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("logSplitter"));
    split->setChildrenCollapsible(false);
    split->addWidget(m_view);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    layout->addWidget(title);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_searchBar);
    layout->addWidget(m_timeBar);
    layout->addWidget(split, 1);
    layout->addWidget(m_entry);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TechnicalLogPanel::showSelectedInDetail);
    // The selected row's page arrived, or a correction marked it: show it as it is now.
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const int row = m_view->currentIndex().row();
                if (row >= topLeft.row() && row <= bottomRight.row())
                    showSelectedInDetail();
            });
    connect(m_model, &QAbstractItemModel::modelReset, this,
            [this] { m_detail->showEntry(std::nullopt); });
    connect(m_filterBar, &LogFilterBar::filterChanged, this, [this](const LogFilter &filter) {
        m_model->setFilter(filter);
        jumpToNewest();
    });
    connect(m_searchBar, &LogSearchBar::searchChanged, this, &TechnicalLogPanel::showSearch);
    connect(m_searchBar, &LogSearchBar::nextWanted, this,
            [this] { m_searchCursor->next(m_view->currentIndex().row()); });
    connect(m_searchBar, &LogSearchBar::previousWanted, this,
            [this] { m_searchCursor->previous(m_view->currentIndex().row()); });
    connect(m_searchCursor, &LogSearchCursor::found, this,
            [this](int row, qint64 ordinal, qint64 total, bool wrapped) {
                showHit(row);
                m_searchBar->showPosition(ordinal, total, wrapped);
            });
    connect(
        m_searchCursor, &LogSearchCursor::totalChanged, this,
        [this](qint64 ordinal, qint64 total) { m_searchBar->showPosition(ordinal, total, false); });
    connect(m_searchCursor, &LogSearchCursor::nothingFound, m_searchBar,
            &LogSearchBar::showNothingFound);
    connect(m_searchCursor, &LogSearchCursor::failed, m_searchBar, &LogSearchBar::showFailure);
    connect(m_timeBar, &LogTimeBar::timeWanted, this, &TechnicalLogPanel::goToTime);
    connect(m_filterBar, &LogFilterBar::authorsWanted, this, &TechnicalLogPanel::readAuthors);
    connect(m_model, &LogTableModel::entryCountChanged, this, &TechnicalLogPanel::showCounts);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &TechnicalLogPanel::showCounts);

    // A reader at the newest entry stays there as entries arrive (and as the view lays them
    // out, whenever that is); one who scrolled up to read stays where they are.
    QScrollBar *bar = m_view->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this, [this] {
        m_followNewest = isAtNewest();
        if (m_followNewest)
            showUnseen(0); // read down to the newest: nothing unseen is left
    });
    connect(bar, &QScrollBar::rangeChanged, this, [this, bar] {
        if (m_followNewest)
            bar->setValue(bar->maximum());
    });
    m_newEntries->setObjectName(QStringLiteral("newEntriesButton"));
    m_newEntries->setCursor(Qt::PointingHandCursor);
    m_newEntries->hide();
    m_view->viewport()->installEventFilter(this);
    connect(m_newEntries, &QPushButton::clicked, this, &TechnicalLogPanel::jumpToNewest);
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) {
                if (!m_followNewest)
                    showUnseen(m_unseen + last - first + 1);
            });
    connect(m_model, &LogTableModel::loadFailed, m_entry, &QuickEntryBar::showFailure);
    connect(&m_live.link(), &ServerLink::stateChanged, this, &TechnicalLogPanel::showPending);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this,
            &TechnicalLogPanel::showContextMenu);
    m_log.setSelectedEntry([this]() -> std::optional<LogEntry> {
        const QModelIndex current = m_view->currentIndex();
        return current.isValid() ? m_model->entry(current.row()) : std::nullopt;
    });
    connect(m_entry, &QuickEntryBar::submitted, this,
            [this](const QuickEntry &entry, const QString &author) {
                // An ask of the customer needs its reason: the ask dialog takes it from here.
                if (entry.kind == LogKind::Ask) {
                    if (m_actions.askCustomer(entry.text))
                        m_entry->clearAfterSuccess();
                    return;
                }
                send(entry, author);
            });
}

void TechnicalLogPanel::showSelectedInDetail()
{
    const QModelIndex current = m_view->currentIndex();
    m_detail->showEntry(current.isValid() ? m_model->entry(current.row()) : std::nullopt);
}

void TechnicalLogPanel::openSearch()
{
    m_searchBar->open();
}

void TechnicalLogPanel::openTimeJump()
{
    m_timeBar->open();
}

void TechnicalLogPanel::goToTime(const QDateTime &when)
{
    const qint64 incidentId = m_model->incidentId();
    if (incidentId <= 0)
        return m_timeBar->showNothingToShow();
    m_live.store().run(
        this,
        [incidentId, when, filter = m_model->filter()](IncidentStore &store) {
            return store.logEntryNear(incidentId, when, filter);
        },
        [this, incidentId, when](const Result<std::optional<LogMoment>> &found) {
            if (incidentId != m_model->incidentId())
                return; // another incident is shown now
            if (!found)
                return m_timeBar->showFailure(found.error());
            if (!*found)
                return m_timeBar->showNothingToShow();
            // An entry written a moment ago may not have reached the view yet: the newest then.
            const int row = m_model->rowOfSeq((*found)->seq)
                                .value_or(m_model->rowCount() - 1 - m_model->pendingCount());
            if (row < 0)
                return m_timeBar->showNothingToShow();
            showHit(row);
            m_timeBar->showArrival(when, (*found)->at, (*found)->seq);
        });
}

void TechnicalLogPanel::showSearch(const LogSearch &search)
{
    m_highlight->setSearch(search);
    m_view->viewport()->update();
    const QModelIndex current = m_view->currentIndex();
    m_searchCursor->setSearch(search, current.isValid() ? current.row() : -1);
}

void TechnicalLogPanel::showHit(int row)
{
    // The reader is now reading a hit, not following the newest entry.
    m_followNewest = false;
    const QModelIndex hit = m_model->index(row, LogTableModel::TextColumn);
    m_view->setCurrentIndex(hit);
    m_view->scrollTo(hit, QAbstractItemView::PositionAtCenter);
}

void TechnicalLogPanel::readAuthors()
{
    m_live.store().run(
        this,
        [incidentId = m_model->incidentId()](IncidentStore &store) {
            return store.logAuthors(incidentId);
        },
        [this, incidentId =
                   m_model->incidentId()](const Result<QList<std::pair<QString, bool>>> &authors) {
            if (authors && incidentId == m_model->incidentId())
                m_filterBar->setAuthors(*authors);
        });
}

void TechnicalLogPanel::showCounts()
{
    m_filterBar->setCounts(m_model->rowCount() - m_model->pendingCount(), m_model->entryCount());
}

void TechnicalLogPanel::send(const QuickEntry &entry, const QString &author)
{
    const QString typed = m_entry->typedText();
    const NewLogEntry line{m_model->incidentId(), author, entry.kind, entry.text};
    m_entry->clearAfterSuccess();
    m_entry->showSending(++m_sending);
    jumpToNewest(); // your own entry is always shown, once it is in
    // On a shared war room the name typed is the signed-in role's name for all; the entry goes
    // (or waits, the server being away) whether or not the name could be written.
    m_live.write(this,
                 [name = line.author](IncidentStore &store) { return store.setDisplayName(name); });
    m_live.writeOrKeep(this, QueuedWrite::logEntry(line), [this, typed](const Outcome &added) {
        --m_sending;
        if (!added)
            m_entry->returnUnsent(typed, added.error()); // nothing typed is lost
        else
            m_entry->showSending(m_sending);
    });
}

void TechnicalLogPanel::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_view->indexAt(position);
    const std::optional<LogEntry> entry =
        index.isValid() ? m_model->entry(index.row()) : std::nullopt;
    // Not exec(): the window stays live (and testable) while the menu is open.
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("logContextMenu"));
    menu->setAttribute(Qt::WA_DeleteOnClose);
    if (entry && entry->kind == LogKind::Hypothesis) {
        menu->addAction(tr("Timebox this theory…"), this,
                        [this, theory = *entry] { m_log.timeboxTheory(theory); });
    }
    if (entry && entry->kind == LogKind::Question) {
        const qint64 id = entry->id;
        menu->addAction(tr("Answer this question…"), this,
                        [this, id] { m_log.answerQuestion(id); });
    }
    if (!menu->isEmpty())
        menu->addSeparator();
    if (entry) {
        QAction *correct = menu->addAction(
            tr("Correct…"), this, [this, original = *entry] { m_log.correctEntry(original); });
        correct->setObjectName(QStringLiteral("correctEntryAction"));
        correct->setEnabled(entry->kind != LogKind::Event); // Warroom's own record of an act
        const bool pinned = m_model->isPinned(entry->id);
        QAction *pin =
            menu->addAction(pinned ? tr("Unpin") : tr("★ Pin as a key moment"), this,
                            [this, shown = *entry, pinned] { m_log.pinEntry(shown, !pinned); });
        pin->setObjectName(QStringLiteral("pinEntryAction"));
        menu->addAction(tr("Copy"), this, [shown = *entry] { LogActions::copyEntry(shown); });
        menu->addSeparator();
    }
    menu->addAction(m_log.askTeamAction());
    menu->addAction(m_actions.commitDeadline());
    menu->popup(m_view->viewport()->mapToGlobal(position));
}

void TechnicalLogPanel::setIncident(qint64 incidentId)
{
    m_model->setIncident(incidentId);
    if (incidentId > 0)
        readAuthors(); // an author chosen who never wrote here is let go
    showPending();
    jumpToNewest();
    // Once the window has its final size the last row may sit just below the edge: again then.
    QTimer::singleShot(0, m_view, &QTableView::scrollToBottom);
}

void TechnicalLogPanel::showPending()
{
    QList<qint64> items;
    QList<LogEntry> entries;
    for (const OutboxItem &item : m_live.link().waiting()) {
        const auto write = QueuedWrite::fromItem(item);
        const auto entry = write ? write->asLogEntry() : std::nullopt;
        if (!entry || entry->incidentId != m_model->incidentId())
            continue;
        LogEntry shown;
        shown.incidentId = entry->incidentId;
        shown.at = item.writtenAt;
        shown.author = entry->author;
        shown.kind = entry->kind;
        shown.text = entry->text;
        shown.addressee = entry->addressee;
        shown.correctsId = entry->correctsId;
        items.append(item.id);
        entries.append(shown);
    }
    m_model->setPending(items, entries);
}

void TechnicalLogPanel::showUnseen(int count)
{
    m_unseen = count;
    m_newEntries->setText(m_unseen == 1 ? tr("1 new entry ↓")
                                        : tr("%1 new entries ↓").arg(m_unseen));
    m_newEntries->setVisible(m_unseen > 0);
    placeNewEntriesButton();
}

void TechnicalLogPanel::jumpToNewest()
{
    m_followNewest = true;
    m_view->scrollToBottom();
    showUnseen(0);
}

void TechnicalLogPanel::placeNewEntriesButton()
{
    m_newEntries->adjustSize();
    const QWidget *viewport = m_view->viewport();
    m_newEntries->move((viewport->width() - m_newEntries->width()) / 2,
                       viewport->height() - m_newEntries->height() - 8);
    m_newEntries->raise();
}

bool TechnicalLogPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        placeNewEntriesButton();
    return QWidget::eventFilter(watched, event);
}

void TechnicalLogPanel::focusEntry()
{
    m_entry->focusText();
}

QString TechnicalLogPanel::unsentText() const
{
    return m_entry->typedText().trimmed();
}

bool TechnicalLogPanel::isAtNewest() const
{
    const QScrollBar *bar = m_view->verticalScrollBar();
    return bar->value() >= bar->maximum();
}
