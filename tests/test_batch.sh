#!/bin/sh
# test_batch.sh - `servlab batch` on the planner example (scenarios/planner): it runs
# (make bench times it); every row's results equal `servlab run` (and, with --sweep, `servlab
# sweep`) of the base file with the row's cells given as --set, byte for byte; they do
# not depend on --threads; and bad tables are refused like bad scenarios: status 2,
# nothing on stdout, one clear first line naming TABLE:ROW:COL. Uses $SERVLAB.
cd "$(dirname "$0")/.." || exit 1
. tests/check.sh
B=scenarios/planner/base.ini
I=scenarios/planner/items.csv
# FILE's lines with each wrapped warning's continuations ("  " on) joined to its first
# line: after a blank, or none beside a Chinese character (lang_print_wrapped)
unwrapped() {
    perl -CSD -0pe 's/(.)\n  (?=(.))/my ($p, $n) = ($1, $2); $p . ($p =~ m{[^\x00-\x7f]} || $n =~ m{[^\x00-\x7f]} ? "" : " ")/ge' "$1"
}

start=$(date +%s.%N)
"$S" batch "$B" "$I" --sweep --format csv --quiet > "$T/batch.csv" 2> "$T/err"
rc=$?
secs=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
ok "batch-1.1 the 50-item example runs with --sweep (status $rc)" $rc "$(head -n 3 "$T/err")"
ok "batch-1.2 ... one result row per item: $(($(wc -l < "$T/batch.csv") - 1)) rows" \
    $([ "$(wc -l < "$T/batch.csv")" -eq 51 ]; echo $?)
unwrapped "$T/err" > "$T/err_joined" # each warning is wrapped at 100 columns
ok "batch-1.2b ... the structure bootstrap loses is said once a kind, naming its rows (what run says of each row)" \
    $([ "$(grep -c '^servlab: warning: ' "$T/err")" -eq 2 ] && [ "$(LC_ALL=C.UTF-8 wc -L < "$T/err")" -le 100 ] &&
        grep -q "^servlab: warning: $I, 22 rows (bolt_01, hinge_01, glue_01, tape_01, bolt_02 and 17 more): bootstrap loses the history's weekly pattern; replay and weekday_bootstrap keep it$" "$T/err_joined" &&
        grep -q "^servlab: warning: $I, 10 rows (paint_01, .*): bootstrap loses the autocorrelation of the history's days" "$T/err_joined" &&
        "$S" run "$B" --reps 2 --quiet 2> /dev/null | grep -q "Warning: bootstrap loses the weekly pattern"
    echo $?) "$(cat "$T/err")"
# how long it took is printed, not checked: a test of speed fails on a slow or busy
# machine and in the sanitizer build; make bench times the same command against its
# target (bench/run.py, "50-item planner batch --sweep")
echo "batch timing: $secs s for the 50-item example with --sweep (50 rows x (1 + 21 points) x 10 replications)"

# column N (1-based) of CSV line L of FILE; the example's fields hold no commas
field() { sed -n "${2}p" "$1" | cut -d, -f"$3"; }

# the row's cells as --set options (a history path is relative to the table's directory)
sets() {
    line=$(sed -n "${1}p" "$I")
    head=$(sed -n 1p "$I")
    n=$(echo "$head" | tr ',' '\n' | wc -l)
    out=""
    k=2
    while [ $k -le "$n" ]; do
        key=$(echo "$head" | cut -d, -f$k)
        val=$(echo "$line" | cut -d, -f$k)
        [ "$key" = demand.history ] && val="scenarios/planner/$val"
        out="$out --set $key=$val"
        k=$((k + 1))
    done
    echo "$out"
}

for row in 2 18 34 51; do # table lines: rows 1, 17, 33 and 50
    id=$(field "$I" $row 1)
    # shellcheck disable=SC2046 # the --set options are words
    "$S" run "$B" $(sets $row) --format csv --quiet > "$T/run.csv"
    metric() { grep "^$1," "$T/run.csv" | cut -d, -f"$2"; }
    want="$(metric fill_rate 2),$(metric fill_rate 3),$(metric cost_total_per_day 2),$(metric profit_per_day 2),$(metric profit_per_day 3)"
    got=$(sed -n "${row}p" "$T/batch.csv" | cut -d, -f8-12)
    ok "batch-2.$row row $id equals servlab run --set ...: $got" $([ "$got" = "$want" ]; echo $?) "want $want"
    # shellcheck disable=SC2046
    "$S" sweep "$B" $(sets $row) --format csv --quiet > "$T/sweep.csv"
    hdr=$(head -n 1 "$T/sweep.csv")
    col() { echo "$hdr" | tr ',' '\n' | grep -n -x "$1" | cut -d: -f1; }
    best=$(grep ',1$' "$T/sweep.csv")
    want="$(echo "$best" | cut -d, -f1),$(echo "$best" | cut -d, -f"$(col fill_rate)"),$(echo "$best" | cut -d, -f"$(col profit_per_day)"),$(echo "$best" | cut -d, -f"$(col profit_per_day_ci95)")"
    got=$(sed -n "${row}p" "$T/batch.csv" | cut -d, -f13-16)
    ok "batch-3.$row row $id's optimum equals servlab sweep --set ...: $got" $([ "$got" = "$want" ]; echo $?) "want $want"
done

"$S" batch "$B" "$I" --sweep --format csv --quiet --threads 1 > "$T/batch1.csv" 2> /dev/null
ok "batch-4.1 results do not depend on --threads" $(cmp -s "$T/batch.csv" "$T/batch1.csv"; echo $?)
"$S" batch "$B" "$I" --quiet > "$T/table.txt" 2>&1
ok "batch-4.2 the table ends with the total profit" $(tail -n 1 "$T/table.txt" | grep -q '^Total profit per day over the 50 rows'; echo $?)
ok "batch-4.2b ... every line of it and of the warnings fits 100 columns" \
    $([ "$(LC_ALL=C.UTF-8 wc -L < "$T/table.txt")" -le 100 ]; echo $?) "$(LC_ALL=C.UTF-8 wc -L < "$T/table.txt")"
"$S" batch "$B" "$I" --quiet --sweep --out "$T/out" > "$T/sweep_table.txt" 2>&1
# the table with --sweep: each column as wide as its content, under a head of two lines
# (each half's title, then the columns' names); the totals on lines of their own
ok "batch-4.2c --sweep: every line fits 100 columns (the table was 122), under a head of two lines" \
    $([ "$(LC_ALL=C.UTF-8 wc -L < "$T/sweep_table.txt")" -le 100 ] &&
        grep -A1 '^ *as written  *| at the best safety_factor$' "$T/sweep_table.txt" |
        grep -q '^id  *fill_rate  profit/day  ± 95%  | safety_factor   fill_rate  profit/day  gain/day  ± 95%$' &&
        grep -q '^drill_01  *97.72%  *121.14  *6.38  |  *3.25  *99.81%  *123.24  *2.10  *1.62$' "$T/sweep_table.txt" &&
        grep -A2 '^Total profit per day over the 50 rows: [0-9.]* at the current settings,$' "$T/sweep_table.txt" |
        grep -q '^(+[0-9.]* ± [0-9.]* a day, +[0-9.]*%; 8 of 50 rows gain materially)\.$'; echo $?) \
    "$(LC_ALL=C.UTF-8 wc -L < "$T/sweep_table.txt"); $(sed -n '/as written/,/^drill_01/p;/^Total/,$p' "$T/sweep_table.txt")"
# in Chinese, on fewer replications and grid points (the layout, not the figures)
for sweep in "" --sweep; do
    # shellcheck disable=SC2086 # $sweep is empty or one word
    "$S" batch --lang zh scenarios/zh/planner/base.ini "$I" --quiet --reps 2 --set sweep.steps=4 $sweep > "$T/zh_table.txt" 2>&1
    ok "batch-4.2d zh ${sweep:-without --sweep}: every line fits 100 columns" \
        $([ "$(LC_ALL=C.UTF-8 wc -L < "$T/zh_table.txt")" -le 100 ] &&
            { [ -z "$sweep" ] || grep -q '^ *原设置  *| 采用最优 safety_factor 时$' "$T/zh_table.txt"; }; echo $?) \
        "$(LC_ALL=C.UTF-8 wc -L < "$T/zh_table.txt"); $(head -n 14 "$T/zh_table.txt")"
done
# the chart is in the run's language, however it was chosen (README: --lang, else LANGUAGE,
# else the locale): the same chart as --lang gives, with the run's messages in that language
plot_in() { # NAME LANG|- ENV... : the batch chart and what is said into $T/NAME.png and $T/NAME.txt
    name=$1 lang=$2
    shift 2
    # shellcheck disable=SC2046 # --lang and its word, or nothing
    env -u LC_ALL -u LC_MESSAGES -u LANGUAGE "$@" "$S" batch "$B" "$I" --quiet --reps 2 --set sweep.steps=3 --sweep \
        $([ "$lang" = - ] || echo --lang "$lang") --plot "$T/$name.png" > "$T/$name.txt" 2>&1
}
plot_in lang_zh zh LANG=C.UTF-8
plot_in env_zh - LANGUAGE=zh_CN LANG=C.UTF-8
plot_in lang_en en LANG=zh_CN.UTF-8
plot_in env_en - LANG=C.UTF-8
ok "batch-4.2e the chart is in the run's language: LANGUAGE=zh_CN draws --lang zh's, LANG=zh_CN.UTF-8 with --lang en draws English" \
    $(cmp -s "$T/lang_zh.png" "$T/env_zh.png" && cmp -s "$T/lang_en.png" "$T/env_en.png" &&
        ! cmp -s "$T/lang_zh.png" "$T/lang_en.png" && grep -q '^servlab [0-9.]* batch — .*的每一行是一个方案$' "$T/env_zh.txt" &&
        grep -q '^servlab [0-9.]* batch — .*one variant per row' "$T/lang_en.txt"; echo $?) \
    "$(head -n 1 "$T/env_zh.txt" "$T/lang_en.txt")"
ok "batch-4.3 --out writes batch.csv, summary.txt and the chart" \
    $([ -s "$T/out/batch.csv" ] && [ -s "$T/out/summary.txt" ] && [ -s "$T/out/batch_service.png" ]; echo $?)
# batch.csv begins with a UTF-8 byte-order mark, which Chinese Excel needs to read its ids
# and paths as UTF-8, not GBK; standard output, which scripts read, has none
ok "batch-4.4 ... batch.csv is what --format csv prints, after a UTF-8 byte-order mark" \
    $([ "$(head -c 3 "$T/out/batch.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] &&
      tail -c +4 "$T/out/batch.csv" | cmp -s - "$T/batch.csv" && [ "$(head -c 3 "$T/batch.csv")" = "id," ]; echo $?) \
    "$(head -c 8 "$T/out/batch.csv" | od -c | head -n 1)"
# ... which every reader still reads: Python's csv with utf-8-sig, and servlab itself
# (its id and key columns, given back as a table, run the same rows)
ok "batch-4.4c ... Python's csv (encoding utf-8-sig) reads its first column as id" \
    $(python3 -c 'import csv, sys; h = next(csv.reader(open(sys.argv[1], encoding="utf-8-sig"))); sys.exit(h[:2] != ["id", "demand.history"])' \
        "$T/out/batch.csv"; echo $?)
cut -d, -f1-7 "$T/out/batch.csv" | sed "s|,history/|,$PWD/scenarios/planner/history/|" > "$T/again.csv"
"$S" batch "$B" "$T/again.csv" --sweep --format csv --quiet > "$T/again_out.csv" 2> "$T/err"
rc=$?
cut -d, -f1,3- "$T/batch.csv" > "$T/want_again.csv" # the history column aside: its paths are spelt otherwise
ok "batch-4.4d ... and batch reads its id and key columns back as a table: the same results (status $rc)" \
    $([ $rc -eq 0 ] && cut -d, -f1,3- "$T/again_out.csv" | cmp -s - "$T/want_again.csv"; echo $?) "$(head -n 3 "$T/err")"
ok "batch-4.4b ... summary.txt's two file: lines are the base and the table, from the summary's folder" \
    $([ "$(grep -c '^file: ' "$T/out/summary.txt")" -eq 2 ] &&
      cmp -s "$T/out/$(sed -n 's/^file: //p' "$T/out/summary.txt" | sed -n 1p)" "$B" &&
      cmp -s "$T/out/$(sed -n 's/^file: //p' "$T/out/summary.txt" | sed -n 2p)" "$I"; echo $?) "$(head -12 "$T/out/summary.txt")"
