#!/bin/sh
# notes.sh update|check [FILE.md ...] - keep the course notes and the README true.
#
# In a notes file, a fenced block opened with ```sh whose lines start with "$ " holds
# commands, run from the repository root. If the next block (after blank lines) is
# opened with ```text, it holds what those commands print:
#   update  runs every command and writes its output into that block (make notes);
#   check   runs every command and fails if one fails, or if a text block is not
#           what its commands print now (the file is stale: run make notes).
# Commands without a text block are run for what they write (charts, CSV files).
# A ```sh block without "$ " lines is an example for the reader and is not run.
#
# Excerpts. A text block may show only part of a long output: a line holding only
# "..." (indented as you like) stands for any number of lines, none included.
#   check   the block must equal the output, with each "..." matching whatever runs
#           of lines make the rest fit;
#   update  keeps the lines the author chose and refreshes their numbers: each run of
#           shown lines between two "..." is looked for in the output, after the
#           previous run, among the runs of as many consecutive lines with the same
#           words (numbers may differ, and the spaces between words); of those, the one
#           that has the most words and numbers in the same places as the shown lines
#           (the first if several tie) replaces them. So a table row is kept by its
#           first column (safety_factor 1.5 stays the row of 1.5), and a report line by
#           its label. A run before the first "..." must be the start of the output,
#           one after the last "..." its end. A run that cannot be found (its words
#           changed) is reported and the block left as it was: edit it by hand.
# A block without "..." is the whole output, and update rewrites it whole.
#
# Figures. In check mode the PNG files in every directory that an image of the files
# (![...](PATH.png)) lives in are set aside before the commands run; each must be drawn
# again, byte for byte the same (PLplot's pngcairo output is identical from run to run),
# and the committed files are put back afterwards. Update leaves what the commands drew.
#
# Languages. The commands of a file in a directory named zh (course-notes/zh/*.md) run
# in Chinese: with LANG=zh_CN.UTF-8 in their environment, as on a student's Chinese
# system, so the commands shown are the ones a student types (servlab needs no Chinese
# locale installed for it). Every other file's commands run in English (LANG=C.UTF-8).
# LC_ALL, LC_MESSAGES and LANGUAGE are removed from both, so the caller's locale never
# changes what the notes show.
#
# Prints "NAME: N passed, M failed" for tests/run_all.sh (NAME is $NOTES_SUMMARY, by
# default test_notes). With no files, it takes course-notes/*.md, course-notes/zh/*.md
# and README.md. With
# $SERVLAB set (as tests/run_all.sh sets it), "./servlab " in a command (at its start
# or after a space, ;, |, & or parenthesis) runs that program instead.
cd "$(dirname "$0")/.." || exit 1
mode=$1
shift
[ "$mode" = update ] || [ "$mode" = check ] || { echo "usage: tests/notes.sh update|check [FILE.md ...]" >&2; exit 2; }
if [ $# -eq 0 ]; then
    set -- course-notes/*.md
    for md in course-notes/zh/*.md; do [ -f "$md" ] && set -- "$@" "$md"; done
    set -- "$@" README.md
fi
tmp=$(mktemp -d)
pass=0
fail=0

# ---- figures set aside in check mode, and put back whatever happens ----
mkdir "$tmp/figs"
: > "$tmp/figlist"
restore_figures() {
    while IFS= read -r png; do
        [ -f "$tmp/figs/$png" ] && mv -f "$tmp/figs/$png" "$png"
    done < "$tmp/figlist"
}
trap 'restore_figures; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM HUP
if [ "$mode" = check ]; then
    for md in "$@"; do
        dir=$(dirname "$md")
        grep -o '!\[[^]]*\]([^)]*\.png)' "$md" | sed 's/.*(\(.*\))$/\1/' | while IFS= read -r img; do
            case $img in /*|*://*) continue ;; esac
            dirname "$dir/$img" | sed 's|^\./||'
        done
    done | sort -u > "$tmp/figdirs"
    while IFS= read -r d; do
        for png in "$d"/*.png; do
            [ -f "$png" ] || continue
            mkdir -p "$tmp/figs/$d"
            mv "$png" "$tmp/figs/$png" && printf '%s\n' "$png" >> "$tmp/figlist"
        done
    done < "$tmp/figdirs"
fi

# run_commands FILE: run the "$ " lines of FILE, output to $tmp/out; status in $?
run_commands() {
    : > "$tmp/out"
    status=0
    while IFS= read -r cmd; do
        cmd=${cmd#\$ }
        [ -n "$SERVLAB" ] && cmd=$(printf '%s\n' "$cmd" | sed "s#\(^\|[ ;|&(]\)\./servlab #\1$SERVLAB #g")
        env -u LC_ALL -u LC_MESSAGES -u LANGUAGE LANG="$notes_lang" sh -c "$cmd" >> "$tmp/out" 2>&1 || status=1
    done < "$1"
    return $status
}

# excerpt SHOWN OUTPUT: print the block SHOWN (with "..." lines) refreshed from OUTPUT.
# Exit status 0: SHOWN matches OUTPUT as it is; 1: refreshed (printed); 2: a run of
# shown lines was not found (message on stderr, SHOWN printed as it was).
excerpt() {
    awk '
    function mark(line) { return line ~ /^[ \t]*\.\.\.[ \t]*$/ }
    function words(line) {                  # the line with numbers and spacing ignored
        gsub(/[-+]?[0-9][0-9.]*/, "#", line)
        gsub(/[ \t]+/, " ", line)
        return line
    }
    function glob(   i, j, star, from) {    # "..." matches any run of lines
        i = 1; j = 1; star = 0
        while (j <= na) {
            if (i <= ns && !mark(s[i]) && s[i] == a[j]) { i++; j++ }
            else if (i <= ns && mark(s[i])) { star = i; from = j; i++ }
            else if (star) { i = star + 1; j = ++from }
            else return 0
        }
        while (i <= ns && mark(s[i])) i++
        return i > ns
    }
    function fits(first, at, len,   k) {   # shown lines first.. have the words of a[at..]
        for (k = 0; k < len; k++)
            if (words(s[first + k]) != words(a[at + k])) return 0
        return 1
    }
    function shared(first, at, len,   k, m, x, y, n) {  # words and numbers in common
        n = 0
        for (k = 0; k < len; k++) {
            split(s[first + k], x); split(a[at + k], y)
            for (m = 1; m in x; m++) n += (x[m] == y[m])
        }
        return n
    }
    FNR == NR { s[++ns] = $0; next }
    { a[++na] = $0 }
    END {
        if (glob()) { for (i = 1; i <= ns; i++) print s[i]; exit 0 }
        pos = 1; bad = 0
        for (i = 1; i <= ns; ) {
            if (mark(s[i])) { out[i] = s[i]; i++; continue }
            for (len = 0; i + len <= ns && !mark(s[i + len]); len++) ;
            lo = pos; hi = na - len + 1
            if (i == 1) hi = 1                          # the start of the output
            if (i + len > ns) lo = hi = na - len + 1    # its end
            at = 0; best = -1
            for (c = lo; c <= hi; c++)
                if (c >= pos && fits(i, c, len) && (sc = shared(i, c, len)) > best) { at = c; best = sc }
            if (!at) {
                printf "cannot find these %d shown line(s) in the output (their words changed?); the first:\n    %s\n", len, s[i] > "/dev/stderr"
                bad = 1; break
            }
            for (k = 0; k < len; k++) out[i + k] = a[at + k]
            pos = at + len; i += len
        }
        for (i = 1; i <= ns; i++) print (bad ? s[i] : out[i])
        exit (bad ? 2 : 1)
    }' "$1" "$2"
}

