#!/bin/sh
# test_grid.sh - `servlab sweep` with two levers (cli/grid.h): the option parsing of a
# second and a third --param, [sweep] parameter2, the grid's CSV, each point's metrics
# against a one-lever sweep at the same values (common random numbers make them
# bit-identical), the region on a case whose answer is known, the files of --out and
# --plot, Chinese, batch --sweep with two levers, and shares just below 1 shown as
# such (>99.99), never as 100. Via tests/check.sh.
cd "$(dirname "$0")/.." || exit 1
. tests/check.sh
run() { "$@" > "$T/out" 2> "$T/err"; rc=$?; }
short="--reps 3 --set run.horizon_days=60 --set run.warmup_days=0 --quiet"
A="--param inventory.reorder_point --values 400,600"
B="--param inventory.order_quantity --values 800,1200,1600"

# ---- the command line ----
run "$S" sweep scenarios/default.ini $A $B $short --format csv
cp "$T/out" "$T/grid.csv"
ok "grid-1.1 two --param: exit 0, the CSV starts with both levers in the order given" \
    $([ $rc -eq 0 ] && head -1 "$T/grid.csv" | grep -q '^inventory.reorder_point,inventory.order_quantity,fill_rate,fill_rate_ci95,'; echo $?) "$(cat "$T/err")"
ok "grid-1.2 ... one row per grid point, the first lever changing slowest" \
    $([ "$(tail -n +2 "$T/grid.csv" | cut -d, -f1,2 | tr '\n' ' ')" = "400,800 400,1200 400,1600 600,800 600,1200 600,1600 " ]; echo $?) \
    "$(tail -n +2 "$T/grid.csv" | cut -d, -f1,2 | tr '\n' ' ')"
ok "grid-1.3 ... ending with is_profit_max and not_significantly_lower" \
    $(head -1 "$T/grid.csv" | grep -q ',profit_per_day,profit_per_day_ci95,is_profit_max,not_significantly_lower$'; echo $?)
# the same metric columns as a one-lever sweep: the header less the second lever and the last column
run "$S" sweep scenarios/default.ini $A $short --format csv
ok "grid-1.4 ... the same metric columns as a one-lever sweep" \
    $([ "$(head -1 "$T/grid.csv" | cut -d, -f1,3- | sed 's/,not_significantly_lower$//')" = "$(head -1 "$T/out")" ]; echo $?)
run "$S" sweep scenarios/default.ini $A $B --param demand.orders_per_day --values 30,40 $short
ok "grid-1.5 a third --param is refused: exit 2, named, nothing on stdout" \
    $([ $rc -eq 2 ] && grep -q "^servlab: --param demand.orders_per_day: a sweep varies one or two keys, and this is a third" "$T/err" && [ ! -s "$T/out" ]; echo $?) "$(cat "$T/err")"
run "$S" sweep scenarios/default.ini $A --param inventory.order_quantity $short
ok "grid-1.6 a second --param without its range: exit 2, the missing option named, at that --param" \
    $([ $rc -eq 2 ] && grep -q '^--param inventory.order_quantity: no --from: a second --param' "$T/err"; echo $?) "$(cat "$T/err")"

# ---- every point as a one-lever sweep gives it ----
same=0
for a in 400 600; do
    "$S" sweep scenarios/default.ini --set inventory.reorder_point=$a $B $short --format csv > "$T/one.csv" 2> /dev/null || same=1
    # the grid's rows at this value, less the first lever and the two flags; the one-lever rows less is_profit_max
    awk -F, -v a=$a 'NR > 1 && $1 == a' "$T/grid.csv" | cut -d, -f2- | sed 's/,[01],[01]$//' > "$T/g_rows"
    tail -n +2 "$T/one.csv" | sed 's/,[01]$//' > "$T/o_rows"
    cmp -s "$T/g_rows" "$T/o_rows" || same=1
