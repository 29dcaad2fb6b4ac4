#!/bin/sh
# Checks the examples of docs/scoring.md: every file here names, in a
# "# expect: PRACTICE-ID STATUS" line, the status the scorer must give.
#   tests/score/examples/check.sh [build/recoup]
# *.txt are recorded calls, scored with `recoup score`; *.script are trainee
# scripts for the forgetful-florist scenario (seed 1), played with
# `recoup run --no-save` (for what only the simulator records: /research,
# /note, /floor).  Needs jq.  Exit 1 when any status differs.
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
recoup=${1:-$root/build/recoup}
fail=0 n=0
for f in "$here"/*.txt "$here"/*.script; do
	[ -e "$f" ] || continue
	case $f in
	*.txt) json=$("$recoup" score --rubric "$root/scoring" --format json "$f" | jq -c .scorecard) ;;
	*) json=$("$recoup" run forgetful-florist --scenarios "$root/scenarios" \
	    --rubric "$root/scoring" --seed 1 --no-save --format json --script "$f" |
	    jq -c .scorecard) ;;
	esac
	grep '^# expect: ' "$f" | while read -r _ _ id want; do
		got=$(printf '%s\n' "$json" | jq -r --arg id "$id" \
		    '(.practices + .extended)[] | select(.id == $id) | .status')
		if [ "$got" = "$want" ]; then
			echo "ok   $(basename "$f"): $id $got"
		else
			echo "FAIL $(basename "$f"): $id: expected $want, got ${got:-nothing}"
		fi
	done
done > "${TMPDIR:-/tmp}/recoup-examples.$$"
cat "${TMPDIR:-/tmp}/recoup-examples.$$"
n=$(grep -c '' "${TMPDIR:-/tmp}/recoup-examples.$$")
bad=$(grep -c '^FAIL' "${TMPDIR:-/tmp}/recoup-examples.$$")
rm -f "${TMPDIR:-/tmp}/recoup-examples.$$"
echo "$((n - bad)) of $n statuses as expected"
[ "$bad" -eq 0 ]
