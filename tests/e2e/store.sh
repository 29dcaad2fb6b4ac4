#!/bin/sh
# Session records: concurrent writers, a killed call, what supervisors see
# (history, show, compare, leaderboard, export, report) and the safety of
# names in HTML and CSV.  Uses only the recoup binary and POSIX tools.
# With RECOUP_TEST_BACKEND=pg every database is one on a throwaway
# PostgreSQL server (tests/e2e/pgkit.sh) instead of an SQLite file.
. "$(dirname "$0")/lib.sh"
. "$SRC/tests/e2e/pgkit.sh"
store_backend

DB=$(newdb records)
script=tests/golden/forgetful-courteous.script
WRITERS=16

# 1. Sixteen processes each saving ten sessions at once into one database.
i=1
while [ $i -le $WRITERS ]; do
	(
		j=1
		while [ $j -le 10 ]; do
			"$RECOUP" run forgetful-florist --seed $j --script "$script" \
			    --db "$DB" --trainee "writer$i" --cohort load >/dev/null \
			    2>>"$TMP/load.err" || echo "run failed" >>"$TMP/load.err"
			j=$((j + 1))
		done
	) &
	i=$((i + 1))
done
wait
expect_eq "concurrent writers: no errors" "$(cat "$TMP/load.err")" ""
"$RECOUP" history --db "$DB" --cohort load --format csv >"$TMP/load.csv"
expect_eq "concurrent writers: $((WRITERS * 10)) sessions" \
    "$(($(wc -l <"$TMP/load.csv") - 1))" $((WRITERS * 10))
# Every session is complete with every turn of the call (column 13).
"$RECOUP" run forgetful-florist --seed 1 --script "$script" --db "$DB" \
    --trainee solo >"$TMP/solo.out"
want=$("$RECOUP" history --db "$DB" --trainee solo --format csv | tail -n 1 | cut -d, -f13)
expect_eq "a call has its turns" "$([ "$want" -gt 20 ] && echo ok)" ok
expect_eq "concurrent writers: all complete with all turns" \
    "$(tail -n +2 "$TMP/load.csv" | cut -d, -f11,13 | sort -u)" "complete,$want"
w=1
while [ $w -le $WRITERS ]; do
	n=$(grep -c ",writer$w,load," "$TMP/load.csv")
	expect_eq "writer$w saved ten sessions" "$n" 10
	w=$((w + 1))
done

# show re-renders a stored call as it was played.
id=$("$RECOUP" history --db "$DB" --trainee solo --format csv | tail -n 1 | cut -d, -f1)
"$RECOUP" show "$id" --db "$DB" >"$TMP/show.out"
expect_eq "show: exit code" "$?" 0
sed -n '/== Scorecard ==/,$p' "$TMP/solo.out" >"$TMP/card.run"
sed -n '/== Scorecard ==/,$p' "$TMP/show.out" >"$TMP/card.show"
if cmp -s "$TMP/card.run" "$TMP/card.show"; then pass; else
	fail "show: the scorecard differs from the one the call printed"
	diff "$TMP/card.run" "$TMP/card.show" | head -10 >&2
fi
expect_eq "show: every turn" "$(grep -Ec '^ *[0-9]+ (Maria:|You:|\()' "$TMP/show.out")" "$want"
"$RECOUP" show 99999 --db "$DB" >/dev/null 2>"$TMP/err"
expect_eq "show: unknown session exit code" "$?" 2
expect_grep "show: unknown session message" "$TMP/err" "^recoup: no session 99999 in database"

# 2. A call killed with SIGKILL keeps what was said and shows as interrupted.
KDB=$(newdb kill)
mkfifo "$TMP/fifo"
"$RECOUP" play forgetful-florist --seed 5 --db "$KDB" --trainee killed \
    <"$TMP/fifo" >"$TMP/play.out" 2>&1 &
pid=$!
exec 3>"$TMP/fifo"
printf '%s\n' "Hello, this is Sam from Greenline Wholesale. Am I speaking with Maria?" \
    "/note called about invoices" \
    "I'm calling about invoice GW-1182 for 1,840 dollars, due October 1st." >&3
# Wait until the turns are in the database (at most 10 s).
n=0
while [ $n -lt 100 ]; do
	turns=$("$RECOUP" history --db "$KDB" --format csv 2>/dev/null | tail -n +2 | cut -d, -f13)
	[ "${turns:-0}" -ge 6 ] && break
	sleep 0.1
	n=$((n + 1))
