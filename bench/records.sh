#!/bin/sh
# Records benchmark: generates a database of N sessions (default 100,000)
# with turns and practice results, then times `recoup compare` and
# `recoup report` on it.  Usage: bench/records.sh [BUILD_DIR] [N]
set -eu
build=${1:-build}
n=${2:-100000}
src=$(cd "$(dirname "$0")/.." && pwd)
cmake --build "$build" --target recoup recoup-gen-records >/dev/null
db=${TMPDIR:-/tmp}/recoup-bench-$n.db
out=${TMPDIR:-/tmp}/recoup-bench-$n.html

ms() { date +%s%N | cut -c1-13; }

if [ ! -s "$db" ]; then
	rm -f "$db" "$db-wal" "$db-shm"
	t0=$(ms)
	"$build/recoup-gen-records" "$db" "$n" "$src/scoring"
	t1=$(ms)
	echo "generate $n sessions: $((t1 - t0)) ms ($(du -h "$db" | cut -f1))"
fi
for what in "compare" "compare --format csv" "compare --cohort north" \
    "leaderboard --drill onboarding-week1"; do
	t0=$(ms)
	# shellcheck disable=SC2086
	"$build/recoup" $what --db "$db" >/dev/null
	t1=$(ms)
	echo "recoup $what: $((t1 - t0)) ms"
done
t0=$(ms)
"$build/recoup" report --html "$out" --db "$db"
t1=$(ms)
echo "recoup report --html: $((t1 - t0)) ms ($(du -h "$out" | cut -f1))"
