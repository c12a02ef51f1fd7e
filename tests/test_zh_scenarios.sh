#!/bin/sh
# test_zh_scenarios.sh - scenarios/zh/ holds a twin of every classroom scenario (each .ini
# in scenarios/ and in its folders stances/, life_cycle_service/ and planner/), and
# course-notes/zh/class-example/ one of the class exercise's handout and of each student's
# file (named as a Chinese class names them: twin_of), with its comments written in
# Chinese and nothing else changed:
#  - the twin exists, line for line: with comments and trailing blanks taken out as the
#    reader takes them out (reader/scan.c: a line whose first non-blank is ';' or '#'; after
#    a section's ']', from ';' or '#'; after a value, from a ';' that follows a blank),
#    both files are the same, byte for byte, with the same line numbers;
#  - `servlab check` prints the same for both but for the file's path and directory (the
#    same keys, values, defaults and line numbers), and the same warnings;
#  - the twin's comments are Chinese: it has Chinese text, and no comment holds a run
#    of four English words (commands, key names and values may stay in English);
#  - a data file the twin names by a relative path (relative to its own directory) is
#    there, and is the same file as the English one's;
#  - the Chinese class (course-notes/zh/instructors-guide.md) ranks and refuses as the
#    English class does: compare prints the same figures and the same refusal, with the
#    same line number, but for the students' names.
# Uses $SERVLAB.
cd "$(dirname "$0")/.." || exit 1
. tests/check.sh