# block_failed WHAT: report a failed block of the current file
block_failed() {
    fail=$((fail + 1))
    echo "FAIL $md: block $n: $1"
}

for md in "$@"; do
    case $md in
    zh/* | */zh/*) notes_lang=zh_CN.UTF-8 ;;
    *) notes_lang=C.UTF-8 ;;
    esac
    out="$tmp/new.md"
    : > "$out"
    state=text        # text | commands | after | oldout
    n=0
    while IFS= read -r line || [ -n "$line" ]; do
        case $state in
        text)
            printf '%s\n' "$line" >> "$out"
            [ "$line" = '```sh' ] && { state=commands; : > "$tmp/cmds"; }
            ;;
        commands)
            printf '%s\n' "$line" >> "$out"
            case $line in
            '```')
                if [ -s "$tmp/cmds" ]; then
                    state=after; n=$((n + 1))
                    if run_commands "$tmp/cmds"; then ran=ok; else ran=broken; fi
                else
                    state=text  # an example for the reader, not run
                fi ;;
            '$ '*) printf '%s\n' "$line" >> "$tmp/cmds" ;;
            esac
            ;;
        after)
            if [ -z "$line" ]; then
                printf '\n' >> "$out"
                continue
            fi
            if [ "$line" = '```text' ]; then
                state=oldout
                : > "$tmp/old"
                printf '%s\n' "$line" >> "$out"
                continue
            fi
            # commands run for their files only
            if [ $ran = ok ]; then pass=$((pass + 1)); else
                block_failed "a command failed:"; sed 's/^/    /' "$tmp/cmds"; tail -n 5 "$tmp/out" | sed 's/^/    | /'; fi
            state=text
            printf '%s\n' "$line" >> "$out"
            [ "$line" = '```sh' ] && { state=commands; : > "$tmp/cmds"; }
            ;;
        oldout)
            if [ "$line" != '```' ]; then
                printf '%s\n' "$line" >> "$tmp/old"
                continue
            fi
            state=text
            if grep -q '^[[:space:]]*\.\.\.[[:space:]]*$' "$tmp/old"; then
                excerpt "$tmp/old" "$tmp/out" > "$tmp/new" 2> "$tmp/why"
                fit=$?
            else
                cp "$tmp/out" "$tmp/new"
                if cmp -s "$tmp/old" "$tmp/new"; then fit=0; else fit=1; fi
            fi
            if [ $mode = update ]; then cat "$tmp/new"; else cat "$tmp/old"; fi >> "$out"
            printf '%s\n' "$line" >> "$out"
            if [ $ran != ok ]; then
                block_failed "a command failed:"; sed 's/^/    /' "$tmp/cmds"; tail -n 5 "$tmp/out" | sed 's/^/    | /'
            elif [ $fit = 2 ]; then
                block_failed "the excerpt shown no longer fits the output; edit it by hand:"
                sed 's/^/    /' "$tmp/why"
            elif [ $mode = check ] && [ $fit = 1 ]; then
                block_failed "the output shown is stale (run make notes):"
                diff "$tmp/old" "$tmp/new" | head -n 6 | sed 's/^/    /'
            else
                pass=$((pass + 1))
            fi
            ;;
        esac
    done < "$md"
    if [ $state = after ]; then # a command block at the very end
        if [ "$ran" = ok ]; then pass=$((pass + 1)); else block_failed "a command failed"; fi
    fi
    if [ "$mode" = update ] && ! cmp -s "$md" "$out"; then
        cp "$out" "$md"
        echo "notes: updated $md"
    fi
done

# ---- every figure set aside was drawn again, the same ----
while IFS= read -r png; do
    if [ ! -f "$png" ]; then
        fail=$((fail + 1))
        echo "FAIL figure $png: no command in the files checked draws it (remove it, or add the command)"
    elif ! cmp -s "$png" "$tmp/figs/$png"; then
        fail=$((fail + 1))
        echo "FAIL figure $png: its command draws a different image now (run make notes, look at it, commit it)"
    else
        pass=$((pass + 1))
    fi
done < "$tmp/figlist"

echo "${NOTES_SUMMARY:-test_notes}: $pass passed, $fail failed"
[ $fail -eq 0 ]
