#!/bin/sh
# test_bad.sh - the bad-input corpus: every file in tests/bad/ is a scenario a student
# might write, with one mistake. Its first line says exactly what servlab must answer:
#
#   ; expect: FILE:7: [inventory] reorder_piont: unknown key; did you mean 'reorder_point'?
#   ; expect+ ...                 (a message too long for one line goes on here, after a blank)
#   ; args: --set ...             (optional: options for the command)
#   ; command: sweep              (optional: the command; default check)
#
# FILE stands for the file's path, CWD for the current directory (the repository root). `servlab COMMAND FILE ARGS` must exit with status 2,
# print nothing on stdout, and print that message first on stderr (its lines wrapped to a
# terminal's width joined: first_message in tests/check.sh). Cases that
# cannot live in git as a file (a directory, a missing or unreadable file, bytes that are
# not UTF-8, NUL bytes, CRLF or CR line ends, a BOM, an empty or huge file) are made here,
# in a temporary directory; CRLF and BOM files must simply work. Uses $SERVLAB.
# Shares are covered with what the reader has (target_fill_rate, target_cycle_service_level,
# discrete() weights, which are normalised and so need not sum to 1). Shares that must sum
# to 1 (customer tiers, product mixes) arrive with the [tier] and [product] sections: add
# their cases here then.
cd "$(dirname "$0")/.." || exit 1
. tests/check.sh

