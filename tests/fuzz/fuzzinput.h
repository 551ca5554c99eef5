#pragma once

#include <QList>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

// One fuzz input read two ways: as UTF-8 (what a terminal or a file gives; bad bytes become
// U+FFFD) and as raw UTF-16 code units (what a paste can give a widget: lone surrogates, NUL,
// anything). Corpus files stay readable text while the parsers still see every code unit.
inline QList<QString> textsOf(const uint8_t *data, size_t size)
{
    const auto *bytes = reinterpret_cast<const char *>(data);
    return {QString::fromUtf8(bytes, qsizetype(size)),
            QString(reinterpret_cast<const QChar *>(data), qsizetype(size / sizeof(QChar)))};
}

// A broken promise of the code under test: says which, then aborts so libFuzzer keeps the input.
#define FUZZ_REQUIRE(condition, text)                                                              \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "broken: %s\ninput: \"%s\"\n", #condition,                        \
                         qUtf8Printable((text).toHtmlEscaped()));                                  \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)