done
kill -9 $pid
wait $pid 2>/dev/null
exec 3>&-
"$RECOUP" history --db "$KDB" >"$TMP/hist.out"
expect_grep "killed call: interrupted" "$TMP/hist.out" "killed +forgetful-florist +interrupted"
kid=$("$RECOUP" history --db "$KDB" --format csv | tail -n 1 | cut -d, -f1)
"$RECOUP" show "$kid" --db "$KDB" >"$TMP/kshow.out"
expect_grep "killed call: first line kept" "$TMP/kshow.out" "You: Hello, this is Sam from Greenline"
expect_grep "killed call: note kept" "$TMP/kshow.out" "/note called about invoices"
expect_grep "killed call: last line kept" "$TMP/kshow.out" "You: I'm calling about invoice GW-1182"
expect_grep "killed call: debtor replies kept" "$TMP/kshow.out" "^ +6 Maria: "
# rescore gives the interrupted call a scorecard from what was said.
"$RECOUP" rescore --db "$KDB" >"$TMP/rescore.out"
expect_grep "rescore: scored the interrupted call" "$TMP/rescore.out" "^rescored 1 session"
"$RECOUP" show "$kid" --db "$KDB" >"$TMP/kshow2.out"
expect_grep "rescore: show has a scorecard" "$TMP/kshow2.out" "== Scorecard =="

# The end of piped input hangs up like Ctrl-D and /end: the call is
# complete (only Ctrl-C on a terminal abandons a call, tests/e2e/tmux.sh).
printf 'Hello, is this Maria?\n' | "$RECOUP" play forgetful-florist --seed 2 \
    --db "$KDB" --trainee leaver >/dev/null
printf 'Hello, is this Maria?\n/end\n' | "$RECOUP" play forgetful-florist --seed 2 \
    --db "$KDB" --trainee ender >/dev/null
"$RECOUP" history --db "$KDB" >"$TMP/hist2.out"
expect_grep "end of input: complete" "$TMP/hist2.out" "leaver +forgetful-florist +complete"
expect_grep "/end: complete" "$TMP/hist2.out" "ender +forgetful-florist +complete"

# History columns fit the shipped scenario ids whole; a longer id or name
# is cut with an ellipsis, never silently.
sed 's/"id": "tiny"/"id": "tiny-scenario-with-a-very-long-identifier"/' \
    tests/data/tiny.json >"$TMP/long.json"
CDB=$(newdb cols)
printf 'hello\n/end\n' | "$RECOUP" play followup-broken-promise --seed 1 \
    --db "$CDB" --trainee short >/dev/null
printf 'hello\n/end\n' | "$RECOUP" play "$TMP/long.json" --seed 1 \
    --db "$CDB" --trainee a-trainee-with-a-long-name >/dev/null
"$RECOUP" history --db "$CDB" >"$TMP/cols.out"
expect_grep "history: a 23-character id whole" "$TMP/cols.out" \
    " short +followup-broken-promise +complete "
expect_grep "history: a long id cut with an ellipsis" "$TMP/cols.out" \
    " a-trainee-with-…  tiny-scenario-with-a-ve…  complete "
expect_eq "history: columns line up" \
    "$(sed 's/…/./g' "$TMP/cols.out" | awk 'NR > 1 && !/Agreement:/ { print index($0, "complete") }' | sort -u)" \
    "$(head -1 "$TMP/cols.out" | awk '{ print index($0, "STATUS") }')"

# A file that is not a database is refused and left alone.
printf 'notes\n' >"$TMP/notes.txt"
"$RECOUP" history --db "$TMP/notes.txt" >/dev/null 2>"$TMP/err"
expect_eq "not a database: exit code" "$?" 2
expect_grep "not a database: message" "$TMP/err" "^recoup: '.*notes.txt' is not a recoup database"
expect_eq "not a database: untouched" "$(cat "$TMP/notes.txt")" "notes"

# --no-save writes nothing.
"$RECOUP" run forgetful-florist --script "$script" --db "$TMP/none.db" --no-save >/dev/null
expect_eq "--no-save: no database" "$([ -e "$TMP/none.db" ] && echo exists)" ""