done
ok "grid-2.1 each grid point's metrics are byte for byte a one-lever sweep's at the same values" $same
# a lone point is simulated with no book of streams (sim/rng_book.h); the grid's points,
# on 2 threads, replay the streams that the first of them recorded: the same numbers
same=0
for b in 800 1600; do
    "$S" sweep scenarios/default.ini --set inventory.reorder_point=600 --param inventory.order_quantity --values $b \
        $short --format csv > "$T/lone.csv" 2> /dev/null || same=1
    awk -F, -v b=$b 'NR > 1 && $1 == 600 && $2 == b' "$T/grid.csv" | cut -d, -f2- | sed 's/,[01],[01]$//' > "$T/g_rows"
    tail -n +2 "$T/lone.csv" | sed 's/,[01]$//' > "$T/o_rows"
    [ -s "$T/o_rows" ] && cmp -s "$T/g_rows" "$T/o_rows" || same=1
done
run "$S" sweep scenarios/default.ini $A $B $short --format csv --threads 2
cmp -s "$T/out" "$T/grid.csv" || same=1
ok "grid-2.2 a point simulated alone, and the grid on 2 threads, give the grid's rows byte for byte" $same

# ---- the optimum and the region ----
best=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) { if ($i == "profit_per_day") p = i; if ($i == "is_profit_max") m = i }; next }
    { if (!seen || $p > bp) { bp = $p; b = $1 "," $2; seen = 1 } if ($m == 1) { n++; flagged = $1 "," $2 } }
    END { print b, flagged, n }' "$T/grid.csv")
set -- $best
ok "grid-3.1 is_profit_max marks one point, the one of highest profit" $([ "$1" = "$2" ] && [ "$3" = 1 ]; echo $?) "$best"
# a second lever that changes nothing (no order is ever expedited): every column of the
# best row has the same profit, so the whole row is not significantly lower
run "$S" sweep scenarios/default.ini --param inventory.reorder_point --values 300,500,700 \
    --param costs.expedite_per_order --values 0,10,20,30 $short --format csv
rowof=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) { if ($i == "is_profit_max") m = i } ; next } $m == 1 { print $1 }' "$T/out")
near=$(awk -F, -v r="$rowof" 'NR > 1 && $1 == r { n += $NF } END { print n + 0 }' "$T/out")
ok "grid-3.2 a lever that changes nothing: the best row is not significantly lower all along (4 of 4)" \
    $([ $rc -eq 0 ] && [ "$near" = 4 ]; echo $?) "row $rowof, $near near; $(cat "$T/err")"
run "$S" sweep scenarios/default.ini --param inventory.reorder_point --values 300,500,700 \
    --param costs.expedite_per_order --values 0,10,20,30 $short
ok "grid-3.3 ... and the table marks them: one * and three + in that row" \
    $([ "$(grep -E "^ +$rowof " "$T/out" | head -1 | tr -cd '*+' )" = "+*++" ] || [ "$(grep -E "^ +$rowof " "$T/out" | head -1 | tr -cd '*+' | wc -c)" -eq 4 ]; echo $?) "$(grep -E "^ +$rowof " "$T/out" | head -1)"

# ---- [sweep] parameter2 in a file ----
sed '/^\[sweep\]/,$d' scenarios/default.ini > "$T/two.ini"
printf '[sweep]\nparameter = inventory.reorder_point\nvalues = 400, 600\nparameter2 = inventory.order_quantity\nvalues2 = 800, 1200, 1600\n' >> "$T/two.ini"
run "$S" sweep "$T/two.ini" $short --format csv
ok "grid-4.1 [sweep] parameter2 and values2 give the same grid as two --param" $([ $rc -eq 0 ] && cmp -s "$T/out" "$T/grid.csv"; echo $?) "$(cat "$T/err")"
printf '[sweep]\nparameter2 = inventory.order_quantity\nvalues2 = 800, 1200\n' > "$T/bad.ini"
sed '/^\[sweep\]/,$d' scenarios/default.ini > "$T/bad1.ini" && cat "$T/bad.ini" >> "$T/bad1.ini"
run "$S" sweep "$T/bad1.ini" $short
ok "grid-4.2 parameter2 without parameter: exit 2, file:line: [sweep] parameter: missing" \
    $([ $rc -eq 2 ] && all_messages "$T/err" | grep -q "bad1.ini:[0-9]*: \[sweep\] parameter: missing; a second lever needs a first"; echo $?) "$(cat "$T/err")"
run "$S" sweep scenarios/default.ini --param inventory.reorder_point --values 1,2 --param inventory.reorder_point --values 3,4 $short
ok "grid-4.3 the same key twice: exit 2, at the second --param" \
    $([ $rc -eq 2 ] && grep -q "^--param inventory.reorder_point: \[sweep\] parameter2: is the same key as the first --param$" "$T/err"; echo $?) "$(cat "$T/err")"
