#!/bin/sh
# zh_terms.sh GLOSSARY - print lang/zh_terms.inc, the table of lang/zh_terms.c: the Chinese
# terms of GLOSSARY (docs/glossary.md, its second column), each a C string, sorted by
# bytes. A cell of several terms (级库存；级库存位置, 拒收（库容不足）) gives each; a part
# without a Chinese character (7R, B2C) or of one character (节) is left out, since no
# line can break inside it anyway. `make zh-terms` writes the table; tests/test_docs.sh
# checks that it matches the glossary.
[ -r "$1" ] || { echo "usage: lang/zh_terms.sh docs/glossary.md" >&2; exit 2; }
echo "/* zh_terms.inc - written by lang/zh_terms.sh from docs/glossary.md (make zh-terms); do not edit. */"
# LC_ALL=C: the pattern matches UTF-8 bytes; gawk in a UTF-8 locale refuses the byte range
LC_ALL=C awk -F'|' '/^\| / && !/^\| English / {
    n = split($3, part, /；|，|（|）|、| /)
    for (j = 1; j <= n; j++) if (part[j] ~ /[\344-\351]/ && length(part[j]) > 3) print "\"" part[j] "\","
}' "$1" > "${TMPDIR:-/tmp}/zh_terms.$$" || { rm -f "${TMPDIR:-/tmp}/zh_terms.$$"; exit 1; }
LC_ALL=C sort -u "${TMPDIR:-/tmp}/zh_terms.$$"
rm -f "${TMPDIR:-/tmp}/zh_terms.$$"
