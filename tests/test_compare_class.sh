#!/bin/sh
# test_compare_class.sh - compare for a class of 60 students: compare.csv in rank order
# with the keys each file changed (changed_keys), every file in the CSV and the table,
# the class charts (profit_share.png, class_curve.png), and the same in Chinese.
# Uses $SERVLAB (default ./servlab), via tests/check.sh.
cd "$(dirname "$0")/.." || exit 1
. tests/check.sh
run() { "$@" > "$T/out" 2> "$T/err"; rc=$?; }
png_size() { od -An -tu1 -j16 -N8 "$1" | awk '{print $1*16777216 + $2*65536 + $3*256 + $4 "x" $5*16777216 + $6*65536 + $7*256 + $8}'; }

# ---- a class of 60 copies of the stances' base, each with its own open keys ----
B=scenarios/stances/base.ini
mkdir -p "$T/class"
i=1
while [ $i -le 60 ]; do
    f=$(printf '%s/class/s%02d.ini' "$T" $i)
    sf=$(( i % 5 ))   # safety_factor 0 .. 2 in steps of 0.5: files repeat, some land on the same point
    sv=$(( 2 + i % 3 ))
    sed -e "s/^safety_factor = 0.5 /safety_factor = $sf.$(( (i / 5) % 2 * 5 )) /" \
        -e "s/^processing_servers = 3 /processing_servers = $sv /" "$B" > "$f"
    i=$((i + 1))
done
cp "$B" "$T/class/s05.ini"                                           # handed in unchanged
sed -e 's/^safety_factor = 0.5 /safety_factor = 2 /' -e 's/^processing_servers = 3 /processing_servers = 4 /' "$B" > "$T/class/s01.ini"
sed -e 's/^policy = sQ .*/policy = base_stock/' -e '/^order_quantity = /d' "$B" > "$T/class/s02.ini"
sed 's/^price_per_unit = 12 /price_per_unit = 15 /' "$B" > "$T/class/s07.ini"     # a locked key: refused
sed 's/^order_fixed = 100 /order_fixed = 50 /' "$B" > "$T/class/s03.ini"          # a locked section: refused
run "$S" compare --base "$B" "$T"/class/*.ini --reps 2 --quiet --out "$T/o"
cp "$T/out" "$T/table.txt"
csv="$T/o/compare.csv"
ok "class-1.1 compare of 60 files exits 0 and writes compare.csv" $([ $rc -eq 0 ] && [ -s "$csv" ]; echo $?) "$(head -n 3 "$T/err")"
ok "class-1.2 compare.csv: a header and 60 rows" $([ "$(wc -l < "$csv")" -eq 61 ]; echo $?) "$(wc -l < "$csv")"
ok "class-1.3 changed_keys, then warnings, the new last column" $(head -n 1 "$csv" | grep -q ',significant,refused,changed_keys,warnings$'; echo $?)
i=1
missing=0
while [ $i -le 60 ]; do
    name=$(printf 's%02d.ini' $i)
    grep -q "/$name," "$csv" || missing=$((missing + 1))
    grep -qE "^ +[0-9]+  $name |^  $name(:[0-9]+)?: " "$T/table.txt" || missing=$((missing + 1))
    i=$((i + 1))
done
ok "class-1.4 every one of the 60 files is in compare.csv and in the table" $([ $missing -eq 0 ]; echo $?) "$missing missing"
# rank order: ranks rise from 1 and never fall; the refused files (no rank) come last, in the order given
awk -F, 'NR > 1 { if ($1 == "") { refused = 1; next } if (refused || $1 < last || (NR == 2 && $1 != 1)) bad = 1; last = $1 }
         END { exit bad }' "$csv"
ok "class-2.1 compare.csv is in rank order, rank 1 first, refused files after the ranked" $?
ok "class-2.2 the two refused files come last, in the order given" \
    $([ "$(tail -n 2 "$csv" | cut -d, -f1,2 | sed 's#,.*/#,#')" = "$(printf ',s03.ini\n,s07.ini')" ]; echo $?) "$(tail -n 2 "$csv" | cut -c1-80)"
ranked=$(awk -F, 'NR > 1 && $1 != ""' "$csv" | wc -l)
ok "class-2.3 the table has one row per ranked file (58)" \
    $([ "$ranked" -eq 58 ] && [ "$(grep -cE '^ +[0-9]+  s[0-9][0-9]\.ini ' "$T/table.txt")" -eq 58 ]; echo $?)
ok "class-2.4 the table's ranks run in the same order as compare.csv's rows" \
    $([ "$(grep -oE '^ +[0-9]+  s[0-9][0-9]\.ini' "$T/table.txt" | awk '{print $2}')" = "$(awk -F, 'NR > 1 && $1 != "" {print $2}' "$csv" | sed 's#.*/##')" ]; echo $?)
ok "class-2.5 files of equal profit share a rank" $(awk -F, 'NR > 1 && $1 != ""' "$csv" | cut -d, -f1 | uniq -d | grep -q .; echo $?)

# ---- changed_keys ----
row() { grep "/$1," "$csv"; }
ok "class-3.1 a known edit: changed_keys names both keys with their values, in check's order" \
    $(row s01.ini | grep -q ',"order_cycle.processing_servers = 4; inventory.safety_factor = 2",0$'; echo $?) "$(row s01.ini)"
ok "class-3.2 a file handed in unchanged: changed_keys is empty, the table says nothing changed" \
    $(row s05.ini | grep -q ',"",0$' && grep -A1 -E '^ +[0-9]+  s05\.ini ' "$T/table.txt" | grep -q '^      changed: nothing$'; echo $?)
