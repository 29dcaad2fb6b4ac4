#!/bin/sh
# recoup review: a trainer's override kept beside the automatic status.
# A scripted call is played into a fresh database, reviewed, and every
# reading command must use the reviewed status and say so; clearing it
# brings the scorer's figures back, and rescore keeps a review.
#
# Figures worked out by hand from the call (forgetful-rude, seed 1): the
# scorer gives 14 of weight over the applicable practices and 4 of it in
# points (every-interaction-negotiation is missed: the call insults the
# debtor), so practice 100 x 4 / 14 = 28.6, outcome 0, overall
# 0.7 x 28.6 = 20.0.  polite-professional (weight 1) missed -> met:
# 100 x 5 / 14 = 35.7, overall 25.0; -> partial: 100 x 4.5 / 14 = 32.1,
# overall 22.5.
. "$(dirname "$0")/lib.sh"

DB=$TMP/review.db
USER=tester
export USER

"$RECOUP" run forgetful-florist --script tests/golden/forgetful-rude.script \
    --seed 1 --trainee dana --db "$DB" >/dev/null
expect_eq "run: exit code" "$?" 0

"$RECOUP" review 1 --db "$DB" >"$TMP/list0.out"
expect_eq "list: none yet" "$(cat "$TMP/list0.out")" "Session 1: no reviews"

"$RECOUP" review 1 --set polite-professional=met --note "Rude, but named himself" \
    --by Ana --db "$DB" >"$TMP/set.out"
expect_eq "set: exit code" "$?" 0
expect_eq "set: says what changed" "$(cat "$TMP/set.out")" \
    "Session 1: polite-professional met (reviewed by Ana: was missed)"
"$RECOUP" review 1 --set tactical-empathy=n/a --db "$DB" >/dev/null
expect_eq "set (extended, --by from USER): exit code" "$?" 0
"$RECOUP" review 1 --db "$DB" >"$TMP/list.out"
expect_grep "list: two reviews" "$TMP/list.out" '^Session 1: 2 reviews$'
expect_grep "list: who, what, why" "$TMP/list.out" \
    '^  polite-professional +met +was missed +by Ana, [0-9-]+ [0-9:]+: Rude, but named himself$'
expect_grep "list: USER by default" "$TMP/list.out" '^  tactical-empathy +n/a +was missed +by tester, '

# show: the reviewed status beside the automatic one, scores recomputed.
"$RECOUP" show 1 --db "$DB" >"$TMP/show.out"
expect_grep "show: reviewed status" "$TMP/show.out" \
    '^\[\+\]  5\. Stay polite and professional +met \(reviewed by Ana: was missed\)$'
expect_grep "show: the note" "$TMP/show.out" '^       review: Rude, but named himself$'
expect_grep "show: practice score" "$TMP/show.out" \
    "^Practice score: 36/100 \\(2 reviewed; the scorer's 29\\)$"
expect_grep "show: overall" "$TMP/show.out" \
    "^Overall: +25/100, not passed \\(pass mark 70\\) after review; the scorer's 20/100, not passed$"
"$RECOUP" show 1 --format json --db "$DB" >"$TMP/show.json"
expect_grep "show json: review object" "$TMP/show.json" \
    '"id": "polite-professional", .*"status": "met", "points": 1, .*"review": \{"was": "missed", "was_points": 0, "by": "Ana", "at": [0-9]+, "note": "Rude, but named himself"\}'
expect_grep "show json: reviewed figures" "$TMP/show.json" \
    '"reviewed": 2, "automatic": \{"practice_score": 28\.60?, "score": 20(\.00?)?, "passed": false\}'
expect_grep "show json: practice score" "$TMP/show.json" '"practice_score": 35\.70?,'

# compare, leaderboard, export, report.
"$RECOUP" compare --db "$DB" >"$TMP/compare.out"
expect_grep "compare: reviewed practice score" "$TMP/compare.out" '^dana +1 +36 +0 '
expect_grep "compare: says so" "$TMP/compare.out" "^Reviewed: 1 session carries a trainer's override"
"$RECOUP" compare --format json --db "$DB" >"$TMP/compare.json"
expect_grep "compare json: reviewed count" "$TMP/compare.json" '"scored": 1, "reviewed": 1,'
"$RECOUP" leaderboard --db "$DB" >"$TMP/lb.out"
expect_grep "leaderboard: reviewed score" "$TMP/lb.out" '^   1  dana +1 +0% +25\.0 '
"$RECOUP" export --format csv --db "$DB" >"$TMP/x.csv"
expect_eq "csv: scores, polite-professional, reviewed, auto scores" \
    "$(sed -n 2p "$TMP/x.csv" | awk -F, '{ print $15 "|" $17 "|" $18 "|" $23 "|" $44 "|" $(NF-4) "|" $(NF-3) "|" $(NF-2) }' | tr -d '\r')" \
    "35.7|25.0|0|met|2|28.6|20.0|0"
expect_grep "csv: the reviews" "$TMP/x.csv" \
    ',"polite-professional=met \(was missed, by Ana\); tactical-empathy=n/a \(was missed, by tester\)",'
