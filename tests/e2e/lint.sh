#!/bin/sh
# recoup lint: every file of the corpus in tests/lint/ gives exactly the
# messages in its .expected file (errors, warnings and the summary line) and
# the exit code they imply; several files and directories in one run; the
# options; unreadable input; and every shipped scenario and plan is clean.
. "$(dirname "$0")/lib.sh"

for f in tests/lint/*.json; do
	name=${f%.json}
	"$RECOUP" lint "$f" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	want=0
	grep -Eq '^recoup: [0-9]+ files?, [1-9][0-9]* errors?,' "$name.expected" && want=1
	expect_eq "$f: exit code" "$rc" "$want"
	expect_eq "$f: nothing on stdout" "$(cat "$TMP/out")" ""
	if cmp -s "$TMP/err" "$name.expected"; then pass; else
		fail "$f: messages differ"
		diff "$name.expected" "$TMP/err" | sed 's/^/  /' >&2
	fi
done

# The lexicon and the rubric: unknown keys, control characters, patterns,
# unknown intents, examples not read and counter-examples read.
for f in tests/lint/lang-bad/intents.json tests/lint/lang-examples/intents.json \
    tests/lint/rubric-bad/rubric.json; do
	"$RECOUP" lint "$f" >"$TMP/out" 2>"$TMP/err"
	expect_eq "$f: exit code" "$?" 1
	if cmp -s "$TMP/err" "${f%.json}.expected"; then pass; else
		fail "$f: messages differ"
		diff "${f%.json}.expected" "$TMP/err" | sed 's/^/  /' >&2
	fi
done
# The shipped lexicon, shared base and rubric are clean.
"$RECOUP" lint scenarios/lang/intents.json scenarios/lang/base.json \
	scoring/rubric.json >/dev/null 2>"$TMP/err"
expect_eq "shipped lexicon, base and rubric: exit code" "$?" 0
"$RECOUP" lint scenarios/lang >/dev/null 2>"$TMP/err"
expect_grep "lang directory: lexicon and base" "$TMP/err" '^recoup: 2 files, 0 errors, 0 warnings$'
# A broken shared base: an unknown intent, and an example another base
# rule answers first, each with its position in base.json.
mkdir -p "$TMP/lang"
cp scenarios/lang/intents.json scenarios/lang/normalise.json "$TMP/lang/"
sed -e 's/"intent": "condescend"/"intent": "condescension"/' \
    scenarios/lang/base.json >"$TMP/lang/base.json"
"$RECOUP" lint "$TMP/lang/base.json" >/dev/null 2>"$TMP/err"
expect_eq "broken base: exit code" "$?" 1
expect_grep "broken base: unknown intent" "$TMP/err" \
	"base.json: /global/1/intent: rule 'condescension': unknown intent 'condescension'"
sed -e 's/"thanks very much"/"thanks very much, bye"/' scenarios/lang/base.json >"$TMP/lang/base.json"
"$RECOUP" lint "$TMP/lang/base.json" >/dev/null 2>"$TMP/err"
expect_eq "base example: exit code" "$?" 1
expect_grep "broken base: example caught first" "$TMP/err" \
	"base.json:[0-9]+:[0-9]+: /backstop/[0-9]+/examples/0: rule 'thanks' example \"thanks very much, bye\" is caught first by rule 'goodbye'"

# The corpus covers every check at least once.
for check in 'invalid JSON' 'unknown key' 'pcre2 error' "unknown state" \
    'is unreachable' 'has no way out' "missing required key 'fallback'" \
    'is caught first by rule' 'does not fire it' 'set but never read' \
    'read but never set' 'repeated word for word' 'is also said by' \
    'agrees without saying the terms'; do
	if grep -q -- "$check" tests/lint/*.expected; then pass; else
		fail "no file in tests/lint covers '$check'"
	fi
done

# Several files in one run: every problem of each, one summary.
"$RECOUP" lint tests/lint/clean.json tests/lint/balance.json \
	tests/lint/dead-end.json 2>"$TMP/err"
expect_eq "three files: exit code" "$?" 1
expect_eq "three files: summary" "$(tail -n 1 "$TMP/err")" \
	"recoup: 3 files, 1 error, 1 warning"
expect_eq "three files: messages" "$(grep -c '^recoup: .*json:' "$TMP/err")" 2

# A directory: its scenarios and its test plans.
n=$(ls tests/lint/*.json | wc -l)
"$RECOUP" lint tests/lint 2>"$TMP/err"
expect_eq "directory: exit code" "$?" 1
expect_grep "directory: every scenario and plan" "$TMP/err" "^recoup: $n files, "
expect_grep "directory: plans too" "$TMP/err" 'bad-plan\.plan\.json'

# Warnings pass unless --strict; --quiet keeps errors only.
"$RECOUP" lint tests/lint/balance.json 2>/dev/null
expect_eq "warnings only: exit code" "$?" 0
"$RECOUP" lint --strict tests/lint/balance.json 2>/dev/null
expect_eq "--strict: exit code" "$?" 1
"$RECOUP" lint -q tests/lint/several.json 2>"$TMP/err"
expect_eq "--quiet: exit code" "$?" 1
expect_no_grep "--quiet: no warnings" "$TMP/err" '^recoup: warning:'
expect_grep "--quiet: errors" "$TMP/err" 'has no way out'

# Input that cannot be read: exit 2, and the other files are still linted.
"$RECOUP" lint tests/lint/no-such-file.json tests/lint/clean.json 2>"$TMP/err"
expect_eq "missing file: exit code" "$?" 2
expect_grep "missing file: message" "$TMP/err" \
	"^recoup: tests/lint/no-such-file.json: cannot open: No such file or directory$"
expect_grep "missing file: the rest linted" "$TMP/err" '^recoup: 1 file, 1 error, 0 warnings$'
"$RECOUP" lint --frobnicate 2>/dev/null
expect_eq "unknown option: exit code" "$?" 2
"$RECOUP" lint --help >"$TMP/out"
expect_eq "--help: exit code" "$?" 0
expect_grep "--help: usage" "$TMP/out" '^usage: recoup lint'

# The bad-input corpus is reported by lint too, with the same messages.
for f in tests/bad/*.json; do
	"$RECOUP" lint "$f" 2>"$TMP/err"
	rc=$?
	expect_eq "$f: lint exit code" "$rc" 1
	head -n -1 "$TMP/err" >"$TMP/msgs"
	if cmp -s "$TMP/msgs" "${f%.json}.err"; then pass; else
		fail "$f: lint messages differ from ${f%.json}.err"
		diff "${f%.json}.err" "$TMP/msgs" | sed 's/^/  /' >&2
	fi
done

# Every shipped scenario (the default) and every shipped plan is clean.
"$RECOUP" lint >"$TMP/out" 2>"$TMP/err"
rc=$?
if [ "$rc" -eq 0 ]; then pass; else
	fail "the shipped scenarios do not lint clean (exit $rc)"
	grep -v ': warning: ' "$TMP/err" | sed 's/^/  | /' >&2
fi
expect_grep "shipped scenarios: summary" "$TMP/err" '^recoup: [1-9][0-9]* files?, 0 errors, '
for p in scenarios/*.plan.json; do
	[ -f "$p" ] || continue
	"$RECOUP" lint "$p" 2>"$TMP/err"
	rc=$?
	if [ "$rc" -eq 0 ]; then pass; else
		fail "$p does not lint clean"
		sed 's/^/  | /' "$TMP/err" >&2
	fi
done

finish
