#!/bin/sh
# recoup calibrate on the labelled calls of tests/score/calibrate/.  The
# figures were worked out by hand from the labels and `recoup score`'s
# cards (polite.txt 5 of 7 labels agreed, rude.txt 5 of 6; critical
# failures 1 of 2):
#   overall 10 of 13 (76.9%); be-realistic, find-the-reason and
#   ask-for-comments 0 of 1, remain-calm 2 of 2, the others 1 of 1;
#   confusion (reviewer rows: met, partial, missed, n/a):
#     met 4 0 0 0 / partial 0 1 1 0 / missed 0 1 4 0 / n/a 0 0 1 1
#   ("partial|met" against missed counts in the partial row,
#   "missed|partial" against partial in the partial row).
. "$(dirname "$0")/lib.sh"

D=tests/score/calibrate
: "${JSONGET:?JSONGET must point at tests/tools/jsonget}"

"$RECOUP" calibrate $D/*.txt >"$TMP/out" 2>"$TMP/err"
expect_eq "text: exit code" "$?" 0
expect_eq "text: the report" "$(cat "$TMP/out")" "$(cat $D/expected.out)"
expect_eq "text: the unlabelled file is skipped with a warning" "$(cat "$TMP/err")" \
    "recoup: warning: $D/unlabelled.txt: no labels ('# expect:' lines), skipped"

"$RECOUP" calibrate $D/*.txt --format json >"$TMP/c.json" 2>/dev/null
expect_eq "json: exit code" "$?" 0
expect_eq "json: calls and skipped" "$("$JSONGET" "$TMP/c.json" . calls skipped)" \
    "$(printf '2\t["%s"]' "$D/unlabelled.txt")"
expect_eq "json: overall" "$("$JSONGET" "$TMP/c.json" overall labels agreed share)" \
    "$(printf '13\t10\t0.7692')"
expect_eq "json: critical" "$("$JSONGET" "$TMP/c.json" critical labels agreed share)" \
    "$(printf '2\t1\t0.5')"
expect_eq "json: per practice" \
    "$("$JSONGET" "$TMP/c.json" 'per_practice.*' practice number labels agreed share | tr '\t' ' ')" \
"start-with-reminder 2 1 1 1
accurate-information 3 1 1 1
polite-professional 5 1 1 1
remain-calm 6 2 2 1
treat-as-equals 7 1 1 1
be-realistic 8 1 0 0
find-the-reason 11 1 0 0
ask-for-comments 12 1 0 0
dont-force-the-issue 16 1 1 1
confirm-in-writing 17 1 1 1
explain-ramifications 18 1 1 1
hold-to-the-deal 20 1 1 1"
expect_eq "json: confusion" \
    "$("$JSONGET" "$TMP/c.json" 'confusion.*' reviewer met partial missed n/a | tr '\t' ' ')" \
"met 4 0 0 0
partial 0 1 1 0
missed 0 1 4 0
n/a 0 0 1 1"
expect_eq "json: disagreements" \
    "$("$JSONGET" "$TMP/c.json" 'disagreements.*' file practice reviewer scorecard turn quote)" \
"$(printf '%s\t%s\t%s\t%s\t%s\t%s\n' \
    $D/polite.txt find-the-reason 'partial|met' missed 4 'Oh no, I completely forgot about that one.' \
    $D/polite.txt ask-for-comments n/a missed 5 'Could you pay the $1,840 by Friday?' \
    $D/rude.txt be-realistic missed partial 2 "Who is this? I don't have the money right now." \
    $D/rude.txt critical no yes 3 "Don't play dumb with me, you deadbeat.")"

# --min: information unless asked for a pass mark.
"$RECOUP" calibrate $D/polite.txt $D/rude.txt --min 0.75 >/dev/null 2>&1
expect_eq "--min 0.75: passes" "$?" 0
"$RECOUP" calibrate $D/polite.txt $D/rude.txt --min 80% >/dev/null 2>"$TMP/err"
expect_eq "--min 80%: exit code" "$?" 1
expect_eq "--min 80%: message" "$(cat "$TMP/err")" \
    "recoup: agreement 10 of 13 is below --min 0.8"
"$RECOUP" calibrate $D/polite.txt --min 2 >/dev/null 2>&1
expect_eq "--min 2: bad usage" "$?" 2

# Bad labels: every problem with its position, exit 2, no report.
"$RECOUP" calibrate $D/bad/unknown-practice.txt $D/bad/unknown-status.txt \
    $D/polite.txt >"$TMP/out" 2>"$TMP/err"
expect_eq "bad labels: exit code" "$?" 2
expect_eq "bad labels: no report" "$(cat "$TMP/out")" ""
expect_eq "bad labels: messages" "$(cat "$TMP/err")" \
"recoup: $D/bad/unknown-practice.txt:2:28: unknown practice 'reman-calm'
recoup: $D/bad/unknown-status.txt:1:27: unknown status 'grand' for 'remain-calm': expected met, partial, missed or n/a
recoup: $D/bad/unknown-status.txt:2:20: unknown critical label 'maybe': expected yes or no"
"$RECOUP" calibrate "$TMP/missing.txt" >/dev/null 2>&1
expect_eq "missing file: exit code" "$?" 2
"$RECOUP" calibrate >/dev/null 2>&1
expect_eq "no file: exit code" "$?" 2
"$RECOUP" calibrate --help >"$TMP/help"
expect_grep "--help" "$TMP/help" '^usage: recoup calibrate FILE\.\.\.'

# The examples of docs/scoring.md carry "# expect: ID STATUS" lines: the
# scorer agrees with every one of them (tests/score/examples/check.sh).
"$RECOUP" calibrate tests/score/examples/*.txt --min 1 >"$TMP/ex" 2>&1
expect_eq "examples: all agreed" "$?" 0

finish
