#!/bin/sh
# test_keys_lang.sh - `servlab keys` and `servlab --help` in both languages:
# each matches its golden (tests/golden/keys*.txt, help*.txt; `make golden` writes
# them), the English ones byte for byte as before the catalogue; Chinese comes from
# --lang zh or a Chinese locale; no English sentence is left in the Chinese text; the
# command-line errors servlab.c and cli/options.c give are Chinese under --lang zh and
# keep the names a person types. tests/test_keys_lang.c checks the key table itself.
cd "$(dirname "$0")/.." || exit 1
. tests/check.sh
# run CMD...: stdout to $T/out, stderr to $T/err, status in $rc
run() { "$@" > "$T/out" 2> "$T/err"; rc=$?; }
# same NAME GOLDEN: $T/out equals tests/golden/GOLDEN (the first differences as detail)
same() { ok "$1" $(cmp -s "$T/out" "tests/golden/$2"; echo $?) "$(diff "tests/golden/$2" "$T/out" | head -8)"; }
# English sentences: three words in a row, once servlab's commands ("servlab run") and
# the distributions' signatures ("triangular(min, mode, max)"), which are code, are gone
english() { sed -E 's/servlab [a-z]+//g; /^  [a-z_]+\(.*\)$/d' "$1" | grep -E '[A-Za-z]{2,}[ ,]+[a-z]{2,}[ ,]+[a-z]{2,}'; }

# ---- the goldens ----
run "$S" keys --lang en
same "keys-1.1 keys --lang en matches tests/golden/keys.txt" keys.txt
run env -u LC_ALL -u LC_MESSAGES LANG=C "$S" keys
same "keys-1.2 keys in the C locale is the English golden" keys.txt
run "$S" keys --lang zh
same "keys-1.3 keys --lang zh matches tests/golden/keys_zh.txt" keys_zh.txt
run env -u LC_ALL -u LC_MESSAGES LANG=zh_CN.UTF-8 "$S" keys
same "keys-1.4 keys with LANG=zh_CN.UTF-8 is the Chinese golden" keys_zh.txt
# LANGUAGE alone, or with a locale that names no language, as GNU programs take it
# (gettext by itself ignores LANGUAGE in the C locale): Chinese, read as UTF-8
run env -u LC_ALL -u LC_MESSAGES -u LANG LANGUAGE=zh_CN "$S" keys
same "keys-1.4b keys with LANGUAGE=zh_CN alone is the Chinese golden" keys_zh.txt
run env -u LC_ALL -u LC_MESSAGES LANG=C LANGUAGE=fr:zh_CN:en "$S" keys
same "keys-1.4c keys with LANG=C and LANGUAGE=fr:zh_CN:en is the Chinese golden" keys_zh.txt
run env -u LC_ALL -u LC_MESSAGES LANG=en_US.UTF-8 LANGUAGE=zh_CN "$S" keys
same "keys-1.4d keys with LANG=en_US.UTF-8 and LANGUAGE=zh_CN (first, as for GNU programs) is the Chinese golden" keys_zh.txt
run "$S" --help --lang en
same "keys-1.5 --help --lang en matches tests/golden/help.txt" help.txt
run "$S" --help --lang zh
same "keys-1.6 --help --lang zh matches tests/golden/help_zh.txt" help_zh.txt
run "$S" --lang zh keys
same "keys-1.7 --lang before the command: servlab --lang zh keys" keys_zh.txt
run "$S" keys inventory --lang zh
ok "keys-1.8 keys SECTION --lang zh: that section, in Chinese" $([ $rc -eq 0 ] && grep -q '^\[inventory\]  库存' "$T/out" &&
    ! grep -q '^\[demand\]' "$T/out"; echo $?)
for lang in en zh; do
    w=$(LC_ALL=C.UTF-8 wc -L < "tests/golden/help$([ $lang = zh ] && echo _zh).txt")
    ok "keys-1.9 every --help --lang $lang line fits 100 display columns (widest $w)" $([ "$w" -le 100 ] && [ "$w" -ge 90 ]; echo $?)
done

# ---- no English left in the Chinese text; the scan finds it in the English ----
english tests/golden/keys_zh.txt > "$T/leak"
ok "keys-2.1 no English sentence in keys --lang zh" $([ ! -s "$T/leak" ]; echo $?) "$(head -5 "$T/leak")"
english tests/golden/help_zh.txt > "$T/leak"
ok "keys-2.2 no English sentence in --help --lang zh" $([ ! -s "$T/leak" ]; echo $?) "$(head -5 "$T/leak")"
n=$(english tests/golden/keys.txt | wc -l)
ok "keys-2.3 the scan finds English in keys --lang en ($n lines)" $([ "$n" -gt 200 ]; echo $?)
ok "keys-2.4 names of keys, sections and choices stay English" $(grep -q '^  reorder_point  ' tests/golden/keys_zh.txt &&
    grep -q '^\[product.NAME\]  ' tests/golden/keys_zh.txt && grep -q 'none | sQ | sS | base_stock' tests/golden/keys_zh.txt &&
    grep -q '^  --lang en|zh  ' tests/golden/help_zh.txt; echo $?)

