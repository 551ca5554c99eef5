#include "widgets/incidentpanel.h"

#include "livewarroom.h"
#include "rules/clock.h"
#include "widgets/actionbutton.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

IncidentPanel::IncidentPanel(const LiveWarRoom &live, const QString &objectName, QWidget *parent,
                             QAbstractItemModel *model)
    : QWidget(parent), m_live(live), m_summary(new QLabel(this)), m_buttons(new QHBoxLayout)
{
    if (model) {
        if (!model->parent())
            model->setParent(this);
        m_view = new QTreeView(this);
        m_view->setModel(model);
    } else {
        m_tree = new QTreeWidget(this);
        m_view = m_tree;
    }
    setObjectName(objectName);
    m_view->setObjectName(objectName + QStringLiteral("Tree"));
    m_summary->setObjectName(objectName + QStringLiteral("SummaryLabel"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->header()->setStretchLastSection(true);
    m_buttons->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    layout->addLayout(m_buttons);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this] { updateButtons(); });
    // Columns are fitted again only when rows came or went; a long list is fitted to the rows
    // in sight and a sample around them (short columns hold text of one shape).
    m_view->header()->setResizeContentsPrecision(kFittedRows);
    const auto rowsChanged = [this] {
        m_columnsFitted = false;
    };
    connect(m_view->model(), &QAbstractItemModel::modelReset, this, rowsChanged);
    connect(m_view->model(), &QAbstractItemModel::rowsInserted, this, rowsChanged);
    connect(m_view->model(), &QAbstractItemModel::rowsRemoved, this, rowsChanged);
    connect(&m_live, &LiveWarRoom::incidentChanged, this, [this](ChangeTopics topics) {
        const qint64 shown = m_live.incidentLoaded() ? m_live.incidentId() : 0;
        if (shown != m_incidentId || topics.hasAny(m_topics)) {
            m_incidentId = shown;
            refresh();
        }
    });
}

IncidentPanel::~IncidentPanel()
{
    // The children (the view, its model) go after this part of the panel is gone, and a model
    // emptied on its way out would call back into it.
    disconnect(m_view->model(), nullptr, this, nullptr);
    disconnect(m_view->selectionModel(), nullptr, this, nullptr);
}

void IncidentPanel::reloadOn(ChangeTopic topic)
{
    m_topics.add(topic);
}

void IncidentPanel::refresh()
{
    reload();
    if (!m_columnsFitted) {
        // Short columns (times, states, names) fit their text; the last one takes the rest.
        constexpr int kWidestFitted = 320;
        for (int column = 0; column + 1 < m_view->model()->columnCount(); ++column) {
            m_view->resizeColumnToContents(column);
            m_view->setColumnWidth(column, std::min(m_view->columnWidth(column), kWidestFitted));
        }
        m_columnsFitted = true;
    }
    updateButtons();
}

void IncidentPanel::setColumns(const QStringList &headers)
{
    m_tree->setColumnCount(int(headers.size()));
    m_tree->setHeaderLabels(headers);
}

QPushButton *IncidentPanel::addButton(const QString &text, const QString &objectName,
                                      std::function<void()> onClick)
{
    auto *button = new QPushButton(text, this);
    button->setObjectName(objectName);
    connect(button, &QPushButton::clicked, this, std::move(onClick));
    m_buttons->insertWidget(m_buttons->count() - 1, button);
    return button;
}

QPushButton *IncidentPanel::addActionButton(QAction *action)
{
    QPushButton *button = buttonForAction(action, this);
    m_buttons->insertWidget(m_buttons->count() - 1, button);
    return button;
}

void IncidentPanel::setSummary(const QString &text)
{
    m_summary->setText(text);
}

qint64 IncidentPanel::selectedId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.siblingAtColumn(0).data(Qt::UserRole).toLongLong() : 0;
}

QTreeWidgetItem *IncidentPanel::addRow(const QStringList &columns, qint64 id)
{
    auto *item = new QTreeWidgetItem(m_tree, columns);
    item->setData(0, Qt::UserRole, id);
    for (int column = 0; column < columns.size(); ++column)
        item->setToolTip(column, columns.at(column));
    return item;
}

void IncidentPanel::reselectRow(int row)
{
    if (row >= 0)
        m_view->setCurrentIndex(m_view->model()->index(row, 0));
}

void IncidentPanel::reselect(qint64 id)
{
    const QAbstractItemModel *rows = m_view->model();
    for (int row = 0; row < rows->rowCount(); ++row) {
        if (rows->index(row, 0).data(Qt::UserRole).toLongLong() == id)
            return reselectRow(row);
    }
}

QDateTime IncidentPanel::now() const
{
    return m_live.clock().now();
}
