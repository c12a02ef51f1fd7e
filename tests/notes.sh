#!/bin/sh
# notes.sh update|check [FILE.md ...] - keep the course notes true.
#
# In a lesson, a fenced block opened with ```sh whose lines start with "$ " holds
# commands, run from the repository root. If the next block (after blank lines) is
# opened with ```text, it holds what those commands print:
#   update  runs every command and writes its output into that block (make notes);
#   check   runs every command and fails if one fails, or if a text block is not
#           what its commands print now (the notes are stale: run make notes).
# Commands without a text block are run for what they write (charts, CSV files).
# Prints "test_notes: N passed, M failed" for tests/run_all.sh. With $SERVLAB set (as
# tests/run_all.sh sets it), commands starting "./servlab " run that program instead.
cd "$(dirname "$0")/.." || exit 1
mode=$1
shift
[ "$mode" = update ] || [ "$mode" = check ] || { echo "usage: tests/notes.sh update|check [FILE.md ...]" >&2; exit 2; }
[ $# -gt 0 ] || set -- course-notes/*.md
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

# run_commands FILE: run the "$ " lines of FILE, output to $tmp/out; status in $?
run_commands() {
    : > "$tmp/out"
    status=0
    while IFS= read -r cmd; do
        cmd=${cmd#\$ }
        case $cmd in "./servlab "*) [ -n "$SERVLAB" ] && cmd="$SERVLAB ${cmd#./servlab }" ;; esac
        sh -c "$cmd" >> "$tmp/out" 2>&1 || status=1
    done < "$1"
    return $status
}

for md in "$@"; do
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
            '```') state=after; n=$((n + 1))
                if run_commands "$tmp/cmds"; then ran=ok; else ran=broken; fi ;;
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
                cat "$tmp/out" >> "$out"
                continue
            fi
            # commands run for their files only
            if [ $ran = ok ]; then pass=$((pass + 1)); else
                fail=$((fail + 1)); echo "FAIL $md: block $n: a command failed:"; sed 's/^/    /' "$tmp/cmds"; tail -n 5 "$tmp/out" | sed 's/^/    | /'; fi
            state=text
            printf '%s\n' "$line" >> "$out"
            [ "$line" = '```sh' ] && { state=commands; : > "$tmp/cmds"; }
            ;;
        oldout)
            if [ "$line" = '```' ]; then
                printf '%s\n' "$line" >> "$out"
                if [ $ran != ok ]; then
                    fail=$((fail + 1)); echo "FAIL $md: block $n: a command failed:"; sed 's/^/    /' "$tmp/cmds"; tail -n 5 "$tmp/out" | sed 's/^/    | /'
                elif [ "$mode" = check ] && ! cmp -s "$tmp/old" "$tmp/out"; then
                    fail=$((fail + 1)); echo "FAIL $md: block $n: the output shown is stale (run make notes):"
                    diff "$tmp/old" "$tmp/out" | head -n 6 | sed 's/^/    /'
                else
                    pass=$((pass + 1))
                fi
                state=text
            else
                printf '%s\n' "$line" >> "$tmp/old"
            fi
            ;;
        esac
    done < "$md"
    if [ $state = after ] || [ $state = commands ]; then # a command block at the very end
        if [ "${ran:-ok}" = ok ]; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL $md: block $n: a command failed"; fi
    fi
    if [ "$mode" = update ] && ! cmp -s "$md" "$out"; then
        cp "$out" "$md"
        echo "notes: updated $md"
    fi
done
echo "test_notes: $pass passed, $fail failed"
[ $fail -eq 0 ]
