#!/bin/sh
# Control sequences in files, scripts and stored sessions never reach the
# terminal raw: a scenario, a rubric, a drill, a transcript, a script and
# a stored session (trainee, cohort) carry a clipboard write (ESC ] 52),
# a screen clear (ESC [ 2 J), a window title (ESC ] 0 ;), BEL and the C1
# CSI (0x9B raw and U+009B as UTF-8); every command that shows them must
# print them visibly (the output filter, src/safe.c) and put no raw ESC,
# BEL or C1 byte on stdout or stderr.  A bidirectional override in a name
# is shown as its code point too.
. "$(dirname "$0")/lib.sh"
export RECOUP_PATTERN_CACHE=off
ESC=$(printf '\033')
BEL=$(printf '\007')
C1=$(printf '\233')
# The payload in raw bytes (text files, arguments) and as JSON escapes.
H=$(printf '\033]52;c;SGVsbG8=\007\033[2J\033]0;pwned\007\007\2332J\302\2332J')
# The same without the raw 0x9B, for files that must be UTF-8 and for
# names (--trainee, --cohort), which must be UTF-8 too (refused otherwise).
H8=$(printf '\033]52;c;SGVsbG8=\007\033[2J\033]0;pwned\007\007\302\2332J')
HJ='\\u001b]52;c;SGVsbG8=\\u0007\\u001b[2J\\u001b]0;pwned\\u0007\\u0007\\u009b2J'
# What the payload looks like once filtered.
SHOWN='\^\[\]52;c;SGVsbG8=\^G\^\[\[2J\^\[\]0;pwned\^G\^G'

# raw_free WHAT FILE: no ESC, BEL, or C1 byte (a 0x9B that does not
# continue a UTF-8 character other than U+009B) in FILE.
raw_free() {
	if LC_ALL=C grep -q "$ESC" "$2"; then
		fail "$1: a raw ESC in the output"
		LC_ALL=C grep -n "$ESC" "$2" | head -3 | od -c | head -8 >&2
	elif LC_ALL=C grep -q "$BEL" "$2"; then
		fail "$1: a raw BEL in the output"
	elif LC_ALL=C grep -qE "(^|[ -~]|$(printf '\302'))$C1" "$2"; then
		fail "$1: a raw C1 CSI in the output"
	else
		pass
	fi
}
# run_cmd NAME CMD...: stdout and stderr of CMD into $TMP/NAME.out
run_cmd() {
	name=$1
	shift
	"$@" >"$TMP/$name.out" 2>&1
	raw_free "$name" "$TMP/$name.out"
}

# A scenario: title, version, summary, names, creditor, research, replies
# (two the same, for a lint message that quotes one) and an example.
mkdir -p "$TMP/sc"
sed -e 's|"id": "tiny"|"id": "hostile"|' \
    -e "s|\"Tiny test debtor\"|\"Tiny $HJ debtor\"|" \
    -e "s|\"1.0.0\"|\"1.0.0$HJ\"|" \
    -e "s|\"A minimal debtor used by the unit tests.\"|\"Sum $HJ mary\"|" \
    -e "s|\"Tess Tiny\"|\"Tess$HJ Tiny\"|g" \
    -e "s|\"Acme\"|\"Acme$HJ\"|" \
    -e "s|\"Bought a boat.\"|\"Bought $HJ a boat.\"|" \
    -e "s|\"Hello?\"|\"Hello?$HJ\"|" \
    -e "s|\"Hi, who is it?\", \"Yes, hi?\", \"Hello to you.\"|\"Hi $HJ\", \"Yes, hi?\", \"Hello to you.\"|" \
    -e "s|\"Mm-hm.\", \"Go on.\", \"Right.\"|\"Mm $HJ\", \"Mm $HJ\", \"Right.\"|" \
    -e "s|\"hello there\"|\"hello there $HJ\"|" \
    tests/data/tiny.json >"$TMP/sc/hostile.json"
expect_grep "the scenario carries the payload" "$TMP/sc/hostile.json" 'u001b\]52'

# A rubric whose first practice's title and tip carry it.
mkdir -p "$TMP/rubric"
sed -e "s|\"Treat every call as a negotiation\"|\"Treat $HJ every call\"|" \
    -e "s|\"Before you hang up, name the next step|\"Before $HJ you hang up, name the next step|" \
    scoring/rubric.json >"$TMP/rubric/rubric.json"
export RECOUP_RUBRIC="$TMP/rubric"

# A script: its lines are echoed and stored.
printf 'hello %s\nwhat can you pay %s\n/note %s\nok %s\nbye\n' "$H" "$H" "$H" "$H" \
	>"$TMP/script.txt"
db="$TMP/h.db"

run_cmd run "$RECOUP" run "$TMP/sc/hostile.json" --script "$TMP/script.txt" \
	--db "$db" --trainee "Eve$H8" --cohort "c$H8"
expect_grep "run: the title shown" "$TMP/run.out" "^Tiny $SHOWN"
expect_grep "run: a reply shown" "$TMP/run.out" "^Tess.*: Hi $SHOWN"
expect_grep "run: the script's line shown" "$TMP/run.out" "^You: hello $SHOWN"
expect_grep "run: the rubric's title shown" "$TMP/run.out" "Treat $SHOWN.x9b2J every call"
run_cmd run-json "$RECOUP" run "$TMP/sc/hostile.json" --script "$TMP/script.txt" \
	--no-save --format json
