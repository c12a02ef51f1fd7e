#!/bin/sh
# zh_reports.sh SERVLAB DIR - write the Chinese reports of run, sweep, compare and batch
# into DIR/zh_*.txt: the goldens (tests/golden.sh) and what tests/test_reports_zh.sh
# compares with them. The version in the first line is written as VERSION, so that a
# new version does not move the goldens. compare and batch use names in Chinese
# (tests/lang: 张伟.ini, 李娜_第二版.ini, rows named 螺丝刀套装 ...), whose columns must
# line up by display width.
S=$1
D=$2
cd "$(dirname "$0")/.." || exit 1
[ -n "$S" ] && [ -d "$D" ] || { echo "usage: tests/zh_reports.sh SERVLAB DIR" >&2; exit 2; }
v() { sed 's/^servlab [0-9][0-9.]* /servlab VERSION /'; }
"$S" run --lang zh scenarios/default.ini --quiet | v > "$D/zh_run.txt" || exit 1
"$S" run --lang zh scenarios/customer_tiers.ini --reps 4 --quiet | v > "$D/zh_run_tiers.txt" || exit 1
"$S" run --lang zh scenarios/pooling_regional.ini --reps 4 --quiet | v > "$D/zh_run_locations.txt" || exit 1
"$S" sweep --lang zh scenarios/default.ini --set sweep.from=0 --set sweep.to=2.5 --set sweep.steps=6 --reps 4 \
    --quiet | v > "$D/zh_sweep.txt" || exit 1
"$S" compare --lang zh tests/lang/张伟.ini tests/lang/李娜_第二版.ini tests/lang/wang.ini --reps 4 --quiet |
    v > "$D/zh_compare.txt" || exit 1
"$S" batch --lang zh scenarios/default.ini tests/lang/items_zh.csv --sweep --set sweep.steps=6 --reps 3 --quiet |
    v > "$D/zh_batch.txt" || exit 1
