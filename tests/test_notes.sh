#!/bin/sh
# test_notes.sh - every command in the course notes runs, and every output and figure
# shown in them is what servlab prints and draws now (tests/notes.sh check; make notes
# refreshes them).
cd "$(dirname "$0")/.." || exit 1
exec sh tests/notes.sh check course-notes/*.md
