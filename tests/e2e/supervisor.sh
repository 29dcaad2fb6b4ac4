#!/bin/sh
# Issue 13, supervisor views: rescore names the sessions it cannot score,
# repeated filters mean "any of these" and names match in any case,
# critical failures show in compare, leaderboard, export and report, and
# drills check their scenarios first, keep the trainee in the resume hint,
# exit 1 when stopped early and keep each call's piped lines to itself;
# the trend compares like with like, compare --by scenario, drill status
# and drill progress in the rankings, and the HTML report's charts.
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

# 5. The trend compares like with like.  zed's last call is against the
# hardest debtor: first minus last across debtors said -74; no scenario
# was played twice, so there is no trend.  yan improved on the florist
# (20 -> 99), then had a poor call with the hardest debtor: +79 on one
# scenario, where first-minus-last said +5.
VDB=$TMP/views.db
G=tests/golden
"$RECOUP" run forgetful-florist --seed 1 --script $G/forgetful-courteous.script \
    --db "$VDB" --trainee zed --cohort v >/dev/null
"$RECOUP" run distressed-manufacturer --seed 1 --script $G/distressed-manufacturer-poor.script \
    --db "$VDB" --trainee zed --cohort v >/dev/null
"$RECOUP" run forgetful-florist --seed 1 --script $G/forgetful-rude.script \
    --db "$VDB" --trainee yan --cohort v >/dev/null
"$RECOUP" run forgetful-florist --seed 1 --script $G/forgetful-courteous.script \
    --db "$VDB" --trainee yan --cohort v >/dev/null
"$RECOUP" run distressed-manufacturer --seed 1 --script $G/distressed-manufacturer-poor.script \
    --db "$VDB" --trainee yan --cohort v >/dev/null
"$RECOUP" compare --db "$VDB" >"$TMP/v.txt"
expect_grep "trend: zed, no scenario twice: no trend" "$TMP/v.txt" "^zed +2 +[0-9]+ +[0-9]+ +- +1 "
expect_grep "trend: yan, the florist again: +79 on 1 scenario" "$TMP/v.txt" \
    "^yan +3 +[0-9]+ +[0-9]+ +\+79 \(1\) +2 "
expect_grep "trend: the legend says how" "$TMP/v.txt" \
    "^TREND compares like with like: for each scenario played at least twice, the$"
"$RECOUP" compare --db "$VDB" --format csv >"$TMP/v.csv"
expect_eq "trend csv: header" "$(head -n 1 "$TMP/v.csv" | cut -d, -f8-10)" "trend,critical,trend_scenarios"
expect_eq "trend csv: yan" "$(grep '^yan,' "$TMP/v.csv" | cut -d, -f8,10)" "79.1,1"
expect_eq "trend csv: zed" "$(grep '^zed,' "$TMP/v.csv" | cut -d, -f8,10)" ",0"
"$RECOUP" compare --db "$VDB" --format json >"$TMP/v.json"
expect_grep "trend json: yan" "$TMP/v.json" '"trainee": "yan", .*"trend": 79.1, "trend_scenarios": 1,'
expect_grep "trend json: zed" "$TMP/v.json" '"trainee": "zed", .*"trend": null, "trend_scenarios": 0,'
"$RECOUP" leaderboard --db "$VDB" >"$TMP/vl.txt"
expect_grep "trend leaderboard: zed" "$TMP/vl.txt" "^ +[0-9]+  zed .* - +1$"
expect_grep "trend leaderboard: yan" "$TMP/vl.txt" "^ +[0-9]+  yan .* \+79 \(1\) +2$"
expect_no_grep "leaderboard: no DRILL column without drills" "$TMP/vl.txt" "DRILL"

# The trainee x scenario grid: compare --by scenario.
"$RECOUP" compare --db "$VDB" --by scenario >"$TMP/g.txt"
expect_grep "grid text: header" "$TMP/g.txt" "^TRAINEE +TREND +S1 +S2$"
expect_grep "grid text: yan" "$TMP/g.txt" "^yan +\+79 \(1\) +25 \(1\) +60 \(2\)$"
expect_grep "grid text: scenarios named" "$TMP/g.txt" "^  S2 +forgetful-florist$"
"$RECOUP" compare --db "$VDB" --by scenario --format csv >"$TMP/g.csv"
expect_eq "grid csv: header" "$(head -n 1 "$TMP/g.csv" | tr -d '\r')" \
    "trainee,scenario,sessions,scored,passed,critical,mean_score,first_score,last_score,change"
