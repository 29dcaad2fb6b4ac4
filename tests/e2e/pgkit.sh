# pgkit.sh - a private throwaway PostgreSQL cluster for the store tests,
# sourced after lib.sh.  pg_start makes one (initdb in a temporary
# directory, Unix socket only in that directory, a random port, trust
# for the local superuser "postgres") and sets an EXIT trap that stops it
# and removes the directory, even when the test fails.  postgres refuses
# to run as root: as root the cluster runs as "nobody" (runuser or
# setpriv).  Without PostgreSQL's server binaries pg_start says so and
# returns 1: the caller skips (exit 0 with a message), as ctest shows.
#
#   pg_start            start the cluster; sets PGHOST, PGPORT, PGUSER
#   pg_newdb NAME       creates database NAME; prints its connection URI
#   pg_stop / pg_resume stop the server / start it again (same data)
#   pg_sql DB SQL       runs SQL with psql on database DB (-At output)

PG_BIN=${PG_BIN:-}
if [ -z "$PG_BIN" ]; then
	for d in /usr/lib/postgresql/*/bin; do
		[ -x "$d/initdb" ] && PG_BIN=$d
	done
	[ -z "$PG_BIN" ] && command -v initdb >/dev/null 2>&1 &&
	    PG_BIN=$(dirname "$(command -v initdb)")
fi
PG_DIR=

# pg_as CMD...: runs CMD as the cluster's owner.
pg_as() {
	if [ "$(id -u)" -eq 0 ]; then
		if command -v runuser >/dev/null 2>&1; then
			runuser -u nobody -- "$@"
		else
			setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"
		fi
	else
		"$@"
	fi
}

pg_cleanup() {
	if [ -n "$PG_DIR" ] && [ -f "$PG_DIR/data/postmaster.pid" ]; then
		pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop \
		    >/dev/null 2>&1
	fi
	[ -n "$PG_DIR" ] && rm -rf "$PG_DIR"
	rm -rf "$TMP"
}

pg_start() {
	if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ] ||
	    [ ! -x "$PG_BIN/pg_ctl" ] || ! command -v psql >/dev/null 2>&1; then
		echo "PostgreSQL server binaries (initdb, pg_ctl, psql) not found:" \
		    "PostgreSQL variant skipped (install postgresql; .ci/run does)"
		return 1
	fi
	PG_DIR=$(mktemp -d /tmp/recoup-pg.XXXXXX)
	trap 'pg_cleanup' EXIT
	trap 'exit 130' INT TERM
	if [ "$(id -u)" -eq 0 ]; then
		chown nobody "$PG_DIR"
	fi
	chmod 700 "$PG_DIR"
	if ! pg_as "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust \
	    -E UTF8 --locale=C.UTF-8 >"$TMP/initdb.log" 2>&1 &&
	    ! pg_as "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust \
	    -E UTF8 --locale=C >"$TMP/initdb.log" 2>&1; then
		echo "initdb failed:" >&2
		cat "$TMP/initdb.log" >&2
		exit 1
	fi
	tries=0
	while :; do
		PGPORT=$(( 20000 + ($(od -An -N2 -tu2 /dev/urandom) % 30000) ))
		if pg_resume; then
			break
		fi
		tries=$((tries + 1))
		if [ $tries -ge 5 ]; then
			echo "the throwaway PostgreSQL server did not start:" >&2
			cat "$PG_DIR/log" >&2
			exit 1
		fi
	done
	PGHOST=$PG_DIR
	PGUSER=postgres
	export PGHOST PGPORT PGUSER
	unset PGDATABASE PGSERVICE PGPASSWORD PGHOSTADDR
	return 0
}

pg_resume() {
	pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w -t 30 \
	    -o "-c listen_addresses='' -c unix_socket_directories='$PG_DIR' -p $PGPORT -c fsync=off -c max_connections=60" \
	    start >/dev/null 2>&1
}

pg_stop() {
	pg_as "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1
}

pg_newdb() {
	psql -X -q -d postgres -c "CREATE DATABASE \"$1\"" >/dev/null || exit 1
	printf 'postgresql:///%s?host=%s&port=%s&user=postgres\n' "$1" "$PG_DIR" \
	    "$PGPORT"
}

pg_sql() {
	psql -X -q -At -v ON_ERROR_STOP=1 -d "$1" -c "$2"
}

# store_backend: the backend the store tests run against, from
# $RECOUP_TEST_BACKEND: "sqlite" (the default) or "pg" (starts the
# cluster, or skips the whole test when PostgreSQL is not installed).
store_backend() {
	PG=
	if [ "${RECOUP_TEST_BACKEND:-sqlite}" = pg ]; then
		pg_start || exit 0
		PG=1
	fi
}

# newdb NAME: a fresh empty database for the test: an SQLite path in
# $TMP, or a new database on the throwaway server.
newdb() {
	if [ -n "$PG" ]; then pg_newdb "$1"; else printf '%s\n' "$TMP/$1.db"; fi
}
