#!/bin/sh
# recoup graph: DOT for the test debtor and every shipped scenario, which
# Graphviz renders (when `dot` is installed); awkward text is escaped;
# usage errors.
. "$(dirname "$0")/lib.sh"

"$RECOUP" graph tests/data/tiny.json >"$TMP/tiny.dot"
expect_eq "tiny: exit code" "$?" 0
expect_grep "tiny: a digraph" "$TMP/tiny.dot" '^digraph "tiny" \{$'
expect_grep "tiny: start marked" "$TMP/tiny.dot" '^	"__start" -> "hello" '
expect_grep "tiny: start state thick" "$TMP/tiny.dot" '^	"hello" \[penwidth=2\.5, '
expect_grep "tiny: rule edge" "$TMP/tiny.dot" '^	"hello" -> "talk" \[label="hi", tooltip="rule: hi"\];$'
expect_grep "tiny: bargain accept edge" "$TMP/tiny.dot" \
	'^	"talk" -> "done" \[label="bargain: accept, accept_plan", color=darkgreen'
expect_grep "tiny: ending" "$TMP/tiny.dot" '^	"gone" \[shape=doublecircle, fillcolor=palegreen, '
expect_grep "tiny: bargaining state" "$TMP/tiny.dot" '^	"talk" \[label="talk\\n\(bargaining\)"'
expect_no_grep "tiny: no global node without global transitions" "$TMP/tiny.dot" '__any'
"$RECOUP" graph tests/data/tiny.json >"$TMP/again.dot"
if cmp -s "$TMP/tiny.dot" "$TMP/again.dot"; then pass; else fail "two graphs differ"; fi

# Global transitions, a hang-up ending, an unreachable state, merged edges
# and text that needs escaping.
cat >"$TMP/odd.json" <<'JSON'
{
  "id": "odd", "title": "Odd \"graph\" test", "version": "1", "archetype": "other",
  "difficulty": "easy", "summary": "Awkward text and every kind of edge.",
  "persona": { "name": "Od D", "role": "owner", "kind": "consumer" },
  "case": { "creditor": "Acme", "debtor": "Od D", "currency": "USD",
            "invoices": [ { "id": "1", "amount": 10 } ], "balance": 10, "days_overdue": 1 },
  "truth": { "reason": "none", "cash_now": 5, "monthly": 1, "first_offer": 1 },
  "start": "a",
  "opening": { "replies": ["Hi."] },
  "hangup": { "replies": ["Bye."] },
  "pause": { "replies": ["Hm?"], "next": "b" },
  "bargain": { "accept": { "replies": ["Yes."], "next": "a" }, "accept_plan": { "replies": ["Ok."] },
               "counter": { "replies": ["{offer}."] }, "counter_plan": { "replies": ["{terms}."] },
               "refuse": { "replies": ["No."] } },
  "global": [ { "id": "quit", "match": "quit", "replies": ["Gone."], "next": "closed" } ],
  "states": {
    "a": { "description": "Says \"hi\" \\ {braces} <b>\nnext line",
           "rules": [ { "id": "r1", "match": "one", "replies": ["1"], "next": "b" },
                      { "id": "r2", "match": "two", "replies": ["2"], "next": "b" },
                      { "id": "slam", "match": "slam", "replies": ["Click."], "next": "slammed" } ],
           "fallback": { "replies": ["?"] } },
    "b": { "bargain": true, "fallback": { "replies": ["Eh?"], "next": "a" } },
    "lost": { "description": "Nobody gets here.", "fallback": { "replies": ["..."], "next": "a" } },
    "closed": { "end": "close" },
    "slammed": { "end": "hangup" }
  }
}
JSON
"$RECOUP" graph "$TMP/odd.json" >"$TMP/odd.dot" 2>"$TMP/err"
expect_eq "odd: exit code" "$?" 0
expect_grep "odd: escaped title" "$TMP/odd.dot" 'label="Odd \\"graph\\" test\\nodd 1"'
expect_grep "odd: escaped tooltip" "$TMP/odd.dot" '^	"a" \[penwidth=2\.5, tooltip="Says \\"hi\\" \\\\ \{braces\} <b>\\nnext line"\];$'
expect_grep "odd: merged edge" "$TMP/odd.dot" '^	"a" -> "b" \[label="r1\\nr2", tooltip="rules: r1, r2"\];$'
expect_grep "odd: fallback edge" "$TMP/odd.dot" '^	"b" -> "a" \[label="\(fallback\)", style=dotted\];$'
expect_grep "odd: unreachable greyed" "$TMP/odd.dot" '^	"lost" \[style="rounded,filled,dashed", color=gray50'
expect_grep "odd: global node" "$TMP/odd.dot" '^	"__any" \[label="any state"'
expect_grep "odd: global edge" "$TMP/odd.dot" '^	"__any" -> "closed" \[label="quit", tooltip="rule: quit", style=dashed'
expect_grep "odd: pause edge" "$TMP/odd.dot" '^	"__any" -> "b" \[label="\(/pause\)", style=dashed'
expect_grep "odd: hang-up ending" "$TMP/odd.dot" '^	"slammed" \[shape=doublecircle, fillcolor=lightpink, '
"$RECOUP" graph --no-global "$TMP/odd.json" >"$TMP/noglobal.dot"
expect_no_grep "--no-global" "$TMP/noglobal.dot" '__any'

if command -v dot >/dev/null 2>&1; then
	for f in "$TMP/tiny.dot" "$TMP/odd.dot"; do
		if dot -Tsvg "$f" >"$TMP/out.svg" 2>"$TMP/err" && [ ! -s "$TMP/err" ] &&
		    grep -q '<svg' "$TMP/out.svg"; then pass; else
			fail "dot cannot render $f"
			sed 's/^/  | /' "$TMP/err" >&2
		fi
	done
	for s in scenarios/*.json; do
		case "$s" in *.plan.json) continue ;; esac
		"$RECOUP" graph "$s" >"$TMP/s.dot"
		expect_eq "$s: graph exit code" "$?" 0
		if dot -Tsvg "$TMP/s.dot" >"$TMP/s.svg" 2>"$TMP/err" && [ ! -s "$TMP/err" ]; then pass; else
			fail "dot cannot render the graph of $s"
			sed 's/^/  | /' "$TMP/err" >&2
		fi
	done
else
	echo "dot not installed: rendering not checked" >&2
fi

"$RECOUP" graph 2>"$TMP/err"
expect_eq "no scenario: exit code" "$?" 2
expect_grep "no scenario: message" "$TMP/err" '^recoup: graph needs a scenario$'
"$RECOUP" graph no-such-debtor 2>"$TMP/err"
expect_eq "unknown scenario: exit code" "$?" 2
"$RECOUP" graph tests/bad/missing-comma.json >"$TMP/out" 2>"$TMP/err"
expect_eq "invalid scenario: exit code" "$?" 2
expect_eq "invalid scenario: nothing on stdout" "$(cat "$TMP/out")" ""

finish
