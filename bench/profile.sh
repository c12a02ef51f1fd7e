#!/bin/sh
# profile.sh - `make bench-profile`: one replication of each benchmark model under
# valgrind's callgrind (instruction counts: deterministic, unlike timers) and the top
# functions by instructions executed, self cost, as recorded in bench/README.md.
cd "$(dirname "$0")/.." || exit 1
bench=${BUILD:-build}/bench/bench
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for model in inventory mm1; do
    valgrind --tool=callgrind --callgrind-out-file="$out/$model.out" "$bench" time "bench/$model.ini" \
        > /dev/null 2> "$out/$model.log" || { cat "$out/$model.log" >&2; exit 1; }
    echo "== bench/$model.ini: one replication, instructions by function (self)"
    callgrind_annotate "$out/$model.out" 2> /dev/null | awk '/PROGRAM TOTALS/ {print "  " $0} /^ *[0-9,]+ \(/ && !/PROGRAM TOTALS/ {if (n++ < 14) print "  " $0}' \
        | sed -e "s| \[[^]]*\]$||" -e "s|$(pwd)/||"
done
