#include "services/cadence.h"

qint64 briefingIntervalSecs(Severity severity)
{
    switch (severity) {
    case Severity::Sev1:
        return 30 * 60;
    case Severity::Sev2:
        return 60 * 60;
    case Severity::Sev3:
        return 4 * 3600;
    case Severity::Sev4:
        return 24 * 3600;
    }
    return 3600;
}

bool isFramingStale(const std::optional<Framing> &framing, Severity severity, const QDateTime &now)
{
    if (!framing)
        return false; // absent is its own warning, not staleness
    return framing->at.secsTo(now) > briefingIntervalSecs(severity);
}
