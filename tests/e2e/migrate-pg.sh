#!/bin/sh
# A PostgreSQL database at the previous schema (version 4) migrated by
# this recoup, and the same results as SQLite: the sessions of
# tests/store/v4.db are loaded into a version-4 schema on a throwaway
# server (tests/e2e/pgkit.sh); the first command migrates it to version 6;
# export, history, compare and show then print exactly what they print
# for a migrated copy of the SQLite file.
. "$(dirname "$0")/lib.sh"
. "$SRC/tests/e2e/pgkit.sh"
RECOUP_TEST_BACKEND=pg
store_backend
if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "sqlite3 not installed: skipped"
	exit 0
fi

FIX=tests/store/v4.db
DB=$(newdb v4)
# Schema 4 is schema 6 without the 4 -> 5 and 5 -> 6 steps (store.c's
# migrations[]).
"$RECOUP" db init --db "$DB" >/dev/null || fail "db init"
pg_sql v4 "DROP TABLE reviews; ALTER TABLE scores DROP COLUMN w_practice;
    ALTER TABLE scores DROP COLUMN compliance;
    UPDATE recoup_schema SET version = 4" >/dev/null
# The file's rows, as INSERT statements (same columns, same order).
for t in sessions turns scores results; do
	sqlite3 "$FIX" ".mode insert $t" "SELECT * FROM $t"
done >"$TMP/rows.sql"
psql -X -q -v ON_ERROR_STOP=1 -d v4 -f "$TMP/rows.sql" >/dev/null 2>"$TMP/psql.err" ||
    fail "loading the rows: $(cat "$TMP/psql.err")"
pg_sql v4 "SELECT setval(pg_get_serial_sequence('sessions', 'id'), max(id)) FROM sessions;
    SELECT setval(pg_get_serial_sequence('scores', 'id'), max(id)) FROM scores" >/dev/null
expect_eq "schema 4 before" "$(pg_sql v4 "SELECT version FROM recoup_schema")" 4

cp "$FIX" "$TMP/v4.db"
"$RECOUP" export --format csv --db "$DB" >"$TMP/pg.csv" 2>"$TMP/err"
expect_eq "export: exit" "$?" 0
expect_eq "export: no message" "$(cat "$TMP/err")" ""
expect_eq "migrated: schema 6" "$(pg_sql v4 "SELECT version FROM recoup_schema")" 6
expect_eq "migrated: reviews table" "$(pg_sql v4 "SELECT count(*) FROM reviews")" 0
"$RECOUP" export --format csv --db "$TMP/v4.db" >"$TMP/sq.csv"
# ended_at and started_at are the stored ones on both: whole files compared.
if cmp -s "$TMP/sq.csv" "$TMP/pg.csv"; then pass; else
	fail "export csv differs between SQLite and PostgreSQL"
	diff "$TMP/sq.csv" "$TMP/pg.csv" | head -10 >&2
fi
for c in "export --format json" "history" "compare" "leaderboard" "compare --format csv"; do
	"$RECOUP" $c --db "$TMP/v4.db" >"$TMP/sq.out" 2>&1
	"$RECOUP" $c --db "$DB" >"$TMP/pg.out" 2>&1
	if cmp -s "$TMP/sq.out" "$TMP/pg.out"; then pass; else
		fail "$c differs between SQLite and PostgreSQL"
		diff "$TMP/sq.out" "$TMP/pg.out" | head -10 >&2
	fi
done
for id in $(tail -n +2 "$TMP/sq.csv" | cut -d, -f1); do
	"$RECOUP" show "$id" --db "$TMP/v4.db" >"$TMP/sq.out" 2>&1
	"$RECOUP" show "$id" --db "$DB" >"$TMP/pg.out" 2>&1
	if cmp -s "$TMP/sq.out" "$TMP/pg.out"; then pass; else
		fail "show $id differs between SQLite and PostgreSQL"
		diff "$TMP/sq.out" "$TMP/pg.out" | head -10 >&2
	fi
done
# A review and a rescore after the migration, the same on both.
for db in "$TMP/v4.db" "$DB"; do
	"$RECOUP" review 1 --set remain-calm=missed --by trainer --note "<b>x</b>" \
	    --db "$db" >/dev/null 2>&1 || fail "review on $db"
	"$RECOUP" rescore --db "$db" >/dev/null 2>&1 || fail "rescore on $db"
done
"$RECOUP" compare --format json --db "$TMP/v4.db" >"$TMP/sq.out" 2>&1
"$RECOUP" compare --format json --db "$DB" >"$TMP/pg.out" 2>&1
if cmp -s "$TMP/sq.out" "$TMP/pg.out"; then pass; else
	fail "compare after review and rescore differs"
	diff "$TMP/sq.out" "$TMP/pg.out" | head -10 >&2
fi
"$RECOUP" show 1 --db "$TMP/v4.db" | grep -v "^Rescored\|scored at" >"$TMP/sq.out" 2>&1
"$RECOUP" show 1 --db "$DB" | grep -v "^Rescored\|scored at" >"$TMP/pg.out" 2>&1
if cmp -s "$TMP/sq.out" "$TMP/pg.out"; then pass; else
	fail "show 1 after review and rescore differs"
	diff "$TMP/sq.out" "$TMP/pg.out" | head -10 >&2
fi

# A schema newer than this recoup: refused, left as it is.
pg_sql v4 "UPDATE recoup_schema SET version = 99" >/dev/null
"$RECOUP" history --db "$DB" >/dev/null 2>"$TMP/err"
expect_eq "too new: exit" "$?" 2
expect_grep "too new: message" "$TMP/err" "has schema version 99, newer than this recoup understands \(6\): upgrade recoup"
"$RECOUP" run forgetful-florist --script tests/golden/forgetful-courteous.script \
    --db "$DB" >/dev/null 2>"$TMP/err"
expect_eq "too new, a writer: exit" "$?" 2
expect_eq "too new: untouched" "$(pg_sql v4 "SELECT version FROM recoup_schema")" 99

finish
