/*
 * fuzz_plan.c - libFuzzer target for scenario test plans
 * (docs/test-plans.md): any bytes are parsed as a plan; a plan that parses
 * is bound to a shipped scenario (forgetful-florist) and, when it binds,
 * run for one seed, its failures kept as `recoup test` keeps them.  Build
 * with -DRECOUP_FUZZ=ON (clang); seed corpus in fuzz/corpus/plan.
 */
#include "fuzzkit.h"

#include "plan.h"
#include "scenario.h"

static struct rc_scenario *scenario;

static void
drop_scenario(void)
{
	rc_scenario_free(scenario);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct rc_err err = RC_ERR_INIT;

	(void)argc;
	(void)argv;
	fuzz_setup();
	scenario = rc_scenario_load(RECOUP_SOURCE_SCENARIOS
	    "/forgetful-florist.json", &err);
	if (scenario == NULL)
		abort();
	rc_err_clear(&err);
	atexit(drop_scenario);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rc_err err = RC_ERR_INIT;
	struct rc_plan *p;
	char *text = fuzz_text(data, size);

	p = rc_plan_parse("fuzz.plan.json", text, size, &err);
	if (p != NULL && rc_plan_bind(p, scenario, &err) == 0) {
		struct rc_plan_result r = RC_PLAN_RESULT_INIT;

		rc_plan_run(p, scenario, NULL, 1, 7, &r);
		rc_plan_result_free(&r);
	}
	rc_plan_free(p);
	rc_err_clear(&err);
	free(text);
	return 0;
}