"$RECOUP" export --format json --db "$DB" >"$TMP/x.json"
expect_grep "json: session flag" "$TMP/x.json" \
    '"reviewed": 2, "automatic": \{"practice_score": 28\.6, "score": 20\.0, "passed": false\}'
expect_grep "json: practice review" "$TMP/x.json" \
    '\{"id": "polite-professional", "status": "met", "points": 1, "review": \{"was": "missed", "by": "Ana", "at": [0-9]+, "note": "Rude, but named himself"\}\}'
expect_grep "json: unreviewed practice" "$TMP/x.json" \
    '\{"id": "remain-calm", "status": "missed", "points": 0, "review": null\}'
"$RECOUP" export --format xapi --db "$DB" >"$TMP/x.jsonl"
expect_grep "xapi: reviewed practice" "$TMP/x.jsonl" \
    '"polite-professional": \{"status": "met", "points": 1, "reviewed": \{"was": "missed", "by": "Ana"\}\}'
"$RECOUP" report --html "$TMP/r.html" --db "$DB" >/dev/null
expect_grep "html: says so" "$TMP/r.html" "carries a trainer's override"

# Errors: exit 2 and a message, nothing stored.
"$RECOUP" review 9 --set remain-calm=met --db "$DB" >/dev/null 2>"$TMP/err"
expect_eq "unknown session: exit code" "$?" 2
expect_eq "unknown session: message" "$(cat "$TMP/err")" \
    "recoup: no session 9 in database '$DB'"
"$RECOUP" review 1 --set remain-calmm=met --db "$DB" >/dev/null 2>"$TMP/err"
expect_eq "unknown practice: exit code" "$?" 2
expect_eq "unknown practice: message" "$(cat "$TMP/err")" \
    "recoup: unknown practice 'remain-calmm': session 1's scorecard has no such practice"
"$RECOUP" review 1 --set remain-calm=good --db "$DB" >/dev/null 2>"$TMP/err"
expect_eq "unknown status: exit code" "$?" 2
expect_eq "unknown status: message" "$(cat "$TMP/err")" \
    "recoup: unknown status 'good': expected met, partial, missed or n/a"
"$RECOUP" review 1 --clear remain-calm --db "$DB" >/dev/null 2>"$TMP/err"
expect_eq "nothing to clear: exit code" "$?" 2
"$RECOUP" review 1 --db "$DB" >"$TMP/list2.out"
expect_eq "errors stored nothing" "$(cat "$TMP/list2.out")" "$(cat "$TMP/list.out")"

# A second --set replaces the first; the automatic status stays.
"$RECOUP" review 1 --set polite-professional=partial --by Ben --db "$DB" >"$TMP/set2.out"
expect_eq "set again: was the scorer's" "$(cat "$TMP/set2.out")" \
    "Session 1: polite-professional partial (reviewed by Ben: was missed)"
"$RECOUP" export --format csv --db "$DB" >"$TMP/x2.csv"
expect_eq "set again: recomputed" \
    "$(sed -n 2p "$TMP/x2.csv" | awk -F, '{ print $15 "|" $17 "|" $23 }')" "32.1|22.5|partial"

# rescore keeps the reviews, on top of the new score.
"$RECOUP" rescore --all --db "$DB" >/dev/null
expect_eq "rescore: exit code" "$?" 0
if command -v sqlite3 >/dev/null 2>&1; then
	expect_eq "rescore: both scores kept" \
	    "$(sqlite3 "$DB" 'SELECT count(*) FROM scores WHERE session_id = 1')" 2
fi
"$RECOUP" show 1 --db "$DB" >"$TMP/show2.out"
expect_grep "rescore: review kept" "$TMP/show2.out" \
    'Stay polite and professional +partial \(reviewed by Ben: was missed\)$'
expect_grep "rescore: recomputed on the new score" "$TMP/show2.out" \
    "^Practice score: 32/100 \\(2 reviewed; the scorer's 29\\)$"

# --clear undoes it: the scorer's figures come back.
"$RECOUP" review 1 --clear polite-professional --db "$DB" >"$TMP/clear.out"
expect_eq "clear: exit code" "$?" 0
expect_eq "clear: says so" "$(cat "$TMP/clear.out")" \
    "Session 1: polite-professional cleared, back to missed"
"$RECOUP" review 1 --clear tactical-empathy --db "$DB" >/dev/null
"$RECOUP" show 1 --db "$DB" >"$TMP/show3.out"
expect_no_grep "clear: no review shown" "$TMP/show3.out" 'reviewed'
expect_grep "clear: scorer's practice score" "$TMP/show3.out" '^Practice score: 29/100$'
"$RECOUP" export --format csv --db "$DB" >"$TMP/x3.csv"
expect_eq "clear: csv" \
    "$(sed -n 2p "$TMP/x3.csv" | awk -F, '{ print $15 "|" $17 "|" $23 "|" $44 }')" "28.6|20.0|missed|0"
"$RECOUP" compare --db "$DB" >"$TMP/compare2.out"
expect_no_grep "clear: compare quiet" "$TMP/compare2.out" '^Reviewed:'

finish