strip() { # FILE: the file as the reader sees it, comments and trailing blanks out
    awk '{ s = $0; sub(/\r$/, "", s); t = s; sub(/^[ \t]+/, "", t)
           if (t ~ /^[;#]/) s = ""
           else if (s ~ /^\[/) { i = index(s, "]"); r = substr(s, i + 1); if (match(r, /[;#]/)) s = substr(s, 1, i + RSTART - 1) }
           else if (match(s, /[ \t];/)) s = substr(s, 1, RSTART)
           sub(/[ \t]+$/, "", s); print s }' "$1"
}
comments() { # FILE: the text of its comments, one a line
    awk '{ s = $0; t = s; sub(/^[ \t]+/, "", t)
           if (t ~ /^[;#]/) { print substr(t, 2); next }
           if (s ~ /^\[/) { i = index(s, "]"); r = substr(s, i + 1); if (match(r, /[;#]/)) print substr(r, RSTART + 1); next }
           if (match(s, /[ \t];/)) print substr(s, RSTART + 2) }' "$1"
}

# the class exercise's students: the English file's name, the Chinese twin's
twin_of() {
    case $1 in
    ana.ini) echo 李娜.ini ;;
    bo.ini) echo 王博.ini ;;
    chen.ini) echo 陈晨.ini ;;
    *) echo "$1" ;;
    esac
}
list=$(ls scenarios/*.ini scenarios/stances/*.ini scenarios/life_cycle_service/*.ini scenarios/planner/*.ini \
    course-notes/class-example/base.ini course-notes/class-example/students/*.ini)
count=$(echo "$list" | wc -l)
ok "twin-0 there are classroom scenarios to twin ($count)" $([ "$count" -ge 30 ]; echo $?)
extra=""
for z in $(find scenarios/zh -name '*.ini' | sort); do
    [ -f "scenarios/${z#scenarios/zh/}" ] || extra="$extra $z"
done
ok "twin-0b every .ini in scenarios/zh/ is the twin of an English scenario" $([ -z "$extra" ]; echo $?) "no English twin:$extra"
extra=""
for z in course-notes/zh/class-example/students/*.ini; do
    [ -f "$z" ] || continue # none: twin-1 says which are missing
    found=""
    for f in course-notes/class-example/students/*.ini; do
        [ "$(twin_of "${f##*/}")" = "${z##*/}" ] && found=$f
    done
    [ -n "$found" ] || extra="$extra $z"
done
ok "twin-0c every student's file in course-notes/zh/class-example/students/ is the twin of an English one" \
    $([ -z "$extra" ]; echo $?) "no English twin:$extra"

for f in $list; do
    case $f in
    scenarios/*) z="scenarios/zh/${f#scenarios/}" name=${f#scenarios/} ;;
    *) z="course-notes/zh/${f#course-notes/}" name=$f # the class handout and the students
       z="${z%/*}/$(twin_of "${z##*/}")" ;;
    esac
    if [ ! -f "$z" ]; then
        ok "twin-1 $name: its twin $z exists" 1
        continue
    fi
    strip "$f" > "$T/en"
    strip "$z" > "$T/zh"
    ok "twin-1b $name: $z differs only in comments (same lines, keys, values and spacing)" \
        $(cmp -s "$T/en" "$T/zh"; echo $?) "$(diff "$T/en" "$T/zh" | head -n 8)"

    "$S" check "$f" > "$T/en.out" 2> "$T/en.err"; rc1=$?
    "$S" check "$z" > "$T/zh.out" 2> "$T/zh.err"; rc2=$?
    for s in out err; do
        sed "s|$f|FILE|g; s|$(dirname "$f")/|DIR/|g" "$T/en.$s" > "$T/en.$s.x"
        sed "s|$z|FILE|g; s|$(dirname "$z")/|DIR/|g" "$T/zh.$s" > "$T/zh.$s.x"
    done
    ok "twin-2 $name: servlab check passes on both and prints the same but for the path" \
        $([ $rc1 -eq 0 ] && [ $rc2 -eq 0 ] && cmp -s "$T/en.out.x" "$T/zh.out.x" && cmp -s "$T/en.err.x" "$T/zh.err.x"; echo $?) \
        "status $rc1 and $rc2; $(diff "$T/en.out.x" "$T/zh.out.x" | head -n 6; diff "$T/en.err.x" "$T/zh.err.x" | head -n 4)"

    comments "$z" > "$T/zc"
    han=$(LC_ALL=C grep -c "$(printf "[\344-\351]")" "$T/zc")
    english=$(grep -v '^ *servlab ' "$T/zc" | grep -E '[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}')
    ok "twin-3 $name: the comments are Chinese ($han lines with Chinese, none with four English words in a row)" \
        $([ "$han" -gt 0 ] && [ -z "$english" ]; echo $?) "$english"

    for p in $(grep -E '^[a-z_]+ *= *[^ /;][^ ;]*\.csv' "$z" | sed -E 's/^[a-z_]+ *= *([^ ;]+).*/\1/'); do
        ok "twin-4 $name: $p, relative to $(dirname "$z"), is the English twin's file" \
            $(cmp -s "$(dirname "$f")/$p" "$(dirname "$z")/$p"; echo $?)
    done
done

# lesson 0's file of five mistakes: its Chinese twin differs only in comments, and
# check refuses both with the same messages but for the path
f=course-notes/00-mistakes.ini z=course-notes/zh/00-mistakes.ini
strip "$f" > "$T/en"
strip "$z" > "$T/zh"
"$S" check "$f" > /dev/null 2> "$T/en.err"; rc1=$?
"$S" check "$z" > /dev/null 2> "$T/zh.err"; rc2=$?
all_messages "$T/en.err" | sed "s|$f|FILE|g" > "$T/en.err.x" # wrapped alike but for the path's length
all_messages "$T/zh.err" | sed "s|$z|FILE|g" > "$T/zh.err.x"
ok "twin-5 $z differs from $f only in comments, and check refuses both alike (status $rc1, $rc2)" \
    $(cmp -s "$T/en" "$T/zh" && [ $rc1 -eq 2 ] && [ $rc2 -eq 2 ] && cmp -s "$T/en.err.x" "$T/zh.err.x"; echo $?) \
    "$(diff "$T/en" "$T/zh" | head -n 4; diff "$T/en.err.x" "$T/zh.err.x" | head -n 4)"

# the class of the instructor's guide, in English and in Chinese: the same ranking, figures
# and refusal (chen.ini:44 and 陈晨.ini:44), the names apart (and the spaces that pad them)
en=course-notes/class-example zh=course-notes/zh/class-example
"$S" compare "$en/base.ini" "$en"/students/*.ini --base "$en/base.ini" --quiet --lang zh > "$T/class_en" 2>&1; rc1=$?
"$S" compare "$zh/base.ini" "$zh"/students/*.ini --base "$zh/base.ini" --quiet --lang zh > "$T/class_zh" 2>&1; rc2=$?
sed -e 's/ana\.ini/李娜.ini/g; s/bo\.ini/王博.ini/g; s/chen\.ini/陈晨.ini/g' -e 's/  */ /g' "$T/class_en" > "$T/class_en.x"
sed -e 's/  */ /g' "$T/class_zh" > "$T/class_zh.x"
ok "twin-6 the Chinese class's files rank as the English class's, 陈晨.ini refused at line 44 as chen.ini (status $rc1, $rc2)" \
    $([ $rc1 -eq 0 ] && [ $rc2 -eq 0 ] && cmp -s "$T/class_en.x" "$T/class_zh.x" &&
      grep -q '^  陈晨\.ini:44: \[revenue\] price_per_unit 已被 base\.ini 锁定：基础文件中为 35，这里为 39$' "$T/class_zh" &&
      grep -qE '^   1  李娜\.ini  1178\.61 ' "$T/class_zh"; echo $?) \
    "$(diff "$T/class_en.x" "$T/class_zh.x" | head -n 6; grep -E '^ +[0-9] |\.ini:' "$T/class_zh")"

check_done test_zh_scenarios
