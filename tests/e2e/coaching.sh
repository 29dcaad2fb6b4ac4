#!/bin/sh
# Practice mode's live help (docs/scoring.md, "Live notes and /hint"):
# the note a given line earns, right after that line; a late reminder is
# not advised again; and over whole scripted calls, with /hint after every
# line, no hint names a practice a note has already called met.
. "$(dirname "$0")/lib.sh"

run_practice() {
	# run_practice SCENARIO SCRIPT OUT: a practice-mode call, seed 1
	"$RECOUP" run "$1" --seed 1 --no-save --mode practice --script "$2" >"$3" 2>&1
}

# note_after OUT LINE: the notes printed after the trainee line LINE (a
# fixed string) and before the next trainee line.
note_after() {
	awk -v line="You: $2" '
		index($0, line) == 1 { on = 1; next }
		on && /^You: / { exit }
		on && /^  \(note: / { print }
	' "$1"
}

# Notes after given lines.
cat >"$TMP/notes" <<'EOF'
Hi, is this Maria? It's Sam from Greenline Wholesale.
I'm calling about INV-2291 for $1,840 and INV-2307 for $1,280, both overdue.
Can I ask what happened with them?
The total is $4,000 by the way.
EOF
run_practice forgetful-florist "$TMP/notes" "$TMP/out"
expect_eq "the reminder's note, after the reminder" \
	"$(note_after "$TMP/out" "I'm calling about INV-2291" | grep -c 'Open with a reminder of the debt — met')" 1
expect_eq "asking why: its note, after that line" \
	"$(note_after "$TMP/out" "Can I ask what happened" | grep -c 'Find out why they have not paid — met')" 1
expect_eq "a wrong total: a note at once, naming the figure" \
	"$(note_after "$TMP/out" "The total is" | grep -c 'Have accurate information — missed: .*\$4,000')" 1
expect_eq "the greeting earns no reminder note" \
	"$(note_after "$TMP/out" "Hi, is this Maria?" | grep -c 'reminder')" 0
expect_eq "each note is said once" \
	"$(grep -c 'Find out why they have not paid — met' "$TMP/out")" 1

# Countering an offer at once is a fault said at once.
cat >"$TMP/counter" <<'EOF'
Hi, is this Maria? It's Sam from Greenline Wholesale.
I'm calling about INV-2291 for $1,840 and INV-2307 for $1,280, both overdue.
What happened with them?
What could you pay today?
Could you do $2,500 today instead?
EOF
run_practice forgetful-florist "$TMP/counter" "$TMP/out"
if grep -q '^Maria: .*\$[0-9]' "$TMP/out"; then
	expect_eq "an at-once counter: its note" \
		"$(note_after "$TMP/out" "Could you do \$2,500" | grep -c "Don't counter at once — missed")" 1
else
	fail "the debtor made no offer to counter"
fi

# Before any reminder the hint is the reminder; once it has been given,
# late (partly met), the hint moves on and never comes back to it.
printf '%s\n' "Hi, is this Maria? It's Sam from Greenline Wholesale." \
	"How's business going these days?" /hint >"$TMP/early"
run_practice forgetful-florist "$TMP/early" "$TMP/out"
expect_grep "no reminder yet: the hint is the reminder" "$TMP/out" \
	'^\(Hint: Open with a reminder of the debt\.'
cat >"$TMP/late" <<'EOF'
Hi, is this Maria? It's Sam from Greenline Wholesale.
How's business going these days?
Lovely. Busy season for you?
And the new van, is it working out?
I'm calling about INV-2291 for $1,840 and INV-2307 for $1,280, both overdue.
/hint
What happened with those?
/hint
Could you pay something today
/hint
EOF
run_practice forgetful-florist "$TMP/late" "$TMP/out"
expect_grep "a late reminder: the card has it partly met" "$TMP/out" \
	'^\[~\] +2\. Open with a reminder of the debt +partial'
expect_no_grep "a late reminder is not advised again" "$TMP/out" \
	'^\(Hint: Open with a reminder'
expect_eq "three hints given" "$(grep -c '^(Hint: ' "$TMP/out")" 3

# Whole calls: the golden scripts with /hint after every line.  A hint
# names a practice by its title; none may name one a note called met,
# unless a later note said the call broke it (a wrong figure after right
# ones): then it is missed again, and advice on it is news.
for args in tests/golden/*.args; do
	name=$(basename "$args" .args)
	awk '/^[[:space:]]*(#|$)/ { next } { print } !/^\// { print "/hint" }' \
		"tests/golden/$name.script" >"$TMP/hinted"
	# shellcheck disable=SC2046
	"$RECOUP" run $(cat "$args") --mode practice --script "$TMP/hinted" \
		>"$TMP/out" 2>&1
	bad=$(awk '
		/^  \(note: .* — met/ {
			t = $0; sub(/^  \(note: /, "", t); sub(/ — met.*/, "", t); met[t] = 1
		}
		/^  \(note: .* — missed/ {
			t = $0; sub(/^  \(note: /, "", t); sub(/ — missed.*/, "", t); delete met[t]
		}
		/^\(Hint: / {
			t = $0; sub(/^\(Hint: /, "", t); sub(/\. .*/, "", t)
			if (t in met) print t
		}
	' "$TMP/out" | head -1)
	expect_eq "$name: no hint for a practice already met" "$bad" ""
done

finish
