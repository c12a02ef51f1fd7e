#!/bin/sh
# run.sh short|long [SECONDS] - run every libFuzzer harness in build-fuzz/ (make fuzz-build).
#
# Seeds: every scenario file (scenarios/, tests/validation/, tests/bad/) and the inputs of
# past findings (fuzz/seeds/scenario/) for fuzz_scenario, fuzz/seeds/NAME for fuzz_NAME
# (fuzz_dist; fuzz_history and fuzz_batch: exports as planners save them);
# each harness has its dictionary fuzz/NAME.dict.
#   short  a fixed-seed run of FUZZ_SHORT_RUNS inputs (default 20000) per harness, capped
#          at SECONDS (default 10); new inputs go to a temporary directory. make test runs it.
#   long   SECONDS (default 600) per harness, the harnesses side by side; the corpus grows
#          in build-fuzz/corpus/NAME and any crash, leak or timeout is saved in
#          build-fuzz/artifacts/. make fuzz runs it.
# Prints one line per harness with its executions, and a summary "NAME: N passed, M failed".
cd "$(dirname "$0")/.." || exit 1
mode=${1:-short}
case "$mode" in
short) seconds=${2:-10} ;;
long) seconds=${2:-600} ;;
*) echo "usage: fuzz/run.sh short|long [SECONDS]" >&2; exit 2 ;;
esac
B=build-fuzz
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/seeds/scenario"
cp scenarios/*.ini tests/validation/*.ini fuzz/seeds/scenario/* "$tmp/seeds/scenario/"
for f in tests/bad/*.ini; do [ -f "$f" ] && cp "$f" "$tmp/seeds/scenario/bad_$(basename "$f")"; done
seeds_of() { case "$1" in fuzz_scenario) echo "$tmp/seeds/scenario" ;; *) echo "fuzz/seeds/${1#fuzz_}" ;; esac; }

# run_one NAME LOG: one harness, in the foreground
run_one() {
    name=$1
    log=$2
    dict="fuzz/${name#fuzz_}.dict"
    if [ "$mode" = short ]; then
        corpus="$tmp/corpus-$name"
        mkdir -p "$corpus"
        set -- -seed=1 -runs="${FUZZ_SHORT_RUNS:-20000}" -max_total_time="$seconds" \
            -artifact_prefix="$tmp/"
    else
        corpus="$B/corpus/$name"
        mkdir -p "$corpus" "$B/artifacts"
        set -- -max_total_time="$seconds" -artifact_prefix="$B/artifacts/$name-"
    fi
    "$B/$name" "$@" -dict="$dict" -max_len=4096 -timeout=20 -rss_limit_mb=2048 \
        -print_final_stats=1 "$corpus" "$(seeds_of "$name")" > "$log" 2>&1
}

pass=0
fail=0
total=0
names=""
for p in "$B"/fuzz_*; do
    [ -x "$p" ] && case "$p" in *.o|*.d) ;; *) names="$names $(basename "$p")" ;; esac
done
if [ -z "$names" ]; then
    echo "fuzz: no harness in $B/; run 'make fuzz-build' first"
    exit 1
fi
for name in $names; do
    if [ "$mode" = long ]; then run_one "$name" "$B/$name.log" & else run_one "$name" "$tmp/$name.log"; fi
done
wait
for name in $names; do
    log="$tmp/$name.log"
    [ "$mode" = long ] && log="$B/$name.log"
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    if grep -qE '^==[0-9]+==ERROR|^SUMMARY: |runtime error:|invariant broken|^ALARM|deadly signal' "$log" || [ -z "$runs" ]; then
        fail=$((fail + 1))
        echo "FAIL $name: a crash, leak, timeout or undefined behaviour; its log ($log):"
        grep -E 'ERROR|SUMMARY|runtime error|invariant|ALARM|deadly|Test unit written' "$log" | head -n 8 | sed 's/^/    /'
        [ "$mode" = short ] && cp "$tmp"/crash-* "$tmp"/leak-* "$tmp"/timeout-* "$B/" 2>/dev/null
    else
        pass=$((pass + 1))
        total=$((total + runs))
        cov=$(sed -n 's/.*DONE *cov: \([0-9]*\).*/\1/p' "$log" | tail -n 1)
        echo "$name: $runs executions in at most $seconds s, no crash, leak or undefined behaviour (coverage ${cov:-?} edges)"
    fi
done
echo "fuzz executions in all: $total"
[ "$mode" = short ] && label=test_fuzz || label=fuzz
echo "$label: $pass passed, $fail failed"
[ $fail -eq 0 ]
