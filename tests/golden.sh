#!/bin/sh
# golden.sh update - regenerate the golden outputs in tests/golden from ./servlab.
# Golden files are CSV at fixed seeds; read `git diff tests/golden` before committing.
cd "$(dirname "$0")/.." || exit 1
[ "$1" = update ] || { echo "usage: tests/golden.sh update" >&2; exit 2; }
mkdir -p tests/golden
./servlab run scenarios/default.ini --format csv > tests/golden/default.csv || exit 1
echo "golden: wrote tests/golden/default.csv; review with: git diff tests/golden"
