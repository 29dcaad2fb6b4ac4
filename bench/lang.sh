#!/bin/sh
# The understanding layer's figures: precision and recall per intent on the
# paraphrase corpus, dev part (tuned on) and locked part (measured only),
# and the share of natural-call trainee lines each debtor answered with its
# fallback, dev and locked.  Usage: bench/lang.sh BUILD_DIR
set -eu
build=${1:-build}
cd "$(dirname "$0")/.."
for part in dev locked; do
	echo "== paraphrase corpus, $part part (intents below 0.9 marked)"
	"$build/tests/langcheck" scenarios/lang tests/lang/paraphrase --$part --min 0.9 \
		--scenario scenarios/forgetful-florist.json || true
done
for part in dev locked; do
	echo "== natural calls, $part part: trainee lines answered by a fallback"
	"$build/tests/callcheck" scenarios tests/lang/calls/$part || true
done
for part in dev locked; do
	echo "== deal corpus, $part part: lines read as the schedule a person would write down"
	"$build/tests/dealcheck" scenarios/lang tests/deal/proposals --$part --min 0 || true
done
