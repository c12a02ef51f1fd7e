#!/bin/sh
# test_serve_class.sh - servlab serve (cli/serve.h) as the instructor and the students
# meet it, beyond tests/test_serve.sh: a base that reads a demand history is refused at
# start (every student's copy would be); a port that is taken is said in servlab's own
# words only, in each language; the class code is typed on phones (no capital, any case);
# a GBK upload comes back converted, in the form; refused submissions are kept for the
# instructor (history.csv, /history), across a restart; the base's own run (today) on the
# result page and the leaderboard; one absurd submission does not flatten the class charts. On 127.0.0.1 only, each server on a free port, killed
# at the end whatever happens; every curl bounded (--max-time).
# Uses $SERVLAB (default ./servlab), via tests/check.sh; curl (tests/need.sh http).
cd "$(dirname "$0")/.." || exit 1
. tests/check.sh
name=test_serve_class
need_tools $name "serve-class-0 curl is here to talk to the server" "servlab serve is not tested here" http

PIDS=""
trap 'for p in $PIDS; do kill -KILL $p 2> /dev/null; done; rm -rf "$T"' EXIT
C="curl -s --max-time 120"
B=scenarios/stances/base.ini

. tests/serve_lib.sh
stop() {
    kill -TERM $PID
    wait $PID
    ok "serve-class-stop exit status 0 after SIGTERM ($dir)" $? "$(tail -n 5 "$T/serve.err")"
}
text() { sed -e 's/<[^>]*>//g' "$1" | grep -v '^ *$'; }

# ---- a base that reads a demand history: refused at start, what to do instead ----
# bounded: a server that starts anyway would serve until stopped
timeout 120 "$S" serve --base scenarios/planner/base.ini --port 0 --dir "$T/hist" > "$T/out" 2> "$T/err"
rc=$?
ok "serve-class-1.1 a base with [demand] history: exit 2, file:line, section and key, why, and the --set to use instead" \
    $([ $rc -eq 2 ] && [ ! -s "$T/out" ] && [ ! -e "$T/hist" ] &&
      grep -q '^servlab: scenarios/planner/base.ini:17: \[demand\] history: a class base cannot read a file:$' "$T/err" &&
      grep -q "so every student's copy of this base would be refused" "$T/err" &&
      grep -qx '    servlab serve --base scenarios/planner/base.ini --set demand.history=scenarios/planner/history/bolt_01.csv' "$T/err"; echo $?) \
    "$rc $(cat "$T/out" "$T/err")"
timeout 120 "$S" serve --base scenarios/planner/base.ini --port 0 --dir "$T/hist" --lang zh > /dev/null 2> "$T/err"
ok "serve-class-1.2 zh: the same, in Chinese" $([ $? -eq 2 ] &&
    grep -q '^servlab: scenarios/planner/base.ini:17: \[demand\] history：课堂的基础情景不能读取文件' "$T/err" &&
    grep -q -- '--set demand.history=scenarios/planner/history/bolt_01.csv' "$T/err"; echo $?) "$(cat "$T/err")"
# the --set given but the line kept in the file: the students' copies still hold it, and would be refused
timeout 120 "$S" serve --base scenarios/planner/base.ini --set demand.history=scenarios/planner/history/bolt_01.csv --port 0 \
    --dir "$T/hist1" > "$T/out" 2> "$T/err"
ok "serve-class-1.2b ... with --set demand.history but the line still in the file: refused all the same (exit 2), the line named" \
    $([ $? -eq 2 ] && [ ! -e "$T/hist1" ] &&
      grep -q '^servlab: scenarios/planner/base.ini:17: \[demand\] history: a class base cannot read a file:$' "$T/err"; echo $?) "$(cat "$T/err")"
