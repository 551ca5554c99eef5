#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test with CTest: the normal build first,
# then the same suite built with AddressSanitizer and UndefinedBehaviorSanitizer, so that a
# memory error or undefined behaviour anywhere fails the run, then the libFuzzer targets for
# the text parsers, 30 s each on their checked-in corpus (tests/fuzz).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
build="${WARROOM_BUILD_DIR:-$root/build}"
sanitized="${WARROOM_SANITIZE_BUILD_DIR:-$root/build-asan}"
fuzzing="${WARROOM_FUZZ_BUILD_DIR:-$root/build-fuzz}"

"$here/build.sh"
(cd "$build" && ctest --output-on-failure -j"$(nproc)" --timeout 600)

cmake -S "$root" -B "$sanitized" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DWARROOM_SANITIZE=ON
cmake --build "$sanitized" -j"$(nproc)"
(cd "$sanitized" && UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ASAN_OPTIONS=detect_leaks=1 \
    ctest --output-on-failure -j"$(nproc)" --timeout 900)

cmake -S "$root/tests/fuzz" -B "$fuzzing" -G Ninja -DCMAKE_CXX_COMPILER=clang++
cmake --build "$fuzzing" -j"$(nproc)"
(cd "$fuzzing" && ctest --output-on-failure -j"$(nproc)" --timeout 300)
cat "$fuzzing"/*-findings/summary.txt
