#!/bin/sh
# test_notes.sh - every command in the course notes runs, and every output and figure
# shown in them is what servlab prints and draws now (tests/notes.sh check; make notes
# refreshes them). The Chinese notes, course-notes/zh/*.md, are checked too, their
# commands run in Chinese.
cd "$(dirname "$0")/.." || exit 1
set -- course-notes/*.md
for md in course-notes/zh/*.md; do [ -f "$md" ] && set -- "$@" "$md"; done
exec sh tests/notes.sh check "$@"