ok "class-3.3 a new policy: the key that became unused is '(unused)', the reorder point set by the lever is not listed" \
    $(row s02.ini | grep -q ',"inventory.policy = base_stock; inventory.order_quantity = (unused)",0$'; echo $?) "$(row s02.ini)"
ok "class-3.4 a refused file still says what it changed" \
    $(row s07.ini | grep -q 'is locked by base.ini.*,"revenue.price_per_unit = 15",$'; echo $?) "$(row s07.ini)"
ok "class-3.5 the table shows the changes under the row" \
    $(grep -A1 -E '^ +[0-9]+  s01\.ini ' "$T/table.txt" | grep -q '^      changed: order_cycle.processing_servers = 4; inventory.safety_factor = 2$'; echo $?)
ok "class-3.6 run.replications and run.seed, set by compare, are never listed" $(! grep -q 'run\.\(replications\|seed\)' "$csv"; echo $?)
run "$S" compare --base "$B" "$T"/class/*.ini --reps 2 --quiet --format csv
ok "class-3.7 --format csv prints what compare.csv holds, which begins with a UTF-8 byte-order mark (for Chinese Excel)" \
    $([ $rc -eq 0 ] && [ "$(head -c 3 "$csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] && tail -c +4 "$csv" | cmp -s "$T/out" -
    echo $?) "$(head -c 8 "$csv" | od -c | head -n 1)"
ok "class-3.7b ... and standard output none" $([ "$(head -c 4 "$T/out")" = rank ]; echo $?)
run "$S" compare "$T/class/s05.ini" "$T/class/s01.ini" --reps 2 --quiet --format csv
ok "class-3.8 without --base the first file is the reference: it changed nothing, the other its two keys" \
    $([ $rc -eq 0 ] && row s05.ini | grep -q ',"",0$' && row s01.ini | grep -q ',"order_cycle.processing_servers = 4; inventory.safety_factor = 2",0$'; echo $?)
run "$S" compare "$T/class/s05.ini" "$T/class/s01.ini" --reps 2 --quiet --set sweep.service=on_time_rate
ok "class-3.9 with the on-time rate as the service metric, the table shows it once (no second 'on time' column)" \
    $([ $rc -eq 0 ] && grep -A1 -E '^ +on-time +against the best$' "$T/out" | grep -qE '^rank .* rate +cost  \(paired\)$' &&
      ! grep -q ' on time ' "$T/out"; echo $?) "$(head -n 6 "$T/out")"
# ... and compare.csv: on_time_rate once, the service's own column with its interval, then
# the columns as for any other service metric; a refused row has as many fields
printf '[demand]\nordrs = 1\n' > "$T/refused.ini"
"$S" compare "$T/class/s05.ini" "$T/refused.ini" --reps 2 --quiet --format csv --set sweep.service=on_time_rate \
    > "$T/ot.csv" 2> /dev/null
ok "class-3.9b ... compare.csv has on_time_rate once, as the service column; every row has its 14 fields" \
    $([ "$(head -n 1 "$T/ot.csv")" = "rank,scenario,profit_per_day,profit_ci95,percent_of_best,on_time_rate,on_time_rate_ci95,cost_total_per_day,difference_to_best,difference_ci95,significant,refused,changed_keys,warnings" ] &&
      [ "$(awk -F, '{print NF}' "$T/ot.csv" | sort -u)" = 14 ] && [ "$(wc -l < "$T/ot.csv")" -eq 3 ]; echo $?) "$(cat "$T/ot.csv")"
"$S" compare "$T/class/s05.ini" "$T/refused.ini" --reps 2 --quiet --format csv --set sweep.service=fill_rate \
    > "$T/fr.csv" 2> /dev/null
ok "class-3.9c ... with fill_rate, the columns of docs/contract.md: on_time_rate after fill_rate_ci95; 15 fields" \
    $([ "$(head -n 1 "$T/fr.csv")" = "rank,scenario,profit_per_day,profit_ci95,percent_of_best,fill_rate,fill_rate_ci95,on_time_rate,cost_total_per_day,difference_to_best,difference_ci95,significant,refused,changed_keys,warnings" ] &&
      [ "$(awk -F, '{print NF}' "$T/fr.csv" | sort -u)" = 15 ]; echo $?) "$(cat "$T/fr.csv")"
run "$S" compare "$T/class/s05.ini" "$T/class/s01.ini" --reps 2 --quiet --set sweep.service=fill_rate
ok "class-3.10 with the fill rate as the service metric, the on-time rate has its own column" \
    $([ $rc -eq 0 ] && grep -A1 -E '^ +fill +against the best$' "$T/out" | grep -qE '^rank .* rate  on time +cost  \(paired\)$'
      echo $?) "$(head -n 6 "$T/out")"

# ---- the class charts ----
for f in profit_share class_curve; do
    ok "class-4.1 $f.png is written, a 1280x860 PNG" $([ -s "$T/o/$f.png" ] && [ "$(png_size "$T/o/$f.png")" = "1280x860" ]; echo $?)
done
run "$S" compare --base "$B" "$T"/class/*.ini --reps 2 --quiet --plot "$T/class.png"
ok "class-4.2 --plot with more files than curves can show draws the class chart" \
    $([ $rc -eq 0 ] && [ "$(png_size "$T/class.png")" = "1280x860" ] && cmp -s "$T/class.png" "$T/o/class_curve.png"; echo $?)

# ---- in Chinese ----
run "$S" compare --lang zh --base "$B" "$T"/class/*.ini --reps 2 --quiet --out "$T/zh"
ok "class-5.1 --lang zh: exits 0, writes both charts" $([ $rc -eq 0 ] && [ -s "$T/zh/profit_share.png" ] && [ -s "$T/zh/class_curve.png" ]; echo $?)
ok "class-5.2 --lang zh: compare.csv is the English one, byte for byte" $(cmp -s "$T/zh/compare.csv" "$csv"; echo $?)
ok "class-5.3 --lang zh: the table says what changed in Chinese" \
    $(grep -q '^      改动：order_cycle.processing_servers = 4；inventory.safety_factor = 2$' "$T/out" && grep -q '^      改动：无$' "$T/out"; echo $?)
ok "class-5.4 --lang zh: the charts differ from the English ones (their text is translated)" \
    $(! cmp -s "$T/zh/profit_share.png" "$T/o/profit_share.png" && ! cmp -s "$T/zh/class_curve.png" "$T/o/class_curve.png"; echo $?)

# ---- the rank axis ----
# ranks are whole: two files' profit-share chart is labelled 1 and 2, not 0.5 ... 2.5
# (the page's SVG texts: the profit-share chart comes first, its rank ticks, then its
# share ticks up to 100, which fit the dots, not 0 to 120)
run "$S" compare "$B" "$T/class/s01.ini" --reps 2 --quiet --out "$T/two"
ticks=$(grep -o '<tspan[^>]*>[0-9.]*</tspan>' "$T/two/report.html" | sed 's/<[^>]*>//g' | awk '{ print } $0 == "100" { exit }' | tr '\n' ' ')
ok "class-6.1 two files: the rank axis reads 1 2, with no half ranks; the share axis does not start at 0" \
    $([ $rc -eq 0 ] && echo "$ticks" | grep -q '^1 2 ' && ! echo "$ticks" | grep -qE '(^| )(0|0\.5|1\.5|2\.5|120) '; echo $?) "$ticks"

# the page's changed keys drop the section only: the three channels' shares stay apart
# (each "key = value" whole, no <wbr>: on a narrow screen the keys have a line of their own)
run "$S" compare --base scenarios/stances/base.ini scenarios/stances/raise_service_cut_cost.ini --reps 2 --quiet --out "$T/stances"
ok "class-6.2 changed keys on the page: 'web.share = 0.75', never three bare 'share ='" \
    $([ $rc -eq 0 ] && grep -q '<span class="key">web.share = 0.75;</span>' "$T/stances/report.html" &&
      grep -q '<span class="key">processing_servers = 2;</span>' "$T/stances/report.html" &&
      ! grep -q '<span class="key">share = ' "$T/stances/report.html"; echo $?) \
    "$(sed 's/<wbr>//g' "$T/stances/report.html" | grep -o '<span class="key">[^<]*' | head -6)"

# the share chart counts the files other than the best, and the best's own legend entry
# says "the best" (it is the yardstick, never "not significantly below" itself)
share_texts() { grep -o '<tspan[^>]*>[^<]*</tspan>' "$1" | sed 's/<[^>]*>//g' | awk '/share of the best|占最优的百分比/ { on = 1 } /against the service curve|服务曲线对照/ { exit } on { print }'; }
ok "class-6.3 two files: the share chart's title counts the 1 other file, its legend names the best" \
    $(share_texts "$T/two/report.html" | head -n 1 | grep -qE '^Profit as a share of the best: (1 of the 1 other file not significantly lower|the other file is significantly lower)$' &&
      share_texts "$T/two/report.html" | grep -qx 'the best'; echo $?) "$(share_texts "$T/two/report.html" | head -n 25 | tr '\n' '|')"
ranked=$(awk -F, 'NR > 1 && $1 != "" { n++ } END { print n }' "$csv")
ok "class-6.3b the class of 60: the title counts the $((ranked - 1)) files other than the best" \
    $(share_texts "$T/o/report.html" | head -n 1 | grep -qE "^Profit as a share of the best: ([0-9]+ of the $((ranked - 1)) other files not significantly lower|all $((ranked - 1)) other files are significantly lower)\$"; echo $?) \
    "$ranked ranked; $(share_texts "$T/o/report.html" | head -n 1)"
run "$S" compare --lang zh "$B" "$T/class/s01.ini" --reps 2 --quiet --out "$T/two_zh"
ok "class-6.4 --lang zh: the title counts the other files (共 1 个), the legend says 最优" \
    $(share_texts "$T/two_zh/report.html" | head -n 1 | grep -qE '^利润占最优的百分比：(其余文件中有 1 个（共 1 个）与最优差异不显著|其余 1 个文件显著低于最优)$' &&
      share_texts "$T/two_zh/report.html" | grep -qx '最优'; echo $?) "$(share_texts "$T/two_zh/report.html" | head -n 25 | tr '\n' '|')"

# the class chart's rank labels stay inside the frame, clear of its inward ticks: lesson
# 15's files 3 and 5 sit at the right edge, their labels go left
st=scenarios/stances
run "$S" compare $st/base.ini $st/hold_service_cut_cost.ini $st/raise_both.ini $st/hold_cost_raise_service.ini \
    $st/raise_service_cut_cost.ini --base $st/base.ini --service perfect_order_rate --reps 2 --quiet --lang zh --out "$T/st15"
ok "class-6.5 lesson 15's class chart: every rank label is clear of the frame's ticks (tests/svg_label_room.awk)" \
    $([ $rc -eq 0 ] && LC_ALL=C awk -f tests/svg_label_room.awk "$T/st15/report.html" > "$T/room"; echo $?) "$(cat "$T/room")"

# ---- a class that crowds near 100 %: the class chart on the shortfall scale ----
CB=course-notes/class-example/base.ini
mkdir -p "$T/crowd" "$T/spread"
for rp in 500 520 540 560 580 600 620 640 660 700 750 800; do
    sed "s/^reorder_point *=.*/reorder_point = $rp/" "$CB" > "$T/crowd/r$rp.ini"