# the second lever's range is the second --param's: a missing or empty one is said there
run "$S" sweep scenarios/default.ini --param inventory.reorder_point --values 1,2 --param inventory.order_up_to --from 1 $short
ok "grid-4.3b a second --param without --to: said at that --param, naming --to (status $rc)" \
    $([ $rc -eq 2 ] && [ "$(first_message "$T/err")" = "--param inventory.order_up_to: no --to: a second --param varies a second key over a range of its own, so give --from, --to and --steps after it too (or --values)" ]; echo $?) "$(cat "$T/err")"
run "$S" sweep scenarios/default.ini --param inventory.reorder_point --values 1,2 --param inventory.order_up_to --from 9 --to 9 --steps 2 $short
ok "grid-4.3c a second lever's --to equal to its --from: said at that --to (status $rc)" \
    $([ $rc -eq 2 ] && [ "$(first_message "$T/err")" = "--to 9: [sweep] to2: equals the start of the range, --from 9; a sweep needs a range" ]; echo $?) "$(cat "$T/err")"
run "$S" sweep "$T/two.ini" --param inventory.safety_factor --values 1,2 $short --format csv
ok "grid-4.4 one --param on the command line replaces the file's whole sweep, its second lever too" \
    $([ $rc -eq 0 ] && head -1 "$T/out" | grep -q '^inventory.safety_factor,fill_rate,' && [ "$(wc -l < "$T/out")" -eq 3 ]; echo $?) "$(head -c 200 "$T/out") $(cat "$T/err")"

# ---- files: --out and --plot ----
run "$S" sweep scenarios/default.ini --param inventory.reorder_point --values 400,500,600,700 \
    --param inventory.order_quantity --values 800,1200,1600 $short --out "$T/o" --plot "$T/p.png"
ok "grid-5.1 --out writes sweep.csv, summary.txt, profit_surface.png and report.html; --plot the surface" \
    $([ $rc -eq 0 ] && [ -s "$T/o/sweep.csv" ] && [ -s "$T/o/summary.txt" ] && [ -s "$T/o/report.html" ] && \
      head -c 8 "$T/o/profit_surface.png" | grep -q PNG && head -c 8 "$T/p.png" | grep -q PNG; echo $?) "$(ls "$T/o") $(cat "$T/err")"
ok "grid-5.2 ... the page holds both tables and the chart inline" \
    $([ "$(grep -c '<table>' "$T/o/report.html")" -ge 2 ] && grep -q '<svg' "$T/o/report.html" && grep -q 'order_quantity' "$T/o/report.html"; echo $?)
ok "grid-5.2b ... its axes name the levers in the course's words, with their unit" \
    $(grep -q '>reorder point s (units)<' "$T/o/report.html" && grep -q '>order quantity Q (units)<' "$T/o/report.html"; echo $?)
run "$S" sweep scenarios/default.ini --param inventory.reorder_point --values 400,500,600,700 \
    --param inventory.order_quantity --values 800,1200,1600 $short --out "$T/oz" --lang zh
ok "grid-5.2c ... in Chinese, in the glossary's words: 再订货点 s（件）, 订货批量 Q（件）" \
    $([ $rc -eq 0 ] && grep -q '>再订货点 s（件）<' "$T/oz/report.html" && grep -q '>订货批量 Q（件）<' "$T/oz/report.html"; echo $?)
ok "grid-5.3 ... summary.txt names both levers and the best pair" \
    $(grep -q '^parameter2: inventory.order_quantity$' "$T/o/summary.txt" && grep -q '^profit_max_order_quantity: ' "$T/o/summary.txt" && grep -q '^grid: 4 x 3$' "$T/o/summary.txt"; echo $?)
