#!/bin/sh
# Start-up: the wall time of whole commands, the mean of 20 runs each:
# `recoup list`, and `recoup run` on a one-line call (load the scenario,
# the rubric and the lexicon, answer one line, score, print).  With a
# second argument, the same for another build's binary, side by side.
# Usage: bench/startup.sh BUILD_DIR [OTHER_RECOUP]
set -eu
build=${1:-build}
cd "$(dirname "$0")/.."
script=$(mktemp)
trap 'rm -f "$script"' EXIT
echo "Hi Maria, this is Sam from Greenline about two overdue invoices." >"$script"
mean_ms() {
	# mean_ms N CMD...: the mean wall time of N runs, in milliseconds
	n=$1
	shift
	start=$(date +%s%N)
	i=0
	while [ "$i" -lt "$n" ]; do
		"$@" >/dev/null 2>&1 || true
		i=$((i + 1))
	done
	end=$(date +%s%N)
	echo $(( (end - start) / n / 1000000 ))
}
for bin in "$build/recoup" ${2:-}; do
	echo "== $bin"
	echo "recoup list          $(mean_ms 20 "$bin" list) ms"
	echo "recoup run (1 line)  $(mean_ms 20 "$bin" run forgetful-florist --script "$script" --no-save) ms"
done
