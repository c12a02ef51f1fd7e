#!/bin/sh
# layers.sh [BUILD] - dependencies point one way: lang <- sim <- models <- reader, plots <- cli, servlab.c
# (lang/ is the language of messages, which every layer may use, and uses no other layer)
# (reader/ reads scenario files; scenarios/ holds only the scenario library: no C code).
# Only reader/ includes <ini.h>, only plots/
# includes <plplot.h>. sim/ and models/ have no mutable globals (checked on the
# object files: no symbols in .data or .bss), so replications can run on threads.
build=${1:-build}
cd "$(dirname "$0")/.." || exit 1
bad=0
forbid() { # DIR PATTERN WHY
    hits=$(grep -nE "#include [<\"]($2)" "$1"/*.c "$1"/*.h 2>/dev/null)
    if [ -n "$hits" ]; then
        echo "layers: $1/ must not include $3:"
        echo "$hits" | sed 's/^/    /'
        bad=1
    fi
}
forbid lang 'sim/|models/|reader/|plots/|cli/|ini\.h|plplot\.h' "sim, models, reader, plots, cli, inih or PLplot"
forbid sim 'models/|reader/|plots/|cli/|ini\.h|plplot\.h' "models, reader, plots, cli, inih or PLplot"
forbid models 'reader/|plots/|cli/|ini\.h|plplot\.h' "reader, plots, cli, inih or PLplot"
forbid reader 'plots/|cli/|plplot\.h' "plots, cli or PLplot"
forbid plots 'reader/|cli/|ini\.h' "reader, cli or inih"
forbid cli 'ini\.h|plplot\.h' "inih or PLplot (only reader/ and plots/ may)"
code=$(find scenarios -name '*.[ch]' 2>/dev/null)
if [ -n "$code" ]; then
    echo "layers: scenarios/ holds the scenario library only; C code belongs in reader/:"
    echo "$code" | sed 's/^/    /'
    bad=1
fi
for o in "$build"/sim/*.o "$build"/models/*.o; do
    [ -f "$o" ] || continue
    # const tables of pointers live in .data.rel.ro: read-only after loading, allowed
    globals=$(objdump -t "$o" | awk '$0 ~ / O / { for (i = 1; i <= NF; i++) if ($i == "O") { s = $(i+1); name = $NF }
             if (s ~ /^\.(data|bss)/ && s !~ /^\.data\.rel\.ro/) print name }')
    if [ -n "$globals" ]; then
        echo "layers: $o has mutable globals: $globals"
        bad=1
    fi
done
[ $bad -eq 0 ] && echo "layers: ok (lang <- sim <- models <- reader, plots <- cli, servlab.c; no C in scenarios/; no globals in sim/ or models/)"
exit $bad