done
for rp in 300 340 380 420; do sed "s/^reorder_point *=.*/reorder_point = $rp/" "$CB" > "$T/spread/r$rp.ini"; done
run "$S" compare --base "$CB" "$T"/crowd/*.ini --reps 3 --quiet --out "$T/crowdout"
ok "class-8.1 files crowding near 100 %: the class chart's x axis is the log shortfall (status $rc)" \
    $([ $rc -eq 0 ] && grep -q 'on a log scale of what falls short of 100%' "$T/crowdout/report.html"; echo $?)
run "$S" compare --base "$CB" "$T"/spread/*.ini --reps 3 --quiet --out "$T/spreadout"
ok "class-8.2 ... files spread out: a linear axis (status $rc)" \
    $([ $rc -eq 0 ] && [ -s "$T/spreadout/class_curve.png" ] && ! grep -q 'on a log scale' "$T/spreadout/report.html"; echo $?)

# ---- what the class must see: warnings, the keys a student wrote, the seed, the names ----
mkdir -p "$T/w/a" "$T/w/b"
sed 's/^processing_days = exponential(0.02)/processing_days = exponential(2)/' "$CB" > "$T/w/jam.ini" # overloaded
sed 's/^reorder_point = 500/target_fill_rate = 0.99/' "$CB" > "$T/w/target.ini"
sed -e 's/^policy = sQ/policy = sS\norder_up_to = 1800/' -e '/^order_quantity/d' "$CB" > "$T/w/ss.ini"
sed 's/^orders_per_day = 40/orders_per_day = 40\nfirst_order_days = 1/' "$CB" > "$T/w/first.ini" # a locked key the base leaves unset
cp "$T/w/target.ini" "$T/w/a/x.ini"
cp "$T/w/ss.ini" "$T/w/b/x.ini"
run "$S" compare --base "$CB" "$CB" "$T/w/jam.ini" "$T/w/target.ini" "$T/w/ss.ini" "$T/w/first.ini" "$T/w/a/x.ini" "$T/w/b/x.ini" \
    --reps 2 --seed 2 --quiet --out "$T/wout"
cp "$T/out" "$T/w.txt"
ok "class-9.1 an overloaded file that never settles: its row is marked '!' (status $rc)" \
    $([ $rc -eq 0 ] && grep -qE '^ +[0-9]+!  jam\.ini ' "$T/w.txt" && ! grep -qE '^ +[0-9]+!  (base|target|ss)\.ini ' "$T/w.txt"; echo $?) \
    "$(grep -E '^ +[0-9]+!? ' "$T/w.txt")"
ok "class-9.2 ... and its warnings are listed under the table, naming the file: overloaded, does not settle" \
    $(grep -q '^Warnings on the files marked !$' "$T/w.txt" && grep -q '^  ! jam\.ini: order processing is overloaded' "$T/w.txt" &&
      grep -A3 '^  ! jam\.ini: the backlog grows:' "$T/w.txt" | grep -q '^    .*the system does not settle; results depend on the horizon$' &&
      [ "$(LC_ALL=C.UTF-8 wc -L < "$T/w.txt")" -le 100 ] && ! grep -q ' $' "$T/w.txt"; echo $?) "$(grep -A7 '^Warnings' "$T/w.txt")"
ok "class-9.2b ... and compare.csv counts them in its last column, warnings (0 for the others)" \
    $(grep '/jam.ini,' "$T/wout/compare.csv" | grep -q '",2$' && [ "$(grep -c '",0$' "$T/wout/compare.csv")" -eq 5 ]; echo $?) \
    "$(cut -c1-30 "$T/wout/compare.csv"; grep -o '",[0-9]*$' "$T/wout/compare.csv")"
ok "class-9.3 ... and on the page: the mark on its row, the warnings under the table" \
    $(grep -q '<span class="mark" title="order processing is overloaded' "$T/wout/report.html" &&
      grep -q '<div class="warn">jam\.ini: order processing is overloaded' "$T/wout/report.html" &&
      grep -q '<div class="warn">jam\.ini: the backlog grows' "$T/wout/report.html" &&
      [ "$(grep -c 'class="mark"' "$T/wout/report.html")" -eq 1 ]; echo $?)
ok "class-9.4 a target the student wrote comes first; the reorder point servlab derived is rounded (compare.csv keeps it whole)" \
    $(grep -q '^      changed: inventory.target_fill_rate = 0.99; inventory.reorder_point = 515.4$' "$T/w.txt" &&
      grep '/target.ini,' "$T/wout/compare.csv" | grep -q ',"inventory.reorder_point = 515.41[0-9]*; inventory.target_fill_rate = 0.99",0$' &&
      grep -q '<span class="key">target_fill_rate = 0.99;</span> <span class="key">reorder_point = 515.4</span>' \
          "$T/wout/report.html"; echo $?) \
    "$(grep -A1 ' target.ini ' "$T/w.txt")"
ok "class-9.5 a new policy: the keys the student wrote (policy, order_up_to) come before the one left unused" \
    $(grep -A1 -E '^ +[0-9]+  ss\.ini ' "$T/w.txt" | grep -q '^      changed: inventory.policy = sS; inventory.order_up_to = 1800'; echo $?) \
    "$(grep -A1 ' ss.ini ' "$T/w.txt")"
ok "class-9.6 --seed 2: the table says the seed came from --seed, not from the base" \
    $(grep -q '^seed 2 (from --seed), generator' "$T/w.txt"; echo $?) "$(sed -n 2p "$T/w.txt")"
ok "class-9.7 two files named x.ini in two folders: a/x.ini and b/x.ini, in the table and on the page" \
    $(grep -qE '^ +[0-9]+  a/x\.ini ' "$T/w.txt" && grep -qE '^ +[0-9]+  b/x\.ini ' "$T/w.txt" &&
      grep -q '<td class="file">a/<wbr>x.ini</td>' "$T/wout/report.html" && grep -q '<td class="file">b/<wbr>x.ini</td>' "$T/wout/report.html" &&
      grep -qE '^ +[0-9]+  target\.ini ' "$T/w.txt"; echo $?) "$(grep -E '^ +[0-9]+!? ' "$T/w.txt")"
# a long file name wraps between its words in a narrow column (800 px), not inside one:
# a break is allowed after each '_' and '/' (a hyphen allows one already)
mkdir -p "$T/long"
cp "$CB" "$T/long/hold_cost_raise_service_final-version.ini"
run "$S" compare --base "$CB" "$CB" "$T/long/hold_cost_raise_service_final-version.ini" --reps 2 --quiet --out "$T/longout"
ok "class-9.7b a long file name on the page may break after each '_', so no word is cut (status $rc)" \
    $([ $rc -eq 0 ] && grep -q '<td class="file">hold_<wbr>cost_<wbr>raise_<wbr>service_<wbr>final-version.ini</td>' \
        "$T/longout/report.html"; echo $?) "$(grep -o '<td class="file">[^/]*/td>' "$T/longout/report.html")"
