#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

// An open commitment as a briefing promised it.
struct PromisedCommitment
{
    QString what;
    QString owner;
    QDateTime due;
    QString why;
    bool operator==(const PromisedCommitment &) const = default;
};

// An ask of the customer as a briefing listed it.
struct ListedAsk
{
    QString what;
    QString whyOnlyCustomer;
    bool operator==(const ListedAsk &) const = default;
};

// A solution option as a briefing put it to the customer.
struct ListedOption
{
    QString title;
    QString pros;
    QString cons;
    bool chosen = false;
    QString chosenWhy;
    bool operator==(const ListedOption &) const = default;
};

// A business-channel roll-up for the customer's managers. Published once, never edited;
// a correction is a new briefing that names the one it corrects.
struct Briefing
{
    qint64 id = 0;
    qint64 incidentId = 0;
    qint64 seq = 0;
    QDateTime publishedAt;
    QString author;
    QString headline;
    QString impact;
    QString doing;
    QString changed;
    QDateTime nextUpdateAt;
    QString nextUpdateWhy;
    qint64 correctsId = 0;
    QList<PromisedCommitment> commitments; // open when it was published
    QList<ListedAsk> asks;                 // outstanding when it was published
    QList<ListedOption> options;           // put to the customer by then (empty before 13)
    // The incident as the customer was told when it was published (empty before schema 7):
    // the severity without internal reasoning, the status, the person in charge with phone.
    QString publishedStatus;
    QString publishedSeverity;
    QString publishedInCharge;
    QString publishedContact; // the customer's contact, "Name, phone" (empty before schema 9)
};

struct NewBriefing
{
    qint64 incidentId = 0;
    QString author;
    QString headline;
    QString impact;
    QString doing;
    QString changed;
    QDateTime nextUpdateAt;
    QString nextUpdateWhy;
    qint64 correctsId = 0;
};
