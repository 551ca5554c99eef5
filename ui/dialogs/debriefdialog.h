#pragma once

#include "usecases/debriefdocument.h"

#include <QDialog>

class Clock;
class LiveWarRoom;
class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

// The team's debrief of a resolved incident: the figures computed from the record, the
// timeline of both channels where moments that mattered are marked, the four sections (went
// well, went badly, the customer's feedback, lessons), and the action items (the resolution
// report's and the debrief's) until each is done. A lesson becomes a known problem in one step.
// Follows the record while open: what others mark or add shows here.
class DebriefDialog : public QDialog
{
    Q_OBJECT
public:
    DebriefDialog(LiveWarRoom &live, const Clock &clock, QWidget *parent = nullptr);

    const DebriefDocument &document() const { return m_document; }
    bool isLoaded() const { return m_loaded; }
    QTreeWidget *timeline() const { return m_timeline; }

    void saveDebrief();
    void addActionItem();
    void markSelectedActionDone();
    void promoteLesson();
    void exportDebrief();

signals:
    // The document was read (again) from the record.
    void loaded();

private:
    void read();
    void show(const DebriefDocument &document);
    void fillTimeline();
    void fillActions();
    void onTimelineItemChanged(QTreeWidgetItem *item, int column);
    void report(const Outcome &outcome);

    LiveWarRoom &m_live;
    const Clock &m_clock;
    qint64 m_incidentId;
    DebriefDocument m_document;
    bool m_loaded = false;
    bool m_reading = false;
    bool m_stale = false;
    QLabel *m_figures;
    QTreeWidget *m_timeline;
    QCheckBox *m_exportedOnly;
    QPlainTextEdit *m_wentWell;
    QPlainTextEdit *m_wentBadly;
    QPlainTextEdit *m_feedback;
    QPlainTextEdit *m_lessons;
    QLabel *m_version;
    QPushButton *m_save;
    QLabel *m_error;
    QTreeWidget *m_actions;
    QPushButton *m_markDone;
};
