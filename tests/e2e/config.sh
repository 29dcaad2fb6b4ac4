#!/bin/sh
# `recoup config` (issue 13 #4): set, get, list and unset; unknown keys
# and bad values refused with exit 2; bad lines in the file reported with
# file:line (errors for `config`, warnings for other commands, which go
# on); a symlinked config refused; and the one precedence, flag >
# environment > config > default, for trainee, cohort and db as `run`
# stores them.  Private HOME and XDG dirs throughout.
. "$(dirname "$0")/lib.sh"
export RECOUP_PATTERN_CACHE=off
export HOME="$TMP/home" XDG_CONFIG_HOME="$TMP/cfg" XDG_DATA_HOME="$TMP/data"
unset RECOUP_DB RECOUP_TRAINEE RECOUP_COHORT RECOUP_COLOUR USER || true
mkdir -p "$HOME"
CFG=$XDG_CONFIG_HOME/recoup/config
script=tests/golden/forgetful-courteous.script

# run_ok DB ARGS...: a scripted call saved in DB
run_ok() {
	db=$1
	shift
	"$RECOUP" run forgetful-florist --script "$script" --db "$db" "$@" >/dev/null
}
# who DB: "trainee cohort" of the last session in DB
who() {
	"$RECOUP" export --format csv --db "$1" | awk -F, 'NR == 1 {
	    for (i = 1; i <= NF; i++) col[$i] = i } END {
	    print $col["trainee"] " " $col["cohort"] }'
}

# 1. Nothing set: list prints nothing; get fails quietly.
expect_eq "empty list" "$("$RECOUP" config list)" ""
"$RECOUP" config get trainee >"$TMP/out" 2>&1
expect_eq "get unset: exit" "$?" 1
expect_eq "get unset: silent" "$(cat "$TMP/out")" ""

# 2. set / get / list; the file 0600 in a 0700 directory.
"$RECOUP" config set trainee "Ada Lovelace"
expect_eq "set: exit" "$?" 0
"$RECOUP" config set cohort spring-24
"$RECOUP" config set pass-mark 80
"$RECOUP" config set colour never
expect_eq "get trainee" "$("$RECOUP" config get trainee)" "Ada Lovelace"
expect_eq "list" "$("$RECOUP" config list)" "trainee = Ada Lovelace
cohort = spring-24
pass-mark = 80
colour = never"
expect_eq "file mode" "$(stat -c %a "$CFG")" 600
expect_eq "dir mode" "$(stat -c %a "$XDG_CONFIG_HOME/recoup")" 700
expect_grep "file format" "$CFG" '^trainee = Ada Lovelace$'
"$RECOUP" config set trainee "Ada King"
expect_eq "set again replaces" "$(grep -c '^trainee' "$CFG")" 1

# 3. Unknown keys and bad values: a message and exit 2, nothing written.
cp "$CFG" "$TMP/before"
"$RECOUP" config set size 3 2>"$TMP/err"
expect_eq "unknown key: exit" "$?" 2
expect_grep "unknown key: message" "$TMP/err" \
    "^recoup: unknown key 'size' \(expected trainee, cohort, db, pass-mark or colour\)$"
"$RECOUP" config get size 2>/dev/null
expect_eq "get unknown key: exit" "$?" 2
"$RECOUP" config set pass-mark 101 2>"$TMP/err"
expect_eq "bad pass-mark: exit" "$?" 2
expect_grep "bad pass-mark: message" "$TMP/err" \
    "^recoup: invalid pass-mark '101': expected a whole number from 0 to 100$"
"$RECOUP" config set colour blue 2>"$TMP/err"
expect_eq "bad colour: exit" "$?" 2
expect_grep "bad colour: message" "$TMP/err" \
    "^recoup: invalid colour 'blue': expected auto, always or never$"
"$RECOUP" config set trainee "$(printf 'a\033[2Jb')" 2>"$TMP/err"
expect_eq "control character: exit" "$?" 2
expect_grep "control character: message" "$TMP/err" "a control character$"
"$RECOUP" config set trainee "" 2>"$TMP/err"
expect_eq "empty name: exit" "$?" 2
"$RECOUP" config set trainee "$(printf 'Jos\351')" 2>"$TMP/err"
expect_eq "bad UTF-8: exit" "$?" 2
expect_grep "bad UTF-8: message" "$TMP/err" "not valid UTF-8$"
"$RECOUP" config frob 2>/dev/null
expect_eq "unknown action: exit" "$?" 2
"$RECOUP" config set trainee 2>/dev/null
expect_eq "missing value: exit" "$?" 2
expect_eq "nothing written by refusals" "$(cmp "$TMP/before" "$CFG" && echo same)" same
"$RECOUP" config --help | grep -q '^  pass-mark ' && pass || fail "config --help lists the keys"

