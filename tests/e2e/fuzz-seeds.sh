#!/bin/sh
# The database fuzzer's seeds are at the schema this recoup writes: a
# seed at an older schema is refused by the read-only open before any
# query runs, and the fuzzer (and its regress seeds) would test nothing
# (this happened when schema 6 came: coverage fell from 524 edges to 106).
# After a schema change, migrate the seeds (sqlite3 FILE 'ALTER ...;
# PRAGMA user_version = N') and keep their content.
. "$(dirname "$0")/lib.sh"

want=$(sed -n 's/^#define RC_STORE_SCHEMA \([0-9][0-9]*\).*/\1/p' "$SRC/src/store.h")
if [ -z "$want" ]; then
	fail "no RC_STORE_SCHEMA in src/store.h"
fi
if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "sqlite3 not installed: the fuzz seeds' schema is not checked"
	finish
fi
n=0
for f in "$SRC"/fuzz/corpus/database/*; do
	# SQLite files only (a seed may be any bytes).
	if [ "$(head -c 15 "$f")" != "SQLite format 3" ]; then
		continue
	fi
	n=$((n + 1))
	expect_eq "$(basename "$f"): schema" "$(sqlite3 "$f" 'PRAGMA user_version')" "$want"
done
if [ "$n" -eq 0 ]; then
	fail "no SQLite seeds in fuzz/corpus/database"
fi
finish
