#!/bin/sh
# Databases written by recoup at schema versions 2 and 4 (the v4 part is
# at the end).  tests/store/v2.db (see tests/store/README) opened by this recoup: the migration runs, every old
# session keeps its turns, scores and agreement (stored then in the older
# upfront/instalment shape), the agreements read with their dates, and the
# file in tests/ is never touched (the test works on a copy).
#
# Expected schedules, worked out from each session's stored terms and its
# scenario's case file (no "date": the call is held days_overdue after
# the oldest unpaid invoice):
#   1 forgetful-florist        2026-09-15 + 47 = 2026-11-01;
#     1,840 today, then 640 a month x2  -> 1840@11-01, 640@12-01, 640@2027-01-01
#   2 broke-consumer           2026-07-31 + 94 = 2026-11-02;
#     80 a month x24 from "december 15th", 1,900 in all -> 23 x 80 from
#     2026-12-15, the 24th 60.00 on 2028-11-15
#   3 promiser-agency          2026-08-31 + 63 = 2026-11-02;
#     2,000 today, then 1,000 a month x5, 6,750 in all -> the last 750 on
#     2027-04-02
#   4 distressed-manufacturer  2026-09-30 + 33 = 2026-11-02;
#     2,000 today and "the remaining 12,200 by December 15" (the day kept
#     only in the stored text) -> 2000@11-02, 12200@12-15
#   5 aggressive-contractor    no agreement (the debtor hung up)
#   6 excuse-maker-cafe        2026-09-05 + 58 = 2026-11-02;
#     3,000 today, then 800 a month x2 -> 3000@11-02, 800@12-02, 800@2027-01-02
#   7 forgetful-florist        no agreement (the trainee ended the call)
. "$(dirname "$0")/lib.sh"

FIX=tests/store/v2.db
DB=$TMP/v2.db
sum_before=$(cksum <"$FIX")
cp "$FIX" "$DB"

# The schema version is the 4 bytes at offset 60 of the file's header.
version() { od -An -tu1 -j60 -N4 "$1" | tr -s ' ' | sed 's/^ //; s/ $//'; }
expect_eq "fixture: schema version 2" "$(version "$DB")" "0 0 0 2"

"$RECOUP" history --db "$DB" >"$TMP/hist.out" 2>"$TMP/err"
expect_eq "history: exit code" "$?" 0
expect_eq "history: no message" "$(cat "$TMP/err")" ""
expect_eq "migrated: schema version 6" "$(version "$DB")" "0 0 0 6"

# Nothing lost: seven sessions, their turns, statuses and scores as stored.
"$RECOUP" export --format csv --db "$DB" >"$TMP/x.csv"
expect_eq "csv: seven sessions" "$(($(wc -l <"$TMP/x.csv") - 1))" 7
expect_eq "csv: id, trainee, scenario, status, ended_by, turns, score" \
    "$(tail -n +2 "$TMP/x.csv" | cut -d, -f1,4,7,11-13,17)" \
"1,trainee-forgetful-courteous,forgetful-florist,complete,agreement,43,99.1
2,trainee-broke-kind,broke-consumer,complete,agreement,41,96.8
3,trainee-promiser-agency-good,promiser-agency,complete,agreement,45,95.9
4,trainee-distressed-manufacturer-good,distressed-manufacturer,complete,agreement,35,98.2
5,trainee-aggressive-hostile,aggressive-contractor,complete,hangup,10,22.5
6,trainee-excuse-maker-cafe-good,excuse-maker-cafe,complete,agreement,47,96.3
7,trainee-abandoned,forgetful-florist,complete,trainee,5,42.6"
i=1
for turns in 43 41 45 35 10 47 5; do
	"$RECOUP" show $i --db "$DB" >"$TMP/show$i.out"
	expect_eq "show $i: exit code" "$?" 0
	expect_eq "show $i: every turn" \
	    "$(grep -Ec '^ *[0-9]+ ([A-Z][a-z]+:|You:|\()' "$TMP/show$i.out")" "$turns"
	expect_grep "show $i: scorecard kept" "$TMP/show$i.out" "^Overall: "
	i=$((i + 1))
done

# Every agreement, dated against its call.
expect_grep "show 1" "$TMP/show1.out" \
    '^Agreement: +\$1,840 today and then \$640 a month for 2 months from December 1$'
expect_grep "show 1: call date" "$TMP/show1.out" '; call dated 2026-11-01; '
expect_grep "show 2" "$TMP/show2.out" \
    '^Agreement: +\$80 a month for 24 months from December 15 \(the last \$60\)$'