# a history's warnings, said once a kind for the rows they hold for: once on the terminal
# and once on the page (its Warnings), never again by the rows' loads or the page's text
"$S" batch "$B" "$I" --quiet --out "$T/hw" > /dev/null 2> "$T/hw.err"
ok "batch-4.4e each history warning once on the terminal and once in report.html" \
    $([ "$(grep -c "bootstrap loses the history's weekly pattern" "$T/hw.err")" -eq 1 ] &&
      [ "$(grep -c "bootstrap loses the autocorrelation" "$T/hw.err")" -eq 1 ] &&
      [ "$(grep -o "bootstrap loses the history&#39;s weekly pattern" "$T/hw/report.html" | wc -l)" -eq 1 ] &&
      [ "$(grep -o "bootstrap loses the autocorrelation" "$T/hw/report.html" | wc -l)" -eq 1 ] &&
      [ "$(grep -c '^warning: ' "$T/hw/summary.txt")" -eq 2 ]; echo $?) "$(cat "$T/hw.err")"
# a table refused into a folder of another command's outputs: it writes nothing, so it
# says nothing of the folder, only what is wrong with the table
"$S" run "$B" --reps 2 --quiet --out "$T/ran" > /dev/null 2>&1
printf 'id,revenue.price_per_unit\na,3x\n' > "$T/t.csv"
"$S" batch "$B" "$T/t.csv" --quiet --out "$T/ran" > "$T/out.txt" 2> "$T/err.txt"
rc=$?
ok "batch-4.8 a refused table (status $rc) into a run's folder gives no warning about the folder" \
    $([ $rc -eq 2 ] && ! grep -q 'holds the outputs' "$T/err.txt" && grep -q "$T/t.csv:2:2:" "$T/err.txt"; echo $?) \
    "$(cat "$T/err.txt")"
# the same base and table spelt another way: the same command, no warning
"$S" batch "$B" "$I" --quiet --out "$T/again" > /dev/null 2> "$T/err.txt"
"$S" batch "./$B" "./$I" --quiet --out "$T/again" > /dev/null 2> "$T/err2.txt"
ok "batch-4.9 the same batch with ./ before its paths: no warning about its own folder (its history warnings only)" \
    $(! grep -q 'holds the outputs' "$T/err2.txt" && sed 's|\./||g' "$T/err2.txt" | cmp -s - "$T/err.txt"; echo $?) \
    "$(cat "$T/err2.txt")"

# a gain the same in every replication (drill_01's sales on bolt_01's stock: the stock never
# runs out, a lower safety stock saves the same holding cost in each) has no interval and is
# not significant; a gain under a cent a day is printed with the digits its interval needs
P="$PWD/scenarios/planner"
printf 'id,demand.history,inventory.order_quantity,inventory.lead_time_days,costs.order_per_unit,costs.holding_per_unit_day,revenue.price_per_unit\nsame,%s/history/drill_01.csv,2188,14,0.81,0.00055,1.79\n%s\n' \
    "$P" "$(grep '^bolt_02,' "$I" | sed "s|history/|$P/history/|")" > "$T/gains.csv"
"$S" batch "$B" "$T/gains.csv" --quiet --sweep --out "$T/gains" > "$T/gains.txt" 2> /dev/null
ok "batch-4.10 a gain the same in every replication is not counted as significant, and says why" \
    $(grep -q '^rows_gaining_significantly: 1$' "$T/gains/summary.txt" &&
        sed -e ':a' -e 'N' -e '$!ba' -e 's/\n    / /g' "$T/gains.txt" | # its line wrapped at 100 columns
        grep -q '^  same .* at safety_factor = -1: the same in every replication: no interval, not counted as significant$' &&
        grep -q '^1 row gains the same in every replication: nothing random told its two settings apart$' "$T/gains.txt"
    echo $?) "$(cat "$T/gains.txt")"
# bolt_02's gain, 0.0019 ± 0.0017 a day on a profit of 3.78, is significant (common random
# numbers) but no material gain: under 0.5% of the row's profit and under a cent. It is
# said so, at money's precision, in the table, the list, the page and the total
ok "batch-4.10b ... a significant gain under a cent a day: +0.00 ± 0.00, no material gain: keep the current setting" \
    $(grep -q '^bolt_02 .*  3\.78  *0\.00  *0\.00$' "$T/gains.txt" &&
        grep -q '^  bolt_02  *+0\.00 ± 0\.00 at safety_factor = 0: no material gain: keep the current setting$' "$T/gains.txt" &&
        grep -q '<td class="num">0.00</td><td class="ci">0.00</td><td>no material gain: keep the current setting</td>' "$T/gains/report.html" &&
        grep -q '^rows_gaining_materially: 0$' "$T/gains/summary.txt" && grep -q '^material_gain_share: 0.005$' "$T/gains/summary.txt" &&
        grep -q '^1 row gains significantly but not materially: keep its current setting\.$' "$T/gains.txt" &&
        awk -F, 'NR > 1 && $1 == "bolt_02" { g = $(NF - 3); exit !(g > 0.001 && g < 0.005 && length(g) > 8 && $NF == 0) }' "$T/gains/batch.csv" # unrounded
    echo $?) "$(cat "$T/gains.txt")"

ok "batch-4.10c ... and the total gain at money's precision, 0 of 2 rows gaining materially" \
    $(grep -q '^(+0\.01 ± 0\.00 a day, +0\.2%; 0 of 2 rows gain materially)\.$' "$T/gains.txt"; echo $?) \
    "$(grep -A1 '^Total profit' "$T/gains.txt")"

# a long file of two items: A's rows daily, B's weekly. Each item is judged by its own
# rows: A runs as days, B is refused naming it and the column that sets its period alone
awk 'BEGIN { print "date,sku,qty"; for (i = 0; i < 60; i++) { day = 5 + i; m = 1
    if (day > 31) { day -= 31; m = 2 } if (m == 2 && day > 28) { day -= 28; m = 3 }
    d = sprintf("2026-%02d-%02d", m, day); print d ",A," 5 + i % 3; if (i % 7 == 0) print d ",B," 30 + i % 5 } }' > "$T/long.csv"
printf '[demand]\nhistory = long.csv\nhistory_kind = daily\nhistory_date_column = date\nhistory_quantity_column = qty\nhistory_item_column = sku\nhistory_item = A\n[run]\nreplications = 2\n' > "$T/long.ini"
printf 'id,demand.history_item\nA,A\nB,B\n' > "$T/long_items.csv"
"$S" batch "$T/long.ini" "$T/long_items.csv" --quiet > /dev/null 2> "$T/long.err"
rc=$?
ok "batch-4.11 a long file's weekly item is refused by itself, named, with the column to set (status $rc)" \
    $([ $rc -eq 2 ] && [ "$(grep -vc "^  " "$T/long.err")" -eq 1 ] &&
        unwrapped "$T/long.err" | grep -q "^$T/long_items.csv:3 (row B): $T/long.csv:3:1: column 'date': item 'B': every one of its 9 rows is 7 days after the one before, as weekly totals are (each item is judged by its own rows); if they are the item's weekly totals, set history_period = week for it (in a batch table: a column demand.history_period, week in its row, day in the others)"
    echo $?) "$(cat "$T/long.err")"
printf 'id,demand.history_item,demand.history_period\nA,A,day\nB,B,week\n' > "$T/long_items.csv"
"$S" batch "$T/long.ini" "$T/long_items.csv" --quiet > /dev/null 2> "$T/long.err"
ok "batch-4.11b ... and runs as the message says: week in B's row, day in A's (status $?)" $? "$(cat "$T/long.err")"

# ---- the chart's axes and classes (the page's SVG texts: the margin ticks, then the service ticks) ----
ticks=$(grep -o '<tspan[^>]*>[0-9.]*</tspan>' "$T/out/report.html" | sed 's/<[^>]*>//g' | tr '\n' ' ')
ok "batch-4.5 the service axis stops at 100 (no point lies above it): $ticks" \
    $(echo "$ticks" | awk '{ for (i = 1; i <= NF; i++) if ($i > 100) exit 1 }'; echo $?)
ok "batch-4.6 the classes are the fixed CV bands 0.5 and 1, not the table's thirds" \
    $(grep -q 'daily CV 0.5 to 1.0' "$T/out/report.html" && grep -q 'below 0.5)' "$T/out/report.html"; echo $?)
# the chart gives a +N only to a material gain, with 2 decimals, as the table: bolt_02's
# significant gain of 0.0019 is no material gain, and has no gain beside its id; the
# planner's 50 items: the 8 material gains labelled, each +N.NN, hose_04 (+0.23 ± 0.23
# on a profit of 70.32: significant, but 0.3%) not
gains=$(grep -o '<tspan[^>]*>[^<]* [+-][0-9.]*</tspan>' "$T/out/report.html" | sed 's/<[^>]*>//g')
ok "batch-4.6b the chart labels the 8 material gains, +N with 2 decimals, not hose_04's immaterial one: $(echo $gains)" \
    $([ "$(echo "$gains" | grep -c ' +[0-9]*\.[0-9][0-9]$')" -eq 8 ] && ! echo "$gains" | grep -q hose_04 &&
        grep -q 'labelled (diamonds): the 8 items with the largest material gains (+N a day)' "$T/out/report.html" &&
        ! grep -o '<tspan[^>]*>[^<]*</tspan>' "$T/gains/report.html" | grep -q 'bolt_02 [+-]' &&
        grep -q 'every item labelled; none gains materially' "$T/gains/report.html"
    echo $?) "$gains"

# every row's price at a 30 % margin (to 4 decimals: margins 29.99 to 30.01 %): the margin
# axis spans at least 10 points, so that equal margins look equal, not spread over the axis
awk -F, -v OFS=, -v d="$PWD/scenarios/planner/" 'NR == 1 { print; next } { $2 = d $2; $7 = sprintf("%.4f", $5 / 0.7); print }' \
    "$I" > "$T/equal.csv"
"$S" batch "$B" "$T/equal.csv" --quiet --sweep --reps 2 --out "$T/equal" > /dev/null 2>&1
ticks=$(grep -o '<tspan[^>]*>[0-9.]*</tspan>' "$T/equal/report.html" | sed 's/<[^>]*>//g' | tr '\n' ' ')
ok "batch-4.7 equal margins: the margin axis spans 10 points around 30 %, not 29.99 to 30.01: $ticks" \
    $(echo "$ticks" | awk '{ exit !($1 <= 26 && $1 >= 24 && $0 ~ / 34 /) }'; echo $?)

# ---- bad tables: status 2, empty stdout, the first stderr message exactly (its wrapped lines joined) ----
bad() { # NAME TABLE-TEXT WANT [ARGS]: FILE in WANT is the table's path
    name=$1 text=$2 want=$3
    shift 3
    printf "$text" > "$T/t.csv"
    "$S" batch "$B" "$T/t.csv" "$@" > "$T/out.txt" 2> "$T/err.txt"
    rc=$?
    got=$(first_message "$T/err.txt")
    want=$(echo "$want" | sed "s|FILE|$T/t.csv|g")
    [ $rc -eq 2 ] && [ ! -s "$T/out.txt" ] && [ "$got" = "$want" ]
    ok "$name" $? "status $rc, stdout $(wc -c < "$T/out.txt") bytes
got:  $got
want: $want"
}
H='id,revenue.price_per_unit\n'
bad "batch-5.1 unknown column key, with a suggestion" 'id,revenue.price_per_unti\na,3\n' \
    "FILE:1:2: unknown column 'revenue.price_per_unti'; did you mean 'revenue.price_per_unit'?"
bad "batch-5.2 a column that is a bare key name" 'id,price_per_unit\na,3\n' \
    "FILE:1:2: unknown column 'price_per_unit'; did you mean 'revenue.price_per_unit'?"
bad "batch-5.3 a bad value names row, column, section and key" "${H}a,3\nb,3x\n" \
    "FILE:3:2: [revenue] price_per_unit: '3x' is not a number (write just the number, in money/unit)"
ok "batch-5.3b ... wrapped to 100 columns, each further line two blanks in" \
    $([ "$(LC_ALL=C.UTF-8 wc -L < "$T/err.txt")" -le 100 ] &&
      sed -n 2p "$T/err.txt" | grep -q "^  '3x' is not a number"; echo $?) "$(cat "$T/err.txt")"
bad "batch-5.4 a value out of range" "${H}a,-3\n" "FILE:2:2: [revenue] price_per_unit: must be >= 0, got -3"
bad "batch-5.5 an empty row" "${H}a,3\n\nb,4\n" "FILE:3: empty row; remove it (every row is a variant to run)"
bad "batch-5.6 an empty cell" "${H}a,\n" \
    "FILE:2:2: [revenue] price_per_unit: empty; write a value (an empty cell does not mean the base file's value)"
bad "batch-5.7 a row with too many fields" "${H}a,3,4\n" "FILE:2: 3 fields, but the header has 2 columns"
bad "batch-5.8 a duplicate id" "${H}a,3\na,4\n" "FILE:3:1: column 'id': 'a' is the id of row 2 too"
bad "batch-5.9 a duplicate column" 'revenue.price_per_unit,revenue.price_per_unit\n3,3\n' \
    "FILE:1:2: column 'revenue.price_per_unit' appears twice"
bad "batch-5.9b a duplicate key column beside two notes of one name is still refused" \
    'id,#note,revenue.price_per_unit,#note,revenue.price_per_unit\na,x,3,y,3\n' \
    "FILE:1:5: column 'revenue.price_per_unit' appears twice"
printf 'id,#note,revenue.price_per_unit,#note\na,first,3,second\n' > "$T/notes.csv"
printf 'id,revenue.price_per_unit\na,3\n' > "$T/no_notes.csv"
"$S" batch "$B" "$T/no_notes.csv" --reps 2 --format csv --quiet > "$T/want.txt" 2> "$T/want_err.txt"
"$S" batch "$B" "$T/notes.csv" --reps 2 --format csv --quiet > "$T/out.txt" 2> "$T/err.txt"
rc=$?
ok "batch-5.9c two note columns of one name ('#note') are kept unread, not refused (status $rc)" \
    $([ $rc -eq 0 ] && cmp -s "$T/want.txt" "$T/out.txt" &&
        sed "s|$T/notes.csv|$T/no_notes.csv|" "$T/err.txt" | cmp -s - "$T/want_err.txt"; echo $?) "$(head -n 3 "$T/err.txt")"
bad "batch-5.10 only a header" "$H" "FILE: no rows below the header: nothing to run"
bad "batch-5.11 an empty file" '' "FILE: the table is empty; its first row names the keys (SECTION.KEY), each further row is a variant"
bad "batch-5.12 replications cannot vary by row" 'run.replications\n3\n' \
    "FILE:1:1: 'run.replications' cannot vary by row; give every row the same with --reps"
bad "batch-5.13 a history file that is not there (relative to the table)" 'id,demand.history\na,nothere.csv\n' \
    "FILE:2:2: [demand] history: $T/nothere.csv: cannot open: No such file or directory (a relative path in a table starts from the table's directory)"
bad "batch-5.13b a Windows path ('\\' between folders): say to write '/'" 'id,demand.history\na,历史\\螺栓 M8.csv\n' \
    "FILE:2:2: [demand] history: $T/历史\\螺栓 M8.csv: cannot open: No such file or directory (a relative path in a table starts from the table's directory); write '/' between folders, not '\\' (as Windows writes paths)"
