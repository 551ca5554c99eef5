#include "services/demoincident.h"

#include "services/clock.h"
#include "storage/incidentstore.h"

namespace {
const QString kCommander = QStringLiteral("Dana Whitfield");
const QString kSre = QStringLiteral("Marek Nowak");
const QString kDba = QStringLiteral("Priya Raman");

struct Step
{
    int minutesBeforeNow;
    QString author;
    LogKind kind;
    QString text;
};
} // namespace

Result<qint64> seedDemoIncident(IncidentStore &store, ManualClock &clock, const QDateTime &realNow)
{
    auto at = [&](int minutesBeforeNow) {
        clock.setNow(realNow.addSecs(-60LL * minutesBeforeNow));
    };
    // Times quoted in the story follow its timeline, whenever the demo is seeded.
    auto utc = [&](int minutesBeforeNow) {
        return realNow.addSecs(-60LL * minutesBeforeNow).toUTC().toString(QStringLiteral("HH:mm"));
    };
    const QString failuresSince = utc(74);
    const QString deployedAt = utc(91);
    qint64 id = 0;
    auto tell = [&](const QList<Step> &steps) -> Outcome {
        for (const Step &step : steps) {
            at(step.minutesBeforeNow);
            if (auto added = store.appendLogEntry({id, step.author, step.kind, step.text}); !added)
                return Failure{added.error()};
        }
        return done();
    };

    at(72);
    NewIncident incident;
    incident.title = QStringLiteral("Web-shop orders failing in Europe");
    incident.customer = QStringLiteral("Northwind Retail");
    incident.severity = Severity::Sev2;
    incident.inChargeName = kCommander;
    incident.inChargePhone = QStringLiteral("+44 20 7946 0321");
    incident.problemStatement =
        QStringLiteral(
            "Since %1 UTC about one in five checkout attempts on the Northwind web shop in Europe "
            "fails with an error page; orders placed in the mobile app are not affected.")
            .arg(failuresSince);
    const Result<qint64> created = store.createIncident(incident);
    if (!created)
        return created;
    id = *created;

    const QList<Step> before{
        {70, kCommander, LogKind::Observation,
         QStringLiteral("Customer reports checkout errors on the web shop since %1 UTC; "
                        "about 20 % of attempts fail.")
             .arg(failuresSince)},
        {66, kSre, LogKind::Observation,
         QStringLiteral("order-service p99 latency 8.4 s (baseline 300 ms); HTTP 503 rate 19 % on "
                        "eu-west-1 pods.")},
        {63, kCommander, LogKind::Question,
         QStringLiteral("Did anything ship to order-service or its database in the last 24 h?")},
        {60, kSre, LogKind::Result,
         QStringLiteral("Deploy 2026.11.23-2 of order-service went out at %1 UTC; it changes "
                        "the database connection pool.")
             .arg(deployedAt)},
        {58, kSre, LogKind::Hypothesis,
         QStringLiteral("The new pool size (max 20 -> 5) starves order-service of database "
                        "connections under peak load.")},
    };
    if (Outcome told = tell(before); !told)
        return Failure{told.error()};

    at(57);
    const Result<qint64> poolCheck = store.commit(
        {id, QStringLiteral("Confirm or rule out the connection-pool theory"), kSre,
         realNow.addSecs(-40 * 60),
         QStringLiteral("If it holds, a rollback fixes most failures in ten minutes; we must know "
                        "before the next traffic peak."),
         kCommander});
    if (!poolCheck)
        return poolCheck;

    const QList<Step> middle{
        {52, kDba, LogKind::Observation,
         QStringLiteral("Database primary shows 5 active connections from order-service and 140 "
                        "requests waiting in its pool queue.")},
        {48, kSre, LogKind::Action,
         QStringLiteral("Rolling back order-service to 2026.11.22-1 in eu-west-1.")},
        {45, kSre, LogKind::Result,
         QStringLiteral("Rollback complete; 503 rate down to 6 %, not zero.")},
    };
    if (Outcome told = tell(middle); !told)
        return Failure{told.error()};
    if (Outcome met = store.markMet(*poolCheck, kSre); !met)
        return Failure{met.error()};

    const QList<Step> later{
        {41, kDba, LogKind::Hypothesis,
         QStringLiteral("Remaining failures come from replication lag on the eu-west-1 read "
                        "replica: order look-ups hit stale rows.")},
        {35, kDba, LogKind::Observation,
         QStringLiteral("Replica lag 48 s and growing; replica disk IOPS at the provisioned "
                        "limit.")},
    };
    if (Outcome told = tell(later); !told)
        return Failure{told.error()};

    at(30);
    NewBriefing briefing;
    briefing.incidentId = id;
    briefing.author = kCommander;
    briefing.headline = QStringLiteral(
        "Orders are failing for about 6 % of web-shop customers in Europe, down from 20 %.");
    briefing.impact = QStringLiteral("About 6 % of checkout attempts on the web shop in Europe "
                                     "fail. Orders in the mobile app are not affected.");
    briefing.doing = QStringLiteral(
        "We reversed this morning's software change, which removed most failures. We are now "
        "replacing a slow database copy that causes the rest.");
    briefing.changed = QStringLiteral("Failures dropped from 20 % to 6 % after we reversed the "
                                      "change made at %1 UTC.")
                           .arg(deployedAt);
    briefing.nextUpdateAt = realNow.addSecs(20 * 60);
    briefing.nextUpdateWhy = QStringLiteral(
        "The replacement database copy is ready then, and we will know whether failures stop.");
    if (auto published = store.publishBriefing(briefing); !published)
        return Failure{published.error()};

    const QList<Step> last{
        {25, kCommander, LogKind::Ask,
         QStringLiteral("Asked Northwind for five failed order numbers from the last hour, so we "
                        "can trace them end to end; only they see the customer-side errors.")},
        {22, kDba, LogKind::Action,
         QStringLiteral("Raising the replica IOPS limit and building a fresh read replica in "
                        "eu-west-1.")},
    };
    if (Outcome told = tell(last); !told)
        return Failure{told.error()};

    at(20);
    const Result<qint64> replica = store.commit(
        {id, QStringLiteral("Fresh read replica in service and failure rate under 1 %"), kDba,
         realNow.addSecs(25 * 60),
         QStringLiteral("A replica build takes about 35 minutes at this data size, and the "
                        "customer's evening peak starts within the hour."),
         kCommander});
    if (!replica)
        return replica;

    if (Outcome told = tell({{12, kSre, LogKind::Observation,
                              QStringLiteral("New replica at 71 % sync; old replica lag still "
                                             "52 s.")}});
        !told)
        return Failure{told.error()};

    clock.setNow(realNow);
    return id;
}
