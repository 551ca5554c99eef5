#pragma once

#include "domain/actionitem.h"
#include "domain/briefing.h"
#include "domain/commitment.h"
#include "domain/customerask.h"
#include "domain/debrief.h"
#include "domain/impact.h"
#include "domain/incident.h"
#include "domain/knownproblem.h"
#include "domain/logentry.h"
#include "domain/logfilter.h"
#include "domain/logsearch.h"
#include "domain/people.h"
#include "domain/resolutionreport.h"
#include "domain/result.h"
#include "domain/severitychange.h"
#include "domain/solutionoption.h"
#include "domain/statuschange.h"
#include "rules/severitycalibration.h"
#include "rules/teampolicy.h"
#include "storage/change.h"
#include "storage/database.h"

#include <QList>
#include <QObject>
#include <QSet>

#include <functional>
#include <memory>
#include <optional>

class Clock;

// The war room's records, the one interface to them whatever database holds them: the same
// statements on a desktop's SQLite file and on a team's PostgreSQL server, with what differs
// in the Database's StorageEngine. Writes are single transactions; everything but the incident
// row itself is append-only (the database refuses UPDATE and DELETE), and changes of state are
// also written to the technical log as event entries. Every change, whether written here, by
// another store in this process or by another process, is announced by one signal.
// Implementation files: incidentstore*.cpp, one per area.
class IncidentStore : public QObject
{
    Q_OBJECT
public:
    static Result<std::unique_ptr<IncidentStore>>
    openSqlite(const QString &path, OpenMode mode, const Clock &clock, QObject *parent = nullptr);
    static Result<std::unique_ptr<IncidentStore>> open(const WarRoomAddress &address, OpenMode mode,
                                                       const Clock &clock,
                                                       QObject *parent = nullptr);

    IncidentStore(std::shared_ptr<Database> database, const Clock &clock,
                  QObject *parent = nullptr);
    ~IncidentStore() override;

    QString location() const { return m_database->location(); }
    const WarRoomAddress &address() const { return m_database->address(); }
    const Clock &clock() const { return m_clock; }
    // For another store on the same connection (another clock: the demo's story time).
    std::shared_ptr<Database> database() const { return m_database; }

    // --- incidents (incidentstore.cpp)
    Result<qint64> createIncident(const NewIncident &incident, const QString &by = {});
    Result<QList<Incident>> incidents() const;
    Result<Incident> incident(qint64 incidentId) const;

    // --- technical log and open questions (incidentstore_log.cpp)
    Result<LogEntry> appendLogEntry(const NewLogEntry &entry);
    // Appends entries in one transaction, in order, each written or refused with why (a field
    // too long, no such incident) while the others are written: a script's batch. Fails as a
    // whole, writing nothing, when the database fails.
    Result<QList<Result<LogEntry>>> appendLogEntries(const QList<NewLogEntry> &entries);
    // Entries number 1..count within an incident, so a view can fetch any window by seq.
    Result<qint64> logEntryCount(qint64 incidentId) const;
    Result<QList<LogEntry>> logEntries(qint64 incidentId, qint64 firstSeq, int maxCount) const;
    // The entries a filter lets through with seq above afterSeq, oldest first: a filtered view
    // numbers its rows by these.
    Result<LogMatches> logMatches(qint64 incidentId, const LogFilter &filter,
                                  qint64 afterSeq = 0) const;
    // The entries whose text has every word searched for, among those the filter lets through,
    // a page at a time: from an entry (its id; 0: from the start or, backward, the end) in the
    // direction asked, nearest first. Found by the log's text index, never by reading the log.
    Result<QList<LogHit>> searchLog(qint64 incidentId, const LogSearch &search,
                                    const LogFilter &filter, qint64 fromId,
                                    SearchDirection direction, int maxCount) const;
    // The entry nearest a moment among those the filter lets through: the first written at or
    // after it (by time, so an entry posted late with the time it happened counts where it
    // happened), else the last before it; none when the filter lets nothing through. Found by
    // the (incident, time) index, never by reading the log.
    Result<std::optional<LogMoment>> logEntryNear(qint64 incidentId, const QDateTime &when,
                                                  const LogFilter &filter) const;
    // How many entries the search finds, or (throughId > 0) how many up to that entry: a view's
    // "7 of 120".
    Result<qint64> countLogHits(qint64 incidentId, const LogSearch &search, const LogFilter &filter,
                                qint64 throughId = 0) const;
    // Corrections with seq in (afterSeq, throughSeq], oldest first: a view that shows only part
    // of the log marks the entries they correct.
    Result<QList<LogCorrection>> logCorrections(qint64 incidentId, qint64 afterSeq,
                                                qint64 throughSeq) const;
    // The entries with these seqs, in seq order (a page of a filtered view).
    Result<QList<LogEntry>> logEntriesAt(qint64 incidentId, const QList<qint64> &seqs) const;
    // Everyone who wrote in the incident's log, by name, and whether a script posted it.
    Result<QList<std::pair<QString, bool>>> logAuthors(qint64 incidentId) const;
    // Pinning marks an entry as a key moment of the incident (the debrief's timeline shows it);
    // unpinning takes that back. Both are recorded.
    Outcome pinLogEntry(qint64 entryId, bool pinned, const QString &by);
    Result<QSet<qint64>> pinnedLogEntries(qint64 incidentId) const;
    Result<LogEntry> logEntry(qint64 entryId) const;
    // The entries that correct this one, oldest first (by the corrects_id index).
    Result<QList<LogEntry>> corrections(qint64 entryId) const;
    Result<LogEntry> answerQuestion(qint64 questionEntryId, const QString &answer,
                                    const QString &by);
    // Question entries nobody has answered yet, oldest first.
    Result<QList<LogEntry>> openQuestions(qint64 incidentId) const;

