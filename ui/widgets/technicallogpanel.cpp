#include "widgets/technicallogpanel.h"

#include "incidentactions.h"
#include "models/logtablemodel.h"
#include "storage/incidentstore.h"
#include "widgets/quickentrybar.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

TechnicalLogPanel::TechnicalLogPanel(IncidentStore &store, IncidentActions &actions,
                                     QWidget *parent)
    : QWidget(parent), m_store(store), m_actions(actions), m_model(new LogTableModel(store, this)),
      m_view(new QTableView(this)), m_entry(new QuickEntryBar(this))
{
    setObjectName(QStringLiteral("technicalLogPanel"));
    m_view->setObjectName(QStringLiteral("logTableView"));
    m_view->setModel(m_model);
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
    m_view->setColumnWidth(LogTableModel::AuthorColumn, charWidth * 16);
    m_view->setColumnWidth(LogTableModel::KindColumn, charWidth * 13);

    auto *title = new QLabel(tr("Technical channel — live log"), this);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_entry);

    // Decide before the rows arrive whether to follow them: after insertion the scroll bar
    // has already grown and "at the bottom" can no longer be told.
    connect(m_model, &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this] { m_followNewest = isAtNewest(); });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_followNewest)
            m_view->scrollToBottom();
    });
    connect(m_model, &LogTableModel::loadFailed, m_entry, &QuickEntryBar::showFailure);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this,
            &TechnicalLogPanel::showContextMenu);
    m_actions.setSelectedEntry([this]() -> std::optional<LogEntry> {
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
                // On a shared war room the name typed is the signed-in role's name for all.
                if (const Outcome named = m_store.setDisplayName(author); !named) {
                    m_entry->showFailure(named.error());
                    return;
                }
                NewLogEntry line{m_model->incidentId(), author, entry.kind, entry.text};
                const auto added = m_store.appendLogEntry(line);
                if (!added) {
                    m_entry->showFailure(added.error());
                    return;
                }
                m_entry->clearAfterSuccess();
                m_view->scrollToBottom(); // your own entry is always shown
            });
}

void TechnicalLogPanel::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_view->indexAt(position);
    const std::optional<LogEntry> entry =
        index.isValid() ? m_model->entry(index.row()) : std::nullopt;
    QMenu menu(this);
    if (entry && entry->kind == LogKind::Hypothesis) {
        const qint64 id = entry->id;
        menu.addAction(tr("Timebox this theory…"), this,
                       [this, id] { m_actions.timeboxTheory(id); });
    }
    if (entry && entry->kind == LogKind::Question) {
        const qint64 id = entry->id;
        menu.addAction(tr("Answer this question…"), this,
                       [this, id] { m_actions.answerQuestion(id); });
    }
    if (!menu.isEmpty())
        menu.addSeparator();
    menu.addAction(m_actions.askTeamAction());
    menu.addAction(m_actions.commitDeadline());
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

void TechnicalLogPanel::setIncident(qint64 incidentId)
{
    m_model->setIncident(incidentId);
    m_view->scrollToBottom();
    // Once the window has its final size the last row may sit just below the edge: again then.
    QTimer::singleShot(0, m_view, &QTableView::scrollToBottom);
}

bool TechnicalLogPanel::isAtNewest() const
{
    const QScrollBar *bar = m_view->verticalScrollBar();
    return bar->value() >= bar->maximum();
}
