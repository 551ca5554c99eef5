#include "usecases/demoincident.h"

#include "domain/zonedtime.h"
#include "rules/clock.h"
#include "rules/severitycalibration.h"
#include "storage/incidentstore.h"

#include <optional>

namespace {
const QString kCommander = QStringLiteral("Dana Whitfield");
const QString kSre = QStringLiteral("Marek Nowak");
const QString kDba = QStringLiteral("Priya Raman");
const QString kLiaison = QStringLiteral("Sofia Lindqvist");
const QString kCustomerZone = QStringLiteral("Europe/Berlin"); // Northwind's office

// Plays the story on the story clock, stopping at the first step the store refuses.
class Story
{
public:
    Story(ManualClock &clock, const QDateTime &realNow) : m_clock(clock), m_realNow(realNow) {}

    void at(int minutesAgo) { m_clock.setNow(m_realNow.addSecs(-60LL * minutesAgo)); }
    QDateTime in(int minutes) const { return m_realNow.addSecs(60LL * minutes); }
    QString utc(int minutesAgo) const
    {
        return m_realNow.addSecs(-60LL * minutesAgo).toUTC().toString(QStringLiteral("HH:mm"));
    }
    // A time as the customer writes and reads it: in their zone, named, seen from the story's now.
    QString customerTime(int minutesAgo) const
    {
        return ZonedTime::dayAndTimeInZone(m_realNow.addSecs(-60LL * minutesAgo), m_clock.now(),
                                           ZonedTime::zoneOrUtc(kCustomerZone));
    }

    // Runs one write unless an earlier one failed; the value, or nothing after a failure.
    template <typename Write>
    auto step(Write write) -> std::optional<std::decay_t<decltype(*write())>>
    {
        if (!m_failure.isEmpty())
            return std::nullopt;
        auto result = write();
        if (!result) {
            m_failure = result.error();
            return std::nullopt;
        }
        return result.take();
    }

    const QString &failure() const { return m_failure; }

private:
    ManualClock &m_clock;
    QDateTime m_realNow;
    QString m_failure;
};
} // namespace