expect_eq "grid csv: yan and the florist" \
    "$(grep '^yan,forgetful-florist,' "$TMP/g.csv" | tr -d '\r')" \
    "yan,forgetful-florist,2,2,1,1,59.5,20.0,99.1,79.1"
expect_eq "grid csv: a line per trainee and scenario played" "$(($(wc -l <"$TMP/g.csv") - 1))" 4
"$RECOUP" compare --db "$VDB" --by scenario --format json >"$TMP/g.json"
expect_grep "grid json: scenarios" "$TMP/g.json" \
    '"scenarios": \["distressed-manufacturer", "forgetful-florist"\]'
expect_grep "grid json: yan" "$TMP/g.json" \
    '"trainee": "yan", "trend": 79.1, "trend_scenarios": 1, "scenarios": \{"distressed-manufacturer": .*"forgetful-florist": \{"sessions": 2, "scored": 2, "passed": 1, "critical": 1, "mean_score": 59.5, "first_score": 20.0, "last_score": 99.1, "change": 79.1\}'
"$RECOUP" compare --db "$VDB" --by practice >"$TMP/g2.txt"
expect_eq "compare --by practice: the practice table" "$(cat "$TMP/g2.txt")" "$(cat "$TMP/v.txt")"
"$RECOUP" compare --db "$VDB" --by trainee >/dev/null 2>"$TMP/g.err"
expect_eq "compare --by: bad value, exit code" "$?" 2
expect_grep "compare --by: says what it takes" "$TMP/g.err" \
    "^recoup: unknown --by 'trainee': expected practice or scenario$"
"$RECOUP" compare --help >"$TMP/g.help"
expect_grep "compare --help: --by" "$TMP/g.help" "--by WHAT +practice \(default\)"
expect_grep "compare --help: the trend" "$TMP/g.help" "The trend compares like with like"

# The HTML report: the trend and the grid, dots that name their session
# and stand side by side on one day, a heat map that fits the page, a
# print stylesheet; nothing external, everything escaped.
"$RECOUP" run forgetful-florist --seed 1 --script "$script" --db "$VDB" \
    --trainee "O'Neil <i>x</i>" --cohort v >/dev/null
"$RECOUP" report --html "$TMP/v.html" --db "$VDB"
expect_grep "report: yan's trend" "$TMP/v.html" \
    '<td>yan</td>.*<td class="up" title="over 1 scenario played again">\+79.1 \(1\)</td>'
expect_grep "report: zed has none" "$TMP/v.html" \
    '<td>zed</td>.*<td title="no scenario played twice">&mdash;</td>'
expect_grep "report: says how the trend is computed" "$TMP/v.html" \
    'Trend: for each scenario the trainee played at least twice, the latest score minus the first'
expect_grep "report: the grid" "$TMP/v.html" '<h2>Scores by trainee and scenario</h2>'
expect_grep "report: grid heading" "$TMP/v.html" \
    '<th class="sc">distressed-manufacturer</th><th class="sc">forgetful-florist</th>'
expect_grep "report: grid cell" "$TMP/v.html" \
    'title="yan / forgetful-florist: mean 60 over 2 scored sessions, first [0-9]+, latest 99">60 \(2\)'
# yan's three calls were on one day: one step each, not one vertical line.
awk '/<h3>yan<\/h3>/ { on = 1 } on && /<circle/ { sub(/.*cx="/, ""); sub(/".*/, ""); print } on && /<\/svg>/ { exit }' \
    "$TMP/v.html" >"$TMP/cx"
expect_eq "report: a dot per call" "$(wc -l <"$TMP/cx")" 3
expect_eq "report: same-day calls spread across the chart" \
    "$(awk 'NR > 1 && $1 - prev < 50 { bad = 1 } { prev = $1 } END { print bad ? "stacked" : "spread" }' "$TMP/cx")" spread
expect_grep "report: each dot names its session" "$TMP/v.html" \
    '<circle [^>]*><title>yan, [0-9-]+ [0-9:]+, forgetful-florist: score [0-9]+ \(practice [0-9]+, outcome [0-9]+\), critical failure</title></circle>'
expect_grep "report: scatter dots too" "$TMP/v.html" \
    'fill-opacity="0.55"><title>zed, [0-9-]+ [0-9:]+, distressed-manufacturer: score'
