#!/bin/sh
# test_ipa.sh - servlab ipa (cli/ipa.h): known importances, quadrant assignment, the
# files of --out, bad command lines (exit 2), a Chinese run and the page's headline when
# nothing is to concentrate on (ipa-8). Uses $SERVLAB via
# tests/check.sh.
cd "$(dirname "$0")/.." || exit 1
. tests/check.sh
run() { "$@" > "$T/out" 2> "$T/err"; rc=$?; }
# field ELEMENT COLUMN FILE: one cell of ipa.csv
field() { awk -F, -v e="$1" -v c="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == c) k = i } $1 == e { print $k }' "$3"; }

# ---- known answers (tests/ipa/damage.ini says why) ----
run "$S" ipa tests/ipa/damage.ini --quiet --format csv
cp "$T/out" "$T/free.csv"
ok "ipa-1.1 runs, exit 0" $([ $rc -eq 0 ]; echo $?) "$(cat "$T/err")"
# a redone order (damaged or wrong) only moves its revenue 2 days later, across the end of the
# 200-day window: 40 orders x 1 pt x 10 money x 2 days / 200 days = 0.04 a day per pt
for e in accuracy undamaged; do
    ok "ipa-1.2 $e: improving it is worth only the window-edge effect, 0.04 a day per pt, within its 95% CI" \
        $(awk -v i="$(field $e importance "$T/free.csv")" -v c="$(field $e importance_ci95 "$T/free.csv")" \
            'BEGIN { d = i - 0.04; exit !(c > 0 && (d < 0 ? -d : d) <= c) }'; echo $?) "$(cat "$T/free.csv")"
done
ok "ipa-1.3 accuracy at 100% is moved by making it worse (picking errors 0 -> 0.01)" \
    $([ "$(field accuracy achieved "$T/free.csv")" = 1 ] && [ "$(field accuracy lever_to "$T/free.csv")" = 0.01 ]; echo $?)
run "$S" ipa tests/ipa/damage.ini --quiet --format csv --set costs.damage_per_order=1000
cp "$T/out" "$T/penalised.csv"
# 1000 per damaged order x 40 orders a day x 1% = 400 a day per pt; a replacement can be
# damaged again (p / (1 - p) damages per order), which adds at most 3% between p = 1% and 2%
ok "ipa-1.4 a heavily penalised element: importance 400 a day per pt (within 4%)" \
    $(awk -v i="$(field undamaged importance "$T/penalised.csv")" 'BEGIN { exit !(i > 384 && i < 416) }'; echo $?) \
    "$(cat "$T/penalised.csv")"
ok "ipa-1.5 ... and its CI is narrow beside it (under 5%)" \
    $(awk -v c="$(field undamaged importance_ci95 "$T/penalised.csv")" 'BEGIN { exit !(c > 0 && c < 20) }'; echo $?)
ok "ipa-1.6 an element without a lever is listed, not placed" \
    $([ "$(field order_cycle lever "$T/free.csv")" = "" ] && [ "$(field order_cycle quadrant "$T/free.csv")" = "" ]; echo $?)

# ---- quadrants: left of the target and above the mean importance is 'concentrate here' ... ----
run "$S" ipa scenarios/importance_performance.ini --quiet --format csv
cp "$T/out" "$T/lesson.csv"
ok "ipa-2.1 the lesson's scenario places all six elements" $([ $rc -eq 0 ] && [ "$(grep -c '_' "$T/lesson.csv")" -ge 6 ] && ! grep -q ',$' "$T/lesson.csv"; echo $?) "$(cat "$T/lesson.csv")"
ok "ipa-2.2 every quadrant follows from vs_target and importance against their mean; on_par where vs_target's interval includes 0" \
    $(awk -F, 'NR > 1 && $18 != "" { n++; imp[n] = $11; gap[n] = $9; q[n] = $18; ci[n] = $19; s += $11 }
        END { m = s / n; for (i = 1; i <= n; i++) {
                  want = imp[i] >= m ? (gap[i] >= 0 ? "keep_up_the_good_work" : "concentrate_here") \
                                     : (gap[i] >= 0 ? "possible_overkill" : "low_priority")
                  if ((gap[i] < 0 ? -gap[i] : gap[i]) <= ci[i]) want = "on_par"
                  if (q[i] != want) bad = 1 }
              exit bad }' "$T/lesson.csv"; echo $?)
ok "ipa-2.3 the lesson: accuracy (4% picking errors at 40 a wrong shipment) is where to concentrate" \
    $([ "$(field accuracy quadrant "$T/lesson.csv")" = concentrate_here ]; echo $?)
run "$S" ipa scenarios/importance_performance.ini --quiet
ok "ipa-2.3b availability achieved $(field availability achieved "$T/lesson.csv") (below 1) reads >99.9%, never 100.0%" \
    $(awk -v a="$(field availability achieved "$T/lesson.csv")" 'BEGIN { exit !(a < 1 && a >= 0.9995) }' &&
      grep -q '^Stock availability  *>99\.9%' "$T/out" && ! grep -q '100\.0%' "$T/out"; echo $?) "$(grep availability "$T/out")"
run "$S" ipa scenarios/importance_performance.ini --quiet --format csv --threads 1
ok "ipa-2.4 the same CSV on one thread" $(cmp -s "$T/out" "$T/lesson.csv"; echo $?)
run "$S" ipa scenarios/importance_performance.ini --quiet --format csv --against scenarios/perfect_order.ini
ok "ipa-2.5 --against: targets are the competitor's achieved levels" \
    $([ $rc -eq 0 ] && awk -v t="$(field accuracy target "$T/out")" 'BEGIN { exit !(t > 0.975 && t < 0.985) }'; echo $?) "$(cat "$T/out" "$T/err")"

# ---- files ----
run "$S" ipa scenarios/importance_performance.ini --quiet --reps 5 --out "$T/o"
ok "ipa-3.1 --out writes ipa.csv, ipa.png and report.html" \
    $([ $rc -eq 0 ] && [ -s "$T/o/ipa.csv" ] && [ -s "$T/o/ipa.png" ] && grep -q '<svg' "$T/o/report.html"; echo $?) "$(cat "$T/err")"
# (a name too long for its quadrant's room is broken into lines in the page's chart:
# plots/chart.c's draw_quadrants; "Possible" over "overkill" where the room is narrow)
ok "ipa-3.2 the page names the four quadrants" \
    $(grep -q 'Concentrate here' "$T/o/report.html" && { grep -q '>Possible overkill<' "$T/o/report.html" ||
      { grep -q '>Possible<' "$T/o/report.html" && grep -q '>overkill<' "$T/o/report.html"; }; }; echo $?) \
    "$(grep -o '>[A-Za-z ]*<' "$T/o/report.html" | grep -i 'possible\|overkill')"
ok "ipa-3.3 --out writes summary.txt: the settings, then the table as printed" \
    $(head -1 "$T/o/summary.txt" | grep -q '^servlab .* ipa scenarios/importance_performance.ini$' &&
        grep -q '^replications: 5$' "$T/o/summary.txt" && grep -q 'Concentrate here' "$T/o/summary.txt"; echo $?) \
    "$(cat "$T/o/summary.txt" 2>&1)"

# point labels stay inside the frame, clear of its inward ticks: in Chinese the
# availability element (库存可得性) sits near the right edge and its label went left
run "$S" ipa scenarios/importance_performance.ini --quiet --lang zh --out "$T/zh"
ok "ipa-3.4 --lang zh: every point label is clear of the frame's ticks (tests/svg_label_room.awk)" \
    $([ $rc -eq 0 ] && LC_ALL=C awk -f tests/svg_label_room.awk "$T/zh/report.html" > "$T/room"; echo $?) "$(cat "$T/room")"

# ---- bad command lines and files: exit 2, nothing simulated ----
run "$S" ipa
ok "ipa-4.1 no file: exit 2" $([ $rc -eq 2 ] && grep -q 'ipa takes one scenario file' "$T/err"; echo $?)
run "$S" ipa scenarios/importance_performance.ini scenarios/default.ini
ok "ipa-4.2 two files: exit 2" $([ $rc -eq 2 ]; echo $?)
run "$S" ipa scenarios/importance_performance.ini --against "$T/none.ini"
ok "ipa-4.3 a missing competitor: exit 2" $([ $rc -eq 2 ] && [ ! -s "$T/out" ]; echo $?)
run "$S" ipa scenarios/importance_performance.ini --set ipa.fill_rate=1.5
ok "ipa-4.4 a target out of range: exit 2 naming [ipa] fill_rate" $([ $rc -eq 2 ] && grep -q '\[ipa\] fill_rate' "$T/err"; echo $?) "$(cat "$T/err")"
run "$S" ipa scenarios/importance_performance.ini --base x.ini
ok "ipa-4.5 an option of another command: exit 2" $([ $rc -eq 2 ] && grep -q "does not apply to 'servlab ipa'" "$T/err"; echo $?)
run "$S" ipa scenarios/importance_performance.ini --plot "$T/x.txt"
ok "ipa-4.6 --plot with an unknown extension: exit 2" $([ $rc -eq 2 ]; echo $?)
# a scenario with no [ipa] targets places nothing: the matrix says how to give targets,
# never "mean importance nan" (the mean of no elements)
run "$S" ipa scenarios/default.ini --quiet --reps 2 --out "$T/none"
ok "ipa-4.7 no targets: the chart's subtitle says how to give them, no nan" \
    $([ $rc -eq 0 ] && grep -q 'no element has a target: give them in \[ipa\]' "$T/none/report.html" &&
      ! grep -qiE '\bnan\b' "$T/none/report.html"; echo $?) "$(grep -oiE '.{60}\bnan\b.{10}' "$T/none/report.html" | head -3)"
# one replication has no interval to judge a lever by: refused before simulating
run "$S" ipa scenarios/importance_performance.ini --reps 1 --quiet
ok "ipa-4.8 one replication: exit 2, the reason and the fix named, nothing printed" \
    $([ $rc -eq 2 ] && grep -q 'needs at least 2: give --reps 2 or more' "$T/err" && [ ! -s "$T/out" ]; echo $?) "$(cat "$T/err")"
# targets given, but over 5 days no lever moves its element significantly: the chart says
# that, not that targets are missing
run "$S" ipa scenarios/importance_performance.ini --reps 2 --set run.horizon_days=5 --quiet --out "$T/unplaced"
ok "ipa-4.9 targets but nothing placed: the subtitle says no lever moved its element" \
    $([ $rc -eq 0 ] && grep -q 'no lever moved its element significantly' "$T/unplaced/report.html" &&
      ! grep -q 'no element has a target' "$T/unplaced/report.html"; echo $?)
# a variant the scenario refuses (the reorder point raised past the order-up-to level): said
# as a sweep says an invalid point, the variant first, then the reader's problem two blanks in
run "$S" ipa scenarios/default.ini --reps 2 --quiet --set inventory.policy=sS --set inventory.order_up_to=520
ok "ipa-4.10 an invalid variant: exit 2, the variant that gives it, then the problem indented" \
    $([ $rc -eq 2 ] && [ ! -s "$T/out" ] && [ "$(cat "$T/err")" = "servlab: ipa: the variant with inventory.reorder_point = 550 gives an invalid scenario:
  scenarios/default.ini: [inventory] order_up_to: S = 520 must be above reorder_point s = 550" ]; echo $?) "$(cat "$T/err")"

# ---- Chinese ----
run "$S" --lang zh ipa scenarios/importance_performance.ini --quiet --reps 5
ok "ipa-5.1 Chinese: the quadrants in the course's words" \
    $([ $rc -eq 0 ] && grep -q '重点改进' "$T/out" && grep -q '重要性' "$T/out"; echo $?) "$(head -12 "$T/out")"
# each lever's line and what it did, a line each, within a terminal of 100 columns (they
# ran to 150 columns in Chinese, 174 in English); a Chinese character is 2 columns (wc -L
# in a UTF-8 locale)
widest() { LC_ALL=C.UTF-8 wc -L < "$1"; }
ok "ipa-5.3 Chinese: no line wider than 100 columns" \
    $([ $rc -eq 0 ] && grep -q '^  *扣除杠杆自身成本后：' "$T/out" && [ "$(widest "$T/out")" -le 100 ]; echo $?) "$(widest "$T/out") columns: $(grep -A3 '^杠杆' "$T/out")"
run "$S" ipa scenarios/importance_performance.ini --quiet --reps 5
ok "ipa-5.4 English: no line wider than 100 columns" \
    $([ $rc -eq 0 ] && grep -q '^  *net of the lever.s cost: ' "$T/out" && [ "$(widest "$T/out")" -le 100 ]; echo $?) \
    "$(widest "$T/out") columns: $(grep -A3 '^Levers' "$T/out")"
# the matrix: each column as wide as its head or its widest cell, the quadrant last and
# unpadded: every line of the lesson's and default.ini's output fits 100 columns, in
# English and Chinese, and none ends in a blank (the table was 116 columns with blanks
# after "Quadrant", and the note on importance 101)
for lang in en zh; do
    dir=scenarios
    [ $lang = zh ] && dir=scenarios/zh
    for f in importance_performance default; do
        run "$S" ipa --lang $lang $dir/$f.ini --quiet --reps 2
        ok "ipa-5.5 $lang $f.ini: every line fits 100 columns, none ends in a blank" \
            $([ $rc -eq 0 ] && [ "$(widest "$T/out")" -le 100 ] && ! grep -q ' $' "$T/out"; echo $?) \
            "$(widest "$T/out") columns: $(grep -n ' $' "$T/out" | head -n 3)"
    done
    cp "$T/out" "$T/ipa_default_$lang.txt"
done
run "$S" ipa scenarios/importance_performance.ini --quiet --reps 2
ok "ipa-5.6 the heads sit over columns as wide as their figures; the importance note wraps within 100" \
    $(grep -q '^Element  *Achieved  Target  vs target  *Importance  Quadrant$' "$T/out" &&
      grep -qE '^Undamaged delivery +[0-9.]+%  +[0-9.]+%  +[-+][0-9.]+ pt  +[-+][0-9.]+ ± [0-9.]+  [A-Z][a-z ]+$' "$T/out" &&
      grep -q '^delta method over paired replications. Unit: 1 percentage point (pt) of a rate; 1 percent shorter$' "$T/out"
    echo $?) "$(head -n 10 "$T/out")"
ok "ipa-5.7 ... in Chinese too" \
    $(grep -q '^服务要素  *达到  *目标  *对照目标  *重要性  象限$' "$T/ipa_default_zh.txt"; echo $?) "$(head -n 10 "$T/ipa_default_zh.txt")"
run "$S" --lang zh ipa scenarios/importance_performance.ini --quiet --reps 5 --format csv
ok "ipa-5.2 Chinese: the CSV stays English" $(grep -q 'concentrate_here\|low_priority\|keep_up' "$T/out" && ! grep -q '重' "$T/out"; echo $?)

# ---- a lever's values as sweep and optimise write them (sweep_number_text), no exponent ----
run "$S" ipa tests/ipa/damage.ini --quiet --reps 3 --set order_cycle.damage_rate=0.0000005 --out "$T/tiny"
ok "ipa-6.1 a damage rate of 0.0000005: the table's lever reads 0.0000005 -> 0, not 5e-07 (status $rc)" \
    $([ $rc -eq 0 ] && grep -q '^  Undamaged delivery  *order_cycle\.damage_rate 0\.0000005 -> 0$' "$T/out" &&
      grep -q ' order_cycle\.damage_rate 0\.0000005 -> 0$' "$T/tiny/summary.txt" && ! grep -q 'e-07' "$T/out"
    echo $?) "$(grep damage_rate "$T/out" "$T/tiny/summary.txt")"
ok "ipa-6.2 ... in the page's table too" \
    $(grep -q '^  Undamaged delivery  *order_cycle\.damage_rate 0\.0000005 -&gt; 0$' "$T/tiny/report.html"
    echo $?) "$(grep damage_rate "$T/tiny/report.html")"
ok "ipa-6.3 ... while ipa.csv keeps the plain number, 5e-07" \
    $([ "$(field undamaged lever_from "$T/tiny/ipa.csv")" = 5e-07 ]; echo $?) "$(cat "$T/tiny/ipa.csv")"
# the page's settings list (every page's, cli/debrief.c) writes a number as typed, no
# exponent, alone and in a distribution; a name keeps its digits (it read "= 5e-07")
run "$S" ipa tests/ipa/damage.ini --quiet --reps 3 --set order_cycle.damage_rate=0.0000005 \
    --set 'order_cycle.transmission_days=exponential(0.00000123)' --out "$T/tiny_set"
ok "ipa-6.4 the settings list: damage_rate = 0.0000005, exponential(0.00000123), no exponent (status $rc)" \
    $([ $rc -eq 0 ] &&
      grep -q '^<li><code>order_cycle\.damage_rate</code> = 0\.0000005 <em>(command line)</em></li>$' "$T/tiny_set/report.html" &&
      grep -q '^<li><code>order_cycle\.transmission_days</code> = exponential(0\.00000123) <em>(command line)</em></li>$' "$T/tiny_set/report.html" &&
      ! grep '^<li><code>' "$T/tiny_set/report.html" | grep -q '[0-9]e-'
    echo $?) "$(grep '^<li><code>' "$T/tiny_set/report.html")"
run "$S" ipa tests/ipa/damage.ini --quiet --reps 3 --set order_cycle.damage_rate=0.0000005 --out "$T/tiny_zh" --lang zh
ok "ipa-6.5 ... in Chinese" \
    $([ $rc -eq 0 ] && grep -q '^<li><code>order_cycle\.damage_rate</code> = 0\.0000005 <em>（命令行）</em></li>$' "$T/tiny_zh/report.html"
    echo $?) "$(grep '^<li><code>' "$T/tiny_zh/report.html")"
# one element placed: its importance, not "the mean importance of the 1 elements placed"
sed '/^accurate_rate/d' tests/ipa/damage.ini > "$T/one_target.ini"
run "$S" ipa "$T/one_target.ini" --quiet --reps 3
ok "ipa-6.6 one element placed: 'the importance of the 1 element placed' (status $rc)" \
    $([ $rc -eq 0 ] && grep -q '^importance of the 1 element placed (above: important)\.$' "$T/out"; echo $?) \
    "$(grep -A1 '^Quadrants' "$T/out")"
run "$S" ipa tests/ipa/damage.ini --quiet --reps 3
ok "ipa-6.7 ... and two: 'the mean importance of the 2 elements placed' (status $rc)" \
    $([ $rc -eq 0 ] && grep -q '^mean importance of the 2 elements placed (above: important)\.$' "$T/out"; echo $?) \
    "$(grep -A1 '^Quadrants' "$T/out")"

# ---- on par: a gap to the target inside its noise (its 95% interval includes 0) ----
# the rival differs in picking errors only: the same damage rate, so undamaged delivery's gap
# (-0.0007 pt) is noise, paired over the replications; against itself every gap is 0
sed -e 's/^picking_error_rate = .*/picking_error_rate = 0.01/' -e '/^\[ipa\]/,$d' \
    scenarios/importance_performance.ini > "$T/rival.ini"
sed -e '/^\[ipa\]/,$d' scenarios/importance_performance.ini > "$T/self.ini"
run "$S" ipa scenarios/importance_performance.ini --against "$T/rival.ini" --reps 10 --quiet --format csv
cp "$T/out" "$T/rival.csv"
ok "ipa-7.1 the rival's same damage rate: undamaged delivery on_par, its vs_target inside vs_target_ci95; accuracy still concentrate_here (status $rc)" \
    $([ $rc -eq 0 ] && head -n 1 "$T/rival.csv" | grep -q ',quadrant,vs_target_ci95$' &&
      [ "$(field undamaged quadrant "$T/rival.csv")" = on_par ] &&
      [ "$(field accuracy quadrant "$T/rival.csv")" = concentrate_here ] &&
      awk -v g="$(field undamaged vs_target "$T/rival.csv")" -v c="$(field undamaged vs_target_ci95 "$T/rival.csv")" \
          'BEGIN { exit !(c > 0 && (g < 0 ? -g : g) <= c) }'; echo $?) "$(cat "$T/rival.csv" "$T/err")"
for lang in en zh; do
    rm -rf "$T/par_$lang"
    run "$S" ipa scenarios/importance_performance.ini --against "$T/rival.ini" --reps 10 --quiet --lang $lang --out "$T/par_$lang"
    if [ $lang = en ]; then
        row='^Undamaged delivery .* On par$' head='<p class="headline">Concentrate here: Order accuracy<small>'
        said='On par with the target (the gap&#39;s 95% interval includes 0), no reason to change priorities: Undamaged delivery. '
        note='^On par: the gap to the target lies within its 95% interval'
    else
        row='^完好无损交货 .* 与目标持平$' head='<p class="headline">重点改进：订单准确性<small>'
        said='与目标持平<span class="nb">（差距的 95% 置信区间包含 0）</span>，不是调整优先次序的理由：完好无损交货。'
        note='^与目标持平：与目标的差距落在其 95% 置信区间之内'
    fi
    ok "ipa-7.2 $lang: the table says on par, the note under it says what it means, the page's headline names only accuracy to concentrate on (status $rc)" \
        $([ $rc -eq 0 ] && grep -qE "$row" "$T/out" && grep -q "$note" "$T/out" && grep -qF "$head" "$T/par_$lang/report.html" &&
          grep -qF "$said" "$T/par_$lang/report.html" && [ "$(LC_ALL=C.UTF-8 wc -L < "$T/out")" -le 100 ]; echo $?) \
        "$(grep -o '<p class="headline">.\{0,300\}' "$T/par_$lang/report.html"; grep -E "$row|$note" "$T/out")"
    ok "ipa-7.3 $lang: the chart labels the point on par" \
        $(if [ $lang = en ]; then grep -q '>Undamaged delivery: on par<' "$T/par_$lang/report.html"
          else grep -q '>完好无损交货：与目标持平<' "$T/par_$lang/report.html"; fi; echo $?)
done
run "$S" ipa scenarios/importance_performance.ini --against "$T/self.ini" --reps 10 --quiet --format csv --out "$T/self"
ok "ipa-7.4 against itself: every element placed is on_par, each gap 0 with an interval of 0 (status $rc)" \
    $([ $rc -eq 0 ] && awk -F, 'NR > 1 && $18 != "" { n++; if ($18 != "on_par" || $9 != 0 || $19 != 0) bad = 1 } END { exit bad || n < 5 }' "$T/out" &&
      grep -qF '<p class="headline">Every element on the matrix is on par with its target: no gap in performance is a reason to change priorities<small>' "$T/self/report.html"
      echo $?) "$(cat "$T/out"; grep -o '<p class="headline">.\{0,200\}' "$T/self/report.html")"
# with an [ipa] target, the noise is the achieved level's: vs_target_ci95 is achieved_ci95 in points
ok "ipa-7.5 a fixed target: a rate's vs_target_ci95 is its achieved_ci95 x 100" \
    $(awk -v a="$(field accuracy achieved_ci95 "$T/lesson.csv")" -v c="$(field accuracy vs_target_ci95 "$T/lesson.csv")" \
        'BEGIN { d = c - 100 * a; exit !(a > 0 && (d < 0 ? -d : d) < 1e-9 * c) }'; echo $?) "$(cat "$T/lesson.csv")"

# ---- the headline with nothing to concentrate on (cli/ipa.c's ipa_headline) ----
# tests/ipa/no_focus.ini: accuracy above its target and important (keep up the good work),
# undamaged delivery on par: no important element is below its target. tests/ipa/unclear.ini:
# undamaged delivery below its target on the important side, its importance's interval
# including 0 (5 replications): no element is clearly worth concentrating on
for lang in en zh; do
    for f in no_focus unclear; do
        case $lang.$f in
        en.no_focus) head='No important element is below its target<small>Keep up the good work: Order accuracy. On par with the target' ;;
        zh.no_focus) head='没有重要的要素低于目标<small>继续保持：订单准确性。与目标持平' ;;
        en.unclear) head='No element is clearly worth concentrating on<small>Importance not distinguishable from zero (95% interval includes 0), quadrant uncertain: Order accuracy, Undamaged delivery. ' ;;
        zh.unclear) head='没有明确值得重点改进的要素<small>重要性与零无法区分<span class="nb">（95% 置信区间包含 0）</span>，象限不确定：订单准确性、完好无损交货。' ;;
        esac
        rm -rf "$T/$f$lang"
        run "$S" ipa tests/ipa/$f.ini --quiet --lang $lang --out "$T/$f$lang"
        ok "ipa-8 $lang $f.ini: the page's headline: $(echo "$head" | sed 's/<small>.*//') (status $rc)" \
            $([ $rc -eq 0 ] && grep -qF "<p class=\"headline\">$head" "$T/$f$lang/report.html"; echo $?) \
            "$(grep -o '<p class="headline">.\{0,300\}' "$T/$f$lang/report.html"; cat "$T/err")"
    done
    # ... the table agrees: keep up and on par; below the target on the important side
    [ $lang = en ] && ok "ipa-8.1 no_focus.ini: accuracy keep_up_the_good_work, undamaged on_par; unclear.ini: undamaged concentrate_here, its importance's interval including 0" \
        $(cat "$T/no_focusen/ipa.csv" > "$T/nf.csv" && cat "$T/unclearen/ipa.csv" > "$T/un.csv" &&
          [ "$(field accuracy quadrant "$T/nf.csv")" = keep_up_the_good_work ] &&
          [ "$(field undamaged quadrant "$T/nf.csv")" = on_par ] &&
          [ "$(field undamaged quadrant "$T/un.csv")" = concentrate_here ] &&
          awk -v i="$(field undamaged importance "$T/un.csv")" -v c="$(field undamaged importance_ci95 "$T/un.csv")" \
              'BEGIN { exit !(c > 0 && (i < 0 ? -i : i) <= c) }'; echo $?) "$(cat "$T/nf.csv" "$T/un.csv")"
