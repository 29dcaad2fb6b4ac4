#!/bin/sh
# The known-good pattern cache (src/match.c): a pattern compiled once
# without error is compiled on first use afterwards.  It must change when
# work is done, never what a call says; a broken pattern is still reported
# where it is loaded; a missing, foreign or unwritable cache is no error.
. "$(dirname "$0")/lib.sh"
script=tests/golden/aggressive-calm.script
scen=aggressive-contractor
export XDG_CACHE_HOME="$TMP/cache"

"$RECOUP" run "$scen" --script "$script" --no-save >"$TMP/cold" 2>&1
expect_eq "cold run exits 0" "$?" 0
cache="$TMP/cache/recoup/patterns"
if [ -s "$cache" ]; then pass; else fail "no cache written at $cache"; fi
expect_eq "cache header" "$(head -c 29 "$cache")" "recoup pattern cache 1, pcre2"
"$RECOUP" run "$scen" --script "$script" --no-save >"$TMP/warm" 2>&1
if cmp -s "$TMP/cold" "$TMP/warm"; then pass; else
	fail "a call differs when its patterns come from the cache"
	diff "$TMP/cold" "$TMP/warm" | head -10 >&2
fi
RECOUP_PATTERN_CACHE=off "$RECOUP" run "$scen" --script "$script" --no-save \
	>"$TMP/off" 2>&1
if cmp -s "$TMP/cold" "$TMP/off"; then pass; else fail "RECOUP_PATTERN_CACHE=off changes the call"; fi

# The compiled code is kept too, and a damaged or foreign code file only
# costs compiling again.
code="$TMP/cache/recoup/pattern-code"
if [ -s "$code" ]; then pass; else fail "no compiled-code cache at $code"; fi
expect_eq "code cache header" "$(head -c 28 "$code")" "recoup pattern code 1, pcre2"
size=$(wc -c <"$code")
# Garbage over the second half of the file: blobs fail their checksum.
dd if=/dev/urandom of="$code" bs=1 seek=$((size / 2)) count=$((size / 2)) \
	conv=notrunc 2>/dev/null
"$RECOUP" run "$scen" --script "$script" --no-save >"$TMP/damaged" 2>&1
if cmp -s "$TMP/cold" "$TMP/damaged"; then pass; else fail "a damaged code cache changes the call"; fi
# Garbage over the index: entries point anywhere.
dd if=/dev/urandom of="$code" bs=1 seek=40 count=4096 conv=notrunc 2>/dev/null
"$RECOUP" run "$scen" --script "$script" --no-save >"$TMP/damaged2" 2>&1
if cmp -s "$TMP/cold" "$TMP/damaged2"; then pass; else fail "a damaged code index changes the call"; fi
printf 'recoup pattern code 1, pcre2 0.0, 8\n' >"$code"
"$RECOUP" run "$scen" --script "$script" --no-save >"$TMP/short" 2>&1
if cmp -s "$TMP/cold" "$TMP/short"; then pass; else fail "a cut code cache changes the call"; fi

# A broken pattern in a scenario is reported with its place, cache or not.
mkdir -p "$TMP/s"
cp -r scenarios/lang "$TMP/s/lang"
sed '0,/"match": "/s//"match": "(unclosed|/' scenarios/aggressive-contractor.json \
	>"$TMP/s/broken.json"
"$RECOUP" run "$TMP/s/broken.json" --script "$script" --no-save >"$TMP/broken" 2>&1
expect_eq "broken pattern exits 2" "$?" 2
expect_grep "broken pattern located" "$TMP/broken" "broken.json:[0-9]+:[0-9]+: .*(missing|pcre2)"

# A foreign file in the cache's place is ignored and replaced.
printf 'not a cache\n' >"$cache"
"$RECOUP" run "$scen" --script "$script" --no-save >"$TMP/foreign" 2>&1
if cmp -s "$TMP/cold" "$TMP/foreign"; then pass; else fail "a foreign cache file changes the call"; fi
expect_eq "foreign cache replaced" "$(head -c 29 "$cache")" "recoup pattern cache 1, pcre2"

# No place to write it: the call goes on.
: >"$TMP/file"
XDG_CACHE_HOME="$TMP/file/sub" "$RECOUP" run "$scen" --script "$script" --no-save \
	>"$TMP/nowhere" 2>&1
expect_eq "unwritable cache exits 0" "$?" 0
if cmp -s "$TMP/cold" "$TMP/nowhere"; then pass; else fail "an unwritable cache changes the call"; fi
finish
