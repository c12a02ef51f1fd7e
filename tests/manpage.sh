#!/bin/sh
# manpage.sh check|update [SERVLAB] - the OPTIONS section of each man page (from its
# first line, ".SH OPTIONS" or ".SH 选项", to the next ".SH") is what `servlab --help-man`
# prints from the option table in cli/options.c in the page's language: servlab.1 in
# English (--lang en), man/zh_CN/servlab.1 in Chinese (--lang zh, the table's man text
# translated in po/zh_CN.po, msgctxt "man"). check: exit 1 and show the difference when
# one is not; update: write them into the pages (make man). SERVLAB defaults to ./servlab.
cd "$(dirname "$0")/.." || exit 1
mode=$1
S=${2:-./servlab}
case $mode in
check | update) ;;
*)
    echo "usage: tests/manpage.sh check|update [SERVLAB]" >&2
    exit 2 ;;
esac
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
status=0
for page_lang in servlab.1:en man/zh_CN/servlab.1:zh; do
    page=${page_lang%:*}
    lang=${page_lang#*:}
    "$S" --lang "$lang" --help-man > "$T/options" || { echo "manpage: '$S --lang $lang --help-man' failed" >&2; exit 1; }
    [ -f "$page" ] || { echo "manpage: $page is missing" >&2; status=1; continue; }
    heading=$(head -n 1 "$T/options")
    grep -qxF "$heading" "$page" || { echo "manpage: $page has no '$heading' line" >&2; status=1; continue; }
    # the page with its OPTIONS section replaced by the table's
    awk -v options="$T/options" -v heading="$heading" '
        $0 == heading { while ((getline line < options) > 0) print line; skip = 1; next }
        /^\.SH / { skip = 0 }
        !skip' "$page" > "$T/page"
    if cmp -s "$page" "$T/page"; then continue; fi
    if [ "$mode" = update ]; then
        cp "$T/page" "$page"
    else
        echo "manpage: $page's OPTIONS section differs from the option table (make man rewrites it):"
        diff "$page" "$T/page" | sed 's/^/    /'
        status=1
    fi
done
exit $status
