#include "usecases/queuedwrite.h"

#include "rules/severitycalibration.h"
#include "storage/incidentstore.h"

#include <QJsonDocument>
#include <QUuid>

namespace {
struct KindName
{
    QueuedWrite::Kind kind;
    const char *name;
    const char *whatItIs;
};

constexpr KindName kKinds[] = {
    {QueuedWrite::Kind::LogEntry, "log-entry", "log entry"},
    {QueuedWrite::Kind::Commitment, "commitment", "deadline"},
    {QueuedWrite::Kind::Met, "met", "deadline met"},
    {QueuedWrite::Kind::Supersede, "supersede", "deadline superseded"},
    {QueuedWrite::Kind::Briefing, "briefing", "briefing"},
    {QueuedWrite::Kind::Ask, "ask", "customer ask"},
    {QueuedWrite::Kind::AskSent, "ask-sent", "customer ask sent"},
    {QueuedWrite::Kind::AskAnswered, "ask-answered", "customer ask answered"},
    {QueuedWrite::Kind::StatusChange, "status", "status change"},
};

const KindName &named(QueuedWrite::Kind kind)
{
    for (const KindName &known : kKinds) {
        if (known.kind == kind)
            return known;
    }
    return kKinds[0];
}

QString freshKey()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime timeOf(const QJsonValue &value)
{
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

qint64 idOf(const QJsonValue &value)
{
    return qint64(value.toDouble());
}
} // namespace

QueuedWrite::QueuedWrite(Kind kind, QJsonObject fields, QString key)
    : m_kind(kind), m_fields(std::move(fields)), m_key(std::move(key))
{}

QueuedWrite QueuedWrite::logEntry(const NewLogEntry &entry)
{
    const QString postKey = entry.postKey.trimmed();
    return QueuedWrite(Kind::LogEntry,
                       {{"incident", entry.incidentId},
                        {"author", entry.author},
                        {"kind", logKindName(entry.kind)},
                        {"text", entry.text},
                        {"corrects", entry.correctsId},
                        {"addressee", entry.addressee},
                        {"postKey", postKey},
                        {"byScript", entry.byScript}},
                       postKey.isEmpty()
                           ? freshKey()
                           : QStringLiteral("log/%1/%2").arg(entry.incidentId).arg(postKey));
}

QueuedWrite QueuedWrite::commitment(const NewCommitment &c)
{
    return QueuedWrite(Kind::Commitment,
                       {{"incident", c.incidentId},
                        {"what", c.what},
                        {"owner", c.owner},
                        {"due", isoTime(c.due)},
                        {"why", c.why},
                        {"by", c.createdBy}},
                       freshKey());
}

QueuedWrite QueuedWrite::met(qint64 commitmentId, const QString &by)
{
    return QueuedWrite(Kind::Met, {{"commitment", commitmentId}, {"by", by}}, freshKey());
}

QueuedWrite QueuedWrite::supersede(qint64 commitmentId, const QDateTime &newDue,
                                   const QString &whyNotKept, const QString &by)
{
    return QueuedWrite(
        Kind::Supersede,
        {{"commitment", commitmentId}, {"due", isoTime(newDue)}, {"why", whyNotKept}, {"by", by}},
        freshKey());
}

QueuedWrite QueuedWrite::briefing(const NewBriefing &b, qint64 correctsSeq)
{
    return QueuedWrite(Kind::Briefing,
                       {{"incident", b.incidentId},
                        {"author", b.author},
                        {"headline", b.headline},
                        {"impact", b.impact},
                        {"doing", b.doing},
                        {"changed", b.changed},
                        {"next", isoTime(b.nextUpdateAt)},
                        {"why", b.nextUpdateWhy},
                        {"correctsSeq", correctsSeq}},
                       freshKey());
}

QueuedWrite QueuedWrite::ask(qint64 incidentId, const QString &what, const QString &whyOnlyCustomer,
                             const QString &by)
{
    return QueuedWrite(
        Kind::Ask, {{"incident", incidentId}, {"what", what}, {"why", whyOnlyCustomer}, {"by", by}},
        freshKey());
}

QueuedWrite QueuedWrite::askSent(qint64 askId, const QString &by)
{
    return QueuedWrite(Kind::AskSent, {{"ask", askId}, {"by", by}}, freshKey());
}

QueuedWrite QueuedWrite::askAnswered(qint64 askId, const QString &answer, const QString &by)
{
    return QueuedWrite(Kind::AskAnswered, {{"ask", askId}, {"answer", answer}, {"by", by}},
                       freshKey());
}

QueuedWrite QueuedWrite::statusChange(const NewStatusChange &change)
{
    return QueuedWrite(
        Kind::StatusChange,
        {{"incident", change.incidentId},
         {"by", change.by},
         {"to", statusName(change.to)},
         {"doing", change.doing},
         {"next", change.nextCheckpointAt.isValid() ? isoTime(change.nextCheckpointAt) : QString()},
         {"why", change.nextCheckpointWhy}},
        freshKey());
}

Result<QueuedWrite> QueuedWrite::fromItem(const OutboxItem &item)
{
    QJsonParseError error;
    const QJsonDocument fields = QJsonDocument::fromJson(item.payload, &error);
    if (error.error != QJsonParseError::NoError || !fields.isObject())
        return Failure{QStringLiteral("Outbox item %1 cannot be read (%2).")
                           .arg(item.id)
                           .arg(error.errorString())};
    for (const KindName &known : kKinds) {
        if (item.kind == QLatin1StringView(known.name)) {
            QueuedWrite write(known.kind, fields.object(), item.key);
            write.m_writtenAt = item.writtenAt;
            return write;
        }
    }
    return Failure{QStringLiteral("Outbox item %1 is a \"%2\", which this Warroom does not know; "
                                  "a newer Warroom wrote it.")
                       .arg(item.id)
                       .arg(item.kind)};
}

OutboxItem QueuedWrite::toItem(const QString &warRoom, const QDateTime &now) const
{
    OutboxItem item;
    item.warRoom = warRoom;
    item.key = m_key;
    item.kind = QLatin1StringView(named(m_kind).name);
    item.payload = QJsonDocument(m_fields).toJson(QJsonDocument::Compact);
    item.summary = summary();
    item.writtenAt = now;
    return item;
}

qint64 QueuedWrite::incidentId() const
{
    return idOf(m_fields["incident"]);
}

std::optional<NewLogEntry> QueuedWrite::asLogEntry() const
{
    const QJsonObject &f = m_fields;
    const std::optional<LogKind> kind = parseLogKind(f["kind"].toString());
    if (m_kind != Kind::LogEntry || !kind)
        return std::nullopt;
    NewLogEntry entry{idOf(f["incident"]), f["author"].toString(), *kind, f["text"].toString()};
    entry.correctsId = idOf(f["corrects"]);
    entry.addressee = f["addressee"].toString();
    entry.postKey = f["postKey"].toString();
    entry.byScript = f["byScript"].toBool();
    entry.writtenAt = m_writtenAt;
    return entry;
}

std::optional<NewCommitment> QueuedWrite::asCommitment() const
{
    const QJsonObject &f = m_fields;
    if (m_kind != Kind::Commitment)
        return std::nullopt;
    return NewCommitment{idOf(f["incident"]), f["what"].toString(), f["owner"].toString(),
                         timeOf(f["due"]),    f["why"].toString(),  f["by"].toString()};
}

QString QueuedWrite::summary() const
{
    const QString what = QLatin1StringView(named(m_kind).whatItIs);
    switch (m_kind) {
    case Kind::LogEntry:
        return QStringLiteral("%1 in incident %2: %3")
            .arg(what)
            .arg(idOf(m_fields["incident"]))
            .arg(m_fields["text"].toString().simplified().left(80));
    case Kind::Commitment:
        return QStringLiteral("%1 in incident %2: %3 (owner %4)")
            .arg(what)
            .arg(idOf(m_fields["incident"]))
            .arg(m_fields["what"].toString().simplified().left(80), m_fields["owner"].toString());
    case Kind::Met:
    case Kind::Supersede:
        return QStringLiteral("%1: deadline %2").arg(what).arg(idOf(m_fields["commitment"]));
    case Kind::Ask:
        return QStringLiteral("%1 in incident %2: %3")
            .arg(what)
            .arg(idOf(m_fields["incident"]))
            .arg(m_fields["what"].toString().simplified().left(80));
    case Kind::AskSent:
    case Kind::AskAnswered:
        return QStringLiteral("%1: ask %2").arg(what).arg(idOf(m_fields["ask"]));
    case Kind::StatusChange:
        return QStringLiteral("%1 in incident %2: to %3")
            .arg(what)
            .arg(idOf(m_fields["incident"]))
            .arg(m_fields["to"].toString());
    case Kind::Briefing:
        return QStringLiteral("%1 in incident %2: %3")
            .arg(what)
            .arg(idOf(m_fields["incident"]))
            .arg(m_fields["headline"].toString().simplified().left(80));
    }
    return what;
}

Result<QString> QueuedWrite::applyTo(IncidentStore &store) const
{
    const QJsonObject &f = m_fields;
    switch (m_kind) {
    case Kind::LogEntry: {
        const std::optional<NewLogEntry> entry = asLogEntry();
        if (!entry)
            return Failure{
                QStringLiteral("Unknown log entry kind \"%1\".").arg(f["kind"].toString())};
        const Result<LogEntry> written = store.appendLogEntry(*entry);
        if (!written)
            return written.failure();
        return QString::number(written->id);
    }
    case Kind::Commitment: {
        const Result<qint64> id = store.commit(*asCommitment());
        if (!id)
            return id.failure();
        return QString::number(*id);
    }
    case Kind::Met: {
        if (Outcome met = store.markMet(idOf(f["commitment"]), f["by"].toString()); !met)
            return met.failure();
        return QString();
    }
    case Kind::Supersede: {
        const Result<qint64> id = store.supersede(idOf(f["commitment"]), timeOf(f["due"]),
                                                  f["why"].toString(), f["by"].toString());
        if (!id)
            return id.failure();
        return QString::number(*id);
    }
    case Kind::Briefing: {
        NewBriefing b;
        b.incidentId = idOf(f["incident"]);
        b.author = f["author"].toString();
        b.headline = f["headline"].toString();
        b.impact = f["impact"].toString();
        b.doing = f["doing"].toString();
        b.changed = f["changed"].toString();
        b.nextUpdateAt = timeOf(f["next"]);
        b.nextUpdateWhy = f["why"].toString();
        const auto earlier = store.briefings(b.incidentId);
        if (!earlier)
            return earlier.failure();
        if (const qint64 correctsSeq = idOf(f["correctsSeq"]); correctsSeq > 0) {
            for (const Briefing &briefing : *earlier) {
                if (briefing.seq == correctsSeq)
                    b.correctsId = briefing.id;
            }
            if (b.correctsId == 0)
                return Failure{QStringLiteral("Incident %1 has no briefing #%2.")
                                   .arg(b.incidentId)
                                   .arg(correctsSeq)};
        }
        if (b.impact.trimmed().isEmpty()) {
            const auto assessments = store.impactAssessments(b.incidentId);
            if (!assessments)
                return assessments.failure();
            if (!assessments->isEmpty())
                b.impact = impactSentence(assessments->constLast());
        }
        const Result<qint64> published = store.publishBriefing(b);
        if (!published)
            return published.failure();
        // Its number in the incident, as people call it.
        const auto all = store.briefings(b.incidentId);
        if (all) {
            for (const Briefing &briefing : *all) {
                if (briefing.id == *published)
                    return QString::number(briefing.seq);
            }
        }
        return QString::number(*published);
    }
    case Kind::Ask: {
        const Result<qint64> id = store.askCustomer(idOf(f["incident"]), f["what"].toString(),
                                                    f["why"].toString(), f["by"].toString());
        if (!id)
            return id.failure();
        return QString::number(*id);
    }
    case Kind::AskSent: {
        if (Outcome sent = store.markAskSent(idOf(f["ask"]), f["by"].toString()); !sent)
            return sent.failure();
        return QString();
    }
    case Kind::AskAnswered: {
        if (Outcome answered =
                store.markAskAnswered(idOf(f["ask"]), f["answer"].toString(), f["by"].toString());
            !answered)
            return answered.failure();
        return QString();
    }
    case Kind::StatusChange: {
        const std::optional<IncidentStatus> to = parseStatus(f["to"].toString());
        if (!to)
            return Failure{QStringLiteral("Unknown status \"%1\".").arg(f["to"].toString())};
        const QString next = f["next"].toString();
        const Result<StatusChange> changed =
            store.changeStatus({idOf(f["incident"]), f["by"].toString(), *to, f["doing"].toString(),
                                next.isEmpty() ? QDateTime() : timeOf(next), f["why"].toString()});
        if (!changed)
            return changed.failure();
        return QString::number(changed->id);
    }
    }
    return Failure{QStringLiteral("Unknown write.")};
}
