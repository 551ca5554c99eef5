#pragma once

#include <QDateTime>
#include <QString>

// A way out the customer can choose, with what speaks for and against it. Options are recorded
// before resolution; the chosen one carries why it was chosen.
struct SolutionOption
{
    qint64 id = 0;
    qint64 incidentId = 0;
    QDateTime at;
    QString by;
    QString title;
    QString pros;
    QString cons;
    // The latest choice of the incident, if it is this option.
    QDateTime chosenAt; // invalid unless chosen
    QString chosenBy;
    QString chosenWhy;

    bool isChosen() const { return chosenAt.isValid(); }
};

struct NewSolutionOption
{
    qint64 incidentId = 0;
    QString by;
    QString title;
    QString pros;
    QString cons;
};
