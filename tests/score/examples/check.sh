#!/bin/sh
# Checks the examples of docs/scoring.md: every file here names, in a
# "# expect: PRACTICE-ID STATUS" line, the status the scorer must give.
#   tests/score/examples/check.sh [build/recoup [build/tests/jsonget]]
# *.txt are recorded calls, scored with `recoup score`; *.script are trainee
# scripts for the forgetful-florist scenario (seed 1), played with
# `recoup run --no-save` (for what only the simulator records: /research,
# /note, /floor).  Uses the suite's jsonget tool ($JSONGET), not jq.  Exit
# 1 when any status differs.  Part of the suite as e2e/score-examples.
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
recoup=${1:-${RECOUP:-$root/build/recoup}}
jsonget=${2:-${JSONGET:-$root/build/tests/jsonget}}
out=$(mktemp)
trap 'rm -f "$out" "$out.j" "$out.s"' EXIT
fail=0 n=0
for f in "$here"/*.txt "$here"/*.script; do
	[ -e "$f" ] || continue
	case $f in
	*.txt) "$recoup" score --rubric "$root/scoring" --format json "$f" >"$out.j" ;;
	*) "$recoup" run forgetful-florist --scenarios "$root/scenarios" \
	    --rubric "$root/scoring" --seed 1 --no-save --format json --script "$f" >"$out.j" ;;
	esac
	{
		"$jsonget" "$out.j" scorecard.practices.* id status
		"$jsonget" "$out.j" scorecard.extended.* id status
	} >"$out.s" 2>/dev/null
	grep '^# expect: ' "$f" | while read -r _ _ id want; do
		got=$(awk -F '\t' -v id="$id" '$1 == id { print $2 }' "$out.s")
		if [ "$got" = "$want" ]; then
			echo "ok   $(basename "$f"): $id $got"
		else
			echo "FAIL $(basename "$f"): $id: expected $want, got ${got:-nothing}"
		fi
	done
done >"$out"
grep '^FAIL' "$out"
n=$(grep -c '' "$out")
bad=$(grep -c '^FAIL' "$out")
rm -f "$out.s"
echo "$((n - bad)) of $n statuses as expected"
[ "$n" -gt 0 ] && [ "$bad" -eq 0 ]
