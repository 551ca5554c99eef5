// Fuzzes the plain-language checker the composer runs on every keystroke: findings are in text
// order, never overlap, lie inside the text, and each quotes exactly the text it marks (the
// composer underlines by those offsets).
#include "fuzzinput.h"
#include "rules/plainlanguage.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const PlainLanguageProfile profile =
        PlainLanguageProfile::english({{QStringLiteral("k8s"), QStringLiteral("the platform")}});
    for (const QString &text : textsOf(data, size)) {
        int previousEnd = 0;
        for (const Finding &finding : checkPlainLanguage(text, profile)) {
            FUZZ_REQUIRE(finding.start >= previousEnd, text);
            FUZZ_REQUIRE(finding.start < finding.end, text);
            FUZZ_REQUIRE(finding.end <= text.size(), text);
            FUZZ_REQUIRE(finding.phrase == text.mid(finding.start, finding.end - finding.start),
                         text);
            FUZZ_REQUIRE(!finding.suggestion.isEmpty(), text);
            FUZZ_REQUIRE(!formatFinding(finding).isEmpty(), text);
            previousEnd = finding.end;
        }
    }
    return 0;
}
