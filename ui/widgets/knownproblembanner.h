#pragma once

#include "rules/knownproblemmatch.h"
#include "storage/change.h"

#include <QFrame>

class LiveWarRoom;
class QLabel;

// "This looks like a known problem": when the incident on screen describes the symptom of a
// problem in the war room's book (its title, problem statement or log), the workaround shows
// here once. The suggestion is recorded; "It applies" links the problem to the incident,
// "Dismiss" records that it does not. Neither comes back for this incident.
class KnownProblemBanner : public QFrame
{
    Q_OBJECT
public:
    KnownProblemBanner(LiveWarRoom &live, QWidget *parent = nullptr);

    void setIncident(qint64 incidentId);
    // The problem suggested now, 0 while nothing is.
    qint64 suggestedId() const { return m_suggested.problem.id; }
    QString text() const;

    void applies();
    void dismiss();

private:
    void onChanged(ChangeTopic topic, qint64 incidentId);
    void look();
    void suggest(const KnownProblemMatch::Match &match);
    void decide(Sighting how);

    LiveWarRoom &m_live;
    qint64 m_incidentId = 0;
    KnownProblemMatch::Match m_suggested;
    bool m_looking = false;
    bool m_lookAgain = false;
    QLabel *m_label;
};