# 4. Precedence, as `run` stores the call: flag > environment > config.
"$RECOUP" config set trainee conf-name
"$RECOUP" config set cohort conf-cohort
run_ok "$TMP/p1.db"
expect_eq "config used by run" "$(who "$TMP/p1.db")" "conf-name conf-cohort"
RECOUP_TRAINEE=env-name RECOUP_COHORT=env-cohort run_ok "$TMP/p2.db"
expect_eq "environment beats config" "$(who "$TMP/p2.db")" "env-name env-cohort"
RECOUP_TRAINEE=x RECOUP_COHORT=x run_ok "$TMP/p3.db" --trainee y --cohort z
expect_eq "flag beats environment" "$(who "$TMP/p3.db")" "y z"
RECOUP_TRAINEE="$(printf 'bad\033x')" run_ok "$TMP/p4.db" 2>"$TMP/err"
expect_eq "bad environment passed over" "$(who "$TMP/p4.db")" "conf-name conf-cohort"
expect_grep "bad environment: warned" "$TMP/err" \
    "^recoup: warning: invalid RECOUP_TRAINEE '.*': a control character \(ignored\)$"
"$RECOUP" run forgetful-florist --script "$script" --no-save >"$TMP/out"
expect_grep "run shows the config's trainee" "$TMP/out" "^Trainee: conf-name$"
# The default when nothing sets it: $USER, else "trainee".
"$RECOUP" config unset trainee
"$RECOUP" config unset cohort
run_ok "$TMP/p5.db"
expect_eq "default trainee" "$(who "$TMP/p5.db")" "trainee "
USER=uname run_ok "$TMP/p6.db"
expect_eq "default trainee from USER" "$(who "$TMP/p6.db")" "uname "

# db: the config's db is where calls go and history reads, below
# RECOUP_DB and --db.
"$RECOUP" config set db "$TMP/conf.db"
run_ok "" --trainee in-conf-db
expect_grep "config db used" "$("$RECOUP" history --format csv >"$TMP/h.csv"; echo "$TMP/h.csv")" "in-conf-db"
RECOUP_DB="$TMP/env.db" run_ok "" --trainee in-env-db
expect_eq "RECOUP_DB beats the config's db" "$(who "$TMP/env.db")" "in-env-db "
RECOUP_DB="$TMP/env.db" run_ok "$TMP/flag.db" --trainee in-flag-db
expect_eq "--db beats RECOUP_DB" "$(who "$TMP/flag.db")" "in-flag-db "
expect_eq "config db untouched by env and flag" \
    "$("$RECOUP" history --format csv | grep -c ',in-')" 1

# list --all: effective values and their sources.
RECOUP_COHORT=ec "$RECOUP" config list --all --trainee ft >"$TMP/all"
expect_grep "all: flag" "$TMP/all" "^trainee = ft  \(flag\)$"
expect_grep "all: environment" "$TMP/all" "^cohort = ec  \(environment: RECOUP_COHORT\)$"
expect_grep "all: config" "$TMP/all" "^db = $TMP/conf.db  \(config\)$"
expect_grep "all: config pass-mark" "$TMP/all" "^pass-mark = 80  \(config\)$"
NO_COLOR=1 "$RECOUP" config list --all >"$TMP/all"
expect_grep "all: NO_COLOR" "$TMP/all" "^colour = never  \(environment: NO_COLOR\)$"
"$RECOUP" config unset colour
"$RECOUP" config unset pass-mark
"$RECOUP" config list --all >"$TMP/all"
expect_grep "all: default colour" "$TMP/all" "^colour = auto  \(default\)$"
expect_grep "all: default pass-mark" "$TMP/all" "^pass-mark = 70  \(default\)$"
expect_grep "all: cohort not set" "$TMP/all" "^cohort =  \(not set\)$"
"$RECOUP" config unset db
expect_eq "unset leaves only the header" "$(grep -vc '^#' "$CFG")" 0

