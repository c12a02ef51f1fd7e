#!/bin/sh
# test_readme.sh - every example in README.md with its output shown runs, prints what
# the README shows (excerpts with "..." lines included), and draws the charts in docs/
# byte for byte (tests/notes.sh check; make notes refreshes them).
cd "$(dirname "$0")/.." || exit 1
NOTES_SUMMARY=test_readme exec sh tests/notes.sh check README.md
