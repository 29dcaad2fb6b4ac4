#!/bin/sh
# The lexicon cache (src/lexcache.c): the lexicon read back from a binary
# file instead of its JSON.  It must change how much work is done, never
# what a call says: a warm call equals a cold one; an edited lexicon is
# read afresh; a corrupt, truncated or foreign cache file is ignored and
# replaced; an unwritable cache directory and RECOUP_PATTERN_CACHE=off are
# no error.
. "$(dirname "$0")/lib.sh"
script=tests/golden/aggressive-calm.script
scen=aggressive-contractor
export XDG_CACHE_HOME="$TMP/cache"
cp -r scenarios/lang "$TMP/lang"
export RECOUP_LANG="$TMP/lang"
dir="$TMP/cache/recoup"

lexicon_file() {
	f=$(ls "$dir" 2>/dev/null | grep '^lexicon-[0-9a-f]*$' | head -1)
	[ -n "$f" ] && echo "$dir/$f"
}

"$RECOUP" run "$scen" --script "$script" --no-save >"$TMP/cold" 2>&1
expect_eq "cold run exits 0" "$?" 0
cache=$(lexicon_file)
if [ -n "$cache" ] && [ -s "$cache" ]; then pass; else fail "no lexicon cache written in $dir"; fi
expect_eq "cache header" "$(head -c 16 "$cache")" "recoup lexicon 4"
"$RECOUP" run "$scen" --script "$script" --no-save >"$TMP/warm" 2>&1
if cmp -s "$TMP/cold" "$TMP/warm"; then pass; else
	fail "a call differs when its lexicon comes from the cache"
	diff "$TMP/cold" "$TMP/warm" | head -10 >&2
fi
# Every field of an intent survives the cache, marks included: a question
# about money is read the same warm as cold.
line="so when can you pay the 1,840?"
rm -f "$dir"/lexicon-*
"$RECOUP" understand "$scen" "$line" --format json >"$TMP/u-cold" 2>&1
"$RECOUP" understand "$scen" "$line" --format json >"$TMP/u-warm" 2>&1
if grep -q '"payment-talk"' "$TMP/u-cold" && cmp -s "$TMP/u-cold" "$TMP/u-warm"; then pass; else
	fail "a line with marks is read differently from the cache"
	diff "$TMP/u-cold" "$TMP/u-warm" | head -10 >&2
fi
RECOUP_PATTERN_CACHE=off "$RECOUP" run "$scen" --script "$script" --no-save \
	>"$TMP/off" 2>&1
if cmp -s "$TMP/cold" "$TMP/off"; then pass; else fail "RECOUP_PATTERN_CACHE=off changes the call"; fi

# A stale cache: the lexicon is edited after the cache was written.
"$RECOUP" understand "$scen" "zorblax" >"$TMP/before" 2>&1
expect_grep "nonsense reads as nothing" "$TMP/before" "^intents: +none"
sed '0,/"patterns": \[/s//"patterns": ["\\\\bzorblax\\\\b", /' scenarios/lang/intents.json \
	>"$TMP/lang/intents.json"
"$RECOUP" understand "$scen" "zorblax" >"$TMP/after" 2>&1
expect_grep "an edited lexicon is read afresh" "$TMP/after" "^intents: +greet"
"$RECOUP" understand "$scen" "zorblax" >"$TMP/after2" 2>&1
if cmp -s "$TMP/after" "$TMP/after2"; then pass; else fail "the rewritten cache reads differently"; fi
cp scenarios/lang/intents.json "$TMP/lang/intents.json"
"$RECOUP" understand "$scen" "zorblax" >"$TMP/back" 2>&1
if cmp -s "$TMP/before" "$TMP/back"; then pass; else fail "the lexicon put back is not read afresh"; fi

# A corrupt cache: bytes changed in the middle, or cut short, or foreign.
"$RECOUP" run "$scen" --script "$script" --no-save >/dev/null 2>&1
cache=$(lexicon_file)
printf 'XXXXXXXXXXXXXXXX' | dd of="$cache" bs=1 seek=20000 conv=notrunc 2>/dev/null
"$RECOUP" run "$scen" --script "$script" --no-save >"$TMP/corrupt" 2>&1
if cmp -s "$TMP/cold" "$TMP/corrupt"; then pass; else fail "a corrupt cache changes the call"; fi
"$RECOUP" run "$scen" --script "$script" --no-save >"$TMP/mended" 2>&1
if cmp -s "$TMP/cold" "$TMP/mended"; then pass; else fail "the cache written after a corrupt one changes the call"; fi
head -c 5000 "$cache" >"$TMP/short" && cp "$TMP/short" "$cache"
"$RECOUP" run "$scen" --script "$script" --no-save >"$TMP/truncated" 2>&1
if cmp -s "$TMP/cold" "$TMP/truncated"; then pass; else fail "a truncated cache changes the call"; fi
printf 'recoup lexicon 4\nnot really\n' >"$cache"
"$RECOUP" run "$scen" --script "$script" --no-save >"$TMP/foreign" 2>&1
if cmp -s "$TMP/cold" "$TMP/foreign"; then pass; else fail "a foreign cache changes the call"; fi
expect_eq "foreign cache replaced" "$(head -c 16 "$cache")" "recoup lexicon 4"
if [ "$(wc -c <"$cache")" -gt 1000 ]; then pass; else fail "foreign cache not replaced"; fi

# Off: nothing is read or written.
rm -rf "$dir"
RECOUP_PATTERN_CACHE=off "$RECOUP" run "$scen" --script "$script" --no-save \
	>"$TMP/off2" 2>&1
if cmp -s "$TMP/cold" "$TMP/off2"; then pass; else fail "RECOUP_PATTERN_CACHE=off changes the call"; fi
expect_eq "nothing written when off" "$(lexicon_file)" ""

# No place to write it: the call goes on.
: >"$TMP/file"
XDG_CACHE_HOME="$TMP/file/sub" "$RECOUP" run "$scen" --script "$script" --no-save \
	>"$TMP/nowhere" 2>&1
expect_eq "unwritable cache exits 0" "$?" 0
if cmp -s "$TMP/cold" "$TMP/nowhere"; then pass; else fail "an unwritable cache changes the call"; fi
finish
