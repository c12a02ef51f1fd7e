#!/bin/sh
# test_docs.sh - the docs for the next engineer stay complete and cite what exists:
#  - docs/contract.md names every section and key `servlab keys` lists (each key in its
#    section's row), every metric of the metric table (models/metrics.c; the per-product,
#    tier, location and region metrics in their block's row), and every command and
#    option of `servlab --help`;
#  - no source file cites the first contract, conventions or validation cases that lived
#    outside the repository (SPEC, CONVENTIONS.md, CASES.md) or an issue number, and
#    every docs/*.md or *README.md a source file cites exists;
#  - every test id (cli-4.2b) is given at one place, each prefix in one test (tests/ids.pl).
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
    ok "docs-3.$1b every metric of $2 is named in $doc" $([ -z "$missing" ]; echo $?) "missing:$missing"
}
check_block 1 metric_defs metric METRIC_COUNT ""
check_block 2 product_metric_defs product_metric PRODUCT_METRIC_COUNT '| `product.NAME.` |'
check_block 3 tier_metric_defs tier_metric TIER_METRIC_COUNT '| `tier.NAME.` |'
check_block 4 location_metric_defs location_metric LOCATION_METRIC_COUNT '| `location.NAME.` |'
check_block 5 region_metric_defs region_metric REGION_METRIC_COUNT '| `region.NAME.` |'
check_block 6 contract_metric_defs contract_metric CONTRACT_METRIC_COUNT '| `contract.METRIC.` |'

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

# ---- the glossary (docs/glossary.md): one word per idea, used by the lessons and the catalogue ----
gl=docs/glossary.md
ok "docs-6.1 $gl exists and is not empty" $([ -s "$gl" ]; echo $?)
# its table as "English<TAB>中文<TAB>in servlab", one row a line
awk '/^\| English \| 中文 \| in servlab \|$/ { on = 1; next } on && /^\|---/ { next }
     on && /^\| / { split($0, c, " \\| "); e = c[1]; sub(/^\| /, "", e); s = c[3]; sub(/ \|$/, "", s)
                    print e "\t" c[2] "\t" s; next } on { exit }' "$gl" > "$T/gloss"
rows=$(wc -l < "$T/gloss")
ok "docs-6.2 $gl has one table of at least 150 terms ($rows)" $([ "$rows" -ge 150 ]; echo $?)
dups=$(cut -f2 "$T/gloss" | sort | uniq -d | tr '\n' ' ')
ok "docs-6.3 each Chinese term has one row in $gl" $([ -z "$dups" ]; echo $?) "twice: $dups"
# lang/zh_terms.inc, the terms inside which Chinese text does not break, is the glossary's
sh lang/zh_terms.sh "$gl" > "$T/zh_terms.inc"
ok "docs-6.3b lang/zh_terms.inc holds the Chinese terms of $gl (make zh-terms)" \
    $(cmp -s "$T/zh_terms.inc" lang/zh_terms.inc; echo $?) "$(diff lang/zh_terms.inc "$T/zh_terms.inc" | head -n 6)"
