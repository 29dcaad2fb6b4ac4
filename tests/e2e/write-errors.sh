#!/bin/sh
# Write errors are errors: standard output on a full disk (/dev/full) for
# every command, small output and large, and a database that fills up or
# passes a file-size limit in the middle of a call.  Each must say
# "recoup: write error: ..." (or name the database) and exit non-zero.
. "$(dirname "$0")/lib.sh"

DB=$TMP/w.db
script=tests/golden/forgetful-courteous.script
"$RECOUP" run forgetful-florist --seed 3 --script "$script" --db "$DB" \
    --trainee writer >"$TMP/run.out"
expect_eq "setup: a stored call" "$?" 0
id=$("$RECOUP" history --db "$DB" --format csv | tail -n 1 | cut -d, -f1)
printf 'Collector: Hello, this is Sam from Greenline.\nDebtor: Hi.\n' \
    >"$TMP/small.txt"
: >"$TMP/big.txt"
for n in 1 2 3 4 5 6 7 8; do
	cat "$TMP/small.txt" "$TMP/small.txt" "$TMP/small.txt" >>"$TMP/big.txt"
done

# full WHAT ARGS...: the command's output goes to /dev/full.
full() {
	what=$1
	shift
	"$@" >/dev/full 2>"$TMP/full.err"
	rc=$?
	if [ "$rc" -ne 0 ]; then pass; else fail "$what: exit 0 on a full disk"; fi
	expect_grep "$what: says so" "$TMP/full.err" \
	    "^recoup: write error: No space left on device$"
}

# More than 4 KiB (stdio has flushed some of it before the end) ...
full "run" "$RECOUP" run forgetful-florist --seed 3 --script "$script" --no-save
full "show" "$RECOUP" show "$id" --db "$DB"
full "export csv" "$RECOUP" export --format csv --db "$DB"
full "export json" "$RECOUP" export --format json --db "$DB"
full "score" "$RECOUP" score "$TMP/big.txt" "$TMP/big.txt" "$TMP/big.txt"
full "list" "$RECOUP" list
full "--help" "$RECOUP" --help
full "graph" "$RECOUP" graph forgetful-florist
# ... and less (all of it still buffered at exit).
full "--version" "$RECOUP" --version
full "history" "$RECOUP" history --db "$DB"
full "compare" "$RECOUP" compare --db "$DB"
full "leaderboard" "$RECOUP" leaderboard --db "$DB"
full "report to stdout" "$RECOUP" report --html - --db "$DB"
full "score (small)" "$RECOUP" score "$TMP/small.txt" --format json
full "run --help" "$RECOUP" run --help
full "understand" "$RECOUP" understand forgetful-florist "hello"
# A failure that is already an error keeps its own exit code.
"$RECOUP" show 99999 --db "$DB" >/dev/full 2>/dev/null
expect_eq "a failing command keeps its exit code" "$?" 2
# A closed standard output that nobody writes to is fine.
"$RECOUP" run forgetful-florist --seed 3 --script "$script" --no-save \
    --format json >"$TMP/ok.json"
expect_eq "an ordinary run exits 0" "$?" 0

# 3. The database fills up in the middle of a call: the call is still
# printed, the turns saved so far are kept, the loss is said, exit 1.
if [ "$(id -u)" -eq 0 ] && mkdir "$TMP/small" &&
    mount -t tmpfs -o size=200k tmpfs "$TMP/small" 2>/dev/null; then
	trap 'umount "$TMP/small" 2>/dev/null; rm -rf "$TMP"' EXIT
	"$RECOUP" run forgetful-florist --seed 3 --script "$script" \
	    --db "$TMP/small/full.db" >"$TMP/fullrun.out" 2>"$TMP/fullrun.err"
	expect_eq "full disk mid-call: exit code" "$?" 1
	expect_grep "full disk mid-call: the loss is said" "$TMP/fullrun.err" \
	    "^recoup: database '.*full\.db'.*(disk is full|disk I/O error)"
	expect_grep "full disk mid-call: the end is said lost" "$TMP/fullrun.err" \
	    "^recoup: (session 1: the end of the call and its scorecard were not saved|warning: turns? [0-9–]+ could not be saved \\(database error\\).* session 1 )"
	expect_grep "full disk mid-call: the call is still printed" \
	    "$TMP/fullrun.out" "^== Scorecard ==$"
	# The turns are in the -wal the full disk kept from being checkpointed.
	cp "$TMP/small/full.db" "$TMP/full-copy.db"
	cp "$TMP/small/full.db-wal" "$TMP/full-copy.db-wal" 2>/dev/null
	umount "$TMP/small"
	kept=$("$RECOUP" history --db "$TMP/full-copy.db" --format csv | tail -n 1 |
	    cut -d, -f13)
	expect_eq "full disk mid-call: the first turns are kept" \
	    "$([ "${kept:-0}" -gt 0 ] && echo kept)" kept
else
	echo "skipped: no small tmpfs could be mounted (not root?)" >&2
fi
# Past a file-size limit: no death by SIGXFSZ, the loss said, exit 1.
( ulimit -f 200; exec "$RECOUP" run forgetful-florist --seed 3 \
    --script "$script" --db "$TMP/limit.db" ) >/dev/null 2>"$TMP/limit.err"
rc=$?
expect_eq "file-size limit on the database: exit code" "$rc" 1
expect_grep "file-size limit on the database: said" "$TMP/limit.err" \
    "^recoup: warning: turns? [0-9–]+ could not be saved \\(database error\\).* session 1 "
expect_eq "file-size limit on the database: the cause said once" \
    "$(grep -c 'disk I/O error\|File too large' "$TMP/limit.err")" 1
( ulimit -f 4; exec "$RECOUP" run forgetful-florist --seed 3 \
    --script "$script" --no-save ) >"$TMP/limit.out" 2>"$TMP/limit.err"
expect_eq "file-size limit on standard output: exit code" "$?" 1
expect_grep "file-size limit on standard output: said" "$TMP/limit.err" \
    "^recoup: write error: File too large$"

finish
