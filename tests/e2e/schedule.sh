#!/bin/sh
# The agreed payment schedule is the same everywhere: a scripted call that
# agrees three payments, then show, history, export (CSV, JSON, xAPI), the
# HTML report and rescore, each checked against what the script says.
#
# What the expectations come from (not from recoup's output):
# - the call's date: forgetful-florist's case file has no "date", so the
#   call is held 47 days (days_overdue) after its oldest unpaid invoice
#   (INV-2291, due 2026-09-15): 2026-09-15 + 47 days = 2026-11-01;
# - the script proposes "$1,840 today ... and then $640 a month for the
#   next 2 months" and recaps "$1,840 today by card, then $640 on December
#   1 and another $640 on January 1": payments of 1840.00 on 2026-11-01,
#   640.00 on 2026-12-01 and 640.00 on 2027-01-01; 3,120 in all, which is
#   the case's balance, so nothing is left open.
. "$(dirname "$0")/lib.sh"

DB=$TMP/schedule.db
script=tests/golden/forgetful-courteous.script
words='\$1,840 today and then \$640 a month for 2 months from December 1'
J=${JSONGET:?JSONGET must point at the jsonget tool}

"$RECOUP" run forgetful-florist --script "$script" --seed 1 --db "$DB" \
    --trainee sam >"$TMP/run.out"
expect_eq "run: exit code" "$?" 0
expect_grep "run: the scorecard's Agreement line" "$TMP/run.out" "^Agreement: +$words\$"
grep '^Agreement:' "$TMP/run.out" >"$TMP/run.line"
"$RECOUP" run forgetful-florist --script "$script" --seed 1 --no-save \
    --format json >"$TMP/run.json"
pay="$(printf '1840\t2026-11-01\n640\t2026-12-01\n640\t2027-01-01')"
expect_eq "run json: three payments" \
    "$("$J" "$TMP/run.json" 'outcome.agreement.schedule.*' amount due)" "$pay"

# show: the same words as the live scorecard, against the call's date.
"$RECOUP" show 1 --db "$DB" >"$TMP/show.out"
expect_eq "show: exit code" "$?" 0
expect_grep "show: the call's date" "$TMP/show.out" "; call dated 2026-11-01; status: complete$"
if cmp -s "$TMP/run.line" "$(grep '^Agreement:' "$TMP/show.out" >"$TMP/show.line"; echo "$TMP/show.line")"; then
	pass
else
	fail "show: the Agreement line differs from the live call's"
	diff "$TMP/run.line" "$TMP/show.line" >&2
fi
expect_grep "show: total" "$TMP/show.out" '^Total: +\$3,120 of \$3,120$'
expect_no_grep "show: no undated words" "$TMP/show.out" "within a month|2026 and then"
"$RECOUP" show 1 --db "$DB" --format json >"$TMP/show.json"
expect_eq "show json: the three payments" \
    "$("$J" "$TMP/show.json" 'outcome.agreement.schedule.*' amount due)" "$pay"
expect_eq "show json: total, balance left" \
    "$("$J" "$TMP/show.json" outcome.agreement total balance_left)" "$(printf '3120\t0')"
expect_eq "show json = run json (agreement)" \
    "$("$J" "$TMP/show.json" outcome.agreement)" "$("$J" "$TMP/run.json" outcome.agreement)"

# history: the Agreement words under the session, with the call's date.
"$RECOUP" history --db "$DB" >"$TMP/hist.out"
expect_grep "history: agreement" "$TMP/hist.out" "^ +Agreement: $words \(call dated 2026-11-01\)$"

# CSV: call_date, agreement (words), schedule (brief form), totals.
"$RECOUP" export --format csv --db "$DB" >"$TMP/x.csv"
expect_grep "csv: header" "$TMP/x.csv" ',call_date,agreement,schedule,agreement_total,balance_left,reviewed,'
expect_grep "csv: the schedule" "$TMP/x.csv" \
    ",2026-11-01,\"$words\",1840\.00@2026-11-01; 640\.00/month x2 from 2026-12-01,3120\.00,0\.00,0,,"
