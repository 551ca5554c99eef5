#pragma once

#include "domain/result.h"

#include <QList>
#include <QRectF>
#include <QString>

class QChart;
class QGraphicsScene;
class QPainter;

// Draws charts as vectors into any painter (a PDF page, a printer, an image): through a
// graphics scene, never a screen grab, so a chart stays crisp at print resolution.
namespace ChartRenderer {
// Lays the chart out at `logicalSize` (pixels at 96 dpi) and paints it into `target`.
void render(QChart &chart, QPainter &painter, const QRectF &target,
            const QSizeF &logicalSize = {900, 480});
// Paints a chart that already sits in `scene` at its laid-out size: for drawing one chart
// many times (a page per briefing) without laying it out again each time.
void renderPlaced(QGraphicsScene &scene, QChart &chart, QPainter &painter, const QRectF &target);
// A PDF with the charts one under another on A4 pages, with a heading.
Outcome writePdf(const QList<QChart *> &charts, const QString &heading, const QString &path);
} // namespace ChartRenderer
