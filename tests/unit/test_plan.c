/*
 * test_plan.c - test plans as a library: loading (every problem with its
 * position, the reserved "score" key), finding the scenario, binding names
 * to the scenario, and running: passing cases, failures with expected and
 * actual, failures merged across seeds, a run stopping at its first
 * failing step, --case / --seed, and every agreement restated in full.
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "jsonpos.h"
#include "plan.h"

#define TINY RECOUP_TEST_DATA "/data/tiny.json"

static struct rc_err err = RC_ERR_INIT;

static struct rc_plan *
parse(const char *text)
{
	rc_err_clear(&err);
	return rc_plan_parse("p.plan.json", text, strlen(text), &err);
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

static const struct rc_plan_failure *
failure(const struct rc_plan_result *r, const char *what)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (strcmp(r->v[i].what, what) == 0)
			return &r->v[i];
	return NULL;
}

int
main(void)
{
	struct rc_scenario *s = rc_scenario_load(TINY, &err);
	struct rc_plan_result r = RC_PLAN_RESULT_INIT;
	const struct rc_plan_failure *f;
	struct rc_plan *p;
	char *path;

	RC_CHECK(s != NULL);
	if (s == NULL)
		return RC_TEST_DONE();

	/* Loading: shapes, defaults, every problem at once. */
	p = parse("{\"cases\": [{\"name\": \"a\", \"steps\": [\"hi\", {\"say\": \"x\","
	    " \"reply\": [\"a\", \"b\"], \"ended\": false}]}]}");
	RC_CHECK(p != NULL);
	if (p) {
		RC_CHECK_INT(p->ncases, 1);
		RC_CHECK_INT(p->cases[0].nseeds, 1);
		RC_CHECK_INT(p->cases[0].seeds[0], 1);
		RC_CHECK_INT(p->cases[0].nsteps, 2);
		RC_CHECK_STR(p->cases[0].steps[0].line, "hi");
		RC_CHECK_INT(p->cases[0].steps[1].expect.nreply, 2);
		RC_CHECK_INT(p->cases[0].steps[1].expect.ended, 0);
		RC_CHECK_INT(p->cases[0].outcome.agreement, -1);
		RC_CHECK_INT(p->cases[0].steps[1].line_no, 1);
	}
	rc_plan_free(p);
	p = parse("{\"seeds\": [1, -2, 2.5],\n \"cases\": [{\"steps\": [\"\"],"
	    " \"expect\": {\"score\": 70, \"agreement\": {\"total\": \">= x\"}}},\n"
	    " {\"name\": \"b\", \"steps\": [{\"say\": \"x\", \"reply\": \"(\"}], \"mode\": \"exam\"}]}");
	RC_CHECK(p == NULL);
	RC_CHECK(has("p.plan.json:1:15: /seeds/1: expected a seed"));
	RC_CHECK(has("/seeds/2: expected a seed"));
	RC_CHECK(has("p.plan.json:2:12: /cases/0: missing required key 'name'"));
	RC_CHECK(has("/cases/0/steps/0: empty step"));
	RC_CHECK(has("/cases/0/expect/score: score expectations are not supported"));
	RC_CHECK(has("/cases/0/expect/agreement/total: expected a number after '>='"));
	RC_CHECK(has("/cases/1/steps/0/reply: pcre2 error at offset 1: missing closing parenthesis"));
	RC_CHECK(has("/cases/1/mode: expected \"practice\" or \"assessment\", found \"exam\""));
	RC_CHECK_INT(err.nerrors, 8);
	RC_CHECK(parse("[1]") == NULL);
	RC_CHECK(has("p.plan.json:1:1: /: expected a JSON object at the top, found an array"));
	RC_CHECK(parse("{\"cases\": [}") == NULL);
	RC_CHECK(has("p.plan.json:1:12: invalid JSON"));

	/* Where plans and scenarios are. */
	path = rc_plan_path_for("scenarios/x.json");
	RC_CHECK_STR(path, "scenarios/x.plan.json");
	free(path);
	p = rc_plan_load(RECOUP_TEST_DATA "/plans/failing.plan.json", &err);
	RC_CHECK(p != NULL);
	if (p) {
		path = rc_plan_scenario_path(p, NULL, &err);
		RC_CHECK_STR(path, RECOUP_TEST_DATA "/plans/../data/tiny.json");
		free(path);
		RC_CHECK_INT(rc_plan_bind(p, s, &err), 0);
		/* Running it: two cases fail for both seeds, one passes. */
		RC_CHECK_INT(rc_plan_run(p, s, NULL, 0, 0, &r), 4);
		RC_CHECK_INT(r.ncases, 3);
		RC_CHECK_INT(r.runs, 5);
		RC_CHECK_INT(r.failed_runs, 4);
		RC_CHECK_INT(r.cases[2].failed, 0);
		f = failure(&r, "state");
		RC_CHECK(f != NULL);
		if (f) {
			RC_CHECK_INT(f->step, 1);
			RC_CHECK_STR(f->expected, "done");
			RC_CHECK_STR(f->actual, "talk");
			RC_CHECK_INT(f->nseeds, 2);
			RC_CHECK_STR(f->line, "hello");
			RC_CHECK(strstr(f->transcript, "You: hello\n") != NULL);
		}
		f = failure(&r, "agreement");
		RC_CHECK(f != NULL);
		if (f) {
			RC_CHECK_INT(f->step, 0);
			RC_CHECK_STR(f->expected, "total >= 1000");
			RC_CHECK_STR(f->actual, "total is 300 ($300 today)");
		}
		/* The run stopped at step 1: step 2 was never said. */
		RC_CHECK(failure(&r, "ended") == NULL);
		rc_plan_result_free(&r);
		RC_CHECK_INT(rc_plan_run(p, s, "passes", 1, 42, &r), 0);
		RC_CHECK_INT(r.runs, 1);
		rc_plan_result_free(&r);
	}
	rc_plan_free(p);

	/* Binding: unknown names, booleans compared as numbers. */
	p = parse("{\"cases\": [{\"name\": \"a\", \"steps\": [{\"say\": \"hi\","
	    " \"state\": \"nowhere\", \"rule\": \"bargain:counter\", \"vars\": "
	    "{\"greeted\": \">= 1\", \"nope\": 1, \"mood\": true}}]}]}");
	RC_CHECK(p != NULL);
	if (p) {
		rc_err_clear(&err);
		RC_CHECK_INT(rc_plan_bind(p, s, &err), 4);
		RC_CHECK(has("unknown state 'nowhere' in scenario 'tiny'"));
		RC_CHECK(has("variable 'greeted' is a boolean: expect true or false"));
		RC_CHECK(has("unknown variable 'nope'"));
		RC_CHECK(has("variable 'mood' is a number, not a boolean"));
	}
	rc_plan_free(p);

	/* /end ends the call: what follows is not said. */
	p = parse("{\"cases\": [{\"name\": \"end\", \"steps\": [\"hello\","
	    " {\"say\": \"/end\", \"ended\": true}], \"expect\": {\"ended_by\":"
	    " \"trainee\", \"turns\": 1, \"state\": \"talk\"}}]}");
	RC_CHECK(p != NULL);
	if (p) {
		RC_CHECK_INT(rc_plan_bind(p, s, &err), 0);
		RC_CHECK_INT(rc_plan_run(p, s, NULL, 0, 0, &r), 0);
		rc_plan_result_free(&r);
	}
	rc_plan_free(p);

	/* A call that ends before the plan does. */
	p = parse("{\"seeds\": [3], \"cases\": [{\"name\": \"rude\", \"steps\": "
	    "[\"you idiot\", \"hello\"], \"expect\": {\"ended_by\": \"hangup\"}}]}");
	RC_CHECK(p != NULL);
	if (p) {
		RC_CHECK_INT(rc_plan_bind(p, s, &err), 0);
		RC_CHECK_INT(rc_plan_run(p, s, NULL, 0, 0, &r), 1);
		f = failure(&r, "ended");
		RC_CHECK(f != NULL);
		if (f) {
			RC_CHECK_INT(f->step, 2);
			RC_CHECK_STR(f->actual, "the call had already ended");
		}
		rc_plan_result_free(&r);
	}
	rc_plan_free(p);

	/* A debtor that agrees without saying the terms back fails every
	 * plan that reaches the agreement, at that step. */
	{
		size_t len;
		char *text = rc_file_read(TINY, &len, &err), *at;
		struct rc_scenario *mute = NULL;

		RC_CHECK(text != NULL && (at = strstr(text, "\"Fine, {terms}.\"")) != NULL);
		if (text && (at = strstr(text, "\"Fine, {terms}.\"")) != NULL) {
			memcpy(at, "\"Fine.         \"", 16);
			mute = rc_scenario_parse(TINY, text, len, &err);
		}
		RC_CHECK(mute != NULL);
		p = parse("{\"seeds\": [1], \"cases\": [{\"name\": \"mute\", \"steps\": "
		    "[\"hello\", \"what can you pay?\", \"Could you do $500 today?\", "
		    "\"I saw your boat\", \"Can you pay $600 today?\", \"$550 today then\"]}]}");
		RC_CHECK(p != NULL);
		if (p && mute) {
			RC_CHECK_INT(rc_plan_bind(p, mute, &err), 0);
			RC_CHECK_INT(rc_plan_run(p, mute, NULL, 0, 0, &r), 1);
			f = failure(&r, "agreement: the debtor restates the terms");
			RC_CHECK(f != NULL);
			if (f) {
				RC_CHECK_INT(f->step, 6);
				RC_CHECK_STR(f->expected, "$550 today");
				RC_CHECK_STR(f->actual, "Fine.         ");   /* padded in place */
			}
			rc_plan_result_free(&r);
			/* The same plan on the debtor that restates: no failure. */
			RC_CHECK_INT(rc_plan_bind(p, s, &err), 0);
			RC_CHECK_INT(rc_plan_run(p, s, NULL, 0, 0, &r), 0);
			rc_plan_result_free(&r);
		}
		rc_plan_free(p);
		rc_scenario_free(mute);
		free(text);
	}
	rc_plan_free(NULL);
	rc_err_clear(&err);
	rc_scenario_free(s);
	return RC_TEST_DONE();
}
