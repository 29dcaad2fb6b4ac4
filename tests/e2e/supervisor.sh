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

# 2. Repeated --trainee, --cohort and --scenario mean any of them; trainee
# and cohort names match ignoring case.
DB=$TMP/records.db
for tc in ann:North Bob:south cal:east; do
	"$RECOUP" run forgetful-florist --seed 1 --script "$script" --db "$DB" \
	    --trainee "${tc%%:*}" --cohort "${tc##*:}" >/dev/null
done
"$RECOUP" run lost-florist --scenarios "$TMP/sc" --seed 1 --script "$script" \
    --db "$DB" --trainee eve --cohort east >/dev/null
ids() { "$RECOUP" history --db "$DB" --ids "$@" | tr '\n' ' '; }
expect_eq "history: two trainees, any case" "$(ids --trainee ANN --trainee bob)" "1 2 "
expect_eq "history: one trainee, other case" "$(ids --trainee bob)" "2 "
expect_eq "history: two cohorts, any case" "$(ids --cohort north --cohort EAST)" "1 3 4 "
expect_eq "history: two scenarios" \
    "$(ids --scenario lost-florist --scenario forgetful-florist)" "1 2 3 4 "
expect_eq "history: scenario ids match exactly" "$(ids --scenario LOST-florist)" ""
expect_eq "history: repeats and other filters" \
    "$(ids --cohort east --cohort south --scenario forgetful-florist)" "2 3 "
"$RECOUP" compare --db "$DB" --trainee ann --trainee CAL --format csv >"$TMP/c.csv"
expect_eq "compare: both trainees" "$(tail -n +2 "$TMP/c.csv" | cut -d, -f1 | tr '\n' ' ')" "ann cal "
"$RECOUP" leaderboard --db "$DB" --cohort SOUTH --cohort north --format csv >"$TMP/l.csv"
expect_eq "leaderboard: both cohorts" \
    "$(tail -n +2 "$TMP/l.csv" | cut -d, -f2 | sort | tr '\n' ' ')" "Bob ann "
"$RECOUP" export --format csv --db "$DB" --trainee bob --trainee Eve >"$TMP/e.csv"
expect_eq "export: both trainees" "$(tail -n +2 "$TMP/e.csv" | cut -d, -f1 | tr '\n' ' ')" "2 4 "
"$RECOUP" report --html "$TMP/r.html" --db "$DB" --trainee ANN --trainee cal
expect_eq "report: exit code" "$?" 0
expect_grep "report: ann" "$TMP/r.html" "<td>ann</td>"
expect_grep "report: cal" "$TMP/r.html" "<td>cal</td>"
expect_no_grep "report: not bob" "$TMP/r.html" "<td>Bob</td>"

# 3. Critical failures show in compare, leaderboard, the CSV export and the
# report.  dee's call swears at and threatens the debtor: a scored session
# with critical failures, not passed, left out of the best score.
"$RECOUP" run forgetful-florist --seed 1 --script tests/golden/forgetful-rude.script \
    --db "$DB" --trainee dee --cohort North >/dev/null
"$RECOUP" run forgetful-florist --seed 1 --script "$script" --db "$DB" \
    --trainee dee --cohort North >/dev/null
"$RECOUP" compare --db "$DB" --trainee dee --trainee ann >"$TMP/c.txt"
expect_grep "compare text: CRIT column" "$TMP/c.txt" "^TRAINEE +SESS +PRAC +OUTC +TREND +CRIT "
expect_grep "compare text: dee has one" "$TMP/c.txt" "^dee +2 +[0-9]+ +[0-9]+ +[-+0-9]+ \\(1\\) +1 "
expect_grep "compare text: ann none" "$TMP/c.txt" "^ann +1 +[0-9]+ +[0-9]+ +- +0 "
"$RECOUP" compare --db "$DB" --trainee dee --format csv >"$TMP/c.csv"
expect_eq "compare csv: critical column" "$(head -n 1 "$TMP/c.csv" | cut -d, -f9)" critical
expect_eq "compare csv: dee" "$(sed -n 2p "$TMP/c.csv" | cut -d, -f1,9)" "dee,1"
"$RECOUP" compare --db "$DB" --trainee dee --format json >"$TMP/c.json"
expect_grep "compare json: all" "$TMP/c.json" '"reviewed": 0, "critical": 1,'
expect_grep "compare json: dee" "$TMP/c.json" '"trainee": "dee", .*"critical": 1,'
"$RECOUP" leaderboard --db "$DB" >"$TMP/l.txt"
expect_grep "leaderboard text: CRIT column" "$TMP/l.txt" "TREND +CRIT$"
expect_grep "leaderboard text: dee's best leaves the critical call out" "$TMP/l.txt" \
    "^ +[0-9]+  dee +2 +50% +[0-9.]+ +99 .* 1$"
expect_grep "leaderboard text: bob none" "$TMP/l.txt" "^ +[0-9]+  Bob .* 0$"
"$RECOUP" leaderboard --db "$DB" --format csv >"$TMP/l.csv"
expect_eq "leaderboard csv: critical last" "$(head -n 1 "$TMP/l.csv" | tr -d '\r' | cut -d, -f11)" critical
expect_eq "leaderboard csv: dee" "$(grep ',dee,' "$TMP/l.csv" | tr -d '\r' | cut -d, -f2,5,11)" "dee,1,1"
"$RECOUP" run forgetful-florist --seed 1 --script tests/golden/forgetful-rude.script \
    --db "$DB" --trainee fay >/dev/null
"$RECOUP" leaderboard --db "$DB" --trainee fay --format json >"$TMP/l.json"
expect_grep "leaderboard json: every call critical, no best" "$TMP/l.json" \
    '"trainee": "fay", .*"critical": 1, .*"best_score": null'
