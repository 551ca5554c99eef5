#include "dialogs/shortcutsdialog.h"

#include "wording.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
// "Commit &deadline…" reads "Commit deadline".
QString plainText(const QString &text)
{
    return withoutMnemonic(text).remove(QChar(u'…')).trimmed();
}

void addShortcuts(QTreeWidgetItem *under, const QMenu &menu)
{
    for (const QAction *action : menu.actions()) {
        if (const QMenu *sub = action->menu())
            addShortcuts(under, *sub);
        else if (!action->shortcut().isEmpty())
            new QTreeWidgetItem(under, {plainText(action->text()),
                                        action->shortcut().toString(QKeySequence::NativeText)});
    }
}
} // namespace

ShortcutsDialog::ShortcutsDialog(const QMenuBar &menus, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Keyboard shortcuts"));
    auto *tree = new QTreeWidget(this);
    tree->setObjectName(QStringLiteral("shortcutsTree"));
    tree->setHeaderLabels({tr("Action"), tr("Shortcut")});
    tree->setRootIsDecorated(false);
    tree->setSelectionMode(QAbstractItemView::NoSelection);
    for (const QAction *top : menus.actions()) {
        const QMenu *menu = top->menu();
        if (!menu)
            continue;
        auto *heading = new QTreeWidgetItem(tree, {plainText(top->text())});
        QFont bold = heading->font(0);
        bold.setBold(true);
        heading->setFont(0, bold);
        addShortcuts(heading, *menu);
        if (heading->childCount() == 0)
            delete heading;
    }
    tree->expandAll();
    tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(tree);
    layout->addWidget(buttons);
    resize(460, 640);
}
