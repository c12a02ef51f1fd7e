#!/bin/sh
# profile.sh - `make bench-profile`: one replication of each benchmark model under
# valgrind's callgrind (instruction counts: deterministic, unlike timers) and the top
# functions by instructions executed, self cost, as recorded in bench/README.md. The
# general path is scenarios/default.ini over 3,650 days (about 146,000 orders), profiled
# in servlab and in its hand-written floor, bench/bare_default.c.
cd "$(dirname "$0")/.." || exit 1
build=${BUILD:-build}
bench=$build/bench/bench
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
profile() { # NAME TITLE COMMAND...
    name=$1 title=$2
    shift 2
    valgrind --tool=callgrind --callgrind-out-file="$out/$name.out" "$@" > /dev/null 2> "$out/$name.log" ||
        { cat "$out/$name.log" >&2; exit 1; }
    echo "== $title: one replication, instructions by function (self)"
    callgrind_annotate "$out/$name.out" 2> /dev/null | awk '/PROGRAM TOTALS/ {print "  " $0} /^ *[0-9,]+ \( *[0-9.]+%\)  [^ ]+:[^ ]/ && !/PROGRAM TOTALS/ {if (n++ < 14) print "  " $0}' \
        | sed -e "s| \[[^]]*\]$||" -e "s|$(pwd)/||"
}
for model in inventory mm1; do
    profile "$model" "bench/$model.ini" "$bench" time "bench/$model.ini"
done
profile default "scenarios/default.ini, 3,650 days (servlab)" "$bench" time scenarios/default.ini --set run.horizon_days=3650
profile bare_default "scenarios/default.ini, 3,650 days (the bare loop, bench/bare_default.c)" \
    "$build/bench/bare_default" --horizon 3650
