#include "usecases/incidenttimeline.h"

#include "storage/incidentstore.h"

#include <algorithm>

namespace {
// How a recorded event reads in the timeline; events told to the customer are business items.
struct EventKind
{
    const char *event;
    const char *label;
    TimelineItem::Channel channel;
};

const QList<EventKind> &eventKinds()
{
    using C = TimelineItem::Channel;
    static const QList<EventKind> kinds{
        {"committed", "deadline committed", C::Technical},
        {"met", "deadline met", C::Technical},
        {"missed", "deadline missed", C::Technical},
        {"superseded", "deadline superseded", C::Technical},
        {"timebox", "theory timeboxed", C::Technical},
        {"confirmed", "theory confirmed", C::Technical},
        {"dropped", "theory dropped", C::Technical},
        {"handover", "handover", C::Technical},
        {"framed", "objective framed", C::Technical},
        {"problem-stated", "problem stated", C::Business},
        {"problem-confirmed", "problem confirmed by customer", C::Business},
        {"ask-sent", "ask sent to customer", C::Business},
        {"ask-answered", "ask answered by customer", C::Business},
        {"status", "status change", C::Technical},
        {"notice-sent", "notice sent to customer", C::Business},
        {"impact", "impact assessed", C::Technical},
        {"severity", "severity change", C::Technical},
        {"option", "option for the customer", C::Business},
        {"option-chosen", "option chosen", C::Business},
        {"resolution-report", "resolution report", C::Business},
        {"action", "action item", C::Technical},
        {"action-done", "action item done", C::Technical},
        {"debrief", "debrief", C::Technical},
        {"known-problem", "known problem", C::Technical},
    };
    return kinds;
}

TimelineItem fromLogEntry(const LogEntry &entry)
{
    TimelineItem item;
    item.at = entry.at;
    item.who = entry.author;
    item.text = entry.text;
    item.record = {QStringLiteral("log_entries"), entry.id};
    if (entry.kind != LogKind::Event) {
        item.kind = entry.kind == LogKind::Ask ? QStringLiteral("customer ask made")
                                               : logKindName(entry.kind);
        item.channel = entry.kind == LogKind::Ask ? TimelineItem::Channel::Business
                                                  : TimelineItem::Channel::Technical;
        item.isPersonEntry = entry.kind != LogKind::Ask;
        return item;
    }
    item.kind = entry.event;
    for (const EventKind &known : eventKinds()) {
        if (entry.event == QLatin1StringView(known.event)) {
            item.kind = QString::fromLatin1(known.label);
            item.channel = known.channel;
        }
    }
    return item;
}
} // namespace

QString channelName(TimelineItem::Channel channel)
{
    return channel == TimelineItem::Channel::Business ? QStringLiteral("business")
                                                      : QStringLiteral("technical");
}

Result<QList<TimelineItem>> loadTimeline(const IncidentStore &store, qint64 incidentId)
{
    const auto count = store.logEntryCount(incidentId);
    const auto briefings = store.briefings(incidentId);
    const auto key = store.keyMoments(incidentId);
    if (!count || !briefings || !key)
        return Failure{count.error() + briefings.error() + key.error()};
    QList<TimelineItem> items;
    constexpr int kPage = 5000;
    for (qint64 first = 1; first <= *count; first += kPage) {
        const auto entries = store.logEntries(incidentId, first, kPage);
        if (!entries)
            return entries.failure();
        for (const LogEntry &entry : *entries)
            items.append(fromLogEntry(entry));
    }
    for (const Briefing &b : *briefings) {
        TimelineItem item;
        item.at = b.publishedAt;
        item.channel = TimelineItem::Channel::Business;
        item.kind = QStringLiteral("briefing");
        item.who = b.author;
        item.text = QStringLiteral("Briefing #%1: %2").arg(b.seq).arg(b.headline);
        item.record = {QStringLiteral("briefings"), b.id};
        items.append(item);
    }
    for (TimelineItem &item : items)
        item.key = key->contains(item.record);
    // The log is in order already; a briefing goes after what was logged at the same moment.
    std::stable_sort(items.begin(), items.end(),
                     [](const TimelineItem &a, const TimelineItem &b) { return a.at < b.at; });
    return items;
}
