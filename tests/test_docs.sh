#!/bin/sh
# test_docs.sh - the docs for the next engineer stay complete and cite what exists:
#  - docs/contract.md names every section and key `servlab keys` lists (each key in its
#    section's row), every metric of the metric table (models/metrics.c; the per-product,
#    tier, location and region metrics in their block's row), and every command and
#    option of `servlab --help`;
#  - no source file cites the first contract, conventions or validation cases that lived
#    outside the repository (SPEC, CONVENTIONS.md, CASES.md) or an issue number, and
#    every docs/*.md or *README.md a source file cites exists.
# Uses $SERVLAB.
cd "$(dirname "$0")/.." || exit 1
. tests/check.sh

doc=docs/contract.md
for f in docs/contract.md docs/architecture.md docs/conventions.md docs/checklists.md tests/validation/README.md; do
    ok "docs-1 $f exists and is not empty" $([ -s "$f" ]; echo $?)
done

# ---- keys: `servlab keys` prints "[section]  purpose" then "  key   type ..." lines ----
"$S" keys > "$T/keys" 2>&1
ok "docs-2.1 servlab keys runs" $?
awk '/^\[[a-z_.A-Z]+\]  / { sec = $1; next } sec != "" && /^  [a-z_0-9]+ / { print sec, $1 }' "$T/keys" > "$T/pairs"
n=$(wc -l < "$T/pairs")
ok "docs-2.2 servlab keys lists at least 100 keys (lists $n)" $([ "$n" -ge 100 ]; echo $?)
missing_sec=""
for sec in $(awk '/^\[[a-z_.A-Z]+\]  / { print $1 }' "$T/keys"); do
    grep -qF "| \`$sec\` |" "$doc" || missing_sec="$missing_sec $sec"
done
ok "docs-2.3 every section of servlab keys has a row in $doc's section table" \
    $([ -z "$missing_sec" ]; echo $?) "missing:$missing_sec"
missing_key=""
while read -r sec key; do
    grep -F "| \`$sec\` |" "$doc" | grep -qF "\`$key\`" || missing_key="$missing_key $sec $key;"
done < "$T/pairs"
ok "docs-2.4 every key of servlab keys is named in its section's row of $doc ($n keys)" \
    $([ -z "$missing_key" ]; echo $?) "missing:$missing_key"

# ---- metrics: the names of each table of models/metrics.c (rows "[ID] = {"name", ...") ----
table_names() { # TABLE-NAME: the metric names of that const table, in order
    awk -v t="$1" 'index($0, t "[") && /= *\{ *$/ { on = 1; next } on && /^};/ { exit } on { print }' \
        models/metrics.c | tr '\n' ' ' | grep -oE '\] *= *\{ *"[a-z0-9_]+"' | sed -E 's/.*"([a-z0-9_]+)"/\1/'
}
enum_count() { # ENUM-NAME LAST: the number of members before LAST in models/metrics.h
    awk -v e="enum $1 {" -v last="$2" 'index($0, e) { on = 1; next }
        on && index($0, last) { print n; exit } on && /^ *[A-Z][A-Z0-9_]* *(=[^,]*)?,/ { n++ }' models/metrics.h
}
check_block() { # ID TABLE ENUM LAST ROW: every name of TABLE in the row starting ROW
    names=$(table_names "$2")
    count=$(echo "$names" | grep -c .)
    want=$(enum_count "$3" "$4")
    ok "docs-3.$1 $2 has as many rows as enum $3 has members ($count, $want)" $([ "$count" -eq "$want" ]; echo $?)
    missing=""
    for m in $names; do
        if [ -n "$5" ]; then
            grep -F "$5" "$doc" | grep -qF "\`$m\`" || missing="$missing $m"
        else
            grep -qF "\`$m\`" "$doc" || missing="$missing $m"
        fi
    done
    ok "docs-3.$1 every metric of $2 is named in $doc" $([ -z "$missing" ]; echo $?) "missing:$missing"
}
check_block 1 metric_defs metric METRIC_COUNT ""
check_block 2 product_metric_defs product_metric PRODUCT_METRIC_COUNT '| `product.NAME.` |'
check_block 3 tier_metric_defs tier_metric TIER_METRIC_COUNT '| `tier.NAME.` |'
check_block 4 location_metric_defs location_metric LOCATION_METRIC_COUNT '| `location.NAME.` |'
check_block 5 region_metric_defs region_metric REGION_METRIC_COUNT '| `region.NAME.` |'

# ---- commands and options of servlab --help ----
"$S" --help > "$T/help" 2>&1
ok "docs-4.1 servlab --help runs" $?
cmds=$(awk '/^Commands:/ { on = 1; next } on && /^[^ ]/ { exit }
            on && /^  [a-z]/ { print $1 }' "$T/help")
ok "docs-4.2 servlab --help lists at least 6 commands ($(echo $cmds))" $([ "$(echo "$cmds" | wc -w)" -ge 6 ]; echo $?)
missing=""
for c in $cmds; do grep -qF "\`servlab $c" "$doc" || missing="$missing $c"; done
ok "docs-4.3 every command of servlab --help is named in $doc" $([ -z "$missing" ]; echo $?) "missing:$missing"
opts=$(grep -oE -- '--[a-z][a-z-]*' "$T/help" | sort -u)
missing=""
for o in $opts; do grep -qF -- "\`$o" "$doc" || missing="$missing $o"; done
ok "docs-4.4 every option of servlab --help is named in $doc ($(echo "$opts" | wc -l) options)" \
    $([ -z "$missing" ]; echo $?) "missing:$missing"

# ---- sources cite only what the repository has ----
sources=$(find sim models reader plots cli fuzz bench tests -type f \
              \( -name '*.c' -o -name '*.h' -o -name '*.sh' -o -name '*.py' -o -name '*.def' -o -name '*.supp' \) \
              ! -path tests/test_docs.sh 2>/dev/null; echo servlab.c Makefile README.md servlab.1)
hits=$(grep -nE 'SPEC( |§|\)|,|$)|CONVENTIONS\.md|CASES\.md|/work/shared|shared/validation' $sources docs/*.md)
ok "docs-5.1 no source cites SPEC, CONVENTIONS.md or CASES.md (files outside the repository)" \
    $([ -z "$hits" ]; echo $?) "$hits"
hits=$(grep -nE '[Ii]ssue [0-9]' $sources)
ok "docs-5.2 no source cites an issue number (the tracker is not in the repository)" \
    $([ -z "$hits" ]; echo $?) "$hits"
missing=""
for p in $(grep -ohE '\b(docs|tests|bench|fuzz|course-notes)(/[A-Za-z0-9_-]+)*/[A-Za-z0-9_-]+\.md\b' $sources docs/*.md | sort -u); do
    [ -f "$p" ] || missing="$missing $p"
done
ok "docs-5.3 every .md file a source or doc cites exists" $([ -z "$missing" ]; echo $?) "missing:$missing"

check_done test_docs
