#!/bin/sh
# The scorecard against a reviewer: `recoup calibrate` on the labelled
# development set of recorded calls (tests/score/calls, tuned on) and its
# locked part (tests/score/calls-locked, measured only): agreement overall
# and per practice, and the confusion table.  A directory that is not
# there (or holds no calls) is skipped.  Usage: bench/calibrate.sh BUILD_DIR
set -eu
build=${1:-build}
cd "$(dirname "$0")/.."
for dir in tests/score/calls tests/score/calls-locked; do
	echo "== calibration, $dir"
	set -- "$dir"/*.txt
	if [ ! -e "$1" ]; then
		echo "(no labelled calls in $dir: skipped)"
		continue
	fi
	# The figures, not every disagreement: those are for `recoup calibrate`.
	"$build/recoup" calibrate "$@" 2>&1 | sed '/^Disagreements:/q' || true
done
