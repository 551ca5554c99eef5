#include "charts/impactcharts.h"

#include "colors.h"

#include <QChart>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

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

// Axis text a little smaller than the window's, as charts print it: the labels need the room.
template <typename Axis> Axis *withSmallerText(Axis *axis)
{
    QFont font = axis->labelsFont();
    font.setPointSizeF(font.pointSizeF() * 0.85);
    axis->setLabelsFont(font);
    axis->setTitleFont(font);
    return axis;
}

QDateTimeAxis *timeAxis(const QDateTime &start, const QDateTime &end)
{
    auto *axis = withSmallerText(new QDateTimeAxis);
    axis->setFormat(QStringLiteral("HH:mm"));
    axis->setTitleText(QObject::tr("Time"));
    axis->setRange(start.toLocalTime(), std::max(end, start.addSecs(60)).toLocalTime());
    axis->setTickCount(7);
    return axis;
}

QValueAxis *countAxis(const QString &title, double maximum)
{
    auto *axis = withSmallerText(new QValueAxis);
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
ChartRange rangeOf(const ImpactTimeline &timeline)
{
    return {timeline.start, std::max(timeline.end, timeline.start.addSecs(60)),
            std::max(10.0, highest(timeline.affectedUsers) * 1.15),
            std::max({3.0, highest(timeline.functionsDown) + 1,
                      highest(timeline.functionsDegraded) + 1})};
}

ChartRange unite(const ChartRange &a, const ChartRange &b)
{
    return {std::min(a.start, b.start), std::max(a.end, b.end), std::max(a.usersTop, b.usersTop),
            std::max(a.functionsTop, b.functionsTop)};
}

QChart *impactOverTime(const ImpactTimeline &timeline)
{
    return impactOverTime(timeline, rangeOf(timeline));
}

QChart *impactOverTime(const ImpactTimeline &timeline, const ChartRange &range)
{
    QChart *chart = newChart(QObject::tr("Impact over time"));
    auto *x = timeAxis(range.start, range.end);
    auto *users = countAxis(QObject::tr("Users"), 10);
    auto *functions = countAxis(QObject::tr("Functions"), 3);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(users, Qt::AlignLeft);
    chart->addAxis(functions, Qt::AlignRight);
    attach(chart, line(QObject::tr("Affected users"), {}, QColor(0x0d, 0x47, 0xa1), 3), x, users);
    attach(chart, line(QObject::tr("Functions down"), {}, WarroomColors::alarm()), x, functions);
    attach(chart, line(QObject::tr("Functions degraded"), {}, QColor(0xb2, 0x6a, 0x00)), x,
           functions);
    auto marker = [&](const QString &name, const QColor &color, QScatterSeries::MarkerShape shape) {
        auto *series = new QScatterSeries;
        series->setName(name);
        series->setMarkerShape(shape);
        series->setMarkerSize(11);
        series->setColor(color);
        series->setBorderColor(color.darker(130));
        attach(chart, series, x, users);
    };
    marker(QObject::tr("Status change"), QColor(0x26, 0x32, 0x38),
           QScatterSeries::MarkerShapeRectangle);
    marker(QObject::tr("Deadline met"), WarroomColors::onTrack(),
           QScatterSeries::MarkerShapeCircle);
    marker(QObject::tr("Deadline missed"), WarroomColors::alarm(),
           QScatterSeries::MarkerShapeTriangle);
    showTimeline(*chart, timeline, range);
    return chart;
}

void showTimeline(QChart &chart, const ImpactTimeline &timeline, const ChartRange &range)
{
    auto series = [&chart](const QString &name) {
        for (QAbstractSeries *s : chart.series()) {
            if (s->name() == name)
                return static_cast<QXYSeries *>(s);
        }
        return static_cast<QXYSeries *>(nullptr);
    };
    auto axis = [&chart](Qt::Alignment alignment) {
        for (QAbstractAxis *a : chart.axes()) {
            if (a->alignment() == alignment)
                return a;
        }
        return static_cast<QAbstractAxis *>(nullptr);
    };
    auto *x = static_cast<QDateTimeAxis *>(axis(Qt::AlignBottom));
    auto *users = static_cast<QValueAxis *>(axis(Qt::AlignLeft));
    auto *functions = static_cast<QValueAxis *>(axis(Qt::AlignRight));
    // Re-ranging an axis rebuilds all its labels (rich text): only when the range differs.
    const char *requested = "warroomRequestedTop";
    if (x->min() != range.start.toLocalTime() || x->max() != range.end.toLocalTime())
        x->setRange(range.start.toLocalTime(), range.end.toLocalTime());
    if (users->property(requested).toDouble() != range.usersTop) {
        users->setProperty(requested, range.usersTop);
        users->setRange(0, range.usersTop);
        users->applyNiceNumbers();
    }
    if (functions->property(requested).toDouble() != range.functionsTop) {
        functions->setProperty(requested, range.functionsTop);
        functions->setRange(0, range.functionsTop);
        functions->setTickCount(int(range.functionsTop) + 1);
    }

    series(QObject::tr("Affected users"))->replace(timeline.affectedUsers);
    series(QObject::tr("Functions down"))->replace(timeline.functionsDown);
    series(QObject::tr("Functions degraded"))->replace(timeline.functionsDegraded);
    // Markers ride on the users axis: status changes along the top, deadlines along the bottom.
    // Each marker is drawn as an item of its own, and markers closer than a marker's width hide
    // each other anyway: one is kept per slot of the time axis, so ten thousand missed deadlines
    // draw as fast as ten.
    const double firstMs = double(range.start.toMSecsSinceEpoch());
    const double slotMs = std::max(1.0, double(range.start.msecsTo(range.end)) / kMarkerSlots);
    auto markers = [&](const QString &name, MarkerKind kind, double y) {
        QList<QPointF> points;
        qint64 lastSlot = std::numeric_limits<qint64>::min();
        QList<double> times;
        for (const TimelineMarker &m : timeline.markers) {
            if (m.kind == kind)
                times.append(double(m.at.toMSecsSinceEpoch()));
        }
        std::sort(times.begin(), times.end());
        for (double at : times) {
            const auto slot = qint64(std::floor((at - firstMs) / slotMs));
            if (slot != lastSlot)
                points.append({at, y});
            lastSlot = slot;
        }
        series(name)->replace(points);
    };
    markers(QObject::tr("Status change"), MarkerKind::StatusChange, users->max() * 0.96);
    markers(QObject::tr("Deadline met"), MarkerKind::DeadlineMet, users->max() * 0.03);
    markers(QObject::tr("Deadline missed"), MarkerKind::DeadlineMissed, users->max() * 0.03);
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
