#!/bin/sh
# Input that is not what it should be: invalid UTF-8 in a script and in
# names, absurd amounts, lines of megabytes, malformed dates, and names
# that a spreadsheet would run as formulas.  Bad input is refused with
# its position and exit 2; a trainee's line is repaired (U+FFFD), so
# every output stays valid UTF-8 and valid JSON.
. "$(dirname "$0")/lib.sh"
: "${JSONGET:?JSONGET must point at the jsonget helper}"

DB=$TMP/in.db
script=tests/golden/forgetful-courteous.script

# utf8 WHAT FILE: FILE is valid UTF-8.
utf8() {
	if iconv -f UTF-8 -t UTF-8 "$2" >/dev/null 2>&1; then pass; else
		fail "$1: not valid UTF-8"
	fi
}
# json WHAT FILE: FILE is valid JSON and valid UTF-8.
json() {
	utf8 "$1" "$2"
	if "$JSONGET" "$2" . >/dev/null 2>&1; then pass; else
		fail "$1: not valid JSON"
	fi
}

# 4. Invalid UTF-8 in a call line is read as U+FFFD and stored so.
{
	head -n 3 "$script"
	printf 'I have the \377\376 invoice here, caf\303( \300\257 ok?\n'
	tail -n +4 "$script"
} >"$TMP/bad.script"
"$RECOUP" run forgetful-florist --seed 2 --script "$TMP/bad.script" \
    --db "$DB" --trainee bytes --format json >"$TMP/run.json" 2>"$TMP/err"
expect_eq "invalid UTF-8 in a script: exit code" "$?" 0
json "run --format json" "$TMP/run.json"
expect_grep "invalid UTF-8 in a script: repaired" "$TMP/run.json" \
    "I have the �� invoice here, caf�\( �� ok\?"
id=$("$RECOUP" history --db "$DB" --format csv | tail -n 1 | cut -d, -f1)
"$RECOUP" show "$id" --db "$DB" --format json >"$TMP/show.json"
json "show --format json" "$TMP/show.json"
"$RECOUP" show "$id" --db "$DB" >"$TMP/show.txt"
utf8 "show" "$TMP/show.txt"
"$RECOUP" export --format json --db "$DB" >"$TMP/export.json"
json "export json" "$TMP/export.json"
"$RECOUP" export --format xapi --db "$DB" >"$TMP/export.xapi"
json "export xapi" "$TMP/export.xapi"
"$RECOUP" export --format csv --db "$DB" >"$TMP/export.csv"
utf8 "export csv" "$TMP/export.csv"
"$RECOUP" report --html "$TMP/report.html" --db "$DB"
utf8 "report --html" "$TMP/report.html"
"$RECOUP" understand forgetful-florist "$(printf 'pay \377 now')" \
    --format json >"$TMP/understand.json"
json "understand --format json" "$TMP/understand.json"

# Names are refused, not repaired: they identify people.
for opt in --trainee --cohort; do
	"$RECOUP" run forgetful-florist --script "$script" --db "$TMP/names.db" \
	    $opt "$(printf 'Jos\351')" >/dev/null 2>"$TMP/err"
	expect_eq "invalid UTF-8 in $opt: exit code" "$?" 2
	expect_grep "invalid UTF-8 in $opt: message" "$TMP/err" \
	    "^recoup: invalid $opt 'Jos�': not valid UTF-8$"
	expect_eq "invalid UTF-8 in $opt: nothing stored" \
	    "$([ -e "$TMP/names.db" ] && echo stored)" ""
	"$RECOUP" history --db "$DB" $opt "$(printf '\377')" >/dev/null 2>"$TMP/err"
	expect_eq "invalid UTF-8 in history $opt: exit code" "$?" 2
done

# 6. An amount past any real debt is refused with its position.
printf -- '---\nbalance: %s\n---\nCollector: Hello.\nDebtor: Hi.\n' \
    12345678901234567890123456789012345678901234567890 >"$TMP/huge.txt"
