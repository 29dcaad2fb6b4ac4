#!/bin/sh
# A scenario of 20,000 states (bench/gen-scale.sh) loads, lints clean,
# plays and lists correctly, and a duplicate rule id or state reference
# far into it is still found.  No timing is asserted here (make bench
# times 1k/10k/100k); the ctest timeout catches a return of the quadratic
# loading, which took minutes at this size.
. "$(dirname "$0")/lib.sh"
export RECOUP_PATTERN_CACHE=off
n=20000
mkdir -p "$TMP/big"
sh bench/gen-scale.sh $n "$TMP/big/scale-$n.json"

"$RECOUP" lint "$TMP/big/scale-$n.json" >"$TMP/lint.out" 2>&1
expect_eq "lint: exit code" "$?" 0
expect_grep "lint: clean" "$TMP/lint.out" '^recoup: 1 file, 0 errors, 0 warnings$'

printf 'say w0\nsay w1\nsomething else\nsay w2\n' >"$TMP/script"
"$RECOUP" run "$TMP/big/scale-$n.json" --script "$TMP/script" --no-save \
	>"$TMP/run.out" 2>&1
expect_eq "run: exit code" "$?" 0
expect_grep "run: rule of s0" "$TMP/run.out" '^Sam: R0\.$'
expect_grep "run: rule of s1" "$TMP/run.out" '^Sam: R1\.$'
expect_grep "run: fallback of s2" "$TMP/run.out" '^Sam: F2\.$'
expect_grep "run: rule of s2" "$TMP/run.out" '^Sam: R2\.$'

"$RECOUP" list --scenarios "$TMP/big" >"$TMP/list.out" 2>&1
expect_eq "list: exit code" "$?" 0
# Rules: the 20,000 of its own and the shared base's.
expect_grep "list: states and rules counted" "$TMP/list.out" \
	"^scale-$n .* $((n + 1)) +200[0-9][0-9]  Scale: $n states$"

# A repeated rule id and an unknown state at the far end are reported.
sed -e "s/\"id\":\"r$((n - 1))\"/\"id\":\"r7\"/" \
    -e "s/\"next\":\"s$((n - 1))\"/\"next\":\"nowhere\"/" \
	"$TMP/big/scale-$n.json" >"$TMP/bad.json"
"$RECOUP" lint "$TMP/bad.json" >"$TMP/bad.out" 2>&1
expect_eq "bad: exit code" "$?" 1
expect_grep "bad: duplicate id" "$TMP/bad.out" \
	"/states/s$((n - 1))/rules/0: duplicate rule id 'r7' \(also /states/s7/rules/0\)"
expect_grep "bad: unknown state" "$TMP/bad.out" \
	"/states/s$((n - 2))/rules/0/next: unknown state 'nowhere'"
finish