ok "grid-5.4 ... no one-lever chart is drawn for a grid" $([ ! -e "$T/o/service_curve.png" ]; echo $?)
ok "grid-5.5 ... the best cell of both tables is marked *, as the notes' '(marked *)' says" \
    $([ "$(grep -o '<td class="num" style="background:#9fd4ae;font-weight:bold">\* [0-9]' "$T/o/report.html" | wc -l)" -eq 2 ] &&
        grep -q '(marked \*)' "$T/o/report.html"; echo $?) "$(grep -o '<td class="num" style="background:#9fd4ae[^<]*' "$T/o/report.html")"
# the service contours in the legend only where they are drawn: a level that every point
# reaches, or none does, has no line and is said in the subtitle instead (the text's lines
# about it stay)
ok "grid-5.6 ... default.ini: every point reaches fill rate 95%: said in the subtitle, not in the legend; 99% and 99.9% drawn and in it" \
    $(grep -q '; every point reaches fill rate 95%<' "$T/o/report.html" && ! grep -q '>fill rate 95%<' "$T/o/report.html" &&
        grep -q '>fill rate 99%<' "$T/o/report.html" && grep -q '>fill rate 99.9%<' "$T/o/report.html"; echo $?) \
    "$(grep -o '>fill rate 9[0-9.]*%<\|reaches fill rate[^<]*' "$T/o/report.html")"
for lang in en zh; do
    dir=scenarios
    [ $lang = zh ] && dir=scenarios/zh
    run "$S" sweep $dir/stances/base.ini --param order_cycle.processing_servers --from 1 --to 5 --steps 5 \
        --param inventory.safety_factor --values -0.5,0,0.5,1,1.5,2 $short --out "$T/unreached_$lang" --lang $lang
    case $lang in
    en) said='; no point reaches on-time rate 95%<' legend='>on-time rate 9[0-9.]*%<' line='^on_time_rate >= 95%: no point of the grid reaches it\.$' ;;
    zh) said='；网格中没有点达到准时率 95%<' legend='>准时率 9[0-9.]*%<' line='^准时率 >= 95%：网格中没有点达到。$' ;;
    esac
    ok "grid-5.7 $lang: the stances' grid, where no point is on time 95% of the time: no contour in the legend, the subtitle says so, the text too" \
        $([ $rc -eq 0 ] && grep -q "$said" "$T/unreached_$lang/report.html" && ! grep -q "$legend" "$T/unreached_$lang/report.html" &&
            grep -q "$line" "$T/out"; echo $?) "$(grep -o "$legend\|reaches[^<]*\|达到[^<]*" "$T/unreached_$lang/report.html") $(grep '95%' "$T/out")"
done

# ---- Chinese ----
run "$S" sweep scenarios/default.ini $A $B $short --lang zh --out "$T/zh"
ok "grid-6.1 --lang zh: the table, its notes and the chart in Chinese" \
    $([ $rc -eq 0 ] && grep -q '每日利润（行：reorder_point；列：order_quantity）' "$T/out" && grep -q '利润最大化点在 reorder_point = ' "$T/out" && \
      [ -s "$T/zh/profit_surface.png" ] && grep -q '利润曲面' "$T/zh/report.html"; echo $?) "$(cat "$T/err")"
ok "grid-6.2 ... no English sentence left in the table's notes" \
    $(! grep -qE 'Profit is highest|not significantly|most profitable|Between grid points' "$T/out"; echo $?)

# ---- batch --sweep with two levers ----
printf 'id,demand.orders_per_day\nlow,35\nhigh,45\n' > "$T/rows.csv"
run "$S" batch "$T/two.ini" "$T/rows.csv" --sweep $short --format csv
ok "grid-7.1 batch --sweep with two levers: best_ columns for both" \
    $([ $rc -eq 0 ] && head -1 "$T/out" | grep -q ',best_inventory.reorder_point,best_inventory.order_quantity,best_fill_rate,'; echo $?) "$(head -2 "$T/out") $(cat "$T/err")"
line=$(awk -F, '$1 == "high" { print $8 "," $9 }' "$T/out")
"$S" sweep "$T/two.ini" --set demand.orders_per_day=45 $short --format csv 2> /dev/null > "$T/high.csv"
want=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "is_profit_max") m = i; next } $m == 1 { print $1 "," $2 }' "$T/high.csv")
ok "grid-7.2 ... a row's best pair is its own sweep's" $([ -n "$want" ] && [ "$line" = "$want" ]; echo $?) "batch $line, sweep $want"

