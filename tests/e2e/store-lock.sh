#!/bin/sh
# A database lock held by another process mid-call (sqlite3's BEGIN
# EXCLUSIVE, from a background shell): the turns said while it is held
# wait in memory and are written, in order, once it is free, and each step
# is said on stderr; a call that ends while the lock is still held is never
# stored as complete with a gap.  The call is played from a pipe the test
# feeds one line at a time (the scripted path through the same saver as
# `run`), with a busy timeout of 200 ms (RECOUP_BUSY_TIMEOUT_MS).
. "$(dirname "$0")/lib.sh"
if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "sqlite3 not installed: skipped"
	exit 0
fi
export RECOUP_BUSY_TIMEOUT_MS=200
db="$TMP/lock.db"

# wait_for WHAT CMD...: polls CMD (10 s at most) until it succeeds.
wait_for() {
	what=$1
	shift
	i=0
	while ! "$@" >/dev/null 2>&1; do
		i=$((i + 1))
		if [ "$i" -gt 200 ]; then
			fail "timed out waiting for $what"
			return 1
		fi
		sleep 0.05
	done
}
count_at_least() {
	[ "$(sqlite3 "$db" "SELECT count(*) FROM turns WHERE session_id = $1" \
	    2>/dev/null)" -ge "$2" ]
}
# A write from here fails at once while the holder has the lock.
locked() { ! sqlite3 "$db" "BEGIN IMMEDIATE; ROLLBACK;" 2>/dev/null; }
unlocked() { sqlite3 "$db" "BEGIN IMMEDIATE; ROLLBACK;" 2>/dev/null; }
lines() { wc -l <"$1"; }
more_lines() { [ "$(lines "$1")" -gt "$2" ]; }

# hold: a background sqlite3 takes the exclusive lock and keeps it until
# release writes COMMIT to it.
hold() {
	rm -f "$TMP/hold"
	mkfifo "$TMP/hold"
	sqlite3 "$db" <"$TMP/hold" >/dev/null 2>&1 &
	holder=$!
	exec 4>"$TMP/hold"
	echo "BEGIN EXCLUSIVE; INSERT INTO sessions (id, trainee, scenario, seed, mode, status, started_at, updated_at, turns) VALUES (-1, 'x', 'x', '0', 'practice', 'complete', 0, 0, 0);" >&4
	wait_for "the lock" locked
}
release() {
	echo "ROLLBACK;" >&4
	exec 4>&-
	wait "$holder"
	wait_for "the lock to go" unlocked
}

# play_start ID: a call fed from the fifo $TMP/in (on fd 3).
play_start() {
	rm -f "$TMP/in"
	mkfifo "$TMP/in"
	"$RECOUP" play forgetful-florist --db "$db" --seed 7 <"$TMP/in" \
		>"$TMP/out" 2>"$TMP/err" &
	player=$!
	exec 3>"$TMP/in"
	wait_for "the call to open" count_at_least "$1" 1
}
# say LINE: feeds a line and waits for the debtor's answer on stdout.
say() {
	n=$(lines "$TMP/out")
	echo "$1" >&3
	wait_for "an answer to '$1'" more_lines "$TMP/out" "$n"
}
# play_end CASE CODE: hang up; play exits with CODE (1 when turns were
# lost: said, and the exit status says so too).
play_end() {
	echo "/end" >&3
	exec 3>&-
	wait "$player"
	expect_eq "$1: play exit code" "$?" "$2"
}
# gaps ID: turns missing below the highest stored, and the count.
gaps() {
	sqlite3 "$db" "SELECT coalesce(max(number), 0) - count(*), count(*) FROM turns WHERE session_id = $1"
}

# 1. The lock is taken after turn 3 and freed two lines later.
: >"$TMP/out"
play_start 1
say "Hi, this is Sam from Greenline Wholesale."
wait_for "turns 1-3 saved" count_at_least 1 3
hold
say "I'm calling about invoices INV-2291 and INV-2307."
say "Can I ask what happened?"
expect_eq "1: nothing written while locked" \
	"$(sqlite3 "$db" "SELECT count(*) FROM turns WHERE session_id = 1")" 3
release
say "What do you think would work for you?"
play_end 1 0
expect_grep "1: turn 4 waits" "$TMP/err" \
	'^recoup: warning: turn 4 could not be saved yet \(database locked\); it will be written when the database is free$'
for n in 5 6 7; do
	expect_grep "1: turn $n waits" "$TMP/err" \
		"^recoup: warning: turn $n could not be saved yet \\(database locked\\); it will be written when the database is free\$"
done
expect_grep "1: the waiting turns saved, in one go" "$TMP/err" '^recoup: turns 4–8 saved$'
expect_no_grep "1: nothing said twice, nothing lost" "$TMP/err" 'turn 8 could not|not being saved'
expect_eq "1: status" "$(sqlite3 "$db" "SELECT status, turns FROM sessions WHERE id = 1")" "complete|9"
expect_eq "1: no gap, every turn" "$(gaps 1)" "0|9"
expect_eq "1: turns in order" "$(sqlite3 "$db" "SELECT group_concat(speaker, ' ') FROM (SELECT speaker FROM turns WHERE session_id = 1 ORDER BY number)")" \
	"debtor collector debtor collector debtor collector debtor collector debtor"
expect_eq "1: the waiting turns' text" "$(sqlite3 "$db" "SELECT text FROM turns WHERE session_id = 1 AND number = 6")" \
	"Can I ask what happened?"
"$RECOUP" show 1 --db "$db" >"$TMP/show1" 2>&1
expect_grep "1: show has the turn said while locked" "$TMP/show1" '^ +6 You: Can I ask what happened\?$'

# 2. The lock is still held when the call ends: the session is not
# stored as complete; once the process is gone it reads as interrupted
# (readers only read; the next command that saves a call marks it), with
# the turns before the first unsaved one.
play_start 2
say "Hi, this is Sam from Greenline Wholesale."
wait_for "turns 1-3 saved" count_at_least 2 3
hold
say "I'm calling about invoices INV-2291 and INV-2307."
play_end 2 1
release
expect_grep "2: turn 4 waits" "$TMP/err" 'turn 4 could not be saved yet \(database locked\)'
expect_grep "2: the end says what happened" "$TMP/err" \
	'^recoup: warning: turns 4–5 could not be saved \(database locked\), nor the end of the call: session 2 keeps turns 1–3 only and will be marked interrupted the next time the database is opened$'
"$RECOUP" history --db "$db" --format json >"$TMP/hist" 2>&1
expect_eq "2: read as interrupted" \
	"$(grep '^{"id": 2,' "$TMP/hist" | grep -c '"status": "interrupted"')" 1
: >"$TMP/empty.script"
"$RECOUP" run forgetful-florist --script "$TMP/empty.script" --db "$db" >/dev/null 2>&1
expect_eq "2: marked by the next writer" "$(sqlite3 "$db" "SELECT status, turns FROM sessions WHERE id = 2")" "interrupted|3"
expect_eq "2: no gap" "$(gaps 2)" "0|3"
finish
