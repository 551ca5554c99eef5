#include "models/questionsmodel.h"

#include "rules/countdown.h"
#include "timeformat.h"

QuestionsModel::QuestionsModel(QObject *parent) : QAbstractTableModel(parent) {}

bool QuestionsModel::sameAsShown(const QList<LogEntry> &questions) const
{
    if (questions.size() != m_rows.size())
        return false;
    for (qsizetype row = 0; row < questions.size(); ++row) {
        const LogEntry &read = questions.at(row);
        const LogEntry &shown = m_rows.at(row);
        // An open question is never edited (a correction is an entry of its own): its id, and
        // the incident it belongs to, say which it is.
        if (read.id != shown.id || read.incidentId != shown.incidentId)
            return false;
    }
    return true;
}

void QuestionsModel::setQuestions(const QList<LogEntry> &questions, const QDateTime &now)
{
    if (sameAsShown(questions)) {
        setNow(now);
        return;
    }
    beginResetModel();
    m_rows = questions;
    m_now = now;
    m_rowOfId.clear();
    for (int row = 0; row < m_rows.size(); ++row)
        m_rowOfId.insert(m_rows.at(row).id, row);
    endResetModel();
}

void QuestionsModel::setNow(const QDateTime &now)
{
    if (now == m_now)
        return;
    m_now = now;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, OpenForColumn), index(int(m_rows.size()) - 1, OpenForColumn));
}

int QuestionsModel::rowOf(qint64 id) const
{
    return m_rowOfId.value(id, -1);
}

int QuestionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int QuestionsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString QuestionsModel::text(const LogEntry &q, int column) const
{
    switch (column) {
    case AskedColumn:
        return TimeFormat::clock(q.at, m_now);
    case OpenForColumn:
        return formatDuration(q.at.secsTo(m_now));
    case QuestionColumn:
        return q.text;
    case ByColumn:
        return q.author;
    case ToColumn:
        return q.addressee.isEmpty() ? tr("anyone") : q.addressee;
    }
    return {};
}

QVariant QuestionsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const LogEntry &q = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return text(q, index.column());
    case Qt::UserRole:
        return q.id;
    }
    return {};
}

QVariant QuestionsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case AskedColumn:
        return tr("Asked");
    case OpenForColumn:
        return tr("Open for");
    case QuestionColumn:
        return tr("Question");
    case ByColumn:
        return tr("By");
    case ToColumn:
        return tr("To");
    }
    return {};
}
