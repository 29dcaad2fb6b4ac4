#!/bin/sh
# Issue 15 in a real terminal (tmux, like tests/e2e/tmux.sh): text is
# wrapped at word boundaries to the terminal's width, continuation lines
# under the text (not the label), again after a resize; Ctrl-D after an
# agreement hangs up like /end and the call is stored complete; Ctrl-C
# (confirmed) before the end stores it abandoned.
. "$(dirname "$0")/lib.sh"

TMUXKIT_JOIN=1
. "$(dirname "$0")/tmuxkit.sh"
# A session that outlives each call's, so the server stays up between them.
T new-session -d -s keep -x 80 -y 10 "sleep 600"

# fits WHAT WIDTH [FROM]: no line of the screen (after the last line
# matching FROM, when given) is wider than WIDTH columns (UTF-8
# continuation bytes dropped, so a character counts once).  tmux reflows
# old lines on a resize, so a check after one names where to start.
fits() {
	capture
	LC_ALL=C tr -d '\200-\277' <"$TMP/screen" |
		awk -v from="${3:-}" 'from != "" && $0 ~ from { n = 0 } { line[++n] = $0 }
			END { for (i = 1; i <= n; i++) print line[i] }' >"$TMP/chars"
	if awk -v w="$2" 'length($0) > w { bad = 1 } END { exit !bad }' "$TMP/chars"; then
		fail "$1: a line is wider than $2 columns"
		awk -v w="$2" 'length($0) > w' "$TMP/chars" | sed 's/^/  | /' | head -5 >&2
	else
		pass
	fi
}

start() {   # start WIDTH ARGS...: recoup in a fresh window WIDTH wide
	w=$1
	shift
	T kill-session -t play 2>/dev/null
	T new-session -d -s play -x "$w" -y 50 \
		"env RECOUP_TRAINEE=tester HOME='$HOME' TERM=xterm '$RECOUP' $*; echo EXITED \$?; sleep 30"
}

# 1. 80 columns: the opening paragraph, the debtor's reply, /case.
start 80 play forgetful-florist --seed 2 --no-save
wait_for '^you> ?$'
wait_for '^Maria: Petals & Stems, this is Maria\. Sorry about the noise, we.ve got a$'
wait_for '^       delivery coming in\.$'
wait_for '^are now 47 days overdue and nobody at the shop has said a word about them\.$'
T send-keys -t play '/case' Enter
wait_for '^== Case file ==$'
wait_for '^you> ?$'
wait_for '^Reach them:   Maria Okafor \(owner\), shop line 555-0142; invoices are emailed to$'
wait_for '^              accounts@petalsandstems\.example$'
wait_for '^  - Customer since March 2022, net-30 terms, credit limit \$5,000\. Paid every$'
wait_for '^    invoice within terms until INV-2291\.$'
wait_for '^  - 2026-09-22: automatic overdue notice for INV-2291 emailed to$'
wait_for '^                accounts@petalsandstems\.example\. No reply\.$'
fits "80 columns" 80

# 2. After a resize to 60 columns, the next output wraps at 60.
T resize-window -t play -x 60
T send-keys -t play '/case' Enter
wait_for '^              invoices are emailed to$'
wait_for '^  - Terms: late fee of 1\.5% a month on overdue balances \(not$'
wait_for '^           applied yet\); new orders go on hold at 60 days$'
wait_for '^    \$5,000\. Paid every invoice within terms until INV-2291\.$'
wait_for '^you> ?$'
fits "60 columns after a resize" 60 '^== Case file ==$'

# The scorecard's tips and evidence, at 60 columns too.
T send-keys -t play 'hello, is that Maria?' Enter
wait_for '^you> ?$'
T send-keys -t play '/end' Enter
wait_for '^== Scorecard ==$'
wait_for '^EXITED 0$'
wait_for '^       tip: [^ ].*[^ ]$'
wait_for '^            [^ ]'
fits "scorecard at 60 columns" 60 '^== Call ended ==$'