# 3. Names that try to be code stay text in HTML, CSV and the terminal.
EDB=$(newdb evil)
for name in '<script>alert(1)</script>' '=HYPERLINK("x")' '+cmd|calc' "$(printf 'esc\033[31mred')"; do
	"$RECOUP" run forgetful-florist --script "$script" --db "$EDB" \
	    --trainee "$name" --cohort '<b>team</b>' >/dev/null
done
"$RECOUP" export --format csv --db "$EDB" >"$TMP/evil.csv"
expect_grep "csv: formula neutralised and quoted" "$TMP/evil.csv" ",\"'=HYPERLINK\(\"\"x\"\"\)\","
expect_grep "csv: plus neutralised" "$TMP/evil.csv" ",'\+cmd\|calc,"
expect_no_grep "csv: no cell starts a formula" "$TMP/evil.csv" ',"?[=+@]'
"$RECOUP" compare --db "$EDB" --format csv >"$TMP/evilc.csv"
expect_no_grep "compare csv: no cell starts a formula" "$TMP/evilc.csv" '(^|,)"?[=+@]'
"$RECOUP" report --html "$TMP/evil.html" --db "$EDB" --cohort '<b>team</b>' --title '<i>t</i>'
expect_eq "report: exit code" "$?" 0
expect_no_grep "html: no script element" "$TMP/evil.html" "<script"
expect_grep "html: the name escaped" "$TMP/evil.html" "&lt;script&gt;alert\(1\)&lt;/script&gt;"
expect_grep "html: the cohort escaped" "$TMP/evil.html" "&lt;b&gt;team&lt;/b&gt;"
expect_grep "html: content security policy" "$TMP/evil.html" \
    "Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\""
expect_no_grep "html: no external assets" "$TMP/evil.html" "(src|href)=\"(https?:)?//"
"$RECOUP" history --db "$EDB" >"$TMP/evil.txt"
if grep -q "$(printf '\033')" "$TMP/evil.txt"; then
	fail "history: an escape sequence reached the terminal"
else pass; fi

# 4. Supervisor views and exports.
"$RECOUP" compare --db "$DB" --cohort load >"$TMP/cmp.txt"
expect_grep "compare: a row per trainee" "$TMP/cmp.txt" "^writer$WRITERS +10 "
"$RECOUP" compare --db "$DB" --format json >"$TMP/cmp.json"
expect_grep "compare json" "$TMP/cmp.json" '"trainee": "writer1", "sessions": 10'
"$RECOUP" leaderboard --db "$DB" --cohort load >"$TMP/lb.txt"
expect_eq "leaderboard: a row per trainee" "$(grep -c "^ *[0-9]*  writer" "$TMP/lb.txt")" $WRITERS
"$RECOUP" export --format xapi --db "$DB" --trainee solo >"$TMP/x.jsonl"
expect_eq "xapi: completed and passed/failed" "$(wc -l <"$TMP/x.jsonl" | tr -d ' ')" 2
expect_grep "xapi: completed verb" "$TMP/x.jsonl" '"verb": \{"id": "http://adlnet.gov/expapi/verbs/completed"'
expect_grep "xapi: scaled score" "$TMP/x.jsonl" '"score": \{"scaled": [01]\.[0-9]{4}'
expect_grep "xapi: activity" "$TMP/x.jsonl" '"id": "https://recoup.invalid/scenarios/forgetful-florist"'
"$RECOUP" export --format json --db "$DB" --trainee solo >"$TMP/x.json"
expect_grep "export json" "$TMP/x.json" '^ \{"id": [0-9]+, "trainee": "solo"'
today=$(date +%Y-%m-%d)
expect_eq "--since today" "$("$RECOUP" history --db "$DB" --since "$today" --format csv | wc -l | tr -d ' ')" \
    $((WRITERS * 10 + 2))
expect_eq "--until 2000-01-01" "$("$RECOUP" history --db "$DB" --until 2000-01-01)" "No sessions match."
"$RECOUP" history --db "$DB" --since 2024-13-01 2>"$TMP/err"
expect_eq "bad date: exit code" "$?" 2
expect_grep "bad date: message" "$TMP/err" "^recoup: invalid date '2024-13-01': expected YYYY-MM-DD$"

# 5. Drills: played from a pipe, tagged with the drill and cohort.
cat "$script" "$script" "$script" | grep -v '^#' | awk '{print} /Goodbye/ {print "/end"}' \
    >"$TMP/drill.in"