    // --- commitments and theory timeboxes (incidentstore_commitments.cpp)
    Result<qint64> commit(const NewCommitment &commitment);
    Outcome markMet(qint64 commitmentId, const QString &by);
    // Replaces a commitment by a new one with the same step and owner and a new due time;
    // says why the old one was not kept. Returns the new commitment's id.
    Result<qint64> supersede(qint64 commitmentId, const QDateTime &newDue,
                             const QString &whyNotKept, const QString &by);
    Result<QList<Commitment>> commitments(qint64 incidentId) const;
    Result<Commitment> commitment(qint64 commitmentId) const;
    // A hypothesis gets a deadline by which it is confirmed or dropped.
    Result<qint64> timeboxTheory(qint64 hypothesisEntryId, const QDateTime &due, const QString &why,
                                 const QString &by);
    Outcome settleTheory(qint64 timeboxId, TimeboxVerdict verdict, const QString &by);
    // Writes a "missed" event to the log, by "Warroom" and at the deadline's due time, for
    // each passed, unmet deadline that has none yet, in one incident or (0) in all. Every
    // process that opens the store does so, and the window as time passes; each miss is
    // written once. Returns how many it wrote.
    Result<int> recordMissedDeadlines(qint64 incidentId = 0);
    // Passed, unmet deadlines (missed, whether or not recorded yet), in all incidents.
    Result<QList<Commitment>> missedDeadlines() const;
    // Unmet deadlines of every incident, for alerts about incidents not on screen.
    Result<QList<Commitment>> outstandingCommitments() const;

    // --- person in charge, framing, problem statement (incidentstore_people.cpp)
    // Hands a role (the person in charge, or the business liaison) to someone, with phone;
    // recorded in the handovers and in the log.
    Outcome handOver(qint64 incidentId, const QString &toName, const QString &toPhone,
                     const QString &note, const QString &by, Role role = Role::InCharge);
    Result<QList<Handover>> handovers(qint64 incidentId) const;
    Result<qint64> frame(qint64 incidentId, const QString &objective, const QString &by);
    Result<qint64> confirmFraming(qint64 incidentId, const QString &by);
    Result<std::optional<Framing>> currentFraming(qint64 incidentId) const;
    Result<qint64> restateProblem(qint64 incidentId, const QString &statement, const QString &by);
    Outcome confirmProblem(qint64 statementId, const QString &confirmedBy, const QString &how,
                           const QString &recordedBy);
    Result<std::optional<ProblemStatement>> currentProblem(qint64 incidentId) const;

    // --- customer asks, status and notices (incidentstore_customer.cpp)
    Result<qint64> askCustomer(qint64 incidentId, const QString &what,
                               const QString &whyOnlyCustomer, const QString &by);
    Outcome markAskSent(qint64 askId, const QString &by);
    Outcome markAskAnswered(qint64 askId, const QString &answer, const QString &by);
    Result<QList<CustomerAsk>> customerAsks(qint64 incidentId) const;
    // Moves the incident to a new status and drafts the customer notice for it. Resolving goes
    // through resolve() (it needs a report); closing needs a debrief.
    Result<StatusChange> changeStatus(const NewStatusChange &change);
    Result<QList<StatusChange>> statusChanges(qint64 incidentId) const;
    Result<QList<Notice>> notices(qint64 incidentId) const;
    // Records a notice sent, with the text sent (empty: the notice as it stands now).
    Outcome markNoticeSent(qint64 noticeId, const QString &by, const QString &text = {});
    // A person's wording of an unsent notice; empty text (or the draft's own) makes it follow
    // the incident's state again.
    Outcome editNotice(qint64 noticeId, const QString &text, const QString &by);
    // Names the zone the customer reads times in (an IANA id); the change goes into the log.
    Outcome setCustomerTimeZone(qint64 incidentId, const QString &zoneId, const QString &by);

