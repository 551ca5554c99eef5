#pragma once

#include "actionwriter.h"
#include "domain/commitment.h"
#include "domain/logentry.h"
#include "domain/people.h"
#include "domain/result.h"
#include "domain/statuschange.h"

#include <QKeySequence>
#include <QObject>

#include <functional>
#include <optional>

class Clock;
class IncidentStore;
class LiveWarRoom;
class QueuedWrite;
class QAction;
class QWidget;

// What a commander does to the selected incident, in one place: each action opens its
// dialog (filled from the window's live copy of the incident), writes on the store's thread
// and reports a refusal. Menus, panels and shortcuts all
// trigger these, so the same act never has two implementations.
class IncidentActions : public QObject
{
    Q_OBJECT
public:
    IncidentActions(LiveWarRoom &live, const Clock &clock, QWidget *dialogParent);

    void setIncident(qint64 incidentId);
    qint64 incidentId() const { return m_incidentId; }
    // Where "Mark met" and "Supersede" find the deadline the user chose (0: none chosen, then
    // the nearest open one).
    void setSelectedCommitment(std::function<qint64()> selected);

    QAction *commitDeadline() const { return m_commitDeadline; }
    QAction *handOverAction() const { return m_handOver; }
    QAction *handOverLiaisonAction() const { return m_handOverLiaison; }
    QAction *customerZoneAction() const { return m_customerZone; }
    QAction *frameAction() const { return m_frame; }
    QAction *confirmFramingAction() const { return m_confirmFraming; }
    QAction *restateProblemAction() const { return m_restateProblem; }
    QAction *confirmProblemAction() const { return m_confirmProblem; }
    QAction *askCustomerAction() const { return m_askCustomer; }
    QAction *changeStatusAction() const { return m_changeStatus; }
    QAction *assessImpactAction() const { return m_assessImpact; }
    QAction *setSeverityAction() const { return m_setSeverity; }
    QAction *newBriefingAction() const { return m_newBriefing; }
    QAction *addOptionAction() const { return m_addOption; }
    QAction *markMetAction() const { return m_markMet; }
    QAction *supersedeAction() const { return m_supersede; }
    QAction *exportPdfAction() const { return m_exportPdf; }
    QList<QAction *> all() const;

    void markMet(qint64 commitmentId);
    void supersede(qint64 commitmentId);
    // Returns whether the ask was recorded (the dialog was not cancelled or refused).
    bool askCustomer(const QString &what = {});
    void markAskSent(qint64 askId);
    void recordAskAnswer(qint64 askId);
    // Records the notice sent with the text the sender had in front of them.
    void markNoticeSent(qint64 noticeId, const QString &text);
    // A person's wording of an unsent notice; empty: it follows the incident again.
    void editNotice(qint64 noticeId, const QString &text);
    void copyNotice(const QString &text);
    void composeBriefing(qint64 correctsId = 0);
    void chooseOption(qint64 optionId);
    // briefingIds empty: every briefing of the incident.
    void exportBriefings(const QList<qint64> &briefingIds);

signals:
    // A briefing export was written to path (a refusal is shown instead).
    void exported(const QString &path);
    // Change status was asked for "resolved": that takes the resolution report.
    void resolveRequested();
    // A status change was written: its notice waits to be worded and sent.
    void noticeDrafted();

private:
    void commitNew();
    void handOver(Role role);
    void setCustomerZone();
    void frame();
    void confirmFraming();
    void restateProblem();
    void confirmProblem();
    void changeStatus();
    void assessImpact();
    void setSeverity();
    void addOption();
    // The deadline chosen in the deadlines panel if it is open, else the nearest open one.
    std::optional<qint64> deadlineAtHand() const;

    ActionWriter m_writer;
    LiveWarRoom &m_live;
    const Clock &m_clock;
    QWidget *m_dialogParent;
    qint64 m_incidentId = 0;
    std::function<qint64()> m_selectedCommitment;
    QAction *m_commitDeadline;
    QAction *m_handOver;
    QAction *m_handOverLiaison;
    QAction *m_customerZone;
    QAction *m_frame;
    QAction *m_confirmFraming;
    QAction *m_restateProblem;
    QAction *m_confirmProblem;
    QAction *m_askCustomer;
    QAction *m_changeStatus;
    QAction *m_assessImpact;
    QAction *m_setSeverity;
    QAction *m_newBriefing;
    QAction *m_addOption;
    QAction *m_markMet;
    QAction *m_supersede;
    QAction *m_exportPdf;
};