"$RECOUP" score "$TMP/huge.txt" >/dev/null 2>"$TMP/err"
expect_eq "50-digit balance: exit code" "$?" 2
expect_grep "50-digit balance: message" "$TMP/err" \
    "^recoup: .*huge\.txt:2:10: balance '[0-9]{50}' is too large \(at most 999,999,999,999\.99\)$"
printf -- '---\ninvoices: A-1 $9999999999999\n---\nCollector: Hello.\n' \
    >"$TMP/huge2.txt"
"$RECOUP" score "$TMP/huge2.txt" >/dev/null 2>"$TMP/err"
expect_eq "huge invoice: exit code" "$?" 2
expect_grep "huge invoice: message" "$TMP/err" \
    "huge2\.txt:2:15: invoice 'A-1': too large an amount '\\\$9999999999999'"

# A call line of megabytes is refused at once, with its line.
{
	echo "Hello, this is Sam from Greenline."
	head -c 4000000 /dev/zero | tr '\0' 'a'
	echo
} >"$TMP/long.script"
timeout 20 "$RECOUP" run forgetful-florist --script "$TMP/long.script" \
    --db "$TMP/long.db" >/dev/null 2>"$TMP/err"
expect_eq "4 MB script line: exit code" "$?" 2
expect_grep "4 MB script line: message" "$TMP/err" \
    "^recoup: .*long\.script:2: line too long \(4000000 bytes, at most 4096\)$"
expect_eq "4 MB script line: nothing stored" \
    "$([ -e "$TMP/long.db" ] && echo stored)" ""
head -c 4097 /dev/zero | tr '\0' 'b' >"$TMP/l4097.script"
"$RECOUP" run forgetful-florist --script "$TMP/l4097.script" --no-save \
    >/dev/null 2>"$TMP/err"
expect_eq "4097-byte script line: exit code" "$?" 2
{ printf 'Collector: '; head -c 5000 /dev/zero | tr '\0' 'c'; echo; } \
    >"$TMP/long.txt"
"$RECOUP" score "$TMP/long.txt" >/dev/null 2>"$TMP/err"
expect_eq "long transcript line: exit code" "$?" 2
expect_grep "long transcript line: message" "$TMP/err" \
    "long\.txt:1: line too long \(5011 bytes, at most 4096\)$"

# Dates are YYYY-MM-DD with a four-digit year, nothing else.
for d in +123-01-01 " 123-01-01" 2026-+1-01 2026-01-+1 -123-01-01; do
	"$RECOUP" history --db "$DB" --since "$d" >/dev/null 2>"$TMP/err"
	expect_eq "--since '$d': exit code" "$?" 2
	expect_eq "--since '$d': message" "$(cat "$TMP/err")" \
	    "recoup: invalid date '$d': expected YYYY-MM-DD"
done
"$RECOUP" history --db "$DB" --since 2000-01-01 --until 2999-12-31 >/dev/null
expect_eq "a good date range: exit code" "$?" 0

# Formulas after leading blanks or a line break are neutralised in CSV.
for name in "  =1+2" " @SUM(A1)" "$(printf '\t-3+4')" "$(printf '\n=cmd')" \
    "$(printf ' \r\n+5')"; do
	"$RECOUP" run forgetful-florist --seed 1 --script "$script" --db "$DB" \
	    --trainee "$name" --cohort csv >/dev/null 2>&1
done
"$RECOUP" export --format csv --db "$DB" --cohort csv >"$TMP/f.csv"
"$RECOUP" history --db "$DB" --cohort csv --format csv >"$TMP/h.csv"
for f in f h; do
	expect_grep "$f.csv: '  =1+2' neutralised" "$TMP/$f.csv" ",'  =1\+2,"
	expect_grep "$f.csv: ' @SUM' neutralised" "$TMP/$f.csv" ",' @SUM\(A1\),"
	expect_grep "$f.csv: tab then '-' neutralised" "$TMP/$f.csv" "$(printf ",'\t-3\\\\+4,")"
	expect_grep "$f.csv: line feed then '=' neutralised" "$TMP/$f.csv" ",\"'$"
	expect_grep "$f.csv: CR LF then '+' neutralised" "$TMP/$f.csv" \
	    "$(printf ",\"' \r\$")"
done

finish
