#!/bin/sh
# docs/trainers.md, run as written: every ```sh block is run in order in
# one shell (set -e: a failing command fails the test), in an empty
# directory with $HOME there and `recoup` on PATH.  The ```text block
# that follows an ```sh block is the output the guide shows for it: each
# of its lines must appear in the block's real output (stdout and stderr),
# in the same order.  A line "[...]" stands for lines left out; "[...]"
# inside a line for a part of it left out.  Times of day are compared as
# "<time>" (they change from run to run).  With TRAINERS_DUMP=DIR set,
# each block's real output is also written to DIR/N.out (for authors).
. "$(dirname "$0")/lib.sh"

DOC=$SRC/docs/trainers.md
BLOCKS=$TMP/blocks
mkdir -p "$BLOCKS" "$TMP/bin" "$TMP/home"
ln -s "$RECOUP" "$TMP/bin/recoup"

# N.sh for the Nth sh block, N.want for the text block after it.
awk -v dir="$BLOCKS" '
	/^```sh$/ && !in_block { n++; in_block = 1; file = dir "/" n ".sh"; printf "" >file; next }
	/^```text$/ && !in_block && n > 0 && !shown[n] { in_block = 1; shown[n] = 1; file = dir "/" n ".want"; printf "" >file; next }
	/^```/ && in_block { in_block = 0; close(file); next }
	/^```/ && !in_block { in_block = 2; next }
	in_block == 1 { print >file }
' "$DOC"
nblocks=$(ls "$BLOCKS"/*.sh 2>/dev/null | wc -l)
if [ "$nblocks" -lt 10 ]; then
	fail "docs/trainers.md: only $nblocks sh blocks found"
fi

{
	echo 'set -e'
	i=1
	while [ "$i" -le "$nblocks" ]; do
		echo "echo '@@BLOCK $i@@'"
		echo ". '$BLOCKS/$i.sh'"
		i=$((i + 1))
	done
	echo "echo '@@END@@'"
} >"$TMP/all.sh"

mkdir -p "$TMP/work"
(
	cd "$TMP/work" || exit 1
	unset RECOUP_DB RECOUP_SCENARIOS RECOUP_RUBRIC RECOUP_LANG XDG_DATA_HOME
	HOME=$TMP/home PATH=$TMP/bin:$PATH USER=trainer LC_ALL=C.UTF-8 TZ=UTC \
	    sh "$TMP/all.sh" >"$TMP/all.out" 2>&1
)
if ! grep -q '^@@END@@$' "$TMP/all.out"; then
	last=$(grep '^@@BLOCK' "$TMP/all.out" | tail -n 1)
	fail "docs/trainers.md: a command failed in $last"
	sed -n "/^$last\$/,\$p" "$TMP/all.out" | tail -n 20 | sed 's/^/  | /' >&2
	while read -r line; do echo "  > $line"; done <"$BLOCKS/${last#@@BLOCK }" >&2 2>/dev/null
else
	pass
fi

# Each block's real output, times made "<time>".
norm() {
	sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}[ T][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?Z?)?/<time>/g; s/[[:space:]]+$//' "$@"
}
i=1
while [ "$i" -le "$nblocks" ]; do
	awk -v n="$i" '$0 == "@@BLOCK " n "@@" { on = 1; next } /^@@(BLOCK [0-9]+|END)@@$/ { on = 0 } on' \
	    "$TMP/all.out" >"$TMP/$i.got"
	if [ -n "${TRAINERS_DUMP:-}" ]; then
		mkdir -p "$TRAINERS_DUMP"
		cp "$TMP/$i.got" "$TRAINERS_DUMP/$i.out"
		cp "$BLOCKS/$i.sh" "$TRAINERS_DUMP/$i.sh"
	fi
	if [ -f "$BLOCKS/$i.want" ]; then
		norm "$BLOCKS/$i.want" >"$TMP/$i.w"
		norm "$TMP/$i.got" >"$TMP/$i.g"
		# The wanted lines in order; "[...]" skips, "a[...]b" is a line
		# holding a then b.
		if awk -v wantfile="$TMP/$i.w" '
			function matches(line, pat,    n, parts, k, p, pos) {
				n = split(pat, parts, /\[\.\.\.\]/)
				if (n == 1) return line == pat
				if (index(line, parts[1]) != 1) return 0
				pos = length(parts[1]) + 1
				for (k = 2; k <= n; k++) {
					if (parts[k] == "") continue
					p = index(substr(line, pos), parts[k])
					if (p == 0) return 0
					pos += p - 1 + length(parts[k])
				}
				return parts[n] == "" || substr(line, length(line) - length(parts[n]) + 1) == parts[n]
			}
			BEGIN { while ((getline l <wantfile) > 0) if (l != "[...]" && l != "") want[++nw] = l; w = 1 }
			w <= nw && matches($0, want[w]) { w++ }
			END { if (w <= nw) { print "missing: " want[w]; exit 1 } }
		' "$TMP/$i.g" >"$TMP/$i.why"; then
			pass
		else
			fail "docs/trainers.md, sh block $i: the output shown is not what it prints ($(cat "$TMP/$i.why"))"
			sed 's/^/  > /' "$BLOCKS/$i.sh" | head -5 >&2
			sed 's/^/  | /' "$TMP/$i.got" | head -40 >&2
		fi
	fi
	i=$((i + 1))
done

# What the guide promises beyond its shown output.
W=$TMP/home/training
expect_grep "the HTML report was written" "$W/team-report.html" "<svg"
expect_grep "the xAPI export names the drill" "$W/friday.xapi.jsonl" '"verb"'
expect_eq "one xAPI statement a line" \
    "$(grep -vc '^{.*}$' "$W/friday.xapi.jsonl")" 0

finish
