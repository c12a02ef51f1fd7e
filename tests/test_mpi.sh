#!/bin/sh
# test_mpi.sh - the MPI build (make MPI=1 -> ./servlab-mpi) run by mpirun with 2 and 3
# ranks on this machine must print and write byte for byte what the ordinary build
# prints, and must end promptly, with one message, when a rank cannot take part.
# Skips (0 checks) when ./servlab-mpi or mpirun is missing, saying why.
# Uses $SERVLAB (default ./servlab) and $SERVLAB_MPI (default ./servlab-mpi).
cd "$(dirname "$0")/.." || exit 1
S=${SERVLAB:-./servlab}
M=${SERVLAB_MPI:-./servlab-mpi}
pass=0
fail=0
if [ ! -x "$M" ] || ! command -v mpirun > /dev/null 2>&1; then
    if ! command -v mpirun > /dev/null 2>&1; then
        echo "test_mpi: skipped: OpenMPI is not installed (make deps installs libopenmpi-dev and openmpi-bin; make test then builds $M)"
    else
        echo "test_mpi: skipped: no $M (build it with 'make MPI=1')"
    fi
    echo "test_mpi: 0 passed, 0 failed"
    exit 0
fi
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
ok() { # NAME CONDITION-STATUS
    if [ "$2" -eq 0 ]; then pass=$((pass + 1)); [ -n "$VERBOSE" ] && echo "ok   $1"
    else fail=$((fail + 1)); echo "FAIL $1"; fi
    return 0
}
# OpenMPI as root, more ranks than cores, and no single-copy shared memory (containers)
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_btl_vader_single_copy_mechanism=none
# mpi NP ARGS...: stdout to $T/out, stderr to $T/err, status in $rc; a hang fails after
# 300 s (a bound against a hang, not a measure of speed: ranks start slowly on a busy machine)
mpi() {
    np=$1; shift
    timeout 300 mpirun -np "$np" --oversubscribe "$@" > "$T/out" 2> "$T/err"; rc=$?
}

SW="--set sweep.from=0 --set sweep.to=2.5 --set sweep.steps=6 --reps 4"
"$S" run scenarios/default.ini --format csv --quiet > "$T/run1.csv"
"$S" sweep scenarios/default.ini $SW --format csv --quiet > "$T/sweep1.csv"
"$S" sweep scenarios/default.ini $SW --quiet > "$T/table1.txt"

mpi 2 "$M" run scenarios/default.ini --format csv
ok "mpi-1.1 run with 2 ranks: byte-identical CSV to one process" $([ $rc -eq 0 ] && cmp -s "$T/out" "$T/run1.csv"; echo $?)
mpi 2 "$M" sweep scenarios/default.ini $SW --format csv
ok "mpi-1.2 sweep with 2 ranks: byte-identical CSV to one process" $([ $rc -eq 0 ] && cmp -s "$T/out" "$T/sweep1.csv"; echo $?)
mpi 3 "$M" sweep scenarios/default.ini $SW --format csv --threads 1
ok "mpi-1.3 sweep with 3 ranks of 1 thread (24 runs, uneven shares): byte-identical CSV" $([ $rc -eq 0 ] && cmp -s "$T/out" "$T/sweep1.csv"; echo $?)
mpi 2 "$M" sweep scenarios/default.ini $SW
ok "mpi-1.4 the sweep table is printed once, identical to one process's" $([ $rc -eq 0 ] && cmp -s "$T/out" "$T/table1.txt"; echo $?)
mpi 2 "$M" sweep scenarios/default.ini $SW --out "$T/o" --quiet
ok "mpi-1.5 --out: rank 0 writes sweep.csv (equal to one process's) and leaves no temporary file" $([ $rc -eq 0 ] && cmp -s "$T/o/sweep.csv" "$T/sweep1.csv" && [ "$(ls -A "$T/o" | grep -c tmp)" -eq 0 ]; echo $?)
"$M" run scenarios/default.ini --format csv --quiet > "$T/single.csv" 2> /dev/null
ok "mpi-1.6 servlab-mpi without mpirun runs as one process, same CSV" $(cmp -s "$T/single.csv" "$T/run1.csv"; echo $?)
"$S" batch scenarios/planner/base.ini scenarios/planner/items.csv --sweep --reps 3 --format csv --quiet > "$T/batch1.csv"
mpi 2 "$M" batch scenarios/planner/base.ini scenarios/planner/items.csv --sweep --reps 3 --format csv --quiet
ok "mpi-1.7 batch --sweep with 2 ranks: byte-identical CSV to one process" $([ $rc -eq 0 ] && cmp -s "$T/out" "$T/batch1.csv"; echo $?)

# jobs are dealt as workers ask (cli/mpi_grid.c): more workers than CPUs, a rank with no
# share of its own, one busy with another program (its share is then taken from its end)
mpi 2 "$M" sweep scenarios/default.ini $SW --format csv --threads 3
ok "mpi-1.8 sweep with 2 ranks of 3 threads: byte-identical CSV" $([ $rc -eq 0 ] && cmp -s "$T/out" "$T/sweep1.csv"; echo $?)
"$S" run scenarios/default.ini --reps 2 --format csv --quiet > "$T/run2.csv"
mpi 3 "$M" run scenarios/default.ini --reps 2 --format csv --threads 1
ok "mpi-1.9 2 replications on 3 ranks (one with no share): byte-identical CSV" $([ $rc -eq 0 ] && cmp -s "$T/out" "$T/run2.csv"; echo $?)
sh -c 'while :; do :; done' & busy=$!
mpi 2 "$M" sweep scenarios/default.ini $SW --format csv --threads 1
kill $busy
ok "mpi-1.10 sweep with 2 ranks while another program keeps a CPU busy: byte-identical CSV" $([ $rc -eq 0 ] && cmp -s "$T/out" "$T/sweep1.csv"; echo $?)

mpi 2 "$M" run "$T/missing.ini"
ok "mpi-2.1 a missing scenario: exit 2, the message once" $([ $rc -eq 2 ] && [ "$(grep -c 'missing.ini: cannot open' "$T/err")" -eq 1 ] && [ ! -s "$T/out" ]; echo $?)
# OpenMPI names each process's rank in OMPI_COMM_WORLD_RANK
mpi 2 sh -c 'if [ "$OMPI_COMM_WORLD_RANK" = 1 ]; then exec "$0" run "$1/missing.ini"; else exec "$0" run scenarios/default.ini; fi' "$M" "$T"
ok "mpi-2.2 one rank cannot read the scenario: no hang, rank 0 says so, exit non-zero" $([ $rc -ne 0 ] && [ $rc -ne 124 ] && grep -q 'a rank of this MPI job stopped before simulating' "$T/err" && [ ! -s "$T/out" ]; echo $?)
mpi 2 sh -c 'exec "$0" run scenarios/default.ini --reps $((3 + OMPI_COMM_WORLD_RANK))' "$M"
ok "mpi-2.3 ranks that disagree on the runs: no hang, rank 0 says so" $([ $rc -ne 0 ] && [ $rc -ne 124 ] && grep -q 'disagree on the number of runs (3 to 4)' "$T/err"; echo $?)

echo "test_mpi: $pass passed, $fail failed"
[ $fail -eq 0 ]
