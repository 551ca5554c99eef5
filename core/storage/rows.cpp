#include "storage/rows.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Rows {
QVariant time(const QDateTime &time)
{
    return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant();
}

QDateTime time(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QVariant optionalId(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant();
}

QString placeholders(qsizetype count)
{
    QStringList marks(count, QStringLiteral("?"));
    return marks.join(u", ");
}

const QString incidentColumns = QStringLiteral(
    "id, title, customer, problem_statement, status, severity, in_charge_name, in_charge_phone, "
    "opened_at, resolved_at, COALESCE((SELECT MAX(h.at) FROM handovers h WHERE h.incident_id = "
    "incidents.id AND h.role = 'in_charge'), opened_at), liaison_name, liaison_phone, "
    "(SELECT MAX(h.at) FROM handovers h WHERE h.incident_id = incidents.id AND h.role = "
    "'liaison'), customer_time_zone");

Incident incident(const QSqlQuery &q)
{
    Incident incident;
    incident.id = q.value(0).toLongLong();
    incident.title = q.value(1).toString();
    incident.customer = q.value(2).toString();
    incident.problemStatement = q.value(3).toString();
    incident.status = parseStatus(q.value(4).toString()).value_or(IncidentStatus::Reported);
    incident.severity = parseSeverity(q.value(5).toString()).value_or(Severity::Sev3);
    incident.inChargeName = q.value(6).toString();
    incident.inChargePhone = q.value(7).toString();
    incident.openedAt = time(q.value(8));
    incident.resolvedAt = time(q.value(9));
    incident.inChargeSince = time(q.value(10));
    incident.liaisonName = q.value(11).toString();
    incident.liaisonPhone = q.value(12).toString();
    incident.liaisonSince = time(q.value(13));
    incident.customerTimeZone = q.value(14).toString();
    return incident;
}

const QString logByScript = QStringLiteral("(by_script = 1 OR post_key IS NOT NULL)");
const QString logInsertColumns =
    QStringLiteral("incident_id, seq, at, author, kind, body, corrects_id, addressee, answers_id, "
                   "commitment_id, event, post_key, by_script");
const QString logColumns = QStringLiteral("id, incident_id, seq, at, author, kind, body, "
                                          "corrects_id, addressee, answers_id, commitment_id, "
                                          "event, signed_in_as, ") +
                           logByScript;

LogEntry logEntry(const QSqlQuery &q)
{
    LogEntry entry;
    entry.id = q.value(0).toLongLong();
    entry.incidentId = q.value(1).toLongLong();
    entry.seq = q.value(2).toLongLong();
    entry.at = time(q.value(3));
    entry.author = q.value(4).toString();
    entry.kind = parseLogKind(q.value(5).toString()).value_or(LogKind::Observation);
    entry.text = q.value(6).toString();
    entry.correctsId = q.value(7).toLongLong();
    entry.addressee = q.value(8).toString();
    entry.answersId = q.value(9).toLongLong();
    entry.commitmentId = q.value(10).toLongLong();
    entry.event = q.value(11).toString();
    entry.signedInAs = q.value(12).toString();
    entry.byScript = q.value(13).toBool();
    return entry;
}

const QString commitmentColumns = QStringLiteral(
    "c.id, c.incident_id, c.what, c.owner, c.due_at, c.why, c.created_at, c.created_by, "
    "c.hypothesis_entry_id, o.id, o.kind, o.at, o.by_name, o.reason, o.superseded_by, "
    "o.verdict");

Commitment commitment(const QSqlQuery &q)
{
    Commitment c;
    c.id = q.value(0).toLongLong();
    c.incidentId = q.value(1).toLongLong();
    c.what = q.value(2).toString();
    c.owner = q.value(3).toString();
    c.due = time(q.value(4));
    c.why = q.value(5).toString();
    c.createdAt = time(q.value(6));
    c.createdBy = q.value(7).toString();
    c.hypothesisEntryId = q.value(8).toLongLong();
    if (!q.value(9).isNull()) {
        CommitmentOutcome o;
        o.id = q.value(9).toLongLong();
        o.commitmentId = c.id;
        o.kind = q.value(10).toString() == u"met" ? CommitmentOutcomeKind::Met
                                                  : CommitmentOutcomeKind::Superseded;
        o.at = time(q.value(11));
        o.by = q.value(12).toString();
        o.reason = q.value(13).toString();
        o.supersededById = q.value(14).toLongLong();
        const QString verdict = q.value(15).toString();
        o.verdict = verdict == u"confirmed" ? TimeboxVerdict::Confirmed
                    : verdict == u"dropped" ? TimeboxVerdict::Dropped
                                            : TimeboxVerdict::None;
        c.outcome = o;
    }
    return c;
}

const QString briefingColumns =
    QStringLiteral("id, incident_id, seq, published_at, author, headline, impact, doing, changed, "
                   "next_update_at, next_update_why, corrects_id, commitments, asks, "
                   "published_status, published_severity, published_in_charge, "
                   "published_contact, options");

QString commitmentsJson(const QList<PromisedCommitment> &commitments)
{
    QJsonArray array;
    for (const PromisedCommitment &c : commitments)
        array.append(QJsonObject{{QStringLiteral("what"), c.what},
                                 {QStringLiteral("owner"), c.owner},
                                 {QStringLiteral("due"), c.due.toMSecsSinceEpoch()},
                                 {QStringLiteral("why"), c.why}});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QString asksJson(const QList<ListedAsk> &asks)
{
    QJsonArray array;
    for (const ListedAsk &a : asks)
        array.append(QJsonObject{{QStringLiteral("what"), a.what},
                                 {QStringLiteral("why"), a.whyOnlyCustomer}});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QString optionsJson(const QList<ListedOption> &options)
{
    QJsonArray array;
    for (const ListedOption &o : options)
        array.append(QJsonObject{{QStringLiteral("title"), o.title},
                                 {QStringLiteral("pros"), o.pros},
                                 {QStringLiteral("cons"), o.cons},
                                 {QStringLiteral("chosen"), o.chosen},
                                 {QStringLiteral("why"), o.chosenWhy}});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

Briefing briefing(const QSqlQuery &q)
{
    Briefing b;
    b.id = q.value(0).toLongLong();
    b.incidentId = q.value(1).toLongLong();
    b.seq = q.value(2).toLongLong();
    b.publishedAt = time(q.value(3));
    b.author = q.value(4).toString();
    b.headline = q.value(5).toString();
    b.impact = q.value(6).toString();
    b.doing = q.value(7).toString();
    b.changed = q.value(8).toString();
    b.nextUpdateAt = time(q.value(9));
    b.nextUpdateWhy = q.value(10).toString();
    b.correctsId = q.value(11).toLongLong();
    for (const QJsonValue &v : QJsonDocument::fromJson(q.value(12).toString().toUtf8()).array()) {
        const QJsonObject c = v.toObject();
        b.commitments.append({c.value(QStringLiteral("what")).toString(),
                              c.value(QStringLiteral("owner")).toString(),
                              QDateTime::fromMSecsSinceEpoch(
                                  qint64(c.value(QStringLiteral("due")).toDouble()), Qt::UTC),
                              c.value(QStringLiteral("why")).toString()});
    }
    for (const QJsonValue &v : QJsonDocument::fromJson(q.value(13).toString().toUtf8()).array()) {
        const QJsonObject a = v.toObject();
        b.asks.append({a.value(QStringLiteral("what")).toString(),
                       a.value(QStringLiteral("why")).toString()});
    }
    b.publishedStatus = q.value(14).toString();
    b.publishedSeverity = q.value(15).toString();
    b.publishedInCharge = q.value(16).toString();
    b.publishedContact = q.value(17).toString();
    for (const QJsonValue &v : QJsonDocument::fromJson(q.value(18).toString().toUtf8()).array()) {
        const QJsonObject o = v.toObject();
        b.options.append({o.value(QStringLiteral("title")).toString(),
                          o.value(QStringLiteral("pros")).toString(),
                          o.value(QStringLiteral("cons")).toString(),
                          o.value(QStringLiteral("chosen")).toBool(),
                          o.value(QStringLiteral("why")).toString()});
    }
    return b;
}

const QString handoverColumns =
    QStringLiteral("id, incident_id, at, by_name, from_name, from_phone, to_name, to_phone, note, "
                   "role");

Handover handover(const QSqlQuery &q)
{
    Handover h;
    h.id = q.value(0).toLongLong();
    h.incidentId = q.value(1).toLongLong();
    h.at = time(q.value(2));
    h.by = q.value(3).toString();
    h.fromName = q.value(4).toString();
    h.fromPhone = q.value(5).toString();
    h.toName = q.value(6).toString();
    h.toPhone = q.value(7).toString();
    h.note = q.value(8).toString();
    h.role = parseRole(q.value(9).toString()).value_or(Role::InCharge);
    return h;
}

const QString framingColumns =
    QStringLiteral("id, incident_id, at, by_name, objective, confirms_id");

Framing framing(const QSqlQuery &q)
{
    Framing f;
    f.id = q.value(0).toLongLong();
    f.incidentId = q.value(1).toLongLong();
    f.at = time(q.value(2));
    f.by = q.value(3).toString();
    f.objective = q.value(4).toString();
    f.confirmsId = q.value(5).toLongLong();
    return f;
}

const QString problemColumns = QStringLiteral(
    "s.id, s.incident_id, s.at, s.by_name, s.body, c.id, c.at, c.confirmed_by, c.how, "
    "c.recorded_by");

ProblemStatement problem(const QSqlQuery &q)
{
    ProblemStatement p;
    p.id = q.value(0).toLongLong();
    p.incidentId = q.value(1).toLongLong();
    p.at = time(q.value(2));
    p.by = q.value(3).toString();
    p.text = q.value(4).toString();
    if (!q.value(5).isNull())
        p.confirmation = ProblemConfirmation{time(q.value(6)), q.value(7).toString(),
                                             q.value(8).toString(), q.value(9).toString()};
    return p;
}

const QString askColumns =
    QStringLiteral("a.id, a.incident_id, a.log_entry_id, a.created_at, a.asked_by, a.what, "
                   "a.why_only_customer, s.at, s.by_name, r.at, r.by_name, r.note");

CustomerAsk ask(const QSqlQuery &q)
{
    CustomerAsk a;
    a.id = q.value(0).toLongLong();
    a.incidentId = q.value(1).toLongLong();
    a.logEntryId = q.value(2).toLongLong();
    a.createdAt = time(q.value(3));
    a.askedBy = q.value(4).toString();
    a.what = q.value(5).toString();
    a.whyOnlyCustomer = q.value(6).toString();
    a.sentAt = time(q.value(7));
    a.sentBy = q.value(8).toString();
    a.answeredAt = time(q.value(9));
    a.answeredBy = q.value(10).toString();
    a.answer = q.value(11).toString();
    return a;
}

const QString statusChangeColumns =
    QStringLiteral("id, incident_id, at, by_name, from_status, to_status, doing, "
                   "next_checkpoint_at, next_checkpoint_why");

StatusChange statusChange(const QSqlQuery &q)
{
    StatusChange s;
    s.id = q.value(0).toLongLong();
    s.incidentId = q.value(1).toLongLong();
    s.at = time(q.value(2));
    s.by = q.value(3).toString();
    s.from = parseStatus(q.value(4).toString()).value_or(IncidentStatus::Reported);
    s.to = parseStatus(q.value(5).toString()).value_or(IncidentStatus::Reported);
    s.doing = q.value(6).toString();
    s.nextCheckpointAt = time(q.value(7));
    s.nextCheckpointWhy = q.value(8).toString();
    return s;
}

// The latest edit of each notice, read beside it (a handful of notices per incident).
const QString noticeColumns = QStringLiteral(
    "n.id, n.incident_id, n.status_change_id, n.drafted_at, n.body, s.at, s.by_name, s.body, "
    "e.body, e.by_name, e.at");
const QString noticeJoins = QStringLiteral(
    "LEFT JOIN notice_sends s ON s.notice_id = n.id LEFT JOIN notice_edits e ON e.id = "
    "(SELECT MAX(x.id) FROM notice_edits x WHERE x.notice_id = n.id)");

Notice notice(const QSqlQuery &q)
{
    Notice n;
    n.id = q.value(0).toLongLong();
    n.incidentId = q.value(1).toLongLong();
    n.statusChangeId = q.value(2).toLongLong();
    n.draftedAt = time(q.value(3));
    n.text = q.value(4).toString();
    n.sentAt = time(q.value(5));
    n.sentBy = q.value(6).toString();
    n.sentText = q.value(7).toString();
    n.editedText = q.value(8).toString();
    n.editedBy = n.editedText.isEmpty() ? QString() : q.value(9).toString();
    n.editedAt = n.editedText.isEmpty() ? QDateTime() : time(q.value(10));
    return n;
}
const QString impactColumns = QStringLiteral(
    "id, incident_id, at, by_name, affected_users, total_users, functions, regions, workaround, "
    "cost_per_hour, currency, key_account, confidence, notes");

QString functionsJson(const QList<AffectedFunction> &functions)
{
    QJsonArray array;
    for (const AffectedFunction &f : functions)
        array.append(QJsonObject{{QStringLiteral("name"), f.name},
                                 {QStringLiteral("state"), functionStateName(f.state)}});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QString regionsJson(const QStringList &regions)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(regions)).toJson(QJsonDocument::Compact));
}

ImpactAssessment impact(const QSqlQuery &q)
{
    ImpactAssessment a;
    a.id = q.value(0).toLongLong();
    a.incidentId = q.value(1).toLongLong();
    a.at = time(q.value(2));
    a.by = q.value(3).toString();
    a.affectedUsers = q.value(4).toLongLong();
    a.totalUsers = q.value(5).toLongLong();
    const QJsonArray functions = QJsonDocument::fromJson(q.value(6).toString().toUtf8()).array();
    for (const QJsonValue &value : functions) {
        const QJsonObject f = value.toObject();
        a.functions.append({f.value(QStringLiteral("name")).toString(),
                            f.value(QStringLiteral("state")).toString() == u"down"
                                ? FunctionState::Down
                                : FunctionState::Degraded});
    }
    for (const QJsonValue &region : QJsonDocument::fromJson(q.value(7).toString().toUtf8()).array())
        a.regions.append(region.toString());
    if (!q.value(8).isNull())
        a.workaround = q.value(8).toInt() != 0;
    if (!q.value(9).isNull())
        a.costPerHour = q.value(9).toDouble();
    a.currency = q.value(10).toString();
    a.keyAccount = q.value(11).toInt() != 0;
    a.confidence = parseConfidence(q.value(12).toString()).value_or(Confidence::Estimated);
    a.notes = q.value(13).toString();
    return a;
}

const QString severityChangeColumns = QStringLiteral(
    "id, incident_id, at, by_name, from_severity, to_severity, assessed_severity, reason");

SeverityChange severityChange(const QSqlQuery &q)
{
    SeverityChange c;
    c.id = q.value(0).toLongLong();
    c.incidentId = q.value(1).toLongLong();
    c.at = time(q.value(2));
    c.by = q.value(3).toString();
    c.from = parseSeverity(q.value(4).toString()).value_or(Severity::Sev3);
    c.to = parseSeverity(q.value(5).toString()).value_or(Severity::Sev3);
    if (!q.value(6).isNull())
        c.assessed = parseSeverity(q.value(6).toString());
    c.reason = q.value(7).toString();
    return c;
}
} // namespace Rows