done

# ---- an importance whose 95% interval includes 0: the table, the chart and the page agree ----
# (the lesson's stock availability: +8.17 ± 11.85, right of its target, below the mean)
for lang in en zh; do
    dir=scenarios
    [ $lang = zh ] && dir=scenarios/zh
    run "$S" ipa $dir/importance_performance.ini --lang $lang --quiet --out "$T/vague_$lang"
    if [ $lang = en ]; then
        row='^Stock availability .* [+-][0-9.]* ± [0-9.]*  Possible overkill \(uncertain\)$'
        clear='^Order accuracy .*  Concentrate here$'
        note="^Uncertain: the importance's 95% interval includes 0, so the element may as well lie on the other$"
        head='quadrant uncertain: Stock availability.'
        label='>Stock availability (uncertain)<'
        sub="; uncertain: importance's interval includes 0<"
    else
        row='^库存可得性 .* [+-][0-9.]* ± [0-9.]*  可能过度（不确定）$'
        clear='^订单准确性 .*  重点改进$'
        note='^不确定：重要性的 95% 置信区间包含 0，该要素也可能落在重要性横线的另一侧，$'
        head='象限不确定：库存可得性。'
        label='>库存可得性（不确定）<'
        sub='；不确定：重要性的置信区间包含 0<'
    fi
    ok "ipa-9.1 $lang: an importance whose interval includes 0: the table's quadrant says uncertain, a note says why, as the page's headline (status $rc)" \
        $([ $rc -eq 0 ] && grep -qE "$row" "$T/out" && grep -q "$note" "$T/out" && grep -qF "$head" "$T/vague_$lang/report.html" &&
          [ "$(LC_ALL=C.UTF-8 wc -L < "$T/out")" -le 100 ]; echo $?) \
        "$(grep -E "$row|$note" "$T/out"; sed -n 3,6p "$T/out")"
    ok "ipa-9.2 $lang: ... an element whose importance is clear keeps its quadrant alone" \
        $(grep -qE "$clear" "$T/out" && [ "$(grep -c '(uncertain)\|（不确定）' "$T/out")" -eq 1 ]; echo $?) "$(sed -n 3,10p "$T/out")"
    ok "ipa-9.3 $lang: ... the chart labels the point uncertain and its subtitle says what that means" \
        $(grep -qF "$label" "$T/vague_$lang/report.html" && grep -qF "$sub" "$T/vague_$lang/report.html" &&
          [ -s "$T/vague_$lang/ipa.png" ]; echo $?) "$(grep -o 'class="subtitle"[^<]*<' "$T/vague_$lang/report.html")"
    ok "ipa-9.4 $lang: ... ipa.csv keeps its quadrant, possible_overkill" \
        $([ "$(field availability quadrant "$T/vague_$lang/ipa.csv")" = possible_overkill ]; echo $?)
done

check_done test_ipa
