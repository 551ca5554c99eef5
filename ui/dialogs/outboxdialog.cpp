#include "dialogs/outboxdialog.h"

#include "colors.h"
#include "dialogs/modalhook.h"
#include "serverlink.h"
#include "timeformat.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
constexpr int kItemIdRole = Qt::UserRole + 1;
constexpr int kRefusedRole = Qt::UserRole + 2;
} // namespace

OutboxDialog::OutboxDialog(ServerLink &link, QWidget *parent)
    : QDialog(parent), m_link(link), m_intro(new QLabel(this)), m_list(new QTreeWidget(this)),
      m_detail(new QLabel(this)), m_retry(new QPushButton(tr("&Try again"), this)),
      m_discard(new QPushButton(tr("&Discard…"), this))
{
    setObjectName(QStringLiteral("outboxDialog"));
    setWindowTitle(tr("Not yet shared"));
    m_intro->setWordWrap(true);
    m_intro->setTextFormat(Qt::PlainText);
    m_list->setObjectName(QStringLiteral("outboxList"));
    m_list->setRootIsDecorated(false);
    m_list->setWordWrap(true);
    m_list->setHeaderLabels({tr("Written"), tr("What"), tr("State")});
    m_list->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_detail->setObjectName(QStringLiteral("outboxItemDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextFormat(Qt::PlainText);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_retry->setObjectName(QStringLiteral("retryItemButton"));
    m_discard->setObjectName(QStringLiteral("discardItemButton"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_retry, QDialogButtonBox::ActionRole);
    buttons->addButton(m_discard, QDialogButtonBox::DestructiveRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_retry, &QPushButton::clicked, this, &OutboxDialog::retrySelected);
    connect(m_discard, &QPushButton::clicked, this, &OutboxDialog::discardSelected);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &OutboxDialog::updateButtons);
    connect(&m_link, &ServerLink::stateChanged, this, &OutboxDialog::refresh);
    connect(&m_link, &ServerLink::failed, this,
            [this](const QString &why) { ModalHook::showError(this, tr("Not done"), why); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_detail);
    layout->addWidget(buttons);
    resize(760, 360);
    refresh();
    m_list->setFocus();
}

void OutboxDialog::refresh()
{
    const qint64 selected =
        m_list->currentItem() ? m_list->currentItem()->data(0, kItemIdRole).toLongLong() : 0;
    m_list->clear();
    for (const OutboxItem &item : m_link.waiting()) {
        const bool refused = !item.conflict.isEmpty();
        auto *row = new QTreeWidgetItem(
            m_list,
            {TimeFormat::clockSeconds(item.writtenAt, QDateTime::currentDateTimeUtc()),
             item.summary,
             refused ? tr("Refused: %1").arg(item.conflict) : tr("Waiting for the server")});
        row->setData(0, kItemIdRole, item.id);
        row->setData(0, kRefusedRole, refused);
        row->setToolTip(2, item.conflict);
        if (refused)
            row->setForeground(2, WarroomColors::alarm());
        // The one picked before, or else the first refused: that is what the list is for.
        if (item.id == selected || (selected == 0 && refused && !m_list->currentItem()))
            m_list->setCurrentItem(row);
    }
    m_intro->setText(
        m_link.waiting().isEmpty()
            ? tr("Nothing waits: everything written here has reached the war room.")
            : tr("Written on this computer and not yet in the war room, oldest first. Waiting "
                 "writes are sent in this order once the server is reached. A write the war "
                 "room refused (someone else changed the same deadline meanwhile, say) stays "
                 "here until you try it again or discard it."));
    updateButtons();
}

qint64 OutboxDialog::selectedRefusedItem() const
{
    const QTreeWidgetItem *row = m_list->currentItem();
    if (!row || !row->data(0, kRefusedRole).toBool())
        return 0;
    return row->data(0, kItemIdRole).toLongLong();
}

QString OutboxDialog::detail() const
{
    return m_detail->text();
}

void OutboxDialog::updateButtons()
{
    const QTreeWidgetItem *row = m_list->currentItem();
    m_detail->setText(!row ? QString()
                      : row->data(0, kRefusedRole).toBool()
                          ? tr("%1\nRefused because: %2").arg(row->text(1), row->toolTip(2))
                          : tr("%1\nWaiting for the server.").arg(row->text(1)));
    m_detail->setVisible(row != nullptr);
    const bool refused = selectedRefusedItem() > 0;
    m_retry->setEnabled(refused);
    m_discard->setEnabled(refused);
}

void OutboxDialog::retrySelected()
{
    if (const qint64 item = selectedRefusedItem())
        m_link.retryItem(item);
}

void OutboxDialog::discardSelected()
{
    const qint64 item = selectedRefusedItem();
    if (!item)
        return;
    QMessageBox confirm(QMessageBox::Warning, tr("Discard for good?"),
                        tr("%1\n\nThis write never reaches the war room. Discard it?")
                            .arg(m_list->currentItem()->text(1)),
                        QMessageBox::Discard | QMessageBox::Cancel, this);
    confirm.setDefaultButton(QMessageBox::Cancel);
    if (ModalHook::exec(confirm) == QMessageBox::Discard)
        m_link.discardItem(item);
}