# a table in the current directory: its cells' relative paths start there, as the
# table's directory, and it is the table they came from, not --set
mkdir "$T/here"
case $S in /*) AS=$S ;; *) AS=$PWD/$S ;; esac
printf 'id,demand.history\na,nothere.csv\n' > "$T/here/t.csv"
(cd "$T/here" && "$AS" batch "$OLDPWD/$B" t.csv > out.txt 2> err.txt)
rc=$?
got=$(first_message "$T/here/err.txt")
want="t.csv:2:2: [demand] history: $T/here/nothere.csv: cannot open: No such file or directory (a relative path in a table starts from the table's directory)"
ok "batch-5.13c a table in the current directory: its relative path is said to start from the table's directory" \
    $([ $rc -eq 2 ] && [ "$got" = "$want" ]; echo $?) "status $rc
got:  $got
want: $want"
(cd "$T/here" && LANGUAGE=zh_CN "$AS" batch "$OLDPWD/$B" t.csv > out.txt 2> err.txt)
got=$(first_message "$T/here/err.txt")
ok "batch-5.13d ... in Chinese too" \
    $(echo "$got" | grep -q "（表格中的相对路径从该表格所在目录算起）$"; echo $?) "$got"
# a missing table is answered as a missing scenario file: the nearest .csv, here the
# English folder's (scenarios/zh/planner/ has no table: its base.ini names the English one)
for lang in en zh; do
    "$S" batch scenarios/zh/planner/base.ini scenarios/zh/planner/items.csv --lang $lang > "$T/out.txt" 2> "$T/err_$lang.txt"
    echo $? > "$T/rc_$lang"
done
ok "batch-5.13e a missing table: the nearest .csv is suggested" \
    $([ "$(cat "$T/rc_en")" -eq 2 ] && [ "$(first_message "$T/err_en.txt")" = "scenarios/zh/planner/items.csv: cannot open: No such file or directory; did you mean 'scenarios/planner/items.csv'?" ]; echo $?) "$(cat "$T/err_en.txt")"
ok "batch-5.13f ... in Chinese too" \
    $([ "$(cat "$T/rc_zh")" -eq 2 ] && [ "$(first_message "$T/err_zh.txt")" = "scenarios/zh/planner/items.csv: 无法打开：没有那个文件或目录；你是不是想写“scenarios/planner/items.csv”？" ]; echo $?) "$(cat "$T/err_zh.txt")"
"$S" batch "$B" scenarios/planner/item.csv > "$T/out.txt" 2> "$T/err.txt"
ok "batch-5.13g a misspelt table in its own folder" \
    $([ "$(first_message "$T/err.txt")" = "scenarios/planner/item.csv: cannot open: No such file or directory; did you mean 'scenarios/planner/items.csv'?" ]; echo $?) "$(cat "$T/err.txt")"
bad "batch-5.14 an unknown choice" 'id,inventory.shortage\na,lost_sales\n' \
    "FILE:2:2: [inventory] shortage: unknown choice 'lost_sales'; did you mean 'lost_sale'? (one of backorder | lost_sale | react)"
bad "batch-5.15 an unclosed quote" "${H}a,\"3\n" "FILE:2:2: a quoted field is not closed (a quote '\"' is missing)"
# characters typed in full-width mode: refused where they stand for syntax or numbers
FW='(switch the input method to half-width)'
bad "batch-5.19 a full-width digit in a cell names the cell's key" "${H}a,３\n" \
    "FILE:2:2: [revenue] price_per_unit: full-width '３' (U+FF13); type '3' $FW"
bad "batch-5.20 a full-width dot in a header's key" 'id,revenue．price_per_unit\na,3\n' \
    "FILE:1:2: full-width '．' (U+FF0E); type '.' $FW"
bad "batch-5.21 a full-width comma between cells, even after an id" "${H}螺栓，3\n" \
    "FILE:2:1: full-width '，' (U+FF0C); type ',' $FW"
bad "batch-5.22 full-width parentheses in a quoted distribution" 'id,demand.units_per_order\na,"uniform（1, 3）"\n' \
    "FILE:2:2: [demand] units_per_order: full-width '（' (U+FF08); type '(' $FW"
bad "batch-5.23 the Chinese enumeration comma in a distribution" 'id,demand.units_per_order\na,"uniform(1、3)"\n' \
    "FILE:2:2: [demand] units_per_order: Chinese punctuation '、' (U+3001); type ',' $FW"
bad "batch-5.24 ... in Chinese with --lang zh" "${H}a,３\n" \
    "FILE:2:2: [revenue] price_per_unit: 全角字符 '３'（U+FF13）；应输入半角的 '3'（请把输入法切换到半角）" --lang zh
printf 'id,revenue.price_per_unit\n"螺栓（M8），左",3\n螺母（M8）,3\n' > "$T/t.csv"
"$S" batch "$B" "$T/t.csv" --reps 2 --format csv --quiet > "$T/out.txt" 2> "$T/err.txt"
rc=$?
ok "batch-5.25 ids may hold full-width characters: 螺栓（M8），左 and 螺母（M8） run (status $rc)" \
    $([ $rc -eq 0 ] && grep -q '^螺栓（M8），左,' "$T/out.txt" && grep -q '^螺母（M8）,' "$T/out.txt"; echo $?) \
    "$(head -n 3 "$T/err.txt"; head -n 3 "$T/out.txt")"
bad "batch-5.26 a descriptive column is told how to keep it as a note" 'id,SKU,revenue.price_per_unit\na,M8,3\n' \
    "FILE:1:2: unknown column 'SKU'; name a key as SECTION.KEY, as --set does (servlab keys lists them), call the row's name 'id', or start a note's name with '#' (#SKU) to keep it unread"
bad "batch-5.27b '2,188' in a tab table may group thousands: refused, naming both readings" 'id\tinventory.order_quantity\nA\t2,188\n' \
    "FILE:2:2: [inventory] order_quantity: '2,188' reads as 2188 if ',' separates thousands or as 2.188 if it is the decimal mark; write the number meant"
bad "batch-5.27e '2.188' in a semicolon table (a decimal-comma spreadsheet groups thousands so): refused, naming both readings" 'id;inventory.order_quantity\nA;2.188\n' \
    "FILE:2:2: [inventory] order_quantity: '2.188' reads as 2188 if '.' separates thousands or as 2.188 if it is the decimal mark; write the number meant"
bad "batch-5.27f ... in a tab table, in Chinese" 'id\tinventory.order_quantity\nA\t1.500\n' \
    "FILE:2:2: [inventory] order_quantity: “1.500”可读作 1500（若“.”是千位分隔符）或 1.500（若它是小数点）；请直接写出你要的数" --lang zh
printf 'id,inventory.order_quantity,revenue.price_per_unit\nA,2.5,1.25\nB,0.5,0.500\n' > "$T/plain.csv"
printf 'id;inventory.order_quantity;revenue.price_per_unit\nA;2.5;1.25\nB;0.5;0.500\n' > "$T/t.csv"
"$S" batch "$B" "$T/plain.csv" --reps 2 --format csv --quiet > "$T/want.txt" 2> /dev/null
"$S" batch "$B" "$T/t.csv" --reps 2 --format csv --quiet > "$T/out.txt" 2> "$T/err.txt"
rc=$?
ok "batch-5.27g '2.5', '1.25', '0.5', '0.500' in a semicolon table (not three digits after 1-3 digits, or a leading 0) run as dots (status $rc)" \
    $([ $rc -eq 0 ] && grep -q '^A,2.5,1.25,' "$T/out.txt" && cmp -s "$T/want.txt" "$T/out.txt"; echo $?) \
    "$(head -n 3 "$T/err.txt"; diff "$T/want.txt" "$T/out.txt" | head -n 6)"
bad "batch-5.27 a decimal comma in a comma table is not read as one" "${H}a,\"3,5\"\n" \
    "FILE:2:2: [revenue] price_per_unit: '3,5' is not a number (use a dot as the decimal mark: 3.5, not 3,5)"
bad "batch-5.27c a cell read with a decimal comma is quoted as typed, not as read ('+0.5%')" 'id;revenue.price_per_unit\na;+0,5%%\n' \
    "FILE:2:2: [revenue] price_per_unit: '+0,5%' is not a number (write just the number, in money/unit: this key is not a share, so it takes no '%')"
bad "batch-5.27d ... in Chinese too, and in the row the cell's message names" 'id;revenue.price_per_unit;costs.holding_per_unit_day\na;3;2,5%%\n' \
    "FILE:2:3: [costs] holding_per_unit_day: “2,5%”不是数字（只写数字，单位为金额/件/天：此键不是比例，不能带 %）" --lang zh
# a German spreadsheet's table: ID in capitals, a note column (its name and cells in any
# characters), decimal commas in a semicolon table (a number key's; a distribution keeps
# its commas)
printf 'id,revenue.price_per_unit,inventory.lead_time_days\nA,3.5,"uniform(10,14)"\nB,4,"uniform(10,14)"\n' > "$T/plain.csv"
printf 'ID;#规格（mm）;revenue.price_per_unit;inventory.lead_time_days\nA;螺栓（M8），常用;3,5;uniform(10,14)\nB;;4;uniform(10,14)\n' > "$T/t.csv"
"$S" batch "$B" "$T/plain.csv" --reps 2 --format csv --quiet > "$T/want.txt" 2> "$T/want_err.txt"
"$S" batch "$B" "$T/t.csv" --reps 2 --format csv --quiet > "$T/out.txt" 2> "$T/err.txt"
rc=$?
ok "batch-5.28 'ID', a '#' note column and '3,5' in a semicolon table run as the plain table (status $rc)" \
    $([ $rc -eq 0 ] && grep -q '^A,' "$T/out.txt" && cmp -s "$T/want.txt" "$T/out.txt" &&
        sed "s|$T/t.csv|$T/plain.csv|" "$T/err.txt" | cmp -s - "$T/want_err.txt"; echo $?) \
    "$(head -n 3 "$T/err.txt"; diff "$T/want.txt" "$T/out.txt" | head -n 6)"
# (in a folder that is not there: no table near it to suggest, batch-5.13e)
"$S" batch "$B" "$T/nowhere/none.csv" > "$T/out.txt" 2> "$T/err.txt"
rc=$?
ok "batch-5.16 a missing table" $([ $rc -eq 2 ] && [ "$(first_message "$T/err.txt")" = "$T/nowhere/none.csv: cannot open: No such file or directory" ]; echo $?) "$(cat "$T/err.txt")"
"$S" batch "$B" > "$T/out.txt" 2> "$T/err.txt"
ok "batch-5.17 batch without a table is a usage error" $([ $? -eq 2 ] && grep -q 'batch takes a base scenario and a table' "$T/err.txt"; echo $?)
printf 'id,revenue.price_per_unit\na,3\n' > "$T/t.csv"
"$S" batch scenarios/default.ini "$T/t.csv" --sweep --set sweep.parameter=inventory.reorder_point > "$T/out.txt" 2> "$T/err.txt"
ok "batch-5.18 --sweep without a sweep range says what is missing" $([ $? -eq 2 ] && [ -s "$T/err.txt" ]; echo $?) "$(cat "$T/err.txt")"
# ---- a warning of the base file is said once, not once per row ----
printf '[run]\nhorizon_days = 30\nreplications = 2\n\n[demand]\norders_per_day = 1\nunits_per_order = poisson(2)\n\n[inventory]\npolicy = sQ\nreorder_point = 5\norder_quantity = 10\nlead_time_days = 2\n' > "$T/pois.ini"
printf 'id,inventory.order_quantity\na,10\nb,12\nc,14\nd,16\n' > "$T/pois.csv"
"$S" batch "$T/pois.ini" "$T/pois.csv" --quiet > "$T/out.txt" 2> "$T/err.txt"
rc=$?
"$S" check "$T/pois.ini" > /dev/null 2> "$T/err1.txt"
ok "batch-6.1 the base's Poisson order sizes warn that they draw 0 (check, once)" $([ "$(grep -c 'units_per_order draws 0' "$T/err1.txt")" -eq 1 ]; echo $?) "$(cat "$T/err1.txt")"
ok "batch-6.2 ... a batch of 4 rows that keep them warns once, for all rows (status $rc)" \
    $([ $rc -eq 0 ] && [ "$(grep -c 'draws 0' "$T/err.txt")" -eq 1 ] &&
        unwrapped "$T/err.txt" | grep -q "^servlab: warning: $T/pois.csv, all 4 rows: units_per_order draws 0 or less about 14% of the time"
        echo $?) \
    "$(cat "$T/err.txt")"
printf 'id,demand.units_per_order\na,poisson(2)\nb,3\nc,poisson(2)\nd,poisson(1)\n' > "$T/pois.csv"
"$S" batch "$T/pois.ini" "$T/pois.csv" --quiet > "$T/out.txt" 2> "$T/err.txt"
rc=$?
ok "batch-6.3 ... rows that differ: one line per distinct warning, naming its rows (status $rc)" \
    $([ $rc -eq 0 ] && [ "$(grep -c 'draws 0' "$T/err.txt")" -eq 2 ] &&
        unwrapped "$T/err.txt" | grep -q "^servlab: warning: $T/pois.csv, 2 rows (a, c): units_per_order draws 0 or less about 14%" &&
        unwrapped "$T/err.txt" | grep -q "^servlab: warning: $T/pois.csv row d (line 5): units_per_order draws 0 or less about 37%"
        echo $?) \
    "$(cat "$T/err.txt")"
"$S" batch "$T/pois.ini" "$T/pois.csv" --quiet --set costs.holding_per_unit_day=0.2 --out "$T/warned" > /dev/null 2> "$T/err.txt"
rc=$?
ok "batch-6.4 ... summary.txt has the set: line and each warning as said, after the run lines (status $rc)" \
    $([ $rc -eq 0 ] && grep -q '^set: costs.holding_per_unit_day=0.2$' "$T/warned/summary.txt" &&
        grep -q "^warning: $T/pois.csv, 2 rows (a, c): units_per_order draws 0 or less about 14%" "$T/warned/summary.txt" &&
        grep -q "^warning: $T/pois.csv row d (line 5): units_per_order draws 0 or less about 37%" "$T/warned/summary.txt" &&
        [ "$(sed -n '7p;8p;9p' "$T/warned/summary.txt" | cut -d: -f1 | tr '\n' ' ')" = "set warning warning " ]; echo $?) \
    "$(cat "$T/err.txt"; head -n 12 "$T/warned/summary.txt")"
# a long lever name is never cut in the table's header, and the values stand under it
printf '[run]\nreplications = 2\n[demand]\norders_per_day = 5\n[inventory]\npolicy = sQ\ntarget_cycle_service_level = 0.9\norder_quantity = 20\n[revenue]\nprice_per_unit = 3\n[sweep]\nparameter = inventory.target_fill_rate\nvalues = 0.9,0.95,0.99\n' > "$T/lever.ini"
printf 'id,inventory.order_quantity\na,20\nb,30\n' > "$T/lever.csv"
"$S" batch "$T/lever.ini" "$T/lever.csv" --sweep --quiet > "$T/out.txt" 2> "$T/err.txt"
rc=$?
# columns, not bytes: the header's '± 95%' is one column a ± (awk counts bytes)
head_end=$(grep '^id ' "$T/out.txt" | sed 's/±/+/g' | awk '{ i = index($0, "target_fill_rate"); print i ? i + length("target_fill_rate") - 1 : 0 }')
val_end=$(grep '^a ' "$T/out.txt" | awk -F'|' '{ match($2, /^ *[0-9.e+-]+/); print length($1) + 1 + RLENGTH }')
ok "batch-6.5 a long key 'target_fill_rate' is whole in the header, under 'at the best target_fill_rate'; its values end under it (status $rc)" \
    $([ $rc -eq 0 ] && [ "$head_end" -gt 0 ] && [ "$head_end" = "$val_end" ] &&
        grep -q '| at the best target_fill_rate$' "$T/out.txt"; echo $?) "$(head -n 7 "$T/out.txt"; echo "header ends $head_end, value $val_end")"
# two long levers and a long service: where the table would still be wider than a terminal
# (108 columns in English, 127 in Chinese), the widest names take two lines of their own
# (lang_head_break), the upper lines between 'as written' and the columns' names
sed 's/^parameter = inventory.target_fill_rate$/parameter = inventory.target_cycle_service_level\nparameter2 = inventory.order_quantity\nvalues2 = 20,30\nservice = otif_rate/' \
    "$T/lever.ini" > "$T/levers.ini"
for lang in en zh; do
    "$S" batch "$T/levers.ini" "$T/lever.csv" --sweep --quiet --lang $lang > "$T/out.txt" 2> "$T/err.txt"
    rc=$?
    if [ $lang = en ]; then
        upper='^ +[|] target_cycle_$' names='^id otif_rate profit/day +± [|] service_level +order_quantity +otif_rate profit/day'
    else
        upper='^   准时足量交付率 +[|] target_cycle_ +准时足量交付率$' names='^id +（OTIF） 利润/天 +± [|] service_level +order_quantity +（OTIF） 利润/天'
    fi
    ok "batch-6.5b $lang: long names on two lines within 100 columns, the upper line between the halves' and the names" \
        $([ $rc -eq 0 ] && [ "$(LC_ALL=C.UTF-8 wc -L < "$T/out.txt")" -le 100 ] && ! grep -q ' $' "$T/out.txt" &&
            grep -A1 -E ' [|] (at the best|采用最优) ' "$T/out.txt" | tail -n 1 | grep -qE "$upper" &&
            grep -A2 -E ' [|] (at the best|采用最优) ' "$T/out.txt" | tail -n 1 | grep -qE "$names"; echo $?) \
        "$(grep -A3 -E ' [|] (at the best|采用最优) ' "$T/out.txt")"
done
# rows of separators only, as a spreadsheet saves them at the end, are blank lines
printf 'id;inventory.order_quantity\r\na;20\r\nb;30\r\n;\r\n;\r\n' > "$T/trailing.csv"
"$S" batch "$T/lever.ini" "$T/trailing.csv" --quiet > "$T/out.txt" 2> "$T/err.txt"
rc=$?
ok "batch-6.6 trailing ';' rows are blank: 2 rows run (status $rc)" \
    $([ $rc -eq 0 ] && grep -q '^2 rows x' "$T/out.txt"; echo $?) "$(cat "$T/err.txt"; head -n 3 "$T/out.txt")"
# a row whose item the long history lacks, or whose item sells nothing: the row is named
awk 'BEGIN { print "date,item,qty"; for (i = 1; i <= 28; i++) { printf "2026-02-%02d,A,%d\n", i, 5 + i % 3; printf "2026-02-%02d,Z,0\n", i } }' > "$T/long.csv"
printf '[run]\nreplications = 2\n[demand]\nhistory = long.csv\nhistory_kind = daily\nhistory_item_column = item\nhistory_item = A\nhistory_date_column = date\nhistory_quantity_column = qty\n[inventory]\npolicy = sQ\nreorder_point = 20\norder_quantity = 40\n' > "$T/long.ini"
printf 'id,demand.history_item\nA,A\nB,SKU9\nC,Z\n' > "$T/items_long.csv"
"$S" batch "$T/long.ini" "$T/items_long.csv" > "$T/out.txt" 2> "$T/err.txt"
rc=$?
ok "batch-6.7 a missing or dead item names its table row and the item (status $rc)" \
    $([ $rc -eq 2 ] && unwrapped "$T/err.txt" | grep -q "^$T/items_long.csv:3 (row B): $T/long.csv:1:2: column 'item': no row has item 'SKU9'" &&
      unwrapped "$T/err.txt" | grep -q "^$T/items_long.csv:4 (row C): $T/long.csv: every quantity of item 'Z' is 0"; echo $?) "$(cat "$T/err.txt")"
# the rows that load warn (bootstrap loses the days' autocorrelation), but a refused row
# stops the batch: its refusal is all that is said, not buried under their warnings
printf 'id,demand.history_item,demand.history_mode\nA,A,bootstrap\nB,SKU9,replay\nC,A,bootstrap\n' > "$T/items_long.csv"
"$S" batch "$T/long.ini" "$T/items_long.csv" > "$T/out.txt" 2> "$T/err.txt"
rc=$?
ok "batch-6.7b after a refused row, the other rows' warnings are not said (status $rc)" \
    $([ $rc -eq 2 ] && unwrapped "$T/err.txt" | grep -q "^$T/items_long.csv:3 (row B): .*no row has item 'SKU9'" &&
      ! grep -q "warning" "$T/err.txt"; echo $?) "$(cat "$T/err.txt")"
# a table's own problem (not the scenario reader's) wider than a terminal is wrapped after
# its place as the reader's are: it was one line of 248 columns (reader/batch_table.c's
# '#' in a number's cell), in English and Chinese
for lang in en zh; do
    "$S" batch tests/bad/batch_cell_comment.ini tests/bad/batch/cell_comment.csv --lang $lang > "$T/out.txt" 2> "$T/err.txt"
    rc=$?
    if [ $lang = en ]; then want="'550 # check with supplier': '#' starts no comment in a table; write the value alone"; else want="“550 # check with supplier”：表格里的 '#' 不表示注释；单元格里只写值"; fi
    ok "batch-6.7c $lang: a table's own problem is wrapped to 100 columns, its place on the first line (status $rc)" \
        $([ $rc -eq 2 ] && [ "$(LC_ALL=C.UTF-8 wc -L < "$T/err.txt")" -le 100 ] && [ "$(wc -l < "$T/err.txt")" -ge 2 ] &&
            grep -q '^tests/bad/batch/cell_comment.csv:3:2: \[inventory\] order_quantity: ' "$T/err.txt" &&
            all_messages "$T/err.txt" | grep -qF "$want"; echo $?) "$(cat "$T/err.txt")"
done
# ---- what run's history description notes, said for a batch: one note, not one a row ----
# days without a row in a daily history (run: "25 of the 31 days have no row"); an orders
# history whose dates give no time of day (its orders spread evenly over each day)
printf 'date,qty\n2026-01-01,5\n2026-01-15,2\n2026-01-31,4\n' > "$T/gap_a.csv"
printf 'date,qty\n2026-01-01,5\n2026-01-02,4\n2026-01-04,3\n' > "$T/gap_b.csv"
printf 'date,qty\n2026-01-01,5\n2026-01-02,4\n' > "$T/gap_c.csv"
printf '[demand]\nhistory = gap_c.csv\nhistory_kind = daily\n[run]\nreplications = 2\n' > "$T/gap.ini"
printf 'id,demand.history\na,gap_a.csv\nb,gap_b.csv\nc,gap_c.csv\n' > "$T/gaps.csv"
printf 'id,demand.history\nb,gap_b.csv\nc,gap_c.csv\n' > "$T/gap_one.csv"
printf 'date,qty\n2026-01-01,5\n2026-01-01,3\n2026-01-02,7\n' > "$T/orders.csv"
printf 'id,demand.history,demand.history_kind\na,orders.csv,orders\nb,orders.csv,orders\nc,gap_c.csv,daily\n' > "$T/orders_items.csv"
for lang in en zh; do
    if [ $lang = en ]; then
        many="servlab: note: $T/gaps.csv, 2 rows (a, b): their demand histories have dates without a row: read as no demand (0 units), as the means count them; most in a: 28 of the 31 days"
        one="servlab: note: $T/gap_one.csv row b (line 2): its demand history has 1 of the 4 days without a row: read as no demand (0 units), as the mean counts them"
        timing="servlab: note: $T/orders_items.csv, 2 rows (a, b): no time of day in the demand history: each day's orders are spread evenly over it (assumed, not recorded)"
    else
        many="servlab: 注意：$T/gaps.csv，2 行（a, b）：这些行的需求历史中有些日期没有行：按无需求（0 件）读取，均值也计入这些；最多的是 a：共 31 天，其中 28 天没有行"
        one="servlab: 注意：$T/gap_one.csv 第 2 行（b）：其需求历史共 4 天，其中 1 天没有行：按无需求（0 件）读取，均值也计入这些"
        timing="servlab: 注意：$T/orders_items.csv，2 行（a, b）：需求历史中没有下单时刻：每天的订单在当天内均匀分布（这是假定的，并非记录）"
    fi
    "$S" batch "$T/gap.ini" "$T/gaps.csv" --quiet --lang $lang > /dev/null 2> "$T/err.txt"
    rc=$?
    ok "batch-6.8 $lang: rows whose daily histories have days without a row: one note, naming the rows and the largest share (status $rc)" \
        $([ $rc -eq 0 ] && [ "$(all_messages "$T/err.txt")" = "$many" ] && [ "$(LC_ALL=C.UTF-8 wc -L < "$T/err.txt")" -le 100 ]
            echo $?) "$(cat "$T/err.txt")"
    "$S" batch "$T/gap.ini" "$T/gap_one.csv" --quiet --lang $lang > /dev/null 2> "$T/err.txt"
    rc=$?
    ok "batch-6.8b $lang: ... one such row: its count, as run says it (status $rc)" \
        $([ $rc -eq 0 ] && [ "$(all_messages "$T/err.txt")" = "$one" ]; echo $?) "$(cat "$T/err.txt")"
    "$S" batch "$T/gap.ini" "$T/orders_items.csv" --quiet --lang $lang > /dev/null 2> "$T/err.txt"
    rc=$?
    ok "batch-6.8c $lang: rows of orders with dates but no times: one note that the timing within a day is assumed (status $rc)" \
        $([ $rc -eq 0 ] && all_messages "$T/err.txt" | grep -qxF "$timing" && [ "$(grep -c 'time of day\|下单时刻' "$T/err.txt")" -eq 1 ]
            echo $?) "$(cat "$T/err.txt")"
done
# 50 rows with such histories: still one note (the rows named five at most), not 50
{ echo 'id,demand.history'; for k in $(seq 1 50); do echo "r$k,gap_b.csv"; done; } > "$T/gaps50.csv"
"$S" batch "$T/gap.ini" "$T/gaps50.csv" --quiet --reps 2 > /dev/null 2> "$T/err.txt"
rc=$?
ok "batch-6.8d 50 rows with days without a row: one note for all (status $rc)" \
    $([ $rc -eq 0 ] && [ "$(all_messages "$T/err.txt")" = "servlab: note: $T/gaps50.csv, all 50 rows: their demand histories have dates without a row: read as no demand (0 units), as the means count them; most in r1: 1 of the 4 days" ]
        echo $?) "$(cat "$T/err.txt")"
# ---- one long ERP export feeds a whole batch: each row picks its item (demand.history_item) ----
# The first three items' histories merged into one semicolon file with decimal commas and
# a revenue column, rows by date; each row's results equal a run of the item's own file.
H=scenarios/planner/history
awk -F, 'FNR > 1 { split(FILENAME, p, "/"); sub(/\.csv$/, "", p[4]); printf "%s;%s;%s,0;%s,50\n", $1, p[4], $2, $2 }' \
    "$H/bolt_01.csv" "$H/hinge_01.csv" "$H/drill_01.csv" | sort -t';' -k1,1 -s > "$T/erp.body"
{ printf 'Datum;Artikel;Menge;Umsatz\r\n'; sed 's/$/\r/' "$T/erp.body"; } > "$T/erp.csv"
sed -e 's|^history = .*|history = erp.csv|' -e 's|^history_kind = .*|history_kind = daily\nhistory_date_column = Datum\nhistory_quantity_column = Menge\nhistory_item_column = Artikel\nhistory_item = bolt_01|' \
    -e 's|^replications = .*|replications = 3|' "$B" > "$T/erp.ini"
head -n 4 "$I" | cut -d, -f1,3- | awk -F, 'NR == 1 { print "id,demand.history_item," substr($0, index($0, ",") + 1); next } { print $1 "," $1 "," substr($0, index($0, ",") + 1) }' > "$T/erp_items.csv"
"$S" batch "$T/erp.ini" "$T/erp_items.csv" --format csv --quiet > "$T/erp_batch.csv" 2> "$T/err"
rc=$?
ok "batch-7.1 one long ERP export with 3 items runs a whole batch (status $rc)" \
    $([ $rc -eq 0 ] && [ "$(wc -l < "$T/erp_batch.csv")" -eq 4 ]; echo $?) "$(head -n 3 "$T/err")"
# an item id with the brackets a Chinese shop writes around a tag ("【促销】"): text, not a
# mistyped header (reader/fullwidth.h), in the file and in --set
sed 's/;bolt_01;/;【促销】bolt_01;/' "$T/erp.csv" > "$T/erp_cn.csv"
sed -e 's|^history = .*|history = erp_cn.csv|' -e 's|^history_item = .*|history_item = 【促销】bolt_01|' "$T/erp.ini" > "$T/erp_cn.ini"
"$S" check "$T/erp_cn.ini" > /dev/null 2> "$T/err"; rc=$?
"$S" check "$T/erp.ini" --set "demand.history=$T/erp_cn.csv" --set 'demand.history_item=【促销】bolt_01' > /dev/null 2>> "$T/err"
ok "batch-7.1b an item id with Chinese brackets loads, from the file and from --set (status $rc, $?)" \
    $([ $rc -eq 0 ] && [ ! -s "$T/err" ]; echo $?) "$(head -n 3 "$T/err")"
# the export described once above the table, as run describes a history: its items (not
# one description an item), their rows, days and orders added up
for lang in en zh; do
    "$S" batch "$T/erp.ini" "$T/erp_items.csv" --quiet --lang $lang > "$T/erp_table.txt" 2> /dev/null
    rc=$?
    if [ $lang = en ]; then
        want="Demand history $T/erp.csv: 3 items of its column 'Artikel' (bolt_01, hinge_01, drill_01): 1098 daily rows, 366 days from 2024-01-01; 14595 units in 928 orders"
        n=$(grep -c '^Demand history ' "$T/erp_table.txt")
    else
        want="需求历史 $T/erp.csv：3 个品项（“Artikel”列中的 bolt_01, hinge_01, drill_01）：1098 行按日记录，共 366 天，自 2024-01-01 起；共 14595 件，928 个订单"
        n=$(grep -c '^需求历史 ' "$T/erp_table.txt")
    fi
    said=$(sed -n '/^$/,/^id /p;/^id /q' "$T/erp_table.txt" | sed '/^$/d;/^id /d' | tr -d '\n' | sed 's/  */ /g')
    ok "batch-7.1c $lang: the long export is described once above the table, its 3 items named (status $rc)" \
        $([ $rc -eq 0 ] && [ "$n" -eq 1 ] && [ "$(echo "$said" | tr -d ' ')" = "$(echo "$want" | tr -d ' ')" ]; echo $?) "$(head -n 8 "$T/erp_table.txt")"
