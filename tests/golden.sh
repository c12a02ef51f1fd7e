#!/bin/sh
# golden.sh update - regenerate the golden outputs in tests/golden from ./servlab.
# Golden files are CSV at fixed seeds, and the text of `servlab keys` and `servlab --help`
# in both languages; read `git diff tests/golden` before committing.
cd "$(dirname "$0")/.." || exit 1
[ "$1" = update ] || { echo "usage: tests/golden.sh update" >&2; exit 2; }
mkdir -p tests/golden
./servlab run scenarios/default.ini --format csv > tests/golden/default.csv || exit 1
# the data behind the sweep charts (the same small sweep tests/test_cli.sh runs)
out=$(mktemp -d)
./servlab sweep scenarios/default.ini --set sweep.from=0 --set sweep.to=2.5 --set sweep.steps=6 --reps 4 \
    --out "$out" --quiet > /dev/null || exit 1
cp "$out/curve.csv" tests/golden/sweep_curve.csv
# the data behind the run charts
./servlab run scenarios/default.ini --reps 2 --out "$out/run" --quiet > /dev/null || exit 1
cp "$out/run/order_cycle.csv" tests/golden/order_cycle.csv
./servlab run tests/validation/i1_base_stock.ini --set run.horizon_days=60 --reps 2 --out "$out/i1" --quiet > /dev/null || exit 1
cp "$out/i1/stock_trajectory.csv" tests/golden/stock_trajectory.csv
rm -rf "$out"
# the key reference and --help, in English and in Chinese (tests/test_keys_lang.sh); the
# language is named, so that a Chinese locale does not write the English goldens
./servlab keys --lang en > tests/golden/keys.txt || exit 1
./servlab keys --lang zh > tests/golden/keys_zh.txt || exit 1
./servlab --help --lang en > tests/golden/help.txt || exit 1
./servlab --help --lang zh > tests/golden/help_zh.txt || exit 1
# the reports in Chinese: tests/zh_reports.sh lists the commands; both it and
# tests/test_reports_zh.sh run them the same way
tests/zh_reports.sh ./servlab tests/golden || exit 1
echo "golden: wrote tests/golden/*.csv, *.txt and zh_*.txt; review with: git diff tests/golden"
