#!/bin/sh
# test_cli.sh - servlab as a user runs it: exit statuses, messages, the CSV format,
# determinism across thread counts, the golden output of the default scenario, the
# check round trip, output files, and interruption. Uses $SERVLAB (default ./servlab).
cd "$(dirname "$0")/.." || exit 1
S=${SERVLAB:-./servlab}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
ok() { # NAME CONDITION-STATUS
    if [ "$2" -eq 0 ]; then pass=$((pass + 1)); [ -n "$VERBOSE" ] && echo "ok   $1"
    else fail=$((fail + 1)); echo "FAIL $1"; fi
    return 0
}
# run CMD...: stdout to $T/out, stderr to $T/err, status in $rc
run() { "$@" > "$T/out" 2> "$T/err"; rc=$?; }

# ---- help, version, bad command lines ----
run "$S" --version
ok "cli-1.1 --version exits 0 and names servlab" $([ $rc -eq 0 ] && grep -q '^servlab [0-9]' "$T/out"; echo $?)
run "$S" --help
ok "cli-1.2 --help exits 0 and lists run, check, keys" $([ $rc -eq 0 ] && grep -q 'run FILE.ini' "$T/out" && grep -q 'keys' "$T/out"; echo $?)
run "$S"
ok "cli-1.3 no command: usage on stderr, exit 2" $([ $rc -eq 2 ] && grep -q usage "$T/err"; echo $?)
run "$S" rnu scenarios/default.ini
ok "cli-1.4 misspelt command suggests run, exit 2" $([ $rc -eq 2 ] && grep -q "did you mean 'run'" "$T/err"; echo $?)
run "$S" run scenarios/default.ini --rep 3
ok "cli-1.5 misspelt option suggests --reps, exit 2" $([ $rc -eq 2 ] && grep -q "did you mean '--reps'" "$T/err"; echo $?)
run "$S" run scenarios/default.ini --reps 0
ok "cli-1.6 --reps 0 is refused naming --reps, exit 2" $([ $rc -eq 2 ] && grep -q '^--reps 0: \[run\] replications: must be >= 1, got 0' "$T/err"; echo $?)
run "$S" run scenarios/default.ini --format xml
ok "cli-1.7 unknown --format, exit 2" $([ $rc -eq 2 ]; echo $?)
run "$S" keys --reps 3
ok "cli-1.8 an option that does not apply is refused, exit 2" $([ $rc -eq 2 ] && grep -q 'does not apply' "$T/err"; echo $?)
run "$S" run
ok "cli-1.9 run without a file, exit 2" $([ $rc -eq 2 ]; echo $?)

# ---- the report ----
run "$S" run scenarios/default.ini
ok "cli-2.1 run default.ini exits 0" $([ $rc -eq 0 ]; echo $?)
ok "cli-2.2 the report prints seed and generator" $(grep -q 'seed 1, generator mt19937' "$T/out"; echo $?)
for section in Service 'Order cycle' Inventory Demand 'Cost and profit'; do
    ok "cli-2.3 the report has a '$section' section" $(grep -q "^$section" "$T/out"; echo $?)
done
ok "cli-2.4 the report shows no nan or inf" $(! grep -qiE '\bnan\b|\binf\b' "$T/out"; echo $?)

# ---- CSV ----
run "$S" run scenarios/default.ini --format csv
cp "$T/out" "$T/default.csv"
ok "cli-3.1 CSV header is metric,mean,ci95,sd,n" $([ "$(head -n 1 "$T/default.csv")" = "metric,mean,ci95,sd,n" ]; echo $?)
ok "cli-3.2 every CSV row has 5 fields" $(awk -F, 'NF != 5 {bad = 1} END {exit bad}' "$T/default.csv"; echo $?)
ok "cli-3.3 CSV has no nan or inf" $(! grep -qiE 'nan|inf' "$T/default.csv"; echo $?)
for m in fill_rate order_fill_rate stockout_rate cycle_service_level lost_sales_rate time_out_of_stock \
         mean_on_hand mean_backorders mean_on_order replenishments_per_day orders_per_day units_per_day \
         order_cycle_days_mean order_cycle_days_p50 order_cycle_days_p95 order_cycle_days_p99 on_time_rate \
         perfect_order_rate cost_holding_per_day cost_ordering_per_day cost_shortage_per_day cost_total_per_day \
         revenue_per_day profit_per_day; do
    ok "cli-3.4 CSV has SPEC metric $m" $(grep -q "^$m," "$T/default.csv"; echo $?)