expect_grep "report: heat map shrinks to fit" "$TMP/v.html" \
    '<svg [^>]*class="fit"[^>]*aria-label="heat map of practices met by trainee"'
expect_grep "report: fit style" "$TMP/v.html" 'svg\.fit\{max-width:100%;height:auto'
expect_eq "report: all twenty practices in the heat map" \
    "$(grep -c 'transform="rotate(-55' "$TMP/v.html")" 20
expect_grep "report: print stylesheet" "$TMP/v.html" '@media print\{@page\{'
expect_no_grep "report: no script" "$TMP/v.html" '<script'
expect_eq "report: no external resource" \
    "$(grep -o 'https\?://[^" ]*' "$TMP/v.html" | grep -v '^http://www.w3.org/2000/svg$')" ""
expect_grep "report: names escaped in titles" "$TMP/v.html" \
    "<title>O&#39;Neil &lt;i&gt;x&lt;/i&gt;, [0-9-]+ "
expect_no_grep "report: no raw markup from a name" "$TMP/v.html" "<i>x</i>"

# 6. Drill progress.  ann plays the three calls; bob finishes call 1 and
# is killed in call 2 (a partial call); dan has not started.
printf '%s' '{"name": "wk", "title": "Week <1>", "calls": [{"scenario": "forgetful-florist", "seed": 1},
 {"scenario": "distressed-manufacturer", "seed": 1}, {"scenario": "aggressive-contractor", "seed": 1}]}' \
    >"$TMP/wk.json"
DDB=$TMP/drills.db
{ grep -v '^#' "$script"; echo /end; grep -v '^#' $G/distressed-manufacturer-poor.script; echo /end
  grep -v '^#' $G/aggressive-calm.script; echo /end; } |
    "$RECOUP" drill "$TMP/wk.json" --trainee ann --cohort t --db "$DDB" >/dev/null 2>&1
expect_eq "drill status: ann's drill" "$?" 0
mkfifo "$TMP/dfifo"
"$RECOUP" drill "$TMP/wk.json" --trainee bob --cohort t --db "$DDB" \
    <"$TMP/dfifo" >/dev/null 2>&1 &
pid=$!
exec 4>"$TMP/dfifo"
{ grep -v '^#' "$script"; echo /end; echo "Hello, this is Sam from Greenline Wholesale."; } >&4
n=0
while [ $n -lt 100 ]; do
	turns=$("$RECOUP" history --db "$DDB" --trainee bob --format csv 2>/dev/null | tail -n +3 | cut -d, -f13)
	[ "${turns:-0}" -ge 2 ] && break
	sleep 0.1
	n=$((n + 1))
done
kill -9 $pid
wait $pid 2>/dev/null
exec 4>&-
# Incomplete drills flagged in the rankings (each drill's calls being
# those anyone played in it).
"$RECOUP" leaderboard --db "$DDB" --drill wk >"$TMP/dl.txt"
expect_grep "leaderboard: DRILL column" "$TMP/dl.txt" "CRIT  DRILL$"
expect_grep "leaderboard: ann finished" "$TMP/dl.txt" "^ +[0-9]+  ann .*  3/3$"
expect_grep "leaderboard: bob flagged" "$TMP/dl.txt" "^ +[0-9]+  bob .*  1/3\*$"
expect_grep "leaderboard: the flag explained" "$TMP/dl.txt" "^\* drill not finished"
"$RECOUP" leaderboard --db "$DDB" --drill wk --format csv >"$TMP/dl.csv"
expect_eq "leaderboard csv: drill columns last" \
    "$(head -n 1 "$TMP/dl.csv" | tr -d '\r' | cut -d, -f13-)" "drill_calls_done,drill_calls"
expect_eq "leaderboard csv: bob" "$(grep ',bob,' "$TMP/dl.csv" | tr -d '\r' | cut -d, -f13-)" "1,3"
"$RECOUP" leaderboard --db "$DDB" --drill wk --format json >"$TMP/dl.json"
expect_grep "leaderboard json: bob" "$TMP/dl.json" \
    '"trainee": "bob", .*"drill": \{"done": 1, "calls": 3, "complete": false\}'
"$RECOUP" report --html "$TMP/d.html" --db "$DDB" --drill wk
expect_grep "report: drill column" "$TMP/d.html" "<th>Critical</th><th>Drill</th>"
expect_grep "report: bob flagged" "$TMP/d.html" \
    '<td>bob</td>.*<td class="incomplete">1/3 calls, not finished</td>'