ok "class-9.8 a locked key the base leaves unset: '(not set)' in the refusal" \
    $(grep -q '^  first.ini:[0-9]*: \[demand\] first_order_days is locked by base.ini: (not set) in the base, 1 here$' "$T/w.txt"; echo $?) \
    "$(grep 'first.ini' "$T/w.txt")"
run "$S" compare --lang zh --base "$CB" "$CB" "$T/w/jam.ini" "$T/w/first.ini" --reps 2 --quiet
ok "class-9.9 --lang zh: the refusal's （未设定） in full-width brackets; the mark and the warnings in Chinese" \
    $(grep -q '基础文件中为 （未设定），这里为 1$' "$T/out" && grep -qE '^ +[0-9]+!  jam\.ini ' "$T/out" &&
      grep -q '^警告：标有 ! 的文件$' "$T/out" && grep -q '^  ! jam\.ini: ' "$T/out"; echo $?) "$(grep -A3 '警告\|未设定' "$T/out")"

# a key the base gives and a file leaves out, which has no default: "(not set)" under the
# file's row, in either language (the reader flags it: not told by the translated text),
# "(unused)" in compare.csv
printf '[run]\nreplications = 2\n[demand]\norders_per_day = 5\nfirst_order_days = 1\n[inventory]\npolicy = sQ\nreorder_point = 20\norder_quantity = 40\n' > "$T/ns_base.ini"
printf '[run]\nreplications = 2\n[demand]\norders_per_day = 5\n[inventory]\npolicy = sQ\nreorder_point = 20\norder_quantity = 40\n' > "$T/ns.ini"
"$S" compare --base "$T/ns_base.ini" "$T/ns.ini" --quiet > "$T/out" 2>&1
"$S" compare --base "$T/ns_base.ini" "$T/ns.ini" --quiet --lang zh > "$T/zh.txt" 2>&1
"$S" compare --base "$T/ns_base.ini" "$T/ns.ini" --quiet --format csv > "$T/ns.csv" 2>&1
ok "class-9.10 a key left out that has no default: (not set) under the row, （未设定） in Chinese, (unused) in the CSV" \
    $(grep -q '^      changed: demand.first_order_days = (not set)$' "$T/out" &&
      grep -q '^      改动：demand.first_order_days = （未设定）$' "$T/zh.txt" &&
      grep -q ',"demand.first_order_days = (unused)",0$' "$T/ns.csv"; echo $?) "$(cat "$T/out" "$T/zh.txt" "$T/ns.csv")"