DDB=$(newdb drill)
"$RECOUP" drill scenarios/drills/onboarding-week1.json --trainee dora \
    --db "$DDB" <"$TMP/drill.in" >"$TMP/drill.out"
expect_eq "drill: exit code" "$?" 0
expect_grep "drill: third call" "$TMP/drill.out" "call 3 of 3"
"$RECOUP" history --db "$DDB" --drill onboarding-week1 --cohort onboarding \
    --format csv >"$TMP/drill.csv"
expect_eq "drill: three sessions" "$(($(wc -l <"$TMP/drill.csv") - 1))" 3
expect_grep "drill: seed 7 first" "$TMP/drill.csv" "^1,.*,forgetful-florist,[^,]*,7,"
printf '{"name": "x", "calls": [{"scenario": "forgetful-florist"}]}' >"$TMP/bad-drill.json"
"$RECOUP" drill "$TMP/bad-drill.json" --no-save </dev/null >/dev/null 2>"$TMP/err"
expect_eq "bad drill: exit code" "$?" 2
expect_grep "bad drill: message" "$TMP/err" "bad-drill.json: /calls/0/seed: expected a whole number"

# Reading a database that is not there is refused, not created empty.
for c in history compare export; do
	if [ $c = export ]; then set -- --format csv; else set --; fi
	"$RECOUP" $c "$@" --db "$TMP/typo.db" >/dev/null 2>"$TMP/err"
	expect_eq "$c on a missing database: exit" "$?" 2
	expect_grep "$c on a missing database: message" "$TMP/err" \
	    "^recoup: no session database at '$TMP/typo.db'"
	if [ -e "$TMP/typo.db" ]; then fail "$c created $TMP/typo.db"; else pass; fi
done

# A server: a database that is not there, one without the schema, and a
# password never shown.
if [ -n "$PG" ]; then
	"$RECOUP" history --db "postgresql://postgres:s3cret@/nosuchdb?host=$PGHOST&port=$PGPORT" \
	    >/dev/null 2>"$TMP/err"
	expect_eq "no such server database: exit" "$?" 2
	expect_grep "no such server database: message" "$TMP/err" \
	    "^recoup: cannot connect to database \"postgresql://postgres:\*\*\*@/nosuchdb.*\": .*nosuchdb"
	expect_no_grep "no such server database: password masked" "$TMP/err" "s3cret"
	"$RECOUP" history --db "host=$PGHOST port=$PGPORT dbname=nosuchdb password=s3cret" \
	    >/dev/null 2>"$TMP/err"
	expect_eq "key=value: exit" "$?" 2
	expect_grep "key=value: password masked" "$TMP/err" "password=\*\*\*"
	expect_no_grep "key=value: no password" "$TMP/err" "s3cret"
	# libpq's own ways: a service file, and PG* variables under a
	# key=value string.
	printf '[recoup-test]\nhost=%s\nport=%s\ndbname=records\nuser=postgres\n' \
	    "$PGHOST" "$PGPORT" >"$TMP/pg_service.conf"
	expect_eq "service=: the same sessions" \
	    "$(PGSERVICEFILE=$TMP/pg_service.conf "$RECOUP" history --db service=recoup-test --format csv | wc -l | tr -d ' ')" \
	    $((WRITERS * 10 + 2))
	expect_eq "dbname= with PGHOST, PGPORT, PGUSER: the same sessions" \
	    "$(RECOUP_DB=dbname=records "$RECOUP" history --format csv | wc -l | tr -d ' ')" \
	    $((WRITERS * 10 + 2))
	XDG_CONFIG_HOME=$TMP/cfg "$RECOUP" config set db "postgresql://u:s3cret@/x?host=$PGHOST"
	XDG_CONFIG_HOME=$TMP/cfg "$RECOUP" config get db >"$TMP/cfg.out"
	XDG_CONFIG_HOME=$TMP/cfg "$RECOUP" config list --all >>"$TMP/cfg.out"
	expect_no_grep "config get/list: password masked" "$TMP/cfg.out" "s3cret"
	expect_grep "config get: the rest shown" "$TMP/cfg.out" "^postgresql://u:\*\*\*@/x"
	empty=$(newdb empty)
	"$RECOUP" history --db "$empty" >/dev/null 2>"$TMP/err"
	expect_eq "server without the schema: exit" "$?" 2
	expect_grep "server without the schema: message" "$TMP/err" \
	    "^recoup: no sessions in database .*recoup db init"
fi

finish
