# check.sh - the shell tests' tiny harness, the counterpart of check.h: sourced by
# tests/test_*.sh after they cd to the repository root. It sets $S, the servlab under
# test ($SERVLAB, default ./servlab), and $T, a temporary directory removed at exit;
# ok NAME STATUS [DETAIL] records one check (STATUS 0 passes; a failure prints FAIL NAME
# and the detail; VERBOSE=1 prints passes too); check_done NAME prints the summary
# line "NAME: N passed, M failed" that tests/run_all.sh adds up, and fails if any did;
# need_tools NAME CHECK WHAT SET returns when tests/need.sh's SET of tools is here; if not,
# it ends the test: a loud skip (a SKIPPED: line naming the packages, exit 0), or under
# CI, which installs them, CHECK failed (exit 1); await_handler PID waits until PID has
# set its own SIGINT handler, so that a Ctrl-C sent then is one it acts on; await_cpu PID
# TICKS waits until PID has done that much work.
S=${SERVLAB:-./servlab}
# English unless a test asks for Chinese, whatever the caller's locale (tests/run_all.sh)
unset LC_ALL LC_MESSAGES LANGUAGE
export LANG=C.UTF-8
T=$(mktemp -d)
trap 'chmod -R u+rwx "$T" 2> /dev/null; rm -rf "$T"' EXIT
pass=0
fail=0
ok() {
    if [ "$2" -eq 0 ]; then
        pass=$((pass + 1))
        [ -n "$VERBOSE" ] && echo "ok   $1"
    else
        fail=$((fail + 1))
        echo "FAIL $1"
        [ -n "$3" ] && printf '%s\n' "$3" | sed 's/^/     /'
    fi
    return 0
}
check_done() {
    echo "$1: $pass passed, $fail failed"
    [ $fail -eq 0 ]
}
# A background command of a non-interactive shell starts with SIGINT ignored, so a
# SIGINT sent before servlab sets its handler would be lost and the command run to its
# end. Linux shows the signals a process catches as a hex mask (SigCgt in
# /proc/PID/status); SIGINT (2) is bit 1 of its last digit. Gives up after 30 s.
await_handler() {
    i=0
    while [ $i -lt 300 ]; do
        mask=$(sed -n 's/^SigCgt:[[:space:]]*//p' "/proc/$1/status" 2> /dev/null)
        [ -z "$mask" ] && return 1 # it has ended
        [ $((0x$(echo "$mask" | tail -c 2) & 2)) -ne 0 ] && return 0
        sleep 0.1
        i=$((i + 1))
    done
    return 1
}
# Work done, not time passed: until PID has spent TICKS clock ticks (getconf CLK_TCK a
# second, 100 on Linux) of CPU time, user and system, all its threads (/proc/PID/stat,
# fields 14 and 15; 12 and 13 after the command name's closing parenthesis). However
# loaded the machine, TICKS of CPU is the same share of its work. Fails when PID has
# ended (or is a zombie) first; gives up after 5 minutes.
await_cpu() {
    i=0
    while [ $i -lt 3000 ]; do
        ticks=$(sed 's/^.*) //' "/proc/$1/stat" 2> /dev/null | awk '$1 != "Z" { print $12 + $13 }')
        [ -z "$ticks" ] && return 1
        [ "$ticks" -ge "$2" ] && return 0
        sleep 0.05
        i=$((i + 1))
    done
    return 1
}
need_tools() {
    need=$(tests/need.sh test "$4" 2>&1) && return 0
    if [ -n "$CI" ]; then # CI installs them (.ci/run): a skip there would hide a gap
        ok "$2 (CI=$CI)" 1 "$need"
    else
        echo "$1: skipped: $3"
        echo "SKIPPED: $1 needs $(echo "$need" | sed -n 's/^ *apt-get install -y --no-install-recommends *//p') (Debian: make deps, or apt-get install them)"
    fi
    check_done "$1"
    exit
}
# first_message FILE: the first message in FILE (stderr), its wrapped lines (each further
# one two blanks in: the reader wraps its problems to a terminal's width) joined into one,
# a blank where the break took one (none between Chinese characters, nor after a
# full-width mark such as ，or the 、 between a list's items); nth_message N FILE: the Nth;
# all_messages FILE: each, a line each
first_message() { nth_message 1 "$1"; }
all_messages() { nth_message 0 "$1"; }
nth_message() {
    perl -CSD -e '
        my ($n, @m) = (shift);
        my $wide = qr/[\x{2E80}-\x{A4CF}\x{AC00}-\x{D7A3}\x{F900}-\x{FAFF}\x{FE30}-\x{FE4F}\x{FF00}-\x{FF60}]/;
        while (my $l = <STDIN>) {
            chomp $l;
            if (@m && $l =~ s/^  (?=\S)//) {
                my $tight = ($m[-1] =~ /$wide\z/ && $l =~ /\A$wide/) || $m[-1] =~ /[\x{3001}\x{3002}\x{FF0C}\x{FF1A}\x{FF1B}]\z/;
                $m[-1] .= ($tight ? "" : " ") . $l;
            } else {
                push @m, $l;
            }
        }
        print map { "$_\n" } $n ? ($n <= @m ? $m[$n - 1] : ()) : @m;' "$1" < "$2"
}
