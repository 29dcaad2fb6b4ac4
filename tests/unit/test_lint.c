/*
 * test_lint.c - the lint checks as a library: the corpus files in
 * tests/lint counted by severity, messages without positions when the
 * text is not given, reachability, a clean scenario, unreadable files,
 * and plans linted against their scenario.
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "lint.h"

#define LINT RECOUP_TEST_DATA "/lint/"

static struct rc_err err = RC_ERR_INIT;

/* Lints FILE in tests/lint; returns the errors and stores warnings. */
static long
lint(const char *file, size_t *warnings)
{
	char path[512];
	long n;

	rc_err_clear(&err);
	snprintf(path, sizeof path, "%s%s", LINT, file);
	n = rc_lint_scenario(path, &err);
	*warnings = err.n - err.nerrors;
	return n;
}

static int
has(const char *text)
{
	size_t i;

	for (i = 0; i < err.n; i++)
		if (strstr(err.v[i].msg, text) != NULL)
			return 1;
	return 0;
}

int
main(void)
{
	struct rc_scenario *s;
	unsigned char reach[8];
	size_t w;
	long n;

	RC_CHECK_INT(lint("clean.json", &w), 0);
	RC_CHECK_INT(w, 0);
	RC_CHECK_INT(lint("several.json", &w), 4);
	RC_CHECK_INT(w, 2);
	RC_CHECK(has("several.json:56:14: /states/limbo: state 'limbo' is unreachable"));
	RC_CHECK(has("is caught first by rule 'rude'"));
	/* Sorted by position in the file: the balance (line 12) first. */
	RC_CHECK(err.n == 6 && strstr(err.v[0].msg, "/case/balance") != NULL);
	RC_CHECK(err.n == 6 && strstr(err.v[5].msg, "/states/limbo") != NULL);
	RC_CHECK_INT(lint("shadowed.json", &w), 2);
	RC_CHECK_INT(lint("example-miss.json", &w), 2);
	RC_CHECK(has("condition: greeted is false, needs true; the fallback answers"));
	RC_CHECK_INT(lint("dead-end.json", &w), 1);
	RC_CHECK_INT(lint("no-ending.json", &w), 0);
	RC_CHECK_INT(w, 2);
	RC_CHECK_INT(lint("read-never-set.json", &w), 1);
	RC_CHECK_INT(w, 1);
	RC_CHECK_INT(lint("set-never-read.json", &w), 0);
	RC_CHECK_INT(w, 1);
	RC_CHECK_INT(lint("repeated-reply.json", &w), 1);
	RC_CHECK_INT(w, 1);
	/* Load errors are lint errors too. */
	RC_CHECK_INT(lint("syntax.json", &w), 1);
	RC_CHECK_INT(lint("schema.json", &w), 2);
	/* A file that cannot be read is not linted at all. */
	RC_CHECK_INT(lint("no-such-file.json", &w), -1);
	RC_CHECK(has("cannot open"));

	/* Without the text: the same findings, by pointer only. */
	rc_err_clear(&err);
	s = rc_scenario_load(LINT "unreachable.json", &err);
	RC_CHECK(s != NULL);
	if (s != NULL) {
		rc_lint_check(s, NULL, 0, &err);
		RC_CHECK_INT(err.nerrors, 1);
		RC_CHECK(has(LINT "unreachable.json: /states/limbo: state 'limbo' is "
		    "unreachable from the start state 'hello'"));
		RC_CHECK_INT(s->nstates, 5);
		rc_lint_reach(s, reach);
		RC_CHECK_INT(reach[rc_scenario_state(s, "hello")], 1);
		RC_CHECK_INT(reach[rc_scenario_state(s, "done")], 1);
		RC_CHECK_INT(reach[rc_scenario_state(s, "gone")], 1);
		RC_CHECK_INT(reach[rc_scenario_state(s, "limbo")], 0);
		rc_scenario_free(s);
	}

	/* Plans: against their scenario. */
	rc_err_clear(&err);
	n = rc_lint_plan(LINT "plan-names.plan.json", NULL, &err);
	RC_CHECK_INT(n, 3);
	RC_CHECK(has("unknown rule 'hello' in scenario 'clean'"));
	rc_err_clear(&err);
	RC_CHECK_INT(rc_lint_plan(LINT "bad-plan.plan.json", NULL, &err), 5);
	rc_err_clear(&err);
	RC_CHECK_INT(rc_lint_plan(RECOUP_TEST_DATA "/data/tiny.plan.json", NULL, &err), 0);
	RC_CHECK_INT(err.n, 0);
	RC_CHECK_INT(rc_lint_plan(LINT "nothing.plan.json", NULL, &err), -1);
	rc_err_clear(&err);
	return RC_TEST_DONE();
}
