#!/bin/sh
# test_readme.sh - README.md tells the truth:
#  - every example with its output shown runs and prints what the README shows
#    (excerpts with "..." lines included), and the charts in docs/ are drawn again byte
#    for byte (tests/notes.sh check; make notes refreshes them);
#  - the tour of a scenario file (the README's first ```ini block) gives every key the
#    value scenarios/default.ini gives it, in the same section.
# Uses $SERVLAB (through tests/notes.sh).
cd "$(dirname "$0")/.." || exit 1
. tests/check.sh

NOTES_SUMMARY=notes sh tests/notes.sh check README.md > "$T/notes" 2>&1
grep -v '^notes: [0-9]* passed, [0-9]* failed$' "$T/notes"
line=$(grep '^notes: [0-9]* passed, [0-9]* failed$' "$T/notes")
if [ -z "$line" ]; then
    ok "readme-1 tests/notes.sh check README.md ran to its summary" 1
else
    pass=$((pass + $(echo "$line" | sed 's/^notes: \([0-9]*\) passed.*/\1/')))
    fail=$((fail + $(echo "$line" | sed 's/.* \([0-9]*\) failed$/\1/')))
fi

# key=value per section of an INI text (comments, blank lines and ``` fences dropped)
ini_values() {
    awk '/^```/ { next }
         /^\[/ { sub(/\].*/, "]"); section = $0; next }
         /^[;#]/ || !/=/ { next }
         { sub(/[ \t]+;.*/, ""); split($0, kv, "="); k = kv[1]; v = substr($0, index($0, "=") + 1)
           gsub(/^[ \t]+|[ \t]+$/, "", k); gsub(/^[ \t]+|[ \t]+$/, "", v); print section k "=" v }'
}
awk '/^```ini$/ { n++ } n == 1 { print } n == 1 && /^```$/ { exit }' README.md | ini_values > "$T/tour"
ini_values < scenarios/default.ini > "$T/default"
ok "readme-2 the tour of a scenario file shows at least 20 keys (shows $(wc -l < "$T/tour"))" \
    $([ "$(wc -l < "$T/tour")" -ge 20 ]; echo $?)
missing=$(grep -vxFf "$T/default" "$T/tour")
ok "readme-3 every key in the tour has the value scenarios/default.ini gives it" \
    $([ -z "$missing" ]; echo $?) "not in scenarios/default.ini: $missing"

check_done test_readme