# ---- a class of 30 on a projector: the page fits 1280 px ----
mkdir -p "$T/thirty"
i=1
while [ $i -le 30 ]; do
    sed -e "s/^reorder_point = 500/reorder_point = $((400 + i * 10))/" -e "s/^order_quantity = 1200/order_quantity = $((1000 + i * 20))/" \
        -e "s/^processing_servers = 1/processing_servers = $((1 + i % 3))/" \
        -e "s/^picking_days = exponential(0.015)/picking_days = triangular(0.01, 0.015, 0.0$((2 + i % 5)))/" "$CB" > "$T/thirty/student_with_a_long_name_$i.ini"
    i=$((i + 1))
done
cp "$T/w/jam.ini" "$T/thirty/"
if tests/need.sh test browser > /dev/null 2>&1; then
    for l in en zh; do
        run "$S" compare --lang $l --base "$CB" "$T"/thirty/*.ini --reps 2 --quiet --out "$T/thirty_$l"
        timeout 600 /usr/bin/python3 tests/html_check.py "$T/thirty_$l/report.html" --fit > "$T/check" 2>&1
        check=$? # html_check's own status, not the compare run's ($rc)
        ok "class-10.1 $l: the page of 31 files fits a 1280 px projector (no sideways scrolling)" \
            $([ $rc -eq 0 ] && [ $check -eq 0 ] && grep -q '^ok   fit:' "$T/check"; echo $?) "$(grep -E '^FAIL|fit:' "$T/check")"
    done
    # at 800 px the best row's bold file name stays whole: "student42.ini", not
    # "student42.i" / "ni" (a name breaks only at html_name's <wbr>s); the students of
    # docs/debrief/shots.sh's class, 11 of them
    mkdir -p "$T/eleven"
    for i in 40 41 42 43 44 45 55 56 57 58 59; do
        sf=$(echo "0.5 1 1.25 1.5 2" | cut -d' ' -f$((i % 5 + 1)))
        sed -e "s/^processing_servers = 3 /processing_servers = $((2 + i % 3)) /" \
            -e "s/^picking_servers = 1 /picking_servers = $((1 + i % 2)) /" \
            -e "s/^order_quantity = 800 /order_quantity = $((400 + 100 * (i % 7))) /" \
            -e "s/^safety_factor = 0.5 /safety_factor = $sf /" "$B" > "$T/eleven/student$i.ini"
    done
    run "$S" compare --base "$B" "$T"/eleven/*.ini --reps 2 --quiet --out "$T/eleven_out"
    timeout 600 /usr/bin/python3 tests/html_check.py "$T/eleven_out/report.html" --fit 800 > "$T/check" 2>&1
    ok "class-10.2 at 800 px every file name breaks only at its <wbr>s, the best row's bold one too" \
        $([ $rc -eq 0 ] && grep -q '^ok   fit:' "$T/check"; echo $?) "$(grep 'fit:' "$T/check")"
    # ... and each changed key is whole ("processing_servers = 2;", not "processing_" /
    # "servers = 2;" in a 12em column, six lines a row): below 1200 px the keys, the
    # ranking's last column, have a line of their own under their row (compare_style)
    ok "class-10.3 at 800 px the changed keys sit under their row, each key whole" \
        $([ $rc -eq 0 ] && grep -q '^ok   fit:' "$T/check" && ! grep -q 'span.key' "$T/check" &&
          grep -q 'table.ranking tr>:last-child{grid-column:2/-1' "$T/eleven_out/report.html"; echo $?) \
        "$(grep 'fit:' "$T/check")"
else
    echo "test_compare_class: skipped: the 1280 px check needs a browser (tests/need.sh browser)"
fi

# ---- a file that does not load says why, where the class sees it ----
mkdir -p "$T/bad"
sed 's/^safety_factor = 0.5 /safety_factor ＝ 1 /' "$B" > "$T/bad/wide.ini"
sed -e 's/^safety_factor = 0.5 /safety_factr = 1 /' -e 's/^processing_servers = 3 /processing_servers = many /' "$B" > "$T/bad/two.ini"
run "$S" compare --base "$B" "$B" "$T/bad/wide.ini" "$T/bad/two.ini" --reps 2 --quiet --out "$T/badout"
line=$(grep -n '^safety_factor' "$B" | cut -d: -f1)
ok "class-7.1 the table names a refused file's line and first problem, and counts the rest (status $rc)" \
    $([ $rc -eq 0 ] && grep -A1 "^  wide.ini:$line: does not load: \[inventory\] safety_factor: full-width '＝' (U+FF1D);$" "$T/out" |
          grep -q "^    type '=' (switch the input method to half-width)$" &&
      sed -n '/^  two.ini:[0-9]*: does not load: /,/more problem)$/p' "$T/out" | tr '\n' ' ' | tr -s ' ' |
          grep -q "'many' is not a number (write a whole number in digits, 0 to 1000000; see 'servlab keys order_cycle') (and 1 more problem) $" &&
      [ "$(LC_ALL=C.UTF-8 wc -L < "$T/out")" -le 100 ]; echo $?) "$(tail -n 12 "$T/out")"
ok "class-7.1b ... once: stderr does not repeat the refusals the table lists" \
    $(! grep -q 'wide.ini' "$T/err" && ! grep -q 'two.ini' "$T/err"; echo $?) "$(cat "$T/err")"
ok "class-7.1d ... and lists the rest under it, each named as the table names the file (two.ini, not its path)" \
    $(grep -A4 "^  two.ini:[0-9]*: does not load: " "$T/out" | grep -q "^    two.ini:[0-9]*: \[inventory\] safety_factr: unknown key"; echo $?) \
    "$(tail -n 12 "$T/out")"
# a history with negative rows and a later bad row: one message of the history reader on two lines
printf 'date,units\n2024-03-04,5\n2024-03-05,-2\n2024-03-06,-1\n2024-03-07,abc\n2024-03-08,4\n' > "$T/bad/sales.csv"
printf '[demand]\nhistory = sales.csv\nhistory_kind = daily\n' > "$T/bad/hist.ini"
run "$S" compare --base "$B" "$B" "$T/bad/hist.ini" --reps 2 --quiet
ok "class-7.1e a history's two problems: the first with the count, the second under it (status $rc)" \
    $([ $rc -eq 0 ] && sed -n '/^Refused$/,/more problem)$/p' "$T/out" | tr '\n' ' ' | tr -s ' ' |
          grep -q "^Refused hist.ini: does not load: .*sales.csv:3:2: column 'units': -2 is negative, .* (and 1 more problem) $" &&
      sed -n '/more problem)$/,/^$/p' "$T/out" | sed 1d | tr '\n' ' ' | tr -s ' ' |
          grep -q "^ .*sales.csv:5:2: column 'units': 'abc' is not a number (write the number in digits) $"; echo $?) "$(tail -n 12 "$T/out")"
run "$S" compare --base "$B" "$B" "$T/bad/wide.ini" --reps 2 --quiet --format csv
ok "class-7.1c ... with CSV on stdout, stderr says each refusal once" \
    $([ "$(grep -c 'wide.ini' "$T/err")" -eq 1 ] && grep -q "wide.ini:$line: refused: does not load" "$T/err"; echo $?) "$(cat "$T/err")"
ok "class-7.2 ... and so do compare.csv and the page" \
    $(grep -q "^,$T/bad/wide.ini,,,,,,,,,,\"does not load (line $line): \[inventory\] safety_factor: full-width" "$T/badout/compare.csv" &&
      grep -q "wide.ini:$line: does not load: \[inventory\] safety_factor: full-width" "$T/badout/report.html"; echo $?) \
    "$(tail -n 2 "$T/badout/compare.csv")"
run "$S" compare --base "$B" "$B" "$T/bad/wide.ini" --reps 2 --quiet --lang zh
ok "class-7.3 ... in Chinese" $(grep -q "^  wide.ini:$line: 无法读入：\[inventory\] safety_factor: 全角字符" "$T/out"; echo $?) "$(tail -n 6 "$T/out")"
# a long reason in Chinese is cut between characters: the CSV and the page stay UTF-8
long="$T/很长的中文文件夹名称很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长"
mkdir -p "$long"
printf '[demand]\nhistory = 不存在的历史文件名称很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长.csv\nhistory_kind = daily\n[inventory]\npolicy = sQ\nreorder_point = 5\norder_quantity = 10\n' > "$long/x.ini"
run "$S" compare "$B" "$long/x.ini" --reps 2 --quiet --lang zh --out "$T/longout"
ok "class-7.7 a long Chinese reason leaves compare.csv, the page and the table valid UTF-8 (status $rc)" \
    $([ $rc -eq 0 ] && iconv -f UTF-8 -t UTF-8 "$T/longout/compare.csv" > /dev/null 2>&1 &&
      iconv -f UTF-8 -t UTF-8 "$T/longout/report.html" > /dev/null 2>&1 && iconv -f UTF-8 -t UTF-8 "$T/out" > /dev/null 2>&1; echo $?) \
    "$(tail -n 1 "$T/longout/compare.csv" | od -c | tail -n 3)"
# a folder typed wrong, or a folder alone: the command line's mistake, before anything runs
run "$S" compare --base "$B" "$B" "$T/clas/*.ini" --reps 2 --quiet
ok "class-7.4 a pattern that matched nothing (a folder typed wrong) exits 2 and says so" \
    $([ $rc -eq 2 ] && [ ! -s "$T/out" ] && [ "$(cat "$T/err")" = "$T/clas/*.ini: no file matches this pattern; is the folder's name right?" ]; echo $?) "$(cat "$T/err")"
mkdir -p "$T/empty"
run "$S" compare --base "$B" "$B" "$T/empty/*.ini" --reps 2 --quiet
ok "class-7.5b a pattern in a folder with no .ini: says the folder holds none" \
    $([ $rc -eq 2 ] && [ "$(cat "$T/err")" = "$T/empty/*.ini: no file matches this pattern: $T/empty holds none" ]; echo $?) "$(cat "$T/err")"
run "$S" compare --base "$B" "$B" "$T/class" --reps 2 --quiet
ok "class-7.5 a folder alone exits 2 with the pattern to write" \
    $([ $rc -eq 2 ] && [ ! -s "$T/out" ] && [ "$(cat "$T/err")" = "$T/class: is a folder; to compare the files in it, write $T/class/*.ini" ]; echo $?) "$(cat "$T/err")"
run "$S" compare --base "$B" "$B" "$T/class/" --reps 2 --quiet
ok "class-7.6 a folder typed with its trailing / (as tab completion writes it): the pattern has one /" \
    $([ $rc -eq 2 ] && [ "$(cat "$T/err")" = "$T/class/: is a folder; to compare the files in it, write $T/class/*.ini" ]; echo $?) "$(cat "$T/err")"
run "$S" compare --lang zh --base "$B" "$B" "$T/class/" --reps 2 --quiet
ok "class-7.6b ... in Chinese too" \
    $([ $rc -eq 2 ] && [ "$(cat "$T/err")" = "$T/class/：这是一个文件夹；要比较其中的文件，请写 $T/class/*.ini" ]; echo $?) "$(cat "$T/err")"

# ---- the class curve names its peak's measure; the command to reproduce a page wraps at spaces ----
for lang in zh en; do
    "$S" compare --lang $lang scenarios/zh/pooling_regional.ini scenarios/zh/pooling_central.ini --reps 3 --quiet \
        --out "$T/peak_$lang" > /dev/null 2>&1
done
ok "class-8.3 the class curve's subtitle names the peak's measure: 满足率 / fill rate before its level" \
    $(grep -q '◆ 曲线的利润最高点，满足率 [0-9.]*%；' "$T/peak_zh/report.html" &&
      grep -q "◆ the curve's profit peak, fill rate [0-9.]*%;" "$T/peak_en/report.html"; echo $?) \
    "$(grep -o '◆[^<]*' "$T/peak_zh/report.html" "$T/peak_en/report.html")"
ok "class-8.4 report.html's command to reproduce it: each word unbroken, the line broken only at spaces" \
    $(grep -q '<code><span>servlab</span> <span>compare</span> <span>--lang</span> <span>en</span> ' "$T/peak_en/report.html" &&
      grep -q 'footer code span{white-space:nowrap}' "$T/peak_en/report.html" &&
      ! grep -q 'break-all' "$T/peak_en/report.html"; echo $?) "$(grep -A3 '<footer>' "$T/peak_en/report.html")"

# ---- a student file without [locks]: the instructor's rules, not a change; the base's locks still hold ----
mkdir -p "$T/nolocks"
sed '/^\[locks\]/,$d' "$B" > "$T/nolocks/kept.ini"
sed 's/^price_per_unit = 12 /price_per_unit = 15 /' "$T/nolocks/kept.ini" > "$T/nolocks/price.ini"
run "$S" compare --base "$B" "$T/nolocks/kept.ini" "$T/nolocks/price.ini" --reps 2 --quiet --format csv
ok "class-12.1 a file without [locks], otherwise the base: accepted, and it changed nothing" \
    $([ $rc -eq 0 ] && grep -q '^1,.*/kept\.ini,.*,,"",0$' "$T/out" && ! grep -q 'locks\.' "$T/out"; echo $?) "$(cat "$T/out" "$T/err")"
