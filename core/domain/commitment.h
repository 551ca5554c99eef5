#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

// How a commitment ended. Missed is never recorded: it follows from the clock.
enum class CommitmentOutcomeKind
{
    Met,
    Superseded
};

// How a theory's timebox ended on time: the theory held, or it was chopped.
enum class TimeboxVerdict
{
    None,
    Confirmed,
    Dropped
};

struct CommitmentOutcome
{
    qint64 id = 0;
    qint64 commitmentId = 0;
    CommitmentOutcomeKind kind = CommitmentOutcomeKind::Met;
    QDateTime at;
    QString by;
    QString reason;            // why a superseded commitment was not kept
    qint64 supersededById = 0; // the commitment that replaced it
    TimeboxVerdict verdict = TimeboxVerdict::None;
};

enum class CommitmentState
{
    Open,
    Met,
    Missed,
    Superseded
};

QString commitmentStateName(CommitmentState state);

// A written deadline for the next step. Never edited: it ends through an outcome or the clock.
struct Commitment
{
    qint64 id = 0;
    qint64 incidentId = 0;
    QString what;
    QString owner;
    QDateTime due;
    QString why;
    QDateTime createdAt;
    QString createdBy;
    qint64 hypothesisEntryId = 0; // set when this is a theory's timebox
    std::optional<CommitmentOutcome> outcome;

    // Kept means ended on time; an outcome recorded after the due time is still a miss,
    // so a late "met" cannot hide that the deadline passed.
    CommitmentState stateAt(const QDateTime &now) const;
    bool isOutstanding() const { return !outcome.has_value(); }
    bool isTimebox() const { return hypothesisEntryId > 0; }
    // What a briefing tells the customer: open business commitments. A theory's timebox is the
    // team's own discipline, and stays in the technical channel.
    bool isPromisedToCustomer(const QDateTime &now) const
    {
        return !isTimebox() && stateAt(now) == CommitmentState::Open;
    }
};

struct NewCommitment
{
    qint64 incidentId = 0;
    QString what;
    QString owner;
    QDateTime due;
    QString why;
    QString createdBy;
};
