#!/bin/sh
# recoup understand: the normal form, the intents with their spans and how
# they were read, amounts and terms, the rule that answers in a state, the
# JSON shape of docs/understanding.md, a debtor's line, and bad usage.
. "$(dirname "$0")/lib.sh"

"$RECOUP" understand forgetful-florist 'whats goin on with ur acount? i can do $500 today' \
	>"$TMP/out" 2>"$TMP/err"
expect_eq "text: exit code" "$?" 0
expect_grep "text: normal form" "$TMP/out" "^normalised:  what's going on with your account\\? i can do \\\$500 today$"
expect_grep "text: intents" "$TMP/out" "^intents: +ask-reason \"what's going on\", propose \\(scenario\\), payment-talk \"\\\$500\"$"
expect_grep "text: amounts" "$TMP/out" '^amounts: +\$500$'
expect_grep "text: terms" "$TMP/out" '^terms: +\$500 today$'
expect_grep "text: the fallback answers" "$TMP/out" "^rule: +none: the state's fallback answers$"

# In another state a rule answers; --trace says why the others did not.
"$RECOUP" understand forgetful-florist "can u hold on a sec" --state identified --trace \
	>"$TMP/out" 2>&1
expect_grep "hold-on: the shared base answers" "$TMP/out" '^rule: +hold-on \(shared base\)$'
expect_grep "hold-on: trace" "$TMP/out" '^  tried .*intent not read'

# JSON: the shape, with spans into the normal form.
"$RECOUP" understand forgetful-florist "Why haven't you paid INV-2291?" --format json \
	>"$TMP/j" 2>"$TMP/err"
expect_eq "json: exit code" "$?" 0
expect_eq "json: ask-reason by a pattern" \
	"$("$JSONGET" "$TMP/j" "intents.*" id path | grep ask-reason)" "ask-reason	pattern"
expect_eq "json: its span" "$("$JSONGET" "$TMP/j" "intents.*" id span | grep ask-reason)" \
	"ask-reason	[0,11]"
expect_eq "json: remind-debt read from the case file" \
	"$("$JSONGET" "$TMP/j" "intents.*" id path | grep remind-debt)" "remind-debt	scenario"
expect_eq "json: no terms" "$("$JSONGET" "$TMP/j" terms)" "null"
expect_eq "json: state" "$("$JSONGET" "$TMP/j" state)" "greeting"

# The terms a line is read as: the schedule, dated against the call's date
# (forgetful-florist: Sunday 2026-11-01), the same shape as a booked deal.
"$RECOUP" understand forgetful-florist "1,840 today, 800 on December 1 and the last 480 on January 1" \
	--format json >"$TMP/j" 2>"$TMP/err"
expect_eq "json terms: schedule" "$("$JSONGET" "$TMP/j" "terms.schedule.*" amount due)" \
	"$(printf '1840\t2026-11-01\n800\t2026-12-01\n480\t2027-01-01')"
expect_eq "json terms: kind, total, left" \
	"$("$JSONGET" "$TMP/j" terms kind total balance_left)" "plan	3120	0"
# A credit granted is no payment; a payment said with it stays.
"$RECOUP" understand aggressive-contractor "I'll credit the \$640 for the damaged pallet today" \
	--format json >"$TMP/j" 2>"$TMP/err"
expect_eq "credit: no terms" "$("$JSONGET" "$TMP/j" terms)" "null"
expect_grep "credit: read as grant-credit" "$TMP/j" '"id": "grant-credit"'
"$RECOUP" understand disputer-gym "I'll waive the \$120 fee if you pay 1,255 today" \
	--format json >"$TMP/j" 2>"$TMP/err"
expect_eq "credit with a payment: the payment" \
	"$("$JSONGET" "$TMP/j" "terms.schedule.*" amount)" "1255"
# Writing off the rest credits what is left, not the figure paid.
"$RECOUP" understand disputer-gym "pay 1,000 by friday and we'll write off the remainder" \
	--format json >"$TMP/j" 2>"$TMP/err"
expect_eq "credit of the rest: the payment" \
	"$("$JSONGET" "$TMP/j" "terms.schedule.*" amount)" "1000"
# A month typed in lowercase is a month, not a word one letter away.
"$RECOUP" understand disputer-gym "i can do 200 july 9" \
	--format json >"$TMP/j" 2>"$TMP/err"
expect_grep "lowercase month: kept" "$TMP/j" 'july 9'

# A debtor's line: the debtor's intents, no rule.
"$RECOUP" understand forgetful-florist "we're skint, I lost my job in March" --speaker debtor \
	--format json >"$TMP/j" 2>"$TMP/err"
expect_eq "debtor: exit code" "$?" 0
expect_grep "debtor: inability" "$TMP/j" '"id": "inability"'
expect_eq "debtor: no rule" "$("$JSONGET" "$TMP/j" rule)" "null"

# Negation is clause-aware.
"$RECOUP" understand forgetful-florist "if you don't settle by Monday, we'll see you in court" >"$TMP/out" 2>&1
expect_grep "conditional threat" "$TMP/out" '^intents: .*threat'
"$RECOUP" understand forgetful-florist "no one is going to court over this" >"$TMP/out" 2>&1
expect_no_grep "negated threat" "$TMP/out" '^intents: .*threat'

