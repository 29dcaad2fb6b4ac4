#!/bin/sh
# The interactive path in a real terminal: tmux runs `recoup play`, we type
# with send-keys and read the screen with capture-pane.  Covers the prompt,
# a reply, tab completion of in-call commands, Ctrl-C asking before hanging
# up, Ctrl-D hanging up, and the history file.
. "$(dirname "$0")/lib.sh"

. "$(dirname "$0")/tmuxkit.sh"

T new-session -d -s play -x 120 -y 45 \
	"env RECOUP_TRAINEE=tester HOME='$HOME' TERM=xterm '$RECOUP' play --scenarios tests/data tiny --seed 3; echo EXITED \$?; sleep 30"
wait_for '^Tess: Hello\?$'
wait_for '^you> ?$'

T send-keys -t play 'hello' Enter
wait_for '^Tess: (Hi, who is it\?|Yes, hi\?|Hello to you\.)$'
# Type only once readline shows the prompt again: keys sent earlier are
# echoed by the terminal before readline reads them (seen under ASan).
wait_for '^you> ?$'

# Tab completes "/ca" to "/case".
T send-keys -t play '/ca' Tab
wait_for '^you> /case ?$'
T send-keys -t play Enter
wait_for '^== Case file ==$'
wait_for 'INV-1 +\$1,000 +due 2026-10-01 +unpaid'

# Ctrl-C asks; "n" keeps the call going.
T send-keys -t play 'half typed' C-c
wait_for '^Hang up\? \[y/N\] ?$'
T send-keys -t play 'n' Enter
T send-keys -t play 'what can you pay?' Enter
wait_for '^Tess: I could do \$300\.$'

# Practice mode coaches: /hint gives a tip.
T send-keys -t play '/hint' Enter
wait_for '^\(Hint: '

# Ctrl-D hangs up and shows how the call ended.
T send-keys -t play C-d
wait_for '^== Call ended ==$'
wait_for '^Ended by: +you ended the call$'
wait_for '^== Scorecard ==$'
wait_for '^Overall: +[0-9]+/100, '
wait_for '^EXITED 0$'

# The history file kept what was typed (but not the y/N answer).
hist="$HOME/.local/state/recoup/history"
if [ -f "$hist" ]; then pass; else fail "no history file at $hist"; fi
expect_grep "history has the trainee's line" "$hist" '^what can you pay\?$'
expect_no_grep "history has no y/N answer" "$hist" '^n$'

# Ctrl-C then "y" hangs up at once.
T kill-session -t play
T new-session -d -s play -x 120 -y 45 \
	"env RECOUP_TRAINEE=tester HOME='$HOME' TERM=xterm '$RECOUP' play --scenarios tests/data tiny --seed 3; echo EXITED \$?; sleep 30"
wait_for '^you> ?$'
T send-keys -t play C-c
wait_for '^Hang up\? \[y/N\] ?$'
T send-keys -t play 'y' Enter
wait_for '^== Call ended ==$'
wait_for '^EXITED 0$'

# With no arguments on a terminal: a menu of debtors.  This user has a
# history file by now, so Enter picks the default debtor.
T kill-session -t play
T new-session -d -s play -x 120 -y 45 \
	"cd '$SRC' && env RECOUP_TRAINEE=tester HOME='$HOME' TERM=xterm '$RECOUP'; echo EXITED \$?; sleep 30"
wait_for '^Who do you want to call\?$'
wait_for 'Forgetful florist'
wait_for '^Number \(Enter for [0-9]+, q to quit\): ?$'
T send-keys -t play 'zzz' Enter
wait_for '^Type a number from 1 to [0-9]+\.$'
T send-keys -t play Enter
wait_for '^Maria: '
wait_for '^you> ?$'
T send-keys -t play '/end' Enter
wait_for '^EXITED 0$'

# A first-time user (no history yet) is pointed at the guided first call.
T kill-session -t play
mkdir -p "$TMP/newhome"
T new-session -d -s play -x 120 -y 45 \
	"cd '$SRC' && env RECOUP_TRAINEE=tester HOME='$TMP/newhome' TERM=xterm '$RECOUP'; echo EXITED \$?; sleep 30"
wait_for '^Who do you want to call\? \(New here\? The guided first call walks you through the basics\.\)$'
T send-keys -t play 'q' Enter
wait_for '^EXITED 0$'

finish