# ---- a share below 1 never reads 100 (cli/report.h, report_percent) ----
# reorder points high enough that fill rates near and at 100 %: the text table shows each
# cell with three decimals (as the sweep's table), a cell of exactly 1 as 100.000, and
# none below 1 as 100.000
H="--param inventory.reorder_point --values 700,900 --param inventory.order_quantity --values 1400,2400 --quiet"
"$S" sweep scenarios/default.ini $H --format csv > "$T/near.csv" 2> /dev/null
"$S" sweep scenarios/default.ini $H > "$T/near.txt" 2> /dev/null
# the fill-rate table's cells, row by row (the second table: after the line 'fill_rate, %')
awk '/^fill_rate, %/ { on = 1; next } on && /^ +[0-9]+ / { for (i = 2; i <= NF; i++) print $i } on && /^$/ { on = 0 }' \
    "$T/near.txt" | tr -d '*+' > "$T/cells"
awk -F, 'NR > 1 { print $3 }' "$T/near.csv" > "$T/shares"
bad=$(paste "$T/shares" "$T/cells" | awk '($1 < 1 && $2 == "100.000") || ($1 == 1 && $2 != "100.000") || $2 !~ /^>?[0-9]+\.[0-9][0-9][0-9]$/ { print }')
ok "grid-8.1 the text table shows fill rates with three decimals, 1 as 100.000 and none below 1 as 100.000" \
    $([ -z "$bad" ] && [ "$(wc -l < "$T/cells")" = 4 ]; echo $?) "share, cell: $bad"
# the run report's two decimals: s = 800, Q = 1900 fills 99.996% of the units (seed 1)
R="--set inventory.reorder_point=800 --set inventory.order_quantity=1900 --quiet"
fill=$("$S" run scenarios/default.ini $R --format csv 2> /dev/null | awk -F, '$1 == "fill_rate" { print $2 }')
"$S" run scenarios/default.ini $R --out "$T/run" > "$T/run.txt" 2> /dev/null
ok "grid-8.2 a fill rate of $fill reads >99.99% in the run report, its theory table and its page" \
    $(awk -v f="$fill" 'BEGIN { exit !(f > 0.99995 && f < 1) }' &&
        grep -q '^  Fill rate (units from stock)  *>99.99% ' "$T/run.txt" &&
        grep -q '^  Fill rate  *>99.99%  *>99.99% ±' "$T/run.txt" &&
        grep -q '&gt;99.99%' "$T/run/report.html"; echo $?)

# the flat top's extent: a lever whose near points share one value is named with it, not
# "from 1400 to 1400" (seed 1: the + point and the best share order_quantity = 1400)
run "$S" sweep scenarios/default.ini --param inventory.reorder_point --from 300 --to 900 --steps 4 \
    --param inventory.order_quantity --from 400 --to 2400 --steps 3 --reps 5
ok "grid-9.1 a flat top within one value of a lever names that value: 'order_quantity = 1400'" \
    $(grep -q '^  with reorder_point from 500 to 700 and order_quantity = 1400:$' "$T/out" &&
        ! grep -q 'from 1400 to 1400' "$T/out"; echo $?) "$(grep -A1 'not significantly lower (marked' "$T/out")"
run "$S" sweep scenarios/default.ini --param inventory.reorder_point --from 300 --to 900 --steps 4 \
    --param inventory.order_quantity --from 400 --to 2400 --steps 3 --reps 5 --lang zh
ok "grid-9.2 ... and in Chinese: 'reorder_point 从 500 到 700，order_quantity = 1400：'" \
    $(grep -q '^  reorder_point 从 500 到 700，order_quantity = 1400：利润曲面' "$T/out"; echo $?) \
    "$(grep -A1 '差异不显著（标' "$T/out")"

# every line fits a terminal of 100 columns with two long names and seven columns, in
# both languages: the corner of the tables (44 columns) takes two lines, the rows' lever
# above the columns', and the lines that name them wrap
for lang in en zh; do
    d=
    [ $lang = zh ] && d=zh/
    run "$S" sweep scenarios/${d}pooling_central.ini --lang $lang --reps 2 --quiet \
        --param inventory.target_cycle_service_level --values 0.7,0.8,0.9 \
        --param inventory.order_quantity --values 100,150,200,250,300,350,400
    ok "grid-10.1 $lang: two long names, seven columns: every line within 100 columns, the corner on two lines" \
        $([ $rc -eq 0 ] && [ "$(LC_ALL=C.UTF-8 wc -L < "$T/out")" -le 100 ] && ! grep -q ' $' "$T/out" &&
          [ "$(grep -c '^  target_cycle_service_level \\$' "$T/out")" -eq 2 ] &&
          [ "$(grep -c '^                order_quantity     100      150 ' "$T/out")" -eq 2 ] &&
          grep -qE '^ +0\.7 +[0-9.]+[+* ] ' "$T/out"; echo $?) "$(LC_ALL=C.UTF-8 wc -L < "$T/out"; sed -n 7,14p "$T/out")"
