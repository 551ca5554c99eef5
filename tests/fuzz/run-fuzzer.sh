#!/usr/bin/env bash
# run-fuzzer.sh FUZZER FINDINGS CORPUS DICTIONARY SECONDS
# Runs one libFuzzer target for SECONDS on the checked-in CORPUS. New coverage is written to
# FINDINGS/new, a crash or failed check to FINDINGS/crash-* (once fixed, copy it into the corpus
# and make it a unit test). Writes FINDINGS/summary.txt; exits non-zero when something was found.
set -uo pipefail
fuzzer="$1" findings="$2" corpus="$3" dictionary="$4" seconds="$5"
name="$(basename "$fuzzer")"
rm -rf "$findings"
mkdir -p "$findings/new"
options=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=4096
         -print_final_stats=1 -artifact_prefix="$findings/")
[ -f "$dictionary" ] && options+=(-dict="$dictionary")
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$fuzzer" "${options[@]}" "$findings/new" "$corpus" >"$findings/log.txt" 2>&1
status=$?
runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$findings/log.txt")"
seeds="$(find "$corpus" -type f | wc -l)"
discovered="$(find "$findings/new" -type f | wc -l)"
if [ "$status" -eq 0 ]; then
    verdict="no findings"
else
    verdict="FOUND A PROBLEM (exit $status): $(ls "$findings"/crash-* "$findings"/leak-* \
        "$findings"/timeout-* "$findings"/oom-* 2>/dev/null | tr '\n' ' ')"
    tail -n 60 "$findings/log.txt"
fi
echo "$name: ${runs:-0} executions (${seconds} s budget) from $seeds corpus inputs," \
     "$discovered new inputs; $verdict" | tee "$findings/summary.txt"
exit "$status"
