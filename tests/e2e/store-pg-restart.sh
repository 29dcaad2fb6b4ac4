#!/bin/sh
# The PostgreSQL server stopped and started again in the middle of calls
# (tests/e2e/pgkit.sh): the call goes on, the trainee is told once, the
# turns wait in a 0600 spool file and reach the database when the server
# is back (at the next turn, or at the next recoup command when the call
# ended or was killed meanwhile); nothing lost, nothing twice.
. "$(dirname "$0")/lib.sh"
. "$SRC/tests/e2e/pgkit.sh"
RECOUP_TEST_BACKEND=pg
store_backend
XDG_STATE_HOME=$TMP/state
export XDG_STATE_HOME
DB=$(newdb restart)

# turns_in ID: "COUNT MAX" of session ID's turns on the server.
turns_in() {
	pg_sql restart "SELECT count(*) || ' ' || coalesce(max(number), 0) FROM turns WHERE session_id = $1" 2>/dev/null
}
# wait_turns ID N: until session ID has N turns (at most 10 s).
wait_turns() {
	n=0
	while [ $n -lt 100 ]; do
		[ "$(turns_in "$1" | cut -d' ' -f1)" -ge "$2" ] 2>/dev/null && return 0
		sleep 0.1
		n=$((n + 1))
	done
	return 1
}
# wait_grep FILE PATTERN: until FILE has a line matching (at most 10 s).
wait_grep() {
	n=0
	while [ $n -lt 100 ]; do
		grep -Eq -- "$2" "$1" && return 0
		sleep 0.1
		n=$((n + 1))
	done
	return 1
}
line1="Hello, this is Sam from Greenline Wholesale. Am I speaking with Maria?"
line2="I'm calling about invoice GW-1182 for 1,840 dollars, due October 1st."
line3="Why hasn't it been paid?"
line4="What would work for you?"

# 1. Stopped after two exchanges, back before the call ends.
mkfifo "$TMP/f1"
"$RECOUP" play forgetful-florist --seed 5 --db "$DB" --trainee stopped \
    <"$TMP/f1" >"$TMP/p1.out" 2>"$TMP/p1.err" &
pid=$!
exec 3>"$TMP/f1"
printf '%s\n' "$line1" "$line2" >&3
wait_turns 1 4 || fail "1: the first turns did not arrive"
pg_stop
printf '%s\n' "$line3" "$line4" >&3
wait_grep "$TMP/p1.err" "server is away" || fail "1: the trainee was not told"
spool=$(ls "$XDG_STATE_HOME"/recoup/spool/*-1.json 2>/dev/null)
expect_eq "1: a spool file" "$([ -f "$spool" ] && echo yes)" yes
wait_grep "$spool" "$(echo "$line4" | cut -c1-20)" || fail "1: the spool lacks the last line"
expect_eq "1: the spool is private" "$(stat -c %a "$spool")" 600
expect_eq "1: the spool directory is private" "$(stat -c %a "$(dirname "$spool")")" 700
pg_resume || fail "1: the server did not start again"
printf '%s\n' "Could you pay half today?" "/end" >&3
exec 3>&-
wait $pid
expect_eq "1: exit code" "$?" 0
expect_eq "1: told once" "$(grep -c "server is away" "$TMP/p1.err")" 1
expect_grep "1: told it is back" "$TMP/p1.err" "server is back: turns [0-9]+–[0-9]+ saved"
expect_eq "1: spool removed" "$(ls "$XDG_STATE_HOME"/recoup/spool/ | wc -l | tr -d ' ')" 0
set -- $(turns_in 1)
expect_eq "1: every turn once, no gap" "$1" "$2"
expect_eq "1: complete with every turn" \
    "$(pg_sql restart "SELECT status, turns FROM sessions WHERE id = 1")" "complete|$2"
expect_eq "1: scored" "$(pg_sql restart "SELECT count(*) FROM scores WHERE session_id = 1")" 1
"$RECOUP" show 1 --db "$DB" >"$TMP/show1.out"
expect_grep "1: show has the line said while away" "$TMP/show1.out" "You: What would work for you"

# 2. Stopped, and the call ends before the server is back: the next
# recoup command writes the spool back.
mkfifo "$TMP/f2"
"$RECOUP" play forgetful-florist --seed 6 --db "$DB" --trainee ended \
    <"$TMP/f2" >"$TMP/p2.out" 2>"$TMP/p2.err" &
pid=$!
exec 3>"$TMP/f2"
printf '%s\n' "$line1" >&3
wait_turns 2 2 || fail "2: the first turns did not arrive"
pg_stop
printf '%s\n' "$line2" "$line3" "/end" >&3
exec 3>&-
wait $pid
expect_eq "2: exit code (the record is not whole yet)" "$?" 1
expect_grep "2: said where the turns are" "$TMP/p2.err" "still away: session 2's last turns and its end are kept in"
expect_eq "2: told once" "$(grep -c "server is away" "$TMP/p2.err")" 1
pg_resume || fail "2: the server did not start again"
"$RECOUP" history --db "$DB" --trainee ended >"$TMP/h2.out" 2>"$TMP/h2.err"
expect_grep "2: the next command saves them" "$TMP/h2.err" "turns kept on this computer .* now saved"
expect_grep "2: complete" "$TMP/h2.out" "ended +forgetful-florist +complete"
set -- $(turns_in 2)
expect_eq "2: every turn once, no gap" "$1" "$2"
expect_eq "2: seven turns (the greeting, three exchanges)" "$1" 7
expect_eq "2: spool removed" "$(ls "$XDG_STATE_HOME"/recoup/spool/ | wc -l | tr -d ' ')" 0
"$RECOUP" rescore --db "$DB" --trainee ended >/dev/null
expect_eq "2: rescore scores it" "$(pg_sql restart "SELECT count(*) FROM scores WHERE session_id = 2")" 1

# 3. Stopped, then the call is killed: the spool written so far is saved
# by the next command and the session is interrupted.
mkfifo "$TMP/f3"
"$RECOUP" play forgetful-florist --seed 7 --db "$DB" --trainee killed \
    <"$TMP/f3" >"$TMP/p3.out" 2>"$TMP/p3.err" &
pid=$!
exec 3>"$TMP/f3"
printf '%s\n' "$line1" >&3
wait_turns 3 2 || fail "3: the first turns did not arrive"
pg_stop
printf '%s\n' "$line2" >&3
wait_grep "$TMP/p3.err" "server is away" || fail "3: the trainee was not told"
spool=$(ls "$XDG_STATE_HOME"/recoup/spool/*-3.json 2>/dev/null)
wait_grep "$spool" "GW-1182" || fail "3: the spool lacks the line"
kill -9 $pid
wait $pid 2>/dev/null
exec 3>&-
pg_resume || fail "3: the server did not start again"
"$RECOUP" history --db "$DB" --trainee killed >"$TMP/h3.out" 2>/dev/null
"$RECOUP" run forgetful-florist --seed 1 --script tests/golden/forgetful-courteous.script \
    --db "$DB" --trainee after >/dev/null 2>&1
"$RECOUP" history --db "$DB" --trainee killed >"$TMP/h3.out" 2>/dev/null
expect_grep "3: interrupted" "$TMP/h3.out" "killed +forgetful-florist +interrupted"
set -- $(turns_in 3)
expect_eq "3: every turn once, no gap" "$1" "$2"
expect_eq "3: five turns (the greeting, two exchanges)" "$1" 5
expect_eq "3: spool removed" "$(ls "$XDG_STATE_HOME"/recoup/spool/ | wc -l | tr -d ' ')" 0

finish