expect_grep "show 3" "$TMP/show3.out" \
    '^Agreement: +\$2,000 today and then \$1,000 a month for 5 months from December 2 \(the last \$750\)$'
expect_grep "show 4: the remaining payment keeps its day" "$TMP/show4.out" \
    '^Agreement: +\$2,000 today and \$12,200 on December 15$'
expect_no_grep "show 4: not 'within a month'" "$TMP/show4.out" 'within a month'
expect_grep "show 5" "$TMP/show5.out" '^Agreement: +none$'
expect_grep "show 6" "$TMP/show6.out" \
    '^Agreement: +\$3,000 today and then \$800 a month for 2 months from December 2$'
expect_grep "show 7" "$TMP/show7.out" '^Agreement: +none$'

expect_eq "csv: call_date, schedule, total, left" \
    "$(tail -n +2 "$TMP/x.csv" | awk -F, '{ print $1 "|" $39 "|" $(NF-9) "|" $(NF-8) "|" $(NF-7) }' | tr -d '\r')" \
"1|2026-11-01|1840.00@2026-11-01; 640.00/month x2 from 2026-12-01|3120.00|0.00
2|2026-11-02|80.00/month x24 from 2026-12-15|1900.00|0.00
3|2026-11-02|2000.00@2026-11-02; 1000.00/month x5 from 2026-12-02|6750.00|0.00
4|2026-11-02|2000.00@2026-11-02; 12200.00@2026-12-15|14200.00|0.00
5|2026-11-02|||
6|2026-11-02|3000.00@2026-11-02; 800.00/month x2 from 2026-12-02|4600.00|0.00
7|2026-11-01|||"

# JSON: each payment with its ISO date, whatever shape it was stored in.
"$RECOUP" export --format json --db "$DB" >"$TMP/x.json"
J=${JSONGET:?JSONGET must point at the jsonget tool}
"$J" "$TMP/x.json" '*' id call_date >"$TMP/ids"
expect_eq "json: call dates" "$(tr '\t\n' ': ' <"$TMP/ids")" \
    "1:2026-11-01 2:2026-11-02 3:2026-11-02 4:2026-11-02 5:2026-11-02 6:2026-11-02 7:2026-11-01 "
expect_grep "json: session 4's schedule" "$TMP/x.json" \
    '"id": 4, .*"agreement": \{"schedule": \[\{"amount": 2000\.00, "due": "2026-11-02"\}, \{"amount": 12200\.00, "due": "2026-12-15"\}\], "total": 14200\.00, "balance_left": 0\.00'
expect_eq "json: session 2's payments" "$("$J" "$TMP/x.json" '*.agreement.schedule.*' amount due | awk -F'\t' '$1 == 80 || $1 == 60' | wc -l | tr -d ' ')" 24
expect_grep "json: session 2's first payment" "$TMP/x.json" \
    '"id": 2, .*"agreement": \{"schedule": \[\{"amount": 80\.00, "due": "2026-12-15", "run": true\}'
expect_grep "json: session 2's last payment" "$TMP/x.json" \
    '"id": 2, .*\{"amount": 80\.00, "due": "2028-10-15", "run": true\}, \{"amount": 60\.00, "due": "2028-11-15"\}\], "total": 1900\.00, "balance_left": 0\.00'
expect_grep "json: session 3's last payment" "$TMP/x.json" \
    '"id": 3, .*\{"amount": 1000\.00, "due": "2027-03-02", "run": true\}, \{"amount": 750\.00, "due": "2027-04-02"\}\], "total": 6750\.00'
expect_no_grep "json: no older shape left in the export" "$TMP/x.json" '"upfront"'
"$RECOUP" export --format xapi --db "$DB" >"$TMP/x.jsonl"
expect_grep "xapi: session 4's schedule" "$TMP/x.jsonl" \
    '"https://recoup.invalid/xapi/agreement": \{"schedule": \[\{"amount": 2000\.00, "due": "2026-11-02"\}, \{"amount": 12200\.00, "due": "2026-12-15"\}\]'
"$RECOUP" report --html "$TMP/r.html" --db "$DB" >/dev/null
expect_grep "html: session 4's payments" "$TMP/r.html" \
    '<li>\$2,000 due <time datetime="2026-11-02">2026-11-02</time></li><li>\$12,200 due <time datetime="2026-12-15">2026-12-15</time></li>'
