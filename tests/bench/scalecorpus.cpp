#include "scalecorpus.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {
const char *const kPeople[] = {"Ann Lee",    "Bo Jensen",    "Chidi Okafor", "Dana Cruz",
                               "Eitan Bar",  "Fatima Idris", "Gus Moreau",   "Hana Sato",
                               "Ivo Petrov", "Jia Wen",      "Kofi Mensah",  "Lena Vogel"};
const char *const kScripts[] = {"probe-eu", "alertmanager", "deploy-bot"};
const char *const kServices[] = {"checkout", "payments", "order-service", "inventory",
                                 "search",   "auth",     "cart",          "shipping"};
const char *const kRegions[] = {"eu-west-1", "eu-central-1", "us-east-1"};
const char *const kSymptoms[] = {
    "timeout",        "502 from upstream", "connection reset",      "p99 latency 2.4 s",
    "pool exhausted", "OOMKilled",         "TLS handshake failure", "queue depth 40k"};
const char *const kActions[] = {"restarted",    "scaled to 12 replicas",   "rolled back",
                                "drained node", "raised pool size to 200", "failed over"};
const char *const kTail[] = {
    "",
    " Seen on three pods since the last deploy.",
    " Dashboard: error rate 4.2% and climbing, no change in traffic.",
    " Trace: at db.Pool.acquire(pool.go:212) at checkout.Handler.ServeHTTP(handler.go:88) at "
    "http.serverHandler.ServeHTTP(server.go:2936); the same frame in every sampled trace.",
    " Customer support reports the same from two accounts.",
};
} // namespace

quint32 ScaleCorpus::next()
{
    // xorshift32: fast, and the same sequence on every machine.
    m_state ^= m_state << 13;
    m_state ^= m_state >> 17;
    m_state ^= m_state << 5;
    return m_state;
}

NewLogEntry ScaleCorpus::entry(qint64 incidentId, qint64 n)
{
    NewLogEntry entry;
    entry.incidentId = incidentId;
    const quint32 roll = next() % 1000; // per mille
    const QString service = QString::fromLatin1(pick(kServices));
    const QString region = QString::fromLatin1(pick(kRegions));
    const QString tail = QString::fromLatin1(pick(kTail));
    if (roll < 350) { // a monitoring script
        entry.author = QString::fromLatin1(pick(kScripts));
        entry.byScript = true;
        entry.kind = LogKind::Observation;
        entry.text = QStringLiteral("%1 %2 in %3: %4 (sample %5)")
                         .arg(service, QString::fromLatin1(pick(kSymptoms)), region)
                         .arg(next() % 900 + 100)
                         .arg(n);
        return entry;
    }
    entry.author = QString::fromLatin1(pick(kPeople));
    if (roll < 600) {
        entry.kind = LogKind::Observation;
        entry.text = QStringLiteral("%1 shows %2 in %3.%4")
                         .arg(service, QString::fromLatin1(pick(kSymptoms)), region, tail);
    } else if (roll < 720) {
        entry.kind = LogKind::Action;
        entry.text = QStringLiteral("%1 %2 in %3.%4")
                         .arg(service, QString::fromLatin1(pick(kActions)), region, tail);
    } else if (roll < 840) {
        entry.kind = LogKind::Result;
        entry.text = QStringLiteral("After the change %1 in %2 is at %3 errors a minute.%4")
                         .arg(service, region)
                         .arg(next() % 500)
                         .arg(tail);
    } else if (roll < 997) { // a question now and then
        entry.kind = LogKind::Hypothesis;
        entry.text = QStringLiteral("Maybe the %1 %2 comes from the config change at %3:%4.")
                         .arg(service, QString::fromLatin1(pick(kSymptoms)))
                         .arg(next() % 24, 2, 10, QLatin1Char('0'))
                         .arg(next() % 60, 2, 10, QLatin1Char('0'));
    } else {
        entry.kind = LogKind::Question;
        entry.text = QStringLiteral("Who owns the %1 deployment in %2, and can they join?")
                         .arg(service, region);
    }
    return entry;
}

QByteArray ScaleCorpus::jsonLine(qint64 n)
{
    const NewLogEntry entry = this->entry(0, n);
    QJsonObject object{{QStringLiteral("kind"), logKindName(entry.kind)},
                       {QStringLiteral("author"), entry.author},
                       {QStringLiteral("body"), entry.text}};
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}
