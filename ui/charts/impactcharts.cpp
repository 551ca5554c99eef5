#include "charts/impactcharts.h"

#include "colors.h"

#include <QChart>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>

namespace {
QLineSeries *line(const QString &name, const QList<QPointF> &points, const QColor &color,
                  qreal width = 2.5)
{
    auto *series = new QLineSeries;
    series->setName(name);
    series->append(points);
    QPen pen(color);
    pen.setWidthF(width);
    series->setPen(pen);
    return series;
}

QDateTimeAxis *timeAxis(const QDateTime &start, const QDateTime &end)
{
    auto *axis = new QDateTimeAxis;
    axis->setFormat(QStringLiteral("HH:mm"));
    axis->setTitleText(QObject::tr("Time"));
    axis->setRange(start.toLocalTime(), std::max(end, start.addSecs(60)).toLocalTime());
    axis->setTickCount(7);
    return axis;
}

QValueAxis *countAxis(const QString &title, double maximum)
{
    auto *axis = new QValueAxis;
    axis->setTitleText(title);
    axis->setRange(0, maximum);
    axis->applyNiceNumbers(); // 0, 2000, 4000... rather than 0, 4313, 8625
    axis->setLabelFormat(QStringLiteral("%.0f"));
    return axis;
}

double highest(const QList<QPointF> &points)
{
    double top = 0;
    for (const QPointF &p : points)
        top = std::max(top, p.y());
    return top;
}

void attach(QChart *chart, QAbstractSeries *series, QAbstractAxis *x, QAbstractAxis *y)
{
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
}

QChart *newChart(const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    QFont legendFont = chart->legend()->font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.85);
    chart->legend()->setFont(legendFont);
    return chart;
}
} // namespace

namespace ImpactCharts {
QChart *impactOverTime(const ImpactTimeline &timeline)
{
    QChart *chart = newChart(QObject::tr("Impact over time"));
    auto *x = timeAxis(timeline.start, timeline.end);
    const double usersTop = std::max(10.0, highest(timeline.affectedUsers) * 1.15);
    auto *users = countAxis(QObject::tr("Users"), usersTop);
    const double functionsTop = std::max(
        {3.0, highest(timeline.functionsDown) + 1, highest(timeline.functionsDegraded) + 1});
    auto *functions = countAxis(QObject::tr("Functions"), functionsTop);
    functions->setTickCount(int(functionsTop) + 1);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(users, Qt::AlignLeft);
    chart->addAxis(functions, Qt::AlignRight);

    attach(chart,
           line(QObject::tr("Affected users"), timeline.affectedUsers, QColor(0x0d, 0x47, 0xa1), 3),
           x, users);
    attach(chart,
           line(QObject::tr("Functions down"), timeline.functionsDown, WarroomColors::alarm()), x,
           functions);
    attach(chart,
           line(QObject::tr("Functions degraded"), timeline.functionsDegraded,
                QColor(0xb2, 0x6a, 0x00)),
           x, functions);

    // Markers ride on the users axis: status changes along the top, deadlines along the bottom.
    auto marker = [&](const QString &name, MarkerKind kind, const QColor &color,
                      QScatterSeries::MarkerShape shape, double y) {
        auto *series = new QScatterSeries;
        series->setName(name);
        series->setMarkerShape(shape);
        series->setMarkerSize(11);
        series->setColor(color);
        series->setBorderColor(color.darker(130));
        for (const TimelineMarker &m : timeline.markers) {
            if (m.kind == kind)
                series->append(double(m.at.toMSecsSinceEpoch()), y);
        }
        attach(chart, series, x, users);
    };
    marker(QObject::tr("Status change"), MarkerKind::StatusChange, QColor(0x26, 0x32, 0x38),
           QScatterSeries::MarkerShapeRectangle, users->max() * 0.96);
    marker(QObject::tr("Deadline met"), MarkerKind::DeadlineMet, WarroomColors::onTrack(),
           QScatterSeries::MarkerShapeCircle, users->max() * 0.03);
    marker(QObject::tr("Deadline missed"), MarkerKind::DeadlineMissed, WarroomColors::alarm(),
           QScatterSeries::MarkerShapeTriangle, users->max() * 0.03);
    return chart;
}

QChart *commitmentsMetMissed(const CommitmentTally &tally)
{
    QChart *chart = newChart(QObject::tr("Commitments met and missed"));
    auto *x = timeAxis(tally.start, tally.end);
    const double top = std::max({3.0, highest(tally.met) + 1, highest(tally.missed) + 1});
    auto *count = countAxis(QObject::tr("Count"), top);
    count->setTickCount(std::min(int(top) + 1, 11));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(count, Qt::AlignLeft);
    attach(chart, line(QObject::tr("Met"), tally.met, WarroomColors::onTrack(), 3), x, count);
    attach(chart, line(QObject::tr("Missed"), tally.missed, WarroomColors::alarm(), 3), x, count);
    return chart;
}
} // namespace ImpactCharts
