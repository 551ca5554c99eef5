#include "widgets/searchhighlightdelegate.h"

#include <QApplication>
#include <QPainter>
#include <QTextLayout>

void SearchHighlightDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                    const QModelIndex &index) const
{
    QStyleOptionViewItem cell = option;
    initStyleOption(&cell, index);
    const auto spans = m_search.spansIn(cell.text);
    if (spans.isEmpty()) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    // The cell as the style draws it, without its text; then the text, marked.
    const QString text = cell.text;
    cell.text.clear();
    const QStyle *style = cell.widget ? cell.widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &cell, painter, cell.widget);

    QList<QTextLayout::FormatRange> marks;
    for (const auto &[start, length] : spans) {
        QTextLayout::FormatRange mark;
        mark.start = int(start);
        mark.length = int(length);
        mark.format.setBackground(QColor(0xff, 0xe0, 0x66));
        mark.format.setForeground(QColor(0x21, 0x21, 0x21));
        mark.format.setFontWeight(QFont::Bold);
        marks.append(mark);
    }
    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &cell, cell.widget)
                               .adjusted(2, 0, -2, 0);
    QTextLayout layout(text, cell.font);
    QTextOption wrap;
    wrap.setWrapMode(QTextOption::NoWrap);
    layout.setTextOption(wrap);
    layout.setFormats(marks);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    line.setLineWidth(1e6);
    layout.endLayout();
    painter->save();
    painter->setClipRect(textRect);
    // The row's own colour (a kind's, a pending entry's), as initStyleOption put it.
    const bool selected = cell.state & QStyle::State_Selected;
    painter->setPen(cell.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
    const qreal top = textRect.top() + (textRect.height() - line.height()) / 2;
    layout.draw(painter, QPointF(textRect.left(), top));
    painter->restore();
}
