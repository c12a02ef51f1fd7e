#!/bin/sh
# test_html_check.sh - tests/html_check.py, the browser check of HTML pages, can pass
# and can fail: tests/html/sample.html (a chart with Chinese text, a table, a data:
# image, A4 print CSS) passes every check; each tests/html/bad_*.html fails exactly the
# checks its second line names ("<!-- expect: CHECK... -->") and passes the others; a
# page that is not there is an error (status 2), not a pass. The checker leaves no
# chromium running and no profile behind.
cd "$(dirname "$0")/.." || exit 1
. tests/check.sh
name=test_html_check
need_tools $name "html-0 the browser checks can run" "the HTML checker cannot run here" browser
CHECK="/usr/bin/python3 tests/html_check.py"
# the checker's temporary profiles go to $T, so that what it leaves behind is seen
export TMPDIR="$T"

# failed FILE: the names of the checks that failed, sorted, on one line
failed() { sed -n 's/^FAIL \([a-z0-9-]*\):.*/\1/p' "$1" | sort | tr '\n' ' ' | sed 's/ $//'; }

$CHECK tests/html/sample.html --shots "$T/shots/sample" --min-svg 1 --text "$T/sample.txt" > "$T/sample.out" 2>&1
rc=$?
ok "html-1.1 sample.html passes (status $rc)" $rc "$(grep -v '^ok ' "$T/sample.out")"
all="utf-8 tidy html5 load svg figures chart-text img shots print console network script dialog"
for c in $all; do
    ok "html-1.2 ... check $c ran and passed" $(grep -q "^ok   $c: " "$T/sample.out"; echo $?)
done
for f in sample-1280x720.png sample-1920x1080.png sample-full.png sample.pdf; do
    ok "html-1.3 ... wrote $f" $([ -s "$T/shots/$f" ]; echo $?)
done
ok "html-1.4 ... the 1280x720 shot is a 1280 x 720 PNG" \
    $(/usr/bin/python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); sys.exit(not (d[:8]==b"\x89PNG\r\n\x1a\n" and struct.unpack(">II",d[16:24])==(1280,720)))' "$T/shots/sample-1280x720.png"; echo $?)
ok "html-1.5 ... its PDF is a PDF" $(head -c 5 "$T/shots/sample.pdf" | grep -q '^%PDF-'; echo $?)
ok "html-1.6 ... the text it shows holds the chart's Chinese and the escaped markup as text" \
    $(grep -q '利润最高' "$T/sample.txt" && grep -qF '服务水平 (fill rate) <script>' "$T/sample.txt"; echo $?)

for page in tests/html/bad_*.html; do
    n=$(basename "$page" .html)
    want=$(sed -n '2s/^<!-- expect: \(.*\) -->$/\1/p' "$page" | tr ' ' '\n' | sort | tr '\n' ' ' | sed 's/ $//')
    $CHECK "$page" > "$T/$n.out" 2>&1
    rc=$?
    ok "html-2 $n fails (status $rc)" $([ $rc -eq 1 ]; echo $?) "$(cat "$T/$n.out")"
    got=$(failed "$T/$n.out")
    ok "html-2b $n fails exactly: $want" $([ -n "$want" ] && [ "$got" = "$want" ]; echo $?) "failed: $got"
done

$CHECK "$T/no-such-page.html" > "$T/none.out" 2>&1
rc=$?
ok "html-3 a missing page is an error (status $rc)" $([ $rc -eq 2 ]; echo $?) "$(cat "$T/none.out")"

ok "html-4 no profile left behind" $([ -z "$(ls -d "$T"/html_check.* 2> /dev/null)" ]; echo $?) "$(ls -d "$T"/html_check.* 2> /dev/null)"
# the checker kills chromium's whole process group and waits for the browser process;
# its other processes may take a moment more to go on a busy machine: a chromium left
# running is one still there after 30 s
i=0
while left=$(ps -eo args 2> /dev/null | grep -F -- "--user-data-dir=$T/" | grep -v grep) && [ -n "$left" ] && [ $i -lt 300 ]; do
    sleep 0.1
    i=$((i + 1))
done
ok "html-5 no chromium left running" $([ -z "$left" ]; echo $?) "$left"
check_done $name
