#!/bin/sh
# test_reports_zh.sh - the reports of run, sweep, compare, batch, ipa and optimise in Chinese:
# they match the goldens tests/golden/zh_*.txt (written by tests/zh_reports.sh); tables
# with Chinese file and row names line up by display width (a CJK character is two
# columns), in Chinese and in English; and no English prose leaks into the Chinese
# output of the scenario library (tests/leak_zh.sh says what may stay English).
# Uses $SERVLAB.
cd "$(dirname "$0")/.." || exit 1
. tests/check.sh

# ---- goldens ----
tests/zh_reports.sh "$S" "$T"
for g in tests/golden/zh_*.txt; do
    n=$(basename "$g")
    ok "zh-1 $n matches the golden" $(cmp -s "$T/$n" "$g"; echo $?) "$(diff "$g" "$T/$n" | head -n 8)"
done

# token_ends: for each line, the display column at which each of its blank-separated
# tokens ends (wc -L counts a CJK character as two columns in a UTF-8 locale)
token_ends() {
    while IFS= read -r line; do
        rest=$line prefix="" out=""
        while [ -n "$rest" ]; do
            sp=${rest%%[! ]*}
            rest=${rest#"$sp"} prefix=$prefix$sp
            [ -z "$rest" ] && break
            tok=${rest%%[ ]*}
            rest=${rest#"$tok"} prefix=$prefix$tok
            out="$out $(printf '%s' "$prefix" | LC_ALL=C.UTF-8 wc -L)"
        done
        echo "$out"
    done
}
# wide_lines FILE: its lines wider than a terminal of 100 columns, each after its width
wide_lines() {
    while IFS= read -r line; do
        w=$(printf '%s' "$line" | LC_ALL=C.UTF-8 wc -L)
        [ "$w" -gt 100 ] && printf '%s: %s\n' "$w" "$line"
    done < "$1"
}
# same FIELDS FILE: the token ends FIELDS (cut -f list) of every line of FILE are equal
same() { [ "$(cut -d' ' -f"$1" < "$2" | sort -u | wc -l)" -eq 1 ]; }

# ---- compare: the columns after the file names line up, whatever the names ----
for lang in zh en; do
    "$S" compare --lang $lang tests/lang/张伟.ini tests/lang/李娜_第二版.ini tests/lang/wang.ini --reps 3 --quiet \
        > "$T/cmp_$lang.txt" 2> /dev/null
    grep -E '^ +[0-9]+  ' "$T/cmp_$lang.txt" | token_ends > "$T/rows"
    ok "zh-2.1 compare --lang $lang: three ranked rows" $([ "$(wc -l < "$T/rows")" -eq 3 ]; echo $?)
    # rank, name, profit, ±, of best, service, on time, cost: after the name, fields 4-9 (field 1
    # is empty)
    for f in 4 5 6 7 8 9; do
        ok "zh-2.2 compare --lang $lang: column $((f - 1)) ends at the same display column in every row" \
            $(same $f "$T/rows"; echo $?) "$(cat "$T/cmp_$lang.txt")"
    done
    head_line=$(grep -E '^ *(rank|名次) ' "$T/cmp_$lang.txt" | token_ends)
    row_line=$(head -n 1 "$T/rows")
    ok "zh-2.3 compare --lang $lang: the profit heading ends where the profits end" \
        $([ "$(echo "$head_line" | cut -d' ' -f4)" = "$(echo "$row_line" | cut -d' ' -f4)" ]; echo $?) \
        "heading: $head_line; row: $row_line"
done

# ---- batch: rows named in Chinese line up ----
for lang in zh en; do
    "$S" batch --lang $lang scenarios/default.ini tests/lang/items_zh.csv --reps 2 --quiet > "$T/b_$lang.txt" 2> /dev/null
    sed -n '/^id /,/^$/p' "$T/b_$lang.txt" | grep -v '^$' | token_ends > "$T/brows"
    sed 1d "$T/brows" > "$T/brows_only"
    ok "zh-3.1 batch --lang $lang: four rows" $([ "$(wc -l < "$T/brows_only")" -eq 4 ]; echo $?)
    # a row's tokens: its id, its share with the percent sign (99.99%), profit, half-width
    for f in 3 4 5; do
        ok "zh-3.2 batch --lang $lang: column $((f - 1)) ends at the same display column in every row" \
            $(same $f "$T/brows_only"; echo $?) "$(cat "$T/b_$lang.txt")"
    done
    ok "zh-3.3 batch --lang $lang: the service heading ends where the shares' percent signs end" \
        $([ "$(head -n 1 "$T/brows" | cut -d' ' -f3)" = "$(sed -n 2p "$T/brows" | cut -d' ' -f3)" ] &&
          sed -n '/^id /,/^$/p' "$T/b_$lang.txt" | sed -n 2p | grep -q ' [0-9.]*% '; echo $?) \
        "$(head -n 2 "$T/brows")"
    ok "zh-3.3b batch --lang $lang: the profit heading ends where the profits end" \
        $([ "$(head -n 1 "$T/brows" | cut -d' ' -f4)" = "$(sed -n 2p "$T/brows" | cut -d' ' -f4)" ]; echo $?) \
        "$(head -n 2 "$T/brows")"
    # '± 95%' by display width: ± is two bytes but one column
    ok "zh-3.4 batch --lang $lang: the '± 95%' heading ends where the half-widths end" \
        $([ -n "$(head -n 1 "$T/brows" | cut -d' ' -f6)" ] &&
          [ "$(head -n 1 "$T/brows" | cut -d' ' -f6)" = "$(sed -n 2p "$T/brows" | cut -d' ' -f5)" ]; echo $?) \
        "$(head -n 2 "$T/brows")"
done

# ---- the location table: its headings end over their columns, in Chinese and in English;
# a heading wider than its column's values on two lines (lang_head_break), the upper line
# ending over the column too: 自有 over 满足率, 周期 over 服务水平 (CSL in Chinese, where
# the whole 自有满足率 周期服务水平 made the table 100 columns, its heads one blank apart),
# 'out of' over 'stock' (as in the product table) ----
for lang in zh en; do
    "$S" run --lang $lang scenarios/pooling_regional.ini --reps 2 --quiet > "$T/loc_$lang.txt" 2> /dev/null
    head_re='^  (location +orders/day|仓库 +订单/天) '
    h=$(grep -E "$head_re" "$T/loc_$lang.txt" | token_ends)
    r=$(grep -A1 -E "$head_re" "$T/loc_$lang.txt" | sed -n 2p | token_ends)
    # the heading's last token of each column: zh one token a heading; en 'own fill'
    # and 'on hand' are two
    if [ $lang = zh ]; then ends=$(echo "$h" | cut -d' ' -f3-10); else ends=$(echo "$h" | cut -d' ' -f3,5,6,7,9-12); fi
    ok "zh-3.5 run --lang $lang: the location table's headings end over their columns" \
        $([ -n "$r" ] && [ "$ends" = "$(echo "$r" | cut -d' ' -f3-10)" ]; echo $?) \
        "heading: $h; row: $r; $(grep -B1 -A1 -E "$head_re" "$T/loc_$lang.txt")"
    above=$(grep -B1 -E "$head_re" "$T/loc_$lang.txt" | sed -n 1p)
    a=$(echo "$above" | token_ends)
    if [ $lang = zh ]; then
        ok "zh-3.6 run --lang zh: the location table heads its own fill rate 自有 over 满足率 and the cycle service level 周期 over 服务水平, not CSL" \
            $(echo "$above" | grep -qE '^ +自有 +周期$' && grep -qE '^  仓库 +订单/天 +满足率 +服务水平 +缺货时间 ' "$T/loc_zh.txt" &&
              [ "$(echo "$a" | cut -d' ' -f2,3)" = "$(echo "$h" | cut -d' ' -f4,5)" ] && ! grep -qw CSL "$T/loc_zh.txt"
            echo $?) "$(grep -B1 -E "$head_re" "$T/loc_zh.txt")"
    else
        ok "zh-3.6b run --lang en: the location table's 'out of' over 'stock', as the product table's" \
            $(echo "$above" | grep -qE '^ +out of$' && [ "$(echo "$a" | cut -d' ' -f3)" = "$(echo "$h" | cut -d' ' -f7)" ]
            echo $?) "$(grep -B1 -E "$head_re" "$T/loc_en.txt")"
    fi
done

# ---- a supply chain's location, region and echelon tables fit a terminal of 100 columns,
# in Chinese and in English (their columns as wide as their heads or their values) ----
for lang in zh en; do
    f=scenarios/supply_chain.ini
    [ $lang = zh ] && f=scenarios/zh/supply_chain.ini
    "$S" run --lang $lang $f --reps 2 --quiet > "$T/chain_$lang.txt" 2> /dev/null
    heads=$(grep -cE '^  (location +orders/day|region +orders/day|echelon +fill given|仓库 +订单/天|区域 +订单/天|库存层级 +下游满足率) ' \
        "$T/chain_$lang.txt")
    widest=$(LC_ALL=C.UTF-8 wc -L < "$T/chain_$lang.txt")
    ok "zh-3.7 run --lang $lang $f: the location, region and echelon tables, and every line, fit 100 columns" \
        $([ "$heads" -eq 3 ] && [ "$widest" -le 100 ]; echo $?) \
        "$heads table heads; the widest line, $widest columns: $(LC_ALL=C.UTF-8 awk -v w="$widest" 'length($0) >= w - 20' "$T/chain_$lang.txt" | head -n 3)"
done

# ---- the product table (a catalogue of 200: lowest, mean, highest; two products: a row
# each) keeps its eight columns, its headings end over them (heads wider than their
# values on two lines: 'fill rate' and 'out of stock', 周期服务水平), and it and every line
# fit 100 columns ----
for lang in zh en; do
    for f in basket stockout_reactions; do
        "$S" run --lang $lang scenarios/$f.ini --reps 2 --quiet > "$T/prod_$lang.txt" 2> /dev/null
        if [ $lang = zh ]; then
            head_re='^  产品 +件/天 +满足率 +服务水平 +缺货时间 +失销 +替代 +在库库存 +收入/天$'
        else
            head_re='^  product +units/day +rate +CSL +stock +lost +substituted +on hand +revenue/day$'
        fi
        h=$(grep -E "$head_re" "$T/prod_$lang.txt" | token_ends)
        above=$(grep -B1 -E "$head_re" "$T/prod_$lang.txt" | sed -n 1p)
        r=$(grep -A1 -E "$head_re" "$T/prod_$lang.txt" | sed -n 2p | token_ends)
        # the heading's last token of each column ('on hand' is two in English)
        if [ $lang = zh ]; then ends=$(echo "$h" | cut -d' ' -f3-10); else ends=$(echo "$h" | cut -d' ' -f3-8,10,11); fi
        widest=$(LC_ALL=C.UTF-8 wc -L < "$T/prod_$lang.txt")
        ok "zh-3.8 run --lang $lang scenarios/$f.ini: the product table's eight headings end over their columns" \
            $([ -n "$r" ] && [ "$ends" = "$(echo "$r" | cut -d' ' -f3-10)" ]; echo $?) \
            "heading: $h; row: $r; $(grep -B1 -A1 -E '^  (product|产品) +(units|件)' "$T/prod_$lang.txt")"
        # English: 'fill' and 'out of' on the line above, over 'rate' and 'stock'
        [ $lang = en ] && ok "zh-3.8b run --lang en scenarios/$f.ini: 'fill' over 'rate', 'out of' over 'stock'" \
            $(a=$(echo "$above" | token_ends)
              [ "$(echo "$a" | cut -d' ' -f2,4)" = "$(echo "$h" | cut -d' ' -f4,6)" ] &&
              echo "$above" | grep -qE '^ +fill +out of$'; echo $?) "$above"
        # Chinese: 周期 on the line above, over 服务水平, parted between the glossary's terms
        [ $lang = zh ] && ok "zh-3.8d run --lang zh scenarios/$f.ini: 周期 over 服务水平" \
            $(a=$(echo "$above" | token_ends)
              [ "$(echo "$a" | cut -d' ' -f2)" = "$(echo "$h" | cut -d' ' -f5)" ] &&
              echo "$above" | grep -qE '^ +周期$'; echo $?) "$above"
        ok "zh-3.8c run --lang $lang scenarios/$f.ini: the product table and every line fit 100 columns" \
            $([ "$widest" -le 100 ]; echo $?) "the widest line, $widest columns: $(wide_lines "$T/prod_$lang.txt" | head -n 3)"
    done
done

# ---- every scenario of the library, run in either language, prints no line wider than a
# terminal of 100 columns (tables, the theory's sentences, a demand history's file name) ----
wide=""
for f in $(find scenarios -name '*.ini' | sort); do
    for lang in en zh; do
        "$S" run --lang $lang "$f" --reps 2 --quiet > "$T/lib.txt" 2>&1
        [ "$(LC_ALL=C.UTF-8 wc -L < "$T/lib.txt")" -le 100 ] || wide="$wide
$f --lang $lang:
$(wide_lines "$T/lib.txt" | head -n 3)"
    done
done
ok "zh-3.9 run --lang en|zh: no line of any scenario in scenarios/ is wider than 100 columns" \
    $([ -z "$wide" ]; echo $?) "$wide"

# ---- the leak check itself: it finds English prose, and passes the names it should ----
"$S" run scenarios/default.ini --reps 2 --set run.horizon_days=60 --quiet > "$T/en.txt"
ok "zh-4.1 the leak check finds English prose in an English report" \
    $([ "$(tests/leak_zh.sh < "$T/en.txt" | wc -l)" -gt 10 ]; echo $?)
ok "zh-4.2 ... and in one English sentence inside Chinese" \
    $(printf '订单周期 the order cycle\n' | tests/leak_zh.sh | grep -q .; echo $?)
ok "zh-4.3 ... but not in metric, key, option and file names" \
    $(printf '  满足率  98.38 %%  fill_rate [order_cycle] promise_days --format csv scenarios/default.ini\n' |
        tests/leak_zh.sh | grep -q .; [ $? -eq 1 ]; echo $?)

# ---- no English prose in the Chinese reports ----
# KNOWN LEAK, not of the reports: "KEY = VALUE on line N", what a service lever replaced, is
# written in English by reader/scenario.c (the reader is translated separately); it is taken out
# here, and only here, until the reader translates it. Remove this sed when it does.
leaks() { # FILE NAMES...: the leaks of FILE, each line prefixed with the file
    f=$1
    shift
    sed -E 's/ = [0-9.]+ on line [0-9]+/ = ·/' "$f" | tests/leak_zh.sh "$@" | sed "s|^|$(basename "$f"): |"
}
names_of() { # the names a scenario file gives: products, tiers, locations, regions
    grep -ohE '^\[(tier|location|region|product)\.[A-Za-z0-9_]+\]' "$@" | sed -E 's/^\[[a-z]+\.//; s/\]$//' | sort -u
}
: > "$T/leaks"
for g in "$T"/zh_*.txt; do
    # shellcheck disable=SC2046 # one argument per name
    leaks "$g" $(names_of scenarios/customer_tiers.ini scenarios/pooling_regional.ini) wrench_long_name >> "$T/leaks"
done
for f in scenarios/*.ini; do
    "$S" run --lang zh "$f" --reps 2 --set run.horizon_days=60 --quiet > "$T/r.txt" 2> /dev/null
    # shellcheck disable=SC2046
    leaks "$T/r.txt" $(names_of "$f") | sed "s|^r.txt|$f|" >> "$T/leaks"
    if grep -q '^\[sweep\]' "$f"; then
        "$S" sweep --lang zh "$f" --set sweep.steps=4 --reps 2 --set run.horizon_days=60 --quiet > "$T/s.txt" 2> /dev/null
        leaks "$T/s.txt" | sed "s|^s.txt|sweep $f|" >> "$T/leaks"
    fi
done
"$S" compare --lang zh --base scenarios/stances/base.ini scenarios/stances/*.ini --reps 2 --quiet > "$T/c.txt" 2> /dev/null
leaks "$T/c.txt" >> "$T/leaks"
ok "zh-5.1 no English prose in the Chinese reports of run, sweep, compare and batch" \
    $([ ! -s "$T/leaks" ]; echo $?) "$(head -n 20 "$T/leaks")"

# ---- zh-6: a long warning is whole in Chinese (3 bytes a character): one clerk for 40
# orders a day never settles, and the warning ends with its last words in run, sweep (a
# point's warning, prefixed, filled to 100 columns: read with its lines joined) and
# compare, in the report and on the page ----
U="--set order_cycle.processing_servers=1 --reps 2 --quiet"
"$S" run --lang zh scenarios/stances/base.ini $U --out "$T/u_run" > "$T/u_run.txt" 2> /dev/null
"$S" sweep --lang zh scenarios/stances/base.ini --param order_cycle.processing_servers --values 1,3 --reps 2 \
    --quiet --out "$T/u_sweep" > "$T/u_sweep.txt" 2> /dev/null
cp scenarios/stances/base.ini "$T/one_clerk.ini"
sed -i 's/^processing_servers = 3 /processing_servers = 1 /' "$T/one_clerk.ini"
"$S" compare --lang zh scenarios/stances/base.ini "$T/one_clerk.ini" --reps 2 --quiet --out "$T/u_cmp" \
    > "$T/u_cmp.txt" 2> /dev/null
# (compare and sweep wrap a warning within 100 columns, each line after the first a few
# blanks in: joined, they read as the one warning)
for f in u_run u_sweep u_cmp; do
    ok "zh-6 $f: the backlog warning ends whole, '结果依仿真时长而变', in the report and on the page" \
        $(sed -e ':a' -e 'N' -e '$!ba' -e 's/\n *//g' "$T/$f.txt" | grep -q '积压增长.*结果依仿真时长而变' &&
            grep -q '积压增长.*结果依仿真时长而变' "$T/$f/report.html"; echo $?) \
        "$(grep '积压增长' "$T/$f.txt" "$T/$f/report.html" | cut -c1-400)"
done

# ---- zh-7: ipa's lever lines read as Chinese: "每改善 1 个百分点，每天 +1.68", not
# "每%（缩短）每天" (the unit glued between two 每), the percent sign after its figure
# without a blank ("1%（缩短）", docs/conventions.md); an element its lever does not move
# significantly is named as such (with 4 replications, safety_factor's stock availability) ----
"$S" ipa --lang zh scenarios/zh/importance_performance.ini --reps 4 --quiet > "$T/ipa.txt" 2> /dev/null
ok "zh-7.1 ipa --lang zh: every net line is '每改善 1 个百分点，每天 ±X' or '每改善 1%（缩短），每天 ±X'" \
    $([ "$(grep -c '扣除杠杆自身成本后：' "$T/ipa.txt")" -ge 5 ] &&
        ! grep '扣除杠杆自身成本后：' "$T/ipa.txt" | grep -qv '：每改善 1\( 个百分点\|%（缩短）\)，每天 [+-][0-9]'; echo $?) \
    "$(grep '扣除杠杆自身成本后：' "$T/ipa.txt")"
ok "zh-7.2 ipa --lang zh: a time's unit after 每改善 1 is '%（缩短）'" \
    $(grep -q '每改善 1%（缩短），每天 ' "$T/ipa.txt"; echo $?) "$(cat "$T/ipa.txt")"
ok "zh-7.3 ipa --lang zh: an element not moved significantly says so" \
    $(grep -q '对该要素没有显著影响：[+-][0-9.]* ± [0-9.]* 个百分点' "$T/ipa.txt"; echo $?) "$(cat "$T/ipa.txt")"

# ---- zh-8: optimise's last line says what its percentage is (of the full grid's runs),
# rather than ending on a bare "：52.4%" ----
"$S" optimise --lang zh scenarios/zh/stockouts_vs_inventory.ini --param inventory.reorder_point --from 150 \
    --to 850 --quiet > "$T/opt.txt" 2> /dev/null
ok "zh-8 optimise --lang zh: the evaluations' share is named: 本次的运行次数是完整网格的 N%" \
    $(grep -q '；本次的运行次数是完整网格的 [0-9.]*%。$' "$T/opt.txt"; echo $?) "$(tail -n 3 "$T/opt.txt")"

# ---- zh-9: the theory block's "why they differ" says that only a few orders arrive over
# the lead time (the English "only"), and why that matters, in words a class reads ----
"$S" run --lang zh scenarios/zh/service_contract.ini --reps 4 --quiet > "$T/lumpy.txt" 2> /dev/null
ok "zh-9 run --lang zh: '只有 N 个订单分布在 D 天内：需求集中在少数几张订单上'" \
    $(grep -q '^  - 只有 [0-9.]* 个订单分布在 [0-9.]* 天内：需求集中在少数几张订单上' "$T/lumpy.txt"; echo $?) \
    "$(sed -n '/为什么不一致/,/^$/p' "$T/lumpy.txt")"

# ---- zh-10: the service curve's peak label is short enough to sit inside the frame beside
# its line (lesson 2's chart: '（相对于 80.34% 时）' ran onto the frame's left edge) ----
"$S" sweep --lang zh scenarios/zh/stockouts_vs_inventory.ini --set sweep.steps=6 --reps 2 --quiet \
    --out "$T/zh_curve" > /dev/null 2>&1
ok "zh-10 sweep --lang zh: the peak's label reads 'reorder_point = V：每日利润 +N（对比 L%）'" \
    $(grep -q 'reorder_point = [0-9.]*：每日利润 [+-][0-9]*（对比 [0-9.]*%）' "$T/zh_curve/report.html"; echo $?) \
    "$(grep -o '每日利润 [^<]\{0,40\}' "$T/zh_curve/report.html" | head -n 2)"

# ---- zh-11: optimise's table of finalists: each heading ends where its column ends, in
# Chinese (每日利润 is 12 bytes but 8 columns) and in English ----
for lang in zh en; do
    "$S" optimise --lang $lang scenarios/stockouts_vs_inventory.ini --param inventory.reorder_point --from 150 \
        --to 850 --quiet > "$T/opt_$lang.txt" 2> /dev/null
    h=$(grep -E '^  (点|point) ' "$T/opt_$lang.txt" | token_ends)
    r=$(grep -E '^\* ' "$T/opt_$lang.txt" | token_ends)
    # heading: point, objective, replications, eliminated, ahead by (the last, in words);
    # row: *, value, objective, reps, chosen, —
    ok "zh-11 optimise --lang $lang: the objective, replications and ahead-by headings end over their columns" \
        $([ "$(echo "$h" | awk '{print $2, $3, $NF}')" = "$(echo "$r" | awk '{print $3, $4, $NF}')" ]; echo $?) \
        "heading: $h; row: $r; $(grep -A1 -E '^  (点|point) ' "$T/opt_$lang.txt")"
done

# ---- zh-12: compare --service with a heading wider than its values (周期服务水平 is 12
# columns, "service level" 13): the heading ends over the values, clear of 占最优 ----
# (short names, so that the rows keep their names on the line: names too long for a table
# of 100 columns stand on a line of their own)
cp scenarios/consistency_customer.ini "$T/narrow.ini"
cp scenarios/consistency_customer_wide.ini "$T/wide.ini"
for lang in zh en; do
    "$S" compare --lang $lang "$T/narrow.ini" "$T/wide.ini" \
        --service cycle_service_level --reps 2 --quiet > "$T/cmp_svc_$lang.txt" 2> /dev/null
    h=$(grep -E '^(名次|rank) ' "$T/cmp_svc_$lang.txt" | token_ends)
    r=$(grep -E '^ +1  ' "$T/cmp_svc_$lang.txt" | token_ends)
    # the service heading ends at token 7 in Chinese (占最优 is one token, token 6), at 9 in
    # English ("service level" below "cycle", after "of best", tokens 6 and 7); in the row,
    # the share of best is token 5 and the service value 6. The heading is as far right of
    # the share's heading as the values are of the shares.
    n=7 m=6
    [ $lang = en ] && n=9 m=7
    ok "zh-12 compare --lang $lang --service cycle_service_level: the service heading ends over its values" \
        $([ "$(echo "$h" | awk -v n=$n -v m=$m '{print $n - $m}')" = "$(echo "$r" | awk '{print $6 - $5}')" ] &&
            grep -qE '(占最优|of best)  ' "$T/cmp_svc_$lang.txt"; echo $?) "$(sed -n '4,5p' "$T/cmp_svc_$lang.txt")"
done

# ---- compare: every heading ends over its values, after "± 95%" too (± is two bytes,
# one column: the headings are padded by display width) ----
for lang in zh en; do
    "$S" compare --lang $lang scenarios/zh/pooling_regional.ini scenarios/zh/pooling_central.ini --reps 3 --quiet \
        > "$T/cmp_ends_$lang.txt" 2> /dev/null
    h=$(grep -E '^(名次|rank) ' "$T/cmp_ends_$lang.txt" | token_ends)
    r=$(grep -E '^ +1  ' "$T/cmp_ends_$lang.txt" | token_ends)
    # heading tokens (利润 ± 95% 占最优 满足率 准时率 成本 / profit ± 95% of best rate on
    # time cost, "fill" above "rate") against the row's profit, ±, share, service, on time, cost
    heads="3 5 6 7 8 9"
    [ $lang = en ] && heads="3 5 7 8 10 11"
    ok "zh-13 compare --lang $lang: profit, ± 95%, share, service, on time and cost headings end over their values" \
        $([ "$(echo "$h" | awk -v f="$heads" '{n = split(f, a, " "); for (i = 1; i <= n; i++) printf "%s ", $a[i]}')" = \
            "$(echo "$r" | awk '{printf "%s %s %s %s %s %s ", $3, $4, $5, $6, $7, $8}')" ]; echo $?) \
        "$(sed -n '4,5p' "$T/cmp_ends_$lang.txt")"
done

# ---- compare --lang zh: the changed keys joined as Chinese lists them ----
# (with --out: compare.csv holds the keys that do not fit the line)
"$S" compare --lang zh scenarios/zh/stances/*.ini --base scenarios/zh/stances/base.ini --reps 2 --quiet \
    --out "$T/cmp_joint_out" > "$T/cmp_joint.txt" 2> /dev/null
"$S" compare scenarios/zh/stances/*.ini --base scenarios/zh/stances/base.ini --reps 2 --quiet \
    --out "$T/cmp_joint_out_en" > "$T/cmp_joint_en.txt" 2> /dev/null
# two keys that fit the line with nothing after them
sed -e 's/^processing_servers = 3 /processing_servers = 2 /' -e 's/^picking_servers = 1 /picking_servers = 2 /' \
    scenarios/zh/stances/base.ini > "$T/two_keys.ini"
"$S" compare --lang zh scenarios/zh/stances/base.ini "$T/two_keys.ini" --reps 2 --quiet >> "$T/cmp_joint.txt" 2> /dev/null
"$S" compare scenarios/zh/stances/base.ini "$T/two_keys.ini" --reps 2 --quiet >> "$T/cmp_joint_en.txt" 2> /dev/null
ok "zh-14 compare --lang zh: 改动 joins its keys with ；, as the ；另有 after them (English keeps ; )" \
    $(grep -q '^      改动：order_cycle.processing_servers = 2；order_cycle.picking_servers = 2$' "$T/cmp_joint.txt" &&
      grep -q '^      改动：order_cycle.expedite = late；另有 2 个键，见 compare.csv$' "$T/cmp_joint.txt" &&
      ! grep '^      改动：' "$T/cmp_joint.txt" | grep -q '; ' &&
      grep -q '^      changed: order_cycle.processing_servers = 2; order_cycle.picking_servers = 2$' "$T/cmp_joint_en.txt" &&
      grep -q '^      changed: order_cycle.expedite = late; and 2 more keys in compare.csv$' "$T/cmp_joint_en.txt"
      echo $?) "$(grep '改动：' "$T/cmp_joint.txt")"
# without --out there is no compare.csv: every key is listed, the lines after the first
# under the first key
"$S" compare --lang zh scenarios/zh/stances/*.ini --base scenarios/zh/stances/base.ini --reps 2 --quiet \
    > "$T/cmp_all.txt" 2> /dev/null
"$S" compare scenarios/zh/stances/*.ini --base scenarios/zh/stances/base.ini --reps 2 --quiet \
    > "$T/cmp_all_en.txt" 2> /dev/null
ok "zh-14b compare without --out: every changed key under its row, none left to a compare.csv that is not written" \
    $(grep -A1 '^      改动：order_cycle.expedite = late；order_cycle.expedite_delivery_days = uniform(0.5, 1)；$' "$T/cmp_all.txt" |
        grep -q '^            inventory.safety_factor = 2$' &&
      grep -A1 '^      changed: order_cycle.expedite = late; order_cycle.expedite_delivery_days = uniform(0.5, 1);$' "$T/cmp_all_en.txt" |
        grep -q '^               inventory.safety_factor = 2$' &&
      ! grep -q 'compare\.csv' "$T/cmp_all.txt" "$T/cmp_all_en.txt" &&
      [ "$(cat "$T/cmp_all.txt" "$T/cmp_all_en.txt" | LC_ALL=C.UTF-8 wc -L)" -le 100 ]
      echo $?) "$(grep -A1 '改动：\|changed:' "$T/cmp_all.txt" "$T/cmp_all_en.txt")"

# ---- run --lang zh, many locations: Chinese headings, aligned ----
"$S" run --lang zh scenarios/zh/supply_chain.ini --reps 2 > "$T/chain_zh.txt" 2> /dev/null
ok "zh-15 run --lang zh supply_chain: 周期服务水平公式, 提前期均值, 提前期 p95 (no CSL 公式, no half-width brackets)" \
    $(grep -q '周期服务水平公式' "$T/chain_zh.txt" && grep -q '  提前期均值  提前期 p95  ' "$T/chain_zh.txt" &&
      ! grep -q 'CSL 公式\|提前期(天)\|提前期p95' "$T/chain_zh.txt"; echo $?) "$(grep -E '^  (仓库|库存层级) ' "$T/chain_zh.txt")"
h=$(grep -A1 -E '^  仓库 +水平 ' "$T/chain_zh.txt" | token_ends)
ok "zh-15b ... the theory table's headings end over their values" \
    $([ "$(echo "$h" | sed -n 1p | awk '{print $3, $4, $5, $6}')" = "$(echo "$h" | sed -n 2p | awk '{print $3, $4, $5, $6}')" ]
      echo $?) "$(grep -A1 -E '^  仓库 +水平 ' "$T/chain_zh.txt")"

# ---- a metric in Chinese prose: its words when it has them, else its name set off by a space ----
"$S" optimise --lang zh scenarios/zh/pooling_regional.ini --param inventory.safety_factor --from 1 --to 2 \
    --maximise fill_rate --reps 2 > "$T/opt_words.txt" 2> /dev/null
"$S" optimise --lang zh scenarios/zh/pooling_regional.ini --param inventory.safety_factor --from 1 --to 2 \
    --maximise cost_holding_per_day --reps 2 > "$T/opt_name.txt" 2> /dev/null
"$S" optimise --lang zh scenarios/zh/pooling_regional.ini --param inventory.safety_factor --from 1 --to 2 \
    --maximise revenue_per_day --reps 2 > "$T/opt_revenue.txt" 2> /dev/null
ok "zh-16 optimise --lang zh: 最大化满足率，范围：, 最大化每日收入，范围： and 最大化 cost holding per day，范围： (no space inside Chinese)" \
    $(grep -q '^最大化满足率，范围：$' "$T/opt_words.txt" && grep -q '^最大化每日收入，范围：$' "$T/opt_revenue.txt" &&
      grep -q '^最大化 cost holding per day，范围：$' "$T/opt_name.txt"
      echo $?) "$(sed -n 2p "$T/opt_words.txt" "$T/opt_revenue.txt" "$T/opt_name.txt")"
ok "zh-16.1 optimise --lang zh: the best point's line begins with the name after two spaces, a Latin one too" \
    $(grep -q '^  每日收入 [0-9]' "$T/opt_revenue.txt" && grep -q '^  cost holding per day [0-9]' "$T/opt_name.txt"
      echo $?) "$(grep -h '± .*次重复' "$T/opt_revenue.txt" "$T/opt_name.txt")"
# the best point's block says "per day" one way (每日, as po/zh_CN.po names 每日利润 and
# 每日总成本 and the charts' headings do): the objective's line and profit's line under it
ok "zh-16.2 optimise --lang zh: the best point's block writes per day as 每日 on every line, never 每天" \
    $(grep -A3 '^最优点：' "$T/opt_revenue.txt" > "$T/opt_best.txt" && grep -q '^  每日收入 [0-9]' "$T/opt_best.txt" &&
      grep -q '^  每日利润 [0-9]' "$T/opt_best.txt" && ! grep -q '每天' "$T/opt_best.txt"
      echo $?) "$(cat "$T/opt_best.txt")"
"$S" sweep --lang zh scenarios/supplier_disruption.ini --param inventory.safety_factor --from 1 --to 2 --steps 2 \
    --reps 2 --service supply_yield_mean --quiet --out "$T/sw_yield" > /dev/null 2>&1
ok "zh-17 sweep --lang zh --service supply_yield_mean: the page names it 供应到货率, not by its Latin name" \
    $(grep -q '供应到货率' "$T/sw_yield/report.html" && ! grep -q 'supply yield' "$T/sw_yield/report.html"; echo $?)

check_done test_reports_zh
