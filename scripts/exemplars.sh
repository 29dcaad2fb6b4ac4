#!/bin/sh
# Writes scenarios/lang/exemplars.txt, the lines the likeness model learns
# from (src/likeness.c), from the dev part of the paraphrase corpus
# (tests/lang/paraphrase/*.txt above "%locked"; the locked part is never
# learnt from, nor a dev line that is also written in some locked part):
# "INTENT<TAB>+ or -<TAB>LINE", one per line, sorted.
# Run it after changing the corpus; ctest's lang/exemplars checks that the
# file is up to date.  Usage: scripts/exemplars.sh [OUT]
set -eu
cd "$(dirname "$0")/.."
out=${1:-scenarios/lang/exemplars.txt}
tmp=$(mktemp)
locked=$(mktemp)
trap 'rm -f "$tmp" "$locked"' EXIT
for f in tests/lang/paraphrase/*.txt; do
	sed -n '/^%locked/,$p' "$f" | sed -n 's/^[+-] //p'
done >"$locked"
for f in tests/lang/paraphrase/*.txt; do
	id=$(basename "$f" .txt)
	awk -v id="$id" '
		/^%locked/ { exit }
		/^[+-] / { printf "%s\t%s\t%s\n", id, substr($0, 1, 1), substr($0, 3) }
	' "$f"
done | awk -F '\t' 'NR == FNR { locked[$0] = 1; next } !($3 in locked)' \
	"$locked" - | LC_ALL=C sort -u >"$tmp"
mv "$tmp" "$out"
rm -f "$locked"
trap - EXIT
