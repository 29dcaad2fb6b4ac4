/*
 * test_scenario.c - the loader: what a good file turns into, that a bad
 * file reports all its problems in one pass, text input with positions,
 * and how scenario ids are found on the scenario path.
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "scenario.h"

static struct rc_scenario *
parse(const char *text, struct rc_err *err)
{
	return rc_scenario_parse("mem.json", text, strlen(text), err);
}

int
main(void)
{
	struct rc_err err = RC_ERR_INIT;
	struct rc_scenario *s;
	const struct rc_state *talk;
	const char *dirs[] = { "/nonexistent", RECOUP_TEST_DATA "/data", NULL };
	char *path;
	int v;

	s = rc_scenario_load(RECOUP_TEST_DATA "/data/tiny.json", &err);
	RC_CHECK(s != NULL);
	RC_CHECK_INT(err.n, 0);
	if (s == NULL)
		return RC_TEST_DONE();
	RC_CHECK_STR(s->id, "tiny");
	RC_CHECK_STR(s->currency, "USD");
	RC_CHECK_NUM(s->balance, 1000);
	RC_CHECK_INT(s->ninvoices, 1);
	RC_CHECK_STR(s->invoices[0].id, "INV-1");
	RC_CHECK_STR(s->invoices[0].due, "2026-10-01");
	RC_CHECK_INT(s->invoices[0].paid, 0);
	RC_CHECK_NUM(s->truth.cash_now, 600);
	RC_CHECK_NUM(s->truth.concession, 0.3);
	RC_CHECK_INT(s->truth.honesty, 8);
	RC_CHECK_INT(s->turn_limit, 40);
	/* No policy stated: nothing set, nothing checked. */
	RC_CHECK_INT(s->policy.set, 0);
	RC_CHECK_INT(s->policy.min_instalment, RC_POLICY_UNSET);
	RC_CHECK_STR(s->states[s->start].name, "hello");
	/* Patience starts from the temperament. */
	RC_CHECK_NUM(s->vars[RC_VAR_PATIENCE].init, 3);
	v = rc_scenario_var(s, "greeted");
	RC_CHECK(v >= RC_VAR_BUILTIN_COUNT);
	RC_CHECK_INT(s->vars[v].is_bool, 1);
	RC_CHECK_INT(s->vars[v].written, 1);
	talk = &s->states[rc_scenario_state(s, "talk")];
	RC_CHECK_INT(talk->bargain, 1);
	RC_CHECK_INT(talk->nrules, 4);
	RC_CHECK_INT(talk->rules[0].bargain, RC_BARGAIN_OFFER);
	RC_CHECK_INT(talk->rules[1].bargain, RC_BARGAIN_TAKE);
	RC_CHECK_STR(talk->rules[1].where, "/states/talk/rules/1");
	RC_CHECK_INT(s->states[rc_scenario_state(s, "gone")].end, RC_END_CLOSE);
	RC_CHECK_INT(s->states[0].rules[0].nexamples, 1);
	RC_CHECK_STR(s->states[0].rules[0].examples[0].text, "hello there");
	RC_CHECK_INT(s->global[0].rs.nsets, 1);
	RC_CHECK_INT(s->global[0].rs.sets[0].add, 1);
	RC_CHECK_NUM(s->global[0].rs.sets[0].value, -3);
	RC_CHECK_INT(rc_scenario_state(s, "nowhere"), -1);
	/* Scoring overrides. */
	RC_CHECK_INT(s->nna, 1);
	RC_CHECK_STR(s->na_ids[0], "good-faith-gesture");
	RC_CHECK(s->na_ids[1] == NULL);
	RC_CHECK_INT(s->nweights, 1);
	RC_CHECK_STR(s->weight_ids[0], "remain-calm");
	RC_CHECK_NUM(s->weight_values[0], 2.5);
	rc_scenario_free(s);

	/* All problems of a file in one pass. */
	/* The shipped scenarios' policies, as their notes say them. */
	{
		static const struct { const char *id; int64_t min; int months;
		    int64_t credit; int post_dated; } want[] = {
			{ "broke-consumer", 5000, RC_POLICY_UNSET, RC_POLICY_UNSET,
			  RC_POLICY_UNSET },
			{ "gatekeeper-spouse", RC_POLICY_UNSET, 6, RC_POLICY_UNSET,
			  RC_POLICY_UNSET },
			{ "aggressive-contractor", RC_POLICY_UNSET, RC_POLICY_UNSET,
			  75000, RC_POLICY_UNSET },
			{ "promiser-agency", RC_POLICY_UNSET, RC_POLICY_UNSET,
			  RC_POLICY_UNSET, 0 },
		};
		size_t k;

		for (k = 0; k < sizeof want / sizeof want[0]; k++) {
			char file[512];
			struct rc_scenario *p;

			snprintf(file, sizeof file, "%s/%s.json", RECOUP_SCENARIO_DIR,
			    want[k].id);
			p = rc_scenario_load_opts(file, RC_SCENARIO_SUMMARY, &err);
			RC_CHECK(p != NULL);
			if (p == NULL)
				continue;
			RC_CHECK_INT(p->policy.set, 1);
			RC_CHECK_INT(p->policy.min_instalment, want[k].min);
			RC_CHECK_INT(p->policy.max_months, want[k].months);
			RC_CHECK_INT(p->policy.credit_authority, want[k].credit);
			RC_CHECK_NUM(p->policy.discount_percent, RC_POLICY_UNSET);
			RC_CHECK_INT(p->policy.post_dated, want[k].post_dated);
			rc_scenario_free(p);
		}
		rc_err_clear(&err);
	}

	s = rc_scenario_load(RECOUP_TEST_DATA "/bad/several.json", &err);
	RC_CHECK(s == NULL);
	RC_CHECK_INT(err.nerrors, 4);
	rc_err_clear(&err);

	/* Text input: syntax errors with line and column. */
	RC_CHECK(parse("{\n  \"id\": 1,\n  oops\n}", &err) == NULL);
	RC_CHECK_INT(err.n, 1);
	if (err.n == 1)
		RC_CHECK_STR(err.v[0].msg, "mem.json:3:3: invalid JSON: unexpected 'o'");
	rc_err_clear(&err);
	/* An empty object misses every required key, each reported. */
	RC_CHECK(parse("{}", &err) == NULL);
	RC_CHECK(err.nerrors >= 12);
	RC_CHECK_STR(err.v[0].msg, "mem.json: /: missing required key 'id'");
	rc_err_clear(&err);

	/* A reply's "when" is checked as a rule's, with its place. */
	{
		FILE *f = fopen(RECOUP_TEST_DATA "/data/tiny.json", "rb");
		char text[16384], *at;
		size_t n = f ? fread(text, 1, sizeof text - 1, f) : 0;
		const char *from = "\"when\": { \"credited\": 0 }";
		const char *to = "\"when\": { \"credited\": \"~0\" }";

		if (f != NULL)
			fclose(f);
		text[n] = '\0';
		at = strstr(text, from);
		RC_CHECK(at != NULL && strlen(to) == strlen(from) + 3);
		if (at != NULL && n + 3 < sizeof text) {
			memmove(at + strlen(to), at + strlen(from),
			    strlen(at + strlen(from)) + 1);
			memcpy(at, to, strlen(to));
			RC_CHECK(parse(text, &err) == NULL);
			RC_CHECK_INT(err.nerrors, 1);
			if (err.n > 0)
				RC_CHECK(strstr(err.v[0].msg, "/states/talk/rules/3/"
				    "replies/2/when/credited: expected a comparison") != NULL);
		}
		rc_err_clear(&err);
	}

	/* Finding scenarios: ids on the path, paths as given. */
	path = rc_scenario_find("tiny", dirs);
	RC_CHECK_STR(path, RECOUP_TEST_DATA "/data/tiny.json");
	free(path);
	RC_CHECK(rc_scenario_find("absent", dirs) == NULL);
	path = rc_scenario_find("some/where.json", dirs);
	RC_CHECK_STR(path, "some/where.json");
	free(path);
	return RC_TEST_DONE();
}
