#!/bin/sh
# The command line: version, help, usage errors and their exit codes,
# determinism of `run`, piped `play`, and `list`.
. "$(dirname "$0")/lib.sh"

tiny=tests/data/tiny.json
printf 'hello\nmy name is Sam\nwhat can you pay?\n/pause\nok deal\nbye\n' >"$TMP/s1"

"$RECOUP" --version >"$TMP/out"
expect_eq "--version exit" "$?" 0
expect_grep "--version text" "$TMP/out" '^recoup [0-9]+\.[0-9]+\.[0-9]+$'

"$RECOUP" --help >"$TMP/help"
expect_eq "--help exit" "$?" 0
for c in play run list; do
	expect_grep "--help lists $c" "$TMP/help" "^  $c "
	"$RECOUP" "$c" --help >"$TMP/out"
	expect_eq "$c --help exit" "$?" 0
	expect_grep "$c --help usage" "$TMP/out" "^usage: recoup $c"
done

"$RECOUP" </dev/null >"$TMP/out" 2>"$TMP/err"
expect_eq "no command, no tty: exit" "$?" 2
expect_grep "no command, no tty: usage" "$TMP/err" '^usage: recoup'

"$RECOUP" frobnicate 2>"$TMP/err"
expect_eq "unknown command exit" "$?" 2
expect_eq "unknown command message" "$(cat "$TMP/err")" \
	"recoup: unknown command 'frobnicate' (see 'recoup --help')"

"$RECOUP" run "$tiny" 2>"$TMP/err"
expect_eq "run without --script: exit" "$?" 2
expect_grep "run without --script: message" "$TMP/err" '^recoup: run needs --script FILE$'

"$RECOUP" run "$tiny" --script "$TMP/s1" --seed minus-one 2>"$TMP/err"
expect_eq "bad seed exit" "$?" 2
expect_grep "bad seed message" "$TMP/err" "^recoup: invalid seed 'minus-one': expected a whole number$"

"$RECOUP" run "$tiny" --script "$TMP/s1" --format yaml 2>"$TMP/err"
expect_eq "bad format exit" "$?" 2

"$RECOUP" run no-such-debtor --script "$TMP/s1" 2>"$TMP/err"
expect_eq "unknown scenario exit" "$?" 2
expect_eq "unknown scenario message" "$(cat "$TMP/err")" \
	"recoup: no scenario 'no-such-debtor' (try 'recoup list')"

"$RECOUP" run "$tiny" --script "$TMP/missing-script" 2>"$TMP/err"
expect_eq "missing script exit" "$?" 2
expect_grep "missing script message" "$TMP/err" "missing-script: cannot open: No such file or directory$"

# run is byte-for-byte deterministic, in text and in JSON.
for fmt in text json; do
	"$RECOUP" run "$tiny" --script "$TMP/s1" --seed 42 --format $fmt >"$TMP/a"
	"$RECOUP" run "$tiny" --script "$TMP/s1" --seed 42 --format $fmt >"$TMP/b"
	if cmp -s "$TMP/a" "$TMP/b"; then pass; else fail "run --format $fmt differs between two runs"; fi
done
"$RECOUP" run "$tiny" --script "$TMP/s1" --seed 42 >"$TMP/a"
expect_grep "run shows the trainee's lines" "$TMP/a" '^You: what can you pay\?$'
expect_grep "run shows the debtor's offer" "$TMP/a" '^Tess: I could do \$300\.$'
expect_grep "run shows /pause" "$TMP/a" '^\(You take a moment\.\.\.\)$'
expect_grep "run shows the agreement" "$TMP/a" '^Agreement: +\$300 today$'
expect_grep "run prints the seed" "$TMP/a" 'seed 42\)$'
expect_no_grep "no colour codes when piped" "$TMP/a" "$(printf '\033')"
# The scenario marks good-faith-gesture not applicable: reported n/a.
expect_grep "scenario n/a override" "$TMP/a" '^\[-\] 15\. Ask for a good-faith payment +n/a$'
"$RECOUP" run "$tiny" --script "$TMP/s1" --seed 42 --format json >"$TMP/j"
expect_grep "scenario weight override" "$TMP/j" '"id": "remain-calm", "number": 6, .*"weight": 2.50?,'


# Script lines after the debtor has ended the call are reported.
printf 'you idiot\nstupid\nhello\nmore\n' >"$TMP/rude"
"$RECOUP" run "$tiny" --script "$TMP/rude" >"$TMP/a" 2>"$TMP/err"
expect_eq "hang-up run exit" "$?" 0
expect_grep "debtor hangs up" "$TMP/a" "^Tess: I'm hanging up\.$"
expect_grep "hang-up outcome" "$TMP/a" '^Ended by: +the debtor hung up$'
expect_grep "unused lines warning" "$TMP/err" "3 lines after the end of the call not used$"

# play with piped input: no prompts, the same conversation.
"$RECOUP" play "$tiny" --seed 42 <"$TMP/s1" >"$TMP/a" 2>"$TMP/err"
expect_eq "piped play exit" "$?" 0
expect_no_grep "piped play has no prompt" "$TMP/a" 'you>'
expect_grep "piped play answers" "$TMP/a" '^Tess: I could do \$300\.$'
expect_grep "piped play ends" "$TMP/a" '^== Call ended ==$'