expect_grep "report: ann finished" "$TMP/d.html" '<td>ann</td>.*<td>3/3 calls</td>'

# drill status checks against the file: a session of an older version of
# the drill (another seed) is no call of it.
printf '%s' '{"name": "wk", "calls": [{"scenario": "forgetful-florist", "seed": 2}]}' >"$TMP/wk-old.json"
{ grep -v '^#' "$script"; echo /end; } |
    "$RECOUP" drill "$TMP/wk-old.json" --trainee cal --cohort t --db "$DDB" >/dev/null 2>&1
"$RECOUP" drill status "$TMP/wk.json" --db "$DDB" --trainee ANN --trainee bob \
    --trainee cal --trainee dan >"$TMP/ds.txt"
expect_eq "drill status: exit code" "$?" 0
expect_grep "drill status: the drill" "$TMP/ds.txt" "^Drill wk \(Week <1>\): 3 calls\.$"
expect_grep "drill status: header" "$TMP/ds.txt" "^TRAINEE +DONE  1 +2 +3$"
expect_grep "drill status: ann done" "$TMP/ds.txt" "^ann +3/3  done [0-9]+ +done [0-9]+ +done [0-9]+$"
expect_grep "drill status: bob partial" "$TMP/ds.txt" "^bob +1/3  done [0-9]+ +partial +-$"
expect_grep "drill status: cal played another version" "$TMP/ds.txt" "^cal +0/3  - +- +-$"
expect_grep "drill status: dan not started" "$TMP/ds.txt" "^dan +0/3  - +- +-$"
expect_grep "drill status: summary" "$TMP/ds.txt" "^1 of 4 trainees finished every call\.$"
expect_grep "drill status: calls named" "$TMP/ds.txt" "^   2 distressed-manufacturer, seed 1$"
expect_grep "drill status: other sessions counted apart" "$TMP/ds.txt" \
    "^1 session tagged with this drill is none of its calls"
"$RECOUP" drill status "$TMP/wk.json" --db "$DDB" --format csv >"$TMP/ds.csv"
expect_eq "drill status csv: header" "$(head -n 1 "$TMP/ds.csv" | tr -d '\r')" \
    "trainee,call,scenario,seed,status,sessions,complete,score,passed"
expect_eq "drill status csv: bob's call 2" "$(grep '^bob,2,' "$TMP/ds.csv" | tr -d '\r')" \
    "bob,2,distressed-manufacturer,1,partial,1,0,,"
expect_eq "drill status csv: bob's call 3" "$(grep '^bob,3,' "$TMP/ds.csv" | tr -d '\r')" \
    "bob,3,aggressive-contractor,1,not played,0,0,,"
"$RECOUP" drill status "$TMP/wk.json" --db "$DDB" --format json >"$TMP/ds.json"
expect_grep "drill status json: bob" "$TMP/ds.json" \
    '"trainee": "bob", "done": 1, "complete": false, "calls": \[\{"call": 1, "status": "done", .*\{"call": 2, "status": "partial", "sessions": 1, "score": null'
expect_grep "drill status json: unmatched" "$TMP/ds.json" '"unmatched_sessions": 1,'
# A call given as a path is matched by its scenario's id.
printf '%s' '{"name": "wk", "calls": [{"scenario": "scenarios/forgetful-florist.json", "seed": 1}]}' \
    >"$TMP/wk-path.json"
"$RECOUP" drill status "$TMP/wk-path.json" --db "$DDB" --trainee ann >"$TMP/dp.txt"
expect_grep "drill status: a call by path" "$TMP/dp.txt" "^ann +1/1  done [0-9]+$"
"$RECOUP" drill status --db "$DDB" >/dev/null 2>"$TMP/ds.err"
expect_eq "drill status: no file, exit code" "$?" 2
"$RECOUP" drill status "$TMP/wk.json" --drill other --db "$DDB" >/dev/null 2>"$TMP/ds.err"
expect_eq "drill status: --drill refused" "$?" 2
expect_grep "drill status: says why" "$TMP/ds.err" "takes the drill and its scenarios from"
"$RECOUP" drill --help >"$TMP/d.help"
expect_grep "drill --help: status" "$TMP/d.help" "recoup drill status FILE"


finish
