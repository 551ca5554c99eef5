#pragma once

#include <QDateTime>
#include <QString>

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