"$RECOUP" export --format csv --db "$DB" --trainee dee >"$TMP/e.csv"
expect_eq "export csv: critical columns last" \
    "$(head -n 1 "$TMP/e.csv" | tr -d '\r' | awk -F, '{print $(NF-1)","$NF}')" \
    "critical,critical_failures"
expect_grep "export csv: the rude call's failures" "$TMP/e.csv" \
    ',[1-9][0-9]*,"?[a-z-]+ at turn [0-9]+(; [a-z-]+ at turn [0-9]+)*"?.$'
expect_grep "export csv: the clean call has none" "$TMP/e.csv" ',0,.$'
"$RECOUP" report --html "$TMP/c.html" --db "$DB" --trainee dee --trainee bob
expect_grep "report: critical tile" "$TMP/c.html" "<b>1</b><span>critical failures</span>"
expect_grep "report: trainee table column" "$TMP/c.html" "<th>Critical</th>"
expect_grep "report: dee flagged" "$TMP/c.html" '<td>dee</td>.*<td class="critical">1</td>'
expect_grep "report: the session listed" "$TMP/c.html" \
    '<h2>Critical failures</h2>'
expect_grep "report: with its failures" "$TMP/c.html" \
    '<td>dee</td><td>forgetful-florist</td><td class="critical">[a-z-]+ at turn [0-9]+'

# 4. Drills.  A scenario that cannot be loaded is named before call 1 and
# nothing is played or saved.
printf '%s' '{"name": "bad", "calls": [{"scenario": "forgetful-florist", "seed": 1},
 {"scenario": "no-such-debtor", "seed": 2}, {"scenario": "forgetful-florist", "seed": 3}]}' \
    >"$TMP/bad.json"
grep -v '^#' "$script" | "$RECOUP" drill "$TMP/bad.json" --trainee dd \
    --db "$TMP/bad.db" >"$TMP/d.out" 2>"$TMP/d.err"
expect_eq "drill, bad scenario: exit code" "$?" 2
expect_grep "drill, bad scenario: loader says why" "$TMP/d.err" "^recoup: no scenario 'no-such-debtor'"
expect_grep "drill, bad scenario: names the call" "$TMP/d.err" \
    "^recoup: .*bad.json: call 2: scenario 'no-such-debtor' cannot be found or loaded$"
expect_no_grep "drill, bad scenario: nothing played" "$TMP/d.out" "call 1 of"
expect_eq "drill, bad scenario: nothing saved" "$([ -e "$TMP/bad.db" ] && echo saved)" ""

# Stopped before its end (the piped input ran out in call 1): exit 1 and
# a resume hint with the same trainee, cohort and database.
printf '%s' '{"name": "two", "calls": [{"scenario": "forgetful-florist", "seed": 1},
 {"scenario": "forgetful-florist", "seed": 2}]}' >"$TMP/two.json"
printf 'Hello, is that Maria?\n' | "$RECOUP" drill "$TMP/two.json" \
    --trainee "Ann Lee" --cohort c1 --db "$TMP/two.db" >"$TMP/d.out" 2>"$TMP/d.err"
expect_eq "drill stopped early: exit code" "$?" 1
expect_grep "drill stopped early: the hint keeps the options" "$TMP/d.out" \
    "^Drill stopped after call 1 of 2\.  To go on: recoup drill $TMP/two.json --trainee 'Ann Lee' --cohort c1 --db $TMP/two.db --from 2$"
"$RECOUP" history --db "$TMP/two.db" --trainee "ann lee" --cohort C1 --ids >"$TMP/ids"
expect_eq "drill stopped early: call 1 saved as the trainee" "$(cat "$TMP/ids")" 1

# Piped lines left after a call ended (before its /end) are not said in
# the next call.
{ grep -v '^#' "$script"; echo "Leftover line one"; echo "Leftover line two"; echo /end
  grep -v '^#' "$script"; echo /end; } >"$TMP/spill.in"
"$RECOUP" drill "$TMP/two.json" --trainee sp --db "$TMP/spill.db" \
    <"$TMP/spill.in" >"$TMP/d.out" 2>"$TMP/d.err"
expect_eq "drill, lines left: exit code" "$?" 0
expect_grep "drill, lines left: said" "$TMP/d.err" \
    "^recoup: the call ended with 2 piped lines left before its /end: not said$"
expect_grep "drill, lines left: complete" "$TMP/d.out" "^Drill complete: 2 calls"
"$RECOUP" show 2 --db "$TMP/spill.db" >"$TMP/show2.out"
expect_no_grep "drill, lines left: not in call 2" "$TMP/show2.out" "Leftover"
expect_eq "drill, lines left: call 2 starts with its own first line" \
    "$(grep -m 1 'You:' "$TMP/show2.out" | sed 's/^ *[0-9]* You: //')" \
    "$(grep -v '^[#/]' "$script" | head -n 1)"
# Input with no /end at all: each call takes its lines as before (nothing
# is skipped waiting for a /end that never comes).
{ grep -v '^#' "$script"; grep -v '^#' "$script"; } >"$TMP/noend.in"
"$RECOUP" drill "$TMP/two.json" --trainee ne --db "$TMP/noend.db" \
    <"$TMP/noend.in" >"$TMP/d.out" 2>"$TMP/d.err"
expect_eq "drill, no /end: exit code" "$?" 0
expect_no_grep "drill, no /end: nothing skipped" "$TMP/d.err" "not said"
expect_eq "drill, no /end: both calls reach an agreement" \
    "$("$RECOUP" history --db "$TMP/noend.db" --format csv | tail -n +2 | cut -d, -f12 | tr -d '\r' | tr '\n' ' ')" \
    "agreement agreement "

finish
