#!/bin/sh
# test_bench.sh - the general path's floor, bench/bare_default.c (scenarios/default.ini
# as one hand-written loop, the same random numbers), must give exactly servlab's
# events, orders, fill rate, mean order cycle, mean on hand and replenishments per day:
# a cheap guard that changes to models/ or sim/ keep the order of events and the draws
# (make bench checks the same on long runs). Uses the bench programs next to $SERVLAB
# (default build/servlab): BUILD/bench/bench and BUILD/bench/bare_default. Also the
# arithmetic of bench/run.py's MPI speed-up (bench-3) and its verdict on made-up figures
# (bench-4).
cd "$(dirname "$0")/.." || exit 1
B=$(dirname "${SERVLAB:-build/servlab}")
bench=$B/bench/bench
bare=$B/bench/bare_default
pass=0
fail=0
ok() { # NAME CONDITION-STATUS
    if [ "$2" -eq 0 ]; then pass=$((pass + 1)); [ -n "$VERBOSE" ] && echo "ok   $1"
    else fail=$((fail + 1)); echo "FAIL $1"; fi
    return 0
}
if [ ! -x "$bench" ] || [ ! -x "$bare" ]; then
    echo "FAIL bench-0 $bench and $bare are built by 'make build-tests'"
    echo "test_bench: 0 passed, 1 failed"
    exit 1
fi
# columns 3 on: events, orders, fill_rate, mean_on_hand, order_cycle_days_mean, replenishments_per_day
figures() { tail -n 1 | cut -d, -f3-; }
short=0
for days in 40 365; do
    for rep in 0 1 2 3 4; do
        a=$("$bench" time scenarios/default.ini --first $rep --set run.horizon_days=$days | figures)
        b=$("$bare" --first $rep --horizon $days | figures)
        ok "bench-1 default.ini, replication $rep, $days days: the bare loop equals servlab digit for digit ($a)" \
            $([ -n "$a" ] && [ "$a" = "$b" ]; echo $?)
        # a replication with a stockout exercises the backorders the loop mirrors
        [ -n "$a" ] && [ "$(echo "$a" | cut -d, -f3)" != 1 ] && short=$((short + 1))
    done
done
ok "bench-2 some of these replications had a stockout (fill rate below 1: $short of 10)" $([ $short -gt 0 ]; echo $?)
# bench/run.py judges 2 MPI ranks against 1 rank at the CPUs' mean rate: with CPU 1 at
# 0.72 of CPU 0's rate (10 s against 13.89 s), 2 ranks that add both rates (5.81 s) are 2x
mean=$(cd bench && python3 -c 'import run; print("%.3f" % (run.at_mean_rate([10.0, 10.0 / 0.72]) / (10.0 / 1.72)))')
ok "bench-3 the MPI speed-up's 1-rank time is the CPUs' harmonic mean: 2 ranks that add both CPUs' rates are 2x ($mean)" \
    $([ "$mean" = 2.000 ]; echo $?)
# bench/run.py's MPI verdict on made-up figures (no MPI run, nothing timed): met only at
# 1.8x or more with both sweeps' CSVs equal to servlab's; a slower speed-up, a CSV that
# differs on either sweep, a busy machine and no MPI each said so
verdicts=$(cd bench && python3 - <<'PY'
import contextlib, io, run
def judged(speedup=1.95, same=True, short_same=True, others=0.0, mpi=True):
    m = {"speedup": speedup, "same": same, "others": others, "net": 2.1, "reps": 100, "first": 1.9}
    short = {"speedup": 1.7, "same": short_same, "others": 0.0, "net": 1.8, "reps": 20, "first": 1.6}
    text = io.StringIO()
    with contextlib.redirect_stdout(text):
        run.mpi_verdict({"mpi": m if mpi else None, "mpi_short": short})
    line = text.getvalue()
    word = line.split()[0] + (" MET" if line.split()[0] == "NOT" else "")
    return "%s %s %s" % (word, "identical" if "results identical" in line else "DIFFER" if "results DIFFER" in line
                         else "-", "busy" if "other programs used 20%" in line else "quiet")
print(judged(), judged(speedup=1.79), judged(same=False), judged(short_same=False), judged(others=0.2),
      judged(mpi=False), sep=";")
PY
)
ok "bench-4 the MPI verdict: met at 1.95x and identical; not met at 1.79x, or when either sweep's CSV differs; a busy machine named; skipped without MPI ($verdicts)" \
    $([ "$verdicts" = "met identical quiet;NOT MET identical quiet;NOT MET DIFFER quiet;NOT MET DIFFER quiet;met identical busy;skipped - quiet" ]; echo $?)
# bench/run.py's verdicts on threads (20 replications, and the sweep) on made-up figures:
# judged against 1 thread at the CPUs' mean rate, met at the target even where the faster
# CPU alone gives less, not met just below it, a busy machine named
verdicts=$(cd bench && python3 - <<'PY'
import contextlib, io, run
def judged(speedup, others=0.0, sweep=False):
    figures = {"speedup": speedup, "alone": {0: speedup * 1.3, 1: speedup * 0.8}, "others": others, "machine": 1.9}
    text = io.StringIO()
    with contextlib.redirect_stdout(text):
        if sweep:
            run.sweep_threads_verdict({"sweep_threads": figures})
        else:
            run.threads_verdict({"threads": figures})
    line = text.getvalue()
    word = line.split()[0] + (" MET" if line.split()[0] == "NOT" else "")
    return "%s %s" % (word, "busy" if "other programs used 20%" in line else "quiet")
print(judged(1.85), judged(1.79), judged(1.85, others=0.2), judged(1.92, sweep=True), judged(1.89, sweep=True),
      sep=";")
PY
)
ok "bench-5 the threads verdicts: 20 replications met at 1.85x the CPUs' mean rate (1.48x against the faster CPU alone), not met at 1.79x, a busy machine named; the sweep met at 1.92x, not at 1.89x ($verdicts)" \
    $([ "$verdicts" = "met quiet;NOT MET quiet;met busy;met quiet;NOT MET quiet" ]; echo $?)
echo "test_bench: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