    // --- impact and severity (incidentstore_impact.cpp)
    // Records an assessment and, unless the commander has overridden the severity, moves the
    // severity to the one the rules suggest for it.
    // Applies the severity the rules suggest. A severity override in effect ends, unless
    // keepOverrideBecause gives a fresh reason for it against this assessment.
    Result<qint64> assessImpact(const ImpactAssessment &assessment, const SeverityRules &rules,
                                const QString &keepOverrideBecause = {});
    Result<QList<ImpactAssessment>> impactAssessments(qint64 incidentId) const;
    // Sets the severity. Going against the latest assessment needs a written reason.
    Outcome setSeverity(qint64 incidentId, Severity severity, const QString &reason,
                        const QString &by, const SeverityRules &rules);
    Result<QList<SeverityChange>> severityChanges(qint64 incidentId) const;

    // --- briefings (incidentstore_briefings.cpp)
    Result<qint64> publishBriefing(const NewBriefing &briefing);
    Result<QList<Briefing>> briefings(qint64 incidentId) const;

    // --- solution options, resolution, action items (incidentstore_resolution.cpp)
    Result<qint64> addOption(const NewSolutionOption &option);
    // Marks the option chosen, with why; a later choice replaces it (both stay in the record).
    Outcome chooseOption(qint64 optionId, const QString &why, const QString &by);
    Result<QList<SolutionOption>> options(qint64 incidentId) const;
    // Records the resolution report, its remaining work as action items, and the move to
    // resolved, in one transaction; refused (writing nothing) while any section is unanswered.
    Result<ResolutionReport> resolve(const NewResolutionReport &report);
    // The report of the latest resolution, if the incident was ever resolved.
    Result<std::optional<ResolutionReport>> resolutionReport(qint64 incidentId) const;
    Result<qint64> addActionItem(qint64 incidentId, const NewActionItem &item, const QString &by);
    Outcome markActionDone(qint64 actionItemId, const QString &note, const QString &by);
    Result<QList<ActionItem>> actionItems(qint64 incidentId) const;

    // --- debrief (incidentstore_debrief.cpp)
    // A new version of the incident's debrief; the incident must be resolved (or closed).
    Result<qint64> recordDebrief(const NewDebrief &debrief);
    // The latest version, if any.
    Result<std::optional<Debrief>> debrief(qint64 incidentId) const;
    Outcome markKeyMoment(qint64 incidentId, const RecordRef &record, bool key, const QString &by);
    Result<QSet<RecordRef>> keyMoments(qint64 incidentId) const;

    // --- the book of known problems (incidentstore_knownproblems.cpp)
    Result<qint64> addKnownProblem(const NewKnownProblem &problem);
    Outcome updateKnownProblem(qint64 knownProblemId, FixStatus status, const QString &note,
                               const QString &by);
    Result<QList<KnownProblem>> knownProblems() const;
    // Records how a known problem met an incident; each way once (a second time does nothing).
    Outcome recordSighting(qint64 incidentId, qint64 knownProblemId, Sighting how,
                           const QString &by);
    Result<QList<KnownProblemSighting>> sightings(qint64 incidentId) const;

    // --- who is signed in (incidentstore_people.cpp)
    // The role this store's connection signed in as on a shared war room; empty on a file.
    QString signedInAs() const { return m_signedInAs; }
    // Names the signed-in role for everyone who reads the war room; writes only when the name
    // changed. Does nothing on a desktop's file, whose names stay in each entry.
    Outcome setDisplayName(const QString &name);
    // Each role's latest display name.
    Result<QHash<QString, QString>> displayNames() const;
    // Who else has the war room open in a window now, by display name (a shared war room; on a
    // desktop's own file, nobody). The same person on two desktops counts once.
    Result<QStringList> othersPresent() const;

    // --- the war room's policy (incidentstore_policy.cpp)
    // The latest version, or Warroom's defaults (version 0) while none was written.
    Result<TeamPolicy> policy() const;
    // For views that must show something: the policy, or the defaults if it cannot be read.
    TeamPolicy policyOrDefaults() const { return policy().valueOr(TeamPolicy()); }
    // Writes a new version; returns its number.
    Result<qint64> setPolicy(const TeamPolicy &policy, const QString &by);

    // --- deliveries of what was written offline (incidentstore_deliveries.cpp)
    struct Delivery
    {
        QString answer;       // what the write answered (an id, a number), now or the first time
        bool earlier = false; // delivered before: nothing was written now
    };
    // Runs write, which writes through this store, in one transaction with the delivery's key,
    // so that it happens once however often it is delivered: a key delivered before gets the
    // first delivery's answer back and writes nothing.
    Result<Delivery> deliverOnce(const QString &key, const std::function<Result<QString>()> &write);

