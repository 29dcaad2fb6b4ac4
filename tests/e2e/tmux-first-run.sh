#!/bin/sh
# Issue 13 #4 in a real terminal (tmux, like tests/e2e/tmux.sh): `recoup`
# alone with an empty XDG_CONFIG_HOME asks who is playing (an empty name
# is asked again), saves the name and cohort in the config file and says
# where; the call is stored under that name; a second `recoup play` does
# not ask.
. "$(dirname "$0")/lib.sh"

. "$(dirname "$0")/tmuxkit.sh"
mkdir -p "$TMP/cfg" "$TMP/data"
unset RECOUP_TRAINEE RECOUP_COHORT RECOUP_DB || true
ENV="env HOME='$HOME' XDG_CONFIG_HOME='$TMP/cfg' XDG_DATA_HOME='$TMP/data' TERM=xterm"
# A session that outlives each run's, so the server stays up between them.
T new-session -d -s keep -x 80 -y 10 "sleep 600"

# 1. The first run asks.
T new-session -d -s play -x 120 -y 45 \
	"cd '$SRC' && $ENV '$RECOUP'; echo EXITED \$?; sleep 30"
wait_for '^Who is playing\?'
wait_for '^Your name: ?$'
T send-keys -t play Enter
wait_for "^That will not do: invalid name '': empty\.$"
wait_for '^Your name: ?$'
T send-keys -t play 'Grace Hopper' Enter
wait_for '^Your cohort or team \(Enter to skip\): ?$'
T send-keys -t play 'night-shift' Enter
wait_for "^Saved in $TMP/cfg/recoup/config\.  To change them later: recoup config set trainee NAME \(or: cohort TAG\)$"
wait_for '^Who do you want to call\?'
wait_for '^Number \(Enter for [0-9]+, q to quit\): ?$'
T send-keys -t play Enter
wait_for '^you> ?$'
T send-keys -t play '/end' Enter
wait_for '^EXITED 0$'

cfg="$TMP/cfg/recoup/config"
expect_grep "config: trainee" "$cfg" '^trainee = Grace Hopper$'
expect_grep "config: cohort" "$cfg" '^cohort = night-shift$'
expect_eq "config: mode" "$(stat -c %a "$cfg")" 600
expect_eq "config dir: mode" "$(stat -c %a "$TMP/cfg/recoup")" 700
HOME="$HOME" XDG_CONFIG_HOME="$TMP/cfg" XDG_DATA_HOME="$TMP/data" \
    "$RECOUP" history --format csv >"$TMP/h.csv"
expect_grep "history: stored under the name and cohort" "$TMP/h.csv" ',Grace Hopper,night-shift,'

# 2. The second run does not ask.
T kill-session -t play
T new-session -d -s play -x 120 -y 45 \
	"cd '$SRC' && $ENV '$RECOUP' play forgetful-florist --seed 1; echo EXITED \$?; sleep 30"
wait_for '^you> ?$'
expect_no_grep "second run: not asked" "$TMP/screen" 'Your name|Who is playing'
T send-keys -t play '/end' Enter
wait_for '^EXITED 0$'
HOME="$HOME" XDG_CONFIG_HOME="$TMP/cfg" XDG_DATA_HOME="$TMP/data" \
    "$RECOUP" history --format csv >"$TMP/h.csv"
expect_eq "history: both calls under the name" \
    "$(grep -c ',Grace Hopper,night-shift,' "$TMP/h.csv")" 2

# 3. --trainee on the command line: not asked, nothing saved.
rm -rf "$TMP/cfg2"
T kill-session -t play
T new-session -d -s play -x 120 -y 45 \
	"cd '$SRC' && env HOME='$HOME' XDG_CONFIG_HOME='$TMP/cfg2' XDG_DATA_HOME='$TMP/data' TERM=xterm '$RECOUP' play forgetful-florist --trainee flagged; echo EXITED \$?; sleep 30"
wait_for '^you> ?$'
expect_no_grep "--trainee: not asked" "$TMP/screen" 'Your name'
T send-keys -t play '/end' Enter
wait_for '^EXITED 0$'
expect_eq "--trainee: no config written" "$([ -e "$TMP/cfg2/recoup/config" ] && echo yes)" ""

finish
