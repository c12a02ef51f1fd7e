#!/bin/sh
# docs/debrief/shots.sh - remake the screenshots of docs/debrief/README.md: each page is
# written by ./servlab with --out, checked and photographed by tests/html_check.py
# (headless Debian chromium, as tests/test_report_html.sh does), and the shots the README
# shows are copied here. Run from anywhere after `make`; the class of 60 is made below,
# the same every time. Needs chromium and tidy (`make deps`). servlab runs in the work
# folder, where scenarios/ and tests/ are the repository's, so that a page's footer
# ("To reproduce this page: servlab run scenarios/supply_chain.ini --out chain") names
# the scenario as the repository does and no temporary folder: the script fails a page
# whose footer names one.
cd "$(dirname "$0")/../.." || exit 1
here=docs/debrief
repo=$(pwd)
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
ln -s "$repo/scenarios" "$work/scenarios" && ln -s "$repo/tests" "$work/tests" || exit 1
check="/usr/bin/python3 tests/html_check.py"
fail=0

# shoot NAME DIR [--fit WIDTH]: check $work/DIR/report.html in the browser, shots to
# $work/NAME-*.png (with --fit, NAME-WIDTHx720.png too, and the page must fit WIDTH)
shoot() {
    name=$1 dir=$work/$2
    shift 2
    if grep -qF "$work" "$dir/report.html"; then
        echo "shots.sh: $name: the page names the temporary folder $work" >&2
        fail=1
    fi
    if ! $check "$dir/report.html" --shots "$work/$name" "$@" > "$work/$name.check" 2>&1; then
        echo "shots.sh: $name: the page fails its browser check:" >&2
        grep -v '^ok' "$work/$name.check" >&2
        fail=1
    fi
}
# servlab DIR ARGS...: run servlab in $work into $work/DIR (the paths in ARGS, as the
# page's footer, relative to $work: scenarios/..., tests/..., students/...), its
# terminal output kept aside; a failure stops the script
servlab() {
    dir=$1
    shift
    (cd "$work" && "$repo/servlab" "$@" --out "$dir") > "$work/out.txt" 2>&1 || {
        echo "shots.sh: servlab $* failed:" >&2
        cat "$work/out.txt" >&2
        exit 1
    }
}

# every page must also fit a projector of 800 px (its tables and notes in view, its charts'
# text at least 12 px: html_check's fit and chart-text)
servlab run run scenarios/default.ini
shoot run run --fit 800
servlab run-zh run scenarios/zh/default.ini --lang zh
shoot run-zh run-zh --fit 800
servlab sweep sweep scenarios/default.ini
shoot sweep sweep --fit 800
servlab batch batch scenarios/planner/base.ini scenarios/planner/items.csv --sweep
shoot batch batch --fit 800
servlab ipa ipa scenarios/importance_performance.ini
shoot ipa ipa --fit 800
# the supply chain's diagram (a run with echelons): NAME-at-1280x800.png and
# NAME-at-800x720.png show it at the window's top (html_check --shot-at), the chain of
# scenarios/supply_chain.ini in English and Chinese, and tests/html/network.ini's network
# of 9 locations (two distribution centres, six stores; tests/test_report_html.sh's
# report-13 draws it too): its boxes compact from 1201 px
servlab chain run scenarios/supply_chain.ini
shoot chain chain --fit 800 --shot-at div.flow
servlab chain-zh run scenarios/zh/supply_chain.ini --lang zh
shoot chain-zh chain-zh --fit 800 --shot-at div.flow
servlab network run tests/html/network.ini
shoot network network --fit 800 --shot-at div.flow
servlab network-zh run tests/html/network.ini --lang zh
shoot network-zh network-zh --fit 800 --shot-at div.flow

# A class of 60 on lesson 15's base: each file its own clerks, pickers, order quantity and
# safety factor (several files alike, as in a real class); 9 files also move the
# promise to customers, a locked key, and are refused.
mkdir -p "$work/students"
i=1
while [ $i -le 60 ]; do
    sf=$(echo "0.5 1 1.25 1.5 2" | cut -d' ' -f$((i % 5 + 1)))
    sed -e "s/^processing_servers = 3 /processing_servers = $((2 + i % 3)) /" \
        -e "s/^picking_servers = 1 /picking_servers = $((1 + i % 2)) /" \
        -e "s/^order_quantity = 800 /order_quantity = $((400 + 100 * (i % 7))) /" \
        -e "s/^safety_factor = 0.5 /safety_factor = $sf /" \
        scenarios/stances/base.ini > "$work/students/student$(printf %02d $i).ini"
    if [ $((i % 7)) -eq 3 ]; then
        sed -i "s/^promise_days = 3 /promise_days = 5 /" "$work/students/student$(printf %02d $i).ini"
    fi
    i=$((i + 1))
done
servlab class compare --base scenarios/stances/base.ini $(cd "$work" && echo students/*.ini) --reps 5
shoot class60 class --fit 800
servlab class-zh compare --base scenarios/zh/stances/base.ini $(cd "$work" && echo students/*.ini) --reps 5 --lang zh
shoot class60-zh class-zh --fit 800

cp "$work/run-1280x720.png" "$work/run-zh-1280x720.png" "$work/sweep-1920x1080.png" \
    "$work/batch-1280x720.png" "$work/class60-1280x720.png" "$work/class60-800x720.png" \
    "$work/class60-zh-1920x1080.png" "$work/chain-at-1280x800.png" "$work/chain-zh-at-800x720.png" \
    "$work/network-at-1280x800.png" "$work/network-zh-at-1280x800.png" "$work/network-at-800x720.png" "$here/"
cp "$work/class/class_curve.png" "$here/class60-class_curve.png"
[ $fail -eq 0 ] && echo "shots.sh: the screenshots in $here are remade; look at each before committing"
exit $fail
