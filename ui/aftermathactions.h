#pragma once

#include "actionwriter.h"

#include <QObject>

class Clock;
class LiveWarRoom;
class QAction;
class QWidget;

// What comes after the crisis, for the incident on screen: resolving it with the customer's
// resolution report, exporting that report, the team's debrief, closing it once the debrief is
// written, and the war room's book of known problems. Each is enabled when the incident's
// status allows it.
class AftermathActions : public QObject
{
    Q_OBJECT
public:
    AftermathActions(LiveWarRoom &live, const Clock &clock, QWidget *dialogParent);

    QAction *resolveAction() const { return m_resolve; }
    QAction *exportReportAction() const { return m_exportReport; }
    QAction *debriefAction() const { return m_debrief; }
    QAction *closeAction() const { return m_close; }
    QAction *knownProblemsAction() const { return m_knownProblems; }

    void resolve();
    void exportReport();
    void debrief();
    void close();
    void knownProblems();

signals:
    // An export was written to path (a refusal is shown instead).
    void exported(const QString &path);

private:
    void updateEnabled();

    ActionWriter m_writer;
    LiveWarRoom &m_live;
    const Clock &m_clock;
    QWidget *m_dialogParent;
    QAction *m_resolve;
    QAction *m_exportReport;
    QAction *m_debrief;
    QAction *m_close;
    QAction *m_knownProblems;
};