done
# one file a row: each described once, the first five, then how many more
"$S" batch "$B" "$I" --quiet --reps 2 > "$T/files_table.txt" 2> /dev/null
rc=$?
ok "batch-7.1d 50 rows each with its own history file: five described, then 'and 45 more' (status $rc)" \
    $([ $rc -eq 0 ] && [ "$(grep -c '^Demand history scenarios/planner/history/' "$T/files_table.txt")" -eq 5 ] &&
        grep -q '^Demand history scenarios/planner/history/bolt_01.csv: 366 daily rows, 366 days from 2024-01-01;$' "$T/files_table.txt" &&
        grep -q '^and 45 more demand history files: servlab run with a row.s cells as --set describes each$' "$T/files_table.txt" &&
        [ "$(LC_ALL=C.UTF-8 wc -L < "$T/files_table.txt")" -le 100 ]; echo $?) "$(head -n 16 "$T/files_table.txt")"
for row in 2 3 4; do
    id=$(field "$T/erp_items.csv" $row 1)
    # shellcheck disable=SC2046 # the --set options are words
    "$S" run "$B" $(sets $row) --set run.replications=3 \
        --format csv --quiet > "$T/run.csv" 2> "$T/err"
    metric() { grep "^$1," "$T/run.csv" | cut -d, -f"$2"; }
    want="$(metric fill_rate 2),$(metric fill_rate 3),$(metric cost_total_per_day 2),$(metric profit_per_day 2)"
    got=$(sed -n "${row}p" "$T/erp_batch.csv" | cut -d, -f8-11)
    ok "batch-7.$row row $id of the ERP file equals a run of its own history file: $got" \
        $([ -n "$want" ] && [ "$got" = "$want" ]; echo $?) "want $want; $(head -n 2 "$T/err")"
