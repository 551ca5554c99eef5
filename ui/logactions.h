#pragma once

#include "actionwriter.h"
#include "domain/commitment.h"
#include "domain/logentry.h"

#include <QObject>

#include <functional>
#include <optional>

class Clock;
class LiveWarRoom;
class QAction;
class QWidget;

// What a person does with the technical log's entries: timebox a theory and settle it, ask the
// team and answer, correct an entry, pin a key moment, copy one out. The log's context menu,
// the open-questions and deadlines panels and the menus all trigger these.
class LogActions : public QObject
{
    Q_OBJECT
public:
    LogActions(LiveWarRoom &live, const Clock &clock, QWidget *dialogParent);

    void setIncident(qint64 incidentId);
    // Where "Timebox theory" finds the log entry the user means.
    void setSelectedEntry(std::function<std::optional<LogEntry>()> selected);

    QAction *timeboxTheoryAction() const { return m_timeboxTheory; }
    QAction *askTeamAction() const { return m_askTeam; }

    void timeboxTheory(const LogEntry &theory);
    void settleTheory(qint64 timeboxId, TimeboxVerdict verdict);
    // Return whether the question was recorded (the dialog was not cancelled or refused).
    bool askTeam(const QString &question = {});
    void answerQuestion(qint64 questionEntryId);
    // A new entry that says what is right; the original stays, marked as corrected.
    void correctEntry(const LogEntry &original);
    // Pinned entries are the incident's key moments: listed by the log's filter, marked in the
    // debrief's timeline.
    void pinEntry(const LogEntry &entry, bool pinned);
    // One line for a chat or a ticket: when, who, what kind, what.
    static void copyEntry(const LogEntry &entry);

private:
    void timeboxSelected();

    ActionWriter m_writer;
    const Clock &m_clock;
    qint64 m_incidentId = 0;
    std::function<std::optional<LogEntry>()> m_selectedEntry;
    QAction *m_timeboxTheory;
    QAction *m_askTeam;
};
