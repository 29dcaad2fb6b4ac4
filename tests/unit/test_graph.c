/*
 * test_graph.c - DOT output: nodes and their marks, merged and styled
 * edges, escaping, the flags, and that the output is the same every time.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "graph.h"
#include "harness.h"
#include "xmalloc.h"

static int
has(const struct rc_buf *b, const char *text)
{
	return strstr(rc_buf_str(b), text) != NULL;
}

int
main(void)
{
	struct rc_err err = RC_ERR_INIT;
	struct rc_scenario *s = rc_scenario_load(RECOUP_TEST_DATA "/data/tiny.json", &err);
	struct rc_buf a = RC_BUF_INIT, b = RC_BUF_INIT;

	RC_CHECK(s != NULL);
	if (s == NULL)
		return RC_TEST_DONE();
	rc_graph_dot(s, 0, &a);
	RC_CHECK(strncmp(rc_buf_str(&a), "digraph \"tiny\" {\n", 17) == 0);
	RC_CHECK(a.len > 0 && a.data[a.len - 2] == '}');
	RC_CHECK(has(&a, "\t\"__start\" -> \"hello\" [tooltip=\"start\"];\n"));
	RC_CHECK(has(&a, "\t\"hello\" [penwidth=2.5, tooltip=\"hello\"];\n"));
	RC_CHECK(has(&a, "\t\"gone\" [shape=doublecircle, fillcolor=palegreen"));
	RC_CHECK(has(&a, "\"talk\" -> \"done\" [label=\"take\", tooltip=\"rule: take\"];"));
	RC_CHECK(has(&a, "\"talk\" -> \"done\" [label=\"bargain: accept, accept_plan\""));
	/* Global rules without "next" draw nothing. */
	RC_CHECK(!has(&a, "__any"));
	rc_graph_dot(s, 0, &b);
	RC_CHECK_STR(rc_buf_str(&a), rc_buf_str(&b));
	rc_buf_reset(&b);
	rc_graph_dot(s, RC_GRAPH_NO_FALLBACK | RC_GRAPH_NO_GLOBAL, &b);
	RC_CHECK(!has(&b, "(fallback)"));
	rc_scenario_free(s);

	/* Escaping, merged edges, a global transition, an unreachable state. */
	s = rc_scenario_load(RECOUP_TEST_DATA "/lint/shadowed.json", &err);
	RC_CHECK(s != NULL);
	if (s != NULL) {
		free(s->states[0].description);
		s->states[0].description = rc_xstrdup("a \"q\" \\ b\nc\td");
		rc_buf_reset(&b);
		rc_graph_dot(s, 0, &b);
		RC_CHECK(has(&b, "tooltip=\"a \\\"q\\\" \\\\ b\\nc d\""));
		rc_scenario_free(s);
	}
	s = rc_scenario_load(RECOUP_TEST_DATA "/lint/unreachable.json", &err);
	RC_CHECK(s != NULL);
	if (s != NULL) {
		rc_buf_reset(&b);
		rc_graph_dot(s, 0, &b);
		RC_CHECK(has(&b, "\"limbo\" [style=\"rounded,filled,dashed\""));
		RC_CHECK(has(&b, "\"done\" -> \"gone\" [label=\"thanks\", tooltip=\"rule: thanks\"];"));
		RC_CHECK(has(&b, "\"done\" -> \"gone\" [label=\"(fallback)\", style=dotted];"));
		rc_scenario_free(s);
	}
	RC_CHECK_INT(err.n, 0);
	rc_err_clear(&err);
	rc_buf_free(&a);
	rc_buf_free(&b);
	return RC_TEST_DONE();
}
