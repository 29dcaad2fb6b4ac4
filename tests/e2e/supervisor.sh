#!/bin/sh
# Issue 13, supervisor views: rescore names the sessions it cannot score,
# repeated filters mean "any of these" and names match in any case,
# critical failures show in compare, leaderboard, export and report, and
# drills check their scenarios first, keep the trainee in the resume hint,
# exit 1 when stopped early and keep each call's piped lines to itself.
. "$(dirname "$0")/lib.sh"

script=tests/golden/forgetful-courteous.script

# 1. rescore: a session whose scenario is gone is named and the exit is 1.
RDB=$TMP/rescore.db
mkdir "$TMP/sc"
sed 's/"id": "forgetful-florist"/"id": "lost-florist"/' \
    scenarios/forgetful-florist.json >"$TMP/sc/lost-florist.json"
"$RECOUP" run lost-florist --scenarios "$TMP/sc" --seed 1 --script "$script" \
    --db "$RDB" --trainee rt >/dev/null
"$RECOUP" run forgetful-florist --seed 1 --script "$script" --db "$RDB" \
    --trainee rt >/dev/null
"$RECOUP" rescore --all --dry-run --db "$RDB" >"$TMP/r.out" 2>"$TMP/r.err"
expect_eq "rescore --dry-run: exit code with a missing scenario" "$?" 1
expect_grep "rescore --dry-run: counts what a run rescores" "$TMP/r.out" \
    "^1 session would be rescored under rubric [^;]*; 1 would be skipped"
expect_grep "rescore --dry-run: names the session" "$TMP/r.err" \
    "^recoup: session 1 \(scenario 'lost-florist'\) would not be rescored"
"$RECOUP" rescore --all --db "$RDB" >"$TMP/r.out" 2>"$TMP/r.err"
expect_eq "rescore: exit code with a missing scenario" "$?" 1
expect_grep "rescore: says why" "$TMP/r.err" "^recoup: no scenario 'lost-florist'"
expect_grep "rescore: names the session" "$TMP/r.err" \
    "^recoup: session 1 \(scenario 'lost-florist'\) was not rescored"
expect_grep "rescore: summary" "$TMP/r.out" "^rescored 1 session under .*; 1 skipped"
"$RECOUP" rescore --all --db "$RDB" --scenarios "$TMP/sc" >"$TMP/r.out" 2>"$TMP/r.err"
expect_eq "rescore: exit code when every scenario is found" "$?" 0
expect_grep "rescore: both" "$TMP/r.out" "^rescored 2 sessions under rubric [^;]*$"

finish