expect_eq "html: five agreements listed" "$(grep -o '<ol class="schedule">' "$TMP/r.html" | wc -l | tr -d ' ')" 5

# rescore keeps the old scorecards and adds new ones; agreements unchanged.
"$RECOUP" rescore --db "$DB" --all >"$TMP/rescore.out"
expect_eq "rescore: exit code" "$?" 0
expect_grep "rescore: all seven" "$TMP/rescore.out" "^rescored 7 sessions"
"$RECOUP" show 4 --db "$DB" >"$TMP/show4b.out"
expect_eq "rescore: show 4's agreement unchanged" \
    "$(grep '^Agreement:' "$TMP/show4b.out")" "$(grep '^Agreement:' "$TMP/show4.out")"
expect_grep "rescore: session 4 paid in full on December 15 (43 days)" "$TMP/show4b.out" \
    '^Outcome score: .*in full in 43 days'

# Opening again changes nothing; the fixture was never written.  (The
# scores, columns 46 on, are the rescore's: the current rubric's.)
"$RECOUP" export --format csv --db "$DB" >"$TMP/x2.csv"
expect_eq "second open: same records" "$(cut -d, -f1-13,39-45 "$TMP/x2.csv")" "$(cut -d, -f1-13,39-45 "$TMP/x.csv")"
expect_eq "fixture unchanged" "$(cksum <"$FIX")" "$sum_before"
for f in "$FIX-wal" "$FIX-shm" "$FIX-journal"; do
	if [ -e "$f" ]; then fail "the fixture got a companion file: $f"; else pass; fi
done

# A database written at schema version 4 (tests/store/v4.db, before the
# reviews of schema 5): migrated, nothing lost, and a review on an old
# score recomputes it with the share of the overall the stored figures
# tell (scores.w_practice is NULL there).  Session 1 (forgetful-florist,
# all met but be-realistic and dont-force-the-issue n/a; weights 1, and
# 1.5 for accurate-information, remain-calm, hold-to-the-deal: 19.5 in
# all; outcome 97.0) reviewed start-with-reminder=missed: practice
# 100 x 18.5 / 19.5 = 94.9, overall 0.7 x 94.87 + 0.3 x 97.0 = 95.5.
FIX4=tests/store/v4.db
DB4=$TMP/v4.db
sum4_before=$(cksum <"$FIX4")
cp "$FIX4" "$DB4"
expect_eq "v4 fixture: schema version 4" "$(version "$DB4")" "0 0 0 4"
"$RECOUP" export --format csv --db "$DB4" >"$TMP/v4.csv" 2>"$TMP/err"
expect_eq "v4: no message" "$(cat "$TMP/err")" ""
expect_eq "v4 migrated: schema version 6" "$(version "$DB4")" "0 0 0 6"
expect_eq "v4 csv: id, trainee, scenario, status, ended_by, turns, score, reviewed" \
    "$(tail -n +2 "$TMP/v4.csv" | awk -F, '{ print $1 "|" $4 "|" $7 "|" $11 "|" $12 "|" $13 "|" $17 "|" $(NF-6) }' | tr -d '\r')" \
"1|trainee-forgetful-courteous|forgetful-florist|complete|agreement|43|99.1|0
2|trainee-broke-kind|broke-consumer|complete|agreement|41|96.8|0
3|trainee-aggressive-hostile|aggressive-contractor|complete|hangup|10|22.5|0"
"$RECOUP" review 1 --set start-with-reminder=missed --by Ana --db "$DB4" >"$TMP/v4rev.out"
expect_eq "v4 review: exit code" "$?" 0
"$RECOUP" show 1 --db "$DB4" >"$TMP/v4show.out"
expect_grep "v4 show: reviewed status" "$TMP/v4show.out" \
    'Open with a reminder of the debt +missed \(reviewed by Ana: was met\)$'
expect_grep "v4 show: practice score" "$TMP/v4show.out" \
    "^Practice score: 95/100 \(1 reviewed; the scorer's 100\)$"
"$RECOUP" export --format csv --db "$DB4" >"$TMP/v4b.csv"
expect_eq "v4 csv: reviewed scores" \
    "$(sed -n 2p "$TMP/v4b.csv" | awk -F, '{ print $15 "|" $16 "|" $17 "|" $20 "|" $(NF-7) "|" $(NF-4) "|" $(NF-3) }' | tr -d '\r')" \
    "94.9|97.0|95.5|missed|1|100.0|99.1"
expect_eq "v4 fixture unchanged" "$(cksum <"$FIX4")" "$sum4_before"

finish