ok "class-12.2 a file without [locks] that changed a locked key: still refused" \
    $(grep -q '^,.*/price\.ini,.*,"\[revenue\] price_per_unit is locked by base\.ini: 12 in the base, 15 here","revenue\.price_per_unit = 15",' "$T/out"; echo $?) "$(cat "$T/out")"
run "$S" compare --base "$B" "$T/nolocks/kept.ini" --reps 2 --quiet
ok "class-12.3 ... and its table says changed: nothing" $([ $rc -eq 0 ] && grep -q '^      changed: nothing$' "$T/out"; echo $?) "$(cat "$T/out")"

# ---- one file, or the same file twice: nothing to rank; said, not a row tied with itself ----
run "$S" compare "$B" --reps 2 --quiet
ok "class-11.1 one file without --base: exit 2, nothing run, says compare needs two and names run" \
    $([ $rc -eq 2 ] && [ ! -s "$T/out" ] && grep -q "^servlab: compare needs two or more files, or --base BASE.ini; to simulate one, write: servlab run $B\$" "$T/err"; echo $?) "$(cat "$T/out" "$T/err")"
run "$S" compare "$B" "./$B" --reps 2 --quiet --lang zh
ok "class-11.2 the same file twice (two paths): named, compared once, so one file: exit 2, in Chinese" \
    $([ $rc -eq 2 ] && [ ! -s "$T/out" ] && grep -q "^servlab: ./$B 与 $B 是同一个文件；只比较一次\$" "$T/err" &&
      grep -q '^servlab: compare 需要两个或更多文件，或用 --base BASE.ini 指定基准；只模拟一个文件请写：servlab run ' "$T/err"; echo $?) "$(cat "$T/err")"