expect_grep "run json: escaped" "$TMP/run-json.out" 'u001b\]52;c;SGVsbG8=\\u0007'
run_cmd run-trace "$RECOUP" run "$TMP/sc/hostile.json" --script "$TMP/script.txt" \
	--no-save --trace
printf '%s\n' 'hello' '/case' '/research' '/why' '/end' |
	run_cmd play "$RECOUP" play "$TMP/sc/hostile.json" --no-save --mode practice
expect_grep "play: the case file shown" "$TMP/play.out" "Acme$SHOWN"
run_cmd understand "$RECOUP" understand "$TMP/sc/hostile.json" "hello $H"
run_cmd graph "$RECOUP" graph "$TMP/sc/hostile.json"
run_cmd list "$RECOUP" list --scenarios "$TMP/sc"
expect_grep "list: the title shown" "$TMP/list.out" "Tiny $SHOWN"
run_cmd list-json "$RECOUP" list --json --scenarios "$TMP/sc"
run_cmd lint "$RECOUP" lint "$TMP/sc/hostile.json"
expect_grep "lint: the repeated reply quoted (as JSON)" "$TMP/lint.out" 'reply "Mm .u001b]52;c;SGVsbG8=.u0007'
# An unreadable file named with the payload: the message quotes the name.
run_cmd lint-name "$RECOUP" lint "$TMP/sc/x$H.json"
expect_grep "lint: the file name shown" "$TMP/lint-name.out" "x$SHOWN"
run_cmd test "$RECOUP" test "$TMP/sc/hostile.json"

# A drill: its title is the header of every call.
cat >"$TMP/drill.json" <<JSON
{ "name": "d1", "title": "Drill $(echo "$HJ" | sed 's/\\\\/\\/g')", "cohort": "c1",
  "calls": [ { "scenario": "$TMP/sc/hostile.json", "seed": 3 } ] }
JSON
printf 'hello %s\n/end\n' "$H" |
	run_cmd drill "$RECOUP" drill "$TMP/drill.json" --db "$db" --trainee "Eve$H8"
expect_grep "drill: the header shown" "$TMP/drill.out" "== Drill Drill $SHOWN"

# A transcript: front matter and lines (UTF-8, so no raw 0x9B: a file
# with one is refused, and that message is checked too).
cat >"$TMP/call.txt" <<EOT
---
debtor: Dee$H8
creditor: Acme$H8
balance: 500
---
Collector: Hi, this is Sam from Acme$H8 about invoice INV-1 for \$500.
Debtor: I can't pay $H8 right now.
Collector: What could you manage $H8?
EOT
run_cmd score "$RECOUP" score "$TMP/call.txt"
expect_grep "score: evidence shown" "$TMP/score.out" "Acme$SHOWN.x9b2J about"
printf 'Collector: hi %s\n' "$H" >"$TMP/raw.txt"
run_cmd score-raw "$RECOUP" score "$TMP/raw.txt"
run_cmd score-json "$RECOUP" score "$TMP/call.txt" --format json

# The stored sessions, every way they are read back.
run_cmd show "$RECOUP" show 1 --db "$db"
expect_grep "show: the debtor's line shown" "$TMP/show.out" "Tess.*: Hi $SHOWN"
expect_grep "show: the script's line shown" "$TMP/show.out" "You: hello $SHOWN"
run_cmd show-json "$RECOUP" show 1 --db "$db" --format json
run_cmd history "$RECOUP" history --db "$db"
expect_grep "history: the trainee shown" "$TMP/history.out" "Eve\^\[\]52"
for f in csv json; do
	run_cmd "history-$f" "$RECOUP" history --db "$db" --format $f
	run_cmd "compare-$f" "$RECOUP" compare --db "$db" --format $f
	run_cmd "leaderboard-$f" "$RECOUP" leaderboard --db "$db" --format $f
done
run_cmd compare "$RECOUP" compare --db "$db"
expect_grep "compare: the trainee shown" "$TMP/compare.out" "Eve\^\[\]52"
run_cmd leaderboard "$RECOUP" leaderboard --db "$db"
expect_grep "leaderboard: the trainee shown" "$TMP/leaderboard.out" "Eve\^\[\]52"
for f in csv json xapi; do
	run_cmd "export-$f" "$RECOUP" export --db "$db" --format $f
done
run_cmd report "$RECOUP" report --db "$db" --html "$TMP/r.html"
raw_free "report: the HTML file" "$TMP/r.html"
run_cmd rescore "$RECOUP" rescore --db "$db"
run_cmd history-after "$RECOUP" history --db "$db" --cohort "c$H8"

# A right-to-left override (U+202E) in a name would show the rest of the
# line reversed ("Bob" + RLO + "gnp.exe" reads as "Bobexe.png"): shown as
# \u202e in every text table, never as the raw character.
RLO=$(printf '\342\200\256')
printf 'hello\n/end\n' >"$TMP/bidi.script"
"$RECOUP" run "$TMP/sc/hostile.json" --script "$TMP/bidi.script" --db "$db" \
    --trainee "Bob${RLO}gnp" >/dev/null 2>&1
for c in history compare leaderboard; do
	"$RECOUP" $c --db "$db" >"$TMP/bidi-$c.out" 2>&1
	expect_grep "$c: the override shown" "$TMP/bidi-$c.out" 'Bob\\u202egnp'
	if grep -q "$RLO" "$TMP/bidi-$c.out"; then
		fail "$c: a raw U+202E in the output"
	else
		pass
	fi
done
finish
