#!/bin/sh
# run_all.sh BUILD - run every test program in BUILD/tests and every tests/test_*.sh
# against BUILD/servlab; print each one's summary and the total as the last line:
# "N passed, M failed". Exit status 1 if anything failed. A suite that cannot run here
# (no OpenMPI, no clang) says "NAME: skipped: why and what to install"; those lines are
# repeated just above the total, so that a skip is not missed.
build=${1:-build}
cd "$(dirname "$0")/.." || exit 1
# The tests expect English wherever they do not ask for Chinese (--lang zh, or a LANG of
# their own): the caller's locale, a Chinese desktop's zh_CN.UTF-8 say, must not change
# what servlab prints (lang/lang.c reads LC_ALL, LC_MESSAGES, then LANG).
unset LC_ALL LC_MESSAGES LANGUAGE
export LANG=C.UTF-8
total_pass=0
total_fail=0
skipped=""
tally() { # NAME OUTPUT-FILE STATUS
    line=$(grep -E '^[A-Za-z0-9_]+: [0-9]+ passed, [0-9]+ failed$' "$2" | tail -n 1)
    if [ -z "$line" ]; then
        echo "$1: crashed or printed no summary (exit status $3); last lines:"
        tail -n 5 "$2" | sed 's/^/    /'
        total_fail=$((total_fail + 1))
        return
    fi
    grep -E '^FAIL' "$2" | sed 's/^/    /'
    grep -E '^[A-Za-z0-9_]+: skipped' "$2" | sed 's/^/    SKIPPED: /' # a suite that skips says so
    skipped="$skipped$(grep -E -A1 '^[A-Za-z0-9_]+: skipped' "$2" | grep -vE '^(--|[A-Za-z0-9_]+: [0-9]+ passed)' | sed 's/^/    /')
"
    echo "$line"
    p=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed.*/\1/')
    f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed$/\1/')
    total_pass=$((total_pass + p))
    total_fail=$((total_fail + f))
    if [ "$3" -ne 0 ] && [ "$f" -eq 0 ]; then
        echo "$1: exit status $3 although no check failed"
        total_fail=$((total_fail + 1))
    fi
}
out=$(mktemp)
for t in "$build"/tests/test_*; do
    case "$t" in *.o|*.d) continue ;; esac
    [ -x "$t" ] || continue
    name=$(basename "$t")
    "$t" > "$out" 2>&1
    tally "$name" "$out" $?
done
for t in tests/test_*.sh; do
    [ -f "$t" ] || continue
    SERVLAB="$build/servlab" sh "$t" > "$out" 2>&1
    tally "$(basename "$t" .sh)" "$out" $?
done
rm -f "$out"
if [ -n "$(echo "$skipped" | tr -d '[:space:]')" ]; then
    echo "NOT RUN here (install what they name, then run the tests again):"
    printf '%s' "$skipped" | grep -v '^$'
fi
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
