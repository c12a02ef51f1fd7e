#!/bin/sh
# test_fuzz.sh - a short fixed-seed libFuzzer run of every harness in fuzz/ (make test
# builds them into build-fuzz/ when clang can link libFuzzer): a few seconds each, no
# crash, leak or undefined behaviour allowed. The long run is `make fuzz`.
cd "$(dirname "$0")/.." || exit 1
if ! ls build-fuzz/fuzz_* > /dev/null 2>&1; then
    if ! command -v clang > /dev/null 2>&1; then
        echo "test_fuzz: skipped: clang is not installed (Debian: apt-get install clang libclang-rt-14-dev)"
    else
        echo "test_fuzz: skipped: the harnesses are not built (clang cannot link libFuzzer?"
        echo "  Debian: apt-get install libclang-rt-14-dev; then make fuzz-build)"
    fi
    echo "test_fuzz: 0 passed, 0 failed"
    exit 0
fi
exec sh fuzz/run.sh short "${FUZZ_SHORT_SECONDS:-10}"