# the names its last column cites exist: sections and keys (servlab keys), metrics and the
# rest of the contract ($doc), commands (servlab --help), files
cat "$T/keys" "$doc" > "$T/names"
bad=""
for w in $(cut -f3 "$T/gloss" | grep -oE '`[^`]+`' | tr -d '`' | tr ' ,=()' '\n\n\n\n\n' | sort -u); do
    case "$w" in
    \[*\]) sec=$(echo "$w" | sed -E 's/^\[([a-z_]+)\.[A-Za-z_]+\]$/[\1.NAME]/')
           grep -qF "$sec  " "$T/keys" || bad="$bad $w" ;;
    */*) [ -e "$w" ] || bad="$bad $w" ;;
    *_*) grep -qw -- "$w" "$T/names" || bad="$bad $w" ;;
    esac
done
for c in $(cut -f3 "$T/gloss" | grep -oE '`servlab [a-z]+' | sed 's/`servlab //' | sort -u); do
    echo "$cmds" | grep -qx "$c" || bad="$bad servlab-$c"
done
ok "docs-6.4 every section, key, metric, command and file $gl names exists" $([ -z "$bad" ]; echo $?) "not found:$bad"
# every Chinese term of a lesson's key-terms table (the first table under "## Key terms")
# is a term of the glossary, and the lesson's English is one of the glossary's English
# forms for it. Parentheses hold explanations and are left out; "—" is no term. English
# is compared in lower case, words only, plurals folded ("customer tiers" is "customer
# tier"); "normal, gamma distribution" reads as "normal distribution, gamma distribution".
for f in course-notes/[0-9]*.md; do
    awk -v f="$f" '/^## Key terms/ { on = 1; next } on && /^## / { exit }
        on && /^\|/ { t = 1; if (++r > 2) { split($0, c, " \\| "); e = c[1]; sub(/^\| /, "", e)
                      print f "\t" e "\t" c[2] } next } t { exit }' "$f"
done > "$T/lessonterms"
nterms=$(wc -l < "$T/lessonterms")
ok "docs-6.5 the lessons' key-terms tables have at least 100 rows ($nterms)" $([ "$nterms" -ge 100 ]; echo $?)
awk -F '\t' '
function unparen(s, o, c,   i, j) { # s without every "o ... c"
    while ((i = index(s, o)) > 0) { j = index(substr(s, i), c); if (!j) break
        s = substr(s, 1, i - 1) substr(s, i + j - 1 + length(c)) }
    return s }
function trim(s) { gsub(/^ +| +$/, "", s); return s }
function norm(s,   w, n, i, out) { # " word word ... ", lower case, plurals folded
    s = tolower(s); gsub(/[^a-z0-9]+/, " ", s); n = split(s, w, " "); out = " "
    for (i = 1; i <= n; i++) { if (length(w[i]) > 3) sub(/s$/, "", w[i]); out = out w[i] " " }
    return out }
function english(e,   p, it, n, i, last, lw, m, head, out) { # the lesson English, a shared head noun spread
    out = e; p = unparen(unparen(e, "(", ")"), "（", "）"); n = split(p, it, /[,;]/)
    last = trim(it[n]); m = split(last, lw, " ")
    if (n > 1 && m > 1) { head = lw[m]; for (i = 1; i < n; i++) if (split(trim(it[i]), lw, " ") == 1) out = out " / " trim(it[i]) " " head }
    return norm(out) }
FILENAME == ARGV[1] { gloss[$2] = $1; next }
{   z = trim(unparen(unparen($3, "(", ")"), "（", "）"))
    if (z in gloss) { n = 1; t[1] = z } else n = split(z, t, /、|，|,|；|;/)
    cand = english($2)
    for (i = 1; i <= n; i++) {
        term = trim(t[i]); if (term == "" || term == "—") continue
        checked++
        if (!(term in gloss)) { print $1 ": " term " (" $2 ") is not in the glossary"; continue }
        m = split(gloss[term], g, ";"); hit = 0
        for (k = 1; k <= m; k++) { ge = norm(unparen(g[k], "(", ")")); if (ge != " " && index(cand, ge)) hit = 1 }
        if (!hit) print $1 ": " term " is \"" $2 "\" here but \"" gloss[term] "\" in the glossary"
    } }
END { printf "%d terms", checked > "/dev/stderr" }' "$T/gloss" "$T/lessonterms" > "$T/termdiff" 2> "$T/termcount"
ok "docs-6.6 every Chinese term of the lessons' key-terms tables is in $gl with the same English ($(cat "$T/termcount"))" \
    $([ ! -s "$T/termdiff" ]; echo $?) "$(cat "$T/termdiff")"
# docs-6.7: the Chinese names the reader turns into English (sections in reader/scan.c,
# distributions in reader/value.c) are the glossary's: a term of its table whose last
# column names that section or distribution (a distribution's term with or without 分布),
# or one of the words its list "Chinese names the reader understands" gives for it; and
# every word of that list is one the reader knows, with the same English.
reader_zh_names() { # FILE TABLE KIND: "中文<TAB>english<TAB>KIND" for each {"中文", "english"} of TABLE
    awk -v table="$2" -v kind="$3" 'index($0, "} " table "[] = {") { on = 1 }
        on { s = $0; while (match(s, /\{"[^"]+", "[^"]+"\}/)) { p = substr(s, RSTART + 2, RLENGTH - 4)
                 split(p, f, "\", \""); print f[1] "\t" f[2] "\t" kind; s = substr(s, RSTART + RLENGTH) } }
        on && /};/ { exit }' "$1"
}
{ reader_zh_names reader/scan.c sections section; reader_zh_names reader/value.c families distribution; } > "$T/reader_zh"
awk '/^## Chinese names the reader understands/ { on = 1; next } on && /^## / { exit }
     on && /^- `[^`]+`: / { name = $0; sub(/^- `/, "", name); sub(/`.*/, "", name)
         kind = name ~ /^\[/ ? "section" : "distribution"; gsub(/^\[|\]$|\(\.\.\.\)$/, "", name)
         words = $0; sub(/^- `[^`]+`: /, "", words); gsub(/ \([^)]*\)/, "", words)
         n = split(words, w, ", "); for (i = 1; i <= n; i++) print w[i] "\t" name "\t" kind }' "$gl" > "$T/gloss_zh"
nsec=$(grep -c '	section$' "$T/reader_zh")
nfam=$(grep -c '	distribution$' "$T/reader_zh")
ok "docs-6.7 the reader's Chinese names were read: $nsec sections (reader/scan.c), $nfam distributions (reader/value.c)" \
    $([ "$nsec" -ge 25 ] && [ "$nfam" -ge 10 ] && [ -s "$T/gloss_zh" ]; echo $?)
awk -F '\t' 'FILENAME == ARGV[1] { cell[$2] = $3; next }
    FILENAME == ARGV[2] { listed[$1] = $2; next }
    { zh = $1; en = $2; want = $3 == "section" ? "`[" en "]" : "`" en "("
      term = zh in cell ? zh : (zh "分布") in cell && $3 == "distribution" ? zh "分布" : ""
      if (term != "" && zh in listed) print zh ": in the table (" term ") and in the list: one place"
      else if (term != "") { if (!index(cell[term], want)) print zh " is " en " in the reader, but the table'"'"'s " term " says: " cell[term] }
      else if (!(zh in listed)) print zh " (" en ") is neither a term of the table nor in the list"
      else if (listed[zh] != en) print zh " is " en " in the reader, but " listed[zh] " in the list"
      seen[zh] = 1 }
    END { for (zh in listed) if (!(zh in seen)) print zh " (" listed[zh] ") is in the list but the reader does not know it" }' \
    "$T/gloss" "$T/gloss_zh" "$T/reader_zh" > "$T/zhdiff"
ok "docs-6.8 every Chinese name of a section or distribution the reader knows is in $gl with its English" \
    $([ ! -s "$T/zhdiff" ]; echo $?) "$(cat "$T/zhdiff")"
# po/zh_CN.po writes the core terms with the glossary's Chinese: every translated message
# whose English has the term has the glossary's Chinese for it. A term no message holds
# yet is left out. The Chinese comes from the glossary, looked up by its English.
awk '/^#~/ { next }
     /^msgid / { if (id != "" && str != "") print id "\t" str; id = ""; str = ""; w = "id" }
     /^msgid_plural / { w = "id" } /^msgstr/ { w = "str" }
     /^(msgid|msgid_plural|msgstr(\[[0-9]\])?) "|^"/ { v = $0; sub(/^[^"]*"/, "", v); sub(/"$/, "", v)
         if (w == "id") id = id " " v; else str = str v }
     END { if (id != "" && str != "") print id "\t" str }' po/zh_CN.po > "$T/po"
ok "docs-7.1 po/zh_CN.po has translated messages ($(wc -l < "$T/po"))" $([ -s "$T/po" ]; echo $?)
B='(^|[^a-z_])' # the term is a word of its own: fill_rate or warmup_days are names, not the term
W='([^a-z_]|$)'
n=2 # the terms' checks are docs-7.3 on (docs-7.1 and 7.2 are taken)
while IFS='|' read -r term re; do
    zh=$(awk -F '\t' -v t="$term" '{ m = split($1, e, "; "); for (i = 1; i <= m; i++) if (e[i] == t) print $2 }' "$T/gloss")
    ok "docs-7.2 the glossary has one Chinese term for '$term' ($zh)" $([ -n "$zh" ] && [ "$(echo "$zh" | wc -l)" -eq 1 ]; echo $?)
    [ -n "$zh" ] || continue
    awk -F '\t' -v re="$B$re$W" 'tolower($1) ~ re' "$T/po" > "$T/poterm"
    k=$(wc -l < "$T/poterm")
    [ "$k" -gt 0 ] || continue
    n=$((n + 1))
    miss=$(awk -F '\t' -v z="$zh" '!index($2, z) { print "  " $1 "\n  -> " $2 }' "$T/poterm")
    ok "docs-7.$n po/zh_CN.po: the $k message(s) with '$term' say $zh" $([ -z "$miss" ]; echo $?) "$miss"
done << 'TERMS'
fill rate|fill[ -]rates?
stockout|stock[ -]?outs?
cycle service level|cycle service levels?
service level|service levels?
order cycle|order[ -]cycles?
lead time|lead[ -]times?
reorder point|re-?order points?
order quantity|order quantit(y|ies)
safety stock|safety stocks?
safety factor|safety factors?
lost sale|lost[ -]sales?
on time|on[ -]time
perfect order|perfect[ -]orders?
diminishing returns|diminishing returns
profit-maximising point|profit[ -]maximi[sz]ing points?
confidence interval|confidence intervals?
warm-up|warm[ -]?up
holding cost|holding costs?
shortage cost|shortage costs?
marginal cost|marginal costs?
transshipment|trans-?shipments?
delivery promise|delivery promises?
TERMS

# docs-8: every relative link in the README, docs/ and the course notes (both languages)
# reaches a file of the repository
broken=$(for f in README.md docs/*.md course-notes/*.md course-notes/zh/*.md; do
    grep -o '](\([^)# ]*\)' "$f" | sed 's/^](//' | grep -v '^[a-z]*:' | while read -r t; do
        [ -n "$t" ] && [ ! -e "$(dirname "$f")/$t" ] && echo "$f: $t"
    done
done)
ok "docs-8 every relative link in the README, docs/ and course-notes/ (and zh/) reaches a file" \
    $([ -z "$broken" ]; echo $?) "$broken"

# docs-9: the scenario library's prose fits a terminal or editor of 100 columns: every
# line of scenarios/ (and its folders) with a comment, on its own or after a key, by
# display width (a CJK character is two columns), but for a command the reader copies
# whole (";   servlab ..."). A line is at least as many bytes as columns, so only the
# lines of more than 100 bytes (LC_ALL=C: awk counts bytes, not characters) are measured.
wide=$(find scenarios -name '*.ini' | sort | while read -r f; do
    LC_ALL=C awk 'length($0) > 100 && /[;#]/ && !/^;   servlab / { print FNR }' "$f" | while read -r n; do
        line=$(sed -n "${n}p" "$f")
        w=$(printf '%s' "$line" | LC_ALL=C.UTF-8 wc -L)
        [ "$w" -gt 100 ] && echo "$f:$n: $w columns: $line"
    done
done)
ok "docs-9 every line of the scenarios with a comment fits 100 columns (commands to copy aside)" \
    $([ -z "$wide" ]; echo $?) "$wide"

# docs-10: every code block of the Markdown files is closed: an odd number of fence
# lines (```) turns the rest of a page into code, which no other check sees.
open_fences=$(find README.md docs course-notes bench -name '*.md' | sort | while read -r f; do
    n=$(grep -c '^ *```' "$f")
    [ $((n % 2)) -ne 0 ] && echo "$f: $n fence lines"
done)
ok "docs-10 every Markdown file closes each code block it opens" $([ -z "$open_fences" ]; echo $?) "$open_fences"

