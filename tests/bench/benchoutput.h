#pragma once

#include "domain/result.h"

#include <QElapsedTimer>
#include <QString>
#include <QTextStream>

#include <cstdlib>
#include <limits>

// What issue 13's benchmark prints, one tab-separated line a figure:
//   figure NAME  warroom VALUE UNIT  baseline NAME VALUE UNIT  ratio R
// and the helpers its parts share.
namespace BenchOutput {
inline QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

inline void figure(const QString &name, double value, const QString &unit, const QString &baseline,
                   double baselineValue, const QString &baselineUnit)
{
    out() << "figure\t" << name << "\twarroom " << QString::number(value, 'f', 2) << ' ' << unit
          << "\tbaseline " << baseline << ' ' << QString::number(baselineValue, 'f', 2) << ' '
          << baselineUnit << "\tratio " << QString::number(value / baselineValue, 'f', 3)
          << Qt::endl;
}

inline void skipped(const QString &name, const QString &why)
{
    out() << "skipped\t" << name << '\t' << why << Qt::endl;
}

inline double msSince(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

[[noreturn]] inline void die(const QString &why)
{
    out() << "bench_scale: " << why << Qt::endl;
    std::exit(1);
}

template <typename T> T need(Result<T> result, const char *what)
{
    if (!result)
        die(QStringLiteral("%1: %2").arg(QLatin1String(what), result.error()));
    return result.take();
}

template <typename Work> double bestOf(int runs, Work work)
{
    double best = std::numeric_limits<double>::max();
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        best = std::min(best, msSince(timer));
    }
    return best;
}
} // namespace BenchOutput
