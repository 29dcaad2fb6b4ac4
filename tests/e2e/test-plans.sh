#!/bin/sh
# recoup test: a passing plan, a plan that fails in known ways (the exact
# report), plans that cannot be used, the options, determinism, and every
# shipped scenario's plan passing.
. "$(dirname "$0")/lib.sh"

"$RECOUP" test tests/data/tiny.json >"$TMP/out" 2>"$TMP/err"
expect_eq "tiny plan: exit code" "$?" 0
expect_grep "tiny plan: case 1" "$TMP/out" '^ok   tiny/lump-agreement \(3 seeds\)$'
expect_grep "tiny plan: case 2" "$TMP/out" '^ok   tiny/rude-hangup \(3 seeds\)$'
expect_eq "tiny plan: summary" "$(cat "$TMP/err")" \
	"recoup: 1 plan, 2 cases, 6 runs, 0 failed"

# A plan given by its own path; the report names the step and shows what
# was expected against what happened.
"$RECOUP" test tests/plans/failing.plan.json >"$TMP/out" 2>&1
expect_eq "failing plan: exit code" "$?" 1
if cmp -s "$TMP/out" tests/plans/failing.expected; then pass; else
	fail "failing plan: report differs from tests/plans/failing.expected"
	diff tests/plans/failing.expected "$TMP/out" | sed 's/^/  /' >&2
fi
"$RECOUP" test tests/plans/failing.plan.json >"$TMP/again" 2>&1
if cmp -s "$TMP/out" "$TMP/again"; then pass; else fail "two runs of a plan differ"; fi

# --case, --seed and --verbose.
"$RECOUP" test tests/plans/failing.plan.json --case passes >"$TMP/out" 2>"$TMP/err"
expect_eq "--case: exit code" "$?" 0
expect_eq "--case: one case" "$(cat "$TMP/out")" "ok   tiny/passes (1 seed)"
"$RECOUP" test tests/plans/failing.plan.json --case wrong-outcome --seed 5 -v >"$TMP/out" 2>"$TMP/err"
expect_eq "--seed: exit code" "$?" 1
expect_grep "--seed: that seed only" "$TMP/out" '^  tests/plans/failing.plan.json:13:17: outcome, seed 5$'
expect_grep "--verbose: the call" "$TMP/out" '^    the call \(seed 5\):$'
expect_grep "--verbose: turns with rules" "$TMP/out" "^      Tess: I could do \\\$300\\.   \\[offer in 'talk'; debtor-offer\\]$"
"$RECOUP" test tests/plans/failing.plan.json --case nope 2>"$TMP/err"
expect_eq "unknown case: exit code" "$?" 2
expect_grep "unknown case: message" "$TMP/err" "no case 'nope' in this plan$"
"$RECOUP" test tests/plans/failing.plan.json --seed x 2>/dev/null
expect_eq "bad seed: exit code" "$?" 2

# Plans that cannot be used: exit 2 with the loader's messages.
"$RECOUP" test tests/lint/bad-plan.plan.json >"$TMP/out" 2>"$TMP/err"
expect_eq "invalid plan: exit code" "$?" 2
expect_grep "invalid plan: message" "$TMP/err" \
	'^recoup: tests/lint/bad-plan.plan.json:11:34: /cases/1/steps: needs at least one step$'
"$RECOUP" test tests/lint/plan-names.plan.json >"$TMP/out" 2>"$TMP/err"
expect_eq "plan naming unknown things: exit code" "$?" 2
expect_grep "plan naming unknown things: message" "$TMP/err" "unknown state 'talking' in scenario 'clean'$"
"$RECOUP" test tests/lint/clean.json 2>"$TMP/err"
expect_eq "no plan: exit code" "$?" 2
expect_eq "no plan: message" "$(cat "$TMP/err")" \
	"recoup: no test plan for 'tests/lint/clean.json' (looked for 'tests/lint/clean.plan.json'; see docs/test-plans.md)"
"$RECOUP" test no-such-debtor 2>"$TMP/err"
expect_eq "unknown scenario: exit code" "$?" 2
"$RECOUP" test --help >"$TMP/out"
expect_eq "--help: exit code" "$?" 0

# The tutorial's debtor (docs/authoring.md) lints clean and passes its plan.
"$RECOUP" lint docs/examples/overdue-ollie.json docs/examples/overdue-ollie.plan.json 2>"$TMP/err"
expect_eq "tutorial: lint exit code" "$?" 0
expect_eq "tutorial: lint" "$(cat "$TMP/err")" "recoup: 2 files, 0 errors, 0 warnings"
"$RECOUP" test docs/examples/overdue-ollie.json >"$TMP/out" 2>"$TMP/err"
expect_eq "tutorial: test exit code" "$?" 0
expect_eq "tutorial: test" "$(cat "$TMP/out")" "ok   overdue-ollie/agreement (3 seeds)
ok   overdue-ollie/rude (3 seeds)"

# Every shipped scenario's plan passes (the default: all plans on the path).
"$RECOUP" test >"$TMP/out" 2>"$TMP/err"
rc=$?
if [ "$rc" -eq 0 ]; then pass; else
	fail "shipped plans fail (exit $rc)"
	sed 's/^/  | /' "$TMP/out" "$TMP/err" >&2
fi
expect_grep "shipped plans: summary" "$TMP/err" '^recoup: [1-9][0-9]* plans?, [0-9]+ cases?, [0-9]+ runs?, 0 failed$'
for s in scenarios/*.json; do
	case "$s" in *.plan.json) continue ;; esac
	if [ -f "${s%.json}.plan.json" ]; then pass; else
		fail "$s has no test plan (${s%.json}.plan.json)"
	fi
done

finish