# 3. 140 columns: the opening paragraph wraps at a word, under 140.
start 140 play forgetful-florist --seed 2 --no-save
wait_for '^you> ?$'
wait_for '^Maria Okafor owns Petals & Stems, a busy florist that has bought from Greenline Wholesale for four years and always paid on time\. Two$'
wait_for '^invoices totalling \$3,120 are now 47 days overdue'
fits "140 columns" 140
T send-keys -t play '/end' Enter
wait_for '^EXITED 0$'
fits "scorecard at 140 columns" 140 '^== Call ended ==$'

# 4. Ctrl-D after an agreement: the trainee hangs up, the call is complete.
db="$TMP/calls.db"
start 120 play --scenarios tests/data tiny --seed 3 --db "$db" --trainee ctrld
wait_for '^you> ?$'
T send-keys -t play 'hello' Enter
wait_for '^Tess: (Hi, who is it\?|Yes, hi\?|Hello to you\.)$'
wait_for '^you> ?$'
T send-keys -t play 'what can you pay?' Enter
wait_for '^Tess: I could do \$300\.$'
wait_for '^you> ?$'
T send-keys -t play 'I saw your boat. $500 today?' Enter
wait_for '^Tess: I can do \$460\.$'
wait_for '^you> ?$'
T send-keys -t play 'ok deal' Enter
wait_for '^Tess: Great, \$460 today it is\.$'
wait_for '^you> ?$'
T send-keys -t play C-d
wait_for '^Ended by: +agreement reached$'
wait_for '^EXITED 0$'
"$RECOUP" history --db "$db" >"$TMP/hist"
expect_grep "Ctrl-D after an agreement: complete" "$TMP/hist" ' ctrld +tiny +complete '
"$RECOUP" show 1 --db "$db" >"$TMP/show"
expect_grep "show: complete" "$TMP/show" '; status: complete$'
expect_grep "show: the agreement" "$TMP/show" '^Agreement: +\$460 today'

# 5. Ctrl-C, confirmed, before the call ends: abandoned (still scored).
start 120 play --scenarios tests/data tiny --seed 3 --db "$db" --trainee ctrlc
wait_for '^you> ?$'
T send-keys -t play 'hello' Enter
wait_for '^Tess: (Hi, who is it\?|Yes, hi\?|Hello to you\.)$'
wait_for '^you> ?$'
T send-keys -t play C-c
wait_for '^Hang up\? \[y/N\] ?$'
T send-keys -t play 'y' Enter
wait_for '^== Scorecard ==$'
wait_for '^EXITED 0$'
"$RECOUP" history --db "$db" >"$TMP/hist"
expect_grep "Ctrl-C before the end: abandoned" "$TMP/hist" ' ctrlc +tiny +abandoned '

# 6. Machine formats are never wrapped, even on a terminal: run's JSON
# on the screen (lines the terminal folded joined again) is what a pipe
# gets.
printf 'hello\n/end\n' >"$TMP/s"
start 80 run --scenarios tests/data tiny --script "$TMP/s" --no-save --format json
wait_for '^EXITED 0$'
RECOUP_TRAINEE=tester "$RECOUP" run --scenarios tests/data tiny --script "$TMP/s" --no-save \
	--format json >"$TMP/json"
sed '/^EXITED 0$/,$d' "$TMP/screen" >"$TMP/json.screen"
if cmp -s "$TMP/json" "$TMP/json.screen"; then pass; else
	fail "JSON on a terminal differs from piped JSON"
	diff "$TMP/json" "$TMP/json.screen" | head -10 >&2
fi

# Piped output is never wrapped: the same long line as before.
printf '/case\n' | "$RECOUP" play forgetful-florist --seed 2 --no-save >"$TMP/piped"
expect_grep "piped output is not wrapped" "$TMP/piped" \
	'^Reach them:   Maria Okafor \(owner\), shop line 555-0142; invoices are emailed to accounts@petalsandstems\.example$'

finish
