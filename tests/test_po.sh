#!/bin/sh
# test_po.sh - the Chinese catalogue (po/zh_CN.po): msgfmt --check is clean, and every
# message the source marks for translation (xgettext, as `make po` runs it) has a
# translation that is neither missing nor fuzzy, and that keeps the "servlab: " prefix of
# its msgid. Needs GNU gettext (make deps).
cd "$(dirname "$0")/.." || exit 1
. tests/check.sh
if ! command -v xgettext > /dev/null 2>&1; then
    echo "test_po: skipped: GNU gettext is not installed (Debian: apt-get install gettext, or make deps)"
    check_done test_po
    exit 0
fi
msgfmt --check -o "$T/zh.mo" po/zh_CN.po 2> "$T/err"
ok "po-1 msgfmt --check accepts po/zh_CN.po" $([ -s "$T/err" ] && cat "$T/err" >&2; [ ! -s "$T/err" ]; echo $?)
sources=$(git ls-files '*.c' '*.h' '*.def' | grep -v '^tests/\|^fuzz/\|^bench/')
xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --keyword=P_:1,2 --keyword=NC_:1c,2 --keyword=C_:1c,2 -o "$T/servlab.pot" $sources
n=$(grep -c '^msgid "' "$T/servlab.pot")
ok "po-2 the source marks messages for translation ($((n - 1)))" $([ "$n" -gt 1 ]; echo $?)
msgmerge --quiet --no-fuzzy-matching -o "$T/merged.po" po/zh_CN.po "$T/servlab.pot"
stats=$(msgfmt --statistics -o /dev/null "$T/merged.po" 2>&1)
echo "    catalogue: $stats"
untranslated=$(msgattrib --untranslated --no-obsolete "$T/merged.po" | grep -c '^msgid "' || true)
fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$T/merged.po" | grep -c '^msgid "' || true)
ok "po-3 every marked message is translated (untranslated: $((untranslated > 0 ? untranslated - 1 : 0)))" \
    $([ "$untranslated" -le 1 ]; echo $?)
ok "po-4 no translation is fuzzy (fuzzy: $((fuzzy > 0 ? fuzzy - 1 : 0)))" $([ "$fuzzy" -le 1 ]; echo $?)
# a number and a Chinese word take a space between them ("约 %d 个"); a %s holding a
# number leaves it to the code (num_count adds the space after bare digits, and a
# duration ends in its Chinese unit: "约需 %s的"); a date is written whole (2024年3月)
bare=$(python3 - po/zh_CN.po <<'PY'
import re, sys
text = open(sys.argv[1], encoding='utf-8').read()
number = r'%(?:\d+\$)?[-+ #0]*(?:\d+|\*)?(?:\.\d+)?(?:hh|h|ll|l|z|j|t|L)?[diouxXeEfgG]'
for block in re.findall(r'^msgstr(?:\[\d\])? ((?:".*"\n?)+)', text, re.M):
    s = ''.join(re.findall(r'"((?:[^"\\]|\\.)*)"', block))
    for m in re.finditer('(' + number + ')(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])(' + number + ')', s):
        if s[m.end():m.end() + 1] != '年':
            print(s[max(0, m.start() - 10):m.end() + 10])
PY
)
pyrc=$?
ok "po-5 no number runs into a Chinese word without a space" $([ $pyrc -eq 0 ] && [ -z "$bare" ]; echo $?) "$bare"
if [ "$untranslated" -gt 1 ]; then
    msgattrib --untranslated --no-obsolete "$T/merged.po" | grep '^msgid "' | sed 1d | head -20 | sed 's/^/    untranslated: /'
fi
# po-6: a message that starts "servlab: " keeps that prefix, half-width colon and space, in
# Chinese too ("servlab：" had crept into the class server's lines). Each message's first
# line of msgid and of msgstr, paired.
msgcat --no-wrap po/zh_CN.po | awk '
/^msgid /  { st = "id"; s = substr($0, 7); id = ""; wait = (s == "\"\""); if (!wait) id = s; next }
/^msgstr/  { st = "str"; s = $0; sub(/^msgstr(\[[0-9]+\])? /, "", s); wait = (s == "\"\""); if (!wait) pair(s); next }
/^"/       { if (wait) { if (st == "id") id = $0; else pair($0); wait = 0 } next }
function pair(str) { if (id ~ /^"servlab: / && str !~ /^"servlab: /) print id " -> " str }' > "$T/prefix"
ok "po-6 every zh message keeps the 'servlab: ' prefix of its msgid" $([ ! -s "$T/prefix" ]; echo $?) \
    "$(head -n 5 "$T/prefix")"
check_done test_po