# docs-11: a sweep command quoted in the prose (`servlab sweep FILE --param ...`) runs as
# written: --param replaces the file's [sweep] range, so it needs --from, --to and --steps
# (or --values) beside it, else sweep stops at "no --steps".
short_sweeps=$(find README.md docs course-notes -name '*.md' | sort | while read -r f; do
    grep -o '`[^`]*servlab sweep [^`]*--param [^`]*`' "$f" | grep -v -e '--steps' -e '--values' |
        sed "s|^|$f: |"
done)
ok "docs-11 every sweep command with --param in the docs gives --steps or --values" \
    $([ -z "$short_sweeps" ]; echo $?) "$short_sweeps"

# docs-12: a failed check's id names one check (docs/conventions.md, rule 13): tests/ids.pl
# finds an id given at two places, or a prefix that two tests use
perl tests/ids.pl tests/*.sh tests/*.c > "$T/ids" 2>&1
rc=$?
ok "docs-12.1 every test id in tests/*.sh and tests/*.c is given at one place, each prefix in one test" $rc \
    "$(cat "$T/ids")"
# ... and fails when it should: tests/ids/a.sh and b.c give ids twice, tests/ids/want
# says where
perl tests/ids.pl tests/ids/a.sh tests/ids/b.c > "$T/ids_got" 2>&1
rc=$?
ok "docs-12.2 tests/ids.pl finds an id given twice, a helper's id given twice, a prefix of two tests (status $rc)" \
    $([ $rc -eq 1 ] && cmp -s "$T/ids_got" tests/ids/want; echo $?) "$(diff tests/ids/want "$T/ids_got")"

check_done test_docs