# colour (show's scorecard): always colours even piped; the config's
# never is beaten by RECOUP_COLOUR.
"$RECOUP" show 1 --db "$TMP/p1.db" >"$TMP/out"
if grep -q "$(printf '\033')\[" "$TMP/out"; then fail "colour auto piped: coloured"; else pass; fi
"$RECOUP" config set colour always
"$RECOUP" show 1 --db "$TMP/p1.db" >"$TMP/out"
if grep -q "$(printf '\033')\[" "$TMP/out"; then pass; else fail "colour always: no colour"; fi
"$RECOUP" config set colour never
RECOUP_COLOUR=always "$RECOUP" show 1 --db "$TMP/p1.db" >"$TMP/out"
if grep -q "$(printf '\033')\[" "$TMP/out"; then pass; else fail "RECOUP_COLOUR beats config"; fi
"$RECOUP" config set colour always
NO_COLOR=1 "$RECOUP" show 1 --db "$TMP/p1.db" >"$TMP/out"
if grep -q "$(printf '\033')\[" "$TMP/out"; then fail "NO_COLOR beats config always"; else pass; fi
"$RECOUP" config unset colour

# pass-mark: the HTML report's line.
"$RECOUP" config set pass-mark 85
"$RECOUP" report --html "$TMP/r.html" --db "$TMP/p1.db"
expect_grep "report: pass mark from config" "$TMP/r.html" "the dashed line is a pass mark of 85\."
"$RECOUP" config unset pass-mark

# 5. Bad lines: `config` refuses with file:line; other commands warn, go on.
"$RECOUP" config set trainee good-name
printf 'bogus line\nsize = 3\ncolour = blue\n' >>"$CFG"
cp "$CFG" "$TMP/before"
"$RECOUP" config list >/dev/null 2>"$TMP/err"
expect_eq "bad lines: config list exit" "$?" 2
expect_grep "bad lines: line 3" "$TMP/err" "^recoup: $CFG:3: expected 'key = value', got 'bogus line'$"
expect_grep "bad lines: line 4" "$TMP/err" "^recoup: $CFG:4: unknown key 'size'"
expect_grep "bad lines: line 5" "$TMP/err" "^recoup: $CFG:5: invalid colour 'blue'"
"$RECOUP" config set cohort c 2>/dev/null
expect_eq "bad lines: config set exit" "$?" 2
expect_eq "bad lines: file untouched" "$(cmp "$TMP/before" "$CFG" && echo same)" same
run_ok "$TMP/p7.db" 2>"$TMP/err"
expect_eq "bad lines: run goes on" "$?" 0
expect_eq "bad lines: good lines used" "$(who "$TMP/p7.db")" "good-name "
expect_grep "bad lines: warning" "$TMP/err" "^recoup: warning: $CFG:4: unknown key 'size' .*\(line ignored\)$"
expect_eq "bad lines: each said once" "$(grep -c ':4:' "$TMP/err")" 1

# 6. A config that is a symlink or not a regular file is refused.
mv "$CFG" "$TMP/real-config"
printf 'trainee = linked\n' >"$TMP/real-config"
ln -s "$TMP/real-config" "$CFG"
"$RECOUP" config list >/dev/null 2>"$TMP/err"
expect_eq "symlink: config exit" "$?" 2
expect_grep "symlink: message" "$TMP/err" "^recoup: $CFG: not a regular file \(a symbolic link\): not read$"
"$RECOUP" config set trainee x 2>/dev/null
expect_eq "symlink: set refused" "$?" 2
expect_eq "symlink: kept" "$([ -L "$CFG" ] && cat "$CFG")" "trainee = linked"
run_ok "$TMP/p8.db" 2>"$TMP/err"
expect_eq "symlink: run goes on" "$?" 0
expect_eq "symlink: not used" "$(who "$TMP/p8.db")" "trainee "
expect_grep "symlink: warning" "$TMP/err" "^recoup: warning: $CFG: not a regular file \(a symbolic link\): not read$"
rm "$CFG"
mkdir "$CFG"
"$RECOUP" config get trainee 2>"$TMP/err"
expect_eq "directory: exit" "$?" 2
expect_grep "directory: message" "$TMP/err" "not a regular file \(a directory\)"
rmdir "$CFG"

# 7. Without a terminal nothing is asked: piped play uses the default.
printf '/end\n' | "$RECOUP" play forgetful-florist --seed 1 --db "$TMP/p9.db" >"$TMP/out" 2>&1
expect_eq "piped play: exit" "$?" 0
expect_no_grep "piped play: no question" "$TMP/out" "Your name"
expect_eq "piped play: default trainee" "$(who "$TMP/p9.db")" "trainee "
expect_eq "piped play: no config written" "$([ -e "$CFG" ] && echo exists)" ""

finish
