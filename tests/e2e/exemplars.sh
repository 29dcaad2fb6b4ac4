#!/bin/sh
# scenarios/lang/exemplars.txt, what the likeness model learns from, is
# the dev part of the paraphrase corpus as scripts/exemplars.sh writes it:
# up to date, and holding nothing of the locked part.
. "$(dirname "$0")/lib.sh"
sh scripts/exemplars.sh "$TMP/exemplars.txt"
if cmp -s "$TMP/exemplars.txt" scenarios/lang/exemplars.txt; then pass; else
	fail "scenarios/lang/exemplars.txt is out of date: run scripts/exemplars.sh"
	diff scenarios/lang/exemplars.txt "$TMP/exemplars.txt" | head -10 >&2
fi
# No locked line is learnt from.
for f in tests/lang/paraphrase/*.txt; do
	sed -n '/^%locked/,$p' "$f" | sed -n 's/^[+-] //p'
done | LC_ALL=C sort -u >"$TMP/locked"
cut -f3 scenarios/lang/exemplars.txt | LC_ALL=C sort -u >"$TMP/learnt"
leaked=$(LC_ALL=C comm -12 "$TMP/locked" "$TMP/learnt" | wc -l)
expect_eq "locked lines among the exemplars" "$leaked" 0
finish
