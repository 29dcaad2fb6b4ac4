#!/bin/sh
# Data-driven calls: tests/golden/NAME.script is played with the arguments
# in NAME.args (scenario and seed).  NAME.expect lists what the text output
# must show (one ERE per line; a leading '!' means must NOT show).  When
# NAME.out exists, the whole output must match it byte for byte.  Every
# case is also checked to be deterministic in text and JSON, and, played
# with seed 2 instead of 1, to end the same way in different words.  Every
# agreement must be restated by the debtor with payments adding up to the
# cent ($SUMCHECK).  When NAME.schedule exists (one payment a line: amount
# and due date), the booked schedule must be exactly that in
# `run --format json`, and `recoup show` of the stored call must book the
# same terms as the live call.
. "$(dirname "$0")/lib.sh"
: "${JSONGET:?JSONGET must point at the jsonget test tool}"
: "${SUMCHECK:?SUMCHECK must point at the sumcheck test tool}"

for script in tests/golden/*.script; do
	name=${script%.script}
	[ -f "$name.args" ] || { fail "$script: no $name.args"; continue; }
	# shellcheck disable=SC2046
	set -- $(cat "$name.args")
	"$RECOUP" run "$@" --script "$script" >"$TMP/out" 2>"$TMP/err"
	expect_eq "$name: exit code" "$?" 0
	"$RECOUP" run "$@" --script "$script" >"$TMP/again" 2>/dev/null
	if cmp -s "$TMP/out" "$TMP/again"; then pass; else fail "$name: two runs differ"; fi
	"$RECOUP" run "$@" --script "$script" --format json >"$TMP/j1" 2>/dev/null
	"$RECOUP" run "$@" --script "$script" --format json >"$TMP/j2" 2>/dev/null
	if cmp -s "$TMP/j1" "$TMP/j2"; then pass; else fail "$name: two JSON runs differ"; fi
	if "$SUMCHECK" "$TMP/j1" >"$TMP/sums"; then pass; else
		fail "$name: agreements not restated to the cent"
		sed 's/^/  | /' "$TMP/sums" >&2
	fi
	if [ -f "$name.schedule" ]; then
		"$JSONGET" "$TMP/j1" 'outcome.agreement.schedule.*' amount due \
		    | tr '\t' ' ' >"$TMP/sched"
		if cmp -s "$TMP/sched" "$name.schedule"; then pass; else
			fail "$name: booked schedule differs from $name.schedule"
			diff "$name.schedule" "$TMP/sched" | sed 's/^/  /' >&2
		fi
		rm -f "$TMP/g.db"
		# shellcheck disable=SC2046
		"$RECOUP" run $(sed 's/--no-save//' "$name.args") --script "$script" \
		    --db "$TMP/g.db" >/dev/null 2>&1
		"$RECOUP" show 1 --db "$TMP/g.db" >"$TMP/show" 2>&1
		grep '^Agreement:' "$TMP/out" >"$TMP/a1"
		grep '^Agreement:' "$TMP/show" >"$TMP/a2"
		if [ -s "$TMP/a1" ] && cmp -s "$TMP/a1" "$TMP/a2"; then pass; else
			fail "$name: 'recoup show' books other terms than the call"
			diff "$TMP/a1" "$TMP/a2" | sed 's/^/  /' >&2
		fi
		"$RECOUP" show 1 --db "$TMP/g.db" --format json >"$TMP/showj" 2>&1
		"$JSONGET" "$TMP/showj" 'outcome.agreement.schedule.*' amount due \
		    | tr '\t' ' ' >"$TMP/sched2"
		if cmp -s "$TMP/sched2" "$name.schedule"; then pass; else
			fail "$name: 'recoup show --format json' schedule differs"
			diff "$name.schedule" "$TMP/sched2" | sed 's/^/  /' >&2
		fi
	fi
	if [ -f "$name.expect" ]; then
		while IFS= read -r pat; do
			case "$pat" in
			''|'#'*) ;;
			'!'*) expect_no_grep "$name" "$TMP/out" "${pat#!}" ;;
			*) expect_grep "$name" "$TMP/out" "$pat" ;;
			esac
		done <"$name.expect"
	fi
	if [ -f "$name.out" ]; then
		if cmp -s "$TMP/out" "$name.out"; then pass; else
			fail "$name: output differs from $name.out"
			diff "$name.out" "$TMP/out" | head -30 | sed 's/^/  /' >&2
		fi
	fi
	# Another seed: different wording, the same outcome.
	if grep -q -- '--seed 1' "$name.args"; then
		# shellcheck disable=SC2046
		"$RECOUP" run $(sed 's/--seed 1/--seed 2/' "$name.args") --script "$script" \
		    >"$TMP/seed2" 2>/dev/null
		grep -E '^(Ended by|Agreement|Total):' "$TMP/out" >"$TMP/o1"
		grep -E '^(Ended by|Agreement|Total):' "$TMP/seed2" >"$TMP/o2"
		if cmp -s "$TMP/o1" "$TMP/o2"; then pass; else
			fail "$name: seed 2 ends differently"
			diff "$TMP/o1" "$TMP/o2" | sed 's/^/  /' >&2
		fi
		if cmp -s "$TMP/out" "$TMP/seed2"; then
			fail "$name: seed 2 gives the very same call (no variety)"
		else pass; fi
	fi
	if [ -s "$TMP/err" ]; then
		fail "$name: unexpected messages on stderr"
		sed 's/^/  | /' "$TMP/err" >&2
	fi
done

# docs/samples/ are the playthroughs scripts/samples.sh writes: current.
sh scripts/samples.sh "$RECOUP" "$TMP/samples"
for f in "$TMP"/samples/*.txt; do
	if cmp -s "$f" "docs/samples/${f##*/}"; then pass; else
		fail "docs/samples/${f##*/} is out of date: run scripts/samples.sh build/recoup"
	fi
done
# The README's sample call is what docs/examples/readme.call plays.
"$RECOUP" run forgetful-florist --script docs/examples/readme.call --seed 7 \
    --no-save >"$TMP/readme" 2>&1
sed -n '/^\$ recoup run forgetful-florist --script call.txt --seed 7$/,/^```$/p' README.md |
    sed '1d;$d' >"$TMP/readme.want"
if [ -s "$TMP/readme.want" ] && head -n "$(wc -l <"$TMP/readme.want")" "$TMP/readme" |
    cmp -s - "$TMP/readme.want"; then pass; else
	fail "README.md: the sample call differs from docs/examples/readme.call's"
	head -n "$(wc -l <"$TMP/readme.want")" "$TMP/readme" | diff "$TMP/readme.want" - |
	    head -10 >&2
fi

finish