# ---- command-line errors in Chinese, with the names as typed; exit status 2 ----
run "$S" keys invetory --lang zh
ok "keys-3.1 a misspelt section: Chinese, names both, exit 2" $([ $rc -eq 2 ] && grep -q '^servlab: 未知的节“invetory”；你是不是想写“inventory”？$' "$T/err" &&
    grep -q '（servlab --help 列出全部命令和选项）' "$T/err"; echo $?) "$(cat "$T/err")"
run "$S" rnu scenarios/default.ini --lang zh
ok "keys-3.2 a misspelt command: Chinese, exit 2" $([ $rc -eq 2 ] && grep -q '未知命令“rnu”；你是不是想写“run”？' "$T/err"; echo $?)
run "$S" run scenarios/default.ini --rep 3 --lang zh
ok "keys-3.3 a misspelt option: Chinese, exit 2" $([ $rc -eq 2 ] && grep -q '未知选项“--rep”；你是不是想写“--reps”？' "$T/err"; echo $?)
run "$S" keys --reps 3 --lang zh
ok "keys-3.4 an option that does not apply: Chinese, exit 2" $([ $rc -eq 2 ] && grep -q -- '--reps 不适用于“servlab keys”' "$T/err"; echo $?)
run "$S" run --lang zh
ok "keys-3.5 run without a file: Chinese, exit 2" $([ $rc -eq 2 ] && grep -q 'run 需要恰好一个情景文件' "$T/err"; echo $?)
run "$S" run scenarios/default.ini --format xml --lang zh
ok "keys-3.6 an unknown --format: Chinese, exit 2" $([ $rc -eq 2 ] && grep -q -- '--format：“xml”不是输出格式' "$T/err"; echo $?)
run "$S" --lang zh
ok "keys-3.7 no command: the Chinese usage on stderr, exit 2" $([ $rc -eq 2 ] && grep -q '^用法：servlab 命令' "$T/err"; echo $?)
printf 'x' > "$T/file"
run "$S" run scenarios/default.ini --out "$T/file" --lang zh
ok "keys-3.8 --out naming a file: cli/outfile.c's reason in Chinese, exit 2" $([ $rc -eq 2 ] &&
    grep -q "^servlab: $T/file: 已存在，但不是目录$" "$T/err"; echo $?) "$(cat "$T/err")"
for lang in en zh; do
    run "$S" keys invetory --lang $lang
    english "$T/err" > "$T/leak"
    [ $lang = en ] && en_leak=$(wc -l < "$T/leak") || zh_leak=$(wc -l < "$T/leak")
done
ok "keys-3.9 the misspelt-section message has English only in English" $([ "$en_leak" -gt 0 ] && [ "$zh_leak" -eq 0 ]; echo $?)
run "$S" run scenarios/default.ini --lang
ok "keys-3.10 --lang without a language: says so, exit 2" $([ $rc -eq 2 ] && grep -q -- '--lang: give a language: en or zh' "$T/err"; echo $?)
run env LANG=zh_CN.UTF-8 "$S" --lang
ok "keys-3.11 ... in Chinese in a Chinese environment" $([ $rc -eq 2 ] && grep -q -- '--lang：请给出语言' "$T/err"; echo $?)
run env LC_ALL= LANG=zh_CN.GBK "$S" check scenarios/default.ini --set demand.orders_per_day=x
ok "keys-3.11b a GBK Chinese locale gets English, with a note in ASCII saying why, within 100 columns (status $rc)" \
    $([ $rc -eq 2 ] && head -n 1 "$T/err" | grep -q '^servlab: LANG=zh_CN.GBK is not UTF-8' && grep -q 'is not a number' "$T/err" &&
      grep -q '^  .*--lang zh$' "$T/err" && [ "$(wc -L < "$T/err")" -le 100 ] && ! LC_ALL=C grep -q "$(printf '[\200-\377]')" "$T/err"; echo $?) "$(cat "$T/err")"
