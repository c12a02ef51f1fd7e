#!/bin/sh
# golden.sh update - regenerate the golden outputs in tests/golden from ./servlab.
# Golden files are CSV at fixed seeds; read `git diff tests/golden` before committing.
cd "$(dirname "$0")/.." || exit 1
[ "$1" = update ] || { echo "usage: tests/golden.sh update" >&2; exit 2; }
mkdir -p tests/golden
./servlab run scenarios/default.ini --format csv > tests/golden/default.csv || exit 1
# the data behind the sweep charts (the same small sweep tests/test_cli.sh runs)
out=$(mktemp -d)
./servlab sweep scenarios/default.ini --set sweep.from=0 --set sweep.to=2.5 --set sweep.steps=6 --reps 4 \
    --out "$out" --quiet > /dev/null || exit 1
cp "$out/curve.csv" tests/golden/sweep_curve.csv
rm -rf "$out"
echo "golden: wrote tests/golden/default.csv and sweep_curve.csv; review with: git diff tests/golden"
