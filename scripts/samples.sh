#!/bin/sh
# Writes docs/samples/<debtor>.txt, a playthrough of each debtor: the
# golden call named for it below, played with seed 1.  Run after a change
# that alters what debtors say; e2e/golden checks the samples are current.
#   scripts/samples.sh RECOUP [OUTDIR]
set -eu
recoup=${1:?usage: scripts/samples.sh RECOUP [OUTDIR]}
out=${2:-docs/samples}
cd "$(dirname "$0")/.."
mkdir -p "$out"
while read -r debtor golden; do
	"$recoup" run "$debtor" --seed 1 --no-save \
	    --script "tests/golden/$golden.script" >"$out/$debtor.txt" 2>/dev/null
done <<'LIST'
aggressive-contractor aggressive-calm
broke-consumer broke-kind
disputer-gym disputer-gym-good
distressed-manufacturer distressed-manufacturer-good
excuse-maker-cafe excuse-maker-cafe-good
followup-broken-promise followup-broken-promise-good
forgetful-florist forgetful-courteous
gatekeeper-spouse gatekeeper-spouse-good
guided-first-call guided-first-call-good
promiser-agency promiser-agency-good
LIST
