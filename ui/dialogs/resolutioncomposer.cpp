#include "dialogs/resolutioncomposer.h"

#include "dialogs/awaitedsubmit.h"
#include "livewarroom.h"
#include "rules/clock.h"
#include "rules/resolutionrules.h"
#include "widgets/plainlanguagecheck.h"
#include "wording.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {
enum RemainsColumn
{
    WhatColumn,
    OwnerColumn,
    DueColumn
};
} // namespace

ResolutionComposer::ResolutionComposer(const LiveWarRoom &live, const Clock &clock, QString by,
                                       QWidget *parent)
    : CustomerTextDialog(live, clock, std::move(by), parent)
{
    setObjectName(QStringLiteral("resolutionComposer"));
    setWindowTitle(tr("Resolve: the resolution report"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("The service is back. The customer's managers read this report: "
                                "answer each of their questions in plain words, with no technical "
                                "log and no blame. Resolving needs every answer."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    layout->addLayout(form);

    for (const SolutionOption &option : live.incident().options) {
        if (!option.isChosen())
            continue;
        auto *chosen = new QLabel(tr("%1 (why: %2)").arg(option.title, option.chosenWhy), this);
        chosen->setObjectName(QStringLiteral("chosenOptionLabel"));
        chosen->setTextFormat(Qt::PlainText);
        chosen->setWordWrap(true);
        form->addRow(tr("Chosen option:"), chosen);
    }
    const auto field = [&](const QString &key, const QString &label, int lines,
                           const QString &placeholder) {
        return addCheckedRow(form, key, label, lines, placeholder);
    };
    m_cause = field(QStringLiteral("cause"), tr("What &caused it:"), 3,
                    tr("In the customer's words: what went wrong, not who"));
    m_done = field(QStringLiteral("done"), tr("What was &done:"), 3,
                   tr("What we did to restore the service"));

    m_fullySolved = new QComboBox(this);
    m_fullySolved->setObjectName(QStringLiteral("fullySolvedComboBox"));
    m_fullySolved->addItem(tr("choose…"));
    m_fullySolved->addItem(tr("yes, fully solved"), true);
    m_fullySolved->addItem(tr("partly: what remains is listed below"), false);
    form->addRow(tr("Fully &solved now:"), m_fullySolved);

    m_remains = new QTableWidget(0, 3, this);
    m_remains->setObjectName(QStringLiteral("remainsTable"));
    m_remains->setHorizontalHeaderLabels(
        {tr("What else needs doing"), tr("Owner"), tr("Due (2026-12-15 or +48h)")});
    m_remains->horizontalHeader()->setSectionResizeMode(WhatColumn, QHeaderView::Stretch);
    m_remains->verticalHeader()->hide();
    m_remains->setMinimumHeight(90);
    m_remains->setMaximumHeight(150);
    auto *remainsButtons = new QHBoxLayout;
    auto *add = new QPushButton(tr("&Add item"), this);
    add->setObjectName(QStringLiteral("addRemainingButton"));
    auto *remove = new QPushButton(tr("Remo&ve item"), this);
    remove->setObjectName(QStringLiteral("removeRemainingButton"));
    m_nothingRemains = new QCheckBox(tr("&Nothing else needs to be done"), this);
    m_nothingRemains->setObjectName(QStringLiteral("nothingRemainsCheckBox"));
    remainsButtons->addWidget(add);
    remainsButtons->addWidget(remove);
    remainsButtons->addStretch();
    remainsButtons->addWidget(m_nothingRemains);
    auto *remainsColumn = new QVBoxLayout;
    remainsColumn->addWidget(m_remains);
    remainsColumn->addLayout(remainsButtons);
    form->addRow(tr("What remains:"), remainsColumn);
    connect(add, &QPushButton::clicked, this, [this] {
        addRemainingItem();
        m_remains->editItem(m_remains->item(m_remains->rowCount() - 1, WhatColumn));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_remains->currentRow() >= 0)
            m_remains->removeRow(m_remains->currentRow());
    });
    // Listing work and saying none remains contradict each other: one excludes the other.
    connect(m_nothingRemains, &QCheckBox::toggled, this, [this, add](bool nothing) {
        m_remains->setEnabled(!nothing);
        add->setEnabled(!nothing);
    });

    m_recurrence = field(QStringLiteral("recurrence"), tr("Can it happen a&gain:"), 2,
                         tr("Whether it can recur, and how it is avoided"));

    addFooter(layout, tr("Resolve"), QStringLiteral("submitButton"));
    resize(820, sizeHint().height());
}

void ResolutionComposer::addRemainingItem(const QString &what, const QString &owner,
                                          const QString &due)
{
    const int row = m_remains->rowCount();
    m_remains->insertRow(row);
    m_remains->setItem(row, WhatColumn, new QTableWidgetItem(what));
    m_remains->setItem(row, OwnerColumn, new QTableWidgetItem(owner));
    m_remains->setItem(row, DueColumn, new QTableWidgetItem(due));
}

Result<NewResolutionReport> ResolutionComposer::report() const
{
    NewResolutionReport r;
    r.incidentId = m_incidentId;
    r.by = m_by;
    r.cause = m_cause->toPlainText();
    r.done = m_done->toPlainText();
    r.recurrence = m_recurrence->toPlainText();
    const QVariant solved = m_fullySolved->currentData();
    if (solved.isValid())
        r.fullySolved = solved.toBool();
    r.noneRemains = m_nothingRemains->isChecked();
    if (r.noneRemains)
        return r;
    const auto cell = [this](int row, int column) {
        const QTableWidgetItem *item = m_remains->item(row, column);
        return item ? item->text().trimmed() : QString();
    };
    const QDateTime now = m_clock.now();
    for (int row = 0; row < m_remains->rowCount(); ++row) {
        NewActionItem item{cell(row, WhatColumn), cell(row, OwnerColumn), {}};
        const QString dueText = cell(row, DueColumn);
        if (item.what.isEmpty() && item.owner.isEmpty() && dueText.isEmpty())
            continue; // an empty row added and never filled
        if (!dueText.isEmpty()) {
            const auto due = parseActionDue(dueText, now);
            if (!due)
                return Failure{tr("Due date of \"%1\": %2").arg(item.what, due.error())};
            item.due = *due;
        }
        r.remains.append(item);
    }
    return r;
}

void ResolutionComposer::accept()
{
    if (m_awaited->isWaiting())
        return;
    const auto typed = report();
    if (!typed) {
        showError(typed.error());
        return;
    }
    m_live.write(
        &m_live, [r = *typed](IncidentStore &store) { return store.resolve(r); },
        m_awaited->begin());
}
