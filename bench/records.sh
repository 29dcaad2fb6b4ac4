#!/bin/sh
# Records benchmark: generates a database of N sessions (default 100,000)
# with turns and practice results, then times `recoup compare`,
# `leaderboard` and `report` on it: on SQLite, and then on PostgreSQL (a
# throwaway server, tests/e2e/pgkit.sh) holding the same rows, copied in
# with COPY.  Usage: bench/records.sh [BUILD_DIR] [N] [sqlite|pg|both]
set -eu
build=${1:-build}
n=${2:-100000}
which=${3:-both}
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

# timings BACKEND TARGET
timings() {
	for what in "compare" "compare --format csv" "compare --cohort north" \
	    "leaderboard --drill onboarding-week1"; do
		t0=$(ms)
		# shellcheck disable=SC2086
		"$build/recoup" $what --db "$2" >/dev/null
		t1=$(ms)
		echo "$1: recoup $what: $((t1 - t0)) ms"
	done
	t0=$(ms)
	"$build/recoup" report --html "$out" --db "$2"
	t1=$(ms)
	echo "$1: recoup report --html: $((t1 - t0)) ms ($(du -h "$out" | cut -f1))"
}

if [ "$which" != pg ]; then
	timings sqlite "$db"
fi
[ "$which" = sqlite ] && exit 0
if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "postgresql: skipped (the sqlite3 shell copies the rows; install sqlite3)"
	exit 0
fi
TMP=$(mktemp -d)
. "$src/tests/e2e/pgkit.sh"
if ! pg_start; then
	rm -rf "$TMP"
	exit 0
fi
url=$(pg_newdb bench)
"$build/recoup" db init --db "$url" >/dev/null
t0=$(ms)
for t in sessions turns scores results reviews; do
	cols=$(sqlite3 "$db" "SELECT group_concat(name, ', ') FROM pragma_table_info('$t')")
	sqlite3 -csv "$db" "SELECT $cols FROM $t" |
	    psql -X -q -d bench -c "\\copy $t ($cols) FROM STDIN WITH (FORMAT csv)"
done
pg_sql bench "SELECT setval(pg_get_serial_sequence('sessions', 'id'), max(id)) FROM sessions;
    SELECT setval(pg_get_serial_sequence('scores', 'id'), max(id)) FROM scores;
    ANALYZE" >/dev/null
t1=$(ms)
echo "postgresql: copy $n sessions in: $((t1 - t0)) ms"
timings postgresql "$url"
