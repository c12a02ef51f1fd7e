#!/bin/sh
# test_notes.sh - every command in the course notes runs, and every output shown in
# them is what servlab prints now (tests/notes.sh check; make notes refreshes them).
cd "$(dirname "$0")/.." || exit 1
exec sh tests/notes.sh check
