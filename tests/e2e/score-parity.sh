#!/bin/sh
# The acceptance bar of `recoup score`: one conversation scored through
# `run` (simulator events) and through `score` (events inferred from a
# transcript of the same collector and debtor lines, tests/score/NAME.txt
# for tests/golden/NAME.script) gets the same status for every practice
# that does not depend on data a recording cannot carry, and the same
# ending, agreement and critical failures.  $JSONGET
# (tests/tools/jsonget.c) reads the JSON.
. "$(dirname "$0")/lib.sh"
: "${JSONGET:?JSONGET must point at the jsonget test tool}"

# Left out of the comparison, because a recording cannot carry what they
# are judged on:
#   do-research        /research and the scenario's research notes
#   concrete-minimum   /floor, the trainee's private minimum
#   document-the-call  /note
#   dont-force-the-issue  n/a or not by the hidden truth (can the debtor
#                      pay?), which a recording does not know
# Every other practice, no-immediate-counter included ([pause] records
# /pause), must get the same status both ways.
excluded='^(do-research|concrete-minimum|document-the-call|dont-force-the-issue)	'
for name in forgetful-courteous forgetful-rude; do
	"$RECOUP" run forgetful-florist --seed 1 --no-save \
		--script "tests/golden/$name.script" --format json >"$TMP/run.json"
	expect_eq "$name: run exit" "$?" 0
	"$RECOUP" score --format json "tests/score/$name.txt" >"$TMP/score.json"
	expect_eq "$name: score exit" "$?" 0
	for part in practices extended; do
		"$JSONGET" "$TMP/run.json" "scorecard.$part.*" id status |
			grep -Ev "$excluded" >"$TMP/run.$part"
		"$JSONGET" "$TMP/score.json" "scorecard.$part.*" id status |
			grep -Ev "$excluded" >"$TMP/score.$part"
	done
	expect_eq "$name: practices compared" "$(cat "$TMP/run.practices" | wc -l | tr -d ' ')" 17
	expect_eq "$name: extended compared" "$(cat "$TMP/run.extended" | wc -l | tr -d ' ')" 9
	# Both list the practices in rubric order: compare line by line.
	for part in practices extended; do
		paste "$TMP/run.$part" "$TMP/score.$part" >"$TMP/both"
		while IFS='	' read -r id st sid sst; do
			if [ "$id" = "$sid" ] && [ "$st" = "$sst" ]; then pass; else
				fail "$name: $id: run says '$st', score says '$sst' ($sid)"
			fi
		done <"$TMP/both"
	done
	# The outcome's facts match too (not goodwill: the mood is hidden).
	expect_eq "$name: same ending" \
		"$("$JSONGET" "$TMP/score.json" scorecard.outcome ended_by agreement recovered_now)" \
		"$("$JSONGET" "$TMP/run.json" scorecard.outcome ended_by agreement recovered_now)"
	expect_eq "$name: same critical failures" \
		"$("$JSONGET" "$TMP/score.json" scorecard.critical.* id)" \
		"$("$JSONGET" "$TMP/run.json" scorecard.critical.* id)"
done

finish
