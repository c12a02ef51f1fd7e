#!/bin/sh
# manpage.sh check|update [SERVLAB] - servlab.1's OPTIONS section (from ".SH OPTIONS" to
# the next ".SH") is what `servlab --help-man` prints from the option table in
# cli/options.c. check: exit 1 and show the difference when it is not; update: write it
# into servlab.1 (make man). SERVLAB defaults to ./servlab.
cd "$(dirname "$0")/.." || exit 1
mode=$1
S=${2:-./servlab}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
"$S" --help-man > "$T/options" || { echo "manpage: '$S --help-man' failed" >&2; exit 1; }
# servlab.1 with the OPTIONS section replaced by the table's
awk -v options="$T/options" '
    /^\.SH OPTIONS$/ { while ((getline line < options) > 0) print line; skip = 1; next }
    /^\.SH / { skip = 0 }
    !skip' servlab.1 > "$T/servlab.1"
case $mode in
check)
    if cmp -s servlab.1 "$T/servlab.1"; then exit 0; fi
    echo "manpage: servlab.1's OPTIONS section differs from the option table (make man rewrites it):"
    diff servlab.1 "$T/servlab.1" | sed 's/^/    /'
    exit 1 ;;
update)
    cmp -s servlab.1 "$T/servlab.1" || cp "$T/servlab.1" servlab.1 ;;
*)
    echo "usage: tests/manpage.sh check|update [SERVLAB]" >&2
    exit 2 ;;
esac
