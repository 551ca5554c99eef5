#pragma once

#include "domain/logsearch.h"

#include <QStyledItemDelegate>

// Paints a cell's text with the searched words marked where they start a word, as a reader
// scanning the log for them expects; without a search, as any cell.
class SearchHighlightDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void setSearch(const LogSearch &search) { m_search = search; }
    const LogSearch &search() const { return m_search; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

private:
    LogSearch m_search;
};
