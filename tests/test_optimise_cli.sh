#!/bin/sh
# test_optimise_cli.sh - `servlab optimise` on the command line: option errors exit 2
# with a message, the CSV has one column per lever then the sweep's metric columns, and
# the evaluations stay below the full grid's (the exact optima: tests/test_optimise.c),
# --reps above the search's first stage is explained, and finalists all within delta
# are said to be; --out's chart of the points tried and its page (optimise-4).
S=${SERVLAB:-./servlab}
pass=0
fail=0
ok() { if [ "$1" = 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL $2"; fi; }
F=tests/validation/zf_ss.ini
L="--param inventory.reorder_point --from 0 --to 20 --step 1 --param inventory.order_up_to --from 10 --to 80 --step 1"
expect2() { # WHAT ARGS...: exit status 2 and a message on stderr
    what=$1; shift
    err=$("$S" optimise "$@" 2>&1 >/dev/null); rc=$?
    [ "$rc" = 2 ] && [ -n "$err" ]; ok $? "$what: exit $rc, '$err'"
}
expect2 "no lever" $F --quiet
expect2 "no --to" $F --param inventory.reorder_point --from 0 --quiet
expect2 "--from before --param" $F --from 0 --param inventory.reorder_point --to 3 --quiet
expect2 "third lever" $F $L --param inventory.lead_time_days --from 0 --to 1 --quiet
expect2 "unknown key" $F --param inventory.reorder_pont --from 0 --to 5 --quiet
expect2 "unknown metric" $F $L --minimise cost_totl --quiet
expect2 "bad --require" $F $L --require fill_rate=0.9 --quiet
# a metric named by its report label, in another case or misspelt: the name meant, as
# --metrics says it, and where the option errors point for help
for args in "--maximise profit|servlab: --maximise: 'profit' is the report's label; the metric's name is profit_per_day" \
    "--maximise Profit_per_day|servlab: --maximise: 'Profit_per_day' is not a metric; did you mean 'profit_per_day'?" \
    "--minimise cost_totl_per_day|servlab: --minimise: 'cost_totl_per_day' is not a metric; did you mean 'cost_total_per_day'?" \
    "--maximise xyzzy|servlab: --maximise: 'xyzzy' is not a metric (names as in --format csv)" \
    "--require fillrate>=0.9|servlab: --require: 'fillrate' is not a metric; did you mean 'fill_rate'?"; do
    opt=${args%%|*} want=${args#*|}
    err=$("$S" optimise $F $L $opt --quiet 2>&1 >/dev/null); rc=$?
    [ "$rc" = 2 ] && [ "$err" = "$want
(servlab --help lists the commands and options)" ]
    ok $? "optimise-1.1 $opt: exit $rc, the metric meant and the help line: '$err'"
done
err=$("$S" optimise --lang zh $F $L --maximise 利润 --quiet 2>&1 >/dev/null); rc=$?
[ "$rc" = 2 ] && [ "$err" = "servlab: --maximise：“利润”是报告中的标签；指标名是 profit_per_day
（servlab --help 列出全部命令和选项）" ]
ok $? "optimise-1.2 zh --maximise 利润 (the report's label): exit $rc: '$err'"
err=$("$S" optimise --lang zh $F $L --maximise Profit_per_day --quiet 2>&1 >/dev/null); rc=$?
[ "$rc" = 2 ] && [ "$err" = "servlab: --maximise：“Profit_per_day”不是指标；是不是想写“profit_per_day”？
（servlab --help 列出全部命令和选项）" ]
ok $? "optimise-1.3 zh --maximise Profit_per_day: exit $rc: '$err'"
# a --set of another service lever of the lever's section: said once, of the --set
err=$("$S" optimise scenarios/default.ini --param inventory.safety_factor --from 0 --to 3 --set inventory.target_fill_rate=0.95 --quiet 2>&1 >/dev/null); rc=$?
[ "$rc" = 2 ] && [ "$err" = "servlab: --set inventory.target_fill_rate=0.95:
  optimise varies safety_factor (--param inventory.safety_factor),
  another service lever of [inventory], and a section takes one lever: drop it,
  or optimise target_fill_rate instead (--param inventory.target_fill_rate)" ]
ok $? "optimise-2.1 --set inventory.target_fill_rate with --param inventory.safety_factor: exit $rc: '$err'"
err=$("$S" optimise --lang zh scenarios/zh/default.ini --param inventory.safety_factor --from 0 --to 3 --set inventory.reorder_point=300 --quiet 2>&1 >/dev/null); rc=$?
[ "$rc" = 2 ] && [ "$err" = "servlab: --set inventory.reorder_point=300：
  optimise 在变动 safety_factor（--param inventory.safety_factor），
  它在每个点都会设定 [inventory] 的 reorder_point：请去掉这个选项，
  或改为优化 reorder_point（--param inventory.reorder_point）" ]
ok $? "optimise-2.2 zh --set inventory.reorder_point, the level the lever sets: exit $rc: '$err'"
# what an unquoted fill_rate>=0.95 leaves after the shell's redirection, and a percentage
err=$("$S" optimise $F $L --require fill_rate --quiet 2>&1 >/dev/null); rc=$?
[ "$rc" = 2 ] && echo "$err" | grep -q "Put the condition in quotes, as in --require 'fill_rate>=0.95'"
ok $? "--require METRIC alone (the shell took >=X): exit $rc, the quotes named: '$err'"
err=$("$S" optimise $F $L --require 'fill_rate>=95' --quiet 2>&1 >/dev/null); rc=$?
[ "$rc" = 2 ] && echo "$err" | grep -q "fill_rate is a share of at most 1, not 95: for 95% write 0.95 or 95%$"
ok $? "--require fill_rate>=95: exit $rc, the share named, both ways to write it: '$err'"
err=$("$S" optimise $F $L --require 'fill_rate>=250' --quiet 2>&1 >/dev/null); rc=$?
[ "$rc" = 2 ] && echo "$err" | grep -q "fill_rate is a share of at most 1, not 250$"
ok $? "--require fill_rate>=250: exit $rc: '$err'"
# a share as a percentage, as [contract] targets write it: the same requirement as 0.95
a=$("$S" optimise $F $L --require 'fill_rate>=95%' --quiet 2> /dev/null | tail -n +2)
b=$("$S" optimise $F $L --require 'fill_rate>=0.95' --quiet 2> /dev/null | tail -n +2)
[ -n "$a" ] && [ "$a" = "$b" ] && echo "$a" | grep -q 'fill_rate is >= 95%$'
ok $? "--require fill_rate>=95% is fill_rate>=0.95"
# blanks around the operator, as students write it: the same requirement, and a refusal
# quotes the number without them
c=$("$S" optimise $F $L --require ' fill_rate >= 95% ' --quiet 2> /dev/null | tail -n +2)
[ -n "$c" ] && [ "$c" = "$b" ]
ok $? "--require ' fill_rate >= 95% ' is fill_rate>=0.95"
err=$("$S" optimise $F $L --require 'fill_rate >= 95 ' --quiet 2>&1 >/dev/null); rc=$?
[ "$rc" = 2 ] && echo "$err" | grep -q "fill_rate is a share of at most 1, not 95: for 95% write 0.95 or 95%$"
ok $? "--require 'fill_rate >= 95 ': exit $rc, the share named as without blanks: '$err'"
err=$("$S" optimise $F $L --require 'order_cycle_days_mean<=3%' --quiet 2>&1 >/dev/null); rc=$?
[ "$rc" = 2 ] && echo "$err" | grep -q "'3%' is not a number"
ok $? "--require on days with '%': exit $rc, refused: '$err'"
err=$("$S" optimise $F $L --require 'fill_rate>=150%' --quiet 2>&1 >/dev/null); rc=$?
[ "$rc" = 2 ] && echo "$err" | grep -q "fill_rate is a share of at most 100%, not 150%$"
ok $? "--require fill_rate>=150%: exit $rc, at most 100%, no second division: '$err'"
# a percentage past what a number holds is too large, as the scenario reader says of it
# (not "not a number"); a word still is not a number; 1.5e1% is 15%, as a share key reads it
err=$("$S" optimise $F $L --require 'fill_rate>=1e400%' --quiet 2>&1 >/dev/null); rc=$?
[ "$rc" = 2 ] && [ "$(echo "$err" | head -n 1)" = "servlab: --require: '1e400%' is too large to be a useful number" ]
ok $? "--require fill_rate>=1e400%: exit $rc, too large: '$err'"
err=$("$S" optimise --lang zh $F $L --require 'fill_rate>=1e400%' --quiet 2>&1 >/dev/null); rc=$?
[ "$rc" = 2 ] && [ "$(echo "$err" | head -n 1)" = "servlab: --require：“1e400%”太大，不是有意义的数" ]
ok $? "--lang zh --require fill_rate>=1e400%: exit $rc, the colon full-width as in every --require message: '$err'"
err=$("$S" optimise $F $L --require 'fill_rate>=abc' --quiet 2>&1 >/dev/null); rc=$?
[ "$rc" = 2 ] && [ "$(echo "$err" | head -n 1)" = "servlab: --require: 'abc' is not a number (write the share as a number, such as 0.95 or 95%)" ]
ok $? "--require fill_rate>=abc: exit $rc, not a number, a share's hint: '$err'"
# a word for a metric that is not a share: the hint to write digits
err=$("$S" optimise $F $L --require 'order_cycle_days_mean<=soon' --quiet 2>&1 >/dev/null); rc=$?
[ "$rc" = 2 ] && [ "$(echo "$err" | head -n 1)" = "servlab: --require: 'soon' is not a number (write the number in digits)" ]
ok $? "--require order_cycle_days_mean<=soon: exit $rc, write digits: '$err'"
# a unit after the number: the hint fits a metric (the reader's names a key's unit)
err=$("$S" optimise $F $L --require 'fill_rate>=95pts' --quiet 2>&1 >/dev/null); rc=$?
[ "$rc" = 2 ] && [ "$(echo "$err" | head -n 1)" = "servlab: --require: '95pts' is not a number (write the share as a number, such as 0.95 or 95%)" ]
ok $? "--require fill_rate>=95pts: exit $rc, a share's hint: '$err'"
err=$("$S" optimise $F $L --require 'order_cycle_days_mean<=2days' --quiet 2>&1 >/dev/null); rc=$?
[ "$rc" = 2 ] && [ "$(echo "$err" | head -n 1)" = "servlab: --require: '2days' is not a number (write just the number, in the metric's own unit)" ]
ok $? "--require order_cycle_days_mean<=2days: exit $rc, the metric's unit: '$err'"
err=$("$S" optimise --lang zh $F $L --require 'fill_rate>=95分' --quiet 2>&1 >/dev/null); rc=$?
[ "$rc" = 2 ] && echo "$err" | head -n 1 | grep -q '0.95' && ! echo "$err" | grep -q '键名'
ok $? "--lang zh --require fill_rate>=95分: exit $rc, a share's hint, no key's name: '$err'"
a=$("$S" optimise $F $L --require 'fill_rate>=9.5e1%' --quiet 2> /dev/null | tail -n +2)
[ -n "$a" ] && [ "$a" = "$b" ]
ok $? "--require fill_rate>=9.5e1% is fill_rate>=0.95"
# the share a percentage means, its digits moved, as typed back: 33.3 is 0.333 (33.3 / 100
# wrote 0.33299999999999996), and no exponent (5e1 is 0.5)
err=$("$S" optimise $F $L --require 'fill_rate>=33.3' --quiet 2>&1 >/dev/null); rc=$?
[ "$rc" = 2 ] && [ "$(echo "$err" | head -n 1)" = "servlab: --require: fill_rate is a share of at most 1, not 33.3: for 33.3% write 0.333 or 33.3%" ]
ok $? "--require fill_rate>=33.3: exit $rc, for 33.3% write 0.333: '$err'"
err=$("$S" optimise --lang zh $F $L --require 'fill_rate>=5e1' --quiet 2>&1 >/dev/null); rc=$?
[ "$rc" = 2 ] && echo "$err" | head -n 1 | grep -q '5e1%.*0\.5' && ! echo "$err" | grep -q 'e-'
ok $? "--lang zh --require fill_rate>=5e1: exit $rc, 0.5, no exponent: '$err'"
# the required value where the output states it, as a lever's value reads: no exponent
# (it wrote ">= 5e-07")
out=$("$S" optimise $F $L --require 'fill_rate>=0.0000005' --quiet 2> /dev/null)
echo "$out" | grep -q '^  where the mean of fill_rate is >= 0.00005%$' && ! echo "$out" | grep -q '[0-9]e-'
ok $? "--require fill_rate>=0.0000005: stated as a percentage, 0.00005%, its digits moved: $(echo "$out" | grep -i 'where')"
out=$("$S" optimise --lang zh $F $L --require 'fill_rate>=0.0000005' --quiet 2> /dev/null)
echo "$out" | grep -q '^  条件：满足率的均值 >= 0.00005%$' && ! echo "$out" | grep -q '[0-9]e-'
ok $? "--lang zh --require fill_rate>=0.0000005: stated as 0.00005%: $(echo "$out" | grep '条件')"
expect2 "--step 0" $F --param inventory.reorder_point --from 0 --to 5 --step 0 --quiet
expect2 "--to below --from" $F --param inventory.reorder_point --from 5 --to 0 --quiet
expect2 "two objectives" $F $L --minimise cost_total_per_day --maximise profit_per_day --quiet
expect2 "whole-number key, fractional step" $F --param order_cycle.processing_servers --from 1 --to 3 --step 0.5 --quiet
expect2 "two files" $F $F $L --quiet

out=$("$S" optimize $F $L --minimise cost_total_per_day --format csv --quiet); ok $? "optimize (alias) with csv runs"
head=$(echo "$out" | head -1)
case "$head" in inventory.reorder_point,inventory.order_up_to,*) r=0 ;; *) r=1 ;; esac
ok $r "csv: the levers first: $head"
want=$("$S" sweep $F --param inventory.reorder_point --from 5 --to 6 --steps 2 --format csv --quiet | head -1 | cut -d, -f2-)
[ "$(echo "$head" | cut -d, -f3-)" = "$want" ]; ok $? "csv: then the sweep's metric columns"
[ "$(echo "$out" | wc -l)" = 2 ]; ok $? "csv: one row"
table=$("$S" optimise $F $L --minimise cost_total_per_day --quiet)
runs=$(echo "$table" | sed -n 's/^Evaluations: \([0-9]*\) runs.*against \([0-9]*\) for the full grid.*/\1 \2/p')
set -- $runs
[ -n "$1" ] && [ "$1" -lt "$2" ]; ok $? "evaluations $1 below the full grid's $2"
echo "$table" | grep -q "indifference zone delta = "; ok $? "the table states delta"
# --reps above 10: the search still starts each point at 10 (Kim and Nelson add more
# where needed) while the full grid counts 20, and the output says so
D=scenarios/default.ini
G="--param inventory.reorder_point --from 200 --to 1200 --step 50 --param inventory.order_quantity --from 400 --to 2400 --step 100"
t20=$("$S" optimise $D $G --reps 20 --quiet)
echo "$t20" | grep -q "10 replications a point" &&
    echo "$t20" | grep -q "The scenario's 20 replications count for the full grid below; the search starts each point at"
ok $? "--reps 20: the search's 10 a point, and what the 20 count for, are said"
t10=$("$S" optimise $D $G --reps 10 --quiet)
! echo "$t10" | grep -q "count for the full grid below"
ok $? "--reps 10 (the first stage itself): no such sentence"
# every finalist within delta of the chosen one: said, since the 95 % guarantee cannot rank them
echo "$t20" | grep -q "The other 8 points lie within delta of the chosen one"
ok $? "finalists all within delta: the table says any of them will do"
two=$("$S" optimise $D --param inventory.reorder_point --from 500 --to 550 --step 50 --quiet)
echo "$two" | grep -q "The other point lies within delta of the chosen one: their difference is inside the"
ok $? "two finalists within delta: said in the singular"
small=$("$S" optimise $D $G --delta 0.2 --quiet)
! echo "$small" | grep -q "within delta of the chosen one"
ok $? "with --delta 0.2 (below the finalists' widest gap) it does not"
# chosen ahead by: the chosen point's paired lead on the replications both ran; where a
# finalist ran as many as the chosen one, it is the difference of the two means shown
echo "$small" | awk '
    /^\* / { chosen = $0 }
    /after [0-9]+ / { rows[++n] = $0 } # "  POINT  MEAN  REPS  after R  LEAD ± CI": fields 2..6 split on 2+ spaces
    END {
        split(chosen, c, "  +"); cmean = c[2]; creps = c[3]
        for (i = 1; i <= n; i++) {
            k = split(rows[i], f, "  +"); lead = f[k]; sub(/ ±.*/, "", lead)
            if (f[4] == creps) { same++; if ((cmean - f[3]) - lead > 0.011 || lead - (cmean - f[3]) > 0.011) bad++ }
            if (lead !~ /^[-+][0-9.]+$/) bad++
        }
        exit !(n == 8 && same >= 1 && !bad)
    }'
ok $? "chosen ahead by: a signed lead for each of the 8 others, the means' difference where the replications match: $(echo "$small" | grep -m2 'after 44')"
echo "$small" | grep -q "^Means over different numbers of replications cannot be compared directly" &&
    echo "$small" | grep -q "^early can show a better mean than the chosen one"
ok $? "... and the note says why a better mean can lose, as the finalists ran different replications"
# minimising: the lead is how much lower, never a signed zero; with every finalist at the
# same replications, no note about different replications
mn=$("$S" optimise $D --param inventory.safety_factor --from 0 --to 3 --minimise cost_total_per_day --quiet)
echo "$mn" | grep -q "lower$" && ! echo "$mn" | grep -qE "[-+]0\.0+ ±" && ! echo "$mn" | grep -q "^Means over different"
ok $? "--minimise: 'lower when minimising', no '+0.00' or '-0.00' lead, no note on uneven replications: $(echo "$mn" | grep -m1 ' ± ')"

# a lever's values are named as written: 0 + 12 x 0.15 is 1.8, never 1.7999999999999998
# (the values themselves: test_optimise's grid values)
sf=$("$S" optimise $D --param inventory.safety_factor --from 0 --to 3 --quiet)
echo "$sf" | grep -qE "^\*? +1\.8 " && ! echo "$sf" | grep -qE "[0-9]\.[0-9]{10,}"
ok $? "safety_factor 0 to 3 in 0.15s: the table names 1.8, no value with 10 decimals: $(echo "$sf" | grep -m1 'Best point')"

# the default step, (to - from) / 20, in the decimals of from and to: 5e-07, where the
# difference in binary gives 5.000000000032756e-07; written as a sweep's table writes a
# lever, without an exponent
ds=$("$S" optimise $F --param costs.holding_per_unit_day --from 1 --to 1.00001 --quiet)
echo "$ds" | grep -q "from 1 to 1.00001, step 0.0000005 (21 values)" && ! echo "$ds" | grep -qE "[0-9]\.[0-9]{10,}"
ok $? "default step of 1 to 1.00001 is 5e-07, written 0.0000005: $(echo "$ds" | grep -m1 ' step ')"

# a lever end that no point of the grid can take is said once, as a sweep says it: the
# option and value to change, for which lever, then the reader's problem without the point
# again (it said "optimise point (...)" twice), within 100 columns, exit 2 and nothing else
# (not once for each corner tried, nor twice from the threads)
invalid() { # WHAT EXPECTED ARGS...: stderr is exactly EXPECTED, stdout empty, exit 2
    what=$1 want=$2; shift 2
    out=$("$S" optimise "$@" --reps 2 --quiet 2> "$T0/err"); rc=$?
    [ "$rc" = 2 ] && [ -z "$out" ] && [ "$(cat "$T0/err")" = "$want" ]
    ok $? "$what: exit $rc, stderr '$(cat "$T0/err")'"
}
T0=$(mktemp -d)
OQ="--param inventory.order_quantity --from 0 --to 100"
RP="--param inventory.reorder_point --from 300 --to 900"
for th in 1 2; do
    invalid "two levers, --from 0 refused (threads $th)" "servlab: --from 0 for inventory.order_quantity gives an invalid scenario:
  [inventory] order_quantity: must be > 0, got 0" scenarios/default.ini $RP $OQ --threads $th
    invalid "two levers in Chinese (threads $th)" "servlab: inventory.order_quantity 的 --from 0 使情景无效：
  [inventory] order_quantity: 须 > 0，实际为 0" --lang zh scenarios/default.ini $RP $OQ --threads $th
done
invalid "one lever, --from 0 refused" "servlab: --from 0 for inventory.order_quantity gives an invalid scenario:
  [inventory] order_quantity: must be > 0, got 0" scenarios/default.ini $OQ
invalid "one lever in Chinese" "servlab: inventory.order_quantity 的 --from 0 使情景无效：
  [inventory] order_quantity: 须 > 0，实际为 0" --lang zh scenarios/default.ini $OQ
invalid "one lever, --from -100 (a range past the bound)" "servlab: --from -100 for inventory.order_quantity gives an invalid scenario:
  [inventory] order_quantity: must be > 0, got -100" scenarios/default.ini --param inventory.order_quantity --from -100 --to 1000 --step 100
# a --to that the file's other keys refuse (S = 40 is not above s = 100) is named as --to;
# s, given on the command line, has no line of the file to cite (not "(line 0)")
invalid "one lever, --to 100 refused by the file's S" "servlab: --to 100 for inventory.reorder_point gives an invalid scenario:
  tests/validation/zf_ss.ini:24: [inventory] order_up_to: S = 40 must be above reorder_point s = 100" $F --param inventory.reorder_point --from 0 --to 100 --step 10
# an end given with more digits than the grid's values are written with is that end, not
# "the grid's last value" (which --from never is); nor is a --to the step reaches
invalid "one lever, --from of many digits is named as --from" "servlab: --from -0.123456789 for inventory.order_quantity gives an invalid scenario:
  [inventory] order_quantity: must be > 0, got -0.123456789" scenarios/default.ini --param inventory.order_quantity --from -0.123456789 --to 1000 --step 100
"$S" optimise $F --param inventory.reorder_point --from 0 --to 100.123456789 --step 10.0123456789 --reps 2 --quiet 2> "$T0/err"
[ "$(head -n 1 "$T0/err")" = "servlab: --to 100.123456789 for inventory.reorder_point gives an invalid scenario:" ]
ok $? "one lever, --to of many digits that the step reaches is named as --to: $(head -n 2 "$T0/err")"
rm -rf "$T0"

# the requirement in Chinese: no blank between the metric's Chinese name and 的均值 (nor
# after the full-width colon before a Latin name), on the terminal and in the page
T0=$(mktemp -d)
"$S" optimise --lang zh scenarios/default.ini --param inventory.reorder_point --from 200 --to 1200 --step 100 \
    --require 'fill_rate>=0.95' --reps 4 --quiet > "$T0/req.txt" 2>&1
grep -q '^  条件：满足率的均值 >= 95%$' "$T0/req.txt"
ok $? "zh: the requirement reads 条件：满足率的均值 >= 95% (a share as a percentage): $(grep 条件 "$T0/req.txt")"
"$S" optimise --lang zh scenarios/default.ini --param inventory.reorder_point --from 200 --to 1200 --step 100 \
    --maximise fill_rate --require 'order_cycle_days_mean<=5' --reps 4 --quiet --out "$T0/o" > "$T0/lat.txt" 2>&1
grep -q '^  条件：order cycle days mean 的均值 <= 5$' "$T0/lat.txt" &&
    grep -q '条件：order cycle days mean 的均值 &lt;= 5。' "$T0/o/report.html"
ok $? "zh: a Latin metric after 条件： has its blank after it, not before: $(grep 条件 "$T0/lat.txt")"
rm -rf "$T0"

# --out DIR: optimise.csv (what --format csv prints), summary.txt (the settings, then the
# output as printed), report.html; optimize is the same command, so its outputs are its own
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
"$S" optimise $F $L --quiet --format csv > "$T/stdout.csv" 2> /dev/null
"$S" optimise $F $L --quiet --out "$T/o" > "$T/table.txt" 2> "$T/err"; rc=$?
[ "$rc" = 0 ] && cmp -s "$T/o/optimise.csv" "$T/stdout.csv" && [ -s "$T/o/report.html" ] &&
    head -n 1 "$T/o/summary.txt" | grep -q "^servlab .* optimise $F\$" && grep -q '^seed: ' "$T/o/summary.txt" &&
    sed -n '/^servlab .* optimise — /,$p' "$T/o/summary.txt" | cmp -s - "$T/table.txt" &&
    grep -q '<h1>' "$T/o/report.html" && [ ! -s "$T/err" ]
ok $? "--out writes optimise.csv (= --format csv), summary.txt (settings, then the table as printed) and report.html (status $rc): $(cat "$T/err"; ls "$T/o" | tr '\n' ' ')"
# the page's headline states the result in one sentence, as the table's best point says it;
# headline FILE: its text as the HTML writes it (escaped), without the tags inside it (the
# figure and its "± h" are one <span class="nb">, kept on a line: cli/html.h's html_figures)
headline() { grep -o '<p class="headline">.*<small>' "$1" | sed 's/<small>$//; s/<[^>]*>//g'; }
best=$(sed -n 's/^Best point: //p' "$T/table.txt")
fig=$(sed -n '/^Best point: /{n;s/^  [a-z_]* \(.* ± [0-9.]*\) (.*/\1/p;}' "$T/table.txt")
head=$(headline "$T/o/report.html")
[ -n "$best" ] && [ -n "$fig" ] && [ "$head" = "Profit: highest at $best, with $fig a day" ] &&
    grep -qF "<span class=\"nb\">$fig</span> a day<small>" "$T/o/report.html"
ok $? "report.html's headline: 'Profit: highest at $best, with $fig a day', the figure and its ± in one nowrap span (got '$head')"
# the measure comes first, so no verb has to agree with it: a plural label ("Units lost"),
# and an indented row of the report ("  of which transmission") named as the command line names it
# (units are lost with shortage = lost_sale: on $F every point ties at 0, said below)
"$S" optimise tests/validation/i2_lost_sales.ini --param inventory.order_up_to --from 1 --to 10 --minimise lost_sales_rate \
    --quiet --out "$T/ol" > /dev/null 2>&1
head=$(headline "$T/ol/report.html")
echo "$head" | grep -q "^Units lost: lowest at inventory.order_up_to = [0-9]*, with [0-9.]* ± [0-9.]*%$"
ok $? "--minimise lost_sales_rate: the headline 'Units lost: lowest at ..., with X ± Y%' (got '$head')"
"$S" optimise $F --param inventory.reorder_point --from 0 --to 20 --step 5 --minimise cycle_delivery_days --quiet \
    --out "$T/od" > /dev/null 2>&1
head=$(headline "$T/od/report.html")
echo "$head" | grep -q "^cycle_delivery_days: [0-9.]* ± [0-9.]* days at every point tried; shown at inventory.reorder_point = 0, "
ok $? "--minimise cycle_delivery_days (the same at every reorder point): the headline names the metric, not '  of which delivery' (got '$head')"
# a grid so small that the search runs more than the full grid would (15 points, a small
# --delta): no share above 100 %, but the runs, the full grid's, and why
G3="--param inventory.reorder_point --from 500 --to 600 --step 50 --param inventory.order_quantity --from 800 --to 1200 --step 100"
"$S" optimise scenarios/default.ini $G3 --delta 0.5 --quiet --out "$T/os" > "$T/ts.txt" 2> /dev/null
small=$(grep -o '<small>[^<]*' "$T/os/report.html" | sed 's/<small>//')
! grep -qE '[0-9]{3,}\.[0-9]%' "$T/ts.txt" && ! echo "$small" | grep -qE '[0-9]{3,}\.[0-9]%' &&
    grep -q "^Evaluations: [0-9]* runs (replications x points, 15 points), no fewer than the 150 of the full grid$" "$T/ts.txt" &&
    grep -q "^runs, as it runs 10 replications or more at each point it tries, to tell the best apart.$" "$T/ts.txt" &&
    echo "$small" | grep -q "^[0-9]* runs on common random numbers, no fewer than the full grid&#39;s 150 (15 points × 10 replications): on a grid this small the search saves no runs"
ok $? "a 3 x 5 grid with --delta 0.5: 'no fewer than the full grid', no share above 100 %: $(tail -n 3 "$T/ts.txt"); $small"
"$S" optimise --lang zh $F $L --minimise cost_total_per_day --quiet --out "$T/oz" > "$T/tz.txt" 2> /dev/null
best=$(sed -n 's/^最优点：//; T; s/, /，/gp' "$T/tz.txt") # the levers joined by a full-width comma
fig=$(sed -n '/^最优点：/{n;s/^  [^ ]* \(.* ± [0-9.]*\)（.*/\1/p;}' "$T/tz.txt")
head=$(headline "$T/oz/report.html")
[ -n "$best" ] && [ -n "$fig" ] && [ "$head" = "总成本在 $best 处最低：$fig/天" ]
ok $? "--lang zh --minimise: the headline '总成本在 $best 处最低：$fig/天' (got '$head')"
"$S" optimise --lang zh scenarios/default.ini $G3 --delta 0.5 --quiet --out "$T/osz" > "$T/tsz.txt" 2> /dev/null
small=$(grep -o '<small>[^<]*' "$T/osz/report.html" | sed 's/<small>//')
! grep -qE '[0-9]{3,}\.[0-9]%' "$T/tsz.txt" && ! echo "$small" | grep -qE '[0-9]{3,}\.[0-9]%' &&
    grep -q "不少于此分辨率下完整网格的 150 次" "$T/tsz.txt" && echo "$small" | grep -q "不少于完整网格的 150 次"
ok $? "--lang zh, the small grid: 不少于完整网格的 150 次, no share above 100 %: $(tail -n 3 "$T/tsz.txt"); $small"
# as many runs as the full grid (2 points x 6 replications, the search's first 6 at each): the
# same lines, never "100.0%" (which would read as no saving at all) nor "more than"
"$S" optimise scenarios/default.ini --param inventory.target_fill_rate --from 90% --to 99% --step 9% --reps 6 \
    --quiet --out "$T/oe" > "$T/te.txt" 2> /dev/null
small=$(grep -o '<small>[^<]*' "$T/oe/report.html" | sed 's/<small>//')
! grep -q "100.0%" "$T/te.txt" && ! grep -q "more than" "$T/te.txt" &&
    grep -q "^Evaluations: 12 runs (replications x points, 2 points), no fewer than the 12 of the full grid$" "$T/te.txt" &&
    echo "$small" | grep -q "^12 runs on common random numbers, no fewer than the full grid&#39;s 12 (2 points × 6 replications)"
ok $? "as many runs as the full grid: 'no fewer than the 12 of the full grid': $(tail -n 3 "$T/te.txt"); $small"
# a bound written as a long percentage (90.000...0%, 70 zeros) reads as the scenario reader reads it
long="90.$(printf '0%.0s' $(seq 1 70))%"
"$S" optimise scenarios/default.ini --param inventory.target_fill_rate --from "$long" --to 99% --step 9% --reps 2 \
    --quiet > /dev/null 2> "$T/err"; rc=$?
[ "$rc" = 0 ]
ok $? "a bound of 74 characters as a percentage is a number, as in a scenario file (status $rc): $(cat "$T/err")"
"$S" optimize $F $L --quiet --out "$T/o" > /dev/null 2> "$T/err"; rc=$?
[ "$rc" = 0 ] && [ ! -s "$T/err" ]
ok $? "optimize into optimise's folder: the same command, no warning (status $rc): $(cat "$T/err")"
"$S" run $F --reps 2 --quiet --out "$T/o" > /dev/null 2> "$T/err"; rc=$?
[ "$rc" = 0 ] && grep -q "holds the outputs of an earlier 'servlab optimise $F'" "$T/err"
ok $? "a run into optimise's folder is warned (status $rc): $(cat "$T/err")"

# every point ties on the objective (no units lost at any of these reorder points): the table
# and the page's headline say so, and that the point shown is only the first tried, not
# "lowest at 1500"; the within-delta note, which says less, is left out. A search whose
# points differ says none of it.
TIE="scenarios/default.ini --param inventory.reorder_point --from 1500 --to 3000 --minimise lost_sales_rate --reps 5"
"$S" optimise $TIE --quiet --out "$T/otie" > "$T/ttie.txt" 2> "$T/err"; rc=$?
head=$(headline "$T/otie/report.html")
[ "$rc" = 0 ] && grep -q "^Every one of the [0-9]* points the search tried has the same lost_sales_rate, 0.0000:$" "$T/ttie.txt" &&
    grep -q "^  the metric does not tell them apart, and the point shown is only the first the search tried (it$" "$T/ttie.txt" &&
    grep -q "^  starts at the low end of each lever's range), not a finding.$" "$T/ttie.txt" &&
    grep -q "^  --maximise profit_per_day --require 'lost_sales_rate<=0'$" "$T/ttie.txt" &&
    ! grep -q "lie within delta" "$T/ttie.txt" && grep -q "^Every one of the" "$T/otie/summary.txt"
ok $? "every point ties: the table says so and names --require (status $rc): $(cat "$T/err"; sed -n 6,14p "$T/ttie.txt")"
echo "$head" | grep -q "^Units lost: 0.0000 ± 0.0000% at every point tried; shown at inventory.reorder_point = 1500, the first the search tried$" &&
    ! echo "$head" | grep -q "lowest at"
ok $? "every point ties: the page's headline says so, not 'lowest at': '$head'"
"$S" optimise --lang zh $TIE --quiet > "$T/ttiez.txt" 2> /dev/null
grep -q "^搜索试过的 [0-9]* 个点，失销率全都相同，均为 0.0000：这个指标分不出它们的高下。$" "$T/ttiez.txt"
ok $? "every point ties, in Chinese: $(sed -n 9,12p "$T/ttiez.txt")"
# a level with decimals: shown as the best point's line shows it, and the suggested
# --require rounded the way that still keeps every point (down for >=); in Chinese the
# metric has its Chinese name, without a space after the comma
REV="scenarios/default.ini --param inventory.reorder_point --from 1500 --to 3000 --maximise revenue_per_day"
"$S" optimise $REV --quiet > "$T/trev.txt" 2> "$T/err"; rc=$?
shown=$(sed -n 's/^  revenue_per_day \([0-9.]*\) ± .*/\1/p' "$T/trev.txt")
[ "$rc" = 0 ] && [ -n "$shown" ] &&
    grep -q "^Every one of the [0-9]* points the search tried has the same revenue_per_day, $shown:$" "$T/trev.txt" &&
    ! grep -q "[0-9]\{10\}" "$T/trev.txt"
ok $? "every point ties at a level with decimals: shown as the best point's line, '$shown' (status $rc): $(sed -n 9,13p "$T/trev.txt")"
req=$(sed -n "s/^  --maximise profit_per_day --require '\(revenue_per_day>=[0-9.]*\)'$/\1/p" "$T/trev.txt")
"$S" optimise scenarios/default.ini --param inventory.reorder_point --from 1500 --to 3000 --maximise profit_per_day \
    --require "$req" --quiet > "$T/trevreq.txt" 2> "$T/err"; rc=$?
[ -n "$req" ] && [ "$rc" = 0 ] && ! grep -q "miss\(es\)\? the requirement" "$T/trevreq.txt"
ok $? "the suggested --require '$req' runs and keeps every point (status $rc): $(cat "$T/err")"
"$S" optimise --lang zh $REV --quiet > "$T/trevz.txt" 2> /dev/null
grep -q "^搜索试过的 [0-9]* 个点，每日收入全都相同，均为 $shown：" "$T/trevz.txt" && ! grep -q " revenue per day" "$T/trevz.txt"
ok $? "every point ties, in Chinese: the metric's Chinese name, no stray space: $(sed -n 6,10p "$T/trevz.txt")"
! grep -q "Every one of the\|at every point tried" "$T/table.txt" "$T/o/summary.txt" "$T/o/report.html"
ok $? "a search whose points differ says nothing of ties"

# every line fits a terminal of 100 columns, with one lever or two of long names, in
# English and in Chinese: the line of the random numbers (104 columns in English) parts
# after its semicolon, the best point after the comma between its levers
ONE="--param inventory.target_cycle_service_level --from 0.5 --to 0.99"
TWO="--param location.north.target_cycle_service_level --from 0.5 --to 0.99 --param location.south.target_cycle_service_level --from 0.5 --to 0.99"
for lang in en zh; do
    d=
    [ $lang = zh ] && d=zh/
    "$S" optimise scenarios/${d}pooling_central.ini --lang $lang --reps 2 --quiet $ONE --require 'cycle_service_level>=0.9' \
        > "$T/one_$lang.txt" 2>&1; rc=$?
    w=$(LC_ALL=C.UTF-8 wc -L < "$T/one_$lang.txt")
    [ "$rc" = 0 ] && [ "$w" -le 100 ]
    ok $? "$lang: one lever with a long name: every line within 100 columns ($w, status $rc)"
    "$S" optimise scenarios/${d}pooling_regional.ini --lang $lang --reps 2 --quiet $TWO > "$T/two_$lang.txt" 2>&1; rc=$?
    w=$(LC_ALL=C.UTF-8 wc -L < "$T/two_$lang.txt")
    [ "$rc" = 0 ] && [ "$w" -le 100 ]
    ok $? "$lang: two levers with long names: every line within 100 columns ($w, status $rc)"
done
grep -q '^on common random numbers; seed 1, generator mt19937;$' "$T/one_en.txt" &&
    grep -q '^  ± is the half-width of the 95% confidence interval\.$' "$T/one_en.txt"
ok $? "the line of the random numbers parts after its semicolon: $(sed -n 4,6p "$T/one_en.txt")"
grep -q '^Best point: location.north.target_cycle_service_level = [0-9.]*,$' "$T/two_en.txt" &&
    grep -q '^  location.south.target_cycle_service_level = [0-9.]*$' "$T/two_en.txt"
ok $? "two long levers: the best point parts after the comma between them: $(grep -A2 '^Best point' "$T/two_en.txt")"

# ... and so in the page's headline (optimise_headline)
"$S" optimise $F $L --require 'fill_rate>=0.0000005' --quiet --out "$T/require_small" > /dev/null 2>&1
grep -q 'Among the points where the mean of fill_rate is &gt;= 0.00005%\. ' "$T/require_small/report.html" &&
    ! grep -q '[0-9]e-' "$T/require_small/summary.txt" &&
    ! sed 's/<[^>]*>//g' "$T/require_small/report.html" | grep -q '[0-9]e-' # the text, not the chart's SVG attributes
ok $? "--require fill_rate>=0.0000005 --out: the page's headline says 0.00005%: $(grep -o 'Among[^.]*\.' "$T/require_small/report.html")"

# the best point's share as the report shows shares, a percentage (it printed 0.9979 ±
# 0.0048 under a requirement typed as 95%)
out=$("$S" optimise scenarios/default.ini --param inventory.reorder_point --from 200 --to 1200 --step 50 \
    --require 'fill_rate>=95%' --reps 5 --quiet 2> /dev/null)
echo "$out" | grep -q '^  fill_rate [0-9][0-9]\.[0-9]* ± [0-9.]*%$' && echo "$out" | grep -q '^  where the mean of fill_rate is >= 95%$'
ok $? "optimise-3.1 the required share at the best point as a percentage: $(echo "$out" | sed -n '/^Best point/,/^$/p')"
# no spread at all (a paired difference whose noise cancels): 2 decimals, not 8 zeros
out=$("$S" optimise scenarios/default.ini --param inventory.reorder_point --from 200 --to 1400 --step 50 \
    --require 'fill_rate>=99.999%' --reps 5 --quiet 2> /dev/null)
echo "$out" | grep -q '^  fill_rate 100\.0000 ± 0\.0000%$' && ! echo "$out" | grep -q '0000000'
ok $? "optimise-3.2 a spread of 0 (or 1e-13 of rounding) is none: no 8 decimals of zeros: $(echo "$out" | grep -E 'fill_rate 1|ahead|\+[0-9]' | head -4)"
# a requirement no point tried meets: the nearest point, and what to change
err=$("$S" optimise scenarios/default.ini --param inventory.reorder_point --from 200 --to 400 --step 50 \
    --require 'fill_rate>=99.99%' --reps 5 --quiet 2>&1 > /dev/null); rc=$?
[ "$rc" = 1 ] && [ "$(echo "$err" | sed -n 2p | sed 's/has fill_rate [0-9.]* ± [0-9.]*%/has fill_rate X/')" = \
    "The nearest point tried, inventory.reorder_point = 400, has fill_rate X." ] &&
    [ "$(echo "$err" | sed -n '3,$p' | tr '\n' ' ' | sed 's/  */ /g')" = "It lies at the end of inventory.reorder_point's range: widen the range (--to) or relax the requirement. " ]
ok $? "optimise-3.3 unmet at the range's end: the nearest point, its end and --to named (exit $rc): '$err'"
err=$("$S" optimise --lang zh scenarios/default.ini --param inventory.reorder_point --from 200 --to 400 --step 50 \
    --require 'fill_rate>=99.99%' --reps 5 --quiet 2>&1 > /dev/null); rc=$?
[ "$rc" = 1 ] && echo "$err" | sed -n 2p | grep -q '^试过的点中最接近的是 inventory.reorder_point = 400' &&
    echo "$err" | sed -n 3p | grep -q -- '--to）或放宽要求'
ok $? "optimise-3.4 ... in Chinese (exit $rc): '$err'"
err=$("$S" optimise scenarios/default.ini --param inventory.reorder_point --from 200 --to 1200 --step 50 \
    --require 'order_cycle_days_mean<=1' --reps 3 --quiet 2>&1 > /dev/null); rc=$?
[ "$rc" = 1 ] && echo "$err" | grep -q '^It lies inside the levers. ranges: the requirement asks more than these levers give'
ok $? "optimise-3.5 unmet inside the range: the requirement asks more than the levers give (exit $rc): '$err'"

# --out: the search's chart, optimise.png and on the page (two levers: the points tried
# at (lever 1, lever 2), coloured by the objective in bands, those that miss --require
# grey, the chosen one a diamond), the page's settings without [sweep]'s keys, which
# optimise does not read, and each "key = value" of its headline on one line
D=$(mktemp -d) || exit 1
trap 'rm -rf "$D"' EXIT
two="--param inventory.reorder_point --from 200 --to 1200 --step 50 --param inventory.order_quantity --from 400 --to 2400 --step 100"
"$S" optimise scenarios/default.ini $two --require 'fill_rate>=95%' --reps 5 --quiet --out "$D/two" > "$D/two.txt" 2>&1
rc=$?
P="$D/two/report.html"
best=$(sed -n 's/^Best point: inventory.reorder_point = \([0-9]*\), inventory.order_quantity = \([0-9]*\)$/\1, \2/p' "$D/two.txt")
[ "$rc" = 0 ] && [ "$(head -c 4 "$D/two/optimise.png" | od -An -c | tr -d ' ')" = '211PNG' ] && [ -n "$best" ] &&
    grep -q '<title>The points the search tried: default.ini</title>' "$P" &&
    grep -q ">chosen: $best: [0-9.]* ± [0-9.]*<" "$P" && grep -q '>misses fill_rate &#x3e;= 95%<' "$P" &&
    [ "$(grep -c '>[0-9.]* to [0-9.]*<' "$P")" -ge 2 ] && grep -q '<figcaption>The points the search tried (optimise.png)</figcaption>' "$P"
ok $? "optimise-4.1 two levers, --out: optimise.png and the page's chart: the chosen point ($best), the bands, the points that miss --require (exit $rc): $(grep -o '<title>[^<]*\|>chosen[^<]*\|>misses[^<]*' "$P")"
! grep -q '<code>sweep\.' "$P" && grep -q '<li><code>inventory.policy</code> = sQ</li>' "$P" &&
    grep -q '<li><code>inventory.reorder_point</code> = 500 <em>(not used: the search sets it at each point)</em></li>' "$P"
ok $? "optimise-4.2 the page's settings leave out [sweep]'s keys, which optimise does not use, and mark the file's values of its levers as not used: $(grep -o '<li><code>[a-z_.]*' "$P" | tr '\n' ' ')"
"$S" run scenarios/default.ini --reps 2 --set run.horizon_days=30 --quiet --out "$D/run" > /dev/null 2>&1
grep -q '<li><code>sweep.parameter</code> = inventory.safety_factor</li>' "$D/run/report.html"
ok $? "optimise-4.3 ... while run's page keeps them"
grep -q '<p class="headline">Profit: highest at <span class="nb">inventory.reorder_point = [0-9]*</span>, <span class="nb">inventory.order_quantity = [0-9]*</span>, with <span class="nb">' "$P"
ok $? "optimise-4.4 each 'key = value' of the headline is kept on one line (span.nb): $(grep -o '<p class="headline">.\{0,200\}' "$P")"
# the chart comes after the headline, before the search's table
[ "$(grep -o '<h2>[^<]*</h2>' "$P" | head -2 | tr -d '\n')" = '<h2>Charts</h2><h2>The search and its choice</h2>' ]
ok $? "optimise-4.5 the chart under the headline, then the search's table: $(grep -o '<h2>[^<]*</h2>' "$P" | tr -d '\n')"
# one lever: the objective against the lever with whiskers, and with --require that
# metric beneath with its bound dashed
"$S" optimise scenarios/default.ini --param inventory.reorder_point --from 200 --to 1200 --step 50 \
    --require 'fill_rate>=95%' --reps 5 --quiet --out "$D/one" > "$D/one.txt" 2>&1
rc=$?
P="$D/one/report.html"
[ "$rc" = 0 ] && [ -s "$D/one/optimise.png" ] && grep -q '>required: fill_rate &#x3e;= 95%<' "$P" &&
    grep -q '>meets the requirement<' "$P" && grep -q '>misses fill_rate &#x3e;= 95%<' "$P" &&
    grep -q '>Fill rate achieved (%)<' "$P" && grep -q ">chosen: $(sed -n 's/^Best point: inventory.reorder_point = //p' "$D/one.txt"): " "$P"
ok $? "optimise-4.6 one lever: the objective with the points that meet and miss --require, and its metric beneath with the bound (exit $rc): $(grep -o '>required[^<]*\|>meets[^<]*\|>chosen[^<]*' "$P")"
# Chinese
"$S" optimise --lang zh scenarios/zh/default.ini $two --require 'fill_rate>=95%' --reps 5 --quiet --out "$D/zh" > "$D/zh.txt" 2>&1
rc=$?
P="$D/zh/report.html"
[ "$rc" = 0 ] && grep -q '<title>搜索试过的点：default.ini</title>' "$P" && grep -q '>未达要求：满足率 &#x3e;= 95%<' "$P" &&
    grep -q '>选定：[0-9]*，[0-9]*：[0-9.]* ± [0-9.]*<' "$P" && grep -q '>[0-9.]* 至 [0-9.]*<' "$P" &&
    grep -q '<p class="headline">利润在 <span class="nb">inventory.reorder_point = [0-9]*</span>，<span class="nb">inventory.order_quantity = [0-9]*</span> 处最高' "$P" &&
    ! grep -q '<code>sweep\.' "$P"
ok $? "optimise-4.7 ... in Chinese (exit $rc): $(grep -o '<title>[^<]*\|>未达[^<]*\|>选定[^<]*' "$P"; grep -o '<p class="headline">.\{0,160\}' "$P")"

# a share's figures keep the digits that tell points apart (fill_rate near 100%: the table
# read 1.00 on every row when a spread under 1e-6 counted as none)
out=$("$S" optimise tests/validation/zf_ss.ini --param inventory.reorder_point --from 0 --to 20 --step 5 \
    --param inventory.order_up_to --from 10 --to 80 --step 10 --reps 3 --maximise fill_rate --quiet 2> /dev/null)
rows=$(echo "$out" | sed -n '/^[* ] [0-9]*, [0-9]* /p' | awk '{print $4}' | sort -u | wc -l)
[ "$rows" -gt 1 ]
ok $? "optimise-3.6 --maximise fill_rate near 100%: the candidates' figures differ ($rows distinct): $(echo "$out" | sed -n '/^[* ] [0-9]*, /p' | head -4)"
# a bound with an exponent: times 100, not the decimal point moved inside the exponent
out=$("$S" optimise $F $L --require 'fill_rate>=1e-10' --quiet 2> /dev/null)
echo "$out" | grep -q '^  where the mean of fill_rate is >= 0.00000001%$'
ok $? "optimise-3.7 --require fill_rate>=1e-10 reads >= 0.00000001%: $(echo "$out" | grep where)"

echo "test_optimise_cli: $pass passed, $fail failed"
[ "$fail" = 0 ]
