#pragma once

#include "domain/logentry.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>

// The open questions of an incident as rows, oldest first. A long crisis leaves thousands, and
// the list is read again with every entry written to the log, so nothing is built per row: a
// cell is worded when a view asks for it, the same questions read again change nothing, and the
// passing of time changes only the "open for" column.
class QuestionsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        AskedColumn,
        OpenForColumn,
        QuestionColumn,
        ByColumn,
        ToColumn,
        ColumnCount
    };

    explicit QuestionsModel(QObject *parent = nullptr);

    // The questions open now; rows are only rebuilt when they are not the ones shown.
    void setQuestions(const QList<LogEntry> &questions, const QDateTime &now);
    // Time passed: how long each has been open is worded anew.
    void setNow(const QDateTime &now);

    // The row of a question by its entry id, or -1.
    int rowOf(qint64 id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    bool sameAsShown(const QList<LogEntry> &questions) const;
    QString text(const LogEntry &question, int column) const;

    QList<LogEntry> m_rows;
    QHash<qint64, int> m_rowOfId;
    QDateTime m_now;
};