done
printf 'id,demand.history_item\nx,nut_99\n' > "$T/erp_bad.csv"
"$S" batch "$T/erp.ini" "$T/erp_bad.csv" --quiet > "$T/out.txt" 2> "$T/err.txt"
rc=$?
ok "batch-7.5 an item the export does not hold is refused: status $rc, nothing simulated" \
    $([ $rc -eq 2 ] && [ ! -s "$T/out.txt" ] && grep -q "no row has item 'nut_99' (history_item); items there include 'bolt_01', 'hinge_01', 'drill_01'" "$T/err.txt"; echo $?) \
    "$(head -n 2 "$T/err.txt")"
# the base may leave the item to the table (README: one long export feeds the whole
# portfolio): it is checked with the file it names, each row with its item, and its rows are those above
grep -v '^history_item = ' "$T/erp.ini" > "$T/erp_noitem.ini"
"$S" batch "$T/erp_noitem.ini" "$T/erp_items.csv" --format csv --quiet > "$T/erp_noitem.csv" 2> "$T/err"
rc=$?
ok "batch-7.5b a base without history_item, the table's column demand.history_item giving each row's: the same rows (status $rc)" \
    $([ $rc -eq 0 ] && cmp -s "$T/erp_noitem.csv" "$T/erp_batch.csv"; echo $?) "$(head -n 3 "$T/err")"
"$S" batch "$T/erp_noitem.ini" "$T/erp_bad.csv" --quiet > "$T/out.txt" 2> "$T/err.txt"
rc=$?
ok "batch-7.5c ... whose first row's item the export does not hold: refused at that row (status $rc)" \
    $([ $rc -eq 2 ] && [ ! -s "$T/out.txt" ] && [ "$(tr '\n' ' ' < "$T/err.txt" | sed 's/  */ /g')" = \
        "$T/erp_bad.csv:2 (row x): $T/erp.csv:1:2: column 'Artikel': no row has item 'nut_99' (history_item); items there include 'bolt_01', 'hinge_01', 'drill_01' " ]; echo $?) \
    "$(cat "$T/err.txt")"
printf 'id,inventory.order_quantity\nx,40\n' > "$T/erp_noitem_col.csv"
"$S" batch "$T/erp_noitem.ini" "$T/erp_noitem_col.csv" --quiet > "$T/out.txt" 2> "$T/err.txt"
rc=$?
ok "batch-7.5d ... and without that column the base is refused as before (status $rc)" \
    $([ $rc -eq 2 ] && tr '\n' ' ' < "$T/err.txt" | sed 's/  */ /g' |
        grep -q "erp_noitem.ini:[0-9]*: \[demand\] history_item_column: needs history_item, the item whose rows to read"; echo $?) \
    "$(cat "$T/err.txt")"
# the base without an item is checked as the file it names, not as the first row's item:
# every row's item is then checked as a row (two unknown items: both said, as with an item
# in the base), and a problem of the file (a row of 3 fields) is said as the file's, not at
# the first row (whose item's rows are fine), as the base with an item says it
printf 'id,demand.history_item\nx,nut_99\ny,nut_98\n' > "$T/erp_bad2.csv"
"$S" batch "$T/erp_noitem.ini" "$T/erp_bad2.csv" --quiet > "$T/out.txt" 2> "$T/err.txt"
rc=$?
"$S" batch "$T/erp.ini" "$T/erp_bad2.csv" --quiet > /dev/null 2> "$T/err_item.txt"
ok "batch-7.5e ... whose rows' items the export does not hold: each refused at its row, as with the base's own item (status $rc)" \
    $([ $rc -eq 2 ] && [ ! -s "$T/out.txt" ] && [ "$(tr '\n' ' ' < "$T/err.txt" | sed 's/  */ /g')" = \
        "$T/erp_bad2.csv:2 (row x): $T/erp.csv:1:2: column 'Artikel': no row has item 'nut_99' (history_item); items there include 'bolt_01', 'hinge_01', 'drill_01' $T/erp_bad2.csv:3 (row y): $T/erp.csv:1:2: column 'Artikel': no row has item 'nut_98' (history_item); items there include 'bolt_01', 'hinge_01', 'drill_01' " ] &&
        cmp -s "$T/err.txt" "$T/err_item.txt"; echo $?) "$(cat "$T/err.txt")"
sed '40s/;[^;]*\r$/\r/' "$T/erp.csv" > "$T/erp_short.csv"
sed 's|^history = .*|history = erp_short.csv|' "$T/erp_noitem.ini" > "$T/erp_short.ini"
sed 's|^history = .*|history = erp_short.csv|' "$T/erp.ini" > "$T/erp_short_item.ini"
"$S" batch "$T/erp_short.ini" "$T/erp_items.csv" --quiet > "$T/out.txt" 2> "$T/err.txt"
rc=$?
"$S" batch "$T/erp_short_item.ini" "$T/erp_items.csv" --quiet > /dev/null 2> "$T/err_item.txt"
ok "batch-7.5f ... whose export has a row of 3 fields: said as the file's problem, not at the first row (status $rc)" \
    $([ $rc -eq 2 ] && [ ! -s "$T/out.txt" ] && [ "$(tr '\n' ' ' < "$T/err.txt" | sed 's/  */ /g')" = \
        "$T/erp_short.csv:40: 3 fields, but row 1 has 4; a value holding the separator must be in double quotes " ] &&
        cmp -s "$T/err.txt" "$T/err_item.txt"; echo $?) "$(cat "$T/err.txt")"
# a table that does not read (a full-width digit, a full-width comma between columns) with
# a base that leaves the item to it: the table's problem is said, not the base blamed for
# the history_item the unread table would give
printf 'id,demand.history_item,inventory.safety_factor\nx,bolt_01,\357\274\221.5\n' > "$T/erp_fw.csv"
"$S" batch "$T/erp_noitem.ini" "$T/erp_fw.csv" --quiet > "$T/out.txt" 2> "$T/err.txt"
rc=$?
ok "batch-7.5h ... and a table with a full-width digit: the table's cell named, not the base (status $rc)" \
    $([ $rc -eq 2 ] && [ ! -s "$T/out.txt" ] && grep -q "^$T/erp_fw.csv:2:3: \[inventory\] safety_factor:" "$T/err.txt" &&
      ! grep -q 'history_item_column' "$T/err.txt"; echo $?) "$(cat "$T/err.txt")"
printf 'id\357\274\214demand.history_item\nx\357\274\214bolt_01\n' > "$T/erp_fwc.csv"
"$S" batch --lang zh "$T/erp_noitem.ini" "$T/erp_fwc.csv" --quiet > "$T/out.txt" 2> "$T/err.txt"
rc=$?
ok "batch-7.5i ... a full-width comma between the columns (zh): the table's first line named (status $rc)" \
    $([ $rc -eq 2 ] && tr '\n' ' ' < "$T/err.txt" | grep -q "^$T/erp_fwc.csv:1:1: *全角字符 '，'" &&
      ! grep -q 'history_item_column' "$T/err.txt"
      echo $?) "$(cat "$T/err.txt")"
# seven items with long Chinese names (77 bytes each): the history line names five whole and
# says how many more (a 400-byte list cut "and 2 more" to "and 2")
name=不锈钢六角螺栓镀锌一百只装规格型号编号0款式甲乙丙丁
{ echo 'date,sku,qty'; for d in 01 02 03 04; do for i in 0 1 2 3 4 5 6; do echo "2024-02-$d,$name$i,$((i + 2))"; done; done; } > "$T/cn_items.csv"
printf '[demand]\nhistory = cn_items.csv\nhistory_kind = daily\nhistory_item_column = sku\n[run]\nreplications = 2\nhorizon_days = 20\n[inventory]\npolicy = sQ\nreorder_point = 10\norder_quantity = 20\n' > "$T/cn_base.ini"
{ echo 'id,demand.history_item'; for i in 0 1 2 3 4 5 6; do echo "r$i,$name$i"; done; } > "$T/cn_tab.csv"
"$S" batch "$T/cn_base.ini" "$T/cn_tab.csv" --quiet > "$T/out.txt" 2> "$T/err.txt"
rc=$?
ok "batch-7.5j seven long Chinese item names: the history line names five whole, then 'and 2 more' (status $rc)" \
    $([ $rc -eq 0 ] && tr '\n' ' ' < "$T/out.txt" | sed 's/  */ /g' | grep -q "${name}4 and 2 more)"; echo $?) "$(head -n 5 "$T/out.txt")"
# an export with its item column first (sku,date,qty), the base naming only that column and
# the table each row's item: the date and the quantity found by their headers, said once
printf 'sku,date,qty\nA,2024-01-01,5\nB,2024-01-01,3\nA,2024-01-02,7\nB,2024-01-03,3\nA,2024-01-04,2\n' > "$T/long.csv"
printf '[run]\nhorizon_days = 10\nreplications = 2\n[demand]\nhistory = long.csv\nhistory_kind = daily\nhistory_item_column = sku\n[inventory]\npolicy = sQ\nreorder_point = 6\norder_quantity = 15\nlead_time_days = 2\n' > "$T/long.ini"
printf 'id,demand.history_item\na,A\nb,B\n' > "$T/long_items.csv"
"$S" batch "$T/long.ini" "$T/long_items.csv" --quiet > "$T/long.txt" 2> /dev/null
rc=$?
ok "batch-7.5g an export sku,date,qty with only history_item_column in the base: runs, its date and quantity by their headers, said once (status $rc)" \
    $([ $rc -eq 0 ] && [ "$(grep -c '^  date: column 2, .date., by its header.s words (history_date_column is not set)$' "$T/long.txt")" -eq 1 ] &&
        grep -q "^  quantity: column 3, 'qty', by its header's words (history_quantity_column is not set)$" "$T/long.txt" &&
        grep -q '^a  *77.50%' "$T/long.txt" && grep -q '^b  *100.00%' "$T/long.txt"; echo $?) "$(cat "$T/long.txt")"