"$RECOUP" history --db "$DB" --format csv >"$TMP/h.csv"
expect_eq "history csv = export csv" "$(cat "$TMP/h.csv")" "$(cat "$TMP/x.csv")"

# JSON export: the schedule array, total, balance_left and the call's date.
"$RECOUP" export --format json --db "$DB" >"$TMP/x.json"
expect_grep "json: call_date" "$TMP/x.json" '"call_date": "2026-11-01"'
expect_grep "json: schedule" "$TMP/x.json" \
    '"agreement": \{"schedule": \[\{"amount": 1840\.00, "due": "2026-11-01"\}, \{"amount": 640\.00, "due": "2026-12-01", "run": true\}, \{"amount": 640\.00, "due": "2027-01-01", "run": true\}\], "total": 3120\.00, "balance_left": 0\.00, '
expect_grep "json: the words" "$TMP/x.json" "\"text\": \"$words\"\\}"

# xAPI: the same agreement object as a result extension; the call's date.
"$RECOUP" export --format xapi --db "$DB" >"$TMP/x.jsonl"
expect_grep "xapi: the schedule" "$TMP/x.jsonl" \
    '"https://recoup.invalid/xapi/agreement": \{"schedule": \[\{"amount": 1840\.00, "due": "2026-11-01"\}, \{"amount": 640\.00, "due": "2026-12-01", "run": true\}, \{"amount": 640\.00, "due": "2027-01-01", "run": true\}\], "total": 3120\.00, "balance_left": 0\.00, '
expect_eq "xapi: both statements carry it" \
    "$(grep -c '"https://recoup.invalid/xapi/agreement": {"schedule"' "$TMP/x.jsonl")" 2
expect_grep "xapi: call date" "$TMP/x.jsonl" '"https://recoup.invalid/xapi/call-date": "2026-11-01"'

# HTML: a list of the payments, escaped words.
"$RECOUP" report --html "$TMP/r.html" --db "$DB" >/dev/null
expect_eq "report: exit code" "$?" 0
expect_grep "html: agreements section" "$TMP/r.html" '<h2>Agreements</h2>'
expect_grep "html: the payments as a list" "$TMP/r.html" \
    '<ol class="schedule"><li>\$1,840 due <time datetime="2026-11-01">2026-11-01</time></li><li>\$640 due <time datetime="2026-12-01">2026-12-01</time></li><li>\$640 due <time datetime="2027-01-01">2027-01-01</time></li></ol>'
expect_grep "html: the words and call date" "$TMP/r.html" \
    "<td>2026-11-01</td><td>$words</td>"

# rescore: the outcome is scored from the stored schedule and call date,
# the same as the live call's.
outc=$(grep '^Outcome score:' "$TMP/run.out")
"$RECOUP" rescore --db "$DB" --all >/dev/null
expect_eq "rescore: exit code" "$?" 0
"$RECOUP" show 1 --db "$DB" >"$TMP/show2.out"
expect_eq "rescore: same outcome" "$(grep '^Outcome score:' "$TMP/show2.out")" "$outc"
expect_grep "rescore: paid in full in 61 days (Nov 1 to Jan 1)" "$TMP/show2.out" \
    '^Outcome score: .*in full in 61 days'
expect_eq "rescore: agreement unchanged" "$(grep '^Agreement:' "$TMP/show2.out")" "$(cat "$TMP/run.line")"

# A hostile name next to an agreement stays text in the HTML list.
"$RECOUP" run forgetful-florist --script "$script" --seed 1 --db "$DB" \
    --trainee '<img src=x onerror=alert(1)>' >/dev/null
"$RECOUP" report --html "$TMP/r2.html" --db "$DB" >/dev/null
expect_no_grep "html: no injected element" "$TMP/r2.html" '<img'
expect_grep "html: the name escaped in the list" "$TMP/r2.html" \
    '<tr><td>2</td><td>&lt;img src=x onerror=alert\(1\)&gt;</td>'

finish
