#pragma once

#include "domain/commitment.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>

#include <array>

// Every commitment of an incident as rows: the outstanding ones first, soonest on top, then the
// ended ones, latest first. An incident can hold ten thousand, so nothing is built per row:
// each cell is worded when a view asks for it, and the passing of time changes only the two
// columns it words (due, state), which a view repaints where they are shown.
class DeadlinesModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        DueColumn,
        StateColumn,
        WhatColumn,
        OwnerColumn,
        WhyColumn,
        ColumnCount
    };

    explicit DeadlinesModel(QObject *parent = nullptr);

    void setCommitments(const QList<Commitment> &commitments, const QDateTime &now);
    // Time passed: states and due times are worded anew.
    void setNow(const QDateTime &now);

    const Commitment *commitment(qint64 id) const;
    // The row of a commitment, or -1.
    int rowOf(qint64 id) const;
    // How many are in each state now (indexed by CommitmentState).
    std::array<int, 4> countsByState() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString stateText(const Commitment &c) const;
    QString text(const Commitment &c, int column) const;

    QList<Commitment> m_rows;
    QHash<qint64, int> m_rowOfId;
    QHash<qint64, int> m_timeboxesOfTheory; // hypothesis entry id -> how many timeboxes it had
    QDateTime m_now;
};
