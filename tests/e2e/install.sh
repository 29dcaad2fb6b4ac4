#!/bin/sh
# An installed recoup finds its data through the standard paths and never
# through the source tree: `cmake --install` into a DESTDIR staging tree
# (prefix /usr), then the staged binary is run from a directory outside
# the source tree with $XDG_DATA_DIRS naming the staged share/.  A user's
# own debtors in $XDG_DATA_HOME/recoup/scenarios are added to the shipped
# ones, and one with a shipped id replaces it.  $BUILD is the build tree.
. "$(dirname "$0")/lib.sh"
: "${BUILD:?BUILD must point at the build tree}"

STAGE=$TMP/stage
DESTDIR=$STAGE cmake --install "$BUILD" --prefix /usr >"$TMP/install.out" 2>&1
expect_eq "install: exit code" "$?" 0
BIN=$STAGE/usr/bin/recoup
SHARE=$STAGE/usr/share

# What the package is made of, where Debian wants it.
for f in bin/recoup share/recoup/scenarios/forgetful-florist.json \
    share/recoup/scenarios/forgetful-florist.plan.json \
    share/recoup/scenarios/drills/onboarding-week1.json \
    share/recoup/scenarios/lang/intents.json share/recoup/scenarios/lang/normalise.json \
    share/recoup/scenarios/lang/base.json share/recoup/scenarios/lang/exemplars.txt \
    share/recoup/scoring/rubric.json share/recoup/scoring/compliance.json \
    share/man/man1/recoup.1.gz \
    share/bash-completion/completions/recoup share/zsh/vendor-completions/_recoup \
    share/doc/recoup/copyright share/doc/recoup/changelog.gz share/doc/recoup/README.md \
    share/doc/recoup/trainers.md; do
	if [ -f "$STAGE/usr/$f" ]; then pass; else fail "installed: no /usr/$f"; fi
done
gzip -t "$SHARE/man/man1/recoup.1.gz"
expect_eq "man page: gzip" "$?" 0

# Run from elsewhere, with nothing pointing at the source tree.
mkdir -p "$TMP/away" "$TMP/home"
cd "$TMP/away" || exit 1
unset RECOUP_SCENARIOS RECOUP_RUBRIC RECOUP_LANG RECOUP_DB XDG_DATA_HOME
HOME=$TMP/home
XDG_DATA_DIRS=$SHARE
export HOME XDG_DATA_DIRS

"$BIN" list >"$TMP/list.out" 2>"$TMP/list.err"
expect_eq "list: exit code" "$?" 0
expect_eq "list: no messages" "$(cat "$TMP/list.err")" ""
(cd "$SRC" && "$RECOUP" list) >"$TMP/list-build.out"
expect_eq "list: the shipped debtors" "$(cat "$TMP/list.out")" "$(cat "$TMP/list-build.out")"
"$BIN" list --json >"$TMP/list.json"
expect_grep "list: read from the staged share" "$TMP/list.json" "\"path\": \"$SHARE/recoup/scenarios/forgetful-florist.json\""
expect_no_grep "list: nothing from the source tree" "$TMP/list.json" "\"path\": \"$SRC/"

"$BIN" run forgetful-florist --script "$SRC/tests/golden/forgetful-courteous.script" \
    --no-save >"$TMP/run.out" 2>"$TMP/run.err"
expect_eq "run: exit code" "$?" 0
expect_eq "run: no messages" "$(cat "$TMP/run.err")" ""
(cd "$SRC" && "$RECOUP" run forgetful-florist \
    --script tests/golden/forgetful-courteous.script --no-save) >"$TMP/run-build.out"
expect_eq "run: the same call as from the build" "$(cat "$TMP/run.out")" "$(cat "$TMP/run-build.out")"
expect_grep "run: scored with the staged rubric" "$TMP/run.out" "^Overall: +[0-9]+/100"
"$BIN" lint >"$TMP/lint.out" 2>&1
expect_eq "lint: the installed data is clean" "$?" 0
"$BIN" test forgetful-florist >"$TMP/test.out" 2>&1
expect_eq "test: the installed test plan passes" "$?" 0

# The prefix's share/ beside bin/ is found without $XDG_DATA_DIRS too.
env -u XDG_DATA_DIRS "$BIN" list --ids >"$TMP/ids.out"
expect_grep "relocated: share/ beside bin/" "$TMP/ids.out" "^forgetful-florist$"

