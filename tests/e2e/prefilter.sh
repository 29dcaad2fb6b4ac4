#!/bin/sh
# The required-word prefilter (src/literal.c) only skips patterns that
# cannot match: every line of the paraphrase corpus, dev and locked, reads
# the same with it and without it (RECOUP_NO_PREFILTER=1).
. "$(dirname "$0")/lib.sh"
LANGCHECK=$1
args="$SRC/scenarios/lang $SRC/tests/lang/paraphrase --all --verbose --scenario $SRC/scenarios/forgetful-florist.json"
# shellcheck disable=SC2086
"$LANGCHECK" $args >"$TMP/with" 2>&1
# shellcheck disable=SC2086
RECOUP_NO_PREFILTER=1 "$LANGCHECK" $args >"$TMP/without" 2>&1
if cmp -s "$TMP/with" "$TMP/without"; then pass; else
	fail "readings differ with and without the prefilter"
	diff "$TMP/without" "$TMP/with" | head -20 | sed 's/^/  /' >&2
fi
expect_grep "corpus read" "$TMP/with" "^all intents: [0-9]+ lines"
finish
