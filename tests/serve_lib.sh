#!/bin/sh
# serve_lib.sh - what tests/test_serve.sh and tests/test_serve_class.sh both do with a
# class server, sourced by them after tests/check.sh: $S the servlab binary, $T a scratch
# folder, $B the base, $C the bounded curl, PIDS the servers to kill at the end.

start() { # DIR OPTION...: a server on a free port; sets PID and U
    dir=$1
    shift
    : > "$T/serve.out"
    "$S" serve --base "$B" --port 0 --dir "$dir" "$@" > "$T/serve.out" 2> "$T/serve.err" &
    PID=$!
    PIDS="$PIDS $PID"
    # it says where only once it listens, after it has drawn the base's service curve and
    # reloaded --dir: seconds, more in the sanitizer build on a busy machine. Gives up
    # after 5 minutes, or when the server has ended (a refused command line, a crash).
    i=0
    while [ $i -lt 6000 ] && ! grep -q 'http://127.0.0.1:' "$T/serve.out" && alive $PID; do
        sleep 0.05
        i=$((i + 1))
    done
    U=http://127.0.0.1:$(sed -n 's|.*http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$T/serve.out")
}
alive() { # PID: it runs (a process that has ended but is not yet waited for is a zombie, Z)
    [ -n "$(sed -n 's/^State:[[:space:]]*\([^Z]\).*/\1/p' "/proc/$1/status" 2> /dev/null)" ]
}
status() { # CURL-ARGS...: the status code; the page in $T/page
    $C -o "$T/page" -w '%{http_code}' "$@"
}
# wait_settled DIR: until DIR/history.csv lists no submission queued or running (its
# 7th column, the state), so that a stop then cuts no run short; at most 5 minutes
wait_settled() {
    i=0
    while [ $i -lt 3000 ] && { [ ! -s "$1/history.csv" ] ||
        cut -d, -f7 "$1/history.csv" | grep -qx 'queued\|running'; }; do
        sleep 0.1
        i=$((i + 1))
    done
}
