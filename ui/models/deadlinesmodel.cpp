#include "models/deadlinesmodel.h"

#include "colors.h"
#include "rules/countdown.h"
#include "timeformat.h"
#include "wording.h"

#include <QApplication>
#include <QFont>
#include <QPalette>

#include <algorithm>

DeadlinesModel::DeadlinesModel(QObject *parent) : QAbstractTableModel(parent) {}

void DeadlinesModel::setCommitments(const QList<Commitment> &commitments, const QDateTime &now)
{
    beginResetModel();
    m_rows = commitments;
    m_now = now;
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const Commitment &a, const Commitment &b) {
        if (a.isOutstanding() != b.isOutstanding())
            return a.isOutstanding();
        return a.isOutstanding() ? a.due < b.due : a.due > b.due;
    });
    m_rowOfId.clear();
    m_timeboxesOfTheory.clear();
    for (int row = 0; row < m_rows.size(); ++row) {
        const Commitment &c = m_rows.at(row);
        m_rowOfId.insert(c.id, row);
        if (c.isTimebox())
            ++m_timeboxesOfTheory[c.hypothesisEntryId];
    }
    endResetModel();
}

void DeadlinesModel::setNow(const QDateTime &now)
{
    m_now = now;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, DueColumn), index(int(m_rows.size()) - 1, StateColumn));
}

const Commitment *DeadlinesModel::commitment(qint64 id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_rows.at(row);
}

int DeadlinesModel::rowOf(qint64 id) const
{
    return m_rowOfId.value(id, -1);
}

std::array<int, 4> DeadlinesModel::countsByState() const
{
    std::array<int, 4> counts{};
    for (const Commitment &c : m_rows)
        ++counts[size_t(c.stateAt(m_now))];
    return counts;
}

int DeadlinesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DeadlinesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DeadlinesModel::stateText(const Commitment &c) const
{
    const CommitmentState state = c.stateAt(m_now);
    QString text = commitmentStateName(state);
    if (c.outcome && c.outcome->verdict != TimeboxVerdict::None)
        text = c.outcome->verdict == TimeboxVerdict::Confirmed ? tr("theory confirmed")
                                                               : tr("theory dropped");
    else if (state == CommitmentState::Open)
        text = tr("open, %1 left").arg(formatDuration(m_now.secsTo(c.due)));
    if (c.isTimebox()) {
        const int extensions = m_timeboxesOfTheory.value(c.hypothesisEntryId) - 1;
        if (extensions > 0)
            text += tr(" · extended %1×").arg(extensions);
    }
    return text;
}

QString DeadlinesModel::text(const Commitment &c, int column) const
{
    switch (column) {
    case DueColumn:
        return TimeFormat::clock(c.due, m_now);
    case StateColumn:
        return stateText(c);
    case WhatColumn:
        return c.what;
    case OwnerColumn:
        return c.owner;
    case WhyColumn:
        return c.why;
    }
    return {};
}

QVariant DeadlinesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Commitment &c = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return text(c, index.column());
    case Qt::UserRole:
        return c.id;
    case Qt::ForegroundRole: {
        if (index.column() > StateColumn)
            return {};
        switch (c.stateAt(m_now)) {
        case CommitmentState::Missed:
            return WarroomColors::alarm();
        case CommitmentState::Met:
            return WarroomColors::onTrack();
        case CommitmentState::Superseded:
            return QApplication::palette().color(QPalette::PlaceholderText);
        case CommitmentState::Open:
            if (m_now.secsTo(c.due) < kSoonThresholdSecs)
                return QColor(0xb2, 0x6a, 0x00);
            return {};
        }
        return {};
    }
    case Qt::FontRole:
        if (index.column() == WhatColumn && c.isOutstanding()) {
            QFont bold = QApplication::font();
            bold.setBold(true);
            return bold;
        }
        return {};
    }
    return {};
}

QVariant DeadlinesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case DueColumn:
        return tr("Due");
    case StateColumn:
        return tr("State");
    case WhatColumn:
        return tr("Next step");
    case OwnerColumn:
        return tr("Owner");
    case WhyColumn:
        return tr("Why this time");
    }
    return {};
}