Result<qint64> seedDemoIncident(IncidentStore &store, ManualClock &clock, const QDateTime &realNow)
{
    Story s(clock, realNow);
    auto log = [&](int minutesAgo, const QString &author, LogKind kind, const QString &text,
                   const QString &to = {}) {
        s.at(minutesAgo);
        NewLogEntry entry{0, author, kind, text, 0, to};
        return entry;
    };

    // The war room met this before: its book knows the symptom, so the window suggests it.
    s.at(40 * 24 * 60); // forty days ago
    NewKnownProblem known;
    known.by = kDba;
    known.symptom = QStringLiteral("Checkout fails with an error page while the read replica lags "
                                   "behind");
    known.product = QStringLiteral("Order service 3.x");
    known.workaround = QStringLiteral("Route checkout reads to the primary database until the "
                                      "replica catches up; checkout recovers within minutes.");
    known.cause = QStringLiteral("The order service reads stock levels from the replica and "
                                 "gives up when it falls behind.");
    known.fixStatus = FixStatus::Planned;
    s.step([&] { return store.addKnownProblem(known); });

    s.at(72);
    NewIncident incident;
    incident.title = QStringLiteral("Web-shop orders failing in Europe");
    incident.customer = QStringLiteral("Northwind Retail");
    incident.customerTimeZone = kCustomerZone;
    incident.severity = Severity::Sev2;
    incident.inChargeName = kSre; // the on-call engineer opens it
    incident.inChargePhone = QStringLiteral("+44 20 7946 0187");
    incident.problemStatement =
        QStringLiteral("Since %1 about one in five checkout attempts on the Northwind web shop "
                       "in Europe fails with an error page; orders placed in the mobile app are "
                       "not affected.")
            .arg(s.customerTime(74));
    const auto id = s.step([&] { return store.createIncident(incident, kSre); });
    if (!id)
        return Failure{s.failure()};
    // The liaison sends each drafted notice soon after the status change.
    auto sendLatestNotice = [&](const QString &by) {
        if (auto notices = s.step([&] { return store.notices(*id); });
            notices && !notices->isEmpty())
            s.step([&] { return store.markNoticeSent(notices->constLast().id, by); });
    };
    auto append = [&](NewLogEntry entry) {
        entry.incidentId = *id;
        return s.step([&] { return store.appendLogEntry(entry); });
    };
    // The monitoring posts its alerts through `warroom log`, as a script does.
    auto alert = [&](int minutesAgo, const QString &text) {
        NewLogEntry entry =
            log(minutesAgo, QStringLiteral("prometheus"), LogKind::Observation, text);
        entry.byScript = true;
        return append(entry);
    };

    append(log(70, kSre, LogKind::Observation,
               QStringLiteral("Customer reports checkout errors on the web shop since %1 UTC; "
                              "about 20 % of attempts fail.")
                   .arg(s.utc(74))));
    s.at(68);
    s.step([&] {
        return store.changeStatus({*id, kSre, IncidentStatus::Acknowledged,
                                   QStringLiteral("The on-call engineer is examining the order "
                                                  "service."),
                                   s.in(-40),
                                   QStringLiteral("we will know by then whether this morning's "
                                                  "change is involved")});
    });
    alert(67, QStringLiteral("FIRING CheckoutErrorRateHigh eu-west-1: 5xx 19.8 % (> 2 % for 5 m)"));
    s.at(66);
    sendLatestNotice(kSre);
    alert(66, QStringLiteral("FIRING OrderServiceLatencyHigh eu-west-1: p99 8.1 s (> 1 s)"));
    append(log(65, kSre, LogKind::Observation,
               QStringLiteral("order-service p99 latency 8.4 s (baseline 300 ms); HTTP 503 rate "
                              "19 % on eu-west-1 pods.")));
    auto assess = [&](qint64 affected, bool workaround, const QString &by) {
        ImpactAssessment a;
        a.incidentId = *id;
        a.by = by;
        a.affectedUsers = affected;
        a.totalUsers = 38000;
        a.functions = {{QStringLiteral("Checkout"), FunctionState::Down}};
        a.regions = {QStringLiteral("EU-West")};
        if (workaround)
            a.workaround = true;
        a.keyAccount = false;
        a.confidence = Confidence::Estimated;
        a.notes = QStringLiteral("From the 503 rate on the eu-west-1 load balancers.");
        s.step([&] { return store.assessImpact(a, SeverityRules()); });
    };
    alert(64, QStringLiteral("FIRING CheckoutErrorRateHigh eu-west-1: 5xx 20.4 %"));
    s.at(64);
    assess(7500, false, kSre);
    const auto question =
        append(log(63, kSre, LogKind::Question,
                   QStringLiteral("Did anything ship to order-service or its database in the last "
                                  "24 h?"),
                   QStringLiteral("release team")));
    s.at(60);
    if (question)
        s.step([&] {
            return store.answerQuestion(
                question->id,
                QStringLiteral("Yes: deploy 2026.11.23-2 of order-service at %1 UTC; it changes "
                               "the database connection pool.")
                    .arg(s.utc(91)),
                kSre);
        });

    s.at(59);
    s.step([&] {
        return store.handOver(*id, kCommander, QStringLiteral("+44 20 7946 0321"),
                              QStringLiteral("Marek stays on diagnosis; Dana runs the room."),
                              kSre);
    });
    s.step([&] {
        return store.handOver(*id, kLiaison, QStringLiteral("+44 20 7946 0550"),
                              QStringLiteral("Sofia, the account manager, owns the briefings and "
                                             "the calls with Northwind's managers."),
                              kCommander, Role::Liaison);
    });
    s.at(58);
    s.step([&] {
        return store.frame(*id,
                           QStringLiteral("Restore order intake in Europe; rolling back this "
                                          "morning's pool change is the most likely fix."),
                           kCommander);
    });
    s.step([&] {
        return store.changeStatus({*id, kCommander, IncidentStatus::Investigating,
                                   QStringLiteral("We are checking this morning's change to the "
                                                  "order service."),
                                   s.in(-28),
                                   QStringLiteral("the check of this morning's change ends "
                                                  "then")});
    });
    sendLatestNotice(kLiaison);
    const auto theory =
        append(log(57, kSre, LogKind::Hypothesis,
                   QStringLiteral("The new pool size (max 20 -> 5) starves order-service of "
                                  "database connections under peak load.")));
    s.at(56);
    const auto poolBox = theory ? s.step([&] {
        return store.timeboxTheory(theory->id, s.in(-40),
                                   QStringLiteral("if it holds, a rollback fixes most failures in "
                                                  "ten minutes; we must know before the next "
                                                  "traffic peak"),
                                   kCommander);
    })
                                : std::nullopt;
    alert(54, QStringLiteral("FIRING DbPoolQueueDepth order-service: 140 waiting (> 20)"));
    append(log(52, kDba, LogKind::Observation,
               QStringLiteral("Database primary shows 5 active connections from order-service "
                              "and 140 requests waiting in its pool queue.")));
    append(log(48, kSre, LogKind::Action,
               QStringLiteral("Rolling back order-service to 2026.11.22-1 in eu-west-1.")));
    alert(46, QStringLiteral("RESOLVED DbPoolQueueDepth order-service: 0 waiting"));
    const auto rollback =
        append(log(45, kSre, LogKind::Result,
                   QStringLiteral("Rollback complete; 503 rate down to 6 %, not zero.")));
    s.at(44);
    if (poolBox)
        s.step([&] { return store.settleTheory(*poolBox, TimeboxVerdict::Confirmed, kSre); });
    // The turning points, pinned for everyone (and for the debrief).
    for (const auto &key : {theory, rollback}) {
        if (key)
            s.step([&] { return store.pinLogEntry(key->id, true, kCommander); });
    }
    s.at(43);
    assess(2300, true, kCommander);
    // The rules now say SEV3 (a workaround exists: the mobile app); the commander keeps SEV2.
    s.step([&] {
        return store.setSeverity(*id, Severity::Sev2,
                                 QStringLiteral("evening peak within the hour; web orders are most "
                                                "of Northwind's revenue"),
                                 kCommander, SeverityRules());
    });
    append(log(41, kDba, LogKind::Hypothesis,
               QStringLiteral("Remaining failures come from replication lag on the eu-west-1 "
                              "read replica: order look-ups hit stale rows.")));
    alert(38, QStringLiteral("FIRING ReplicaLagHigh eu-west-1-replica-2: lag 41 s (> 10 s)"));
    append(log(35, kDba, LogKind::Observation,
               QStringLiteral("Replica lag 48 s and growing; replica disk IOPS at the provisioned "
                              "limit.")));
    s.at(32);
    s.step([&] {
        return store.changeStatus({*id, kCommander, IncidentStatus::Identified,
                                   QStringLiteral("We are replacing a slow database copy that "
                                                  "causes the remaining failures."),
                                   s.in(20), QStringLiteral("the replacement copy is ready then")});
    });
    s.at(31);
    sendLatestNotice(kLiaison);
    s.step([&] {
        return store.frame(*id,
                           QStringLiteral("Stop the remaining 6 % of failures; a fresh read "
                                          "replica is the fix in progress."),
                           kCommander);
    });

    s.at(30);
    NewBriefing briefing;
    briefing.incidentId = *id;
    briefing.author = kLiaison;
    briefing.headline = QStringLiteral(
        "Orders are failing for about 6 % of web-shop customers in Europe, down from 20 %.");
    briefing.impact = QStringLiteral("About 6 % of checkout attempts on the web shop in Europe "
                                     "fail. Orders in the mobile app are not affected.");
    briefing.doing = QStringLiteral(
        "We reversed this morning's software change, which removed most failures. We are now "
        "replacing a slow database copy that causes the rest.");
    briefing.changed = QStringLiteral("Failures dropped from 20 % to 6 % after we reversed the "
                                      "change made at %1.")
                           .arg(s.customerTime(91));
    briefing.nextUpdateAt = s.in(20);
    briefing.nextUpdateWhy = QStringLiteral(
        "The replacement database copy is ready then, and we will know whether failures stop.");
    s.step([&] { return store.publishBriefing(briefing); });

    s.at(25);
    const auto ask = s.step([&] {
        return store.askCustomer(*id,
                                 QStringLiteral("Send us five failed order numbers from the last "
                                                "hour."),
                                 QStringLiteral("only Northwind sees the customer-side error "
                                                "pages and order references"),
                                 kCommander);
    });
    s.at(24);
    if (ask)
        s.step([&] { return store.markAskSent(*ask, kCommander); });
    append(log(22, kDba, LogKind::Action,
               QStringLiteral("Raising the replica IOPS limit and building a fresh read replica "
                              "in eu-west-1.")));
    s.at(20);
    s.step([&] {
        return store.commit({*id,
                             QStringLiteral("Fresh read replica in service and failure rate under "
                                            "1 %"),
                             kDba, s.in(25),
                             QStringLiteral("A replica build takes about 35 minutes at this data "
                                            "size, and the customer's evening peak starts within "
                                            "the hour."),
                             kCommander});
    });
    alert(18, QStringLiteral("FIRING CheckoutErrorRateHigh eu-west-1: 5xx 6.2 %"));
    append(log(15, kDba, LogKind::Question,
               QStringLiteral("Is the old replica safe to remove once the new one is in service?"),
               kSre));
    alert(14, QStringLiteral("FIRING ReplicaLagHigh eu-west-1-replica-2: lag 52 s"));
    append(log(12, kSre, LogKind::Observation,
               QStringLiteral("New replica at 71 % sync; old replica lag still 52 s.")));

    s.at(10);
    const auto replica = s.step([&] {
        return store.addOption({*id, kCommander, QStringLiteral("Finish the fresh read replica"),
                                QStringLiteral("No change to the primary database during the "
                                               "evening peak."),
                                QStringLiteral("About 20 more minutes of failed checkouts.")});
    });
    s.step([&] {
        return store.addOption(
            {*id, kCommander, QStringLiteral("Send checkout reads to the primary database now"),
             QStringLiteral("Checkout recovers within minutes."),
             QStringLiteral("The primary carries the whole evening peak; a risk if it slows.")});
    });
    s.at(8);
    if (replica)
        s.step([&] {
            return store.chooseOption(*replica,
                                      QStringLiteral("Northwind prefers no risk to the primary "
                                                     "during the peak."),
                                      kLiaison);
        });

    clock.setNow(realNow);
    if (!s.failure().isEmpty())
        return Failure{s.failure()};
    return *id;
}
