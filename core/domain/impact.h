#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// How a business function is hurt for the affected users.
enum class FunctionState
{
    Degraded,
    Down
};

struct AffectedFunction
{
    QString name;
    FunctionState state = FunctionState::Degraded;
    bool operator==(const AffectedFunction &) const = default;
};

enum class Confidence
{
    Estimated,
    Measured
};

// One measurement of the incident's impact at a point in time. Assessments are append-only:
// a new one is a new point on the impact-over-time chart, never an edit of the last.
struct ImpactAssessment
{
    qint64 id = 0;
    qint64 incidentId = 0;
    QDateTime at;
    QString by;
    qint64 affectedUsers = 0;
    qint64 totalUsers = 0;
    QList<AffectedFunction> functions;
    QStringList regions;
    std::optional<bool> workaround; // unknown until someone checks
    std::optional<double> costPerHour;
    QString currency;
    bool keyAccount = false;
    Confidence confidence = Confidence::Estimated;
    QString notes;

    double userShare() const { return totalUsers > 0 ? double(affectedUsers) / totalUsers : 0; }
    int functionsDown() const;
    int functionsDegraded() const;
};

QString functionStateName(FunctionState state);
QString confidenceName(Confidence confidence);
std::optional<Confidence> parseConfidence(QStringView text);

// "Ordering:down, Search:degraded" (also ';' between items), as typed in the CLI and dialog.
// Refuses an item without a known state, naming it.
struct FunctionsParse
{
    QList<AffectedFunction> functions;
    QString error;
};
FunctionsParse parseFunctions(const QString &text);
QString formatFunctions(const QList<AffectedFunction> &functions);
