#!/bin/sh
# Every file in tests/bad/ is refused with the exact message in its .err
# file and exit code 2, and nothing crashes.  Also a generated 1 MB line.
. "$(dirname "$0")/lib.sh"

for f in tests/bad/*.json; do
	name=${f%.json}
	"$RECOUP" run "$f" --script /dev/null >"$TMP/out" 2>"$TMP/err"
	rc=$?
	expect_eq "$f: exit code" "$rc" 2
	expect_eq "$f: nothing on stdout" "$(cat "$TMP/out")" ""
	if cmp -s "$TMP/err" "$name.err"; then pass; else
		fail "$f: messages differ"
		diff "$name.err" "$TMP/err" | sed 's/^/  /' >&2
	fi
done

# A 1 MB line: a huge title followed by a syntax error on the same line.
big="$TMP/long-line.json"
{
	printf '{"id": "big", "title": "'
	head -c 1048576 /dev/zero | tr '\0' 'a'
	printf '" "version": "1"}\n'
} >"$big"
"$RECOUP" run "$big" --script /dev/null >"$TMP/out" 2>"$TMP/err"
expect_eq "1 MB line: exit code" "$?" 2
expect_eq "1 MB line: message" "$(cat "$TMP/err")" \
	"recoup: $big:1:1048603: invalid JSON: unexpected '\"'"

# A file that does not exist, and a directory.
"$RECOUP" run tests/bad/no-such-file.json --script /dev/null 2>"$TMP/err"
expect_eq "missing file: exit code" "$?" 2
expect_grep "missing file: message" "$TMP/err" \
	"^recoup: tests/bad/no-such-file.json: cannot open: No such file or directory$"

finish
