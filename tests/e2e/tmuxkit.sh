# tmuxkit.sh - what the tests that drive recoup in a real terminal share
# (sourced after lib.sh): a private tmux server on its own socket, killed
# at exit with the temporary directory; HOME under $TMP; T to talk to the
# server; capture to copy the window "play" (and its scrollback) to
# $TMP/screen, joining lines the terminal wrapped when TMUXKIT_JOIN=1;
# wait_for to poll the screen for a pattern; a "keeper" session holds the
# server up while tests kill and restart "play".
sock="recoup-test-$$"
export HOME="$TMP/home"
mkdir -p "$HOME"
unset XDG_STATE_HOME TMUX || true
T() { tmux -L "$sock" "$@"; }
trap 'T kill-server 2>/dev/null; rm -rf "$TMP"' EXIT
# A session that outlives the tests' own: killing the last session makes
# the server exit, and a new-session sent while it is going down fails with
# "server exited unexpectedly" (seen in CI when a test restarts "play").
T new-session -d -s keeper -x 80 -y 24 'sleep 86400'

capture() {
	T capture-pane -p ${TMUXKIT_JOIN:+-J} -S -2000 -t play >"$TMP/screen" 2>/dev/null
}

# wait_for PATTERN: polls the screen for up to 10 s.
wait_for() {
	i=0
	while [ $i -lt 100 ]; do
		capture
		if grep -Eq -- "$1" "$TMP/screen"; then pass; return 0; fi
		sleep 0.1
		i=$((i + 1))
	done
	fail "screen never showed /$1/"
	sed 's/^/  | /' "$TMP/screen" >&2
	return 1
}
