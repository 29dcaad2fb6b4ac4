#!/bin/sh
# Files an attacker or an accident puts in recoup's way: a symlink planted
# where the report's temporary file goes, the database as the report's
# target, a symlink or a FIFO as the database, a database readable by
# others, a read-only database, an empty file given as the database, and
# FIFOs given as every input.  Nothing may be overwritten, created,
# initialised or waited on forever.
. "$(dirname "$0")/lib.sh"

DB=$TMP/rec.db
script=tests/golden/forgetful-courteous.script
"$RECOUP" run forgetful-florist --seed 5 --script "$script" --db "$DB" \
    --trainee victim >/dev/null
expect_eq "setup: a stored call" "$?" 0
cp "$DB" "$TMP/rec.copy"
sessions() {
	"$RECOUP" history --db "$1" --format csv 2>/dev/null | tail -n +2 | wc -l
}

# 1. The report's temporary file is never a name an attacker can plant.
mkdir "$TMP/out"
ln -s "$DB" "$TMP/out/report.html.tmp"
"$RECOUP" report --html "$TMP/out/report.html" --db "$DB" 2>"$TMP/err"
expect_eq "planted .tmp symlink: exit code" "$?" 0
if cmp -s "$DB" "$TMP/rec.copy"; then pass; else
	fail "planted .tmp symlink: the database was written over"
fi
expect_eq "planted .tmp symlink: sessions kept" "$(sessions "$DB")" 1
expect_grep "planted .tmp symlink: the report is written" \
    "$TMP/out/report.html" "^<!DOCTYPE html>"
expect_eq "planted .tmp symlink: left alone" \
    "$([ -L "$TMP/out/report.html.tmp" ] && echo link)" link
expect_eq "no temporary file left behind" \
    "$(ls "$TMP/out" | grep -v '^report\.html' | wc -l)" 0
# ... nor the database itself, by its name or another.
"$RECOUP" report --html "$DB" --db "$DB" 2>"$TMP/err"
expect_eq "report over the database: exit code" "$?" 2
expect_grep "report over the database: message" "$TMP/err" \
    "^recoup: cannot write '.*rec\.db': it is the session database '.*rec\.db'$"
ln "$DB" "$TMP/hardlink.html"
"$RECOUP" report --html "$TMP/hardlink.html" --db "$DB" 2>"$TMP/err"
expect_eq "report over a hard link to the database: exit code" "$?" 2
if cmp -s "$DB" "$TMP/rec.copy"; then pass; else
	fail "report over the database: the database changed"
fi
rm -f "$TMP/hardlink.html"
# A device or a pipe is written into, never replaced by a file: a link to
# /dev/null stays a link to the device (renaming over /dev/null itself, as
# root, once turned it into a plain file), a named pipe stays a pipe.
ln -s /dev/null "$TMP/devnull"
"$RECOUP" report --html "$TMP/devnull" --db "$DB" 2>"$TMP/err"
expect_eq "report into a device: exit code" "$?" 0
expect_eq "report into a device: the link is kept" \
    "$([ -L "$TMP/devnull" ] && [ -c "$TMP/devnull" ] && echo device)" device
mkfifo "$TMP/pipe"
timeout 20 cat "$TMP/pipe" >"$TMP/piped.html" &
"$RECOUP" report --html "$TMP/pipe" --db "$DB" 2>"$TMP/err"
expect_eq "report into a pipe: exit code" "$?" 0
wait
expect_eq "report into a pipe: still a pipe" "$([ -p "$TMP/pipe" ] && echo pipe)" pipe
expect_grep "report into a pipe: the report came through" "$TMP/piped.html" "</html>"
"$RECOUP" report --html "$TMP/out" --db "$DB" 2>"$TMP/err"
expect_eq "report onto a directory: exit code" "$?" 2
expect_grep "report onto a directory: message" "$TMP/err" \
    "^recoup: cannot write '.*out': it is a directory$"
# Two reports to one path at once both succeed (unique temporary names).
for n in 1 2 3 4; do
	( "$RECOUP" report --html "$TMP/out/same.html" --db "$DB" 2>>"$TMP/race.err" ||
	    echo "report $n failed" >>"$TMP/race.err" ) &
done
wait
expect_eq "concurrent reports: no errors" "$(cat "$TMP/race.err" 2>/dev/null)" ""
expect_grep "concurrent reports: a whole report" "$TMP/out/same.html" "</html>"
expect_eq "concurrent reports: no temporary file left" \
    "$(ls "$TMP/out" | grep -v '^report\.html' | grep -v '^same\.html$' | wc -l)" 0

