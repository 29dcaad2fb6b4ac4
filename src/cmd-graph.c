/*
 * cmd-graph.c - `recoup graph`: a scenario's state machine as Graphviz DOT
 * on stdout, for `dot -Tsvg` and friends.  The drawing itself is graph.c;
 * this file only finds and loads the scenario (exit 2 when it cannot) and
 * writes the text.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "graph.h"

static int
graph_exec(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "no-global", no_argument, NULL, 'g' },
		{ "no-fallback", no_argument, NULL, 'f' },
		{ "scenarios", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct rc_buf out = RC_BUF_INIT;
	struct rc_scenario *s;
	const char *dir = NULL;
	unsigned flags = 0;
	int c, ok;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'g': flags |= RC_GRAPH_NO_GLOBAL; break;
		case 'f': flags |= RC_GRAPH_NO_FALLBACK; break;
		case 'd': dir = optarg; break;
		case 'h': return rc_cmd_usage(&rc_cmd_graph, 0);
		default: return rc_cmd_usage(&rc_cmd_graph, 1);
		}
	}
	if (optind >= argc) {
		rc_cmd_error("graph needs a scenario");
		return rc_cmd_usage(&rc_cmd_graph, 1);
	}
	if (optind + 1 < argc) {
		rc_cmd_error("graph takes one scenario, got '%s' too", argv[optind + 1]);
		return rc_cmd_usage(&rc_cmd_graph, 1);
	}
	if ((s = rc_cmd_load_scenario(argv[optind], dir)) == NULL)
		return RC_EXIT_USAGE;
	rc_graph_dot(s, flags, &out);
	rc_cmd_write(stdout, rc_buf_str(&out));
	rc_buf_free(&out);
	rc_scenario_free(s);
	ok = fflush(stdout) == 0 && !ferror(stdout);
	if (!ok)
		rc_cmd_error("cannot write the graph to standard output");
	return ok ? RC_EXIT_OK : RC_EXIT_FAIL;
}

const struct rc_cmd rc_cmd_graph = {
	.name = "graph",
	.usage = "graph SCENARIO [--no-global] [--no-fallback] [--scenarios DIR]",
	.summary = "print a scenario's state machine as Graphviz DOT",
	.help =
	    "Render it with Graphviz, e.g. 'recoup graph ID | dot -Tsvg > ID.svg'.\n"
	    "States are boxes (hover for the description): the start state has\n"
	    "a thick border, bargaining states are yellow, endings are double\n"
	    "circles (green: close, red: hang-up), unreachable states are grey.\n"
	    "Edges carry the ids of the rules that take them; global rules leave\n"
	    "from the dashed \"any state\" box; the bargain model's replies are\n"
	    "bold (green when it accepts); fallbacks are dotted.\n\n"
	    "Options:\n"
	    "  --no-global        leave out global rules and /pause replies\n"
	    "  --no-fallback      leave out the fallbacks' transitions\n"
	    "  --scenarios DIR    look for scenario ids in DIR first\n",
	.exec = graph_exec,
};
