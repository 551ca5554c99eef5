#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

// Work that remains once the service is back: from the resolution report ("what else still needs
// to be done") or from the debrief. Tracked until someone marks it done.
enum class ActionSource
{
    ResolutionReport,
    Debrief
};

QString actionSourceName(ActionSource source); // as stored: "report", "debrief"
std::optional<ActionSource> parseActionSource(QStringView text);

struct ActionItem
{
    qint64 id = 0;
    qint64 incidentId = 0;
    QDateTime createdAt;
    QString createdBy;
    QString what;
    QString owner;
    QDateTime due;
    ActionSource source = ActionSource::Debrief;
    QDateTime doneAt; // invalid until done
    QString doneBy;
    QString doneNote;

    bool isDone() const { return doneAt.isValid(); }
    bool isOverdue(const QDateTime &now) const { return !isDone() && due < now; }
};

// What a person writes down; the store adds who and when.
struct NewActionItem
{
    QString what;
    QString owner;
    QDateTime due;
};