# ---- a table saved with semicolons (a spreadsheet set to decimal commas) or tabs ----
printf 'id,inventory.safety_factor,demand.units_per_order\na,1.5,"geometric(2)"\nb,2,geometric(3)\n' > "$T/t_comma.csv"
printf '\357\273\277id;inventory.safety_factor;demand.units_per_order\r\na;1.5;"geometric(2)"\r\nb;2;geometric(3)\r\n' > "$T/t_semi.csv"
tr ',' '\t' < "$T/t_comma.csv" | sed 's/"geometric(2)"/geometric(2)/' > "$T/t_tab.csv"
"$S" batch scenarios/default.ini "$T/t_comma.csv" --reps 2 --format csv --quiet > "$T/t_comma.out" 2> "$T/err"
for f in semi tab; do
    "$S" batch scenarios/default.ini "$T/t_$f.csv" --reps 2 --format csv --quiet > "$T/t_$f.out" 2> "$T/err"
    rc=$?
    ok "batch-7.6 a table separated by ${f}s (the header says so) gives the comma table's results (status $rc)" \
        $([ $rc -eq 0 ] && [ -s "$T/t_$f.out" ] && cmp -s "$T/t_$f.out" "$T/t_comma.out"; echo $?) "$(head -n 2 "$T/err")"
done
printf 'id;inventory.safety_factor\ta\n' > "$T/t_both.csv"
"$S" batch scenarios/default.ini "$T/t_both.csv" --reps 2 --quiet > "$T/out.txt" 2> "$T/err.txt"
rc=$?
ok "batch-7.7 a header with both tabs and semicolons is refused: status $rc, nothing simulated" \
    $([ $rc -eq 2 ] && [ ! -s "$T/out.txt" ] && all_messages "$T/err.txt" | grep -q "t_both.csv:1: the header has both tabs and semicolons"; echo $?) \
    "$(cat "$T/err.txt")"
# exports as spreadsheets save them: a note cell of two lines (quoted, Alt+Enter in Excel),
# lines ended by a lone CR (Excel's "CSV (Macintosh)") and empty columns after the last
# name (",," on every line) give the plain table's results
printf 'id,#note,inventory.safety_factor,demand.units_per_order\r\na,"M8, zinc\r\n""heavy"" duty",1.5,"geometric(2)"\r\nb,,2,geometric(3)\r\n' > "$T/t_lines.csv"
tr '\n' '\r' < "$T/t_comma.csv" > "$T/t_cr.csv"
sed 's/$/,,/' "$T/t_comma.csv" > "$T/t_empty_cols.csv"
printf ',,,,\n,,,,\n' >> "$T/t_empty_cols.csv"
for f in lines cr empty_cols; do
    "$S" batch scenarios/default.ini "$T/t_$f.csv" --reps 2 --format csv --quiet > "$T/t_$f.out" 2> "$T/err"
    rc=$?
    ok "batch-7.8 a table with $f as a spreadsheet saves them gives the plain table's results (status $rc)" \
        $([ $rc -eq 0 ] && [ -s "$T/t_$f.out" ] && cmp -s "$T/t_$f.out" "$T/t_comma.out"; echo $?) "$(head -n 2 "$T/err")"
done
bad "batch-7.9 a value in a column after the header's last name is refused, named" \
    'id,revenue.price_per_unit,,\na,3,,\nb,3,x,\n' \
    "FILE:3:3: 'x' is in a column without a name; name the column in the header (SECTION.KEY, or '#' and a note's name) or clear the cell"
bad "batch-7.10 an id or a value of two lines is refused at the line where its row begins" \
    'id,#note,revenue.price_per_unit\na,"one\ntwo",3\n"b\n2",x,3\n' \
    "FILE:4:1: the cell holds a line break (its text goes on to the next line); write it on one line"
bad "batch-7.11 a later row's problem keeps its line after a cell of two lines" \
    'id,#note,revenue.price_per_unit\na,"one\ntwo",3\nb,x,3x\n' \
    "FILE:4:3: [revenue] price_per_unit: '3x' is not a number (write just the number, in money/unit)"
bad "batch-7.12 a spreadsheet's error value in a cell is said to be one" 'id,revenue.price_per_unit\na,3\nb,#DIV/0!\n' \
    "FILE:3:2: [revenue] price_per_unit: '#DIV/0!' is a spreadsheet's error value (a formula that failed); correct the cell and save the file again"
# a row without some of the empty columns' commas is read; one short of the named columns
# is told how many the header names
bad "batch-7.14 a row shorter than the header's named columns is told their count" \
    'id,revenue.price_per_unit,,\na,3,\nb\n' "FILE:3: 1 field, but the header has 2 columns"
printf 'id,revenue.price_per_unit,,\na,3,\nb,3,,\nc,3\n' > "$T/t_some.csv"
"$S" batch scenarios/default.ini "$T/t_some.csv" --reps 2 --format csv --quiet > "$T/t_some.out" 2> "$T/err"
rc=$?
ok "batch-7.15 rows with some, all or none of the empty columns' commas are read (status $rc)" \
    $([ $rc -eq 0 ] && [ "$(grep -c '^[abc],' "$T/t_some.out")" = 3 ]; echo $?) "$(head -n 2 "$T/err")"
# two stray quotes in a note column make rows 3 to 7 one cell's text: the table runs its
# two rows left, with the warning a history gets (reader/csv.h's csv_long_cell), in both
# languages, and summary.txt keeps it; a value column's cell so is refused, and the
# warning comes after the refusal, which it explains
printf 'id,#note,revenue.price_per_unit\na,"M8 stray,30\nb,x,31\nc,x,32\nd,x,33\ne,x,34\nf,x",35\ng,x,36\n' > "$T/t_stray.csv"
for lang in en zh; do
    rm -rf "$T/stray_out"
    "$S" batch scenarios/default.ini "$T/t_stray.csv" --reps 2 --quiet --lang $lang --out "$T/stray_out" > "$T/out.txt" 2> "$T/err.txt"
    rc=$?
    if [ $lang = en ]; then
        want="servlab: warning: $T/t_stray.csv:2:2: a quoted cell begins here and runs over 6 lines, to line 7: those lines are read as the cell's text, not as rows; if a stray quote '\"' opened it, remove that quote (or the one on line 7 that closes it)"
    else
        want="servlab: 警告：$T/t_stray.csv:2:2: 一个带引号的单元格从这里开始，跨 6 行，直到第 7 行：这些行被读成该单元格的文字，而不是数据行；如果是一个多余的引号 '\"' 开始了它，请删除那个引号（或第 7 行上与它配对的引号）"
    fi
    ok "batch-7.16 $lang: a note cell over 6 lines (two stray quotes) is warned of, as in a history (status $rc)" \
        $([ $rc -eq 0 ] && [ "$(first_message "$T/err.txt")" = "$want" ] && [ "$(LC_ALL=C.UTF-8 wc -L < "$T/err.txt")" -le 100 ] &&
            grep -qF "warning: $T/t_stray.csv:2:2: " "$T/stray_out/summary.txt"; echo $?) \
        "$(cat "$T/err.txt"; grep warning "$T/stray_out/summary.txt")"
done
printf 'id,revenue.price_per_unit,#note\na,"30\nb,31,x\nc,32,x\nd,33,x\ne,34,x\nf,35",x\ng,36,x\n' > "$T/t_stray.csv"
"$S" batch scenarios/default.ini "$T/t_stray.csv" --reps 2 --quiet > "$T/out.txt" 2> "$T/err.txt"
rc=$?
ok "batch-7.17 a value cell over 6 lines is refused, the warning after the refusal (status $rc)" \
    $([ $rc -eq 2 ] && [ ! -s "$T/out.txt" ] &&
        [ "$(first_message "$T/err.txt")" = "$T/t_stray.csv:2:2: the cell holds a line break (its text goes on to the next line); write it on one line" ] &&
        nth_message 2 "$T/err.txt" | grep -q "^servlab: warning: $T/t_stray.csv:2:2: a quoted cell begins here and runs over 6 lines, to line 7: "
        echo $?) "$(cat "$T/err.txt")"
# a note of four lines (Alt+Enter in a cell) is no stray quote: nothing said
printf 'id,#note,revenue.price_per_unit\na,"one\ntwo\nthree\nfour",30\nb,x,31\n' > "$T/t_four.csv"
"$S" batch scenarios/default.ini "$T/t_four.csv" --reps 2 --quiet > "$T/out.txt" 2> "$T/err.txt"
rc=$?
ok "batch-7.18 a note of 4 lines is read without a warning (status $rc)" \
    $([ $rc -eq 0 ] && [ ! -s "$T/err.txt" ] && grep -q '^2 rows x' "$T/out.txt"; echo $?) "$(cat "$T/err.txt")"
# the '#'s of a column too narrow, as many as a cell holds: the message is whole
hashes=$(printf '%0255d' 0 | tr 0 '#')
bad "batch-7.13 a cell of 255 '#'s is said whole" "id,revenue.price_per_unit\na,3\nb,$hashes\n" \
    "FILE:3:2: [revenue] price_per_unit: '$hashes' is how a spreadsheet shows a value too wide for its column, and it was saved so; widen the column and save the file again"

# ---- the gain of a row, paired over the replications ----
# default.ini with a dear backorder: a row without safety stock gains a lot from the
# sweep's best safety_factor (2), two rows near it gain within the noise, one row has it
printf 'id,inventory.safety_factor\nno_buffer,0\nnear,1.9\n接近最优,2.4\nat_best,2\n' > "$T/gain.csv"
G="scenarios/default.ini $T/gain.csv --sweep --set sweep.steps=7 --reps 10 --set costs.backorder_per_unit=10 --quiet"
# shellcheck disable=SC2086 # G is words
"$S" batch $G --format csv > "$T/gain_out.csv" 2> "$T/err"
rc=$?
hdr=$(head -n 1 "$T/gain_out.csv")
ok "batch-8.1 --sweep adds profit_gain_per_day_ci95 after profit_gain_per_day, then best_at_edge, then material_gain last (status $rc)" \
    $([ $rc -eq 0 ] && [ "${hdr##*,}" = material_gain ] && echo "$hdr" | grep -q ',profit_gain_per_day,profit_gain_per_day_ci95,best_at_edge,material_gain$'; echo $?) "$hdr"
# gain - ci95 per id, and the as-written profit's own ci95, from the CSV (ids hold no commas)
gcol() { echo "$hdr" | tr ',' '\n' | grep -n -x "$1" | cut -d: -f1; }
lower() { awk -F, -v id="$1" -v g="$(gcol profit_gain_per_day)" -v c="$(gcol profit_gain_per_day_ci95)" '$1 == id { printf "%.6f", $g - $c }' "$T/gain_out.csv"; }
field_of() { awk -F, -v id="$1" -v c="$(gcol "$2")" '$1 == id { print $c }' "$T/gain_out.csv"; }
ok "batch-8.2 no_buffer's gain is significant: paired interval above 0 ($(field_of no_buffer profit_gain_per_day) ± $(field_of no_buffer profit_gain_per_day_ci95))" \
    $(awk -v l="$(lower no_buffer)" 'BEGIN { exit !(l > 0) }'; echo $?)
for id in near 接近最优; do
    ok "batch-8.3 $id's gain is not: its interval holds 0 ($(field_of $id profit_gain_per_day) ± $(field_of $id profit_gain_per_day_ci95))" \
        $(awk -v l="$(lower $id)" -v g="$(field_of $id profit_gain_per_day)" 'BEGIN { exit !(l <= 0 && g > 0) }'; echo $?)
done
# the same random numbers: at_best as written is the sweep's best point, replication by
# replication, so its gain is 0 with no spread at all; and near's paired interval is far
# narrower than the ± of its profit alone (it would not be on independent streams)
ok "batch-8.4 at_best: the row as written and its sweep's best point share streams: gain $(field_of at_best profit_gain_per_day) ± $(field_of at_best profit_gain_per_day_ci95)" \
    $([ "$(field_of at_best profit_gain_per_day)" = 0 ] && [ "$(field_of at_best profit_gain_per_day_ci95)" = 0 ]; echo $?)
ok "batch-8.5 near: paired ± $(field_of near profit_gain_per_day_ci95) is under a quarter of its profit's ± $(field_of near profit_per_day_ci95)" \
    $(awk -v a="$(field_of near profit_gain_per_day_ci95)" -v b="$(field_of near profit_per_day_ci95)" 'BEGIN { exit !(a > 0 && 4 * a < b) }'; echo $?)
# the terminal: the list (significant first), the verdicts, the count; in English and Chinese
for lang in en zh; do
    # shellcheck disable=SC2086
    "$S" batch --lang $lang $G > "$T/gain_$lang.txt" 2> /dev/null
    if [ $lang = en ]; then
        head_re='^The rows that gain most from a change of safety_factor' verdict='no significant gain'
        count='%; 1 of 4 rows gain materially).'
    else
        head_re='^改变 safety_factor 增益最大的行' verdict='增益不显著'
        count='；1 行有实质性增益，共 4 行）。'
    fi
    list=$(sed -n "/$head_re/,/^\$/p" "$T/gain_$lang.txt" | sed '1d;$d')
    first=$(echo "$list" | head -n 1)
    ok "batch-8.6 $lang: the list starts with no_buffer, without a verdict: $first" \
        $(echo "$first" | grep -q '^  no_buffer  *+[0-9.]* ± [0-9.]*' && ! echo "$first" | grep -q "$verdict"; echo $?) "$(cat "$T/gain_$lang.txt")"
    ok "batch-8.7 $lang: near and 接近最优 are listed with \"$verdict\", at_best (gain 0) not at all" \
        $([ "$(echo "$list" | wc -l)" -eq 3 ] && echo "$list" | grep '^  near ' | grep -q "$verdict\$" &&
            echo "$list" | grep '^  接近最优 ' | grep -q "$verdict\$" && ! echo "$list" | grep -q at_best; echo $?) "$list"
    ok "batch-8.8 $lang: the summary counts 1 material gain of 4 rows" $(grep -q -F "$count" "$T/gain_$lang.txt"; echo $?) \
        "$(grep -F 'rows' "$T/gain_$lang.txt" | tail -n 3)"
