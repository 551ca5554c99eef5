#include "charts/chartrenderer.h"

#include <QChart>
#include <QGraphicsScene>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>

namespace ChartRenderer {
void render(QChart &chart, QPainter &painter, const QRectF &target, const QSizeF &logicalSize)
{
    // A chart belongs to at most one scene; borrow it and hand it back untouched.
    QGraphicsScene *previous = chart.scene();
    if (previous)
        previous->removeItem(&chart);
    QGraphicsScene scene;
    scene.addItem(&chart);
    chart.setGeometry(QRectF(QPointF(0, 0), logicalSize));
    scene.setSceneRect(chart.geometry());
    scene.render(&painter, target, scene.sceneRect(), Qt::KeepAspectRatio);
    scene.removeItem(&chart);
    if (previous)
        previous->addItem(&chart);
}

void renderPlaced(QGraphicsScene &scene, QChart &chart, QPainter &painter, const QRectF &target)
{
    scene.render(&painter, target, chart.geometry(), Qt::KeepAspectRatio);
}

Outcome writePdf(const QList<QChart *> &charts, const QString &heading, const QString &path)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    writer.setResolution(300);
    writer.setTitle(heading);
    writer.setCreator(QStringLiteral("Warroom"));
    QPainter painter;
    if (!painter.begin(&writer))
        return Failure{QStringLiteral("Cannot write %1.").arg(path)};
    const QRect page = writer.pageLayout().paintRectPixels(writer.resolution());
    const QRectF area(0, 0, page.width(), page.height());
    QFont font = painter.font();
    font.setPointSizeF(14);
    font.setBold(true);
    painter.setFont(font);
    const qreal headingHeight = painter.fontMetrics().height() * 2.0;
    painter.drawText(QRectF(0, 0, area.width(), headingHeight), Qt::AlignLeft | Qt::AlignVCenter,
                     heading);
    qreal top = headingHeight;
    const qreal chartHeight = area.width() * 480.0 / 900.0;
    for (QChart *chart : charts) {
        if (top + chartHeight > area.height()) {
            writer.newPage();
            top = 0;
        }
        render(*chart, painter, QRectF(0, top, area.width(), chartHeight));
        top += chartHeight + headingHeight / 2;
    }
    if (!painter.end())
        return Failure{QStringLiteral("Cannot finish %1.").arg(path)};
    return done();
}
} // namespace ChartRenderer
