#include "domain/commitment.h"

QString commitmentStateName(CommitmentState state)
{
    switch (state) {
    case CommitmentState::Open:
        return QStringLiteral("open");
    case CommitmentState::Met:
        return QStringLiteral("met");
    case CommitmentState::Missed:
        return QStringLiteral("missed");
    case CommitmentState::Superseded:
        return QStringLiteral("superseded");
    }
    return {};
}

CommitmentState Commitment::stateAt(const QDateTime &now) const
{
    if (outcome) {
        if (outcome->at > due)
            return CommitmentState::Missed;
        return outcome->kind == CommitmentOutcomeKind::Met ? CommitmentState::Met
                                                           : CommitmentState::Superseded;
    }
    return now > due ? CommitmentState::Missed : CommitmentState::Open;
}
