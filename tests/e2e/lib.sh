# Shared helpers for the end-to-end tests.  $RECOUP is the binary under
# test and $SRC the source tree (both set by ctest).
set -u
: "${RECOUP:?RECOUP must point at the recoup binary}"
: "${SRC:?SRC must point at the source tree}"
cd "$SRC"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failures=0
checks=0

fail() {
	failures=$((failures + 1))
	echo "FAIL: $*" >&2
}

pass() {
	checks=$((checks + 1))
}

# expect_eq WHAT GOT WANT
expect_eq() {
	if [ "$2" = "$3" ]; then pass; else
		fail "$1"
		printf '  got:  %s\n  want: %s\n' "$2" "$3" >&2
	fi
}

# expect_grep WHAT FILE PATTERN: the file has a line matching PATTERN (ERE)
expect_grep() {
	if grep -Eq -- "$3" "$2"; then pass; else
		fail "$1: no line matches /$3/ in $2"
		sed 's/^/  | /' "$2" | head -40 >&2
	fi
}

expect_no_grep() {
	if grep -Eq -- "$3" "$2"; then
		fail "$1: a line matches /$3/ in $2"
		grep -E -- "$3" "$2" | sed 's/^/  | /' | head -5 >&2
	else pass; fi
}

finish() {
	echo "$checks passed, $failures failed"
	[ "$failures" -eq 0 ]
}