done
# --out: summary.txt holds the list; the page shows the gains and the verdicts
# shellcheck disable=SC2086
"$S" batch $G --out "$T/gain_out" > /dev/null 2>&1
ok "batch-8.9 summary.txt lists the rows that gain most" \
    $(grep -q '^  no_buffer ' "$T/gain_out/summary.txt" && grep -q 'no significant gain$' "$T/gain_out/summary.txt"; echo $?)
# the page's headline: the totals' sentence whole, on one paragraph, the explanation
# under it in small type (it was the terminal's lines, bold up to the first break)
ok "batch-8.9b the page's headline is the totals' sentence, joined; the explanation in <small>" \
    $(grep -q '<p class="headline">Total profit per day over the 4 rows: [^<]* at the recommended safety_factor (<span class="nb">+[0-9.]* ± [0-9.]*</span> a day, [^<]*)\.<small>The recommended setting is' "$T/gain_out/report.html"; echo $?) \
    "$(grep -o '<p class="headline">.\{0,300\}' "$T/gain_out/report.html")"
# ... after the key: value lines every summary.txt has (docs/contract.md section 6), and
# the batch's totals as values
ok "batch-8.12 summary.txt: horizon_days, warmup_days, rows and the totals as key: value lines" \
    $(grep -q '^horizon_days: [0-9]' "$T/gain_out/summary.txt" && grep -q '^warmup_days: [0-9]' "$T/gain_out/summary.txt" &&
      grep -q '^rows: 4$' "$T/gain_out/summary.txt" && grep -q '^total_profit_per_day: [0-9.-]' "$T/gain_out/summary.txt" &&
      grep -q '^rows_gaining_significantly: 1$' "$T/gain_out/summary.txt" &&
      grep -q '^total_gain_ci95: [0-9.]' "$T/gain_out/summary.txt"; echo $?) "$(head -16 "$T/gain_out/summary.txt")"
ok "batch-8.10 report.html shows the rows that gain most, two of them with no significant gain" \
    $(grep -q '<h2>The rows that gain most</h2>' "$T/gain_out/report.html" && [ "$(grep -o '<td>no significant gain</td>' "$T/gain_out/report.html" | wc -l)" -eq 2 ]; echo $?)
# materiality: no_buffer's gain (about 36 a day on 1141, 3%) is material at the default
# 0.5%; --material 5 (per cent of the row's profit) makes it significant but not material,
# said as such, counted as none, and batch.csv's last column says 0 where it said 1
# shellcheck disable=SC2086
"$S" batch $G --material 5 --format csv > "$T/gain_m5.csv" 2> /dev/null
# shellcheck disable=SC2086
"$S" batch $G --material 5% > "$T/gain_m5.txt" 2> /dev/null
# shellcheck disable=SC2086
"$S" batch $G --material 5 --lang zh > "$T/gain_m5_zh.txt" 2> /dev/null
ok "batch-8.13 a material gain (default 0.5%) is a gain; above --material 5 the same gain is no material gain" \
    $(awk -F, '$1 == "no_buffer" { exit !($NF == 1) }' "$T/gain_out.csv" && awk -F, '$1 == "no_buffer" { exit !($NF == 0) }' "$T/gain_m5.csv" &&
        grep -q '^  no_buffer  *+[0-9]*\.[0-9][0-9] ± [0-9]*\.[0-9][0-9] at safety_factor = 2$' "$T/gain_en.txt" &&
        sed -e ':a' -e 'N' -e '$!ba' -e 's/\n    / /g' "$T/gain_m5.txt" | grep -q '^  no_buffer  *+[0-9]*\.[0-9][0-9] ± [0-9]*\.[0-9][0-9] at safety_factor = 2: no material gain: keep the current setting$' &&
        grep -q '%; 0 of 4 rows gain materially)\.$' "$T/gain_m5.txt" && grep -q 'at least 5% of the row' "$T/gain_m5.txt" &&
        grep -q '^  no_buffer .*：无实质性增益：保留当前设置$' "$T/gain_m5_zh.txt" && grep -q '；0 行有实质性增益，共 4 行）。$' "$T/gain_m5_zh.txt"
    echo $?) "$(cat "$T/gain_m5.txt" "$T/gain_m5_zh.txt")"
# shellcheck disable=SC2086
"$S" batch $G --material 101 > /dev/null 2> "$T/err_m1"
rc1=$?
"$S" batch scenarios/default.ini "$T/gain.csv" --material 1 --quiet > /dev/null 2> "$T/err_m2"
rc2=$?
ok "batch-8.14 --material: a value outside 0 to 100 is refused, and without --sweep (status $rc1, $rc2)" \
    $([ $rc1 -eq 2 ] && [ $rc2 -eq 2 ] && grep -q "^servlab: --material: '101' is not a per cent from 0 to 100" "$T/err_m1" &&
        grep -q '^servlab: --material: it judges the gains of each row.s sweep: add --sweep$' "$T/err_m2"; echo $?) "$(cat "$T/err_m1" "$T/err_m2")"
# a column giving each row its current reorder point (or service lever) with --sweep of
# safety_factor: the row as written keeps its own, its sweep points take the sweep's
# lever (the cell is a command-line value, as a sweep point's is; they were refused as
# "the command line also sets reorder_point")
printf 'id,demand.history,inventory.reorder_point\nbolt_01,history/bolt_01.csv,900\n' > scenarios/planner/.t_rop.csv
printf 'id,demand.history,inventory.target_fill_rate\nbolt_01,history/bolt_01.csv,0.9\n' > scenarios/planner/.t_fill.csv
printf 'id,demand.history\nbolt_01,history/bolt_01.csv\n' > scenarios/planner/.t_none.csv
for t in rop fill none; do
    "$S" batch "$B" scenarios/planner/.t_$t.csv --sweep --reps 2 --format csv --quiet > "$T/lev_$t.csv" 2> "$T/lev_$t.err"
    echo $? > "$T/lev_$t.rc"
done
rm -f scenarios/planner/.t_rop.csv scenarios/planner/.t_fill.csv scenarios/planner/.t_none.csv
"$S" run "$B" --set demand.history=scenarios/planner/history/bolt_01.csv --set inventory.reorder_point=900 --reps 2 \
    --format csv --quiet > "$T/run.csv"
want="$(grep '^profit_per_day,' "$T/run.csv" | cut -d, -f2)"
best() { sed -n 2p "$1" | cut -d, -f"$2"-; }
ok "batch-9.1 a reorder_point column with --sweep of safety_factor runs (status $(cat "$T/lev_rop.rc"))" \
    $([ "$(cat "$T/lev_rop.rc")" -eq 0 ]; echo $?) "$(head -n 3 "$T/lev_rop.err")"
ok "batch-9.2 ... the row as written keeps its reorder point: profit $(sed -n 2p "$T/lev_rop.csv" | cut -d, -f7) = servlab run --set reorder_point=900" \
    $([ "$(sed -n 2p "$T/lev_rop.csv" | cut -d, -f7)" = "$want" ]; echo $?) "want $want"
ok "batch-9.3 ... its sweep points are the sweep's, as for a row without the column" \
    $([ "$(best "$T/lev_rop.csv" 9 | cut -d, -f1-4)" = "$(best "$T/lev_none.csv" 8 | cut -d, -f1-4)" ]; echo $?) \
    "$(best "$T/lev_rop.csv" 9) vs $(best "$T/lev_none.csv" 8)"
ok "batch-9.4 a target_fill_rate column with --sweep of safety_factor runs too, its sweep the sweep's (status $(cat "$T/lev_fill.rc"))" \
    $([ "$(cat "$T/lev_fill.rc")" -eq 0 ] &&
        [ "$(best "$T/lev_fill.csv" 9 | cut -d, -f1-4)" = "$(best "$T/lev_none.csv" 8 | cut -d, -f1-4)" ]; echo $?) \
    "$(head -n 3 "$T/lev_fill.err")"
sed 's/^from = -1/from = -50/; s/^parameter = inventory.safety_factor/parameter = inventory.order_quantity/' "$B" \
    > scenarios/planner/.t_base.ini
printf 'id,revenue.price_per_unit\na,1.79\n' > "$T/t.csv"
"$S" batch scenarios/planner/.t_base.ini "$T/t.csv" --sweep --reps 2 --quiet > /dev/null 2> "$T/err.txt"
rc=$?
rm -f scenarios/planner/.t_base.ini
ok "batch-9.5 a row's sweep that cannot run names the row first (status $rc)" \
    $([ $rc -eq 2 ] && unwrapped "$T/err.txt" | grep -v "^servlab: warning" | head -n 1 | grep -q -F "$T/t.csv:2 (row a): scenarios/planner/.t_base.ini:"; echo $?) \
    "$(head -n 2 "$T/err.txt")"
# ... once: the row's place begins the refusal's head, whose words go on under it, and the
# reader's problem is indented under both (sweep_refuse_point); run where the files are,
# so that the lines do not hang on the length of $T
mkdir "$T/refused"
sed 's/^from = 0 /from = -6 /' scenarios/default.ini > "$T/refused/badfrom.ini"
printf 'id,revenue.price_per_unit\na,30\n' > "$T/refused/warehouse_items.csv"
abs_s=$(cd "$(dirname "$S")" && pwd)/$(basename "$S")
for lang in en zh; do
    (cd "$T/refused" && "$abs_s" batch badfrom.ini warehouse_items.csv --sweep --reps 2 --quiet --lang $lang \
        > /dev/null 2> "err_$lang.txt"; echo $? > "rc_$lang")
done
printf '%s\n' "warehouse_items.csv:2 (row a): badfrom.ini:49: [sweep] from:" \
    "                               inventory.safety_factor = -6 gives an invalid scenario:" \
    "  [inventory] safety_factor: must be >= -5, got -6" > "$T/refused/want_en.txt"
printf '%s\n' "warehouse_items.csv:2（行 a）：badfrom.ini:49: [sweep] from:" \
    "                               inventory.safety_factor = -6 使情景无效：" \
    "  [inventory] safety_factor: 须 >= -5，实际为 -6" > "$T/refused/want_zh.txt"
ok "batch-9.12 a refused sweep point: the row's place once, on the head; its next line and the problem under it" \
    $([ "$(cat "$T/refused/rc_en")" -eq 2 ] && cmp -s "$T/refused/want_en.txt" "$T/refused/err_en.txt"; echo $?) \
    "$(diff "$T/refused/want_en.txt" "$T/refused/err_en.txt")"
ok "batch-9.12b ... in Chinese too" \
    $([ "$(cat "$T/refused/rc_zh")" -eq 2 ] && cmp -s "$T/refused/want_zh.txt" "$T/refused/err_zh.txt"; echo $?) \
    "$(diff "$T/refused/want_zh.txt" "$T/refused/err_zh.txt")"
# a warning about a value the table gave names its column, not --set
printf 'id,costs.holding_per_unit_day\na,2.5\nb,0.00055\n' > "$T/t.csv"
for lang in en zh; do
    "$S" batch "$B" "$T/t.csv" --reps 2 --quiet --lang $lang > /dev/null 2> "$T/err_$lang.txt"
done
ok "batch-9.6 an annual holding cost from the table is said to come from its column, not --set" \
    $(unwrapped "$T/err_en.txt" | grep -q -F "row a (line 2): [costs] holding_per_unit_day = 2.5 (table column costs.holding_per_unit_day): a year on the shelf" &&
        ! grep -q -e '--set' "$T/err_en.txt"; echo $?) "$(cat "$T/err_en.txt")"
ok "batch-9.7 ... in Chinese too" \
    $(grep -q -F "[costs] holding_per_unit_day = 2.5（表格列 costs.holding_per_unit_day）：" "$T/err_zh.txt" &&
        ! grep -q -e '--set' "$T/err_zh.txt"; echo $?) "$(cat "$T/err_zh.txt")"
# the reader names where each value came from itself (the override's source), in either
# language: a price the table gave by its column, the cost the base file gave by its line,
# a value given with --set by --set
printf 'id,revenue.price_per_unit\na,0.5\nb,1.79\n' > "$T/t.csv"
for lang in en zh; do
    "$S" batch "$B" "$T/t.csv" --reps 2 --quiet --lang $lang --set costs.holding_per_unit_day=2.5 > /dev/null 2> "$T/err_$lang.txt"
done
ok "batch-9.7b a price from the table below the base's cost: each value named by where it came from" \
    $(unwrapped "$T/err_en.txt" | grep -q -F "row a (line 2): [revenue] price_per_unit = 0.5 (table column revenue.price_per_unit) is below [costs] order_per_unit = 0.81 (line 30): every unit sold loses money" &&
        unwrapped "$T/err_en.txt" | grep -q -F "row b (line 3): [costs] holding_per_unit_day = 2.5 (--set): a year on the shelf"; echo $?) "$(cat "$T/err_en.txt")"
ok "batch-9.7c ... in Chinese too" \
    $(unwrapped "$T/err_zh.txt" | grep -q -F "[revenue] price_per_unit = 0.5（表格列 revenue.price_per_unit）低于 [costs] order_per_unit = 0.81（第 30 行）：" &&
        grep -q -F "[costs] holding_per_unit_day = 2.5（--set）：" "$T/err_zh.txt"; echo $?) "$(cat "$T/err_zh.txt")"
# a cell that replaces what the base file wrote is noted, as run notes it of --set: by its
# column, the same in every row, so once for the rows it concerns
printf 'id,demand.orders_per_day\na,40\nb,30\n' > "$T/t.csv"
printf 'id,inventory.reorder_point\na,400\nb,500\n' > "$T/rp.csv"
for lang in en zh; do
    "$S" batch "$B" "$T/t.csv" --reps 2 --quiet --lang $lang > /dev/null 2> "$T/err_$lang.txt"
    "$S" batch "$B" "$T/rp.csv" --reps 2 --quiet --lang $lang > /dev/null 2> "$T/rp_$lang.txt"