done
run "$S" sweep scenarios/pooling_central.ini --reps 2 --quiet \
    --param inventory.target_cycle_service_level --values 0.7,0.8 --param inventory.order_quantity --values 100,150
ok "grid-10.2 a corner that fits stays on one line, each column as wide as its figures" \
    $([ $rc -eq 0 ] && grep -q '^  target_cycle_service_level \\ order_quantity     100      150$' "$T/out"; echo $?) \
    "$(sed -n 7,10p "$T/out")"
# columns too many for a terminal even so: in blocks, each under its own head
run "$S" sweep scenarios/default.ini --reps 2 --quiet --param inventory.safety_factor --from 0 --to 2 --steps 3 \
    --param order_cycle.picking_servers --from 1 --to 10 --steps 10
ok "grid-10.3 ten columns of 10: in two blocks, every line within 100 columns, none ending in a blank" \
    $([ $rc -eq 0 ] && [ "$(LC_ALL=C.UTF-8 wc -L < "$T/out")" -le 100 ] && ! grep -q ' $' "$T/out" &&
      [ "$(grep -cE '^  picking_servers +1 +2 ' "$T/out")" -eq 2 ] && [ "$(grep -cE '^  picking_servers +9 +10$' "$T/out")" -eq 1 ]
      echo $?) "$(sed -n 7,22p "$T/out")"

# ---- the levers' values: the notes write them as the tables do (grid_lever_text) ----
# a lever whose grid values are computed (0.9 to 0.99 in 12 steps): the table's row head
# marked * is the value the notes name, not 0.9490909090909091
run "$S" sweep scenarios/default.ini $short --param inventory.target_cycle_service_level --from 0.9 --to 0.99 \
    --steps 12 --param inventory.order_quantity --from 400 --to 2400 --steps 3 --out "$T/gl"
best=$(sed -n '/^Profit per day/,/^$/p' "$T/out" | sed -n 's/^ *\(0\.[0-9]*\) .*\*.*/\1/p')
ok "grid-11.1 the notes name each lever value as the table's head writes it, $best" \
    $([ $rc -eq 0 ] && [ -n "$best" ] && grep -q "^Profit is highest at target_cycle_service_level = $best, " "$T/out" &&
      grep -q "most profitable at target_cycle_service_level = 0\.[0-9]\{6\},$" "$T/out" &&
      grep -q "from 0.9 to 0.981818 and order_quantity" "$T/out" && ! grep -q '[0-9]\.[0-9]\{7,\}' "$T/out" &&
      grep -q "Profit peaks at <span class=\"nb\">inventory.target_cycle_service_level = $best</span>, " "$T/gl/report.html"
      echo $?) "$(sed -n '/^Profit is highest/,$p' "$T/out")"
# values that 6 digits would write alike keep the digits that tell them apart; a whole
# number is written whole (not 1e+06), in the tables, the notes and the page
run "$S" sweep scenarios/default.ini $short --param costs.holding_per_unit_day --values 0.015,0.0150001,0.0150002 \
    --param inventory.reorder_point --values 1000000,2000000 --out "$T/gw"
ok "grid-11.2 0.015 and 0.0150001 are two rows, 1000000 is not 1e+06" \
    $([ $rc -eq 0 ] && [ "$(grep -c '^ *0\.0150001 ' "$T/out")" -eq 2 ] && ! grep -q 'e+06' "$T/out" "$T/gw/report.html" &&
      grep -q '^  holding_per_unit_day \\ reorder_point *1000000 *2000000$' "$T/out" &&
      grep -q '<th class="num">0.0150002</th>' "$T/gw/report.html" &&
      grep -q 'reorder_point = 1000000 (marked \*)' "$T/out"
      echo $?) "$(sed -n 7,20p "$T/out")"

check_done test_grid