run "$S" compare "$B" scenarios/stances/*.ini --reps 2 --quiet --format csv
ok "class-11.3 the reference given again by a pattern: one note, each file one row, no row tied with itself" \
    $([ $rc -eq 0 ] && [ "$(cat "$T/err")" = "servlab: $B is given twice; it is compared once" ] &&
      [ "$(grep -c 'base\.ini,' "$T/out")" -eq 1 ] && [ "$(wc -l < "$T/out")" -eq 6 ]; echo $?) "$(cat "$T/out" "$T/err")"
run "$S" compare --base "$B" "$T/nolocks/kept.ini" "$T/nolocks/kept.ini" --reps 2 --quiet
ok "class-11.4 with --base, one student file (given twice): ranked, with the note" \
    $([ $rc -eq 0 ] && grep -q 'kept\.ini' "$T/out" && grep -q 'is given twice; it is compared once$' "$T/err"; echo $?) "$(cat "$T/err")"

# ---- a base without [locks]: files that changed the price, the demand or the costs are named,
# with the [locks] that would refuse them; nothing said when no file changed them ----
mkdir -p "$T/open"
sed '/^\[locks\]/,$d' "$B" > "$T/open/base.ini"
sed 's/^price_per_unit = 12 /price_per_unit = 120 /' "$T/open/base.ini" > "$T/open/greedy.ini"
sed -e 's/^orders_per_day = 40 /orders_per_day = 50 /' -e 's/^order_fixed = 100 /order_fixed = 50 /' "$T/open/base.ini" > "$T/open/market.ini"
sed 's/^safety_factor = 0.5 /safety_factor = 1 /' "$T/open/base.ini" > "$T/open/fair.ini"
run "$S" compare --base "$T/open/base.ini" "$T/open/fair.ini" "$T/open/greedy.ini" "$T/open/market.ini" --reps 2 --quiet
ok "class-13.1 a base without [locks]: a warning names the files that changed the market and their keys, and the [locks] to add" \
    $([ $rc -eq 0 ] && all_messages "$T/err" | grep -qF 'servlab: warning: base.ini has no [locks], so students may change anything; 2 files changed the price, the demand or the costs: greedy.ini (revenue.price_per_unit); market.ini (demand.orders_per_day, costs.order_fixed).' &&
      grep -q '^    sections = run, demand, costs, revenue$' "$T/err" && ! grep -q 'fair\.ini' "$T/err" &&
      [ "$(LC_ALL=C.UTF-8 wc -L < "$T/err")" -le 100 ]; echo $?) "$(cat "$T/err")"
run "$S" compare --lang zh --base "$T/open/base.ini" "$T/open/fair.ini" "$T/open/greedy.ini" --reps 2 --quiet --format csv
ok "class-13.2 ... in Chinese, with --format csv too" \
    $([ $rc -eq 0 ] && all_messages "$T/err" | grep -qF 'servlab: 警告：base.ini 没有 [locks]，学生可以改动任何设置；有 1 个文件改动了价格、需求或成本：greedy.ini（revenue.price_per_unit）。' &&
      grep -q '^    sections = run, demand, costs, revenue$' "$T/err" && [ "$(LC_ALL=C.UTF-8 wc -L < "$T/err")" -le 100 ]; echo $?) "$(cat "$T/err")"
run "$S" compare --base "$T/open/base.ini" "$T/open/fair.ini" "$T/open/base.ini" --reps 2 --quiet
ok "class-13.3 ... but no file changed the market: nothing said" $([ $rc -eq 0 ] && [ ! -s "$T/err" ]; echo $?) "$(cat "$T/err")"
run "$S" compare "$T/open/base.ini" "$T/open/greedy.ini" --reps 2 --quiet
ok "class-13.4 ... nor without --base (no class to lock)" $([ $rc -eq 0 ] && [ ! -s "$T/err" ]; echo $?) "$(cat "$T/err")"
run "$S" compare --base "$B" "$T/open/fair.ini" --reps 2 --quiet
ok "class-13.5 ... nor with a base that has [locks]" $([ $rc -eq 0 ] && [ ! -s "$T/err" ]; echo $?) "$(cat "$T/err")"

check_done test_compare_class