# refused NAME FILE WANT [COMMAND ARGS...]: status 2, empty stdout, first stderr message WANT
# (FILE in WANT replaced by the path)
refused() {
    name=$1 file=$2 want=$3
    shift 3
    cmd=${1:-check}
    [ $# -gt 0 ] && shift
    "$S" "$cmd" "$file" "$@" > "$T/out" 2> "$T/err"
    rc=$?
    got=$(first_message "$T/err")
    want=$(printf '%s' "$want" | awk -v f="$file" -v d="$(pwd)" '{ while ((i = index($0, "FILE")) > 0) $0 = substr($0, 1, i - 1) f substr($0, i + 4); while ((i = index($0, "CWD")) > 0) $0 = substr($0, 1, i - 1) d substr($0, i + 3); print }')
    [ $rc -eq 2 ] && [ ! -s "$T/out" ] && [ "$got" = "$want" ]
    ok "$name" $? "status $rc (want 2), stdout $(wc -c < "$T/out") bytes (want 0)
got:  $got
want: $want"
}

# in_chinese FILE COMMAND ARGS...: the same case with --lang zh: status 2, empty stdout, and
# a first stderr message that tests/zh_message.pl finds to be the English message's
# "file:line: [section] key:" prefix followed by Chinese with no English sentence in it.
# A file listed in tests/bad/zh_pending (another part's message, not yet translated
# here) must fail that check instead, so the list is kept true.
zh_done=0
zh_pending=0
in_chinese() {
    zf=$1 zcmd=$2
    shift 2
    zname="bad $(basename "$zf" .ini) in Chinese"
    first_message "$T/err" > "$T/en" # the English message, as refused just read it
    "$S" "$zcmd" "$zf" "$@" --lang zh > "$T/zout" 2> "$T/zerr"
    zrc=$?
    why=$(perl tests/zh_message.pl "$(cat "$T/en")" "$(first_message "$T/zerr")")
    zok=$?
    zh_done=$((zh_done + 1))
    if grep -q "^$(basename "$zf") " tests/bad/zh_pending; then
        zh_pending=$((zh_pending + 1))
        ok "$zname: still pending (listed in tests/bad/zh_pending)" $([ $zok -ne 0 ]; echo $?) \
            "it now reads as Chinese: remove it from tests/bad/zh_pending
got: $(first_message "$T/zerr")"
        return
    fi
    ok "$zname" $([ $zrc -eq 2 ] && [ ! -s "$T/zout" ] && [ $zok -eq 0 ]; echo $?) \
        "status $zrc (want 2), stdout $(wc -c < "$T/zout") bytes (want 0); $why
English: $(cat "$T/en")
Chinese: $(first_message "$T/zerr")"
}

# ---- the files in tests/bad ----
n=0
for f in tests/bad/*.ini; do
    [ -f "$f" ] || continue
    n=$((n + 1))
    want=$(sed -n '1s/^; expect: //p' "$f")
    if [ -z "$want" ]; then
        ok "bad $(basename "$f"): the first line is '; expect: MESSAGE'" 1
        continue
    fi
    more=$(sed -n '2,$p' "$f" | sed -n '/^; expect+ /!q; s/^; expect+ //p' | tr '\n' '\001' | sed 's/\x01$//; s/\x01/ /g')
    [ -n "$more" ] && want="$want $more"
    args=$(sed -n 's/^; args: //p' "$f" | head -n 1)
    cmd=$(sed -n 's/^; command: //p' "$f" | head -n 1)
    # shellcheck disable=SC2086 # args are words
    refused "bad $(basename "$f" .ini)" "$f" "$want" "${cmd:-check}" $args
    # shellcheck disable=SC2086
    in_chinese "$f" "${cmd:-check}" $args
done
ok "the corpus has at least 50 files (has $n)" $([ $n -ge 50 ]; echo $?)
ok "the corpus was read in Chinese too, $zh_done files, $zh_pending of them still pending" \
    $([ $zh_done -eq $n ]; echo $?)

# ---- cases made at test time ----
good='[demand]\norders_per_day = 40\nunits_per_order = geometric(2)\n\n[inventory]\npolicy = sQ\nreorder_point = 500\norder_quantity = 1200\n'
printf "$good" > "$T/good.ini"
"$S" check "$T/good.ini" | tail -n +2 > "$T/good.out"

mkdir "$T/dir.ini"
refused "gen a directory" "$T/dir.ini" "FILE: is a directory, not a scenario file"
refused "gen a missing file" "$T/missing.ini" "FILE: cannot open: No such file or directory"
refused "gen a missing file under run" "$T/missing.ini" "FILE: cannot open: No such file or directory" run
# a misspelt name, or one without .ini: the nearest scenario file beside it is suggested
mkdir "$T/near"
printf "$good" > "$T/near/default.ini"
printf "$good" > "$T/near/customer_tiers.ini"
refused "gen a misspelt file name: the nearest *.ini beside it" "$T/near/defualt.ini" \
    "FILE: cannot open: No such file or directory; did you mean '$T/near/default.ini'?" run
refused "gen a file name without .ini" "$T/near/customer_tiers" \
    "FILE: cannot open: No such file or directory; did you mean '$T/near/customer_tiers.ini'?"
"$S" check "$T/near/custmer_tiers.ini" --lang zh > "$T/out" 2> "$T/err"
[ $? -eq 2 ] && [ "$(first_message "$T/err")" = "$T/near/custmer_tiers.ini: 无法打开：没有那个文件或目录；你是不是想写“$T/near/customer_tiers.ini”？" ]
ok "gen a misspelt file name in Chinese" $? "$(cat "$T/err")"
# only regular files other than the name itself are suggested: a broken symlink named
# x.ini is not offered as its own correction, nor a directory named x.ini
mkdir "$T/odd"
ln -s "$T/nonexistent" "$T/odd/broken.ini"
refused "gen a broken symlink: no suggestion of itself" "$T/odd/broken.ini" \
    "FILE: cannot open: No such file or directory"
mkdir "$T/odd/x.ini"
refused "gen a directory named x.ini is not suggested" "$T/odd/y.ini" \
    "FILE: cannot open: No such file or directory"
# a tie (bx.ini is as near to b0.ini as to b9.ini) has the same answer, the first by name,
# whatever order the files were made in and the directory lists them in (ten of them, so
# that a hashed listing, as on ext4, is unlikely to put the first by name first by chance)
mkdir "$T/tie_up" "$T/tie_down"
for c in 0 1 2 3 4 5 6 7 8 9; do printf "$good" > "$T/tie_up/b$c.ini"; done
for c in 9 8 7 6 5 4 3 2 1 0; do printf "$good" > "$T/tie_down/b$c.ini"; done
refused "gen a tie, files made b0 to b9: the first by name" "$T/tie_up/bx.ini" \
    "FILE: cannot open: No such file or directory; did you mean '$T/tie_up/b0.ini'?"
refused "gen a tie, files made b9 to b0: the first by name" "$T/tie_down/bx.ini" \
    "FILE: cannot open: No such file or directory; did you mean '$T/tie_down/b0.ini'?"
# every *.ini of a directory is read, not the first 512 it lists: default.ini among 2000
# other files, made first in one directory and last in the other (on ext4, a hashed
# listing, each has about one chance in four of being among the first 512)
mkdir "$T/many_first" "$T/many_last"
: > "$T/many_first/default.ini"
(cd "$T/many_first" && seq -w 1 2000 | sed 's/^/f/; s/$/.ini/' | xargs touch)
(cd "$T/many_last" && seq -w 1 2000 | sed 's/^/f/; s/$/.ini/' | xargs touch)
: > "$T/many_last/default.ini"
refused "gen 2001 scenario files, default.ini made first: it is found" "$T/many_first/defualt.ini" \
    "FILE: cannot open: No such file or directory; did you mean '$T/many_first/default.ini'?"
refused "gen 2001 scenario files, default.ini made last: it is found" "$T/many_last/defualt.ini" \
    "FILE: cannot open: No such file or directory; did you mean '$T/many_last/default.ini'?"
# a directory of more than 4096 (reader/suggest.c, NEAR_FILES_MAX) is not searched at all
mkdir "$T/too_many"
(cd "$T/too_many" && seq -w 1 4096 | sed 's/^/f/; s/$/.ini/' | xargs touch && : > default.ini)
refused "gen 4097 scenario files: no suggestion" "$T/too_many/defualt.ini" "FILE: cannot open: No such file or directory"
# a name without a directory, typed at the repository's root: the scenario library's file
# (scenarios/, or in Chinese its twin scenarios/zh/, which runs the same)
refused "gen a library scenario's name alone, at the root: scenarios/ is searched too" default.ini \
    "FILE: cannot open: No such file or directory; did you mean 'scenarios/default.ini'?" run
refused "gen ... misspelt, at the root" custmer_tiers.ini \
    "FILE: cannot open: No such file or directory; did you mean 'scenarios/customer_tiers.ini'?"
"$S" run default.ini --lang zh > "$T/out" 2> "$T/err"
[ $? -eq 2 ] && [ "$(cat "$T/err")" = "default.ini: 无法打开：没有那个文件或目录；你是不是想写“scenarios/zh/default.ini”？" ]
ok "gen a library scenario's name alone, at the root, in Chinese: its Chinese twin" $? "$(cat "$T/err")"
refused "gen a name with a directory is looked for there only" ./default.ini \
    "FILE: cannot open: No such file or directory"
refused "gen a device, not a file" /dev/null "FILE: is not a regular file"
printf "$good" > "$T/secret.ini"
chmod 000 "$T/secret.ini"
if [ "$(id -u)" = 0 ]; then
    echo "note: running as root, who can read any file: the unreadable-file case is skipped"
else
    refused "gen an unreadable file" "$T/secret.ini" "FILE: cannot open: Permission denied"
fi
: > "$T/empty.ini"
refused "gen an empty file" "$T/empty.ini" \
    "FILE: has no settings; a scenario needs at least [demand] orders_per_day (see 'servlab keys')"
printf '[demand]\norders_per_day = 40 ; caf\351 au lait\n' > "$T/latin1.ini"
refused "gen a Latin-1 byte" "$T/latin1.ini" "FILE:2: contains bytes that are not UTF-8 text; save the file as UTF-8"
# a file saved as GBK (订单 is B6A9 B5A5): one message, at its first line, naming GBK and
# counting its lines, where each line used to get its own
printf '[demand]\norders_per_day = 40 ; \266\251\265\245\n[run]\nseed = 1 ; \266\251\265\245\n' > "$T/gbk.ini"
refused "gen a file saved as GBK" "$T/gbk.ini" \
    "FILE:2: is not UTF-8 text: it looks saved as GBK (Windows' 'ANSI' for Chinese), in 2 lines; save the file as UTF-8"
[ "$(grep -vc '^  ' "$T/err")" -eq 1 ]; ok "gen a file saved as GBK: one message on stderr" $? "$(cat "$T/err")"
printf '[demand]\norders_per_day = 40 ; cr\350me br\373l\351e\n[run]\nseed = 1 ; M\374ller Stra\337e\n' > "$T/latin1_two.ini"
refused "gen two Latin-1 lines (accents before letters: never said to be GBK): said once, the other counted" "$T/latin1_two.ini" \
    "FILE:2: contains bytes that are not UTF-8 text, as does 1 more line; save the file as UTF-8"
# a planner's export saved as GBK (what Chinese Excel's "CSV" writes) is read as GB18030,
# with a note: its later messages keep their line numbers and show its Chinese as UTF-8
# (数量 is CA FD C1 BF: CA FD is no Hangul in EUC-KR, so the file is not Korean too)
printf 'date,orders\n2026-01-01,5\n2026-01-02,7 ; \312\375\301\277\n' > "$T/gbk_history.csv"
printf '[demand]\nhistory = gbk_history.csv\nhistory_kind = daily\n' > "$T/gbk_history.ini"
"$S" check "$T/gbk_history.ini" > "$T/out" 2> "$T/err"
rc=$?
ok "gen a history saved as GBK: read as GB18030, said once; its bad cell at its line, in UTF-8 (status $rc)" \
    $([ $rc -eq 2 ] && [ "$(grep -vc '^  ' "$T/err")" -eq 2 ] &&
        [ "$(first_message "$T/err")" = "servlab: note: $T/gbk_history.csv is not UTF-8 text: read as GB18030 (GBK), the encoding of Excel's 'CSV' on a Chinese Windows" ] &&
        [ "$(nth_message 2 "$T/err")" = "$T/gbk_history.csv:3:2: column 'orders': '7 ; 数量': write just the number (7); the unit is in what the column means" ]
    echo $?) "$(cat "$T/err")"
"$S" check "$T/gbk_history.ini" --lang zh > "$T/out" 2> "$T/err"
ok "gen ... in Chinese: the note in Chinese" \
    $(sed -n 1p "$T/err" | grep -q "^servlab: 注意：$T/gbk_history.csv 不是 UTF-8 文本：已按 GB18030（GBK）编码读取"; echo $?) "$(cat "$T/err")"
# made with iconv: a Chinese header (日期,数量) read by name, a Chinese item id, a table
# whose bad cell is named at its line
mkdir "$T/gbk"
printf '日期,数量\n2026-01-01,5\n2026-01-02,7\n2026-01-03,4\n2026-01-05,6\n' | iconv -f UTF-8 -t GB18030 > "$T/gbk/hist.csv"
printf '[demand]\nhistory = hist.csv\nhistory_kind = daily\nhistory_mode = replay\nhistory_date_column = 日期\nhistory_quantity_column = 数量\n[run]\nreplications = 2\n' > "$T/gbk/h.ini"
"$S" run "$T/gbk/h.ini" --quiet --format csv > "$T/out" 2> "$T/err"
rc=$?
ok "gen a GB18030 history with a Chinese header runs, with one note (status $rc)" \
    $([ $rc -eq 0 ] && [ "$(all_messages "$T/err" | wc -l)" -eq 1 ] && grep -q "^servlab: note: $T/gbk/hist.csv is not UTF-8 text: read as GB18030" "$T/err" &&
        grep -q '^fill_rate,' "$T/out"; echo $?) "$(cat "$T/err")"
printf 'id,revenue.price_per_unit,demand.history\n螺栓,1.5,hist.csv\n螺母,2,hist.csv\n' | iconv -f UTF-8 -t GB18030 > "$T/gbk/items.csv"
"$S" batch "$T/gbk/h.ini" "$T/gbk/items.csv" --quiet > "$T/out" 2> "$T/err"
rc=$?
ok "gen a GB18030 batch table runs: each file's note once, the ids in UTF-8 (status $rc)" \
    $([ $rc -eq 0 ] && [ "$(all_messages "$T/err" | grep -c 'is not UTF-8 text')" -eq 2 ] &&
        all_messages "$T/err" | grep -qF "$T/gbk/items.csv, all 2 rows: their demand histories have dates without a row: read as no demand (0 units), as the means count them; most in 螺栓: 1 of the 5 days" && grep -q "^servlab: note: $T/gbk/items.csv is not UTF-8 text" "$T/err" &&
        grep -q '^螺栓 ' "$T/out" && grep -q '^螺母 ' "$T/out"; echo $?) "$(cat "$T/err")"
printf 'id,revenue.price_per_unit\n螺栓,1.5\n螺母,x\n' | iconv -f UTF-8 -t GB18030 > "$T/gbk/bad_items.csv"
"$S" batch "$T/gbk/h.ini" "$T/gbk/bad_items.csv" --quiet > "$T/out" 2> "$T/err"
rc=$?
ok "gen ... a bad cell of a GB18030 table is named at its line and column (status $rc)" \
    $([ $rc -eq 2 ] && all_messages "$T/err" | grep -q "^$T/gbk/bad_items.csv:3:2: \\[revenue\\] price_per_unit: 'x' is not a number"; echo $?) "$(cat "$T/err")"
# a row refused for its GB18030 history: the note is said as a note, not as the row's problem
cp "$T/gbk/hist.csv" "$T/gbk/hist_b.csv"
printf 'id,demand.history,demand.history_quantity_column\n螺栓,hist_b.csv,qty\n' | iconv -f UTF-8 -t GB18030 > "$T/gbk/col_items.csv"
"$S" batch "$T/gbk/h.ini" "$T/gbk/col_items.csv" --quiet > "$T/out" 2> "$T/err"
rc=$?
ok "gen ... a row refused with a GB18030 history: its note is not given the row's place (status $rc)" \
    $([ $rc -eq 2 ] && grep -q "^servlab: note: $T/gbk/hist_b.csv is not UTF-8 text" "$T/err" &&
        all_messages "$T/err" | grep -q "^$T/gbk/col_items.csv:2 (row 螺栓): .*qty.*'日期', '数量'"; echo $?) "$(cat "$T/err")"
# compare: each scenario's GB18030 history says its note once, the second's too (it was
# loaded into a buffer kept only for a refusal)
cp "$T/gbk/hist.csv" "$T/gbk/hist_c.csv"
sed 's/^history = hist.csv/history = hist_c.csv/' "$T/gbk/h.ini" > "$T/gbk/h2.ini"
"$S" compare "$T/gbk/h.ini" "$T/gbk/h2.ini" > "$T/out" 2> "$T/err"
rc=$?
ok "gen compare of two scenarios with GB18030 histories: each file's note once (status $rc)" \
    $([ $rc -eq 0 ] && [ "$(grep -c "^servlab: note: $T/gbk/hist.csv is not UTF-8 text" "$T/err")" -eq 1 ] &&
        [ "$(grep -c "^servlab: note: $T/gbk/hist_c.csv is not UTF-8 text" "$T/err")" -eq 1 ] &&
        [ "$(grep -c "^servlab: note:" "$T/err")" -eq 2 ]; echo $?) "$(cat "$T/err")"
# a compared scenario refused for its GB18030 history's column: the note is said as a note
# (as check says it), and the refusal names the column, not the note
cp "$T/gbk/hist.csv" "$T/gbk/hist_d.csv"
sed -e 's/^history = hist.csv/history = hist_d.csv/' -e 's/^history_quantity_column = .*/history_quantity_column = qty/' \
    "$T/gbk/h.ini" > "$T/gbk/h3.ini"
for lang in en zh; do
    "$S" compare "$T/gbk/h.ini" "$T/gbk/h3.ini" --lang $lang > "$T/out" 2> "$T/err"
    rc=$?
    if [ $lang = en ]; then
        note="servlab: note: $T/gbk/hist_d.csv is not UTF-8 text: read as GB18030"
        why="h3.ini: does not load: $T/gbk/hist_d.csv:1: history_quantity_column = qty: the first row has no column of that name"
    else
        note="servlab: 注意：$T/gbk/hist_d.csv 不是 UTF-8 文本：已按 GB18030"
        why="h3.ini: 无法读入：$T/gbk/hist_d.csv:1: history_quantity_column = qty：第一行没有这个名字的列"
    fi
    ok "gen $lang: compare of a scenario refused with a GB18030 history: the note said once, the refusal its column (status $rc)" \
        $([ $rc -eq 0 ] && [ "$(all_messages "$T/err" | grep -cF "$note")" -eq 1 ] &&
            sed -n '/^Refused$\|^被拒绝的文件$/,/^$/s/^  //p' "$T/out" > "$T/refused" && all_messages "$T/refused" | grep -qF "$why"
        echo $?) "$(cat "$T/err"; cat "$T/out")"
done
"$S" compare "$T/gbk/h.ini" "$T/gbk/h3.ini" --format csv > "$T/out" 2> "$T/err"
rc=$?
ok "gen ... with CSV: the note, then the refusal naming the column (status $rc)" \
    $([ $rc -eq 0 ] && [ "$(all_messages "$T/err" | grep -c '^servlab: note:')" -eq 2 ] &&
        all_messages "$T/err" | grep -qF "$T/gbk/h3.ini: refused: does not load: $T/gbk/hist_d.csv:1: history_quantity_column = qty"
    echo $?) "$(cat "$T/err")"
# GB18030 decodes most byte pairs: a table in another encoding is not read as Chinese.
# Latin-1 (CP1252, a German Excel's "CSV") with two accented letters side by side, and
# Big5 (a Traditional-Chinese Windows'), which decodes to kana and private-use
# characters, are refused as before, not run with garbled ids
printf 'id,revenue.price_per_unit\nMa\337band,1.5\nGr\366\337enwahl,2\nS\374\337waren,3\n' > "$T/cp1252_items.csv"
refused "gen a CP1252 batch table (Gr\366\337e: two accented letters in a word) is not read as GB18030" \
    scenarios/planner/base.ini "$T/cp1252_items.csv: contains bytes that are not UTF-8 text; save it as UTF-8 CSV" \
    batch "$T/cp1252_items.csv"
printf 'id,revenue.price_per_unit\n螺栓,1.5\n螺母,2\n' | iconv -f UTF-8 -t BIG5 > "$T/big5_items.csv"
"$S" batch scenarios/planner/base.ini "$T/big5_items.csv" --quiet > "$T/out" 2> "$T/err"
rc=$?
ok "gen a Big5 batch table is refused, not read as GB18030 (status $rc)" \
    $([ $rc -eq 2 ] && [ ! -s "$T/out" ] && ! grep -q 'read as GB18030' "$T/err" && grep -q 'save it as UTF-8 CSV' "$T/err"; echo $?) "$(cat "$T/err")"
# Korean (EUC-KR, or CP949 as Korean Excel's "CSV" writes it): GB18030 decodes its Hangul
# to Chinese characters (볼트 reads 杭飘), so which it is cannot be told. It is read as
# Chinese as before, and the note says so: its first word both ways and the iconv command
# (on one line, however the note is wrapped), whose file then runs with the Korean ids. So
# for Shift-JIS half-width kana (ﾎﾞﾙﾄ reads 无倌); its full-width kana are refused as before.
# Only plausible readings are offered (reader/csv.c): Korean whose syllables are mostly
# common ones, Japanese whose kana stand in pairs Japanese words have, and not beside a
# Korean one. A Chinese file whose characters all read as Hangul, but rare Hangul (日期,出库量
# reads 휑퍅,놔욋좆), gets the plain note, as one with any other (数量) does (above).
printf 'id,revenue.price_per_unit\n볼트,30\n너트,40\n' | iconv -f UTF-8 -t EUC-KR > "$T/kr_items.csv"
# run from $T, the table named as a planner names it: the command is short enough for a line
case $S in /*) S_ABS=$S ;; *) S_ABS=$PWD/$S ;; esac
base=$PWD/scenarios/default.ini
cmd="iconv -f CP949 -t UTF-8 kr_items.csv > kr_items_utf8.csv"
for lang in en zh; do
    (cd "$T" && "$S_ABS" batch "$base" kr_items.csv --reps 2 --quiet --lang $lang) > "$T/out" 2> "$T/err"
    rc=$?
    if [ $lang = en ]; then
        want="servlab: note: kr_items.csv is not UTF-8 text, and its language cannot be told: it was read as Chinese (GB18030, GBK), where its first word is '杭飘'. Read as Korean (EUC-KR) it is '볼트'; if it is Korean, convert it and use the new file ($cmd)."
    else
        want="servlab: 注意：kr_items.csv 不是 UTF-8 文本，无法判断它是哪种语言：已按中文（GB18030，GBK）读取，其中第一个词是“杭飘”。按韩文（EUC-KR）读则是“볼트”；如果它是韩文，请先转换，再使用转换后的新文件（$cmd）。"
    fi
    # its bytes read as half-width kana too (ｺｼﾆｮ, ｳﾊﾆｮ), but not as Japanese words have
    # them (ﾆｮ), and they read as common Hangul: no Japanese reading, which was as garbled to
    # a Japanese reader as the Chinese one is to a Chinese reader
    ok "gen $lang: an EUC-KR batch table is said to be Chinese or Korean, both readings and how to convert it, no Japanese reading (status $rc)" \
        $([ $rc -eq 0 ] && [ "$(all_messages "$T/err" | wc -l)" -eq 1 ] && [ "$(LC_ALL=C.UTF-8 wc -L < "$T/err")" -le 100 ] &&
            [ "$(all_messages "$T/err")" = "$want" ] && grep -qF "$cmd" "$T/err" && ! grep -q 'CP932\|Shift-JIS' "$T/err"
        echo $?) "$(cat "$T/err")"
done
(cd "$T" && sh -c "$cmd" && "$S_ABS" batch "$base" kr_items_utf8.csv --reps 2 --quiet) > "$T/out" 2> "$T/err"
rc=$?
ok "gen ... the note's iconv command gives a table that runs with its Korean ids, without a note (status $rc)" \
    $([ $rc -eq 0 ] && [ ! -s "$T/err" ] && grep -q '^볼트 ' "$T/out" && grep -q '^너트 ' "$T/out"; echo $?) "$cmd; $(cat "$T/err")"
# the command stays whole on one line however long the table's path: one with a blank and
# Chinese in it (quoted), and one of 1,200 bytes (it was cut past 1,090 or so); the line
# passes 100 columns rather than part it, and the text around it is wrapped as before
kr_dir="$T/planner data 计划数据"
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do kr_dir="$kr_dir/$(printf 'k%.0s' $(seq 1 95))"; done
for dir in "$T/planner data 计划数据" "$kr_dir"; do
    mkdir -p "$dir"
    cp "$T/kr_items.csv" "$dir/kr_items.csv"
    for lang in en zh; do
        "$S" batch "$base" "$dir/kr_items.csv" --reps 2 --quiet --lang $lang > "$T/out" 2> "$T/err"
        rc=$?
        cmd="iconv -f CP949 -t UTF-8 '$dir/kr_items.csv' > '$dir/kr_items_utf8.csv'"
        ok "gen $lang: a table at a path of ${#dir} bytes: the iconv command whole on one line of the note (status $rc)" \
            $([ $rc -eq 0 ] && grep -qF "$cmd" "$T/err" && (cd "$T" && sh -c "$(grep -oF "$cmd" "$T/err" | head -n 1)") &&
                "$S" batch "$base" "$dir/kr_items_utf8.csv" --reps 2 --quiet 2> /dev/null | grep -q '^볼트 ' &&
                { [ ${#dir} -gt 100 ] || [ "$(grep -v -F "iconv -f" "$T/err" | LC_ALL=C.UTF-8 wc -L)" -le 100 ]; }
            echo $?) "$(cat "$T/err")"
        rm -f "$dir/kr_items_utf8.csv"
    done
done
printf '날짜,판매량\n2026-01-01,5\n2026-01-02,7\n' | iconv -f UTF-8 -t EUC-KR > "$T/kr_hist.csv"
printf '[demand]\nhistory = kr_hist.csv\nhistory_kind = daily\nhistory_date_column = 날짜\nhistory_quantity_column = 판매량\n' > "$T/kr_hist.ini"
"$S" check "$T/kr_hist.ini" > "$T/out" 2> "$T/err"
rc=$?
ok "gen an EUC-KR history: the note before the header's refusal, which shows the Chinese reading (status $rc)" \
    $([ $rc -eq 2 ] && first_message "$T/err" | grep -qF "where its first word is '朝楼'. Read as Korean (EUC-KR) it is '날짜'; if it is Korean, convert it and use the new file (iconv -f CP949 -t UTF-8 $T/kr_hist.csv > $T/kr_hist_utf8.csv)." &&
        nth_message 2 "$T/err" | grep -qF "history_date_column = 날짜: the first row has no column of that name; it has '朝楼', '魄概樊'"; echo $?) "$(cat "$T/err")"
printf 'id,revenue.price_per_unit\nﾎﾞﾙﾄ,30\nﾜｯｼｬ,40\nﾈｼﾞｼ,35\n' | iconv -f UTF-8 -t SHIFT-JIS > "$T/sjis_items.csv"
(cd "$T" && "$S_ABS" batch "$base" sjis_items.csv --reps 2 --quiet) > "$T/out" 2> "$T/err"
rc=$?
cmd="iconv -f CP932 -t UTF-8 sjis_items.csv > sjis_items_utf8.csv"
ok "gen a Shift-JIS table of half-width kana is said to be Chinese or Japanese, both readings and how to convert it (status $rc)" \
    $([ $rc -eq 0 ] && [ "$(all_messages "$T/err")" = "servlab: note: sjis_items.csv is not UTF-8 text, and its language cannot be told: it was read as Chinese (GB18030, GBK), where its first word is '无倌'. Read as Japanese (Shift-JIS) it is 'ﾎﾞﾙﾄ'; if it is Japanese, convert it and use the new file ($cmd)." ] &&
        grep -qF "$cmd" "$T/err" && (cd "$T" && sh -c "$cmd" && "$S_ABS" batch "$base" sjis_items_utf8.csv --reps 2 --quiet 2> "$T/err") | grep -q '^ﾎﾞﾙﾄ ' &&
        [ ! -s "$T/err" ]
    echo $?) "$(cat "$T/err")"
printf 'id,revenue.price_per_unit\nボルト,30\n六角ナット,40\n' | iconv -f UTF-8 -t SHIFT-JIS > "$T/sjis_full.csv"
refused "gen a Shift-JIS table of full-width kana and kanji is refused, not read as GB18030" \
    scenarios/default.ini "$T/sjis_full.csv: contains bytes that are not UTF-8 text; save it as UTF-8 CSV" \
    batch "$T/sjis_full.csv"
printf '日期,出库量\n2026-01-01,5\n2026-01-02,7\n' | iconv -f UTF-8 -t GB18030 > "$T/gbk/hangul_like.csv"
printf '[demand]\nhistory = hangul_like.csv\nhistory_kind = daily\n' > "$T/gbk/hangul_like.ini"
"$S" check "$T/gbk/hangul_like.ini" > /dev/null 2> "$T/err"
rc=$?
ok "gen a GB18030 history whose Chinese reads as rare Hangul (日期,出库量: 휑퍅,놔욋좆) runs, with the plain note, no Korean reading (status $rc)" \
    $([ $rc -eq 0 ] && [ "$(all_messages "$T/err")" = "servlab: note: $T/gbk/hangul_like.csv is not UTF-8 text: read as GB18030 (GBK), the encoding of Excel's 'CSV' on a Chinese Windows" ]
    echo $?) "$(cat "$T/err")"
# Chinese headers that read as kana (螺栓 as ﾂﾝﾋｨ, 客户 as ｿﾍｻｧ) get no Japanese reading: ﾋｨ
# and ｻｧ stand in no Japanese word
printf '螺栓,客户\n2026-01-01,5\n2026-01-02,7\n' | iconv -f UTF-8 -t GB18030 > "$T/gbk/kana_like.csv"
sed 's/hangul_like.csv/kana_like.csv/' "$T/gbk/hangul_like.ini" > "$T/gbk/kana_like.ini"
"$S" check "$T/gbk/kana_like.ini" > /dev/null 2> "$T/err"
rc=$?
ok "gen a GB18030 history whose Chinese reads as unlikely kana (螺栓,客户: ﾂﾝﾋｨ,ｿﾍｻｧ) has the plain note, no Japanese reading (status $rc)" \
    $([ $rc -eq 0 ] && [ "$(all_messages "$T/err")" = "servlab: note: $T/gbk/kana_like.csv is not UTF-8 text: read as GB18030 (GBK), the encoding of Excel's 'CSV' on a Chinese Windows" ]
    echo $?) "$(cat "$T/err")"
# a table whose UTF-8 BOM says it is UTF-8 but has GBK bytes too: refused, not converted
printf '\357\273\277id,inventory.order_quantity\n\266\251\265\245,1200\n' > "$T/gbk_items.csv"
refused "gen a batch table with a UTF-8 BOM and GBK bytes" scenarios/planner/base.ini \
    "$T/gbk_items.csv: is not UTF-8 text: it looks saved as GBK (Windows' 'ANSI' for Chinese); save it as UTF-8 CSV (Excel: 'CSV UTF-8')" \
    batch "$T/gbk_items.csv"
printf '[demand]\norders_per_day = 40 ; 订单 M\374ller\n' > "$T/utf8_stray.ini"
refused "gen a UTF-8 Chinese line with one Latin-1 byte: not said to be GBK" "$T/utf8_stray.ini" \
    "FILE:2: contains bytes that are not UTF-8 text; save the file as UTF-8"
printf 'id,inventory.order_quantity\nM\374ller,1200\nGr\366\337e,1000\n' > "$T/latin1_items.csv"
refused "gen a Latin-1 batch table: not said to be GBK" scenarios/planner/base.ini \
    "$T/latin1_items.csv: contains bytes that are not UTF-8 text; save it as UTF-8 CSV" batch "$T/latin1_items.csv"
printf '[demand]\n; \303\n' > "$T/cut.ini"
refused "gen a UTF-8 sequence cut short" "$T/cut.ini" \
    "FILE:2: contains bytes that are not UTF-8 text; save the file as UTF-8"
printf '[demand]\norders_per_day = 4\0000\n' > "$T/nul.ini"
refused "gen a NUL byte" "$T/nul.ini" "FILE:2: contains a NUL byte; is this a text file?"
printf '\377\376[\000d\000e\000m\000a\000n\000d\000]\000\n\000' > "$T/utf16.ini"
refused "gen a UTF-16 file" "$T/utf16.ini" "FILE:1: is saved as UTF-16 (Windows 'Unicode'); save it as UTF-8"
# UTF-16 without its byte-order mark (iconv -t UTF-16LE, some editors' "UTF-16 LE"): the
# same message once, not a NUL byte on every line
printf '[\000d\000e\000m\000a\000n\000d\000]\000\n\000' > "$T/utf16le.ini"
refused "gen a UTF-16LE file without a byte-order mark" "$T/utf16le.ini" \
    "FILE:1: is saved as UTF-16 (Windows 'Unicode'); save it as UTF-8"
[ "$(wc -l < "$T/err")" -eq 1 ]; ok "gen a UTF-16LE file without a byte-order mark: one line on stderr" $? "$(cat "$T/err")"
printf '\000[\000d\000e\000m\000a\000n\000d\000]\000\n' > "$T/utf16be.ini"
refused "gen a UTF-16BE file without a byte-order mark" "$T/utf16be.ini" \
    "FILE:1: is saved as UTF-16 (Windows 'Unicode'); save it as UTF-8"
printf '[demand]\rorders_per_day = 40\r' > "$T/cr.ini"
refused "gen old Mac CR line ends" "$T/cr.ini" \
    "FILE:1: a carriage return inside the line (old Mac line ends?); save with LF line ends"
{ printf '[demand]\norders_per_day = 40'; head -c 100000 /dev/zero | tr '\0' x; printf '\n'; } > "$T/huge_line.ini"
refused "gen a line of 100 kB" "$T/huge_line.ini" \
    "FILE:2: [demand] orders_per_day: the setting is 100019 bytes long; at most 196 are read (a Chinese character takes 3); shorten it (a comment after it may be longer)"
{ printf '[demand]\norders_per_day = 40 ; '; head -c 100000 /dev/zero | tr '\0' x; printf '\n'; } > "$T/huge_note.ini"
"$S" check "$T/huge_note.ini" > /dev/null 2>&1
ok "gen a comment of 100 kB after a value loads" $?
{ printf "$good"; head -c 1100000 /dev/zero | tr '\0' ';' | fold -w 80; } > "$T/huge_file.ini"
refused "gen a file over 1 MiB" "$T/huge_file.ini" \
    "FILE: is $(wc -c < "$T/huge_file.ini" | tr -d ' ') bytes; a scenario file may be at most 1048576"

# a place of 700 bytes or more (a deep path): the problem is said whole, never dropped
deep="$T"
for i in 1 2 3 4 5 6 7 8; do deep="$deep/$(printf 'x%.0s' $(seq 1 90))"; done
mkdir -p "$deep"
printf '[demand]\norders_per_day = ４0\n' > "$deep/fw.ini"
refused "gen a problem at a character of a file whose path is 750 bytes long is said whole" "$deep/fw.ini" \
    "FILE:2:18: [demand] orders_per_day: full-width '４' (U+FF14); type '4' (switch the input method to half-width)"
printf '[demand]\norders_per_day = -4\n' > "$deep/neg.ini"
refused "gen ... and one of a value too" "$deep/neg.ini" "FILE:2: [demand] orders_per_day: must be > 0, got -4"

# the example in the message for a full-width '；' between [contract] targets, for a
# half-width ';' between them and for no target at all stays on one line wherever the
# message is wrapped (it is in parentheses, which a line parts last: lang/lang.h), here
# beside a place of 70 columns or so and of 80
mkdir "$T/week_03_service_contract"
for base in contract_fullwidth_semicolon contract_semicolon contract_empty_targets; do
    cp tests/bad/$base.ini "$T/week_03_service_contract/targets.ini"
    for f in tests/bad/$base.ini "$T/week_03_service_contract/targets.ini"; do
        for l in en zh; do
            "$S" check "$f" --lang $l > /dev/null 2> "$T/err"
            ok "gen $base ($l, $(basename "$f")): the example whole on one line, within 100 columns" \
                $(grep -q 'fill_rate >= 98%, on_time_rate >= 95%' "$T/err" && [ "$(LC_ALL=C.UTF-8 wc -L < "$T/err")" -le 100 ]
                echo $?) "$(cat "$T/err")"
        done
    done
done

# a place so long that the problem's first word would not fit beside it (a path of 70
# characters: 'PATH:4: [contract] targets: 'fill_rate' is 104 columns): the place stands
# alone on the first line, whole, the problem under it, every line within 100 columns
long_dir=$(printf 'd%.0s' $(seq 1 $((70 - ${#T} - 13))))
mkdir "$T/$long_dir"
printf '[demand]\norders_per_day = 5\n[contract]\ntargets = fill_rate >= 98%%;on_time_rate >= 95%%\n' > "$T/$long_dir/targets.ini"
for l in en zh; do
    "$S" check "$T/$long_dir/targets.ini" --lang $l > /dev/null 2> "$T/err"
    rc=$?
    ok "gen a place of 95 columns ($l): alone on the first line, the problem under it, within 100 columns (status $rc)" \
        $([ $rc -eq 2 ] && [ "$(head -n 1 "$T/err")" = "$T/$long_dir/targets.ini:4: [contract] targets:" ] &&
            [ "$(LC_ALL=C.UTF-8 wc -L < "$T/err")" -le 100 ] && sed -n 2p "$T/err" | grep -q "^  .fill_rate >= 98%;on_time_rate"
        echo $?) "$(cat "$T/err")"
done
refused "gen ... the same message, its lines joined" "$T/$long_dir/targets.ini" \
    "FILE:4: [contract] targets: 'fill_rate >= 98%;on_time_rate >= 95%' is not a target; separate targets with commas (as in fill_rate >= 98%, on_time_rate >= 95%)"

# CRLF line ends and a BOM simply work, and read the same as the plain file
# planners' exports (reader/history.c), from the planner's base: the quantity's column found
# when only the item's is named (三列：日期,物料编码,出库数量), rows newest first, dates
# YYYYMMDD, each said in the history's description; what cannot be read so is refused with
# the key to set or what to write, in Chinese too
mkdir "$T/planner"
# planner_ini NAME CSV KEYS: $T/planner/NAME.ini, the planner's base reading CSV with KEYS
planner_ini() {
    sed -e "s|^history = .*|history = $2|" -e "s|^history_mode = .*|&\n$3|" scenarios/planner/base.ini > "$T/planner/$1.ini"
}
printf '日期,物料编码,出库数量\n2024-01-01,螺栓A01,5\n2024-01-01,螺母B02,9\n2024-01-02,螺栓A01,7\n2024-01-04,螺栓A01,2\n' > "$T/planner/items.csv"
planner_ini item items.csv 'history_item_column = 物料编码\nhistory_item = 螺栓A01'
printf 'date,qty\n2024-01-04,2\n2024-01-02,7\n2024-01-01,5\n' > "$T/planner/newest.csv"
planner_ini newest newest.csv ''
printf 'date,qty\n20240101,5\n20240102,7\n20240104,2\n' > "$T/planner/compact.csv"
planner_ini compact compact.csv ''
for lang in en zh; do
    for c in "item|quantity: column 3, '出库数量', by its header's words (history_quantity_column is not set)|数量：第 3 列“出库数量”，按其表头判断（未设置 history_quantity_column）" \
        "newest|rows newest first (dates descending, as the export lists them): read from the last row up|各行从新到旧排列（日期递减，导出文件就是这样排的）：从最后一行往上读取" \
        "compact|dates written YYYYMMDD, as every row's is: 20240101 read as 2024-01-01|日期写成 YYYYMMDD，每一行都是如此：20240101 读作 2024-01-01"; do
        name=${c%%|*} rest=${c#*|}
        said=${rest%%|*}
        [ $lang = zh ] && said=${rest#*|}
        "$S" check "$T/planner/$name.ini" --lang $lang > "$T/out" 2> "$T/err"
        rc=$?
        ok "gen $lang: a planner's export ($name) is read, its description says how (status $rc)" \
            $([ $rc -eq 0 ] && [ ! -s "$T/err" ] && grep -qF ";   $said" "$T/out"; echo $?) \
            "$(head -n 20 "$T/out") $(cat "$T/err")"
    done
done
printf '日期,物料编码,入库,结存\n2024-01-01,A01,5,3\n2024-01-02,A01,7,4\n' > "$T/planner/two.csv"
planner_ini two_numbers two.csv 'history_item_column = 物料编码\nhistory_item = A01'
refused "gen a planner's export of two columns of numbers besides the date and the item" "$T/planner/two_numbers.ini" \
    "$T/planner/two.csv:1: history_item_column is set but not history_quantity_column, and more than one column besides the date's and the item's holds only numbers ('入库', '结存'); set history_quantity_column to the quantity's (a header name or a column number from 1)"
in_chinese "$T/planner/two_numbers.ini" check
printf 'date,qty\n2024-01-05,1\n2024-01-04,2\n2024-01-03,2\n2024-01-06,2\n' > "$T/planner/both.csv"
planner_ini both_ways both.csv ''
refused "gen a planner's export whose dates go down, then up" "$T/planner/both_ways.ini" \
    "$T/planner/both.csv:5:1: column 'date': 2024-01-06 comes after the day of row 4, but rows 2 to 4 go newest first; rows must be in date order throughout, oldest first or newest first"
in_chinese "$T/planner/both_ways.ini" check
printf 'date,qty\n20240101,5\n2024-01-02,7\n' > "$T/planner/mixed.csv"
planner_ini mixed_dates mixed.csv ''
refused "gen a planner's export of dates YYYYMMDD and YYYY-MM-DD" "$T/planner/mixed_dates.ini" \
    "$T/planner/mixed.csv:2:1: column 'date': '20240101' looks like a date written YYYYMMDD, but row 3 has '2024-01-02': dates YYYYMMDD are read only when every row's date is written so; write the dates one way throughout (this one as 2024-01-01)"
in_chinese "$T/planner/mixed_dates.ini" check
printf 'date,qty\n01022024,5\n02022024,7\n' > "$T/planner/dmy.csv"
planner_ini dmy_digits dmy.csv ''
refused "gen a planner's export of dates DDMMYYYY" "$T/planner/dmy_digits.ini" \
    "$T/planner/dmy.csv:2:1: column 'date': '01022024' looks like a date written DDMMYYYY or MMDDYYYY, which is not read (the day and the month could be either way round, and dates YYYYMMDD start with the year); write the dates as YYYY-MM-DD"
in_chinese "$T/planner/dmy_digits.ini" check

works() { # NAME FILE
    "$S" check "$2" > "$T/out" 2> "$T/err"
    rc=$?
    ok "$1" $([ $rc -eq 0 ] && [ ! -s "$T/err" ] && tail -n +2 "$T/out" | cmp -s - "$T/good.out"; echo $?) \
        "status $rc; stderr: $(head -n 1 "$T/err")"
}
printf "$good" | sed 's/$/\r/' > "$T/crlf.ini"
works "gen CRLF line ends work and read the same as LF" "$T/crlf.ini"
{ printf '\357\273\277'; printf "$good"; } > "$T/bom.ini"
works "gen a UTF-8 BOM works and reads the same" "$T/bom.ini"
{ printf '\357\273\277'; printf "$good" | sed 's/$/\r/'; } > "$T/bom_crlf.ini"
works "gen a BOM with CRLF line ends works" "$T/bom_crlf.ini"
# comments may hold any Chinese text, full-width characters too; outside comments those
# are refused (the fullwidth_*.ini files above)
printf "$good" | sed 's/$/ ; 注释：订货批量＝１２００（件）、。，．；［］　/' > "$T/zh.ini"
works "gen Chinese comments holding full-width characters work and read the same" "$T/zh.ini"
"$S" run "$T/crlf.ini" --reps 2 --format csv > "$T/crlf.csv" 2> /dev/null
"$S" run "$T/good.ini" --reps 2 --format csv > "$T/good.csv" 2> /dev/null
ok "gen a CRLF scenario runs to the same results" $([ -s "$T/good.csv" ] && cmp -s "$T/crlf.csv" "$T/good.csv"; echo $?)

check_done test_bad
