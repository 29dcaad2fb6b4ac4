#!/bin/sh
# The creditor's policy (case.policy): /case shows it in plain words, an
# agreement outside it is flagged in the JSON output (the outcome's
# policy_breaches and the within-policy practice) for each debtor whose
# golden call breaks it, and /floor's kind (in total or paid now) is kept
# in the JSON and by a stored session.  $JSONGET (tests/tools/jsonget.c)
# reads the JSON.
. "$(dirname "$0")/lib.sh"
: "${JSONGET:?JSONGET must point at the jsonget test tool}"

# /case in plain words.
printf '/case\n' >"$TMP/case"
for want in 'broke-consumer:  - Instalments of at least \$50 a month\.' \
	'gatekeeper-spouse:  - Plans of at most 6 months, from today to the last payment\.' \
	'aggressive-contractor:  - You may credit up to \$750 on your own authority; more needs approval\.' \
	'promiser-agency:  - No post-dated payments: the first payment is taken today\.'; do
	id=${want%%:*}
	"$RECOUP" run "$id" --seed 1 --no-save --script "$TMP/case" >"$TMP/out"
	expect_grep "$id: /case shows the policy" "$TMP/out" '^Policy:$'
	expect_grep "$id: /case says the limit" "$TMP/out" "^${want#*:}\$"
done
"$RECOUP" run forgetful-florist --seed 1 --no-save --script "$TMP/case" >"$TMP/out"
expect_no_grep "no policy, no Policy heading" "$TMP/out" '^Policy:'

# Each golden call that breaks the policy, in JSON: the breach's kind,
# figures and words, and within-policy missed.
for c in 'broke-policy-low	instalment	25	50' \
	'aggressive-policy-credit	authority	1500	750' \
	'gatekeeper-policy-long	length	9	6' \
	'promiser-policy-postdated	post-dated	4	0'; do
	name=$(printf '%s' "$c" | cut -f1)
	want=$(printf '%s' "$c" | cut -f2-)
	# shellcheck disable=SC2046
	"$RECOUP" run $(cat "tests/golden/$name.args") --format json \
		--script "tests/golden/$name.script" >"$TMP/j"
	expect_eq "$name: exit code" "$?" 0
	expect_eq "$name: policy_breaches" \
		"$("$JSONGET" "$TMP/j" 'scorecard.outcome.policy_breaches.*' kind found limit)" "$want"
	expect_eq "$name: within-policy" \
		"$("$JSONGET" "$TMP/j" 'scorecard.extended.*' id status | grep '^within-policy')" \
		"within-policy	missed"
done
# Within the policy: no breach, within-policy met.
"$RECOUP" run broke-consumer --seed 1 --no-save --format json \
	--script tests/golden/broke-kind.script >"$TMP/j"
expect_eq "broke-kind: no breach" \
	"$("$JSONGET" "$TMP/j" 'scorecard.outcome.policy_breaches.*' kind)" ""
expect_eq "broke-kind: within-policy met" \
	"$("$JSONGET" "$TMP/j" 'scorecard.extended.*' id status | grep '^within-policy')" \
	"within-policy	met"
# No policy: n/a.
"$RECOUP" run forgetful-florist --seed 1 --no-save --format json \
	--script tests/golden/forgetful-courteous.script >"$TMP/j"
expect_eq "forgetful: within-policy n/a" \
	"$("$JSONGET" "$TMP/j" 'scorecard.extended.*' id status | grep '^within-policy')" \
	"within-policy	n/a"

# /floor's kind in the JSON, and kept by a stored session.
sed 's|^/floor .*|/floor 8000 now|' tests/golden/aggressive-calm.script >"$TMP/now.script"
"$RECOUP" run aggressive-contractor --seed 1 --no-save --format json \
	--script "$TMP/now.script" >"$TMP/j"
expect_eq "floor kind in JSON" "$("$JSONGET" "$TMP/j" outcome floor floor_kind)" "8000	now"
expect_eq "concrete-minimum by what is paid now" \
	"$("$JSONGET" "$TMP/j" 'scorecard.practices.*' id status | grep '^concrete-minimum')" \
	"concrete-minimum	missed"
DB="$TMP/policy.db"
"$RECOUP" run aggressive-contractor --seed 1 --db "$DB" --trainee pat \
	--script "$TMP/now.script" >"$TMP/played"
id=$("$RECOUP" history --db "$DB" --trainee pat --format csv | tail -n 1 | cut -d, -f1)
"$RECOUP" show "$id" --db "$DB" >"$TMP/shown"
expect_eq "show: exit code" "$?" 0
expect_grep "show keeps the floor's kind" "$TMP/shown" '^Your floor: \$8,000 paid now$'
expect_grep "show: concrete-minimum" "$TMP/shown" '^\[x\] 10\. Know your minimum +missed$'

# A stored session keeps the breach: show (text and JSON) flags it as the
# call's own output did.
"$RECOUP" run $(cat tests/golden/broke-policy-low.args | sed 's/--no-save//') \
	--db "$DB" --trainee sam --script tests/golden/broke-policy-low.script >"$TMP/played"
id=$("$RECOUP" history --db "$DB" --trainee sam --format csv | tail -n 1 | cut -d, -f1)
"$RECOUP" show "$id" --db "$DB" >"$TMP/shown"
expect_grep "show: the breach in the outcome" "$TMP/shown" \
	'^Policy breach:  \$25 a month is below the \$50 a month minimum instalment$'
"$RECOUP" show "$id" --db "$DB" --format json >"$TMP/j"
expect_eq "show JSON: policy_breaches" \
	"$("$JSONGET" "$TMP/j" 'scorecard.outcome.policy_breaches.*' kind found limit)" \
	"instalment	25	50"
# Both sessions are in the history.
expect_eq "history: still listed" \
	"$("$RECOUP" history --db "$DB" --format csv | tail -n +2 | wc -l)" 2

finish