done
run "$S" run tests/validation/q4_delays.ini --format csv --reps 1
ok "cli-3.5 a CI from one replication is an empty field, not nan" $(grep -q '^order_cycle_days_mean,2,,,1$' "$T/out"; echo $?)
LC_ALL=de_DE.UTF-8 LC_NUMERIC=de_DE.UTF-8 "$S" run scenarios/default.ini --format csv > "$T/locale.csv" 2>/dev/null
ok "cli-3.6 numbers use a dot whatever the locale" $(cmp -s "$T/default.csv" "$T/locale.csv"; echo $?)

# ---- determinism and golden output ----
"$S" run scenarios/default.ini --format csv --threads 1 > "$T/t1.csv"
"$S" run scenarios/default.ini --format csv --threads 2 > "$T/t2.csv"
"$S" run scenarios/default.ini --format csv --threads 7 > "$T/t7.csv"
ok "cli-4.1 byte-identical CSV for 1, 2 and 7 threads" $(cmp -s "$T/t1.csv" "$T/t2.csv" && cmp -s "$T/t1.csv" "$T/t7.csv"; echo $?)
ok "cli-4.2 byte-identical CSV run after run" $(cmp -s "$T/t1.csv" "$T/default.csv"; echo $?)
ok "cli-4.3 default.ini matches the golden output tests/golden/default.csv" $(cmp -s "$T/default.csv" tests/golden/default.csv; echo $?)
"$S" run scenarios/default.ini --format csv --seed 2 > "$T/seed2.csv"
ok "cli-4.4 another seed gives other results" $(! cmp -s "$T/seed2.csv" "$T/default.csv"; echo $?)

# ---- check: the resolved scenario runs again to the same results ----
run "$S" check scenarios/default.ini
cp "$T/out" "$T/resolved.ini"
ok "cli-5.1 check exits 0" $([ $rc -eq 0 ]; echo $?)
ok "cli-5.2 check fills in defaults (seed; initial_on_hand shown as a derived comment)" $(grep -q '^seed = 1 ' "$T/resolved.ini" && grep -q '^; initial_on_hand = 1700 .*default: reorder_point + order_quantity' "$T/resolved.ini"; echo $?)
"$S" run "$T/resolved.ini" --format csv > "$T/resolved.csv"
ok "cli-5.3 the resolved scenario gives byte-identical results" $(cmp -s "$T/resolved.csv" "$T/default.csv"; echo $?)
# the assignments are a fixed point (the comments name where values came from, so they differ)
"$S" check "$T/resolved.ini" | sed 's/ *;.*//' > "$T/again.ini"
sed 's/ *;.*//' "$T/resolved.ini" > "$T/once.ini"
ok "cli-5.4 checking the resolved file again gives the same assignments" $(cmp -s "$T/once.ini" "$T/again.ini" && [ "$(grep -c ' = ' "$T/once.ini")" -ge 25 ]; echo $?)
run "$S" check scenarios/default.ini --set inventory.reorder_point=650
ok "cli-5.5 check shows a --set value and says so" $(grep -q '^reorder_point = 650 .*--set' "$T/out"; echo $?)

