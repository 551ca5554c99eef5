// Fuzzes the due-time reader behind every deadline and next-update time: whatever is typed, a
// time it accepts is a valid UTC time no further ahead than the horizon, and a relative or
// clock time is ahead of now; what it refuses comes with a message.
#include "fuzzinput.h"
#include "rules/duetime.h"

#include <QTimeZone>

#include <ctime>

namespace {
// Ordinary moments and the awkward ones: just before Berlin's clocks jump forward and back,
// and the last minute of a year.
QList<QDateTime> moments()
{
    const QStringList iso = {"2026-11-23T12:00:00Z", "2026-03-29T00:30:00Z", "2026-10-25T00:30:00Z",
                             "2026-12-31T23:59:30Z"};
    QList<QDateTime> nows;
    for (const QString &text : iso)
        nows.append(QDateTime::fromString(text, Qt::ISODate));
    return nows;
}
} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    // A zone with daylight saving time, so that clock times in its gaps and overlaps are tried.
    qputenv("TZ", "Europe/Berlin");
    tzset();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QList<QDateTime> nows = moments();
    for (const QString &text : textsOf(data, size)) {
        const QString typed = text.trimmed();
        for (const QDateTime &now : nows) {
            const Result<QDateTime> due = parseDueTime(text, now);
            if (!due) {
                FUZZ_REQUIRE(!due.error().isEmpty(), text);
                continue;
            }
            FUZZ_REQUIRE(due->isValid(), text);
            FUZZ_REQUIRE(due->timeSpec() == Qt::UTC, text);
            FUZZ_REQUIRE(*due <= now.addDays(kHorizonDays), text);
            const bool clockTime = QTime::fromString(typed, QStringLiteral("H:mm")).isValid();
            if (typed.startsWith(u'+') || clockTime)
                FUZZ_REQUIRE(*due > now, text);
            const auto refusal = checkHorizon(*due, now, QStringLiteral("deadline"));
            FUZZ_REQUIRE(!refusal || !refusal->message.isEmpty(), text);
        }
    }
    return 0;
}