    // Recomputes the incident's record chain (0: every incident's) and says whether it is
    // intact. Repeated checks of one incident read only what was added since the last one;
    // slices > 0 bounds the work of one check (RecordChain::verify).
    Result<RecordChain::Report> checkRecordChain(qint64 incidentId, int slices = 0);

    // Looks for rows written since the last look and announces them. Every commit through
    // the store's connection (this store's, another store's in this process, a command another
    // process handed over) is announced already, and a shared war room's server announces every
    // commit itself; call it after writing around the store (ChangeSource::look()).
    void checkForExternalChanges();
    // After a call failed as Unreachable: connects to the war room again. What others wrote
    // meanwhile is announced through changed(); the misses found are recorded.
    Outcome reconnect();

signals:
    // Rows of the topic were added to the incident's record (for Incidents: an incident row was
    // added or changed, and incidentId is 0), by this store or anyone else.
    void changed(ChangeTopic topic, qint64 incidentId);

private:
    // The failure of an event insert whose (commitment, event) is already in the log.
    static const QString kAlreadyRecorded;

    Outcome requireIncident(qint64 incidentId) const;
    static Failure noSuchIncident(qint64 incidentId);
    // The filter's conditions on log entries aliased e, as " AND ..." (empty: none), its values
    // appended.
    static QString filterCondition(qint64 incidentId, const LogFilter &filter,
                                   QVariantList &values);
    // Appends inside the caller's transaction; the caller announces.
    // at: when it happened, if not now (a miss is recorded at the deadline it missed).
    Result<LogEntry> insertLogEntry(const NewLogEntry &entry, qint64 answersId = 0,
                                    qint64 commitmentId = 0, const QString &event = {},
                                    const QDateTime &at = {});
    // Why an entry's own fields cannot be written (too long, an empty author), if they cannot.
    static std::optional<Failure> refusalOfFields(const NewLogEntry &entry);
    // Writes entries of one incident that need no look at other entries (no correction), many
    // rows to a statement, each result in appended at its entry's index; entries with a key
    // written before get that entry. Fails only as the database fails.
    Outcome insertLogEntriesTogether(const QList<NewLogEntry> &entries,
                                     const QList<qsizetype> &together,
                                     QList<Result<LogEntry>> &appended);
    // When an entry was written: now, or earlier when it waited offline.
    QDateTime writtenAt(const NewLogEntry &entry) const;
    // Marks the entries that later ones correct (correctedById), in one look at the index.
    Outcome readCorrections(QList<LogEntry> &entries) const;
    // An unsent notice with the incident and the status change it is drafted from.
    struct NoticeAtHand
    {
        Notice notice;
        Incident incident;
        StatusChange change;
    };
    Result<NoticeAtHand> noticeAtHand(qint64 noticeId) const;
    Result<LogEntry> insertEvent(qint64 incidentId, const QString &by, const QString &event,
                                 const QString &text, qint64 commitmentId = 0,
                                 const QDateTime &at = {});
    Result<QList<Commitment>> queryCommitments(const QString &where,
                                               const QVariantList &values) const;
    Result<qint64> insertCommitment(const NewCommitment &commitment, qint64 hypothesisEntryId);
    Outcome insertOutcome(const Commitment &commitment, const QString &kind, const QString &by,
                          const QString &reason, qint64 supersededById, const QString &verdict);
    Outcome recordAskEvent(qint64 askId, const QString &kind, const QString &by,
                           const QString &note);
    Outcome insertSeverityChange(const Incident &incident, Severity to,
                                 std::optional<Severity> assessed, const QString &reason,
                                 const QString &by);
    // Inside the caller's transaction: the status row, the incident, the notice, the log event.
    Result<StatusChange> insertStatusChange(const NewStatusChange &request);
    Result<qint64> insertActionItem(qint64 incidentId, const NewActionItem &item,
                                    ActionSource source, qint64 reportId, const QString &by);
    Outcome bumpIncident(qint64 incidentId, const QString &assignments, const QVariantList &values);
    std::shared_ptr<Database> m_database;
    const Clock &m_clock;
    QHash<qint64, RecordChain::Cursor> m_chainChecked; // by incident
    // The open questions last read, and how many questions and answers the incident had then.
    struct QuestionsSeen
    {
        qint64 incidentId = 0;
        qint64 questions = 0;
        qint64 answers = 0;
        QList<LogEntry> open;
    };
    mutable QuestionsSeen m_questionsSeen;
    QString m_signedInAs;
};