# In-call command errors.
printf '/floor\n/floor lots\n/frob\n/note\n/why\n' >"$TMP/cmds"
"$RECOUP" run "$tiny" --script "$TMP/cmds" >"$TMP/a"
expect_grep "/floor without amount" "$TMP/a" '^recoup: usage: /floor AMOUNT'
expect_grep "unknown in-call command" "$TMP/a" "^recoup: unknown command '/frob'; /help lists the commands$"
expect_grep "/note without text" "$TMP/a" '^recoup: usage: /note TEXT$'
expect_grep "/floor with a word" "$TMP/a" "^recoup: /floor does not understand 'lots'; nothing changed"

"$RECOUP" run "$tiny" --script "$TMP/cmds" --mode assessment >"$TMP/a"
expect_grep "/why refused in assessment" "$TMP/a" '^recoup: /why is not available in assessment mode$'

# Issue 15: a warning lands after the output it follows when standard
# output and standard error share one file (stdout is flushed first).
printf 'hello\nyou idiot\nmore\nlines\n' >"$TMP/over"
"$RECOUP" run "$tiny" --script "$TMP/over" --no-save >"$TMP/both" 2>&1
expect_eq "run: warning is the last line" "$(tail -n 1 "$TMP/both")" \
    "recoup: warning: $TMP/over: 2 lines after the end of the call not used"
expect_eq "run: warning on a line of its own" "$(grep -c 'recoup: warning' "$TMP/both")" \
    "$(grep -c '^recoup: warning' "$TMP/both")"

# /floor: a minimum in total or paid now, said either way round; a bad
# argument says what is wrong and changes nothing.
printf '/floor 700\n/floor 800 now\n/floor now 900\n/floor -50\n/floor abc\n/floor 0\n/floor 5 now total\n' >"$TMP/cmds"
"$RECOUP" run "$tiny" --script "$TMP/cmds" --no-save >"$TMP/a"
expect_grep "/floor total" "$TMP/a" '^\(Your private minimum is \$700 in total: the least you will settle for'
expect_grep "/floor AMOUNT now" "$TMP/a" '^\(Your private minimum is \$800 paid now: the least you will take today'
expect_grep "/floor now AMOUNT" "$TMP/a" '^\(Your private minimum is \$900 paid now'
expect_grep "/floor -50" "$TMP/a" "^recoup: /floor needs an amount above zero, not '-50'; nothing changed"
expect_grep "/floor abc" "$TMP/a" "^recoup: /floor does not understand 'abc'; nothing changed"
expect_grep "/floor 0" "$TMP/a" "^recoup: /floor needs an amount above zero, not '0'; nothing changed"
expect_grep "/floor two kinds" "$TMP/a" "^recoup: /floor takes one amount and at most one of 'now' or 'total'"
expect_grep "the last good /floor holds" "$TMP/a" '^Your floor: \$900 paid now$'

# Issue 15: a minus after the currency sign or as U+2212, an amount that
# is not the whole word, hex, exponents, more than is owed: all refused,
# nothing changed; commands that take no argument refuse one.
printf '/floor 900 now\n/floor $-50\n/floor \342\210\22250\n/floor 2,50\n/floor 0x10\n/floor 1e5\n/floor 99999999999999999999\n/floor 1001\n/end now\n/case x\n/pause 5\n/research please\n/hint me\n/help x\nhello\n' >"$TMP/cmds"
"$RECOUP" run "$tiny" --script "$TMP/cmds" --no-save >"$TMP/a"
expect_grep "/floor \$-50" "$TMP/a" "^recoup: /floor needs an amount above zero, not '\\\$-50'; nothing changed"
expect_grep "/floor U+2212 50" "$TMP/a" "^recoup: /floor needs an amount above zero, not '−50'; nothing changed"
for w in 2,50 0x10 1e5; do
	expect_grep "/floor $w" "$TMP/a" "^recoup: /floor does not understand '$w'; nothing changed"
done
expect_grep "/floor absurd" "$TMP/a" "^recoup: /floor \\\$100,000,000,000,000,000,000 is more than the \\\$1,000 owed; nothing changed$"
expect_grep "/floor above the balance" "$TMP/a" "^recoup: /floor \\\$1,001 is more than the \\\$1,000 owed; nothing changed$"
for c in '/end now' '/case x' '/pause 5' '/research please' '/hint me' '/help x'; do
	expect_grep "$c refused" "$TMP/a" "^recoup: ${c% *} takes no argument, not '${c#* }'; nothing done$"
done
expect_no_grep "/end now did not hang up" "$TMP/a" '^== Case file ==$'
expect_grep "the call went on after /end now" "$TMP/a" '^Tess: (Hi, who is it\?|Yes, hi\?|Hello to you\.)$'
expect_grep "the good /floor still holds" "$TMP/a" '^Your floor: \$900 paid now$'

# list finds the test scenario and counts its states and rules.
"$RECOUP" list --scenarios tests/data >"$TMP/a"
expect_eq "list exit" "$?" 0
expect_grep "list row" "$TMP/a" '^tiny +easy +other +4 +7  Tiny test debtor$'
"$RECOUP" list --scenarios tests/data --json >"$TMP/a"
expect_grep "list --json" "$TMP/a" '"id": "tiny", .*"states": 4, "rules": 7'
"$RECOUP" list extra 2>"$TMP/err"
expect_eq "list with an argument: exit" "$?" 2

finish
