#!/bin/sh
# Scale: the wall time of loading (`recoup run` of a one-line call, `recoup
# list`) and linting generated scenarios of 1,000, 10,000 and 100,000
# states and rules (bench/gen-scale.sh).  Loading and linting are linear
# or n log n in the size of the file, so ten times the rules should take
# about ten times as long.  With a second argument, the same for another
# build's binary, side by side.
# Usage: bench/scale.sh BUILD_DIR [OTHER_RECOUP] [SIZES]
set -eu
build=${1:-build}
sizes=${3:-1000 10000 100000}
here=$(cd "$(dirname "$0")" && pwd)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
echo "say word0 now" >"$dir/script"
export RECOUP_PATTERN_CACHE=off
secs() {
	# secs CMD...: the wall time of one run, in seconds with milliseconds
	start=$(date +%s%N)
	"$@" >/dev/null 2>&1 || true
	end=$(date +%s%N)
	ms=$(( (end - start) / 1000000 ))
	printf '%d.%03d' $((ms / 1000)) $((ms % 1000))
}
for n in $sizes; do
	mkdir -p "$dir/s$n"
	sh "$here/gen-scale.sh" "$n" "$dir/s$n/scale-$n.json"
done
for bin in "$build/recoup" ${2:-}; do
	echo "== $bin"
	printf '%8s %10s %10s %10s\n' rules "run (s)" "lint (s)" "list (s)"
	for n in $sizes; do
		f="$dir/s$n/scale-$n.json"
		printf '%8s %10s %10s %10s\n' "$n" \
		    "$(secs "$bin" run "$f" --script "$dir/script" --no-save)" \
		    "$(secs "$bin" lint "$f")" \
		    "$(secs "$bin" list --scenarios "$dir/s$n")"
	done
done