# 5. The database path.
ln -s "$DB" "$TMP/link.db"
for cmd in "history" "export --format csv" "run"; do
	if [ "$cmd" = run ]; then
		"$RECOUP" run forgetful-florist --script "$script" --db "$TMP/link.db" \
		    >/dev/null 2>"$TMP/err"
	else
		"$RECOUP" $cmd --db "$TMP/link.db" >/dev/null 2>"$TMP/err"
	fi
	expect_eq "symlink as database ($cmd): exit code" "$?" 2
	expect_grep "symlink as database ($cmd): message" "$TMP/err" \
	    "^recoup: database '.*link\.db' is a symbolic link: give the path of the database file itself$"
done
expect_eq "symlink as database: sessions untouched" "$(sessions "$DB")" 1

# An existing database readable by others is made private, -wal and
# -shm too (checked while another call holds the database open).
chmod 0644 "$DB"
(sleep 3; echo "/end") | "$RECOUP" play forgetful-florist --db "$DB" \
    >/dev/null 2>&1 &
holder=$!
sleep 1.5
chmod 0644 "$DB" "$DB-wal" "$DB-shm" 2>/dev/null
"$RECOUP" run forgetful-florist --seed 6 --script "$script" --db "$DB" \
    >/dev/null 2>"$TMP/err"
expect_eq "0644 database: run exit code" "$?" 0
for f in "$DB" "$DB-wal" "$DB-shm"; do
	[ -e "$f" ] || continue
	expect_eq "0644 database: $(basename "$f") made 0600" \
	    "$(stat -c %a "$f")" 600
done
wait "$holder"
expect_eq "0644 database: run quiet" "$(cat "$TMP/err")" ""

# Reading commands open read-only: a database nobody may write is read.
RO=$TMP/ro
mkdir "$RO"
ro_ready=
if [ "$(id -u)" -eq 0 ]; then
	if mount -t tmpfs -o size=2m tmpfs "$RO" 2>/dev/null; then
		cp "$DB" "$RO/rec.db" && mount -o remount,ro "$RO" && ro_ready=1
		trap 'umount "$RO" 2>/dev/null; rm -rf "$TMP"' EXIT
	fi
else
	cp "$DB" "$RO/rec.db" && chmod 0444 "$RO/rec.db" && chmod 0555 "$RO" &&
	    ro_ready=1
	trap 'chmod 0755 "$RO"; rm -rf "$TMP"' EXIT
fi
if [ -n "$ro_ready" ]; then
	n=$(sessions "$DB")
	expect_eq "read-only database: history" "$(sessions "$RO/rec.db")" "$n"
	for cmd in "show 1" "compare" "leaderboard" "export --format json" \
	    "report --html $TMP/ro.html"; do
		"$RECOUP" $cmd --db "$RO/rec.db" >/dev/null 2>"$TMP/err"
		expect_eq "read-only database: $cmd exit code" "$?" 0
		expect_eq "read-only database: $cmd quiet" "$(cat "$TMP/err")" ""
	done
else
	echo "skipped: no read-only database could be made here" >&2
fi

# A reading command never creates or initialises a database.
: >"$TMP/empty.db"
for cmd in "history" "show 1" "compare" "export --format csv"; do
	"$RECOUP" $cmd --db "$TMP/empty.db" >/dev/null 2>"$TMP/err"
	expect_eq "empty file ($cmd): exit code" "$?" 2
	expect_grep "empty file ($cmd): message" "$TMP/err" \
	    "^recoup: no sessions in database '.*empty\.db' \(an empty file\)$"
	expect_eq "empty file ($cmd): still empty" "$(wc -c <"$TMP/empty.db")" 0
done
"$RECOUP" history --db "$TMP/absent.db" >/dev/null 2>"$TMP/err"
expect_eq "missing database: exit code" "$?" 2
expect_eq "missing database: not created" "$([ -e "$TMP/absent.db" ] && echo made)" ""

# A FIFO as any input is refused at once, never waited on.
mkfifo "$TMP/fifo"
fifo() {
	what=$1
	shift
	timeout 20 "$@" >/dev/null 2>"$TMP/err" </dev/null
	expect_eq "FIFO as $what: exit code" "$?" 2
	expect_grep "FIFO as $what: message" "$TMP/err" \
	    "fifo'?:? (is )?not a regular file \(a FIFO\)"
}
fifo "script" "$RECOUP" run forgetful-florist --script "$TMP/fifo" --no-save
fifo "scenario" "$RECOUP" run "$TMP/fifo" --script "$script" --no-save
fifo "transcript" "$RECOUP" score "$TMP/fifo"
fifo "drill" "$RECOUP" drill "$TMP/fifo" --trainee t
fifo "database (run)" "$RECOUP" run forgetful-florist --script "$script" \
    --db "$TMP/fifo"
fifo "database (history)" "$RECOUP" history --db "$TMP/fifo"
fifo "lint input" "$RECOUP" lint "$TMP/fifo"

finish
