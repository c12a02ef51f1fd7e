#!/bin/sh
# leak_zh.sh - print the lines of Chinese output (stdin) that still hold English prose.
# What may stay English is taken out first: options with their argument (--format csv),
# file names and paths, names with '_' or '.' in them (metric, key and section names),
# [section] headings, assignments (policy = none, inventory.policy = none) and numbers. A word of three or more
# letters that is left is English prose, unless it is one of the few names servlab
# prints as they are (servlab and its commands, the abbreviations CSL, OTIF, CPU, MPI,
# and VERSION, which tests/zh_reports.sh writes for the version).
# NAME... are the names the scenario gives (products, tiers, locations, regions, batch
# ids): taken out as whole words too. Prints each offending line prefixed by ">> ";
# silent when there is none.
names=""
for n in "$@"; do names="$names -e s/(^|[^A-Za-z0-9_])$n([^A-Za-z0-9_]|\$)/\\1·\\2/g"; done
# shellcheck disable=SC2086 # one -e per name
LC_ALL=C.UTF-8 sed -E $names \
    -e 's/--[a-z][a-z-]*( (table|csv|[0-9]+))?/·/g' \
    -e 's#[^ ：（，“]*/[^ ：）；，”]*#·#g' \
    -e 's/[^ ：（，“]*\.(ini|csv)/·/g' \
    -e 's/\[[a-z_.]+\]/·/g' \
    -e 's/[A-Za-z0-9]+([_.][A-Za-z0-9]+)+/·/g' \
    -e 's/[a-z_]+ = [A-Za-z0-9.]+/·/g' \
    -e 's/· = [A-Za-z0-9.]+/·/g' |
    LC_ALL=C.UTF-8 grep -E '[A-Za-z]{3,}' |
    LC_ALL=C.UTF-8 grep -vE '^[^A-Za-z]*((servlab|VERSION|sweep|compare|batch|CSL|OTIF|CPU|MPI|Ctrl|mt19937)[^A-Za-z]+)*(servlab|VERSION|sweep|compare|batch|CSL|OTIF|CPU|MPI|Ctrl|mt19937)?[^A-Za-z]*$' |
    sed 's/^/>> /'
