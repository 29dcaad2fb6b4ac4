#!/bin/sh
# Compliance: each recorded call in tests/compliance/ is scored and its
# compliance section checked against the file's comments:
#   # breaches: RULE...      exactly these rules breached ("none": none;
#                            "-": no compliance section, no legal frame)
#   # expect-compliance: RULE STATUS   one rule's status (kept, breached,
#                            n/a, not judged)
#   # expect-critical: yes|no          a critical failure or not
# Then the simulator: a debtor's frame on the card, a bad compliance file
# refused by 'recoup lint' with its position, and a first-party debtor
# played as an agency's call.
. "$(dirname "$0")/lib.sh"
: "${JSONGET:?JSONGET must point at the jsonget test tool}"

n=0
for f in tests/compliance/*.txt; do
	n=$((n + 1))
	"$RECOUP" score "$f" --format json >"$TMP/j" 2>"$TMP/err"
	expect_eq "$f: exit code" "$?" 0
	want=$(sed -n 's/^# breaches: //p' "$f" | tr ' ' '\n' | LC_ALL=C sort | tr '\n' ' ')
	if [ "$want" = "- " ]; then
		expect_eq "$f: no compliance section" \
		    "$("$JSONGET" "$TMP/j" scorecard.compliance)" "null"
		continue
	fi
	[ "$want" = "none " ] && want=""
	"$JSONGET" "$TMP/j" 'scorecard.compliance.rules.*' id status >"$TMP/rules"
	got=$(awk -F '\t' '$2 == "breached" { print $1 }' "$TMP/rules" |
	    LC_ALL=C sort | tr '\n' ' ')
	expect_eq "$f: breaches" "$got" "$want"
	sed -n 's/^# expect-compliance: //p' "$f" | while read -r id status; do
		st=$(awk -F '\t' -v id="$id" '$1 == id { print $2 }' "$TMP/rules")
		if [ "$st" = "$status" ]; then :; else
			echo "FAIL: $f: $id is '$st', want '$status'" >&2
			echo x >>"$TMP/bad"
		fi
	done
	crit=$(sed -n 's/^# expect-critical: //p' "$f")
	if [ -n "$crit" ]; then
		c=$("$JSONGET" "$TMP/j" 'scorecard.critical.*' id | grep -c .)
		if [ "$crit" = yes ]; then
			[ "$c" -gt 0 ] && pass || fail "$f: no critical failure"
		else
			expect_eq "$f: critical failures" "$c" 0
		fi
	fi
done
[ -f "$TMP/bad" ] && fail "expected statuses differ (above)" || pass
[ "$n" -ge 20 ] && pass || fail "only $n compliance calls (want 20 or more)"

# The text card shows the section, the section cited, the quote and the tip.
"$RECOUP" score tests/compliance/us-threat-arrest.txt >"$TMP/t" 2>&1
expect_grep "text: heading" "$TMP/t" '^Compliance \(us, consumer debt, third-party agency, America/Chicago\):$'
expect_grep "text: breach" "$TMP/t" '^\[x\] +No threats of arrest .* breached \(critical\)$'
expect_grep "text: section" "$TMP/t" '^       15 U\.S\.C\. 1692e\(4\), 1692e\(5\) \(FDCPA\): '
expect_grep "text: quote" "$TMP/t" '^       turn 5: "If you don'"'"'t pay by Friday the police'
expect_grep "text: not passed" "$TMP/t" 'not passed'

# A shipped debtor: its frame on the card; the creditor's own call is
# outside the FDCPA's rules.
printf 'Hi, this is Sam from Lakeview Family Dental, is this Priya?\n/end\n' >"$TMP/s"
"$RECOUP" run broke-consumer --script "$TMP/s" --no-save >"$TMP/t" 2>&1
expect_grep "run: frame" "$TMP/t" '^Compliance \(us, consumer debt, the creditor itself, America/New_York\):$'
expect_grep "run: nothing applies" "$TMP/t" 'no rule applies in this frame'

# The same debtor collected by an agency: the agency's rules apply, and
# naming the debt before the disclosure breaks 1692e(11).
sed 's/"collector": "creditor",/"collector": "agency",/' \
    scenarios/broke-consumer.json >"$TMP/broke-agency.json"
printf '%s\n' 'Hi, this is Sam from Ridgeway Recovery, is this Priya Nair?' \
    'Your balance of $1,900 with Lakeview Family Dental is overdue, what happened?' \
    '/end' >"$TMP/s"
RECOUP_SCENARIOS=scenarios "$RECOUP" run "$TMP/broke-agency.json" --script "$TMP/s" \
    --no-save --format json >"$TMP/j" 2>"$TMP/err"
expect_eq "agency run: exit code" "$?" 0
"$JSONGET" "$TMP/j" 'scorecard.compliance.rules.*' id status | tr '\t' ' ' >"$TMP/rules"
expect_grep "agency run: disclosure missed" "$TMP/rules" '^us-mini-miranda breached$'
expect_grep "agency run: identified" "$TMP/rules" '^us-identify kept$'
expect_grep "agency run: uk rules n/a" "$TMP/rules" '^uk-signpost n/a$'

# The gatekeeper's husband told of the debt in an agency's call: the
# scenario's event makes it a 1692c(b) breach, a critical failure.
sed 's/"collector": "creditor",/"collector": "agency",/' \
    scenarios/gatekeeper-spouse.json >"$TMP/gate-agency.json"
printf '%s\n' 'Hi, this is Sam from Ridgeway Recovery, can I speak to Jenny Cole?' \
    'Please tell her she owes $2,340 to Harbourview Veterinary Clinic and it is overdue.' \
    '/end' >"$TMP/gs"
RECOUP_SCENARIOS=scenarios "$RECOUP" run "$TMP/gate-agency.json" --script "$TMP/gs" \
    --no-save --format json >"$TMP/j" 2>"$TMP/err"
"$JSONGET" "$TMP/j" 'scorecard.compliance.rules.*' id status turn | tr '\t' ' ' >"$TMP/rules"
expect_grep "gatekeeper: third-party breach" "$TMP/rules" '^us-third-party breached [0-9]+$'

# The clock (--at, the debtor's time; 15 seconds a line): a call at 2 pm
# keeps 1692c(a)(1); one at 7:30 am breaks it at the collector's first
# line (turn 2, after the debtor's hello); one that starts at 20:59 breaks
# it at the first collector line from 21:00 (turn 6, 75 seconds in).
printf '%s\n' 'Hi, this is Sam from Ridgeway Recovery, is this Priya Nair?' \
    'This is an attempt to collect a debt and any information obtained will be used for that purpose.' \
    'Your balance of $1,900 with Lakeview Family Dental is overdue, what happened?' \
    '/end' >"$TMP/s"
for at in "2026-11-03 14:00 kept" "2026-11-03 07:30 breached 2" \
    "2026-11-03 20:59 breached 6" "2026-11-03 23:10 breached 2"; do
	set -- $at
	RECOUP_SCENARIOS=scenarios "$RECOUP" run "$TMP/broke-agency.json" --script "$TMP/s" \
	    --no-save --format json --at "$1 $2" >"$TMP/j" 2>"$TMP/err"
	"$JSONGET" "$TMP/j" 'scorecard.compliance.rules.*' id status turn |
	    awk -F '\t' '$1 == "us-call-hours" { print $2 ($2 == "breached" ? " " $3 : "") }' >"$TMP/st"
	expect_eq "--at $1 $2: us-call-hours" "$(cat "$TMP/st")" "$3${4:+ $4}"
done
"$RECOUP" run "$TMP/broke-agency.json" --script "$TMP/s" --no-save \
    --at "2026-11-03 14:00" >"$TMP/t" 2>&1
expect_grep "--at: the frame says when" "$TMP/t" 'America/New_York, call at 2026-11-03 14:00\):$'
"$RECOUP" run broke-consumer --script "$TMP/s" --no-save --at "2026-11-03 25:00" \
    >"$TMP/out" 2>"$TMP/err"
expect_eq "--at 25:00: exit code" "$?" 2
expect_eq "--at 25:00: message" "$(cat "$TMP/err")" \
    "recoup: invalid time '2026-11-03 25:00': expected \"YYYY-MM-DD HH:MM\" in the debtor's time zone"

# Live help: in practice mode a breach is noted at once with its section;
# assessment mode keeps it for the card.
"$RECOUP" run "$TMP/gate-agency.json" --script "$TMP/gs" --no-save >"$TMP/t" 2>&1
expect_grep "practice: a note at once" "$TMP/t" \
    '^  \(note: compliance, critical — the debt was named to someone who is not the debtor: 15 U\.S\.C\. 1692c\(b\)\)$'
"$RECOUP" run "$TMP/gate-agency.json" --script "$TMP/gs" --no-save --mode assessment \
    >"$TMP/t" 2>&1
expect_no_grep "assessment: no note" "$TMP/t" 'note: compliance'
expect_grep "assessment: on the card" "$TMP/t" '^\[x\] +No disclosure to third parties +breached \(critical\)$'

# Stored: 'show' prints the section as the call did; 'export --format
# json' carries it.
RECOUP_SCENARIOS=scenarios "$RECOUP" run "$TMP/gate-agency.json" --script "$TMP/gs" \
    --db "$TMP/c.db" >"$TMP/run" 2>&1
"$RECOUP" show 1 --db "$TMP/c.db" >"$TMP/show" 2>&1
sed -n '/^Compliance/,/^Style/p' "$TMP/run" >"$TMP/a1"
sed -n '/^Compliance/,/^Style/p' "$TMP/show" >"$TMP/a2"
if [ -s "$TMP/a1" ] && cmp -s "$TMP/a1" "$TMP/a2"; then pass; else
	fail "show: the compliance section differs from the call's"
	diff "$TMP/a1" "$TMP/a2" | sed 's/^/  /' >&2
fi
"$RECOUP" export --format json --db "$TMP/c.db" >"$TMP/e" 2>&1
"$JSONGET" "$TMP/e" '*.score.compliance.rules.*' id status | tr '\t' ' ' >"$TMP/rules"
expect_grep "export: compliance" "$TMP/rules" '^us-third-party breached$'

# The HTML report: breaches per trainee, only for sessions with a frame
# where a rule applied; a name is escaped.
RECOUP_SCENARIOS=scenarios "$RECOUP" run "$TMP/broke-agency.json" --script "$TMP/s" \
    --db "$TMP/c.db" --trainee 'bo<b>' --at "2026-11-03 07:30" >/dev/null 2>&1
"$RECOUP" run broke-consumer --script "$TMP/s" --db "$TMP/c.db" --trainee cy \
    >/dev/null 2>&1
"$RECOUP" report --html "$TMP/r.html" --db "$TMP/c.db" >/dev/null 2>&1
expect_eq "report: exit code" "$?" 0
sed -n '/<h2>Compliance breaches/,/<\/section>/p' "$TMP/r.html" >"$TMP/sec"
expect_grep "report: a section" "$TMP/sec" '<h2>Compliance breaches</h2>'
expect_grep "report: escaped trainee" "$TMP/sec" \
    '^<tr><td>bo&lt;b&gt;</td><td>1</td><td>1</td><td>us-call-hours &times;1</td></tr>$'
expect_no_grep "report: a creditor's own call is not judged" "$TMP/sec" '<td>cy</td>'

# lint: the shipped rules are clean; a broken file is refused with every
# problem's line and column.
"$RECOUP" lint scoring/compliance.json >"$TMP/out" 2>&1
expect_eq "lint shipped rules" "$?" 0
"$RECOUP" lint tests/lint/compliance/compliance.json >"$TMP/out" 2>&1
expect_eq "lint bad rules: exit code" "$?" 1
if cmp -s "$TMP/out" tests/lint/compliance/compliance.err; then pass; else
	fail "lint bad rules: messages differ"
	diff tests/lint/compliance/compliance.err "$TMP/out" | sed 's/^/  /' >&2
fi
finish
