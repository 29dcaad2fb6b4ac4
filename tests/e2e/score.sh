#!/bin/sh
# `recoup score`: recorded calls scored with the rubric.  Usage errors and
# exit codes, the exact messages for every bad transcript in
# tests/score/bad/ (its .err file), JSON Lines output and --strict.  (The
# parity of `score` with `run` is score-parity.sh.)  $JSONGET
# (tests/tools/jsonget.c) reads the JSON.
. "$(dirname "$0")/lib.sh"
: "${JSONGET:?JSONGET must point at the jsonget test tool}"

good=tests/score/forgetful-courteous.txt
rude=tests/score/forgetful-rude.txt

# A credit the collector grants comes off what the agreement must clear.
"$RECOUP" score tests/score/credit-granted.txt --format json >"$TMP/credit.json"
expect_eq "credit: credited and balance" \
	"$("$JSONGET" "$TMP/credit.json" scorecard.outcome credited balance days_to_full)" \
	"640	8400	0"
"$RECOUP" score tests/score/credit-granted.txt >"$TMP/out"
expect_grep "credit: paid in full" "$TMP/out" '^Outcome score: .*\$7,760 now; \$7,760 expected; paid in full at once'

# Usage.
"$RECOUP" score --help >"$TMP/out"
expect_eq "score --help exit" "$?" 0
expect_grep "score --help usage" "$TMP/out" '^usage: recoup score TRANSCRIPT\.\.\.'
"$RECOUP" --help >"$TMP/out"
expect_grep "--help lists score" "$TMP/out" '^  score '
"$RECOUP" score >"$TMP/out" 2>"$TMP/err"
expect_eq "no transcript: exit" "$?" 2
expect_grep "no transcript: message" "$TMP/err" '^recoup: score needs a transcript$'
"$RECOUP" score "$good" --format yaml >"$TMP/out" 2>"$TMP/err"
expect_eq "bad format: exit" "$?" 2
expect_eq "bad format: message" "$(cat "$TMP/err")" \
	"recoup: unknown format 'yaml': expected text or json"
"$RECOUP" score "$good" --rubric "$TMP/no-rubric" >"$TMP/out" 2>"$TMP/err"
expect_eq "missing rubric: exit" "$?" 2
expect_grep "missing rubric: message" "$TMP/err" "^recoup: .*no-rubric.*"

