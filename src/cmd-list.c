/*
 * cmd-list.c - `recoup list`: the scenarios on the scenario path
 * (rc_cmd_scenario_files), one line each (or a JSON array).  A scenario id
 * found twice is listed once, from the first; files that fail to load are
 * reported and skipped (silently with --ids, the form shell completion
 * reads).  Listing reads each file's structure only: no
 * pattern is compiled (lint checks them).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "xmalloc.h"

static int
list_exec(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "ids", no_argument, NULL, 'i' },
		{ "scenarios", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *dir = NULL;
	struct rc_buf out = RC_BUF_INIT;
	char **files, **seen = NULL;
	size_t nseen = 0, i;
	int json = 0, ids = 0, c, bad = 0, count = 0;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'j': json = 1; break;
		case 'i': ids = 1; break;
		case 's': dir = optarg; break;
		case 'h': return rc_cmd_usage(&rc_cmd_list, 0);
		default: return rc_cmd_usage(&rc_cmd_list, 1);
		}
	}
	if (optind < argc) {
		rc_cmd_error("list takes no arguments, got '%s'", argv[optind]);
		return rc_cmd_usage(&rc_cmd_list, 1);
	}
	if (json && ids) {
		rc_cmd_error("--json and --ids cannot be used together");
		return rc_cmd_usage(&rc_cmd_list, 1);
	}
	if (json)
		rc_buf_puts(&out, "[");
	else if (!ids)
		rc_buf_printf(&out, "%-24s %-10s %-12s %6s %6s  %s\n", "ID", "LEVEL",
		    "ARCHETYPE", "STATES", "RULES", "TITLE");
	files = rc_cmd_scenario_files(dir);
	for (i = 0; files[i]; i++) {
		struct rc_err err = RC_ERR_INIT;
		struct rc_scenario *s = rc_scenario_load_opts(files[i],
		    RC_SCENARIO_SUMMARY, &err);
		size_t k;

		if (s == NULL) {
			if (!ids)
				rc_cmd_print_err(&err);
			rc_err_clear(&err);
			bad = 1;
			continue;
		}
		rc_err_clear(&err);
		for (k = 0; k < nseen && strcmp(seen[k], s->id); k++)
			;
		if (k == nseen) {
			seen = rc_xreallocarray(seen, nseen + 1, sizeof *seen);
			seen[nseen++] = rc_xstrdup(s->id);
			if (ids) {
				rc_buf_printf(&out, "%s\n", s->id);
			} else if (json) {
				rc_buf_puts(&out, count ? ",\n {\"id\": " : "\n {\"id\": ");
				rc_buf_json_string(&out, s->id);
				rc_buf_puts(&out, ", \"title\": ");
				rc_buf_json_string(&out, s->title);
				rc_buf_puts(&out, ", \"version\": ");
				rc_buf_json_string(&out, s->version);
				rc_buf_puts(&out, ", \"archetype\": ");
				rc_buf_json_string(&out, s->archetype);
				rc_buf_puts(&out, ", \"difficulty\": ");
				rc_buf_json_string(&out, s->difficulty);
				rc_buf_printf(&out, ", \"kind\": \"%s\", \"states\": %zu, "
				    "\"rules\": %zu, \"path\": ", s->kind, s->nstates,
				    rc_scenario_rule_count(s));
				rc_buf_json_string(&out, files[i]);
				rc_buf_puts(&out, "}");
			} else {
				rc_buf_printf(&out, "%-24s %-10s %-12s %6zu %6zu  %s\n",
				    s->id, s->difficulty, s->archetype, s->nstates,
				    rc_scenario_rule_count(s), s->title);
			}
			count++;
		}
		rc_scenario_free(s);
	}
	rc_cmd_free_list(files);
	if (json)
		rc_buf_puts(&out, count ? "\n]\n" : "]\n");
	else if (count == 0 && !ids)
		rc_buf_puts(&out, "(no scenarios found)\n");
	rc_cmd_out(rc_buf_str(&out));
	rc_buf_free(&out);
	for (i = 0; i < nseen; i++)
		free(seen[i]);
	free(seen);
	return bad && !ids ? RC_EXIT_USAGE : RC_EXIT_OK;
}

const struct rc_cmd rc_cmd_list = {
	.name = "list",
	.usage = "list [--json|--ids] [--scenarios DIR]",
	.summary = "list the scenarios: id, level, archetype, states, rules, title",
	.help =
	    "Options:\n"
	    "  --json             print a JSON array instead of a table\n"
	    "  --ids              print the ids alone, one a line, and no message\n"
	    "                     about files that do not load (for shell completion)\n"
	    "  --scenarios DIR    look in DIR first (also $RECOUP_SCENARIOS)\n",
	.exec = list_exec,
};