# A copy of the binary alone, with an empty data path, finds no debtors
# (unless one is installed under /usr/local/share or /usr/share).
mkdir -p "$TMP/lone/bin" "$TMP/empty"
cp "$BIN" "$TMP/lone/bin/recoup"
if [ ! -d /usr/local/share/recoup ] && [ ! -d /usr/share/recoup ]; then
	XDG_DATA_DIRS=$TMP/empty "$TMP/lone/bin/recoup" list >"$TMP/lone.out" 2>&1
	expect_eq "alone: no source tree fallback" "$(cat "$TMP/lone.out")" \
	    "$(printf 'ID                       LEVEL      ARCHETYPE    STATES  RULES  TITLE\n(no scenarios found)')"
fi

# A user's own debtors: added to the shipped ones; the same id replaces one.
USERDIR=$TMP/xdg/recoup/scenarios
mkdir -p "$USERDIR"
cp "$SRC/tests/data/tiny.json" "$USERDIR/"
sed 's/"id": "forgetful-florist"/"id": "my-florist"/' \
    "$SRC/scenarios/forgetful-florist.json" >"$USERDIR/my-florist.json"
sed 's/"title": "Forgetful florist: /"title": "Our own florist: /' \
    "$SRC/scenarios/forgetful-florist.json" >"$USERDIR/forgetful-florist.json"
XDG_DATA_HOME=$TMP/xdg "$BIN" list >"$TMP/user.out" 2>&1
expect_eq "user debtors: exit code" "$?" 0
expect_grep "user debtors: tiny listed" "$TMP/user.out" "^tiny +easy +other .*Tiny test debtor"
expect_grep "user debtors: my-florist listed" "$TMP/user.out" "^my-florist "
expect_grep "user debtors: shipped ones still listed" "$TMP/user.out" "^broke-consumer "
expect_grep "user debtors: the user's copy replaces the shipped one" "$TMP/user.out" \
    "^forgetful-florist .*Our own florist: "
expect_eq "user debtors: forgetful-florist once" \
    "$(grep -c '^forgetful-florist ' "$TMP/user.out")" 1
XDG_DATA_HOME=$TMP/xdg "$BIN" run my-florist \
    --script "$SRC/tests/golden/forgetful-courteous.script" --no-save >"$TMP/mine.out" 2>&1
expect_eq "user debtor: plays with the shipped lexicon and rubric" "$?" 0
expect_grep "user debtor: scored" "$TMP/mine.out" "^Overall: "
# $HOME/.local/share is the default $XDG_DATA_HOME.
mkdir -p "$HOME/.local/share/recoup/scenarios"
cp "$SRC/tests/data/tiny.json" "$HOME/.local/share/recoup/scenarios/"
"$BIN" list --ids >"$TMP/home.out"
expect_grep "default XDG_DATA_HOME: ~/.local/share" "$TMP/home.out" "^tiny$"
# --scenarios and $RECOUP_SCENARIOS still come first.
mkdir -p "$TMP/first"
sed 's/"title": "Forgetful florist: /"title": "From --scenarios: /' \
    "$SRC/scenarios/forgetful-florist.json" >"$TMP/first/forgetful-florist.json"
XDG_DATA_HOME=$TMP/xdg "$BIN" list --scenarios "$TMP/first" >"$TMP/first.out"
expect_grep "--scenarios before the user's" "$TMP/first.out" "^forgetful-florist .*From --scenarios: "
RECOUP_SCENARIOS=$TMP/first XDG_DATA_HOME=$TMP/xdg "$BIN" list >"$TMP/env.out"
expect_grep "RECOUP_SCENARIOS before the user's" "$TMP/env.out" "^forgetful-florist .*From --scenarios: "

# The bash completion is found where bash-completion looks for it (beside
# the command: ../share/bash-completion/completions).
if [ -f /usr/share/bash-completion/bash_completion ] && command -v bash >/dev/null; then
	PATH=$STAGE/usr/bin:$PATH bash -c '. /usr/share/bash-completion/bash_completion
		_completion_loader recoup; complete -p recoup' >"$TMP/complete.out" 2>&1
	expect_eq "bash-completion loads it" "$(cat "$TMP/complete.out")" "complete -F _recoup recoup"
fi

finish