# what it says works: the history given by --set, a student's copy of the base without the line is taken
grep -v '^history = ' scenarios/planner/base.ini > "$T/planner.ini"
cp -r scenarios/planner/history "$T/"
Bsaved=$B
B=$T/planner.ini
start "$T/hist2" --set demand.history=scenarios/planner/history/bolt_01.csv
s=$(status -F name=ann -F "file=@$T/planner.ini" "$U/submit")
ok "serve-class-1.3 ... served with --set demand.history as told: the students' copy is taken (200)" $([ "$s" = 200 ]; echo $?) "$s $(text "$T/page" | head -n 20)"
# ---- a port that is taken: servlab's message only (libmicrohttpd's own English line never shows) ----
port=${U##*:}
for lang in en zh; do
    "$S" serve --base "$B" --port "$port" --dir "$T/other" --lang $lang --set demand.history=scenarios/planner/history/bolt_01.csv \
        > /dev/null 2> "$T/err"
    rc=$?
    ok "serve-class-2.1 $lang: a port already taken: exit 1, every line servlab's own (no 'Failed to bind')" \
        $([ $rc -eq 1 ] && ! grep -q 'Failed to bind' "$T/err" && head -n 1 "$T/err" | grep -q '^servlab: ' &&
          grep -q "$port" "$T/err"; echo $?) "$rc $(cat "$T/err")"
done
stop
B=$Bsaved

# ---- the class code on a phone ----
start "$T/state" --code tulip --rate 0
s=$(status "$U/")
ok "serve-class-3.1 the code field: no capital, correction, completion or spelling from a phone; the name: no capital" \
    $([ "$s" = 200 ] && grep -q '<input name="code" required autocapitalize="off" autocomplete="off" autocorrect="off" spellcheck="false"' "$T/page" &&
      grep -q '<input name="name" maxlength="40" required autocapitalize="off" autocorrect="off"' "$T/page"; echo $?) \
    "$s $(grep -o '<input[^>]*>' "$T/page")"
sed 's/^processing_servers = 3 /processing_servers = 2 /' "$B" > "$T/two.ini"
sed 's/^safety_factor = 0.5 /safety_factor = 1.5 /' "$B" > "$T/sf.ini"
s=$(status -F name=Li -F code=Tulip -F "file=@$T/two.ini" "$U/submit")
ok "serve-class-3.2 the code in another case (Tulip for tulip, as a phone capitalises it): taken (200)" $([ "$s" = 200 ]; echo $?) "$s"
s=$(status -F name=Wang -F code=TULIP -F "file=@$T/sf.ini" "$U/submit")
ok "serve-class-3.3 ... TULIP too (200)" $([ "$s" = 200 ]; echo $?) "$s"
s=$(status -F name=Zhao -F code=tulips -F "file=@$T/sf.ini" "$U/submit")
ok "serve-class-3.4 a wrong code is still wrong: 403, and the server keeps serving" \
    $([ "$s" = 403 ] && grep -q 'Wrong class code' "$T/page" && [ "$(status "$U/")" = 200 ]; echo $?) "$s"

# ---- a GBK upload: the student's text back, converted; not called "not a text file" ----
iconv -f utf-8 -t gbk scenarios/zh/stances/base.ini | sed 's/^processing_servers = 3 /processing_servers = 4 /' > "$T/gbk.ini"
s=$(status -c "$T/sun.jar" -F name=Sun -F code=tulip -F "file=@$T/gbk.ini" "$U/submit")
ok "serve-class-4.1 a GBK file: 422, says it looks GBK; the form holds the student's text converted (with the edit), not the base" \
    $([ "$s" = 422 ] && grep -q 'looks saved as GBK' "$T/page" &&
      grep -q 'Below is what you sent, converted from GBK to UTF-8' "$T/page" && ! grep -q 'not a text file' "$T/page" &&
      grep -q '^processing_servers = 4 ' "$T/page" && ! grep -q '^processing_servers = 3 ' "$T/page" &&
      grep -q '服务与成本的四种做法' "$T/page" && [ "$(status "$U/")" = 200 ]; echo $?) \
    "$s $(text "$T/page" | sed -n '/Submission refused/,/Class code/p' | head -n 12)"
cp "$T/page" "$T/en-gbk.html"
s=$(status -b "$T/sun.jar" -F name=Sun -F code=tulip --form-string "scenario=$(sed 's/^processing_servers = 3 /processing_servers = 4 /' scenarios/zh/stances/base.ini)" "$U/submit")
ok "serve-class-4.2 ... submitted again from the form, as UTF-8: taken (200)" $([ "$s" = 200 ]; echo $?) "$s"
head -c 3000 /dev/urandom | tr -d '\000' > "$T/garbage.ini"
printf '\000' >> "$T/garbage.ini"
s=$(status -F name=Qian -F code=tulip -F "file=@$T/garbage.ini" "$U/submit")
ok "serve-class-4.3 a binary file is still 'not a text file', with the base in the form" \
    $([ "$s" = 422 ] && grep -q 'What you sent is not a text file' "$T/page"; echo $?) "$s"

# ---- refusals kept for the instructor ----
wait_settled "$T/state"
h=$T/state/history.csv
ok "serve-class-5.1 history.csv: the header's new last column, refusal (the others unchanged)" \
    $(head -n 1 "$h" | grep -q "seq,id,time_utc,name,client,content_hash,state,profit_per_day,changed_keys,refusal$"; echo $?) "$(head -n 1 "$h")"
ok "serve-class-5.2 ... a row per refusal: no seq, id or hash, state refused, the first message (wrong code; GBK; not text)" \
    $(grep -q '^,,[0-9T:Z-]*,Zhao,127.0.0.1,,refused,,,"Wrong class code: ask the instructor for it."$' "$h" &&
      grep -q '^,,[0-9T:Z-]*,Sun,127.0.0.1,,refused,,,"Sun.ini:1: is not UTF-8 text: it looks saved as GBK' "$h" &&
      [ "$(grep -c ',refused,' "$h")" -eq 3 ]; echo $?) "$(cat "$h")"
ok "serve-class-5.2b ... in the order they came, whatever the second: Sun's refusal above Sun's accepted submission, Zhao's between Wang's and it" \
    $([ "$(cut -d, -f4,7 "$h" | grep '^Sun,\|^Zhao,\|^Wang,' | tr '\n' ' ')" = "Wang,done Zhao,refused Sun,refused Sun,done " ]; echo $?) \
    "$(cut -d, -f4,7 "$h" | tr '\n' ' ')"
ok "serve-class-5.3 ... the accepted ones as before, with an empty last column" \
    $(grep -q '^0,[0-9a-f]\{16\},[0-9T:Z-]*,Li,127.0.0.1,[0-9a-f]\{16\},done,[0-9.]*,"order_cycle.processing_servers = 2",$' "$h"; echo $?) "$(cat "$h")"
s=$(status "$U/history")
ok "serve-class-5.4 /history lists the refusals among the submissions, newest first, with the reason" \
    $([ "$s" = 200 ] && [ "$(grep -c '<tr class="refused">' "$T/page")" -eq 3 ] &&
      grep -q '<td>Zhao</td><td><strong>refused</strong></td><td class="num"></td><td>Wrong class code: ask the instructor for it.</td>' "$T/page" &&
      text "$T/page" | grep -n 'Zhao\|Li' | head -n 1 | grep -q Zhao; echo $?) "$s $(grep -o '<tr class="refused">.*' "$T/page" | head -n 3)"
# a bad name: kept without the name
s=$(status -F "name=-x" -F code=tulip -F "file=@$T/sf.ini" "$U/submit")
status "$U/history" > /dev/null
cp "$T/page" "$T/en-history.html"
ok "serve-class-5.5 a refused name is not shown: '(no valid name)' on /history, empty in history.csv" \
    $([ "$s" = 400 ] && grep -q '<td>(no valid name)</td><td><strong>refused</strong>' "$T/page" &&
      grep -q '^,,[0-9T:Z-]*,,127.0.0.1,,refused,,,"Give your name' "$h"; echo $?) "$s $(grep ',refused,' "$h")"

# ---- the base as it is today: on the result page and the leaderboard ----
id=$(grep ',Li,' "$h" | cut -d, -f2)
s=$(status "$U/result/$id")
ok "serve-class-6.1 the result page: the paired difference to the base (today), +79.56 ± 0.18, significantly higher" \
    $([ "$s" = 200 ] && text "$T/page" | grep -q 'against the base as it is today (paired) +79.56 ± 0.18 (significantly higher)'; echo $?) \
    "$s $(text "$T/page" | grep -i 'profit' | head -n 2)"
cp "$T/page" "$T/en-result.html"
s=$(status "$U/leaderboard")
ok "serve-class-6.2 the leaderboard: the base's own profit and service under the headline, how many beat it (Sun's 4 servers: worse)" \
    $([ "$s" = 200 ] && text "$T/page" | grep -q 'The base as it is today (base.ini): profit 535.96 ± 6.61 a day · on-time rate 85.61% ± 1.00' &&
      text "$T/page" | grep -q 'Submissions significantly better than the base (paired): 2 of 3; significantly worse: 1.'; echo $?) \
    "$s $(text "$T/page" | grep -A1 'base as it is today')"
cp "$T/page" "$T/en-board.html"
stop

# ---- a restart keeps the refusals; in Chinese ----
start "$T/state" --code tulip --rate 0 --lang zh
s=$(status "$U/history")
ok "serve-class-7.1 a restart keeps the refusals (history.csv read back): 4 on /history, zh" \
    $([ "$s" = 200 ] && [ "$(grep -c '<tr class="refused">' "$T/page")" -eq 4 ] && grep -q '<strong>被拒绝</strong>' "$T/page" &&
      [ "$(grep -c ',refused,' "$h")" -eq 4 ]; echo $?) "$s $(grep -c ',refused,' "$h")"
s=$(status "$U/result/$id")
ok "serve-class-7.2 zh: the result page's difference to the base" \
    $([ "$s" = 200 ] && text "$T/page" | grep -q '与基础情景（今天的做法）之差（配对） +79.56 ± 0.18 （显著较高）'; echo $?) "$s $(text "$T/page" | grep '利润' | head -n 2)"
cp "$T/page" "$T/zh-result.html"
s=$(status "$U/leaderboard")
ok "serve-class-7.3 zh: the leaderboard's line on the base" \
    $([ "$s" = 200 ] && text "$T/page" | grep -q '基础情景即今天的做法（base.ini）：利润每天 535.96 ± 6.61' &&
      text "$T/page" | grep -q '显著优于基础情景的提交（配对）：2 份，共 3 份；显著较差：1 份。'; echo $?) "$s $(text "$T/page" | grep -A1 '基础情景即')"
cp "$T/page" "$T/zh-board.html"
iconv -f utf-8 -t gbk scenarios/zh/stances/base.ini > "$T/gbk0.ini"
s=$(status -F name=Zhou -F code=tulip -F "file=@$T/gbk0.ini" "$U/submit")
ok "serve-class-7.4 zh: a GBK file comes back converted, said in Chinese" \
    $([ "$s" = 422 ] && grep -q '下面是你提交的内容（已从 GBK 转换为 UTF-8）' "$T/page" && ! grep -q '不是文本文件' "$T/page"; echo $?) "$s"
cp "$T/page" "$T/zh-gbk.html"
status "$U/history" > /dev/null
cp "$T/page" "$T/zh-history.html"
stop

# ---- a history.csv the reader refuses in part, or whole: the refusals it holds are not
# lost, nothing crashes (a row of an absurd time, a field over 255 bytes) ----
cp "$h" "$T/history.good"
{ cat "$T/history.good"
  printf '9,0123456789abcdef,2024-01-01T00:00:00Z,Long,127.0.0.1,0123456789abcdef,done,1,"%s",\n' "$(printf 'k%.0s' $(seq 300))"
  printf ',,99999999999-01-01T00:00:00Z,Odd,127.0.0.1,,refused,,,"odd time"\n'
  printf ',,2026-12-07T10:00:00Z,Late,127.0.0.1,,refused,,,"kept after the unread rows"\n'; } > "$h"
start "$T/state" --code tulip --rate 0
s=$(status "$U/history")
ok "serve-class-7.5 rows it cannot read are skipped, not stopped at: the refusal after them listed; said on stderr, the file kept aside" \
    $([ "$s" = 200 ] && grep -q '<td>Late</td><td><strong>refused</strong>' "$T/page" && ! grep -q '<td>Odd</td>' "$T/page" &&
      grep -q "history.csv: 2 rows could not be read and are not shown; the file is kept as .*history.csv.unread$" "$T/serve.err" &&
      grep -q 'kept after the unread rows' "$T/state/history.csv.unread"; echo $?) \
    "$s $(cat "$T/serve.err")"
stop
printf 'seq,id\n\377\376 not UTF-8\n' > "$h"
start "$T/state" --code tulip --rate 0
s=$(status "$U/history")
ok "serve-class-7.6 a history.csv that cannot be read at all is said and kept aside, not written over" \
    $([ "$s" = 200 ] && grep -q "history.csv cannot be read (.*): the refused submissions it lists are not shown; it is kept as .*history.csv.unread$" "$T/serve.err" &&
      grep -q 'not UTF-8' "$T/state/history.csv.unread"; echo $?) "$s $(cat "$T/serve.err")"
stop
cp "$T/history.good" "$h"
rm -f "$T/state/history.csv.unread"

# ---- one absurd submission does not flatten the class charts (compare's, which the
# leaderboard draws): the axes keep the body of the class, the far point is drawn at the
# foot with its value, and the subtitle says so ----
mkdir -p "$T/cls"
for i in 1 2 3 4 5; do sed "s/^safety_factor = 0.5 /safety_factor = 0.$((i + 4)) /" "$B" > "$T/cls/s$i.ini"; done
sed 's/^order_quantity = 800 /order_quantity = 1 /' "$B" > "$T/cls/oq1.ini"
"$S" compare --base "$B" "$T"/cls/*.ini --out "$T/clsout" > /dev/null 2>&1
pg=$T/clsout/report.html
ok "serve-class-9.1 the share chart: its axis from 50% (no tick below 0), oq1 at the foot as '6 ↓ -632%', the legend says so" \
    $(grep -q '>6 ↓ -632%<' "$pg" && ! grep -q '>-[0-9]*<' "$pg" && grep -q '>50<' "$pg" &&
      grep -q '>↓ under 49%: at the foot, value beside<' "$pg"; echo $?) \
    "$(grep -o '>[-0-9]*<' "$pg" | sort -u | tr '\n' ' ') $(grep -o '[^>]*↓[^<]*' "$pg" | sort -u)"
ok "serve-class-9.2 the class curve: its axis from 300 a day, oq1 at the foot as '6 ↓ -3418', the legend says so" \
    $(grep -q '>6 ↓ -3418<' "$pg" && grep -q '>300<' "$pg" &&
      grep -q '>↓ under 266 a day: at the foot, profit beside<' "$pg"; echo $?) \
    "$(grep -o '[^>]*↓[^<]*' "$pg" | sort -u)"
"$S" compare --base "$B" "$T"/cls/s*.ini --out "$T/clsout5" > /dev/null 2>&1
ok "serve-class-9.3 a class without a far point: no off-scale marker, no note" \
    $(! grep -q '↓' "$T/clsout5/report.html"; echo $?)
"$S" compare --base "$B" "$T"/cls/*.ini --out "$T/clsout" --lang zh > /dev/null 2>&1
ok "serve-class-9.4 zh: the note in Chinese" \
    $(grep -q '>↓ 低于 49%：画在底端，旁注数值<' "$pg" && grep -q '>↓ 每日利润低于 266：画在底端，旁注利润<' "$pg"; echo $?) "$(grep -o '[^>]*↓[^<]*' "$pg" | sort -u)"
cp "$T/clsout/profit_share.png" "$T/clsout/class_curve.png" "$T/" 2> /dev/null

# ---- the pages in a real browser, at 1280 and 800 px ----
SHOTS=${SHOTS:-build/serve-class-shots}
if need=$(tests/need.sh test browser 2>&1); then
    mkdir -p "$SHOTS"
    for page in en-board zh-board en-result zh-result en-gbk zh-gbk en-history zh-history; do
        cp "$T/$page.html" "$SHOTS/$page.html"
        # a refusal's messages are a note of the terminal's lines: checked at 1280 px (800 px
        # is the excerpt's own matter, tests/test_serve.sh)
        w=800
        case $page in *-gbk) w=1280 ;; esac
        timeout 600 /usr/bin/python3 tests/html_check.py "$SHOTS/$page.html" --shots "$SHOTS/$page" --min-svg 0 \
            --fit $w > "$T/check" 2>&1
        rc=$?
        ok "serve-class-8 $page: loads in chromium, valid, asks the network for nothing, fits $w px" \
            $([ $rc -eq 0 ] && [ -s "$SHOTS/$page-1280x720.png" ]; echo $?) "$(grep -v '^ok' "$T/check" | tail -n 5)"
    done
    cp "$T/profit_share.png" "$T/class_curve.png" "$SHOTS/" 2> /dev/null
    echo "screenshots: $SHOTS/"
elif [ -n "$CI" ]; then
    ok "serve-class-8b the browser checks can run (CI=$CI)" 1 "$need"
else
    echo "$name: skipped: the pages are not checked in a browser here (the other checks ran)"
fi

check_done $name
