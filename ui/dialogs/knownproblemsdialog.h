#pragma once

#include "domain/knownproblem.h"

#include <QDialog>

class LiveWarRoom;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

// What a new known problem starts from when it is promoted from an incident: a lesson of the
// debrief, or the resolution report's cause.
struct KnownProblemDraft
{
    QString symptom;
    QString product;
    QString workaround;
    QString cause;
    qint64 fromIncidentId = 0;
};

// The war room's book of known problems, shared by all its incidents: the symptom to recognise
// one by, the product or version, the workaround in plain words, the cause, the fix status, and
// the incidents where it appeared. Searched by its words; the incident on screen can be linked
// to a problem, or promote its resolution's cause into one.
class KnownProblemsDialog : public QDialog
{
    Q_OBJECT
public:
    KnownProblemsDialog(LiveWarRoom &live, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }
    bool isLoaded() const { return m_loaded; }
    // Asks for a new known problem, filled from the draft; true when it was recorded.
    static bool addProblem(LiveWarRoom &live, const KnownProblemDraft &draft, QWidget *parent);

signals:
    void loaded();

private:
    void read();
    void fill();
    void updateFixStatus();
    void linkToIncident();
    void promoteCause();
    qint64 selectedId() const;
    void updateButtons();

    LiveWarRoom &m_live;
    QList<KnownProblem> m_book;
    bool m_loaded = false;
    bool m_reading = false;
    bool m_stale = false;
    QLineEdit *m_search;
    QTreeWidget *m_list;
    QLabel *m_summary;
    QPushButton *m_updateFix;
    QPushButton *m_link;
    QPushButton *m_promoteCause;
};
