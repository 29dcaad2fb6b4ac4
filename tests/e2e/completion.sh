#!/bin/sh
# Shell completion (completions/recoup.bash and completions/_recoup):
# subcommands, each one's options and their values, scenario ids from
# `recoup list --ids` (honouring --scenarios), session ids from
# `recoup history --ids` (honouring --db).  bash is driven through
# COMP_WORDS/COMP_CWORD and the completion function; zsh, when present,
# through a pseudo-terminal and a real Tab.
. "$(dirname "$0")/lib.sh"

BINDIR=$TMP/bin
mkdir -p "$BINDIR"
ln -s "$RECOUP" "$BINDIR/recoup"
DB=$TMP/c.db

# The quiet forms the completion reads.
"$RECOUP" list --ids >"$TMP/ids.out"
expect_eq "list --ids: exit code" "$?" 0
expect_eq "list --ids: the ids of list, one a line" "$(cat "$TMP/ids.out")" \
    "$("$RECOUP" list | sed 1d | cut -d' ' -f1)"
"$RECOUP" list --ids --scenarios tests/data >"$TMP/ids2.out"
expect_grep "list --ids --scenarios" "$TMP/ids2.out" "^tiny$"
"$RECOUP" list --ids --json >/dev/null 2>&1
expect_eq "list --ids --json: usage" "$?" 2
for seed in 3 4; do
	"$RECOUP" run forgetful-florist --script tests/golden/forgetful-courteous.script \
	    --seed $seed --trainee ana --db "$DB" >/dev/null
done
"$RECOUP" history --ids --db "$DB" >"$TMP/sessions.out"
expect_eq "history --ids" "$(cat "$TMP/sessions.out")" "$(printf '1\n2')"
"$RECOUP" history --ids --db "$DB" --seed 1 >/dev/null 2>&1
expect_eq "history --ids: a bad option is still usage" "$?" 2

if ! command -v bash >/dev/null; then
	echo "bash not found: its completion is not tested"
else
	# complete WORD...: the candidates offered for the last word.
	cat >"$TMP/complete.bash" <<EOF