# ---- bad scenarios: one line naming file, line, section and key; exit 2 ----
printf '[demand]\norders_per_day = 5\n[inventory]\npolicy = sQ\nreorder_piont = 10\norder_quantity = 20\n' > "$T/typo.ini"
run "$S" run "$T/typo.ini"
ok "cli-6.1 misspelt key: exit 2, file:line: [section] key: did you mean" $([ $rc -eq 2 ] && grep -q "^$T/typo.ini:5: \[inventory\] reorder_piont: unknown key; did you mean 'reorder_point'?" "$T/err"; echo $?)
ok "cli-6.2 nothing was simulated (stdout empty)" $([ ! -s "$T/out" ]; echo $?)
printf '[demand]\norders_per_day = 5\n[inventory]\npolicy = base_stock\norder_up_to = 10\nlead_time_days = -2\n' > "$T/neg.ini"
run "$S" run "$T/neg.ini"
ok "cli-6.3 negative lead time: exit 2 with file:line: [inventory] lead_time_days" $([ $rc -eq 2 ] && grep -q "^$T/neg.ini:6: \[inventory\] lead_time_days: must be >= 0, got -2" "$T/err"; echo $?)
printf '[demand]\norders_per_day = 5\nunits_per_order = normal(3\n' > "$T/dist.ini"
run "$S" run "$T/dist.ini"
ok "cli-6.4 malformed distribution: exit 2 with file:line: [demand] units_per_order" $([ $rc -eq 2 ] && grep -q "^$T/dist.ini:3: \[demand\] units_per_order: normal(mean, sd): missing ')'" "$T/err"; echo $?)
ok "cli-6.5 each problem is one line" $([ "$(wc -l < "$T/err")" -eq 1 ]; echo $?)
run "$S" run "$T/missing.ini"
ok "cli-6.6 missing file: exit 2, says so" $([ $rc -eq 2 ] && grep -q 'missing.ini: cannot open: No such file' "$T/err"; echo $?)
run "$S" run "$T"
ok "cli-6.7 a directory: exit 2, says so" $([ $rc -eq 2 ] && grep -q 'is a directory' "$T/err"; echo $?)
run "$S" run scenarios/default.ini --set inventory.reorder_piont=5
ok "cli-6.8 bad --set: exit 2, names the --set" $([ $rc -eq 2 ] && grep -q "^--set inventory.reorder_piont=5: \[inventory\] reorder_piont: unknown key; did you mean 'reorder_point'?" "$T/err"; echo $?)

# ---- keys ----
run "$S" keys
ok "cli-7.1 keys exits 0 and documents reorder_point with its unit" $([ $rc -eq 0 ] && grep -q 'reorder_point .*number, units' "$T/out"; echo $?)
run "$S" keys inventory
ok "cli-7.2 keys SECTION shows that section only" $([ $rc -eq 0 ] && grep -q '^\[inventory\]' "$T/out" && ! grep -q '^\[demand\]' "$T/out"; echo $?)
run "$S" keys invetory
ok "cli-7.3 keys with a misspelt section: exit 2, did you mean" $([ $rc -eq 2 ] && grep -q "did you mean 'inventory'" "$T/err"; echo $?)

# ---- output files ----
run "$S" run scenarios/default.ini --out "$T/outdir/nested" --quiet
ok "cli-8.1 --out creates the directory and writes run.csv and summary.txt" $([ $rc -eq 0 ] && [ -f "$T/outdir/nested/run.csv" ] && [ -f "$T/outdir/nested/summary.txt" ]; echo $?)
ok "cli-8.2 run.csv equals the CSV on stdout" $(cmp -s "$T/outdir/nested/run.csv" "$T/default.csv"; echo $?)
ok "cli-8.3 summary.txt records seed and generator" $(grep -q '^seed: 1$' "$T/outdir/nested/summary.txt" && grep -q '^generator: mt19937$' "$T/outdir/nested/summary.txt"; echo $?)
ok "cli-8.4 no temporary files are left behind" $([ "$(ls -A "$T/outdir/nested" | wc -l)" -eq 2 ]; echo $?)
touch "$T/afile"
run "$S" run scenarios/default.ini --out "$T/afile/sub"
ok "cli-8.5 an output directory that cannot be made: exit 2 before simulating" $([ $rc -eq 2 ] && [ ! -s "$T/out" ]; echo $?)
if [ -w /dev/full ]; then
    "$S" run scenarios/default.ini > /dev/full 2> "$T/err"; rc=$?
    ok "cli-8.6 a failed write to stdout is an error, exit 1" $([ $rc -eq 1 ] && grep -q 'cannot write' "$T/err"; echo $?)
fi

# ---- interruption ----
"$S" run scenarios/default.ini --set run.horizon_days=2000000 --threads 1 --out "$T/int" > "$T/out" 2> "$T/err" &
pid=$!
sleep 0.5
kill -INT $pid
wait $pid; rc=$?
ok "cli-9.1 Ctrl-C stops a long run promptly with exit 1 and says so" $([ $rc -eq 1 ] && grep -q 'interrupted after' "$T/err"; echo $?)
ok "cli-9.2 an interrupted run writes no output file" $([ ! -e "$T/int/run.csv" ] && [ "$(ls -A "$T/int" 2>/dev/null | wc -l)" -eq 0 ]; echo $?)

echo "test_cli: $pass passed, $fail failed"
[ $fail -eq 0 ]