done
ok "batch-9.17 a column demand.orders_per_day replaces the base's history: a note, once for all rows" \
    $(unwrapped "$T/err_en.txt" | grep -q -x -F "servlab: note: $T/t.csv, all 2 rows: table column demand.orders_per_day replaces history = history/bolt_01.csv (line 17)"; echo $?) "$(cat "$T/err_en.txt")"
ok "batch-9.17b ... in Chinese too" \
    $(unwrapped "$T/err_zh.txt" | grep -q -x -F "servlab: 注意：$T/t.csv，全部 2 行：表格列 demand.orders_per_day 取代了 history = history/bolt_01.csv（第 17 行）"; echo $?) "$(cat "$T/err_zh.txt")"
ok "batch-9.17c a column inventory.reorder_point replaces the base's safety_factor: a note, once for all rows" \
    $(unwrapped "$T/rp_en.txt" | grep -q -x -F "servlab: note: $T/rp.csv, all 2 rows: table column inventory.reorder_point replaces safety_factor = 1 (line 23)"; echo $?) "$(cat "$T/rp_en.txt")"
ok "batch-9.17d ... in Chinese too" \
    $(unwrapped "$T/rp_zh.txt" | grep -q -x -F "servlab: 注意：$T/rp.csv，全部 2 行：表格列 inventory.reorder_point 取代了 safety_factor = 1（第 23 行）"; echo $?) "$(cat "$T/rp_zh.txt")"
# a percentage in a share key's cell (as a spreadsheet saves a cell formatted so) is the
# share: 97.5%, 97,5% in a semicolon table and 97.50% run as 0.975
printf 'id,inventory.target_fill_rate\na,0.975\nb,0.99\nc,0.05\nd,0.5\n' > "$T/plain.csv"
printf 'id,inventory.target_fill_rate\na,97.5%%\nb,99%%\nc,5%%\nd,50%%\n' > "$T/pct.csv"
printf 'id;inventory.target_fill_rate\na;97,5%%\nb;99%%\nc;5%%\nd;50%%\n' > "$T/pct_semi.csv"
printf 'id,inventory.target_fill_rate\na,97.50%%\nb,99.00%%\nc,5.00%%\nd,50.00%%\n' > "$T/pct_excel.csv"
"$S" batch "$B" "$T/plain.csv" --reps 2 --format csv --quiet > "$T/want.txt" 2> "$T/want_err.txt"
for t in pct pct_semi pct_excel; do
    "$S" batch "$B" "$T/$t.csv" --reps 2 --format csv --quiet > "$T/out.txt" 2> "$T/err.txt"
    rc=$?
    sed 's/^\([a-d]\),[0-9.]*,/\1,X,/' "$T/want.txt" > "$T/want_x.txt"
    sed 's/^\([a-d]\),[0-9.]*,/\1,X,/' "$T/out.txt" > "$T/out_x.txt"
    ok "batch-9.8 $t: percentages of target_fill_rate run as the shares (status $rc)" \
        $([ $rc -eq 0 ] && grep -q '^a,0.975' "$T/out.txt" && cmp -s "$T/want_x.txt" "$T/out_x.txt"; echo $?) \
        "$(head -n 3 "$T/err.txt"; diff "$T/want.txt" "$T/out.txt" | head -n 6)"
done
bad "batch-9.9 a percentage of a key that is no share is refused as before" 'id,costs.holding_per_unit_day\na,2.5%%\n' \
    "FILE:2:2: [costs] holding_per_unit_day: '2.5%' is not a number (write just the number, in money/unit/day: this key is not a share, so it takes no '%')"
bad "batch-9.10 a percentage over 100 of a share, after one that was read, is refused as out of range, quoted as typed" \
    'id,inventory.target_fill_rate\na,97.5%%\nb,150%%\n' \
    "FILE:3:2: [inventory] target_fill_rate: must be below 100%, got 150%"
bad "batch-9.11 a service target of 0.98% in a cell is refused as --set refuses it, not run as 0.0098" \
    'id,inventory.target_fill_rate\na,0.98%%\n' \
    "FILE:2:2: [inventory] target_fill_rate: '0.98%' aims at 0.98%, under 1%; for 98% write 0.98 or 98%"

# ---- a service without data (reaction_elsewhere where no order met a stockout: stock
# far above demand): 'n/a' in its column, as sweep's table, not 'n/a%' ----
printf 'id,demand.history\nbolt_01,%s\nhinge_01,%s\n' "$PWD/scenarios/planner/history/bolt_01.csv" \
    "$PWD/scenarios/planner/history/hinge_01.csv" > "$T/elsewhere.csv"
na_args="--set sweep.service=reaction_elsewhere --set sweep.from=6 --set sweep.to=8 --set sweep.steps=2 --reps 2 --quiet"
for lang in en zh; do
    # shellcheck disable=SC2086 # the options are words
    "$S" batch "$B" "$T/elsewhere.csv" $na_args --set inventory.safety_factor=8 --lang $lang > "$T/na.txt" 2> /dev/null
    rc=$?
    ok "batch-9.13 $lang: a service without data is 'n/a' in the table, no 'n/a%' (status $rc)" \
        $([ $rc -eq 0 ] && grep -q '^bolt_01  *n/a  *[0-9.]*  *[0-9.]*$' "$T/na.txt" &&
            ! grep -q 'n/a%' "$T/na.txt"; echo $?) "$(grep -A 3 '^id ' "$T/na.txt")"
    # the service's long head parts in two (reaction_ / elsewhere, 缺货时转向 / 别处购买的比例),
    # and its cells end where the head's lower line ends (display columns: wc -L)
    if [ $lang = en ]; then upper=reaction_ lower=elsewhere; else upper=缺货时转向 lower=别处购买的比例; fi
    head_end=$(grep '^id ' "$T/na.txt" | sed "s/\($lower\).*/\1/" | LC_ALL=C.UTF-8 wc -L)
    cell_end=$(grep '^bolt_01' "$T/na.txt" | sed 's/\(n\/a\).*/\1/' | LC_ALL=C.UTF-8 wc -L)
    ok "batch-9.16 $lang: a long service head on two lines, its cells under it (head ends at $head_end, cells at $cell_end)" \
        $(grep -q "^ *$upper\$" "$T/na.txt" && [ "$head_end" = "$cell_end" ]; echo $?) "$(grep -B 1 -A 2 '^id ' "$T/na.txt")"
    # shellcheck disable=SC2086
    "$S" batch "$B" "$T/elsewhere.csv" $na_args --sweep --lang $lang > "$T/na.txt" 2> /dev/null
    rc=$?
    ok "batch-9.14 $lang: ... and with --sweep, as written and at the best (status $rc)" \
        $([ $rc -eq 0 ] && grep -q '^bolt_01  *n/a  *[0-9.]*  *[0-9.]* | *[0-9.]*<  *n/a  *[0-9.]' "$T/na.txt" &&
            ! grep -q 'n/a%' "$T/na.txt"; echo $?) "$(grep -B 3 -A 2 '^bolt_01' "$T/na.txt")"
    # no chart of points that have no place: no batch_service.png, no NaN on the page, and
    # --plot says why it drew nothing
    rm -rf "$T/na_out" "$T/na.png"
    # shellcheck disable=SC2086 # the options are words
    "$S" batch "$B" "$T/elsewhere.csv" $na_args --sweep --set inventory.safety_factor=8 --lang $lang \
        --out "$T/na_out" --plot "$T/na.png" > /dev/null 2> "$T/na.err"
    rc=$?
    ok "batch-9.15 $lang: no row with data for the service: no batch_service.png, no NaN on the page, --plot says so (status $rc)" \
        $([ $rc -eq 0 ] && [ -f "$T/na_out/report.html" ] && [ ! -e "$T/na_out/batch_service.png" ] &&
            ! grep -qwi 'nan' "$T/na_out/report.html" && [ ! -e "$T/na.png" ] && grep -q 'na.png' "$T/na.err" &&
            grep -q 'reaction_elsewhere' "$T/na.err"; echo $?) "$(cat "$T/na.err")"
done
# ---- two levers: the end-of-range mark '<' on the lever at its end, the advice naming its keys ----
# bolt_03's best safety_factor is -1, the range's lower end, at an order_quantity (4000) inside
# values2; hinge_01's best order_quantity is values2's first (1000) at a safety_factor inside
sed -e "s|^history = history/|history = $PWD/scenarios/planner/history/|" \
    -e 's/^steps = 21/steps = 6\nparameter2 = inventory.order_quantity\nvalues2 = 1000,2000,4000,8000,16000/' \
    scenarios/planner/base.ini > "$T/edge.ini"
grep -E '^(id|bolt_03|hinge_01),' scenarios/planner/items.csv | cut -d, -f1,2,4- |
    sed "s|history/|$PWD/scenarios/planner/history/|" > "$T/edge.csv"
for lang in en zh; do
    rm -rf "$T/edge_out"
    "$S" batch "$T/edge.ini" "$T/edge.csv" --sweep --reps 3 --quiet --lang $lang --out "$T/edge_out" > "$T/edge.txt" 2> /dev/null
    rc=$?
    ok "batch-10.1 $lang: the mark '<' follows the lever at its end: safety_factor -1< for bolt_03, order_quantity 1000< for hinge_01 (status $rc)" \
        $([ $rc -eq 0 ] && grep -qE '^bolt_03 .*[|] +-1< +4000 ' "$T/edge.txt" &&
            grep -qE '^hinge_01 .*[|] +0 +1000< ' "$T/edge.txt" && [ "$(LC_ALL=C.UTF-8 wc -L < "$T/edge.txt")" -le 100 ] &&
            ! grep -q ' $' "$T/edge.txt"; echo $?) "$(grep -B 3 -A 2 '^hinge_01' "$T/edge.txt")"
    if [ $lang = en ]; then
        sf='1 row peaks at an end of the range of safety_factor (its value marked <): the best value may lie beyond it; widen [sweep] from and to.'
        oq='1 row peaks at an end of the range of order_quantity (its value marked <): the best value may lie beyond it; widen [sweep] values2.'
    else
        sf='1 行的利润最大化点落在 safety_factor 扫描范围的端点（其值标 <）：最优值可能在范围之外；请放宽 [sweep] 的 from 和 to。'
        oq='1 行的利润最大化点落在 order_quantity 扫描范围的端点（其值标 <）：最优值可能在范围之外；请放宽 [sweep] 的 values2。'
    fi
    # the lines joined, every blank left out (a line is wrapped at a blank, or in Chinese anywhere)
    said=$(tr -d ' \n' < "$T/edge.txt") want=$(printf '%s%s' "$sf" "$oq" | tr -d ' ')
    ok "batch-10.2 $lang: a sentence for each lever at its end, naming the keys that set its range (from and to; values2)" \
        $(case "$said" in *"$want"*) echo 0 ;; *) echo 1 ;; esac) "$(tail -n 5 "$T/edge.txt")"
    ok "batch-10.3 $lang: the page marks the same cells" \
        $(grep -q '<td class="num">-1 &lt;</td><td class="num">4000</td>' "$T/edge_out/report.html" &&
            grep -q '<td class="num">0</td><td class="num">1000 &lt;</td>' "$T/edge_out/report.html"; echo $?)
done
# batch.csv's last column best_at_edge: the lever whose best value is an end of its range
# (what '<' marks on screen), both a blank apart, empty for none; one lever (the base's
# safety_factor, -1 to 4: hinge_01 and drill_01 peak at -1, bolt_03 at -0.25 inside) and
# two (bolt_03 at safety_factor -1, hinge_01 at order_quantity 1000, drill_01 at both)
grep -E '^(id|bolt_03|hinge_01|drill_01),' scenarios/planner/items.csv | cut -d, -f1,2,4- |
    sed "s|history/|$PWD/scenarios/planner/history/|" > "$T/edge3.csv"
sed "s|^history = history/|history = $PWD/scenarios/planner/history/|" scenarios/planner/base.ini > "$T/edge1.ini"
"$S" batch "$T/edge1.ini" "$T/edge3.csv" --sweep --reps 3 --format csv --quiet > "$T/edge1.csv" 2> /dev/null
rc=$?
ok "batch-10.4 one lever: batch.csv's last column best_at_edge names the lever for the rows '<' marks, empty for the others (status $rc)" \
    $([ $rc -eq 0 ] && head -n 1 "$T/edge1.csv" | grep -q ',profit_gain_per_day_ci95,best_at_edge,material_gain$' &&
        grep -q '^hinge_01,.*,-1,.*,inventory\.safety_factor,[01]$' "$T/edge1.csv" &&
        grep -q '^drill_01,.*,inventory\.safety_factor,[01]$' "$T/edge1.csv" && grep -q '^bolt_03,.*,-0\.25,.*,,[01]$' "$T/edge1.csv"
    echo $?) "$(cat "$T/edge1.csv")"
"$S" batch "$T/edge.ini" "$T/edge3.csv" --sweep --reps 3 --format csv --quiet > "$T/edge2.csv" 2> /dev/null
rc=$?
ok "batch-10.5 two levers: best_at_edge names the lever at its end, or both a blank apart (status $rc)" \
    $([ $rc -eq 0 ] && head -n 1 "$T/edge2.csv" | grep -q ',profit_gain_per_day_ci95,best_at_edge,material_gain$' &&
        grep -q '^bolt_03,.*,-1,4000,.*,inventory\.safety_factor,[01]$' "$T/edge2.csv" &&
        grep -q '^hinge_01,.*,0,1000,.*,inventory\.order_quantity,[01]$' "$T/edge2.csv" &&
        grep -q '^drill_01,.*,inventory\.safety_factor inventory\.order_quantity,[01]$' "$T/edge2.csv"
    echo $?) "$(cat "$T/edge2.csv")"
check_done test_batch