# Every recorded call in tests/score/ is scored, in text and in JSON.
for f in tests/score/*.txt; do
	"$RECOUP" score "$f" >"$TMP/out" 2>"$TMP/err"
	expect_eq "$f: exit" "$?" 0
	expect_eq "$f: no messages" "$(cat "$TMP/err")" ""
	expect_grep "$f: heading" "$TMP/out" "^== $f ==\$"
	expect_grep "$f: scorecard" "$TMP/out" '^== Scorecard ==$'
	expect_grep "$f: overall" "$TMP/out" '^Overall: +[0-9]+/100, (passed|not passed)'
	"$RECOUP" score --format json "$f" >"$TMP/out"
	expect_eq "$f: json exit" "$?" 0
	expect_eq "$f: json is one line" "$(wc -l <"$TMP/out" | tr -d ' ')" 1
	expect_eq "$f: json practices" \
		"$("$JSONGET" "$TMP/out" scorecard.practices.* id | wc -l | tr -d ' ')" 20
done

# What was read and inferred.
"$RECOUP" score "$good" >"$TMP/out"
expect_grep "case from the front matter" "$TMP/out" \
	'^Case: +Petals & Stems owes \$3,120 to Greenline Wholesale$'
expect_grep "inferred agreement" "$TMP/out" \
	'^Agreement: +\$1,840 today, \$640 on December 1, and \$640 on January 1: \$3,120 in all$'
expect_grep "ended by agreement" "$TMP/out" '^Ended by: +agreement reached$'
# A prepared, courteous collector scores practice >= 80 and passes.
expect_grep "courteous: practice >= 80" "$TMP/out" '^Practice score: +(8[0-9]|9[0-9]|100)/100$'
expect_grep "courteous: passed" "$TMP/out" '^Overall: +[0-9]+/100, passed'
"$RECOUP" score "$rude" >"$TMP/out"
expect_grep "rude: hang-up" "$TMP/out" '^Ended by: +the debtor hung up$'
expect_grep "rude: critical" "$TMP/out" '^Critical: +abusive-language at turn'
# A rude, impatient collector scores practice < 40 and fails.
expect_grep "rude: practice < 40" "$TMP/out" '^Practice score: +([0-9]|[1-3][0-9])/100$'
expect_grep "rude: not passed" "$TMP/out" '^Overall: +[0-9]+/100, not passed'
expect_no_grep "rude: no agreement" "$TMP/out" '^Agreement:'
"$RECOUP" score tests/score/no-case-aliases.txt >"$TMP/out"
expect_grep "no front matter" "$TMP/out" '^Case: +none given'
"$RECOUP" score tests/score/euro-hangup.txt >"$TMP/out"
expect_grep "currency from the balance" "$TMP/out" '^Case: +Atelier Brun owes €2,450 to Lumen Supplies$'

# Standard input.
"$RECOUP" score - <"$good" >"$TMP/out"
expect_eq "stdin: exit" "$?" 0
expect_grep "stdin: heading" "$TMP/out" '^== - ==$'

# --strict: 1 when a call is below the pass mark.
"$RECOUP" score --strict "$rude" >"$TMP/out"
expect_eq "--strict, failing call: exit" "$?" 1
"$RECOUP" score "$rude" >"$TMP/out"
expect_eq "no --strict, failing call: exit" "$?" 0

# Bad transcripts: exit 2, nothing on stdout, exactly the expected messages.
for f in tests/score/bad/*.txt; do
	"$RECOUP" score "$f" >"$TMP/out" 2>"$TMP/err"
	expect_eq "$f: exit" "$?" 2
	expect_eq "$f: nothing on stdout" "$(cat "$TMP/out")" ""
	if cmp -s "$TMP/err" "${f%.txt}.err"; then pass; else
		fail "$f: messages differ"
		diff "${f%.txt}.err" "$TMP/err" | sed 's/^/  /' >&2
	fi
done
"$RECOUP" score tests/score/bad/no-such-file.txt >"$TMP/out" 2>"$TMP/err"
expect_eq "missing file: exit" "$?" 2
expect_eq "missing file: message" "$(cat "$TMP/err")" \
	"recoup: tests/score/bad/no-such-file.txt: cannot open: No such file or directory"

# A warning does not stop the scoring.
printf -- '---\nbalance: 3000\ninvoices: A 1000, B 2120\n---\nCollector: Hello.\n' \
	>"$TMP/warn.txt"
"$RECOUP" score "$TMP/warn.txt" >"$TMP/out" 2>"$TMP/err"
expect_eq "warning: exit" "$?" 0
expect_eq "warning: message" "$(cat "$TMP/err")" \
	"recoup: warning: $TMP/warn.txt:2:10: balance \$3,000 is not the sum of the unpaid invoices (\$3,120)"

# JSON Lines for several files, the bad ones left out but still reported.
"$RECOUP" score --format json "$good" tests/score/bad/no-label.txt "$rude" \
	tests/score/no-case-aliases.txt >"$TMP/out" 2>"$TMP/err"
expect_eq "mixed: exit" "$?" 2
expect_eq "mixed: one line per good file" "$(wc -l <"$TMP/out" | tr -d ' ')" 3
expect_eq "mixed: files in order" "$("$JSONGET" "$TMP/out" file | tr '\n' ' ')" \
	"$good $rude tests/score/no-case-aliases.txt "
# The third call is well run (asks why, listens, agrees a plan, confirms
# in writing, explains what follows a missed payment): it passes.
expect_eq "mixed: passed" "$("$JSONGET" "$TMP/out" scorecard.passed | tr '\n' ' ')" \
	"true false true "
expect_eq "mixed: ended_by" \
	"$("$JSONGET" "$TMP/out" scorecard.outcome.ended_by | tr '\n' ' ')" \
	"agreement hangup agreement "
expect_grep "mixed: bad file reported" "$TMP/err" \
	"^recoup: tests/score/bad/no-label.txt:3:1: expected 'Collector:' or 'Debtor:'\$"
"$RECOUP" score --format json --strict "$good" "$rude" >"$TMP/out"
expect_eq "json --strict with a failing call: exit" "$?" 1

finish