PATH=$BINDIR:\$PATH
. "$SRC/completions/recoup.bash"
complete -p recoup || exit 1
COMP_WORDS=("\$@")
COMP_CWORD=\$((\${#COMP_WORDS[@]} - 1))
_recoup
printf '%s\n' "\${COMPREPLY[@]}"
EOF
	comp() { bash "$TMP/complete.bash" "$@" >"$TMP/c.out" 2>"$TMP/c.err"; }

	comp recoup ""
	expect_grep "bash: registered" "$TMP/c.out" "^complete -F _recoup recoup$"
	expect_grep "bash: commands: play" "$TMP/c.out" "^play$"
	expect_grep "bash: commands: leaderboard" "$TMP/c.out" "^leaderboard$"
	expect_no_grep "bash: commands: no option" "$TMP/c.out" "^--"
	comp recoup pl
	expect_eq "bash: pl" "$(sed 1d "$TMP/c.out")" "play"
	comp recoup --v
	expect_eq "bash: --v" "$(sed 1d "$TMP/c.out")" "--version"
	comp recoup play ""
	expect_grep "bash: play: a scenario id" "$TMP/c.out" "^forgetful-florist$"
	expect_grep "bash: play: every scenario id" "$TMP/c.out" "^promiser-agency$"
	comp recoup play forg
	expect_eq "bash: play forg" "$(sed 1d "$TMP/c.out")" "forgetful-florist"
	comp recoup play --scenarios tests/data ti
	expect_eq "bash: --scenarios honoured" "$(sed 1d "$TMP/c.out")" "tiny"
	comp recoup run forgetful-florist --s
	expect_eq "bash: run's options" "$(sed 1d "$TMP/c.out" | tr '\n' ' ')" \
	    "--script --seed --scenarios "
	comp recoup run forgetful-florist ""
	expect_eq "bash: run takes one scenario" "$(sed 1d "$TMP/c.out")" ""
	comp recoup run --seed 3 ""
	expect_grep "bash: an option's value is no positional" "$TMP/c.out" "^forgetful-florist$"
	comp recoup run forgetful-florist --format ""
	expect_eq "bash: --format values" "$(sed 1d "$TMP/c.out" | tr '\n' ' ')" "text json "
	comp recoup export --format ""
	expect_eq "bash: export --format values" "$(sed 1d "$TMP/c.out" | tr '\n' ' ')" "csv json xapi "
	comp recoup play --mode a
	expect_eq "bash: --mode" "$(sed 1d "$TMP/c.out")" "assessment"
	comp recoup history --status ""
	expect_grep "bash: --status" "$TMP/c.out" "^interrupted$"
	comp recoup compare --scenario bro
	expect_eq "bash: --scenario takes an id" "$(sed 1d "$TMP/c.out")" "broke-consumer"
	comp recoup compare --by ""
	expect_eq "bash: compare --by values" "$(sed 1d "$TMP/c.out" | tr '\n' ' ')" "practice scenario "
	comp recoup drill st
	expect_eq "bash: drill status" "$(sed 1d "$TMP/c.out")" "status"
	comp recoup leaderboard --co
	expect_eq "bash: leaderboard --co" "$(sed 1d "$TMP/c.out")" "--cohort"
	comp recoup show --db "$DB" ""
	expect_eq "bash: show: session ids from --db" "$(sed 1d "$TMP/c.out" | tr '\n' ' ')" "1 2 "
	comp recoup review --db "$DB" 2
	expect_eq "bash: review: session ids" "$(sed 1d "$TMP/c.out")" "2"
	comp recoup run forgetful-florist --script tests/golden/forgetful-court
	expect_grep "bash: --script: files" "$TMP/c.out" "^tests/golden/forgetful-courteous.script$"
	comp recoup run --rubric scor
	expect_eq "bash: --rubric: directories" "$(sed 1d "$TMP/c.out")" "scoring"
	expect_eq "bash: no errors" "$(cat "$TMP/c.err")" ""
fi

# zsh: a real Tab in an interactive zsh on a pseudo-terminal (zpty).
if ! command -v zsh >/dev/null || ! zsh -c 'zmodload zsh/zpty' 2>/dev/null; then
	echo "zsh (with zpty) not found: its completion is not tested"
else
	# ztab LINE PATTERN: types LINE and a Tab; 0 when the screen then
	# shows PATTERN (a zsh glob) within 20 s.
	cat >"$TMP/ztab.zsh" <<'EOF'
zmodload zsh/zpty
zpty z "PATH=$1:\$PATH TERM=dumb HOME=$3 zsh -f -i"
zpty -w z "PS1='%% '; fpath=($2 \$fpath); autoload -U compinit; compinit -u -D; setopt nobeep; print READY"
zpty -r -t z line '*READY*' || { sleep 1; zpty -r z line '*READY*'; }
zpty -w -n z "$4"$'\t'
out=
SECONDS=0
while (( SECONDS < 20 )); do
	if zpty -r -t z chunk; then
		out+=$chunk
		[[ $out == $~5 ]] && { zpty -d z; exit 0; }
	else
		sleep 0.1
	fi
done
print -r -- "${out//$'\r'/}" >&2
zpty -d z
exit 1
EOF
	ztab() {
		if zsh -f "$TMP/ztab.zsh" "$BINDIR" "$SRC/completions" "$TMP" "$2" "$3" \
		    2>"$TMP/z.err"; then pass; else
			fail "zsh: $1"
			tail -c 400 "$TMP/z.err" | cat -v | sed 's/^/  | /' >&2
		fi
	}
	ztab "commands" "recoup pla" "*recoup play *"
	ztab "scenario id" "recoup play forg" "*recoup play forgetful-florist *"
	ztab "--scenarios honoured" "recoup play --scenarios $SRC/tests/data ti" "*tests/data tiny *"
	ztab "run's options" "recoup run forgetful-florist --scr" "*--script *"
	ztab "--format values" "recoup export --format xa" "*--format xapi *"
	ztab "session ids from --db" "recoup show --db $DB 2" "*$DB 2 *"
	ztab "drill status" "recoup drill sta" "*recoup drill status *"
fi

finish
