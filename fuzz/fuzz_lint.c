/*
 * fuzz_lint.c - libFuzzer target for the authoring tools: any bytes are
 * indexed for positions, read as a scenario (linted and drawn when it
 * loads) and read as a test plan, never crashing or leaking.  Build with
 * -DRECOUP_FUZZ=ON (clang); seed corpus in fuzz/corpus/lint.
 */
#include "fuzzkit.h"

#include "buf.h"
#include "graph.h"
#include "jsonptr.h"
#include "lint.h"
#include "plan.h"


int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup();
	fuzz_warm_up();
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rc_err err = RC_ERR_INIT;
	struct rc_buf dot = RC_BUF_INIT;
	struct rc_jsonptr *x;
	struct rc_scenario *s;
	struct rc_plan *p;
	char *text = malloc(size + 1);
	int line, col;

	memcpy(text, data, size);
	text[size] = '\0';
	x = rc_jsonptr_index(text, size);
	rc_jsonptr_find(x, "/states", &line, &col, NULL);
	rc_jsonptr_find(x, "/cases/0/steps/0", &line, &col, NULL);
	rc_jsonptr_free(x);
	s = rc_scenario_parse("fuzz.json", text, size, &err);
	if (s != NULL) {
		rc_lint_check(s, text, size, &err);
		rc_graph_dot(s, 0, &dot);
	}
	p = rc_plan_parse("fuzz.plan.json", text, size, &err);
	if (p != NULL && s != NULL)
		rc_plan_bind(p, s, &err);
	rc_plan_free(p);
	rc_scenario_free(s);
	rc_buf_free(&dot);
	rc_err_clear(&err);
	free(text);
	return 0;
}