# A research fact written as an intent: reading the intent is using it.
mkdir -p "$TMP/r"
sed 's|"patterns": \["\\\\bboat\\\\b"\]|"intent": "small-talk"|' tests/data/tiny.json >"$TMP/r/tiny.json"
expect_grep "research intent written" "$TMP/r/tiny.json" '"intent": "small-talk"'
"$RECOUP" understand "$TMP/r/tiny.json" "how was your weekend?" >"$TMP/out" 2>&1
expect_grep "research by intent: used" "$TMP/out" '^intents: .*small-talk.*use-research|^intents: .*use-research.*small-talk'
"$RECOUP" understand "$TMP/r/tiny.json" "pay me now" >"$TMP/out" 2>&1
expect_no_grep "research by intent: not without it" "$TMP/out" '^intents: .*use-research'
sed 's|, "patterns": \["\\\\bboat\\\\b"\]||' tests/data/tiny.json >"$TMP/r/none.json"
"$RECOUP" understand "$TMP/r/none.json" "hi" >"$TMP/out" 2>&1
expect_eq "research with neither: exit code" "$?" 2
expect_grep "research with neither: message" "$TMP/out" "needs 'patterns', 'intent' or both"

# Likeness reads a phrasing no pattern was written for; the lexicon's
# threshold and an intent's own ("likeness": a number or false) govern it.
line="consider it done, I'm logging into the bank right now"
"$RECOUP" understand forgetful-florist "$line" --speaker debtor --format json >"$TMP/j" 2>&1
expect_eq "likeness: agree read" \
	"$("$JSONGET" "$TMP/j" "intents.*" id path | grep '^agree')" "agree	likeness"
mkdir -p "$TMP/lk"
cp -r scenarios/lang "$TMP/lk/off"
sed 's/"likeness": [0-9.]*,/"likeness": 1000,/' scenarios/lang/normalise.json >"$TMP/lk/off/normalise.json"
RECOUP_LANG="$TMP/lk/off" "$RECOUP" understand forgetful-florist "$line" --speaker debtor >"$TMP/out" 2>&1
expect_no_grep "likeness: lexicon threshold" "$TMP/out" '^intents: .*agree'
for v in 1000 false; do
	cp -r scenarios/lang "$TMP/lk/$v"
	sed "/\"id\": \"agree\",/a\\    \"likeness\": $v," scenarios/lang/intents.json >"$TMP/lk/$v/intents.json"
	RECOUP_LANG="$TMP/lk/$v" "$RECOUP" understand forgetful-florist "$line" --speaker debtor >"$TMP/out" 2>&1
	expect_grep "likeness $v: loads" "$TMP/out" '^intents:'
	expect_no_grep "likeness $v: the intent's own setting" "$TMP/out" '^intents: .*agree'
done

# The case's bare invoice numbers are not money; a sum is, even when it
# has the digits of one.
"$RECOUP" understand disputer-gym "theres two invoices open, 5512 and 5540" >"$TMP/out" 2>&1
expect_grep "invoice numbers: no amounts" "$TMP/out" '^amounts: +none$'
expect_grep "invoice numbers: still a reminder" "$TMP/out" '^intents: .*remind-debt'
"$RECOUP" understand disputer-gym "I can take \$5,540 today" >"$TMP/out" 2>&1
expect_grep "a sum with an invoice's digits" "$TMP/out" '^amounts: +\$5,540$'

# "Say that again?" is answered with the debtor's own last line.
printf 'hi maria, this is sam from greenline\nsorry, say that again? the line went fuzzy\n' >"$TMP/rep"
"$RECOUP" run forgetful-florist --script "$TMP/rep" --no-save >"$TMP/out" 2>&1
first=$(grep '^Maria: ' "$TMP/out" | sed -n 2p | sed 's/^Maria: //')
last=$(grep '^Maria: ' "$TMP/out" | sed -n 3p)
[ -n "$first" ] && pass || fail "repeat: no reply to repeat"
case "$last" in
"Maria: "*"$first"*) pass ;;
*) fail "repeat: '$last' does not repeat '$first'" ;;
esac

# Bad usage: exit 2 with a message.
"$RECOUP" understand forgetful-florist >"$TMP/out" 2>"$TMP/err"
expect_eq "no line: exit code" "$?" 2
expect_grep "no line: message" "$TMP/err" '^recoup: understand needs a scenario and one line'
"$RECOUP" understand forgetful-florist "hi" --state nowhere >"$TMP/out" 2>"$TMP/err"
expect_eq "unknown state: exit code" "$?" 2
expect_grep "unknown state: message" "$TMP/err" "^recoup: scenario 'forgetful-florist' has no state 'nowhere' \\(it has: greeting, "
"$RECOUP" understand forgetful-florist "hi" --speaker judge >"$TMP/out" 2>"$TMP/err"
expect_eq "bad speaker: exit code" "$?" 2
"$RECOUP" understand no-such-debtor "hi" >"$TMP/out" 2>"$TMP/err"
expect_eq "unknown scenario: exit code" "$?" 2
finish
