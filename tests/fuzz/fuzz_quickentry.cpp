// Fuzzes the quick-entry box's reader: whatever is typed, it returns a known kind and the
// entry's text, which is the typed line without its prefix and never empty unless the line is.
#include "fuzzinput.h"
#include "rules/quickentry.h"

namespace {
const LogKind kDefaultKinds[] = {LogKind::Observation, LogKind::Question, LogKind::Event};

bool isKnownKind(LogKind kind)
{
    return int(kind) >= int(LogKind::Observation) && int(kind) <= int(LogKind::Event);
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    for (const QString &line : textsOf(data, size)) {
        const QString typed = line.trimmed();
        for (LogKind defaultKind : kDefaultKinds) {
            const QuickEntry entry = parseQuickEntry(line, defaultKind);
            FUZZ_REQUIRE(isKnownKind(entry.kind), line);
            FUZZ_REQUIRE(typed.endsWith(entry.text), line);
            FUZZ_REQUIRE(entry.text.isEmpty() == typed.isEmpty(), line);
            FUZZ_REQUIRE(entry.text == entry.text.trimmed(), line);
            if (entry.text == typed)
                FUZZ_REQUIRE(entry.kind == defaultKind, line);
        }
    }
    return 0;
}
