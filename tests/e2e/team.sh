#!/bin/sh
# docs/team.md run as written against a throwaway PostgreSQL server
# (tests/e2e/pgkit.sh): its SQL blocks, each as the role and on the
# database its first line names, and its `recoup db init`.  Then a team
# session: three trainees on "different machines" (their own config
# homes) play a drill into the one database; each sees only their own
# calls and cannot store under another name; the supervisor's compare
# and HTML report show all three.
. "$(dirname "$0")/lib.sh"
. "$SRC/tests/e2e/pgkit.sh"
RECOUP_TEST_BACKEND=pg
store_backend

# url USER: the connection string of database recoup as USER.
url() {
	printf 'postgresql://%s@/recoup?host=%s&port=%s\n' "$1" "$PGHOST" "$PGPORT"
}

# The SQL blocks of the doc, in order: "-- as ROLE on DB" first.
awk -v dir="$TMP" '
	/^```sql$/ { n++; f = sprintf("%s/block%02d.sql", dir, n); on = 1; next }
	/^```$/ && on { on = 0; close(f); next }
	on { print > f }
' docs/team.md
expect_eq "the doc has its SQL blocks" "$(ls "$TMP"/block*.sql | wc -l | tr -d ' ')" 3
run_block() {
	head -1 "$1" | grep -Eq '^-- as [a-z_]+ on [a-z_]+$' ||
	    fail "$(basename "$1"): first line is not '-- as ROLE on DB'"
	role=$(head -1 "$1" | cut -d' ' -f3)
	dbname=$(head -1 "$1" | cut -d' ' -f5)
	if psql -X -q -v ON_ERROR_STOP=1 -U "$role" -d "$dbname" -f "$1" \
	    >"$TMP/psql.out" 2>&1; then pass; else
		fail "docs/team.md: $(basename "$1") as $role failed"
		cat "$TMP/psql.out" >&2
	fi
}

# 1. The trainer and the database.
run_block "$TMP/block01.sql"
# 2. recoup db init, as the doc says (twice: nothing changes).
grep -q '^recoup db init --db postgresql://trainer@dbhost/recoup$' docs/team.md ||
    fail "docs/team.md: the db init line changed"
"$RECOUP" db init --db "$(url trainer)" >"$TMP/init.out" 2>&1
expect_eq "db init: exit" "$?" 0
expect_grep "db init: says the version" "$TMP/init.out" \
    "^database 'postgresql://trainer@/recoup.*' is ready: schema version 6 \(PostgreSQL\)$"
"$RECOUP" db init --db "$(url trainer)" >/dev/null 2>&1
expect_eq "db init again: exit" "$?" 0
expect_eq "db init: the tables are the trainer's" \
    "$(pg_sql recoup "SELECT tableowner FROM pg_tables WHERE tablename = 'sessions'")" trainer
# 3 and 4. The roles, and a login per person.
run_block "$TMP/block02.sql"
run_block "$TMP/block03.sql"

# 5. Three trainees, each with their own config home, play the drill.
script=tests/golden/forgetful-courteous.script
cat "$script" "$script" "$script" | grep -v '^#' |
    awk '{print} /Goodbye/ {print "/end"}' >"$TMP/drill.in"
for who in alice bruno chen; do
	home=$TMP/home-$who
	mkdir -p "$home"
	(
		XDG_CONFIG_HOME=$home/config XDG_STATE_HOME=$home/state
		export XDG_CONFIG_HOME XDG_STATE_HOME
		unset RECOUP_DB RECOUP_TRAINEE
		"$RECOUP" config set trainee $who &&
		"$RECOUP" config set cohort onboarding &&
		"$RECOUP" config set db "$(url $who)" &&
		"$RECOUP" drill scenarios/drills/onboarding-week1.json \
		    <"$TMP/drill.in" >"$TMP/drill-$who.out" 2>"$TMP/drill-$who.err"
	) || fail "$who: the drill failed: $(cat "$TMP/drill-$who.err")"
done
for who in alice bruno chen; do
	n=$(XDG_CONFIG_HOME=$TMP/home-$who/config "$RECOUP" history --format csv |
	    tail -n +2 | wc -l | tr -d ' ')
	expect_eq "$who sees her or his own three calls" "$n" 3
done
expect_eq "alice sees no one else" \
    "$(XDG_CONFIG_HOME=$TMP/home-alice/config "$RECOUP" history --format csv | tail -n +2 | cut -d, -f4 | sort -u)" alice
# Storing under another name is refused by the server.
XDG_CONFIG_HOME=$TMP/home-alice/config "$RECOUP" run forgetful-florist \
    --script "$script" --trainee bruno >/dev/null 2>"$TMP/other.err"
expect_eq "alice as bruno: exit 2" "$?" 2
expect_grep "alice as bruno: refused" "$TMP/other.err" "row-level security"
expect_eq "alice as bruno: nothing stored" \
    "$(pg_sql recoup "SELECT count(*) FROM sessions WHERE trainee = 'bruno'")" 3

# 6. The supervisor sees the three of them.
"$RECOUP" compare --db "$(url sam)" --cohort onboarding >"$TMP/cmp.txt" 2>&1
expect_eq "compare: exit" "$?" 0
for who in alice bruno chen; do
	expect_grep "compare --cohort: $who" "$TMP/cmp.txt" "^$who +3 "
done
"$RECOUP" report --html "$TMP/team.html" --db "$(url sam)" --drill onboarding-week1 2>"$TMP/rep.err"
expect_eq "report: exit" "$?" 0
for who in alice bruno chen; do
	expect_grep "report --html: $who" "$TMP/team.html" ">$who<"
done
"$RECOUP" review 1 --set remain-calm=partial --by sam --db "$(url sam)" >/dev/null 2>"$TMP/rev.err"
expect_eq "the supervisor reviews: exit" "$?" 0
"$RECOUP" rescore --db "$(url sam)" --trainee alice >"$TMP/rescore.out" 2>&1
expect_eq "the supervisor rescores: exit" "$?" 0
XDG_CONFIG_HOME=$TMP/home-alice/config "$RECOUP" review 1 --set remain-calm=met \
    --by alice >/dev/null 2>"$TMP/rev2.err"
expect_eq "alice cannot review: exit 1" "$?" 1
expect_grep "alice cannot review: refused" "$TMP/rev2.err" "permission denied for table reviews"

# A call that cannot reach the server does not start.
pg_stop
XDG_CONFIG_HOME=$TMP/home-alice/config "$RECOUP" run forgetful-florist \
    --script "$script" >/dev/null 2>"$TMP/down.err"
expect_eq "server down at the start: exit 2" "$?" 2
expect_grep "server down at the start: message" "$TMP/down.err" \
    "^recoup: cannot connect to database \"postgresql://alice@/recoup"

finish