# the note is a paragraph filled to the width (lang_print_filled), its first line past 90
# columns, whichever variable names the locale: wrapped as a message it broke after its
# first clause ("servlab: LANG=zh_CN.GBK is not UTF-8,", 37 columns)
for v in LANG LC_ALL LC_MESSAGES; do
    run env -u LANGUAGE LC_ALL= LC_MESSAGES= LANG= "$v=zh_CN.GBK" "$S" check scenarios/default.ini
    first=$(head -n 1 "$T/err")
    ok "keys-3.11c $v=zh_CN.GBK: the note fills its lines to the width, the first within 91 to 100 columns (status $rc)" \
        $([ $rc -eq 0 ] && case "$first" in "servlab: $v=zh_CN.GBK is not UTF-8, "*) true ;; *) false ;; esac &&
          [ ${#first} -gt 90 ] && [ "$(wc -L < "$T/err")" -le 100 ] && [ "$(grep -vc '^  ' "$T/err")" -eq 1 ] &&
          tail -n 1 "$T/err" | grep -q "^  .*($v=zh_CN.UTF-8) or --lang zh$"; echo $?) "$(cat "$T/err")"
done
# the note names the locale's own codeset, not GBK for every one: Big5 (Taiwan), Big5-HKSCS
# (Hong Kong) and GB18030 in their usual spelling, whatever case the locale writes
for lc in "zh_TW.Big5|Big5" "zh_HK.big5hkscs|Big5-HKSCS" "zh_CN.gb18030|GB18030"; do
    run env -u LANGUAGE LC_ALL= LC_MESSAGES= LANG="${lc%|*}" "$S" check scenarios/default.ini
    ok "keys-3.11d LANG=${lc%|*}: the note says a terminal in ${lc#*|} would show Chinese garbled, not GBK (status $rc)" \
        $([ $rc -eq 0 ] && tr '\n' ' ' < "$T/err" | tr -s ' ' | grep -q "(a terminal in ${lc#*|} would show it garbled)" &&
          ! grep -q GBK "$T/err" && [ "$(wc -L < "$T/err")" -le 100 ]; echo $?) "$(cat "$T/err")"
done
# a locale named without a codeset (LANG=zh_CN) is what the C library makes of it
# (lang/lang.c, no_codeset): where no zh_CN locale was generated (LOCPATH: an empty
# directory), the C locale: Chinese in UTF-8, with a note in English and in Chinese saying
# what to set if it shows garbled
# (with any LOCPATH, glibc's setlocale leaves the path's list unreachable, which LeakSanitizer
# reports under make check, whatever the program: not servlab's leak)
nolsan="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
mkdir "$T/no_locales"
run env -u LANGUAGE LC_ALL= LC_MESSAGES= ASAN_OPTIONS="$nolsan" LOCPATH="$T/no_locales" LANG=zh_CN "$S" check scenarios/default.ini
ok "keys-3.11e LANG=zh_CN and no such locale: Chinese, with a note in English and in Chinese naming LANG=zh_CN.UTF-8 (status $rc)" \
    $([ $rc -eq 0 ] && head -n 1 "$T/err" | grep -q '^servlab: LANG=zh_CN names no codeset and this system has no zh_CN locale,' &&
      tr '\n' ' ' < "$T/err" | tr -s ' ' | grep -q 'use a UTF-8 terminal with LANG=zh_CN.UTF-8, or --lang en servlab: LANG=zh_CN 未写明字符集，' &&
      [ "$(grep -c 'LANG=zh_CN.UTF-8' "$T/err")" -eq 2 ] && [ "$(grep -vc '^  ' "$T/err")" -eq 2 ] &&
      head -n 1 "$T/out" | grep -q '完整解析' && [ "$(wc -L < "$T/err")" -le 100 ]; echo $?) "$(cat "$T/err")"
# where zh_CN was generated, in GB2312 as Debian makes it (localedef into LOCPATH): English,
# as for zh_CN.GBK, the note in English and again in Chinese in GB2312, which such a terminal shows
mkdir "$T/gb2312"
(cd "$T" && localedef -i zh_CN -f GB2312 "$T/gb2312/zh_CN") > /dev/null 2>&1
if [ -f "$T/gb2312/zh_CN/LC_CTYPE" ]; then
    run env -u LANGUAGE LC_ALL= LC_MESSAGES= ASAN_OPTIONS="$nolsan" LOCPATH="$T/gb2312" LANG=zh_CN "$S" check scenarios/default.ini
    iconv -f GB2312 -t UTF-8 "$T/err" > "$T/err_utf8" 2> /dev/null
    ok "keys-3.11f LANG=zh_CN in GB2312: English, the note naming GB2312 and LANG=zh_CN.UTF-8, in English and in Chinese in GB2312 (status $rc)" \
        $([ $rc -eq 0 ] && head -n 1 "$T/err" | grep -q "^servlab: LANG=zh_CN names no codeset, so it is this system's zh_CN locale, in GB2312;" &&
          tr '\n' ' ' < "$T/err" | tr -s ' ' | grep -q 'use a UTF-8 terminal (LANG=zh_CN.UTF-8) or --lang zh servlab: ' &&
          grep -q '^servlab: LANG=zh_CN 未写明字符集，即本机的 zh_CN 区域设置，字符集为 GB2312' "$T/err_utf8" &&
          ! grep -q '未写明' "$T/err" && [ "$(grep -c 'LANG=zh_CN.UTF-8' "$T/err_utf8")" -eq 2 ] &&
          [ "$(wc -L < "$T/err_utf8")" -le 100 ] && grep -q 'fully resolved' "$T/out"; echo $?) "$(cat "$T/err_utf8")"
else
    echo "test_keys_lang: keys-3.11f skipped: localedef could not make zh_CN in GB2312 (Debian: the locales package)"
fi
run "$S" run scenarios/default.ini --lang fr
ok "keys-3.12 --lang fr: not a language servlab speaks, exit 2" $([ $rc -eq 2 ] && grep -q "'fr' is not a language servlab speaks" "$T/err"; echo $?)
check_done test_keys_lang
